/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fopencookie(): the stream records why a write failed. */
#define _GNU_SOURCE
#include "atomic-file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

struct _ActnetAtomicFile {
  char *path;      /* destination */
  char *tmp_path;  /* NULL when writing to stdout */
  FILE *stream;
  int fd;          /* under stream, -1 for stdout */
  int write_errno; /* the first failed write(), 0 if none */
  int slot;        /* in the registry below, -1 when not registered */
};

/* ---- temporary files a signal handler removes ----------------------------
 * A handler may run between any two instructions of the main program, so it
 * reads nothing but this fixed storage: a slot's path is complete before its
 * flag is set and the flag is cleared before the slot is reused. */

#define MAX_REGISTERED 32

static char registered_paths[MAX_REGISTERED][PATH_MAX];
static atomic_int registered[MAX_REGISTERED];
static GMutex registry_lock;   /* between threads that open files; never in the handler */

static int
registry_add (const char *tmp_path)
{
  if (strlen (tmp_path) >= PATH_MAX)
    return -1;
  g_mutex_lock (&registry_lock);
  int slot = -1;
  for (int i = 0; i < MAX_REGISTERED && slot < 0; i++)
    if (atomic_load (&registered[i]) == 0)
      slot = i;
  if (slot >= 0)
    {
      strcpy (registered_paths[slot], tmp_path);
      atomic_store (&registered[slot], 1);
    }
  g_mutex_unlock (&registry_lock);
  return slot;
}

static void
registry_remove (int slot)
{
  if (slot >= 0)
    atomic_store (&registered[slot], 0);
}

void
actnet_i_atomic_file_remove_all (void)
{
  for (int i = 0; i < MAX_REGISTERED; i++)
    if (atomic_load (&registered[i]) != 0)
      unlink (registered_paths[i]);
}

/* ---- the stream ------------------------------------------------------- */

static ssize_t
cookie_write (void *cookie, const char *data, size_t size)
{
  ActnetAtomicFile *file = cookie;
  size_t done = 0;
  while (done < size)
    {
      ssize_t n = write (file->fd, data + done, size - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (file->write_errno == 0)
            file->write_errno = n < 0 ? errno : EIO;
          /* stdio takes 0 as the error; a partial count is retried. */
          return (ssize_t) done;
        }
      done += (size_t) n;
    }
  return (ssize_t) done;
}

static int
cookie_close (void *cookie)
{
  ActnetAtomicFile *file = cookie;
  int rc = close (file->fd);
  if (rc != 0 && file->write_errno == 0)
    file->write_errno = errno;
  file->fd = -1;
  return rc;
}

static gboolean
set_errno_error (GError **error, int saved_errno, const char *what, const char *path)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "%s: %s: %s", path, what, g_strerror (saved_errno));
  return FALSE;
}

