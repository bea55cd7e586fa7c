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

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_markdown_is_not_text),
    cmocka_unit_test (test_count_directory),
    cmocka_unit_test (test_default_gazetteer_found),
  };
  return cmocka_run_group_tests_name ("pipeline", tests, NULL, NULL);
}
