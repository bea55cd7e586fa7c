/* Atomic output: write to a temporary file beside the destination, then
 * rename it into place, so a failed run never leaves a half-written file.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdio.h>
#include <glib.h>

typedef struct _ActnetAtomicFile ActnetAtomicFile;

/* Opens a temporary file in @path's directory ("-" means stdout, written
 * directly). Fails with G_FILE_ERROR naming @path. The temporary file is
 * registered for actnet_i_atomic_file_remove_all() until it is committed
 * or aborted. */
ActnetAtomicFile *actnet_i_atomic_file_open (const char *path, GError **error);
FILE *actnet_i_atomic_file_get_stream (ActnetAtomicFile *file);
/* Writes @length bytes to @file's stream; on a short write (disk full,
 * file size limit) sets @error "PATH: write error: REASON", removes the
 * temporary file and frees @file, so the caller only returns FALSE. */
gboolean actnet_i_atomic_file_write (ActnetAtomicFile *file, const void *data, gsize length,
                                     GError **error);
/* Writes @text to @file and empties it once it holds at least @threshold
 * bytes (0: whatever it holds). Writers build text a megabyte at a time
 * this way: a buffer the size of a large document would be held whole and
 * copied to the kernel cold, at a fraction of the speed. Fails as
 * actnet_i_atomic_file_write() does (the file is then freed). */
gboolean actnet_i_atomic_file_drain (ActnetAtomicFile *file, GString *text, gsize threshold,
                                     GError **error);
#define ACTNET_I_DRAIN_SIZE (1 << 20)
/* Flushes, syncs and renames into place; frees @file in any case. A write
 * error seen at any point (fwrite, fflush, fsync, fclose) fails with
 * "PATH: write error: REASON" and removes the temporary file. */
gboolean actnet_i_atomic_file_commit (ActnetAtomicFile *file, GError **error);
/* Removes the temporary file and frees @file (NULL is a no-op). */
void actnet_i_atomic_file_abort (ActnetAtomicFile *file);

/* Unlinks every temporary file still being written. Async-signal-safe
 * (fixed storage, unlink() only): for a SIGINT/SIGTERM handler, which then
 * re-raises the signal. At most 32 files are registered at a time; a
 * further one is written all the same but not removed on a signal. */
void actnet_i_atomic_file_remove_all (void);
