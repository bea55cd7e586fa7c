/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"
#include <actnet/actnet.h>

static ActnetMatcher *
small_matcher (ActnetGazetteer **out_gazetteer)
{
  GError *error = NULL;
  ActnetGazetteer *gaz = actnet_gazetteer_new ();
  const char *tsv = "id\ttype\tlabel\taliases\n"
                    "libya\tplace\tLibya\t\n"
                    "haftar\tperson\tKhalifa Haftar\tHaftar\n"
                    "nato\torganization\tNATO\t\n";
  assert_true (actnet_gazetteer_load_data (gaz, tsv, -1, "inline.tsv", &error));
  g_assert_no_error (error);
  ActnetMatcher *matcher = actnet_matcher_new (gaz, &error);
  g_assert_no_error (error);
  *out_gazetteer = gaz;
  return matcher;
}

static void
test_markdown_is_not_text (void **state)
{
  ActnetGazetteer *gaz = NULL;
  g_autoptr (ActnetMatcher) matcher = small_matcher (&gaz);
  /* The link target names NATO and Libya but is not prose; the link text is. */
  const char *text = "See [Haftar](http://nato.example/libya) and *NATO*.";
  g_autoptr (ActnetDocument) doc = actnet_document_new ("d", text, -1, TRUE);
  g_autoptr (GArray) mentions = actnet_document_find_mentions (matcher, doc);
  assert_int_equal (mentions->len, 2);
  ActnetMention *m = &g_array_index (mentions, ActnetMention, 0);
  assert_int_equal (m->start, 5);
  assert_int_equal (m->end, 11);
  assert_string_equal (actnet_gazetteer_get_id (gaz, m->actor), "haftar");
  m = &g_array_index (mentions, ActnetMention, 1);
  assert_int_equal (m->start, 45);
  assert_int_equal (m->end, 49);
  assert_string_equal (actnet_gazetteer_get_id (gaz, m->actor), "nato");
  actnet_matcher_free (g_steal_pointer (&matcher));
  actnet_gazetteer_free (gaz);
}

static void
test_count_directory (void **state)
{
  ActnetGazetteer *gaz = NULL;
  g_autoptr (ActnetMatcher) matcher = small_matcher (&gaz);
  g_autofree char *dir = actnet_test_mkdtemp ();
  g_autofree char *a = actnet_test_write_file (dir, "a.txt",
    "Haftar spoke of Libya. NATO said nothing.\n\nNATO and Libya met.", -1);
  g_autofree char *b = actnet_test_write_file (dir, "b.md", "# Libya\n\nKhalifa Haftar and NATO.", -1);
  g_autofree char *ignored = actnet_test_write_file (dir, "notes.csv", "Haftar,NATO,Libya", -1);

  const char *inputs[] = { dir, NULL };
  GError *error = NULL;
  ActnetWindow sentence = { ACTNET_WINDOW_SENTENCE, 0 };
  g_autoptr (ActnetCooccur) c = actnet_pipeline_count (matcher, inputs, sentence, &error);
  g_assert_no_error (error);
  assert_int_equal (actnet_cooccur_get_n_documents (c), 2);
  assert_int_equal (actnet_cooccur_get_n_mentions (c), 8);
  guint libya = actnet_gazetteer_lookup (gaz, "libya");
  guint haftar = actnet_gazetteer_lookup (gaz, "haftar");
  guint nato = actnet_gazetteer_lookup (gaz, "nato");
  assert_int_equal (actnet_cooccur_get_actor_documents (c, libya), 2);
  g_autoptr (GArray) pairs = actnet_cooccur_get_pairs (c);
  /* a.txt: {haftar, libya}, {nato}, {nato, libya}; b.md: {libya}, {haftar, nato}. */
  assert_int_equal (pairs->len, 3);
  for (guint i = 0; i < pairs->len; i++)
    {
      ActnetPair *p = &g_array_index (pairs, ActnetPair, i);
      assert_int_equal (p->weight, 1);
      assert_true ((p->a == MIN (libya, haftar) && p->b == MAX (libya, haftar))
                   || (p->a == MIN (libya, nato) && p->b == MAX (libya, nato))
                   || (p->a == MIN (haftar, nato) && p->b == MAX (haftar, nato)));
    }

  const char *missing[] = { dir, "/nonexistent/actnet/input.txt", NULL };
  g_autoptr (ActnetCooccur) none = actnet_pipeline_count (matcher, missing, sentence, &error);
  assert_null (none);
  assert_non_null (error);
  assert_non_null (strstr (error->message, "/nonexistent/actnet/input.txt"));
  g_clear_error (&error);

  actnet_test_rmdir (dir);
  actnet_matcher_free (g_steal_pointer (&matcher));
  actnet_gazetteer_free (gaz);
}

