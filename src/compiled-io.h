/* The byte layout of compiled gazetteers (actnet-compiled.c): fixed-size
 * native integers and length-prefixed blobs, written into a GByteArray and
 * read back with bounds checks. The gazetteer and matcher modules save and
 * restore their own structures with these.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <string.h>
#include <glib.h>
#include <actnet/actnet-gazetteer.h>
#include <actnet/actnet-matcher.h>

typedef struct {
  const guint8 *p;
  const guint8 *end;
  gboolean failed;  /* read past the end, or a malformed value */
} ActnetIReader;

static inline void
actnet_i_put (GByteArray *out, const void *data, gsize length)
{
  g_byte_array_append (out, data, (guint) length);
}

static inline void
actnet_i_put_u32 (GByteArray *out, guint32 value)
{
  actnet_i_put (out, &value, sizeof value);
}

static inline void
actnet_i_put_u64 (GByteArray *out, guint64 value)
{
  actnet_i_put (out, &value, sizeof value);
}

/* @count elements of @size bytes, after their count. */
static inline void
actnet_i_put_array (GByteArray *out, const void *data, guint64 count, gsize size)
{
  actnet_i_put_u64 (out, count);
  actnet_i_put (out, data, (gsize) count * size);
}

/* A string with its NUL, or NULL. */
static inline void
actnet_i_put_string (GByteArray *out, const char *text)
{
  if (text == NULL)
    {
      actnet_i_put_u32 (out, G_MAXUINT32);
      return;
    }
  gsize length = strlen (text);
  actnet_i_put_u32 (out, (guint32) length);
  actnet_i_put (out, text, length + 1);
}

/* @length bytes from @in, or NULL (and @in failed) past its end. */
static inline const void *
actnet_i_get (ActnetIReader *in, gsize length)
{
  if (in->failed || (gsize) (in->end - in->p) < length)
    {
      in->failed = TRUE;
      return NULL;
    }
  const void *data = in->p;
  in->p += length;
  return data;
}

static inline guint32
actnet_i_get_u32 (ActnetIReader *in)
{
  guint32 value = 0;
  const void *data = actnet_i_get (in, sizeof value);
  if (data != NULL)
    memcpy (&value, data, sizeof value);
  return value;
}

static inline guint64
actnet_i_get_u64 (ActnetIReader *in)
{
  guint64 value = 0;
  const void *data = actnet_i_get (in, sizeof value);
  if (data != NULL)
    memcpy (&value, data, sizeof value);
  return value;
}

/* A new copy of an array of exactly @count elements of @size bytes (at
 * least one element allocated), or NULL when the file holds another count. */
static inline void *
actnet_i_get_array (ActnetIReader *in, guint64 count, gsize size)
{
  if (actnet_i_get_u64 (in) != count || count > G_MAXSIZE / MAX (size, 1))
    {
      in->failed = TRUE;
      return NULL;
    }
  const void *data = actnet_i_get (in, (gsize) count * size);
  if (data == NULL)
    return NULL;
  void *copy = g_malloc (MAX ((gsize) count * size, size));
  memcpy (copy, data, (gsize) count * size);
  return copy;
}

/* A string borrowed from the data (NUL-terminated there), or NULL for a
 * NULL string or on failure (then @in failed). */
static inline const char *
actnet_i_get_string (ActnetIReader *in)
{
  guint32 length = actnet_i_get_u32 (in);
  if (in->failed || length == G_MAXUINT32)
    return NULL;
  const char *text = actnet_i_get (in, (gsize) length + 1);
  if (text != NULL && (text[length] != '\0' || memchr (text, '\0', length) != NULL))
    {
      in->failed = TRUE;
      return NULL;
    }
  return text;
}

/* Each module's part: everything it holds appended to @out; restored into
 * a new object, or NULL when the bytes are malformed. The restored matcher
 * uses @gazetteer, which must outlive it. */
void actnet_i_gazetteer_save (const ActnetGazetteer *gazetteer, GByteArray *out);
ActnetGazetteer *actnet_i_gazetteer_restore (ActnetIReader *in);
void actnet_i_matcher_save (const ActnetMatcher *matcher, GByteArray *out);
ActnetMatcher *actnet_i_matcher_restore (ActnetIReader *in, const ActnetGazetteer *gazetteer);

/* The checksum of a compiled file's payload (for the tests' forged files). */
guint64 actnet_i_compiled_hash (const guint8 *data, gsize length);
