/* Near-duplicate documents: wire stories re-posted with another byline, a
 * boilerplate paragraph or different markup would otherwise count the same
 * co-occurrences twice.
 *
 * Method: word shingles (ACTNET_DEDUP_SHINGLE consecutive words of the
 * normalised symbol keys of a document's markdown-blanked text, so case,
 * markup and punctuation do not matter) -> a MinHash signature of
 * ACTNET_DEDUP_HASHES values from a fixed hash family (no per-process seed:
 * runs are reproducible) -> LSH banding (ACTNET_DEDUP_BANDS bands of
 * ACTNET_DEDUP_ROWS rows) to find candidate earlier documents -> a candidate
 * is confirmed when the estimated Jaccard similarity of the two shingle
 * sets (the share of equal signature values) is at least the threshold.
 *
 * Streaming: each document is compared with the documents added before it
 * only. A duplicate is folded into the first document of its cluster (the
 * earliest in input order). A document with fewer than ACTNET_DEDUP_SHINGLE
 * words has no shingle and is never a duplicate. Memory per document: its
 * signature, its band links and its id (for reports).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <actnet/actnet-dates.h>
#include <actnet/actnet-corpus.h>

G_BEGIN_DECLS

#define ACTNET_DEDUP_SHINGLE 5
#define ACTNET_DEDUP_HASHES 128
#define ACTNET_DEDUP_BANDS 32
#define ACTNET_DEDUP_ROWS 4
#define ACTNET_DEDUP_DEFAULT_THRESHOLD 0.8

typedef struct _ActnetDeduper ActnetDeduper;

/* A deduper folding documents whose estimated Jaccard similarity with an
 * earlier one is at least @threshold (in (0, 1]). */
ActnetDeduper *actnet_deduper_new (double threshold);
void actnet_deduper_free (ActnetDeduper *deduper);

/* Adds @document (borrowed; only its id is copied) as the next document.
 * Returns the index (0-based, in the order of add calls) of the document it
 * is folded into — the first document of its cluster — or -1 when it is
 * kept. Time: O(words + candidates * ACTNET_DEDUP_HASHES). */
gint64 actnet_deduper_add (ActnetDeduper *deduper, const ActnetDocument *document);
/* The same for a bare text (@length bytes, -1: NUL-terminated); @id
 * (nullable) names it in reports. */
gint64 actnet_deduper_add_text (ActnetDeduper *deduper, const char *id,
                                const char *text, gssize length);

/* Estimated similarity of the last added document with the document it
 * matched (1.0 for an exact copy); 0 when the last one was kept. */
double actnet_deduper_get_last_similarity (const ActnetDeduper *deduper);

/* Documents added, and how many of them were folded. */
guint actnet_deduper_get_n_documents (const ActnetDeduper *deduper);
guint actnet_deduper_get_n_folded (const ActnetDeduper *deduper);

/* Writes "doc<TAB>kept_as<TAB>similarity" lines, one per folded document in
 * input order, after a header line, atomically to @path ("-": standard
 * output). Ids are written with whitespace runs as one space. Fails with
 * G_FILE_ERROR naming @path. */
gboolean actnet_deduper_write_report (const ActnetDeduper *deduper, const char *path,
                                      GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActnetDeduper, actnet_deduper_free)

G_END_DECLS
