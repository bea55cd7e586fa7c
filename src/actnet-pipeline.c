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

/* ---- Parallel counting ---------------------------------------------------
 *
 * The calling thread reads documents in order, dates them, drops near
 * duplicates (both depend on reading order) and hands them out in batches
 * to jobs - 1 workers, counting a batch itself whenever the workers have
 * enough waiting. Each batch is matched, segmented and counted into one of
 * `jobs` private counter sets; the sets are merged at the end. Every count
 * is a sum (dates a minimum or maximum), so the totals do not depend on
 * which thread counted what, and the result is the same for any number of
 * jobs.
 * Observers (evidence, slices) are called in the calling thread, in reading
 * order, as batches complete. At most a few batches are in flight, so
 * memory stays bounded however long the corpus is. */

#define BATCH_DOCUMENTS 64
#define BATCH_BYTES (512 * 1024)
#define MAX_JOBS 1024

typedef struct {
  GArray *mentions;                  /* as counted; kept for the observer */
  ActnetSegmentation *segmentation;  /* or NULL */
} BatchResult;

typedef struct {
  GPtrArray *documents;              /* ActnetDocument *, owned */
  BatchResult *results;              /* by document, when there is an observer */
  ActnetMatchStats stats;
  gboolean done;                     /* under Counting.lock */
} Batch;

typedef struct {
  const ActnetMatcher *matcher;
  const ActnetMatchOptions *options;
  const gboolean *uncounted;         /* by actor, or NULL: every actor counts */
  gboolean need_segments;
  gboolean keep_results;
  guint n_windows;
  GAsyncQueue *free_counters;        /* GPtrArray * of ActnetCooccur, one per window */
  GMutex lock;
  GCond batch_done;
} Counting;

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);
  batch->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) actnet_document_free);
  return batch;
}

static void
batch_free (Batch *batch)
{
  if (batch->results != NULL)
    for (guint i = 0; i < batch->documents->len; i++)
      {
        g_clear_pointer (&batch->results[i].mentions, g_array_unref);
        g_clear_pointer (&batch->results[i].segmentation, actnet_segmentation_free);
      }
  g_free (batch->results);
  g_ptr_array_unref (batch->documents);
  g_free (batch);
}

/* Matches, segments and counts every document of @batch into @scopes. */
static void
batch_count (const Counting *counting, Batch *batch, GPtrArray *scopes)
{
  if (counting->keep_results)
    batch->results = g_new0 (BatchResult, batch->documents->len);
  for (guint i = 0; i < batch->documents->len; i++)
    {
      const ActnetDocument *document = g_ptr_array_index (batch->documents, i);
      ActnetMatchStats document_stats;
      g_autoptr (GArray) mentions = actnet_document_find_mentions_full (counting->matcher, document,
                                                                        counting->options,
                                                                        &document_stats);
      batch->stats.suppressed += document_stats.suppressed;
      batch->stats.short_forms += document_stats.short_forms;
      batch->stats.out_of_period += document_stats.out_of_period;
      drop_redundant (mentions);
      g_autoptr (ActnetSegmentation) segmentation = NULL;
      if (counting->need_segments)
        segmentation = actnet_segment_document (document, mentions);
      /* Media names still protect their spans from sentence breaks above,
       * but sources are not actors of the network. */
      if (counting->uncounted != NULL)
        drop_uncounted (mentions, counting->uncounted);
      /* One read, one match, one segmentation: every scope counts the same
       * mentions. */
      for (guint w = 0; w < counting->n_windows; w++)
        actnet_cooccur_add_document_dated (g_ptr_array_index (scopes, w), mentions, segmentation,
                                           document->day);
      if (batch->results != NULL)
        {
          batch->results[i].mentions = g_steal_pointer (&mentions);
          batch->results[i].segmentation = g_steal_pointer (&segmentation);
        }
    }
}

/* GThreadPool worker: counts @data (a Batch) into a free counter set. */
static void
batch_count_worker (gpointer data, gpointer user_data)
{
  Batch *batch = data;
  Counting *counting = user_data;
  GPtrArray *scopes = g_async_queue_pop (counting->free_counters);
  batch_count (counting, batch, scopes);
  g_async_queue_push (counting->free_counters, scopes);
  g_mutex_lock (&counting->lock);
  batch->done = TRUE;
  g_cond_broadcast (&counting->batch_done);
  g_mutex_unlock (&counting->lock);
}

static void
batch_wait (Counting *counting, Batch *batch)
{
  g_mutex_lock (&counting->lock);
  while (!batch->done)
    g_cond_wait (&counting->batch_done, &counting->lock);
  g_mutex_unlock (&counting->lock);
}

static gboolean
batch_is_done (Counting *counting, Batch *batch)
{
  g_mutex_lock (&counting->lock);
  gboolean done = batch->done;
  g_mutex_unlock (&counting->lock);
  return done;
}

/* The end of a completed batch, in reading order: statistics, observer. */
static void
batch_retire (Batch *batch, ActnetPipelineDocumentFunc func, gpointer user_data,
              ActnetMatchStats *totals)
{
  totals->suppressed += batch->stats.suppressed;
  totals->short_forms += batch->stats.short_forms;
  totals->out_of_period += batch->stats.out_of_period;
  /* Observers (evidence) see exactly what was counted. */
  if (func != NULL)
    for (guint i = 0; i < batch->documents->len; i++)
      func (g_ptr_array_index (batch->documents, i), batch->results[i].mentions,
            batch->results[i].segmentation, user_data);
  batch_free (batch);
}

