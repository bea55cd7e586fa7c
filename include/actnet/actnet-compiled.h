/* Compiled gazetteers: a gazetteer and its matcher saved in one binary file
 * and read back in a fraction of the time loading and compiling take (for
 * the 119k GeoNames names about 0.05 s instead of 0.22 s). A compiled file
 * belongs to the actnet library that wrote it, on this machine: any other
 * build, and any damaged or truncated file, is refused, and the caller
 * compiles again. The CLI keeps them in a cache (README, "Gazetteers").
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <actnet/actnet-gazetteer.h>
#include <actnet/actnet-matcher.h>

G_BEGIN_DECLS

/* Writes @matcher and its gazetteer to @path (atomically), tagged with
 * @key, the caller's name for what was compiled (say a checksum of the
 * gazetteer files and the options). */
gboolean actnet_compiled_save (const ActnetMatcher *matcher, const char *key,
                               const char *path, GError **error);

/* Reads what actnet_compiled_save() wrote with the same @key. Returns the
 * matcher and sets *@gazetteer to the gazetteer it uses (free the matcher
 * first). Fails with ACTNET_ERROR_PARSE when @path is not a compiled
 * gazetteer of this build, is damaged, or carries another key; with a
 * GFileError when it cannot be read. */
ActnetMatcher *actnet_compiled_load (const char *path, const char *key,
                                     ActnetGazetteer **gazetteer, GError **error);

G_END_DECLS
