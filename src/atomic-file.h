/* Atomic output: write to a temporary file beside the destination, then
 * rename it into place, so a failed run never leaves a half-written file.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdio.h>
#include <glib.h>

typedef struct _ActnetAtomicFile ActnetAtomicFile;

/* Opens a temporary file in @path's directory ("-" means stdout, written
 * directly). Fails with G_FILE_ERROR naming @path. */
ActnetAtomicFile *actnet_i_atomic_file_open (const char *path, GError **error);
FILE *actnet_i_atomic_file_get_stream (ActnetAtomicFile *file);
/* Flushes, syncs and renames into place; frees @file in any case. */
gboolean actnet_i_atomic_file_commit (ActnetAtomicFile *file, GError **error);
/* Removes the temporary file and frees @file (NULL is a no-op). */
void actnet_i_atomic_file_abort (ActnetAtomicFile *file);