static void
test_default_gazetteer_found (void **state)
{
  GError *error = NULL;
  g_autofree char *data = actnet_test_source_path ("data");
  g_setenv ("ACTNET_DATA_DIR", data, TRUE);
  g_autofree char *path = actnet_default_gazetteer_path (&error);
  g_assert_no_error (error);
  g_autofree char *expected = g_build_filename (data, "gazetteers", "libya.tsv", NULL);
  assert_string_equal (path, expected);
  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  assert_true (actnet_gazetteer_load_file (gaz, path, &error));
  g_assert_no_error (error);
  assert_true (actnet_gazetteer_get_n_actors (gaz) > 100);

  /* A data directory without the gazetteer is passed over. */
  g_autofree char *empty = actnet_test_mkdtemp ();
  g_setenv ("ACTNET_DATA_DIR", empty, TRUE);
  g_autofree char *other = actnet_default_gazetteer_path (&error);
  if (other != NULL)
    assert_false (g_str_has_prefix (other, empty));
  else
    assert_non_null (strstr (error->message, "give one with -g"));
  g_clear_error (&error);
  g_unsetenv ("ACTNET_DATA_DIR");
  actnet_test_rmdir (empty);
}

/* A JSONL corpus of many small dated documents (the sample's paragraphs),
 * enough for many batches; returns its path in @dir. */
