/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"
#include <actnet/actnet.h>

#include <string.h>

static const ActnetWindow document_window = { ACTNET_WINDOW_DOCUMENT, 0 };

/* One document of mentions of @actors (-1 terminated), one word apart. */
static void
add (ActnetSlicer *slicer, const char *iso, const int *actors)
{
  g_autoptr (GArray) mentions = g_array_new (FALSE, TRUE, sizeof (ActnetMention));
  for (guint i = 0; actors[i] >= 0; i++)
    {
      ActnetMention m = { 10 * i, 10 * i + 5, i, (guint) actors[i], 0, 0 };
      g_array_append_val (mentions, m);
    }
  actnet_slicer_add_document (slicer, iso != NULL ? actnet_date_parse (iso) : ACTNET_DATE_NONE,
                              mentions, NULL);
}

static GPtrArray *
run (const char *slice, const char *step, const char *const *dates)
{
  ActnetSliceSpec spec;
  GError *error = NULL;
  assert_true (actnet_slice_spec_parse (slice, step, &spec, &error));
  assert_null (error);
  g_autoptr (ActnetSlicer) slicer = actnet_slicer_new (&spec, 3, &document_window, 1);
  static const int pair[] = { 0, 1, -1 };
  for (guint i = 0; dates[i] != NULL; i++)
    add (slicer, dates[i], pair);
  return actnet_slicer_finish (slicer);
}

/* Slices as "LABEL START END DOCS" lines. */
static char *
describe (GPtrArray *slices)
{
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < slices->len; i++)
    {
      const ActnetSlice *s = g_ptr_array_index (slices, i);
      g_autofree char *start = actnet_date_to_iso (s->start);
      g_autofree char *end = actnet_date_to_iso (s->end);
      g_string_append_printf (out, "%s %s %s %" G_GUINT64_FORMAT "\n", s->label, start, end,
                              actnet_cooccur_get_n_documents (g_ptr_array_index (s->scopes, 0)));
    }
  g_ptr_array_unref (slices);
  return g_string_free (out, FALSE);
}

static void
check (const char *slice, const char *step, const char *const *dates, const char *expected)
{
  g_autofree char *got = describe (run (slice, step, dates));
  assert_string_equal (got, expected);
}

static void
test_calendar (void **state)
{
  (void) state;
  /* A document on the last and one on the first day of a year. */
  check ("year", NULL, (const char *const[]) { "2012-01-01", "2011-12-31", "2011-06-01", NULL },
         "2011 2011-01-01 2011-12-31 2\n2012 2012-01-01 2012-12-31 1\n");
  check ("quarter", NULL, (const char *const[]) { "2011-03-31", "2011-04-01", "2011-12-31", NULL },
         "2011-Q1 2011-01-01 2011-03-31 1\n2011-Q2 2011-04-01 2011-06-30 1\n"
         "2011-Q4 2011-10-01 2011-12-31 1\n");
  check ("month", NULL, (const char *const[]) { "2012-02-29", "2012-03-01", NULL },
         "2012-02 2012-02-01 2012-02-29 1\n2012-03 2012-03-01 2012-03-31 1\n");
}

static void
test_iso_weeks (void **state)
{
  (void) state;
  /* 2010-01-03 is the Sunday of 2009-W53; 2008-12-29 the Monday of
   * 2009-W01 (2009 began on a Thursday). */
  check ("week", NULL,
         (const char *const[]) { "2010-01-03", "2010-01-04", "2008-12-29", "2009-01-04", NULL },
         "2009-W01 2008-12-29 2009-01-04 2\n2009-W53 2009-12-28 2010-01-03 1\n"
         "2010-W01 2010-01-04 2010-01-10 1\n");
}

