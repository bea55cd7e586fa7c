/* The whole pipeline for one corpus: read -> match -> segment -> count.
 * The CLI is a thin client of these calls.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <actnet/actnet-corpus.h>
#include <actnet/actnet-matcher.h>
#include <actnet/actnet-cooccur.h>

G_BEGIN_DECLS

/* Mentions of @document: matched on its markdown-blanked text, offsets into
 * its original text. New GArray of ActnetMention. */
GArray *actnet_document_find_mentions (const ActnetMatcher *matcher,
                                       const ActnetDocument *document);

/* Reads every document of @inputs, counts co-occurrences in @window.
 * Stops at the first input error (nothing half-counted is returned). */
ActnetCooccur *actnet_pipeline_count (const ActnetMatcher *matcher,
                                      const char *const *inputs,
                                      ActnetWindow window, GError **error);

/* actnet_document_find_mentions() under @options (NULL: the defaults);
 * @stats (nullable) is overwritten with the document's counts. */
GArray *actnet_document_find_mentions_full (const ActnetMatcher *matcher,
                                            const ActnetDocument *document,
                                            const ActnetMatchOptions *options,
                                            ActnetMatchStats *stats);

/* actnet_pipeline_count() under @options (NULL: the defaults). With
 * ACTNET_OVERLAPS_ALL nested mentions count like the others, except one
 * nested in a mention of its own actor (ACTNET_MENTION_REDUNDANT), which
 * would count that name twice. @stats (nullable) is overwritten with the
 * totals over all documents. */
ActnetCooccur *actnet_pipeline_count_full (const ActnetMatcher *matcher,
                                           const char *const *inputs,
                                           ActnetWindow window,
                                           const ActnetMatchOptions *options,
                                           ActnetMatchStats *stats, GError **error);

/* Counts every window of @windows (@n_windows >= 1) in one pass: each
 * document is read, matched and segmented once and added to one counter
 * per window. @types (NULL: all actors) projects the network on actors of
 * these types (synonyms such as PER accepted): mentions of other actors are
 * removed before counting, so the unit counts and marginals describe the
 * projected network. New GPtrArray of ActnetCooccur (it frees them), in
 * the order of @windows; NULL with @error set at the first input error. */
GPtrArray *actnet_pipeline_count_scopes (const ActnetMatcher *matcher,
                                         const char *const *inputs,
                                         const ActnetWindow *windows, guint n_windows,
                                         const ActnetMatchOptions *options,
                                         const char *const *types,
                                         ActnetMatchStats *stats, GError **error);

/* Called by actnet_pipeline_count_scopes_each() for every document after
 * it is counted, with the mentions exactly as counted (redundant and
 * uncounted ones removed) and the segmentation (NULL when no window needs
 * one). Everything is borrowed for the duration of the call. */
typedef void (*ActnetPipelineDocumentFunc) (const ActnetDocument *document,
                                            const GArray *mentions,
                                            const ActnetSegmentation *segmentation,
                                            gpointer user_data);

/* actnet_pipeline_count_scopes() calling @func (nullable) on each counted
 * document: provenance of the counts (actnet-evidence.h). */
GPtrArray *actnet_pipeline_count_scopes_each (const ActnetMatcher *matcher,
                                              const char *const *inputs,
                                              const ActnetWindow *windows, guint n_windows,
                                              const ActnetMatchOptions *options,
                                              const char *const *types,
                                              ActnetPipelineDocumentFunc func,
                                              gpointer user_data,
                                              ActnetMatchStats *stats, GError **error);

/* What dating did over one run (README, "Dates"): undated documents are
 * counted and listed, never dropped. Clear with actnet_dating_stats_clear(). */
typedef struct {
  guint64 n_documents;     /* documents read */
  guint64 n_undated;       /* of which without a date */
  GPtrArray *undated_ids;  /* char *: ids of every undated document, in reading order */
  GPtrArray *warnings;     /* char *: the reader's warnings (dates not understood) */
  ActnetDate first;        /* earliest document date, ACTNET_DATE_NONE when none */
  ActnetDate last;         /* latest */
} ActnetDatingStats;

void actnet_dating_stats_clear (ActnetDatingStats *stats);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ActnetDatingStats, actnet_dating_stats_clear)

/* actnet_pipeline_count_scopes_each() with documents dated under @dating
 * (NULL: ACTNET_DATING_OPTIONS_INIT), so @func sees each document's `day`;
 * @dating_stats (nullable) is overwritten, on success only, with the
 * dating figures (the caller clears it). A bad dates file fails before
 * reading. */
GPtrArray *actnet_pipeline_count_scopes_dated (const ActnetMatcher *matcher,
                                               const char *const *inputs,
                                               const ActnetWindow *windows, guint n_windows,
                                               const ActnetMatchOptions *options,
                                               const char *const *types,
                                               ActnetPipelineDocumentFunc func,
                                               gpointer user_data,
                                               const ActnetDatingOptions *dating,
                                               ActnetDatingStats *dating_stats,
                                               ActnetMatchStats *stats, GError **error);

/* actnet_pipeline_count_scopes_dated() reading under @batch (NULL: the
 * defaults; actnet_corpus_reader_set_batch()): with keep_going the
 * skipped documents' messages join @dating_stats' warnings and their
 * number is stored in @n_skipped (nullable). */
GPtrArray *actnet_pipeline_count_scopes_batch (const ActnetMatcher *matcher,
                                               const char *const *inputs,
                                               const ActnetWindow *windows, guint n_windows,
                                               const ActnetMatchOptions *options,
                                               const char *const *types,
                                               ActnetPipelineDocumentFunc func,
                                               gpointer user_data,
                                               const ActnetDatingOptions *dating,
                                               const ActnetBatchOptions *batch,
                                               ActnetDatingStats *dating_stats,
                                               guint64 *n_skipped,
                                               ActnetMatchStats *stats, GError **error);

/* Path of the bundled default gazetteer (libya.tsv): under
 * $ACTNET_DATA_DIR when set, else next to the running binary in a build
 * tree (BINDIR/data/gazetteers), else the installed data directory. New string,
 * or NULL with @error set when neither exists. */
char *actnet_default_gazetteer_path (GError **error);

G_END_DECLS