static char *
write_paragraph_corpus (const char *dir, guint *n_documents)
{
  g_autofree char *sample = actnet_test_source_path ("data/sample");
  g_autoptr (GDir) listing = g_dir_open (sample, 0, NULL);
  assert_non_null (listing);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  for (const char *name; (name = g_dir_read_name (listing)) != NULL;)
    if (g_str_has_suffix (name, ".md"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_autoptr (GString) jsonl = g_string_new (NULL);
  *n_documents = 0;
  /* Each file's paragraphs, repeated with different dates: more lines
   * than one block the reader decodes ahead with three jobs or more. */
  for (guint round = 0; round < 9; round++)
    for (guint i = 0; i < names->len; i++)
      {
        g_autofree char *path = g_build_filename (sample, g_ptr_array_index (names, i), NULL);
        g_autofree char *text = NULL;
        assert_true (g_file_get_contents (path, &text, NULL, NULL));
        g_auto (GStrv) paragraphs = g_strsplit (text, "\n\n", -1);
        for (guint k = 0; paragraphs[k] != NULL; k++)
          {
            g_autofree char *escaped = g_strescape (paragraphs[k], NULL);
            /* Now and then a date nobody understands, and a broken line
             * (skipped under keep_going): messages in line order too. */
            if (*n_documents % 97 == 5)
              g_string_append_printf (jsonl, "{\"id\": \"d%u\", \"date\": \"someday %u\", "
                                      "\"text\": \"%s\"}\n", *n_documents, *n_documents, escaped);
            else
              g_string_append_printf (jsonl, "{\"id\": \"d%u\", \"date\": \"20%02u-%02u-%02u\", "
                                      "\"text\": \"%s\"}\n", *n_documents, 11 + round, 1 + i,
                                      1 + k % 28, escaped);
            if (*n_documents % 151 == 7)
              g_string_append (jsonl, "{\"id\": \"broken\", \"text\": \n");
            (*n_documents)++;
          }
      }
  return actnet_test_write_file (dir, "paragraphs.jsonl", jsonl->str, (gssize) jsonl->len);
}

typedef struct {
  GString *order;          /* observed document ids, in call order */
  guint64 mentions;
} Observed;

static void
observe (const ActnetDocument *document, const GArray *mentions,
         const ActnetSegmentation *segmentation, gpointer user_data)
{
  (void) segmentation;
  Observed *observed = user_data;
  g_string_append_printf (observed->order, "%s ", document->id);
  observed->mentions += mentions->len;
}

typedef struct {
  guint calls, finished;
  guint64 documents, text_bytes;
  gboolean monotonic;
} Progressed;

static void
on_progress (const ActnetProgress *progress, gpointer user_data)
{
  Progressed *seen = user_data;
  seen->calls++;
  if (progress->documents < seen->documents || progress->text_bytes < seen->text_bytes)
    seen->monotonic = FALSE;
  seen->documents = progress->documents;
  seen->text_bytes = progress->text_bytes;
  seen->finished += progress->finished;
}

/* Everything counted, as one string: the comparison of two runs. */
static char *
describe_scopes (const GPtrArray *scopes, guint n_actors)
{
  GString *out = g_string_new (NULL);
  for (guint w = 0; w < scopes->len; w++)
    {
      const ActnetCooccur *c = g_ptr_array_index (scopes, w);
      g_string_append_printf (out, "scope %u: %" G_GUINT64_FORMAT " docs %" G_GUINT64_FORMAT
                              " mentions %" G_GUINT64_FORMAT " units\n", w,
                              actnet_cooccur_get_n_documents (c), actnet_cooccur_get_n_mentions (c),
                              actnet_cooccur_get_n_units (c));
      for (guint a = 0; a < n_actors; a++)
        {
          ActnetDate first, last;
          actnet_cooccur_get_actor_dates (c, a, &first, &last);
          g_string_append_printf (out, "a%u %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %"
                                  G_GUINT64_FORMAT " %d %d\n", a,
                                  actnet_cooccur_get_actor_mentions (c, a),
                                  actnet_cooccur_get_actor_documents (c, a),
                                  actnet_cooccur_get_actor_units (c, a), (int) first, (int) last);
        }
      g_autoptr (GArray) pairs = actnet_cooccur_get_pairs (c);
      for (guint i = 0; i < pairs->len; i++)
        {
          const ActnetPair *p = &g_array_index (pairs, ActnetPair, i);
          ActnetDate first = 0, last = 0;
          actnet_cooccur_get_pair_dates (c, p->a, p->b, &first, &last);
          g_string_append_printf (out, "p%u-%u %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                                  " %d %d\n", p->a, p->b, (guint64) p->weight,
                                  (guint64) p->documents, (int) first, (int) last);
        }
    }
  return g_string_free (out, FALSE);
}

/* Any number of jobs counts exactly what one job counts, and observers see
 * the documents in reading order. */
static void
test_jobs_give_identical_counts (void **state)
{
  (void) state;
  GError *error = NULL;
  g_autofree char *data = actnet_test_source_path ("data/gazetteers/libya.tsv");
  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  assert_true (actnet_gazetteer_load_file (gaz, data, &error));
  g_assert_no_error (error);
  g_autoptr (ActnetMatcher) matcher = actnet_matcher_new (gaz, &error);
  g_assert_no_error (error);
  guint n_actors = actnet_gazetteer_get_n_actors (gaz);

  g_autofree char *dir = actnet_test_mkdtemp ();
  guint n_documents = 0;
  g_autofree char *corpus = write_paragraph_corpus (dir, &n_documents);
  assert_true (n_documents > 512);  /* several batches, two read-ahead blocks */
  const char *inputs[] = { corpus, NULL };
  ActnetWindow windows[] = { { ACTNET_WINDOW_SENTENCE, 0 }, { ACTNET_WINDOW_DOCUMENT, 0 },
                             { ACTNET_WINDOW_WORDS, 12 } };

  g_autofree char *expected = NULL;
  g_autofree char *expected_order = NULL;
  guint64 expected_observed = 0;
  const guint jobs[] = { 1, 2, 3, 8 };
  for (guint j = 0; j < G_N_ELEMENTS (jobs); j++)
    {
      ActnetBatchOptions batch = ACTNET_BATCH_OPTIONS_INIT;
      Progressed progressed = { 0, 0, 0, 0, TRUE };
      batch.jobs = jobs[j];
      batch.keep_going = TRUE;
      batch.progress = on_progress;
      batch.progress_data = &progressed;
      Observed observed = { g_string_new (NULL), 0 };
      ActnetMatchStats stats;
      g_auto (ActnetDatingStats) dating_stats = { 0 };
      guint64 n_skipped = 0;
      g_autoptr (GPtrArray) scopes = actnet_pipeline_count_scopes_batch (
        matcher, inputs, windows, G_N_ELEMENTS (windows), NULL, NULL, observe, &observed, NULL,
        &batch, &dating_stats, &n_skipped, &stats, &error);
      g_assert_no_error (error);
      assert_non_null (scopes);
      assert_int_equal (n_skipped, (n_documents + 151 - 1 - 7) / 151);
      g_autoptr (GString) messages = g_string_new (NULL);
      for (guint k = 0; k < dating_stats.warnings->len; k++)
        g_string_append_printf (messages, "%s\n", (char *) g_ptr_array_index (dating_stats.warnings, k));
      g_autofree char *counts = describe_scopes (scopes, n_actors);
      g_autofree char *got = g_strdup_printf ("%s%" G_GUINT64_FORMAT " undated\n%s", messages->str,
                                              dating_stats.n_undated, counts);
      g_autofree char *order = g_string_free (observed.order, FALSE);
      assert_int_equal (progressed.finished, 1);
      assert_true (progressed.monotonic);
      assert_int_equal (progressed.documents, n_documents);
      assert_true (progressed.calls > 1);
      assert_int_equal (actnet_cooccur_get_n_documents (g_ptr_array_index (scopes, 0)), n_documents);
      assert_true (actnet_cooccur_has_dates (g_ptr_array_index (scopes, 0)));
      if (j == 0)
        {
          expected = g_steal_pointer (&got);
          expected_order = g_steal_pointer (&order);
          expected_observed = observed.mentions;
          assert_true (expected_observed > 500);
          assert_true (g_str_has_prefix (expected_order, "d0 d1 d2 "));
          /* "N dates not understood (first at line L: ...)" and the skips. */
          assert_non_null (strstr (expected, "left undated (first at line 6: \"someday 5\")"));
          assert_non_null (strstr (expected, "skipped "));
        }
      else
        {
          assert_string_equal (got, expected);
          assert_string_equal (order, expected_order);
          assert_int_equal (observed.mentions, expected_observed);
        }
    }

  /* Without keep_going the first error in reading order stops a parallel
   * run too (the broken line 9, not the missing file), nothing returned. */
  const char *broken[] = { corpus, "/nonexistent/actnet/more.jsonl", NULL };
  ActnetBatchOptions batch = ACTNET_BATCH_OPTIONS_INIT;
  batch.jobs = 4;
  g_autoptr (GPtrArray) none = actnet_pipeline_count_scopes_batch (
    matcher, broken, windows, 1, NULL, NULL, NULL, NULL, NULL, &batch, NULL, NULL, NULL, &error);
  assert_null (none);
  assert_non_null (error);
  assert_non_null (strstr (error->message, "paragraphs.jsonl:9: invalid JSON"));
  g_clear_error (&error);
  actnet_test_rmdir (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_markdown_is_not_text),
    cmocka_unit_test (test_count_directory),
    cmocka_unit_test (test_default_gazetteer_found),
    cmocka_unit_test (test_jobs_give_identical_counts),
  };
  return cmocka_run_group_tests_name ("pipeline", tests, NULL, NULL);
}