static void
test_days (void **state)
{
  (void) state;
  /* Tumbling 7-day windows anchored at the earliest date. */
  check ("7", NULL, (const char *const[]) { "2011-01-07", "2011-01-01", "2011-01-08", NULL },
         "2011-01-01 2011-01-01 2011-01-07 2\n2011-01-08 2011-01-08 2011-01-14 1\n");
  /* Moving: 10 days every 5; a document in every window covering it. */
  check ("10", "5", (const char *const[]) { "2011-01-01", "2011-01-07", "2011-01-12", NULL },
         "2011-01-01 2011-01-01 2011-01-10 2\n2011-01-06 2011-01-06 2011-01-15 2\n"
         "2011-01-11 2011-01-11 2011-01-20 1\n");
}

static void
test_moving_calendar (void **state)
{
  (void) state;
  check ("year", "quarter", (const char *const[]) { "2011-05-10", NULL },
         "2010-Q3 2010-07-01 2011-06-30 1\n2010-Q4 2010-10-01 2011-09-30 1\n"
         "2011-Q1 2011-01-01 2011-12-31 1\n2011-Q2 2011-04-01 2012-03-31 1\n");
}

static void
test_spec_errors (void **state)
{
  (void) state;
  ActnetSliceSpec spec;
  const char *const bad[][2] = {
    { "decade", NULL }, { "0", NULL }, { "-3", NULL }, { "month", "year" },
    { "week", "month" }, { "10", "11" }, { "10", "week" }, { "year", "7" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GError *error = NULL;
      assert_false (actnet_slice_spec_parse (bad[i][0], bad[i][1], &spec, &error));
      assert_true (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT));
      g_error_free (error);
    }
  assert_true (actnet_slice_spec_parse ("year", "month", &spec, NULL));
  assert_int_equal (spec.step_unit, ACTNET_SLICE_MONTH);
  assert_true (actnet_slice_spec_parse ("30", NULL, &spec, NULL));
  assert_int_equal (spec.days, 30);
  assert_int_equal (spec.step_days, 30);
}

static void
test_undated_and_dates (void **state)
{
  (void) state;
  ActnetSliceSpec spec;
  assert_true (actnet_slice_spec_parse ("year", NULL, &spec, NULL));
  g_autoptr (ActnetSlicer) slicer = actnet_slicer_new (&spec, 3, &document_window, 1);
  add (slicer, "2011-03-01", (const int[]) { 0, 1, -1 });
  add (slicer, NULL, (const int[]) { 1, 2, -1 });
  add (slicer, "2011-09-30", (const int[]) { 0, 1, 2, -1 });
  add (slicer, NULL, (const int[]) { 0, -1 });
  assert_int_equal (actnet_slicer_get_n_undated (slicer), 2);
  g_autoptr (GPtrArray) slices = actnet_slicer_finish (slicer);
  assert_int_equal (slices->len, 1);
  const ActnetCooccur *c = g_ptr_array_index (((ActnetSlice *) g_ptr_array_index (slices, 0))->scopes, 0);
  assert_int_equal (actnet_cooccur_get_n_documents (c), 2);
  assert_int_equal (actnet_cooccur_get_n_mentions (c), 5);
  ActnetDate first, last;
  assert_true (actnet_cooccur_get_pair_dates (c, 1, 0, &first, &last));
  assert_int_equal (first, actnet_date_from_ymd (2011, 3, 1));
  assert_int_equal (last, actnet_date_from_ymd (2011, 9, 30));
  assert_true (actnet_cooccur_get_pair_dates (c, 1, 2, &first, &last));
  assert_int_equal (first, actnet_date_from_ymd (2011, 9, 30));
  assert_int_equal (last, first);
  actnet_cooccur_get_actor_dates (c, 2, &first, &last);
  assert_int_equal (first, actnet_date_from_ymd (2011, 9, 30));
  assert_false (actnet_cooccur_get_pair_dates (c, 0, 0, &first, &last));
  assert_int_equal (first, ACTNET_DATE_NONE);
}

/* Undated documents never change a pair's dates; a pair seen only undated
 * has none. */
