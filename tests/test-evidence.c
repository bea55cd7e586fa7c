/* Evidence: actor lookup, supporting units, the count invariant, contexts.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"
#include <actnet/actnet.h>

#include <string.h>

static const char gazetteer_tsv[] =
  "a\tperson\tAlpha One\tAlpha\n"
  "b\tperson\tBeta Two\tBeta|Bravo\n"
  "c\tplace\tGamma\tBravo|Gamma-Land\n"
  "d\torganization\tDelta Force\tDelta\n";

/* Offsets: Alpha 0-5, Beta 10-14, Gamma 16-21 | Beta 30-34, Alpha 41-46,
 * Gamma 59-64, Beta 69-73. Sentences [0,15) [16,28) [30,40) [41,74);
 * paragraphs [0,28) [30,74). */
static const char text[] =
  "Alpha met Beta. Gamma spoke.\n\nBeta left. Alpha stayed with Gamma and Beta.";

static ActnetGazetteer *
load_gazetteer (void)
{
  GError *error = NULL;
  ActnetGazetteer *gazetteer = actnet_gazetteer_new ();
  assert_true (actnet_gazetteer_load_data (gazetteer, gazetteer_tsv, -1, "test.tsv", &error));
  assert_null (error);
  return gazetteer;
}

static void
test_resolve (void **state)
{
  (void) state;
  g_autoptr (ActnetGazetteer) gazetteer = load_gazetteer ();
  GError *error = NULL;
  assert_int_equal (actnet_gazetteer_resolve_name (gazetteer, "a", &error), 0);
  assert_int_equal (actnet_gazetteer_resolve_name (gazetteer, "Alpha One", &error), 0);
  assert_int_equal (actnet_gazetteer_resolve_name (gazetteer, "alpha  one", &error), 0);
  assert_int_equal (actnet_gazetteer_resolve_name (gazetteer, "Beta", &error), 1);
  assert_int_equal (actnet_gazetteer_resolve_name (gazetteer, "gamma land", &error), 2);
  assert_int_equal (actnet_gazetteer_resolve_name (gazetteer, "delta force", &error), 3);
  assert_null (error);

  assert_int_equal (actnet_gazetteer_resolve_name (gazetteer, "Bravo", &error), G_MAXUINT);
  assert_true (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT));
  assert_string_equal (error->message, "'Bravo' names several actors: b, c; give the id");
  g_clear_error (&error);

  assert_int_equal (actnet_gazetteer_resolve_name (gazetteer, "Alph", &error), G_MAXUINT);
  assert_true (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_NOT_FOUND));
  assert_string_equal (error->message, "unknown actor 'Alph' (did you mean a?)");
  g_clear_error (&error);

  assert_int_equal (actnet_gazetteer_resolve_name (gazetteer, "Zeta", &error), G_MAXUINT);
  assert_string_equal (error->message,
                       "unknown actor 'Zeta' (not an id, label or alias of the gazetteer)");
  g_clear_error (&error);
}

typedef struct {
  ActnetGazetteer *gazetteer;
  ActnetMatcher *matcher;
  ActnetDocument *document;
  GArray *mentions;
  ActnetSegmentation *segmentation;
} Fixture;

static int
fixture_setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  f->gazetteer = load_gazetteer ();
  f->matcher = actnet_matcher_new (f->gazetteer, NULL);
  f->document = actnet_document_new ("doc", text, -1, FALSE);
  f->mentions = actnet_document_find_mentions (f->matcher, f->document);
  f->segmentation = actnet_segment_document (f->document, f->mentions);
  *state = f;
  return 0;
}

static int
fixture_teardown (void **state)
{
  Fixture *f = *state;
  actnet_segmentation_free (f->segmentation);
  g_array_unref (f->mentions);
  actnet_document_free (f->document);
  actnet_matcher_free (f->matcher);
  actnet_gazetteer_free (f->gazetteer);
  g_free (f);
  return 0;
}

/* "start-end:first-last" of each unit, joined by spaces. */
static char *
describe_units (Fixture *f, const char *window_text, guint a, guint b)
{
  ActnetWindow window;
  assert_true (actnet_window_parse (window_text, &window, NULL));
  g_autoptr (GArray) units = actnet_evidence_find_units (window, f->document->text,
                                                         f->document->length, f->mentions,
                                                         f->segmentation, a, b);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < units->len; i++)
    {
      const ActnetEvidenceUnit *u = &g_array_index (units, ActnetEvidenceUnit, i);
      g_string_append_printf (out, "%s%zu-%zu:%u-%u", i > 0 ? " " : "", u->start, u->end,
                              u->first, u->last);
    }
  return g_string_free (out, FALSE);
}