static GPtrArray *
counter_set_new (guint n_actors, const ActnetWindow *windows, guint n_windows)
{
  GPtrArray *scopes = g_ptr_array_new_with_free_func ((GDestroyNotify) actnet_cooccur_free);
  for (guint w = 0; w < n_windows; w++)
    g_ptr_array_add (scopes, actnet_cooccur_new (n_actors, windows[w]));
  return scopes;
}

static void
report_progress (const ActnetBatchOptions *batch, const ActnetCorpusReader *reader,
                 guint64 documents, guint64 text_bytes, gboolean finished)
{
  if (batch == NULL || batch->progress == NULL)
    return;
  ActnetProgress progress = { documents, text_bytes, 0, 0, finished };
  actnet_corpus_reader_get_input_position (reader, &progress.input_bytes, &progress.input_total);
  batch->progress (&progress, batch->progress_data);
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
  gboolean need_segments = FALSE;
  for (guint w = 0; w < n_windows; w++)
    need_segments |= window_needs_segments (windows[w]);
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

  guint jobs = batch != NULL && batch->jobs > 1 ? MIN (batch->jobs, MAX_JOBS) : 1;
  Counting counting = {
    .matcher = matcher,
    .options = options,
    .uncounted = any_uncounted ? uncounted : NULL,
    .need_segments = need_segments,
    .keep_results = func != NULL,
    .n_windows = n_windows,
    .free_counters = g_async_queue_new (),
  };
  g_mutex_init (&counting.lock);
  g_cond_init (&counting.batch_done);
  g_autofree GPtrArray **counter_sets = g_new (GPtrArray *, jobs);
  for (guint j = 0; j < jobs; j++)
    {
      counter_sets[j] = counter_set_new (n_actors, windows, n_windows);
      g_async_queue_push (counting.free_counters, counter_sets[j]);
    }
  /* With one job the calling thread counts: no pool, no locking. With
   * more, jobs - 1 workers count, and so does the calling thread whenever
   * they have two batches each waiting: `jobs` threads match and count,
   * where a reading thread beside `jobs` workers would share their cores
   * (measured on 2 cores: build on Reuters x4 0.41 s instead of 0.44-0.51). */
  GThreadPool *pool = NULL;
  if (jobs > 1)
    pool = g_thread_pool_new (batch_count_worker, &counting, (gint) jobs - 1, TRUE, NULL);
  GQueue in_flight = G_QUEUE_INIT;   /* Batch *, reading order */
  guint max_in_flight = 2 * jobs + 1;

  Batch *current = batch_new ();
  gsize current_bytes = 0;
  guint64 n_read = 0, bytes_read = 0;
  GError *local_error = NULL;
  for (gboolean more = TRUE; more;)
    {
      ActnetDocument *document = actnet_corpus_reader_next (reader, &local_error);
      more = document != NULL;
      if (document != NULL)
        {
          n_read++;
          bytes_read += document->length;
          dating_stats_add (&dated, document);
          /* A near duplicate is folded into the earlier document it copies
           * and counted nowhere: one story, one set of co-occurrences. */
          if (options != NULL && options->deduper != NULL
              && actnet_deduper_add (options->deduper, document) >= 0)
            {
              actnet_document_free (document);
              continue;
            }
          g_ptr_array_add (current->documents, document);
          current_bytes += document->length;
          if (current->documents->len < BATCH_DOCUMENTS && current_bytes < BATCH_BYTES)
            continue;
        }
      else if (local_error != NULL)
        break;
      if (current->documents->len > 0)
        {
          g_queue_push_tail (&in_flight, current);
          if (pool != NULL && g_thread_pool_unprocessed (pool) < 2 * (jobs - 1))
            g_thread_pool_push (pool, current, NULL);
          else if (pool != NULL)
            {
              /* The workers have enough waiting: count this one here. */
              batch_count_worker (current, &counting);
            }
          else
            {
              batch_count (&counting, current, counter_sets[0]);
              current->done = TRUE;
            }
          current = batch_new ();
          current_bytes = 0;
        }
      /* Retire what is done, in order; wait when too much is in flight. */
      while (!g_queue_is_empty (&in_flight))
        {
          Batch *head = g_queue_peek_head (&in_flight);
          if (g_queue_get_length (&in_flight) > max_in_flight)
            batch_wait (&counting, head);
          else if (!batch_is_done (&counting, head))
            break;
          batch_retire (g_queue_pop_head (&in_flight), func, user_data, &totals);
        }
      /* Once a batch: often enough for a display, cheap for the reader. */
      if (more)
        report_progress (batch, reader, n_read, bytes_read, FALSE);
    }
  batch_free (current);
  /* Drain: every batch finishes (also after an error, before anything it
   * uses is freed); observers only see a successful run. */
  while (!g_queue_is_empty (&in_flight))
    {
      Batch *head = g_queue_pop_head (&in_flight);
      batch_wait (&counting, head);
      if (local_error == NULL)
        batch_retire (head, func, user_data, &totals);
      else
        batch_free (head);
    }
  if (pool != NULL)
    g_thread_pool_free (pool, FALSE, TRUE);
  g_async_queue_unref (counting.free_counters);
  g_mutex_clear (&counting.lock);
  g_cond_clear (&counting.batch_done);
  /* Sums are order-free: merging the sets gives the one-job counts. */
  GPtrArray *scopes = counter_sets[0];
  for (guint j = 1; j < jobs; j++)
    {
      for (guint w = 0; w < n_windows; w++)
        actnet_cooccur_merge (g_ptr_array_index (scopes, w), g_ptr_array_index (counter_sets[j], w));
      g_ptr_array_unref (counter_sets[j]);
    }
  if (local_error != NULL)
    {
      g_ptr_array_unref (scopes);
      g_propagate_error (error, local_error);
      return NULL;
    }
  report_progress (batch, reader, n_read, bytes_read, TRUE);

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
  return scopes;
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
