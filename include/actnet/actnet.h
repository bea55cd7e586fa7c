/* actnet — turn a corpus of news text into an actor network.
 *
 * Ownership, stated once for the whole API:
 *   - functions named *_new, *_dup, *_steal_* and *_read_* return values the
 *     caller owns and frees with the matching *_free (or g_free / g_array_unref
 *     where the return type is a plain GLib type);
 *   - *_get_* and *_lookup* return borrowed pointers, valid until the owner is
 *     modified or freed;
 *   - setters and adders copy their arguments;
 *   - every *_free accepts NULL.
 * Functions that can fail take `GError **error` last and return FALSE / NULL
 * on failure with the error set in ACTNET_ERROR (or G_FILE_ERROR for I/O).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#pragma once

#include <actnet/actnet-error.h>
#include <actnet/actnet-text.h>
#include <actnet/actnet-gazetteer.h>
#include <actnet/actnet-matcher.h>
#include <actnet/actnet-corpus.h>
#include <actnet/actnet-segmenter.h>
#include <actnet/actnet-cooccur.h>
#include <actnet/actnet-graph.h>
#include <actnet/actnet-pipeline.h>
#include <actnet/actnet-import.h>
#include <actnet/actnet-lint.h>
#include <actnet/actnet-suggest.h>
#include <actnet/actnet-eval.h>
#include <actnet/actnet-network.h>
#include <actnet/actnet-analysis.h>
#include <actnet/actnet-export.h>
#include <actnet/actnet-draw.h>
#include <actnet/actnet-dates.h>
#include <actnet/actnet-slices.h>
#include <actnet/actnet-evidence.h>
#include <actnet/actnet-dedup.h>
#include <actnet/actnet-counts.h>
#include <actnet/actnet-compiled.h>