static void
test_units (void **state)
{
  Fixture *f = *state;
  assert_int_equal (f->mentions->len, 7);
  g_autofree char *sentence = describe_units (f, "sentence", 0, 1);
  assert_string_equal (sentence, "0-15:0-2 41-74:4-7");
  g_autofree char *reversed = describe_units (f, "sentence", 1, 0);
  assert_string_equal (reversed, "0-15:0-2 41-74:4-7");
  g_autofree char *paragraph = describe_units (f, "paragraph", 0, 1);
  assert_string_equal (paragraph, "0-28:0-3 30-74:3-7");
  g_autofree char *paragraph_ac = describe_units (f, "paragraph", 0, 2);
  assert_string_equal (paragraph_ac, "0-28:0-3 30-74:3-7");
  g_autofree char *sentence_ac = describe_units (f, "sentence", 0, 2);
  assert_string_equal (sentence_ac, "41-74:4-7");
  g_autofree char *document = describe_units (f, "document", 0, 1);
  assert_string_equal (document, "0-74:0-7");
  g_autofree char *absent = describe_units (f, "document", 0, 3);
  assert_string_equal (absent, "");
  g_autofree char *same = describe_units (f, "document", 1, 1);
  assert_string_equal (same, "");
  /* Words: Alpha0 met1 Beta2 Gamma3 spoke4 Beta5 left6 Alpha7 stayed8 with9
   * Gamma10 and11 Beta12. Anchor Beta2 has Alpha0 within 3 words; anchor
   * Alpha7 has Beta5. */
  g_autofree char *words3 = describe_units (f, "3", 0, 1);
  assert_string_equal (words3, "0-14:0-2 30-46:3-5");
  /* Within 6 words Beta5 reaches Alpha0 (the range runs over every
   * mention of either actor in the unit), Alpha7 reaches Beta2 and Beta5,
   * Beta12 reaches Alpha7. */
  g_autofree char *words6 = describe_units (f, "6", 0, 1);
  assert_string_equal (words6, "0-14:0-2 0-34:0-4 10-46:1-5 41-73:4-7");
}

/* The invariant: for every window, each pair's evidence units number its
 * count, and no pair has evidence without a count. */
static void
check_invariant (const char *dir, const char *window_text, guint n_actors)
{
  g_autoptr (ActnetGazetteer) gazetteer = load_gazetteer ();
  g_autoptr (ActnetMatcher) matcher = actnet_matcher_new (gazetteer, NULL);
  ActnetWindow window;
  assert_true (actnet_window_parse (window_text, &window, NULL));
  g_autoptr (ActnetEvidence) evidence = actnet_evidence_new (window);
  const char *inputs[] = { dir, NULL };
  GError *error = NULL;
  g_autoptr (GPtrArray) scopes = actnet_pipeline_count_scopes_each (
    matcher, inputs, &window, 1, NULL, NULL, actnet_evidence_pipeline_func, evidence, NULL, &error);
  assert_null (error);
  assert_non_null (scopes);
  const ActnetCooccur *cooccur = g_ptr_array_index (scopes, 0);
  g_autoptr (GArray) pairs = actnet_cooccur_get_pairs (cooccur);
  assert_true (pairs->len > 0);
  guint64 seen = 0;
  for (guint a = 0; a < n_actors; a++)
    for (guint b = a + 1; b < n_actors; b++)
      {
        guint64 weight = 0;
        for (guint i = 0; i < pairs->len; i++)
          {
            const ActnetPair *pair = &g_array_index (pairs, ActnetPair, i);
            if (pair->a == a && pair->b == b)
              weight = pair->weight;
          }
        assert_int_equal (actnet_evidence_get_n_units (evidence, a, b), weight);
        assert_int_equal (actnet_evidence_get_n_units (evidence, b, a), weight);
        seen += weight;
      }
  assert_true (seen > 0);
}

static void
test_invariant (void **state)
{
  (void) state;
  g_autofree char *dir = actnet_test_mkdtemp ();
  g_free (actnet_test_write_file (dir, "1.txt", text, -1));
  g_free (actnet_test_write_file (dir, "2.md",
                                  "# Alpha and Delta\n\nBeta, Beta and Gamma met Alpha One. "
                                  "Delta Force came.\nGamma-Land too.\n\n"
                                  "Nothing here. Beta and Delta and Alpha and Gamma.\n", -1));
  g_free (actnet_test_write_file (dir, "3.jsonl",
                                  "{\"id\": \"j1\", \"date\": \"2011-03-19\", \"text\": "
                                  "\"Alpha Alpha Beta. Beta Gamma Delta Alpha.\"}\n"
                                  "{\"id\": \"j2\", \"text\": \"Delta.\"}\n", -1));
  const char *windows[] = { "sentence", "paragraph", "document", "2", "3", "5", "40" };
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    check_invariant (dir, windows[i], 4);
  actnet_test_rmdir (dir);
}