static void
test_cooccur_dates (void **state)
{
  (void) state;
  g_autoptr (ActnetCooccur) c = actnet_cooccur_new (3, document_window);
  g_autoptr (GArray) m = g_array_new (FALSE, TRUE, sizeof (ActnetMention));
  ActnetMention a = { 0, 1, 0, 0, 0, 0 }, b = { 2, 3, 1, 1, 0, 0 }, d = { 4, 5, 2, 2, 0, 0 };
  g_array_append_val (m, a);
  g_array_append_val (m, b);
  actnet_cooccur_add_document_dated (c, m, NULL, actnet_date_from_ymd (2015, 5, 5));
  actnet_cooccur_add_document_dated (c, m, NULL, ACTNET_DATE_NONE);
  actnet_cooccur_add_document_dated (c, m, NULL, actnet_date_from_ymd (2014, 1, 2));
  g_array_index (m, ActnetMention, 0) = d;
  actnet_cooccur_add_document (c, m, NULL);
  assert_true (actnet_cooccur_has_dates (c));
  ActnetDate first, last;
  assert_true (actnet_cooccur_get_pair_dates (c, 0, 1, &first, &last));
  assert_int_equal (first, actnet_date_from_ymd (2014, 1, 2));
  assert_int_equal (last, actnet_date_from_ymd (2015, 5, 5));
  assert_true (actnet_cooccur_get_pair_dates (c, 2, 1, &first, &last));
  assert_int_equal (first, ACTNET_DATE_NONE);
  assert_int_equal (last, ACTNET_DATE_NONE);
  /* Merging keeps the widest range. */
  g_autoptr (ActnetCooccur) into = actnet_cooccur_new (3, document_window);
  g_array_index (m, ActnetMention, 0) = a;
  actnet_cooccur_add_document_dated (into, m, NULL, actnet_date_from_ymd (2016, 1, 1));
  actnet_cooccur_merge (into, c);
  assert_true (actnet_cooccur_get_pair_dates (into, 0, 1, &first, &last));
  assert_int_equal (first, actnet_date_from_ymd (2014, 1, 2));
  assert_int_equal (last, actnet_date_from_ymd (2016, 1, 1));
  g_autoptr (ActnetCooccur) undated = actnet_cooccur_new (3, document_window);
  actnet_cooccur_add_document (undated, m, NULL);
  assert_false (actnet_cooccur_has_dates (undated));
}

/* The crafted corpus end to end: slice graphs keep actor ids, and the
 * dynamic GEXF has exact spells. */
