/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet.h>

#include "actnet-config.h"

GArray *
actnet_document_find_mentions (const ActnetMatcher *matcher, const ActnetDocument *document)
{
  return actnet_document_find_mentions_full (matcher, document, NULL, NULL);
}

GArray *
actnet_document_find_mentions_full (const ActnetMatcher *matcher,
                                    const ActnetDocument *document,
                                    const ActnetMatchOptions *options,
                                    ActnetMatchStats *stats)
{
  g_return_val_if_fail (matcher != NULL && document != NULL, NULL);
  /* `clean` has markdown syntax blanked but the same length as `text`, so
   * the offsets found in it are offsets into the original bytes. */
  g_autoptr (ActnetTokens) tokens = actnet_tokens_new (document->clean, (gssize) document->length);
  /* Aliases with a validity period need the document's date. */
  ActnetMatchOptions dated;
  if (options != NULL)
    dated = *options;
  else
    actnet_match_options_init (&dated);
  if (dated.date == ACTNET_DATE_NONE)
    dated.date = document->day;
  return actnet_matcher_find_full (matcher, tokens, &dated, stats);
}

ActnetCooccur *
actnet_pipeline_count (const ActnetMatcher *matcher, const char *const *inputs,
                       ActnetWindow window, GError **error)
{
  return actnet_pipeline_count_full (matcher, inputs, window, NULL, NULL, error);
}

/* Drops the mentions nested in a mention of their own actor, in place. */
static void
drop_redundant (GArray *mentions)
{
  guint kept = 0;
  for (guint i = 0; i < mentions->len; i++)
    if ((g_array_index (mentions, ActnetMention, i).flags & ACTNET_MENTION_REDUNDANT) == 0)
      g_array_index (mentions, ActnetMention, kept++) = g_array_index (mentions, ActnetMention, i);
  g_array_set_size (mentions, kept);
}

/* Drops the mentions of actors marked in @uncounted, in place. */
static void
drop_uncounted (GArray *mentions, const gboolean *uncounted)
{
  guint kept = 0;
  for (guint i = 0; i < mentions->len; i++)
    if (!uncounted[g_array_index (mentions, ActnetMention, i).actor])
      g_array_index (mentions, ActnetMention, kept++) = g_array_index (mentions, ActnetMention, i);
  g_array_set_size (mentions, kept);
}

ActnetCooccur *
actnet_pipeline_count_full (const ActnetMatcher *matcher, const char *const *inputs,
                            ActnetWindow window, const ActnetMatchOptions *options,
                            ActnetMatchStats *stats, GError **error)
{
  g_autoptr (GPtrArray) scopes = actnet_pipeline_count_scopes (matcher, inputs, &window, 1, options,
                                                               NULL, stats, error);
  if (scopes == NULL)
    return NULL;
  return g_steal_pointer (&g_ptr_array_index (scopes, 0));
}

static gboolean
window_needs_segments (ActnetWindow window)
{
  return window.kind == ACTNET_WINDOW_SENTENCE || window.kind == ACTNET_WINDOW_PARAGRAPH;
}

GPtrArray *
actnet_pipeline_count_scopes (const ActnetMatcher *matcher, const char *const *inputs,
                              const ActnetWindow *windows, guint n_windows,
                              const ActnetMatchOptions *options, const char *const *types,
                              ActnetMatchStats *stats, GError **error)
{
  return actnet_pipeline_count_scopes_each (matcher, inputs, windows, n_windows, options, types,
                                            NULL, NULL, stats, error);
}

GPtrArray *
actnet_pipeline_count_scopes_each (const ActnetMatcher *matcher, const char *const *inputs,
                                   const ActnetWindow *windows, guint n_windows,
                                   const ActnetMatchOptions *options, const char *const *types,
                                   ActnetPipelineDocumentFunc func, gpointer user_data,
                                   ActnetMatchStats *stats, GError **error)
{
  return actnet_pipeline_count_scopes_dated (matcher, inputs, windows, n_windows, options, types,
                                             func, user_data, NULL, NULL, stats, error);
}

