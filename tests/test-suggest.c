/* Discovery of missing actors: exact suggestions on crafted texts.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"
#include <actnet/actnet.h>

#include <string.h>

static const char gazetteer_tsv[] =
  "id\ttype\tlabel\taliases\n"
  "khalifa_haftar\tperson\tKhalifa Haftar\tHaftar\n"
  "tripoli\tplace\tTripoli\t\n"
  "libya\tplace\tLibya\t\n"
  "libyan_national_army\torganization\tLibyan National Army\tLNA\n";

/* Everything a test needs alive while it reads the suggestions. */
typedef struct {
  ActnetGazetteer *gazetteer;
  ActnetMatcher *matcher;
  ActnetSuggester *suggester;
  GArray *suggestions;
} Run;

/* Suggests from @texts (NULL-terminated, one document each) with
 * @gazetteer_text (NULL: no gazetteer) and optional dictionary @words. */
static Run
run_suggest (const char *gazetteer_text, const char *const *texts, const char *words,
             guint min_count, guint top)
{
  Run run = { 0 };
  if (gazetteer_text != NULL)
    {
      run.gazetteer = actnet_gazetteer_new ();
      GError *error = NULL;
      assert_true (actnet_gazetteer_load_data (run.gazetteer, gazetteer_text, -1, "gaz.tsv", &error));
      run.matcher = actnet_matcher_new (run.gazetteer, &error);
      assert_non_null (run.matcher);
    }
  run.suggester = actnet_suggester_new (run.matcher);
  if (words != NULL)
    actnet_suggester_add_words (run.suggester, words, -1);
  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_autofree char *id = g_strdup_printf ("d%u", i + 1);
      g_autoptr (ActnetDocument) document = actnet_document_new (id, texts[i], -1, FALSE);
      actnet_suggester_add_document (run.suggester, document);
    }
  run.suggestions = actnet_suggester_rank (run.suggester, min_count, top);
  return run;
}

static void
run_clear (Run *run)
{
  g_array_unref (run->suggestions);
  actnet_suggester_free (run->suggester);
  actnet_matcher_free (run->matcher);
  actnet_gazetteer_free (run->gazetteer);
}

/* "label|type|count|docs|peer (n), peer (n)" for one suggestion. */
static char *
describe (const Run *run, guint i)
{
  const ActnetSuggestion *s = &g_array_index (run->suggestions, ActnetSuggestion, i);
  GString *out = g_string_new (NULL);
  g_string_append_printf (out, "%s|%s|%u|%u|", s->label, s->type, s->count, s->documents);
  for (guint p = 0; p < s->n_peers; p++)
    g_string_append_printf (out, "%s%s (%u)", p > 0 ? ", " : "",
                            actnet_gazetteer_get_id (run->gazetteer, s->peers[p].actor),
                            s->peers[p].count);
  return g_string_free (out, FALSE);
}

static void
assert_suggestions (const Run *run, const char *const *expected)
{
  guint n = g_strv_length ((char **) expected);
  for (guint i = 0; i < run->suggestions->len && i < n; i++)
    {
      g_autofree char *got = describe (run, i);
      if (strcmp (got, expected[i]) != 0)
        fail_msg ("suggestion %u: got '%s', want '%s'", i, got, expected[i]);
    }
  if (run->suggestions->len != n)
    {
      for (guint i = 0; i < run->suggestions->len; i++)
        {
          g_autofree char *got = describe (run, i);
          print_message ("got %u: %s\n", i, got);
        }
      fail_msg ("%u suggestions, want %u", run->suggestions->len, n);
    }
}

/* Counts, documents, the known actors of the same sentence, the ranking,
 * and particles inside names. */
static void
test_counts_and_peers (void **state)
{
  (void) state;
  const char *const texts[] = {
    "Abdel Hakim Belhaj met Haftar in Tripoli. Ansar al-Sharia attacked Tripoli again.",
    "Ansar al-Sharia denied it, said Abdel Hakim Belhaj in Libya. The LNA shelled Ansar al-Sharia.",
    NULL
  };
  Run run = run_suggest (gazetteer_tsv, texts, NULL, 2, 50);
  const char *const expected[] = {
    "Ansar al-Sharia|misc|3|2|tripoli (1), libya (1), libyan_national_army (1)",
    "Abdel Hakim Belhaj|misc|2|2|khalifa_haftar (1), tripoli (1), libya (1)",
    NULL
  };
  assert_suggestions (&run, expected);
  const ActnetSuggestion *s = &g_array_index (run.suggestions, ActnetSuggestion, 0);
  assert_string_equal (s->key, "ansar al sharia");
  assert_string_equal (s->id, "ansar_al_sharia");
  assert_null (s->variants[0]);
  run_clear (&run);

  /* --top and --min-count. */
  run = run_suggest (gazetteer_tsv, texts, NULL, 3, 50);
  assert_int_equal (run.suggestions->len, 1);
  run_clear (&run);
  run = run_suggest (gazetteer_tsv, texts, NULL, 1, 1);
  assert_int_equal (run.suggestions->len, 1);
  assert_string_equal (g_array_index (run.suggestions, ActnetSuggestion, 0).label, "Ansar al-Sharia");
  run_clear (&run);
}

