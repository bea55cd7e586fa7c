/* Near-duplicate documents: MinHash + LSH folding (actnet-dedup.h).
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"
#include <actnet/actnet.h>

#include <string.h>

/* A made-up wire story of about 230 words. */
#define STORY_BODY                                                                              \
  "The council of ministers met on Tuesday in the coastal capital to discuss the new budget, "  \
  "which had been delayed for three months by a dispute over oil revenues between the eastern " \
  "and western administrations. Officials said the draft would allocate most of the spending "  \
  "to salaries and fuel subsidies, leaving little for reconstruction of the southern towns "     \
  "damaged in last year's fighting.\n\n"                                                         \
  "The finance minister told reporters after the session that the government expected to "     \
  "publish the final figures next week, once the central bank had confirmed the exchange rate " \
  "it would apply to foreign currency sales. He declined to say whether the rival parliament "  \
  "in the east would be asked to approve the plan.\n\n"                                          \
  "Diplomats in the capital said the budget was a test of the fragile agreement signed in "      \
  "the spring, under which both sides promised to share revenues from the oil fields and to "    \
  "unify the institutions that had been split since the war began. A spokesman for the eastern " \
  "commander said his forces would respect any decision taken by a legitimate and unified "      \
  "government, but warned that payments to armed groups in the west had to stop.\n\n"            \
  "Oil production has recovered to more than one million barrels a day after a blockade of "     \
  "the export terminals ended in September, according to the national oil company, which said " \
  "it hoped to raise output further if security at the fields improved over the winter.\n"

static const char *story = "CAPITAL CITY, March 3 (Wire) - " STORY_BODY;

/* The same story re-posted: another byline and dateline, markdown
 * emphasis and a link, curly quotes, different line breaks and a
 * boilerplate paragraph at the end. */
static const char *repost =
  "By Staff Reporter | *Updated* 4 March\n\n"
  "The **council of ministers** met on Tuesday in the coastal capital to discuss the new budget, "
  "which had been delayed for three months by a dispute over oil revenues between the eastern "
  "and western administrations. Officials said the draft would allocate most of the spending "
  "to salaries and fuel subsidies, leaving little for reconstruction of the southern towns "
  "damaged in last year\u2019s fighting.\n\n"
  "The finance minister told reporters after the session that the government expected to "
  "publish the final figures next week, once the [central bank](https://example.org/cb) had "
  "confirmed the exchange rate it would apply to foreign currency sales. He declined to say "
  "whether the rival parliament in the east would be asked to approve the plan.\n\n"
  "Diplomats in the capital said the budget was a test of the fragile agreement signed in the "
  "spring, under which both sides promised to share revenues from the oil fields and to unify "
  "the institutions that had been split since the war began. A spokesman for the eastern "
  "commander said his forces would respect any decision taken by a legitimate and unified "
  "government, but warned that payments to armed groups in the west had to stop.\n\n"
  "Oil production has recovered to more than one million barrels a day after a blockade of the "
  "export terminals ended in September, according to the national oil company, which said it "
  "hoped to raise output further if security at the fields improved over the winter.\n\n"
  "_Subscribe to our newsletter for daily updates from the region._\n";

/* Another story on the same topic, with some of the same phrases. */
static const char *other =
  "The rival parliament in the east rejected on Thursday the budget drafted by the government "
  "in the capital, saying it favoured armed groups in the west and ignored the needs of the "
  "southern towns. Members voted by a large majority to demand that revenues from the oil "
  "fields be held by the central bank until a unified government was formed. The eastern "
  "commander's spokesman welcomed the vote and said his forces would protect the export "
  "terminals. The finance minister said the government would go ahead with salaries and fuel "
  "subsidies regardless, and accused the parliament of blocking the agreement signed in the "
  "spring. Oil output has held steady at about one million barrels a day, traders said, but "
  "many fear a new blockade if the dispute over revenues is not settled before the winter.\n";

static ActnetDocument *
document (const char *id, const char *text, gboolean markdown)
{
  return actnet_document_new (id, text, -1, markdown);
}