void
actnet_dating_stats_clear (ActnetDatingStats *stats)
{
  g_clear_pointer (&stats->undated_ids, g_ptr_array_unref);
  g_clear_pointer (&stats->warnings, g_ptr_array_unref);
  stats->n_documents = stats->n_undated = 0;
  stats->first = stats->last = ACTNET_DATE_NONE;
}

static void
dating_stats_add (ActnetDatingStats *stats, const ActnetDocument *document)
{
  stats->n_documents++;
  if (document->day == ACTNET_DATE_NONE)
    {
      stats->n_undated++;
      g_ptr_array_add (stats->undated_ids, g_strdup (document->id));
      return;
    }
  if (stats->first == ACTNET_DATE_NONE || document->day < stats->first)
    stats->first = document->day;
  if (stats->last == ACTNET_DATE_NONE || document->day > stats->last)
    stats->last = document->day;
}

GPtrArray *
actnet_pipeline_count_scopes_dated (const ActnetMatcher *matcher, const char *const *inputs,
                                    const ActnetWindow *windows, guint n_windows,
                                    const ActnetMatchOptions *options, const char *const *types,
                                    ActnetPipelineDocumentFunc func, gpointer user_data,
                                    const ActnetDatingOptions *dating,
                                    ActnetDatingStats *dating_stats,
                                    ActnetMatchStats *stats, GError **error)
{
  return actnet_pipeline_count_scopes_batch (matcher, inputs, windows, n_windows, options, types,
                                             func, user_data, dating, NULL, dating_stats, NULL,
                                             stats, error);
}