static void
test_jsonl (void **state)
{
  (void) state;
  g_autofree char *dir = actnet_test_mkdtemp ();
  g_autofree char *corpus = actnet_test_write_file (
    dir, "c.jsonl",
    "{\"id\": \"x\\\"1\", \"date\": \"2011-03-19\", \"text\": \"Alpha met Beta.\"}\n"
    "{\"id\": \"x2\", \"text\": \"Beta met Alpha. And Beta met Gamma.\"}\n", -1);
  g_autoptr (ActnetGazetteer) gazetteer = load_gazetteer ();
  g_autoptr (ActnetMatcher) matcher = actnet_matcher_new (gazetteer, NULL);
  ActnetWindow window = { ACTNET_WINDOW_SENTENCE, 0 };
  g_autoptr (ActnetEvidence) evidence = actnet_evidence_new (window);
  const char *inputs[] = { corpus, NULL };
  GError *error = NULL;
  g_autoptr (GPtrArray) scopes = actnet_pipeline_count_scopes_each (
    matcher, inputs, &window, 1, NULL, NULL, actnet_evidence_pipeline_func, evidence, NULL, &error);
  assert_non_null (scopes);
  ActnetNetworkOptions options;
  actnet_network_options_init (&options);
  g_autoptr (ActnetGraph) graph = actnet_graph_new_from_scopes (
    (ActnetCooccur *const *) scopes->pdata, scopes->len, gazetteer, &options, &error);
  assert_non_null (graph);
  g_autofree char *out = g_build_filename (dir, "e.jsonl", NULL);
  assert_true (actnet_evidence_write_jsonl (evidence, graph, gazetteer, out, &error));
  g_autofree char *contents = NULL;
  assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  /* Edge order is the graph's; check each line by its pair. */
  g_auto (GStrv) lines = g_strsplit (contents, "\n", -1);
  assert_int_equal (g_strv_length (lines), 3);
  for (guint i = 0; i < 2; i++)
    if (strstr (lines[i], "\"c\"") != NULL)
      assert_string_equal (lines[i],
                           "{\"source\": \"b\", \"target\": \"c\", \"weight\": 1, \"units\": "
                           "[{\"doc\": \"x2\", \"date\": null, \"start\": 16, \"end\": 35}]}");
    else
      assert_string_equal (lines[i],
                           "{\"source\": \"a\", \"target\": \"b\", \"weight\": 2, \"units\": "
                           "[{\"doc\": \"x\\\"1\", \"date\": \"2011-03-19\", \"start\": 0, \"end\": 15}, "
                           "{\"doc\": \"x2\", \"date\": null, \"start\": 0, \"end\": 15}]}");
  assert_string_equal (lines[2], "");
  actnet_test_rmdir (dir);
}

static void
check_context (const char *s, gsize start, gsize end, guint width, const char *left,
               const char *right)
{
  g_autofree char *l = NULL, *r = NULL;
  actnet_evidence_context (s, strlen (s), start, end, width, &l, &r);
  assert_string_equal (l, left);
  assert_string_equal (r, right);
  assert_true (g_utf8_validate (l, -1, NULL) && g_utf8_validate (r, -1, NULL));
}

static void
test_context (void **state)
{
  (void) state;
  /* At the start and end of the text. */
  check_context ("Alpha met Beta", 0, 5, 4, "", " met");
  check_context ("Alpha met Beta", 10, 14, 4, "met ", "");
  check_context ("Alpha met Beta", 10, 14, 40, "Alpha met ", "");
  /* Whitespace runs count as one space. */
  check_context ("a  \n\t b Alpha\n\n  c  d", 8, 13, 4, "a b ", " c d");
  /* Multibyte characters are counted and never cut: "é" is 2 bytes,
   * "ﾘ" 3 and "😀" 4. */
  const char *s = "xé😀 Alpha ﾘé😀y";
  gsize start = strlen ("xé😀 ");
  check_context (s, start, start + 5, 2, "😀 ", " ﾘ");
  check_context (s, start, start + 5, 3, "é😀 ", " ﾘé");
  check_context (s, start, start + 5, 5, "xé😀 ", " ﾘé😀y");
  check_context (s, start, start + 5, 0, "", "");
  g_autofree char *collapsed = actnet_evidence_collapse (" a \n b ", 0, 7);
  assert_string_equal (collapsed, " a b ");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_resolve),
    cmocka_unit_test_setup_teardown (test_units, fixture_setup, fixture_teardown),
    cmocka_unit_test (test_invariant),
    cmocka_unit_test (test_jsonl),
    cmocka_unit_test (test_context),
  };
  return cmocka_run_group_tests_name ("evidence", tests, NULL, NULL);
}
