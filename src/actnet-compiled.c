/* Compiled gazetteers: the file around the gazetteer's and the matcher's
 * own compiled forms (actnet_i_gazetteer_save(), actnet_i_matcher_save()).
 *
 *   "ACTNETGC"  u32 format  u32 0x01020304 (byte order)
 *   string build id   string key
 *   u64 payload size  u64 payload hash   payload
 *
 * The build id names the library file that wrote it (path, size, mtime):
 * the structures are saved as they lie in memory, so only the same build
 * may read them, and a rebuilt library never trusts an older file. The
 * hash catches a damaged file; the restore functions check every index
 * besides.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#define _GNU_SOURCE
#include <actnet/actnet-compiled.h>

#include <dlfcn.h>
#include <sys/stat.h>

#include <actnet/actnet-error.h>
#include "atomic-file.h"
#include "actnet-config.h"
#include "compiled-io.h"

#define MAGIC "ACTNETGC"
#define FORMAT 1
#define BYTE_ORDER_MARK 0x01020304u

/* "VERSION PATH SIZE MTIME" of the object holding this code. */
static const char *
build_id (void)
{
  static gsize id;
  if (g_once_init_enter (&id))
    {
      Dl_info info;
      struct stat st;
      char *value;
      if (dladdr ((void *) build_id, &info) != 0 && info.dli_fname != NULL
          && stat (info.dli_fname, &st) == 0)
        value = g_strdup_printf ("%s %s %lld %lld.%09ld", ACTNET_VERSION, info.dli_fname,
                                 (long long) st.st_size, (long long) st.st_mtim.tv_sec,
                                 (long) st.st_mtim.tv_nsec);
      else
        value = g_strdup_printf ("%s unknown", ACTNET_VERSION);
      g_once_init_leave (&id, (gsize) value);
    }
  return (const char *) id;
}

/* A 64-bit hash of @data read 8 bytes at a time: a checksum against
 * damage, a few milliseconds for tens of megabytes. */
guint64
actnet_i_compiled_hash (const guint8 *data, gsize length)
{
  guint64 h = G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) ^ length;
  gsize i = 0;
  for (; i + 8 <= length; i += 8)
    {
      guint64 word;
      memcpy (&word, data + i, sizeof word);
      h = (h ^ word) * G_GUINT64_CONSTANT (0xFF51AFD7ED558CCD);
      h ^= h >> 32;
    }
  for (; i < length; i++)
    h = (h ^ data[i]) * G_GUINT64_CONSTANT (0x100000001B3);
  return h ^ (h >> 29);
}

gboolean
actnet_compiled_save (const ActnetMatcher *matcher, const char *key, const char *path,
                      GError **error)
{
  g_return_val_if_fail (matcher != NULL && key != NULL && path != NULL, FALSE);

  GByteArray *payload = g_byte_array_new ();
  actnet_i_gazetteer_save (actnet_matcher_get_gazetteer (matcher), payload);
  actnet_i_matcher_save (matcher, payload);

  GByteArray *head = g_byte_array_new ();
  actnet_i_put (head, MAGIC, 8);
  actnet_i_put_u32 (head, FORMAT);
  actnet_i_put_u32 (head, BYTE_ORDER_MARK);
  actnet_i_put_string (head, build_id ());
  actnet_i_put_string (head, key);
  actnet_i_put_u64 (head, payload->len);
  actnet_i_put_u64 (head, actnet_i_compiled_hash (payload->data, payload->len));

  gboolean ok = FALSE;
  ActnetAtomicFile *file = actnet_i_atomic_file_open (path, error);
  if (file != NULL
      && actnet_i_atomic_file_write (file, head->data, head->len, error)
      && actnet_i_atomic_file_write (file, payload->data, payload->len, error))
    ok = actnet_i_atomic_file_commit (file, error);
  g_byte_array_unref (head);
  g_byte_array_unref (payload);
  return ok;
}

static ActnetMatcher *
refuse (const char *path, const char *why, GError **error)
{
  g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_PARSE, "%s: not a usable compiled gazetteer: %s",
               path, why);
  return NULL;
}

ActnetMatcher *
actnet_compiled_load (const char *path, const char *key, ActnetGazetteer **gazetteer,
                      GError **error)
{
  g_return_val_if_fail (path != NULL && key != NULL && gazetteer != NULL, NULL);

  g_autoptr (GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return NULL;
  const guint8 *data = (const guint8 *) g_mapped_file_get_contents (mapped);
  ActnetIReader in = { data, data + g_mapped_file_get_length (mapped), FALSE };

  const void *magic = actnet_i_get (&in, 8);
  if (magic == NULL || memcmp (magic, MAGIC, 8) != 0)
    return refuse (path, "no compiled-gazetteer header", error);
  guint32 format = actnet_i_get_u32 (&in);
  guint32 mark = actnet_i_get_u32 (&in);
  const char *writer = actnet_i_get_string (&in);
  if (in.failed || format != FORMAT || mark != BYTE_ORDER_MARK || writer == NULL
      || strcmp (writer, build_id ()) != 0)
    return refuse (path, "written by another build of actnet", error);
  const char *stored_key = actnet_i_get_string (&in);
  if (stored_key == NULL || strcmp (stored_key, key) != 0)
    return refuse (path, "compiled from other gazetteers or options", error);
  guint64 size = actnet_i_get_u64 (&in);
  guint64 hash = actnet_i_get_u64 (&in);
  if (in.failed || size != (guint64) (in.end - in.p)
      || actnet_i_compiled_hash (in.p, (gsize) size) != hash)
    return refuse (path, "damaged or truncated", error);

  ActnetGazetteer *restored = actnet_i_gazetteer_restore (&in);
  ActnetMatcher *matcher = restored != NULL ? actnet_i_matcher_restore (&in, restored) : NULL;
  if (matcher == NULL || in.p != in.end)
    {
      actnet_matcher_free (matcher);
      actnet_gazetteer_free (restored);
      return refuse (path, "malformed contents", error);
    }
  *gazetteer = restored;
  return matcher;
}
