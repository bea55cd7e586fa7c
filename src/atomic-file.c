/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "atomic-file.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

struct _ActnetAtomicFile {
  char *path;      /* destination */
  char *tmp_path;  /* NULL when writing to stdout */
  FILE *stream;
};

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
  if (strcmp (path, "-") == 0)
    {
      file->stream = stdout;
      return file;
    }

  /* The temporary file lives in the destination's directory so that the
   * final rename() stays on one file system and is atomic. */
  file->tmp_path = g_strdup_printf ("%s.tmp-XXXXXX", path);
  int fd = g_mkstemp_full (file->tmp_path, O_WRONLY, 0666);
  if (fd < 0)
    {
      set_errno_error (error, errno, "cannot create output file", path);
      g_clear_pointer (&file->tmp_path, g_free);
      actnet_i_atomic_file_abort (file);
      return NULL;
    }
  file->stream = fdopen (fd, "w");
  if (file->stream == NULL)
    {
      int saved = errno;
      close (fd);
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

gboolean
actnet_i_atomic_file_commit (ActnetAtomicFile *file, GError **error)
{
  g_return_val_if_fail (file != NULL, FALSE);

  if (file->tmp_path == NULL)
    {
      gboolean ok = fflush (file->stream) == 0 && !ferror (file->stream);
      if (!ok)
        set_errno_error (error, errno, "write error", "standard output");
      atomic_file_release (file);
      return ok;
    }

  gboolean ok = fflush (file->stream) == 0 && !ferror (file->stream)
                && fsync (fileno (file->stream)) == 0;
  int saved = errno;
  if (fclose (file->stream) != 0 && ok)
    {
      ok = FALSE;
      saved = errno;
    }
  file->stream = NULL;
  if (!ok)
    {
      set_errno_error (error, saved, "write error", file->path);
      actnet_i_atomic_file_abort (file);
      return FALSE;
    }
  if (g_rename (file->tmp_path, file->path) != 0)
    {
      set_errno_error (error, errno, "cannot rename output into place", file->path);
      actnet_i_atomic_file_abort (file);
      return FALSE;
    }
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
  atomic_file_release (file);
}