GPtrArray *
actnet_pipeline_count_scopes_batch (const ActnetMatcher *matcher, const char *const *inputs,
                                    const ActnetWindow *windows, guint n_windows,
                                    const ActnetMatchOptions *options, const char *const *types,
                                    ActnetPipelineDocumentFunc func, gpointer user_data,
                                    const ActnetDatingOptions *dating,
                                    const ActnetBatchOptions *batch,
                                    ActnetDatingStats *dating_stats, guint64 *n_skipped,
                                    ActnetMatchStats *stats, GError **error)
{
  g_return_val_if_fail (matcher != NULL && inputs != NULL, NULL);
  g_return_val_if_fail (windows != NULL && n_windows > 0, NULL);

  const ActnetGazetteer *gazetteer = actnet_matcher_get_gazetteer (matcher);
  guint n_actors = actnet_gazetteer_get_n_actors (gazetteer);
  g_autoptr (GPtrArray) scopes = g_ptr_array_new_with_free_func ((GDestroyNotify) actnet_cooccur_free);
  gboolean need_segments = FALSE;
  for (guint w = 0; w < n_windows; w++)
    {
      g_ptr_array_add (scopes, actnet_cooccur_new (n_actors, windows[w]));
      need_segments |= window_needs_segments (windows[w]);
    }
  g_autoptr (ActnetCorpusReader) reader = actnet_corpus_reader_new (inputs);
  if (dating != NULL && !actnet_corpus_reader_set_dating (reader, dating, error))
    return NULL;
  if (batch != NULL && !actnet_corpus_reader_set_batch (reader, batch, error))
    return NULL;
  g_auto (ActnetDatingStats) dated = { 0, 0, g_ptr_array_new_with_free_func (g_free), NULL,
                                       ACTNET_DATE_NONE, ACTNET_DATE_NONE };
  ActnetMatchStats totals = { 0, 0, 0 };
  g_autofree gboolean *uncounted = g_new0 (gboolean, MAX (n_actors, 1));
  gboolean any_uncounted = FALSE;
  g_auto (GStrv) canonical = NULL;
  if (types != NULL)
    {
      canonical = g_new0 (char *, g_strv_length ((char **) types) + 1);
      for (guint t = 0; types[t] != NULL; t++)
        canonical[t] = actnet_type_canonicalize (types[t]);
    }
  for (guint a = 0; a < n_actors; a++)
    {
      const char *type = actnet_gazetteer_get_type (gazetteer, a);
      /* Projection: actors of other types are removed before counting, so
       * that N and c_a describe the projected network. */
      if ((options == NULL || !options->count_media) && g_strcmp0 (type, "media") == 0)
        uncounted[a] = any_uncounted = TRUE;
      else if (canonical != NULL && (type == NULL || !g_strv_contains ((const char *const *) canonical, type)))
        uncounted[a] = any_uncounted = TRUE;
    }

  for (;;)
    {
      GError *local_error = NULL;
      g_autoptr (ActnetDocument) document = actnet_corpus_reader_next (reader, &local_error);
      if (document == NULL)
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return NULL;
            }
          break;
        }
      dating_stats_add (&dated, document);
      /* A near duplicate is folded into the earlier document it copies and
       * counted nowhere: one story, one set of co-occurrences. */
      if (options != NULL && options->deduper != NULL
          && actnet_deduper_add (options->deduper, document) >= 0)
        continue;
      ActnetMatchStats document_stats;
      g_autoptr (GArray) mentions = actnet_document_find_mentions_full (matcher, document, options,
                                                                        &document_stats);
      totals.suppressed += document_stats.suppressed;
      totals.short_forms += document_stats.short_forms;
      totals.out_of_period += document_stats.out_of_period;
      drop_redundant (mentions);
      g_autoptr (ActnetSegmentation) segmentation = NULL;
      if (need_segments)
        segmentation = actnet_segment_document (document, mentions);
      /* Media names still protect their spans from sentence breaks above,
       * but sources are not actors of the network. */
      if (any_uncounted)
        drop_uncounted (mentions, uncounted);
      /* One read, one match, one segmentation: every scope counts the same
       * mentions. */
      for (guint w = 0; w < n_windows; w++)
        actnet_cooccur_add_document_dated (g_ptr_array_index (scopes, w), mentions, segmentation,
                                           document->day);
      /* Observers (evidence) see exactly what was counted. */
      if (func != NULL)
        func (document, mentions, segmentation, user_data);
    }
  if (stats != NULL)
    *stats = totals;
  if (n_skipped != NULL)
    *n_skipped = actnet_corpus_reader_get_n_skipped (reader);
  if (dating_stats != NULL)
    {
      /* The reader's warnings are complete only now that it is at its end. */
      const GPtrArray *warnings = actnet_corpus_reader_get_warnings (reader);
      dated.warnings = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < warnings->len; i++)
        g_ptr_array_add (dated.warnings, g_strdup (g_ptr_array_index (warnings, i)));
      *dating_stats = dated;
      dated.undated_ids = dated.warnings = NULL;
    }
  return g_steal_pointer (&scopes);
}

char *
actnet_default_gazetteer_path (GError **error)
{
  const char *relative = "gazetteers" G_DIR_SEPARATOR_S "libya.tsv";

  /* $ACTNET_DATA_DIR overrides (relocated installs, tests); a build tree
   * keeps data/ beside the executable; an installed binary finds it in the
   * data directory chosen at configure time. */
  const char *override = g_getenv ("ACTNET_DATA_DIR");
  if (override != NULL && *override != '\0')
    {
      char *path = g_build_filename (override, relative, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return path;
      g_free (path);
    }
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (exe);
      char *path = g_build_filename (dir, "data", relative, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return path;
      g_free (path);
    }
  char *path = g_build_filename (ACTNET_DATADIR, relative, NULL);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return path;
  g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_NOT_FOUND,
               "bundled gazetteer not found (looked beside the executable and in %s); "
               "give one with -g", path);
  g_free (path);
  return NULL;
}