static void
test_exact_duplicate (void **state)
{
  (void) state;
  g_autoptr (ActnetDeduper) d = actnet_deduper_new (ACTNET_DEDUP_DEFAULT_THRESHOLD);
  g_autoptr (ActnetDocument) a = document ("a", story, FALSE);
  g_autoptr (ActnetDocument) b = document ("b", story, FALSE);
  assert_int_equal (actnet_deduper_add (d, a), -1);
  assert_close (actnet_deduper_get_last_similarity (d), 0.0, 0);
  assert_int_equal (actnet_deduper_add (d, b), 0);
  assert_close (actnet_deduper_get_last_similarity (d), 1.0, 0);
  assert_int_equal (actnet_deduper_get_n_documents (d), 2);
  assert_int_equal (actnet_deduper_get_n_folded (d), 1);
}

static void
test_case_and_punctuation (void **state)
{
  (void) state;
  g_autoptr (ActnetDeduper) d = actnet_deduper_new (1.0);
  g_autofree char *upper = g_utf8_strup (story, -1);
  g_autofree char *spaced = g_strdelimit (g_strdup (story), ",.", ';');
  assert_int_equal (actnet_deduper_add_text (d, "a", story, -1), -1);
  /* The keys are case-folded and punctuation is not part of a shingle:
   * even at threshold 1 these are copies. */
  assert_int_equal (actnet_deduper_add_text (d, "upper", upper, -1), 0);
  assert_int_equal (actnet_deduper_add_text (d, "punct", spaced, -1), 0);
}

static void
test_repost_folded (void **state)
{
  (void) state;
  g_autoptr (ActnetDeduper) d = actnet_deduper_new (0.8);
  g_autoptr (ActnetDocument) a = document ("wire/1", story, TRUE);
  g_autoptr (ActnetDocument) b = document ("blog/7", repost, TRUE);
  assert_int_equal (actnet_deduper_add (d, a), -1);
  assert_int_equal (actnet_deduper_add (d, b), 0);
  double similarity = actnet_deduper_get_last_similarity (d);
  assert_true (similarity >= 0.8 && similarity < 1.0);
  /* The estimate of this fixed hash family, every run. */
  assert_close (similarity, 0.9140625, 0);
}

static void
test_other_story_kept (void **state)
{
  (void) state;
  g_autoptr (ActnetDeduper) d = actnet_deduper_new (0.8);
  assert_int_equal (actnet_deduper_add_text (d, "a", story, -1), -1);
  assert_int_equal (actnet_deduper_add_text (d, "b", other, -1), -1);
  assert_int_equal (actnet_deduper_get_n_folded (d), 0);
  /* Even a permissive threshold keeps them apart. */
  g_autoptr (ActnetDeduper) loose = actnet_deduper_new (0.3);
  assert_int_equal (actnet_deduper_add_text (loose, "a", story, -1), -1);
  assert_int_equal (actnet_deduper_add_text (loose, "b", other, -1), -1);
}

static void
test_earliest_kept (void **state)
{
  (void) state;
  g_autoptr (ActnetDeduper) d = actnet_deduper_new (0.8);
  assert_int_equal (actnet_deduper_add_text (d, "other", other, -1), -1);
  assert_int_equal (actnet_deduper_add_text (d, "repost", repost, -1), -1);
  assert_int_equal (actnet_deduper_add_text (d, "story", story, -1), 1);
  /* A copy of the copy folds into the first of the cluster, and so does
   * a later exact copy of the original. */
  assert_int_equal (actnet_deduper_add_text (d, "story-again", story, -1), 1);
  assert_close (actnet_deduper_get_last_similarity (d), 1.0, 0);
  assert_int_equal (actnet_deduper_add_text (d, "other-again", other, -1), 0);
  assert_int_equal (actnet_deduper_get_n_folded (d), 3);
}

static void
test_short_texts (void **state)
{
  (void) state;
  g_autoptr (ActnetDeduper) d = actnet_deduper_new (0.8);
  /* Fewer than five words: never a duplicate, never an original. */
  assert_int_equal (actnet_deduper_add_text (d, "a", "Fighting in Sirte.", -1), -1);
  assert_int_equal (actnet_deduper_add_text (d, "b", "Fighting in Sirte.", -1), -1);
  assert_int_equal (actnet_deduper_add_text (d, "c", "", -1), -1);
  assert_int_equal (actnet_deduper_add_text (d, "d", "", -1), -1);
  /* Five words make one shingle. */
  assert_int_equal (actnet_deduper_add_text (d, "e", "Heavy fighting in Sirte today", -1), -1);
  assert_int_equal (actnet_deduper_add_text (d, "f", "heavy fighting in Sirte, today!", -1), 4);
  assert_int_equal (actnet_deduper_get_n_folded (d), 1);
}