static void
test_corpus (void **state)
{
  (void) state;
  g_autofree char *gaz_path = actnet_test_source_path ("tests/data/cli-gazetteer.tsv");
  g_autofree char *corpus = actnet_test_source_path ("tests/data/slices.jsonl");
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  GError *error = NULL;
  assert_true (actnet_gazetteer_load_file (gazetteer, gaz_path, &error));
  g_autoptr (ActnetMatcher) matcher = actnet_matcher_new (gazetteer, &error);
  assert_non_null (matcher);
  ActnetSliceSpec spec;
  assert_true (actnet_slice_spec_parse ("year", NULL, &spec, NULL));
  const ActnetWindow sentence = { ACTNET_WINDOW_SENTENCE, 0 };
  g_autoptr (ActnetSlicer) slicer = actnet_slicer_new (&spec, actnet_gazetteer_get_n_actors (gazetteer),
                                                       &sentence, 1);
  const char *inputs[] = { corpus, NULL };
  g_autoptr (GPtrArray) scopes = actnet_pipeline_count_scopes_each (matcher, inputs, &sentence, 1, NULL,
                                                                    NULL, actnet_slicer_observe, slicer,
                                                                    NULL, &error);
  assert_non_null (scopes);
  assert_int_equal (actnet_slicer_get_n_undated (slicer), 1);
  g_autoptr (GPtrArray) slices = actnet_slicer_finish (slicer);
  assert_int_equal (slices->len, 2);
  g_autoptr (GPtrArray) graphs = g_ptr_array_new_with_free_func ((GDestroyNotify) actnet_graph_free);
  const char *expected_ids[] = { "haftar pompeo lna tripoli", "nato haftar pompeo tripoli" };
  const guint expected_edges[] = { 5, 2 };
  for (guint i = 0; i < slices->len; i++)
    {
      ActnetSlice *slice = g_ptr_array_index (slices, i);
      ActnetGraph *graph = actnet_graph_new_from_scopes ((ActnetCooccur *const *) slice->scopes->pdata,
                                                         1, gazetteer, NULL, &error);
      assert_non_null (graph);
      g_ptr_array_add (graphs, graph);
      GString *ids = g_string_new (NULL);
      for (guint v = 0; v < actnet_graph_get_n_nodes (graph); v++)
        g_string_append_printf (ids, "%s%s", v > 0 ? " " : "", actnet_graph_get_node_id (graph, v));
      g_autofree char *got = g_string_free (ids, FALSE);
      assert_string_equal (got, expected_ids[i]);
      assert_int_equal (actnet_graph_get_n_edges (graph), expected_edges[i]);
    }
  g_autofree char *dir = actnet_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "dynamic.gexf", NULL);
  assert_true (actnet_slices_write_dynamic_gexf ((const ActnetSlice *const *) slices->pdata,
                                                 (ActnetGraph *const *) graphs->pdata, slices->len,
                                                 path, &error));
  g_autofree char *text = NULL;
  assert_true (g_file_get_contents (path, &text, NULL, NULL));
  assert_non_null (strstr (text, "mode=\"dynamic\""));
  assert_non_null (strstr (text, "<nodes count=\"5\">"));
  assert_non_null (strstr (text, "<edges count=\"6\">"));
  /* haftar--pompeo: both years, weight 1 each. */
  assert_non_null (strstr (text,
    "source=\"haftar\" target=\"pompeo\">\n        <attvalues>\n"
    "          <attvalue for=\"weight\" value=\"1\" start=\"2011-01-01\" end=\"2011-12-31\"/>\n"
    "          <attvalue for=\"weight\" value=\"1\" start=\"2012-01-01\" end=\"2012-12-31\"/>\n"
    "        </attvalues>\n        <spells>\n"
    "          <spell start=\"2011-01-01\" end=\"2011-12-31\"/>\n"
    "          <spell start=\"2012-01-01\" end=\"2012-12-31\"/>\n        </spells>\n"));
  /* lna only in 2011. */
  assert_non_null (strstr (text, "<node id=\"lna\" label=\"Libyan National Army\">\n"
                                 "        <attvalues>\n"
                                 "          <attvalue for=\"type\" value=\"organization\"/>\n"
                                 "        </attvalues>\n        <spells>\n"
                                 "          <spell start=\"2011-01-01\" end=\"2011-12-31\"/>\n"
                                 "        </spells>\n"));
  g_autofree char *rng = actnet_test_source_path ("tests/schemas/gexf-1.3/gexf.rng");
  g_autofree char *cmd = g_strdup_printf ("xmllint --noout --relaxng '%s' '%s'", rng, path);
  int status = -1;
  assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, &status, NULL));
  assert_true (g_spawn_check_wait_status (status, NULL));
  actnet_test_rmdir (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_calendar),
    cmocka_unit_test (test_iso_weeks),
    cmocka_unit_test (test_days),
    cmocka_unit_test (test_moving_calendar),
    cmocka_unit_test (test_spec_errors),
    cmocka_unit_test (test_undated_and_dates),
    cmocka_unit_test (test_cooccur_dates),
    cmocka_unit_test (test_corpus),
  };
  return cmocka_run_group_tests_name ("slices", tests, NULL, NULL);
}
