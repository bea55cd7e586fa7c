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

/* Path of the bundled default gazetteer (libya.tsv): under
 * $ACTNET_DATA_DIR when set, else next to the running binary in a build
 * tree (BINDIR/data/gazetteers), else the installed data directory. New string,
 * or NULL with @error set when neither exists. */
char *actnet_default_gazetteer_path (GError **error);

G_END_DECLS