static void
test_deterministic_report (void **state)
{
  (void) state;
  g_autofree char *dir = actnet_test_mkdtemp ();
  char *contents[2] = { NULL, NULL };
  for (guint run = 0; run < 2; run++)
    {
      g_autoptr (ActnetDeduper) d = actnet_deduper_new (0.8);
      actnet_deduper_add_text (d, "s1", story, -1);
      actnet_deduper_add_text (d, "o1", other, -1);
      actnet_deduper_add_text (d, "with\ttab", repost, -1);
      actnet_deduper_add_text (d, "s2", story, -1);
      g_autofree char *path = g_build_filename (dir, run == 0 ? "a.tsv" : "b.tsv", NULL);
      GError *error = NULL;
      assert_true (actnet_deduper_write_report (d, path, &error));
      assert_null (error);
      assert_true (g_file_get_contents (path, &contents[run], NULL, NULL));
    }
  assert_string_equal (contents[0], "doc\tkept_as\tsimilarity\n"
                                    "with tab\ts1\t0.836\n"
                                    "s2\ts1\t1.000\n");
  assert_string_equal (contents[0], contents[1]);
  g_free (contents[0]);
  g_free (contents[1]);
  GError *error = NULL;
  g_autoptr (ActnetDeduper) d = actnet_deduper_new (0.8);
  g_autofree char *bad = g_build_filename (dir, "missing", "r.tsv", NULL);
  assert_false (actnet_deduper_write_report (d, bad, &error));
  assert_non_null (error);
  assert_non_null (strstr (error->message, "missing"));
  g_clear_error (&error);
  actnet_test_rmdir (dir);
}

/* The pipeline folds duplicates through ActnetMatchOptions.deduper. */
static void
test_pipeline_skips_duplicates (void **state)
{
  (void) state;
  g_autofree char *dir = actnet_test_mkdtemp ();
  g_autoptr (GString) jsonl = g_string_new (NULL);
  const char *texts[] = { story, repost, other, story };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *escaped = g_strescape (texts[i], "\u2019");
      g_string_append_printf (jsonl, "{\"id\": \"d%u\", \"text\": \"%s\"}\n", i, escaped);
    }
  g_autofree char *path = actnet_test_write_file (dir, "c.jsonl", jsonl->str, (gssize) jsonl->len);
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  assert_int_equal (actnet_gazetteer_add_actor (gazetteer, "parl", "organization",
                                                "rival parliament", NULL), 0);
  assert_int_equal (actnet_gazetteer_add_actor (gazetteer, "bank", "organization",
                                                "central bank", NULL), 1);
  g_autoptr (ActnetMatcher) matcher = actnet_matcher_new (gazetteer, NULL);
  ActnetMatchOptions options;
  actnet_match_options_init (&options);
  assert_null (options.deduper);
  assert_int_equal (options.date, ACTNET_DATE_NONE);
  g_autoptr (ActnetDeduper) deduper = actnet_deduper_new (0.8);
  options.deduper = deduper;
  const char *inputs[] = { path, NULL };
  ActnetWindow window = { ACTNET_WINDOW_DOCUMENT, 0 };
  GError *error = NULL;
  g_autoptr (ActnetCooccur) cooccur = actnet_pipeline_count_full (matcher, inputs, window,
                                                                  &options, NULL, &error);
  assert_non_null (cooccur);
  assert_int_equal (actnet_cooccur_get_n_documents (cooccur), 2);
  /* d0: parliament + bank; d2: parliament + bank; the copies add nothing. */
  assert_int_equal (actnet_cooccur_get_n_mentions (cooccur), 4);
  assert_int_equal (actnet_deduper_get_n_documents (deduper), 4);
  assert_int_equal (actnet_deduper_get_n_folded (deduper), 2);
  actnet_test_rmdir (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_exact_duplicate),
    cmocka_unit_test (test_case_and_punctuation),
    cmocka_unit_test (test_repost_folded),
    cmocka_unit_test (test_other_story_kept),
    cmocka_unit_test (test_earliest_kept),
    cmocka_unit_test (test_short_texts),
    cmocka_unit_test (test_deterministic_report),
    cmocka_unit_test (test_pipeline_skips_duplicates),
  };
  return cmocka_run_group_tests_name ("dedup", tests, NULL, NULL);
}