/* Titles are stripped and make a person, wherever they stand in a run. */
static void
test_titles (void **state)
{
  (void) state;
  const char *const texts[] = {
    "President Donald Trump spoke. Gen. Abdel Hakim Belhaj answered. "
    "Field Marshal Khalifa Hifter waited. Secretary of State Mike Pompeo called. "
    "Russian President Vladimir Putin agreed. Dr. Binoy Kampmark wrote for us. "
    "Mr. Mike Pompeo left. Officials met the Prime Minister. "
    "LNA spokesman Ahmed Mismari spoke. The General National Congress met.",
    NULL
  };
  Run run = run_suggest (gazetteer_tsv, texts, NULL, 1, 0);
  /* "Russian" opens its sentence and is never seen elsewhere: dropped. */
  const char *const expected[] = {
    "Mike Pompeo|person|2|1|",
    "Abdel Hakim Belhaj|person|1|1|",
    "Ahmed Mismari|person|1|1|libyan_national_army (1)",
    "Binoy Kampmark|person|1|1|",
    "Donald Trump|person|1|1|",
    "General National Congress|organization|1|1|",
    "Khalifa Hifter|person|1|1|",
    "Vladimir Putin|person|1|1|",
    NULL
  };
  assert_suggestions (&run, expected);
  run_clear (&run);
}

/* A single capitalised word at a sentence start only is an ordinary word;
 * seen once mid-sentence, every occurrence counts. */
static void
test_sentence_start (void **state)
{
  (void) state;
  const char *const texts[] = { "Belhaj denied it. Sources said nothing. Belhaj left.", NULL };
  Run run = run_suggest (NULL, texts, NULL, 1, 0);
  assert_int_equal (run.suggestions->len, 0);
  run_clear (&run);

  const char *const more[] = {
    "Belhaj denied it. Sources said nothing. Belhaj left.",
    "Reports quoted Belhaj twice.",
    NULL
  };
  run = run_suggest (NULL, more, NULL, 1, 0);
  const char *const expected[] = { "Belhaj|misc|3|2|", NULL };
  assert_suggestions (&run, expected);
  run_clear (&run);

  /* Function words opening a sentence go; what follows keeps its capital
   * for its own sake. */
  const char *const function[] = {
    "The Benghazi Shura Council fought. But Ansar al-Sharia fled. "
    "In Wadi Rabea the fighting stopped. Yesterday the Libyan Red Crescent came.",
    NULL
  };
  run = run_suggest (NULL, function, NULL, 1, 0);
  const char *const expected_function[] = {
    "Ansar al-Sharia|misc|1|1|",
    "Benghazi Shura Council|organization|1|1|",
    "Libyan Red Crescent|misc|1|1|",
    "Wadi Rabea|misc|1|1|",
    NULL
  };
  assert_suggestions (&run, expected_function);
  run_clear (&run);
}

static void
test_acronyms (void **state)
{
  (void) state;
  const char *const texts[] = {
    "The U.N. envoy met GNC leaders. GNC officials agreed with the U.N. team. "
    "The LNA and the HoR did not.",
    NULL
  };
  Run run = run_suggest (gazetteer_tsv, texts, NULL, 1, 0);
  const char *const expected[] = {
    "GNC|organization|2|1|",
    "U.N.|organization|2|1|",
    "HoR|misc|1|1|libyan_national_army (1)",
    NULL
  };
  assert_suggestions (&run, expected);
  assert_string_equal (g_array_index (run.suggestions, ActnetSuggestion, 1).id, "u_n");
  run_clear (&run);
}

/* Connectors inside names; "the" only after "of"; "and" only inside an
 * organisation name. */