ActnetAtomicFile *
actnet_i_atomic_file_open (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  ActnetAtomicFile *file = g_new0 (ActnetAtomicFile, 1);
  file->path = g_strdup (path);
  file->fd = -1;
  file->slot = -1;
  if (strcmp (path, "-") == 0)
    {
      file->stream = stdout;
      return file;
    }

  /* The temporary file lives in the destination's directory so that the
   * final rename() stays on one file system and is atomic. Its name is
   * registered before the file exists: a signal may be handled on any
   * thread (blocking it here only holds it off this one), and the handler
   * then finds either nothing to unlink or the file. */
  static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  file->tmp_path = g_strdup_printf ("%s.tmp-XXXXXX", path);
  gsize tail = strlen (file->tmp_path) - 6;
  int fd = -1;
  int saved = EEXIST;
  for (int attempt = 0; fd < 0 && saved == EEXIST && attempt < 100; attempt++)
    {
      for (gsize i = 0; i < 6; i++)
        file->tmp_path[tail + i] = letters[g_random_int_range (0, (gint32) sizeof letters - 1)];
      file->slot = registry_add (file->tmp_path);
      fd = open (file->tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      saved = errno;
      if (fd < 0)
        {
          registry_remove (file->slot);
          file->slot = -1;
        }
    }
  if (fd < 0)
    {
      set_errno_error (error, saved, "cannot create output file", path);
      g_clear_pointer (&file->tmp_path, g_free);
      actnet_i_atomic_file_abort (file);
      return NULL;
    }
  file->fd = fd;
  static const cookie_io_functions_t functions = {
    .read = NULL, .write = cookie_write, .seek = NULL, .close = cookie_close,
  };
  file->stream = fopencookie (file, "w", functions);
  if (file->stream == NULL)
    {
      saved = errno;
      close (fd);
      file->fd = -1;
      set_errno_error (error, saved, "cannot open output file", path);
      actnet_i_atomic_file_abort (file);
      return NULL;
    }
  return file;
}

FILE *
actnet_i_atomic_file_get_stream (ActnetAtomicFile *file)
{
  return file->stream;
}

static void
atomic_file_release (ActnetAtomicFile *file)
{
  g_free (file->path);
  g_free (file->tmp_path);
  g_free (file);
}

/* The reason of a failed write: the one write() reported, else @fallback. */
static int
write_reason (const ActnetAtomicFile *file, int fallback)
{
  if (file->write_errno != 0)
    return file->write_errno;
  return fallback != 0 ? fallback : EIO;
}

gboolean
actnet_i_atomic_file_write (ActnetAtomicFile *file, const void *data, gsize length,
                            GError **error)
{
  g_return_val_if_fail (file != NULL, FALSE);
  if (length == 0 || fwrite (data, 1, length, file->stream) == length)
    return TRUE;
  int saved = errno;
  set_errno_error (error, write_reason (file, saved), "write error",
                   file->tmp_path != NULL ? file->path : "standard output");
  actnet_i_atomic_file_abort (file);
  return FALSE;
}

gboolean
actnet_i_atomic_file_drain (ActnetAtomicFile *file, GString *text, gsize threshold,
                            GError **error)
{
  g_return_val_if_fail (file != NULL && text != NULL, FALSE);
  if (text->len < threshold || text->len == 0)
    return TRUE;
  gboolean ok = actnet_i_atomic_file_write (file, text->str, text->len, error);
  g_string_truncate (text, 0);
  return ok;
}

gboolean
actnet_i_atomic_file_commit (ActnetAtomicFile *file, GError **error)
{
  g_return_val_if_fail (file != NULL, FALSE);

  if (file->tmp_path == NULL)
    {
      gboolean ok = fflush (file->stream) == 0 && !ferror (file->stream);
      if (!ok)
        set_errno_error (error, errno != 0 ? errno : EIO, "write error", "standard output");
      atomic_file_release (file);
      return ok;
    }

  errno = 0;
  gboolean ok = fflush (file->stream) == 0 && !ferror (file->stream)
                && fsync (file->fd) == 0;
  int saved = errno;
  if (fclose (file->stream) != 0 && ok)
    {
      ok = FALSE;
      saved = errno;
    }
  file->stream = NULL;
  if (!ok)
    {
      set_errno_error (error, write_reason (file, saved), "write error", file->path);
      actnet_i_atomic_file_abort (file);
      return FALSE;
    }
  if (g_rename (file->tmp_path, file->path) != 0)
    {
      set_errno_error (error, errno, "cannot rename output into place", file->path);
      actnet_i_atomic_file_abort (file);
      return FALSE;
    }
  /* Only now: a signal before the rename must still find the file. */
  registry_remove (file->slot);
  atomic_file_release (file);
  return TRUE;
}

void
actnet_i_atomic_file_abort (ActnetAtomicFile *file)
{
  if (file == NULL)
    return;
  if (file->stream != NULL && file->stream != stdout)
    fclose (file->stream);
  if (file->tmp_path != NULL)
    g_unlink (file->tmp_path);
  registry_remove (file->slot);
  atomic_file_release (file);
}