static void
test_particles (void **state)
{
  (void) state;
  const char *const texts[] = {
    "Officials said Osama bin Laden and Saif al-Islam once met. "
    "They sailed the Gulf of Sidra to the Bank of the Republic. "
    "Then members of the Justice and Construction Party voted; al-Qaeda did not. "
    "Mismari and Fayez Sarraj talked with Abu Bakr al-Baghdadi.",
    NULL
  };
  Run run = run_suggest (NULL, texts, NULL, 1, 0);
  const char *const expected[] = {
    "Abu Bakr al-Baghdadi|misc|1|1|",
    "al-Qaeda|misc|1|1|",
    "Bank of the Republic|organization|1|1|",
    "Fayez Sarraj|misc|1|1|",
    "Gulf of Sidra|misc|1|1|",
    "Justice and Construction Party|organization|1|1|",
    "Osama bin Laden|misc|1|1|",
    "Saif al-Islam|misc|1|1|",
    NULL
  };
  assert_suggestions (&run, expected);
  run_clear (&run);
}

/* Words of a gazetteer mention are never part of a suggestion. */
static void
test_known_actors_excluded (void **state)
{
  (void) state;
  const char *const texts[] = {
    "Khalifa Haftar and Abdel Hakim Belhaj met. Haftar left Tripoli for Libya. "
    "Forces of the Libyan National Army and Tripoli Brigade fought.",
    NULL
  };
  Run run = run_suggest (gazetteer_tsv, texts, NULL, 1, 0);
  const char *const expected[] = {
    "Abdel Hakim Belhaj|misc|1|1|khalifa_haftar (1)",
    "Brigade|organization|1|1|tripoli (1), libyan_national_army (1)",
    NULL
  };
  assert_suggestions (&run, expected);
  run_clear (&run);
}

static void
test_place_type (void **state)
{
  (void) state;
  const char *const texts[] = {
    "Fighting reached Wadi Rabea. Troops moved to Wadi Rabea and Ain Zara.", NULL
  };
  Run run = run_suggest (NULL, texts, NULL, 1, 0);
  const char *const expected[] = { "Wadi Rabea|place|2|1|", "Ain Zara|misc|1|1|", NULL };
  assert_suggestions (&run, expected);
  run_clear (&run);
}

/* A lone dictionary word is not a name; without a dictionary it stays. */
static void
test_dictionary (void **state)
{
  (void) state;
  const char *const texts[] = {
    "Officials said Libyan and Western forces met Mismari. Mismari met Western envoys "
    "and Libyan leaders on Friday. Later Last Friday came.",
    NULL
  };
  Run run = run_suggest (NULL, texts, "western\nLibyan\n", 1, 0);
  const char *const expected[] = { "Mismari|misc|2|1|", NULL };
  assert_suggestions (&run, expected);
  run_clear (&run);
  run = run_suggest (NULL, texts, NULL, 1, 0);
  const char *const without[] = {
    "Libyan|misc|2|1|", "Mismari|misc|2|1|", "Western|misc|2|1|", NULL
  };
  assert_suggestions (&run, without);
  run_clear (&run);
}

/* Headlines, bylines and navigation lines are title case without a final
 * stop; prose dense with names is not skipped. */
static void
test_headlines (void **state)
{
  (void) state;
  const char *const texts[] = {
    "Failed States and Militias: General Abdel Belhaj Moves on Tripoli\n\n"
    "By Dr. Binoy Kampmark\n\n"
    "Region: Middle East & North Africa\n\n"
    "Secretary of State Mike Pompeo called Abdel Belhaj.\n",
    NULL
  };
  Run run = run_suggest (gazetteer_tsv, texts, NULL, 1, 0);
  const char *const expected[] = { "Abdel Belhaj|misc|1|1|", "Mike Pompeo|person|1|1|", NULL };
  assert_suggestions (&run, expected);
  run_clear (&run);
}

/* Case variants the label would miss become aliases; the most frequent
 * surface is the label. */
static void
test_variants (void **state)
{
  (void) state;
  const char *const texts[] = {
    "Al-Sarraj spoke. Later al-Sarraj left. Officials saw al-Sarraj and Al Sarraj.", NULL
  };
  Run run = run_suggest (NULL, texts, NULL, 1, 0);
  const char *const expected[] = { "al-Sarraj|misc|4|1|", NULL };
  assert_suggestions (&run, expected);
  const ActnetSuggestion *s = &g_array_index (run.suggestions, ActnetSuggestion, 0);
  /* "al-Sarraj" (a lower-case "al" matches any case) covers the others. */
  assert_null (s->variants[0]);
  run_clear (&run);

  const char *const upper[] = { "Officials saw Al-Sarraj, Al-Sarraj and al-Sarraj.", NULL };
  run = run_suggest (NULL, upper, NULL, 1, 0);
  s = &g_array_index (run.suggestions, ActnetSuggestion, 0);
  assert_string_equal (s->label, "Al-Sarraj");
  assert_string_equal (s->variants[0], "al-Sarraj");
  assert_null (s->variants[1]);
  run_clear (&run);
}

/* The TSV output loads after an existing gazetteer, with fresh ids. */
static void
test_tsv_loads (void **state)
{
  (void) state;
  g_autofree char *base = g_strconcat (gazetteer_tsv,
                                       "ansar_al_sharia\torganization\tAnsar Beit al-Maqdis\t\n", NULL);
  const char *const texts[] = {
    "Abdel Hakim Belhaj met Haftar in Tripoli. Ansar al-Sharia attacked Tripoli again.",
    "Ansar al-Sharia denied it, said Abdel Hakim Belhaj in Libya. The LNA shelled Ansar al-Sharia.",
    "Officials saw Al-Sarraj, Al-Sarraj and al-Sarraj.",
    NULL
  };
  Run run = run_suggest (base, texts, NULL, 1, 0);
  g_autofree char *tsv = actnet_suggestions_to_tsv (run.suggestions, run.gazetteer);
  assert_string_equal (tsv,
                       "# n=3 docs=2 with=tripoli (1), libya (1), libyan_national_army (1)\n"
                       "ansar_al_sharia_2\tmisc\tAnsar al-Sharia\t\n"
                       "# n=3 docs=1\n"
                       "al_sarraj\tmisc\tAl-Sarraj\tal-Sarraj\n"
                       "# n=2 docs=2 with=khalifa_haftar (1), tripoli (1), libya (1)\n"
                       "abdel_hakim_belhaj\tmisc\tAbdel Hakim Belhaj\t\n");
  g_autofree char *joined = g_strconcat (base, tsv, NULL);
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  GError *error = NULL;
  assert_true (actnet_gazetteer_load_data (gazetteer, joined, -1, "joined.tsv", &error));
  assert_null (error);
  assert_int_equal (actnet_gazetteer_get_n_actors (gazetteer), 8);
  guint sarraj = actnet_gazetteer_lookup (gazetteer, "al_sarraj");
  assert_int_equal (sarraj, 6);
  assert_string_equal (actnet_gazetteer_get_label (gazetteer, sarraj), "Al-Sarraj");
  assert_string_equal (actnet_gazetteer_get_type (gazetteer, sarraj), "misc");

  /* ... and the new actors are found where they were suggested. */
  g_autoptr (ActnetMatcher) matcher = actnet_matcher_new (gazetteer, &error);
  g_autoptr (GArray) mentions = actnet_matcher_find (matcher, texts[2], -1);
  assert_int_equal (mentions->len, 3);
  for (guint i = 0; i < mentions->len; i++)
    assert_int_equal (g_array_index (mentions, ActnetMention, i).actor, sarraj);
  run_clear (&run);
}

static void
test_make_id (void **state)
{
  (void) state;
  const char *const cases[][2] = {
    { "Ansar al-Sharia", "ansar_al_sharia" },
    { "Bengh\xC4\x81z\xC4\xAB Defence Brigades", "benghazi_defence_brigades" },
    { "U.N.", "u_n" },
    { "Sa\xC3\xAF" "f al-Islam", "saif_al_islam" },
    { "Mu'ammar", "mu_ammar" },
    { "---", "actor" },
    { "\xD8\xB7\xD8\xB1\xD8\xA7\xD8\xA8\xD9\x84\xD8\xB3", "actor" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = actnet_suggest_make_id (cases[i][0]);
      assert_string_equal (id, cases[i][1]);
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_counts_and_peers),
    cmocka_unit_test (test_titles),
    cmocka_unit_test (test_sentence_start),
    cmocka_unit_test (test_acronyms),
    cmocka_unit_test (test_particles),
    cmocka_unit_test (test_known_actors_excluded),
    cmocka_unit_test (test_place_type),
    cmocka_unit_test (test_dictionary),
    cmocka_unit_test (test_headlines),
    cmocka_unit_test (test_variants),
    cmocka_unit_test (test_tsv_loads),
    cmocka_unit_test (test_make_id),
  };
  return cmocka_run_group_tests_name ("suggest", tests, NULL, NULL);
}
