/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"
#include <actnet/actnet.h>

#include <string.h>

/* ---- Helpers ---------------------------------------------------------- */

static guint
add_actor (ActnetGazetteer *gazetteer, const char *id, const char *label)
{
  GError *error = NULL;
  guint actor = actnet_gazetteer_add_actor (gazetteer, id, "person", label, &error);
  assert_null (error);
  assert_int_not_equal (actor, G_MAXUINT);
  return actor;
}

static void
add_alias (ActnetGazetteer *gazetteer, guint actor, const char *alias,
           ActnetCasePolicy policy)
{
  GError *error = NULL;
  assert_true (actnet_gazetteer_add_alias (gazetteer, actor, alias, policy, &error));
  assert_null (error);
}

static ActnetMatcher *
matcher_new (const ActnetGazetteer *gazetteer)
{
  GError *error = NULL;
  ActnetMatcher *matcher = actnet_matcher_new (gazetteer, &error);
  assert_null (error);
  assert_non_null (matcher);
  assert_ptr_equal (actnet_matcher_get_gazetteer (matcher), gazetteer);
  return matcher;
}

/* Mentions written "id=covered text" and joined by " | ", in text order. */
static char *
describe (const ActnetMatcher *matcher, const char *text)
{
  const ActnetGazetteer *gazetteer = actnet_matcher_get_gazetteer (matcher);
  GArray *mentions = actnet_matcher_find (matcher, text, -1);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < mentions->len; i++)
    {
      const ActnetMention *m = &g_array_index (mentions, ActnetMention, i);
      assert_true (m->start < m->end && m->end <= strlen (text));
      assert_int_equal (actnet_gazetteer_get_alias_actor (gazetteer, m->alias), m->actor);
      if (i > 0)
        g_string_append (out, " | ");
      g_string_append_printf (out, "%s=%.*s", actnet_gazetteer_get_id (gazetteer, m->actor),
                              (int) (m->end - m->start), text + m->start);
    }
  g_array_unref (mentions);
  return g_string_free (out, FALSE);
}

static void
check (const ActnetMatcher *matcher, const char *text, const char *expected)
{
  char *got = describe (matcher, text);
  if (strcmp (got, expected) != 0)
    print_error ("text: '%s'\n", text);
  assert_string_equal (got, expected);
  g_free (got);
}

static const ActnetMention *
single_mention (GArray *mentions)
{
  assert_int_equal (mentions->len, 1);
  return &g_array_index (mentions, ActnetMention, 0);
}

/* ---- Tests ------------------------------------------------------------ */

static void
test_name_across_lines (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  guint pompeo = add_actor (gazetteer, "pompeo", "Mike Pompeo");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  const char *text = "Secretary Mike\n\nPompeo had called";
  GArray *mentions = actnet_matcher_find (matcher, text, -1);
  const ActnetMention *m = single_mention (mentions);
  assert_int_equal (m->start, 10);
  assert_int_equal (m->end, 22);  /* just after "Pompeo" */
  assert_int_equal (m->word, 1);
  assert_int_equal (m->actor, pompeo);
  assert_int_equal (m->alias, 0);
  g_array_unref (mentions);

  check (matcher, "Mike \t Pompeo", "pompeo=Mike \t Pompeo");
  check (matcher, "Mike, Pompeo", "");
  check (matcher, "Mike Pompeos", "");
}

static void
test_whole_words (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  add_actor (gazetteer, "libya", "Libya");
  add_actor (gazetteer, "tripoli", "Tripoli");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  check (matcher, "Libyan forces left Libya.", "libya=Libya");
  check (matcher, "Tripolitania, Tripoli2, xTripoli", "");
  check (matcher, "(Libya)", "libya=Libya");
}

static void
test_possessives (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  add_actor (gazetteer, "haftar", "Haftar");
  add_actor (gazetteer, "nato", "NATO");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  const char *text = "Haftar\xe2\x80\x99s men and NATO\xe2\x80\x99s jets, NATO's too";
  check (matcher, text, "haftar=Haftar | nato=NATO | nato=NATO");
  GArray *mentions = actnet_matcher_find (matcher, text, -1);
  const ActnetMention *m = &g_array_index (mentions, ActnetMention, 1);
  assert_int_equal (m->start, 19);
  assert_int_equal (m->end, 23);
  assert_int_equal (m->word, 4);
  g_array_unref (mentions);
}

static void
test_hyphen_compound (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  add_actor (gazetteer, "us", "US");
  add_actor (gazetteer, "nato", "NATO");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  GArray *mentions = actnet_matcher_find (matcher, "daily US-NATO raids", -1);
  assert_int_equal (mentions->len, 2);
  const ActnetMention *us = &g_array_index (mentions, ActnetMention, 0);
  const ActnetMention *nato = &g_array_index (mentions, ActnetMention, 1);
  assert_int_equal (us->start, 6);
  assert_int_equal (us->end, 8);
  assert_int_equal (us->word, 1);
  assert_int_equal (nato->start, 9);
  assert_int_equal (nato->end, 13);
  assert_int_equal (nato->word, 2);
  g_array_unref (mentions);
  check (matcher, "anti-NATO, US\xe2\x80\x94NATO", "nato=NATO | us=US | nato=NATO");
}

static void
test_default_case_policy (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  add_actor (gazetteer, "us", "US");
  add_actor (gazetteer, "usa", "U.S.");
  add_actor (gazetteer, "chad", "Chad");
  add_actor (gazetteer, "will", "Will");
  add_actor (gazetteer, "libya", "Libya");
  add_actor (gazetteer, "mccain", "McCain");
  add_actor (gazetteer, "rebels", "rebels");
  add_actor (gazetteer, "company_a", "A");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  /* Capitals-only words need capitals. */
  check (matcher, "let us go", "");
  check (matcher, "the US said", "us=US");
  check (matcher, "Us and uS", "");
  check (matcher, "the U.S. said", "usa=U.S.");
  check (matcher, "the u.s. said", "");
  /* Capitalised words need a capital first, the rest in any case. */
  check (matcher, "a hanging chad", "");
  check (matcher, "Chad and CHAD", "chad=Chad | chad=CHAD");
  check (matcher, "he will go", "");
  check (matcher, "Will went", "will=Will");
  check (matcher, "LIBYA: NATO HEIGHTENS", "libya=LIBYA");
  check (matcher, "McCain, MCCAIN, Mccain, mccain", "mccain=McCain | mccain=MCCAIN | mccain=Mccain");
  /* Lower-case aliases take any case; a single capital is just capitalised. */
  check (matcher, "rebels Rebels REBELS", "rebels=rebels | rebels=Rebels | rebels=REBELS");
  check (matcher, "a A", "company_a=A");
}

static void
test_exact_and_any_policies (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  guint mccain = add_actor (gazetteer, "mccain", "John McCain");
  add_alias (gazetteer, mccain, "McCain", ACTNET_CASE_POLICY_EXACT);
  guint otan = add_actor (gazetteer, "otan", "OTAN");
  add_alias (gazetteer, otan, "NATO", ACTNET_CASE_POLICY_ANY);
  guint isis = add_actor (gazetteer, "isis", "Daesh");
  add_alias (gazetteer, isis, "iSIS", ACTNET_CASE_POLICY_EXACT);
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  check (matcher, "McCain MCCAIN Mccain", "mccain=McCain");
  check (matcher, "nato Nato NATO", "otan=nato | otan=Nato | otan=NATO");
  check (matcher, "iSIS ISIS isis", "isis=iSIS");
  /* Exact case compares case only: diacritics still fold. */
  check (matcher, "M\xc3\xa7" "Cain", "mccain=M\xc3\xa7" "Cain");
}

static void
test_failed_case_falls_back_to_shorter (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  add_actor (gazetteer, "us_army", "US Army");
  add_actor (gazetteer, "army", "Army");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  check (matcher, "join us Army men", "army=Army");
  check (matcher, "the US Army", "us_army=US Army");
}

static void
test_leftmost_longest (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  add_actor (gazetteer, "libya", "Libya");
  add_actor (gazetteer, "libyan", "Libyan");
  add_actor (gazetteer, "lna", "Libyan National Army");
  add_actor (gazetteer, "national_army", "National Army");
  add_actor (gazetteer, "iraq", "Iraq");
  add_actor (gazetteer, "syria", "Syria");
  add_actor (gazetteer, "isis", "Islamic State in Iraq and Syria");
  add_actor (gazetteer, "ab", "Alpha Beta");
  add_actor (gazetteer, "bc", "Beta Gamma");
  add_actor (gazetteer, "c", "Gamma");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  check (matcher, "the Libyan National Army of Libya", "lna=Libyan National Army | libya=Libya");
  check (matcher, "a Libyan National guard", "libyan=Libyan");
  check (matcher, "Islamic State in Iraq and Syria (ISIS) left Iraq",
         "isis=Islamic State in Iraq and Syria | iraq=Iraq");
  check (matcher, "Islamic State in Iraq and Yemen", "iraq=Iraq");
  /* Overlapping candidates: the leftmost wins, then matching resumes. */
  check (matcher, "Alpha Beta Gamma", "ab=Alpha Beta | c=Gamma");
  check (matcher, "Beta Gamma", "bc=Beta Gamma");
}

static void
test_hyphen_equals_space (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  add_actor (gazetteer, "aq", "al-Qaeda");
  guint jalil = add_actor (gazetteer, "jalil", "Mustafa Abdul Jalil");
  add_alias (gazetteer, jalil, "Abdul-Jalil", ACTNET_CASE_POLICY_DEFAULT);
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  check (matcher, "al-Qaeda, al Qaeda, Al-Qaeda, AL QAEDA, al\xe2\x80\x93Qaeda",
         "aq=al-Qaeda | aq=al Qaeda | aq=Al-Qaeda | aq=AL QAEDA | aq=al\xe2\x80\x93Qaeda");
  check (matcher, "al-qaeda, al - Qaeda, al--Qaeda", "");
  check (matcher, "Abdul Jalil and Abdul-Jalil", "jalil=Abdul Jalil | jalil=Abdul-Jalil");
}

static void
test_ambiguous_surname (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  guint muammar = add_actor (gazetteer, "muammar", "Muammar Gaddafi");
  add_alias (gazetteer, muammar, "Gaddafi", ACTNET_CASE_POLICY_DEFAULT);
  guint saif = add_actor (gazetteer, "saif", "Saif al-Islam Gaddafi");
  add_alias (gazetteer, saif, "Saif", ACTNET_CASE_POLICY_DEFAULT);
  add_alias (gazetteer, saif, "Gaddafi", ACTNET_CASE_POLICY_DEFAULT);
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  /* No context: the first listed actor. */
  check (matcher, "Gaddafi spoke.", "muammar=Gaddafi");
  /* After the son's full name, a bare surname is the son. */
  check (matcher, "Saif al-Islam Gaddafi spoke. Later Gaddafi left.",
         "saif=Saif al-Islam Gaddafi | saif=Gaddafi");
  /* The most recent longer mention wins. */
  check (matcher, "Saif al-Islam Gaddafi met Muammar Gaddafi. Gaddafi left.",
         "saif=Saif al-Islam Gaddafi | muammar=Muammar Gaddafi | muammar=Gaddafi");
  check (matcher, "Muammar Gaddafi met Saif al-Islam Gaddafi. Gaddafi left.",
         "muammar=Muammar Gaddafi | saif=Saif al-Islam Gaddafi | saif=Gaddafi");
  /* A mention no longer than the ambiguous one gives no context. */
  check (matcher, "Saif spoke. Gaddafi left.", "saif=Saif | muammar=Gaddafi");
  /* Ambiguous mentions are not context themselves: the second bare
   * surname still follows the full name. */
  check (matcher, "Saif al-Islam Gaddafi. Gaddafi. Gaddafi.",
         "saif=Saif al-Islam Gaddafi | saif=Gaddafi | saif=Gaddafi");

  /* The reported alias is the chosen actor's own. */
  GArray *mentions = actnet_matcher_find (matcher, "Saif al-Islam Gaddafi. Gaddafi", -1);
  assert_int_equal (mentions->len, 2);
  const ActnetMention *m = &g_array_index (mentions, ActnetMention, 1);
  assert_int_equal (m->actor, saif);
  assert_string_equal (actnet_gazetteer_get_alias_text (gazetteer, m->alias), "Gaddafi");
  assert_int_equal (actnet_gazetteer_get_alias_actor (gazetteer, m->alias), saif);
  g_array_unref (mentions);
  mentions = actnet_matcher_find (matcher, "Gaddafi", -1);
  m = single_mention (mentions);
  assert_int_equal (m->actor, muammar);
  assert_int_equal (m->alias, 1);
  g_array_unref (mentions);
}

static void
test_ambiguity_after_case_check (void **state)
{
  /* Two actors share the key "chad"; the case check decides which
   * aliases survive before ambiguity is considered. */
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  add_actor (gazetteer, "chad_country", "Chad");
  guint ballot = add_actor (gazetteer, "ballot_chad", "hanging chad");
  add_alias (gazetteer, ballot, "chad", ACTNET_CASE_POLICY_DEFAULT);
  guint person = add_actor (gazetteer, "chad_person", "Chad Smith");
  add_alias (gazetteer, person, "Chad", ACTNET_CASE_POLICY_DEFAULT);
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  check (matcher, "a chad", "ballot_chad=chad");
  check (matcher, "in Chad", "chad_country=Chad");
  check (matcher, "Chad Smith said Chad", "chad_person=Chad Smith | chad_person=Chad");
  check (matcher, "a hanging chad. Chad", "ballot_chad=hanging chad | ballot_chad=Chad");
}

static void
test_shared_prefixes_and_failure_links (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  add_actor (gazetteer, "is", "Islamic State");
  add_actor (gazetteer, "isis", "Islamic State in Iraq and Syria");
  add_actor (gazetteer, "isil", "Islamic State in Libya");
  add_actor (gazetteer, "iraq", "Iraq");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  check (matcher, "the Islamic State in Libya", "isil=Islamic State in Libya");
  check (matcher, "the Islamic State in Iraq and Syria", "isis=Islamic State in Iraq and Syria");
  check (matcher, "the Islamic State in Syria", "is=Islamic State");
  /* "Iraq" is reported through an output link from deep inside the
   * longer pattern, which then fails. */
  check (matcher, "Islamic State in Iraq and the Levant", "is=Islamic State | iraq=Iraq");
  check (matcher, "Islamic Islamic State in Libya", "isil=Islamic State in Libya");

  /* Found only by following a failure link: after "Islamic State in" the
   * automaton is deep in the first pattern when "Libya" arrives. */
  g_autoptr (ActnetGazetteer) other = actnet_gazetteer_new ();
  add_actor (other, "isis", "Islamic State in Iraq and Syria");
  add_actor (other, "sil", "State in Libya");
  add_actor (other, "in_iraq", "in Iraq");
  g_autoptr (ActnetMatcher) second = matcher_new (other);
  check (second, "Islamic State in Libya", "sil=State in Libya");
  check (second, "Islamic State in Iraq and Libya", "in_iraq=in Iraq");
  check (second, "Islamic State in Iraq and Syria", "isis=Islamic State in Iraq and Syria");
}

static void
test_multibyte_offsets (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  add_actor (gazetteer, "haftar", "Khalifa Haftar");
  add_actor (gazetteer, "benghazi", "Benghazi");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  /* "Benghāzī – Khalifa Ḥaftar’s": diacritics fold, offsets stay bytes. */
  const char *text = "Bengh\xc4\x81z\xc4\xab \xe2\x80\x93 Khalifa \xe1\xb8\xa4" "aftar\xe2\x80\x99s";
  GArray *mentions = actnet_matcher_find (matcher, text, -1);
  assert_int_equal (mentions->len, 2);
  const ActnetMention *b = &g_array_index (mentions, ActnetMention, 0);
  const ActnetMention *h = &g_array_index (mentions, ActnetMention, 1);
  assert_int_equal (b->start, 0);
  assert_int_equal (b->end, 10);
  assert_int_equal (h->start, 15);
  assert_int_equal (h->end, 31);
  assert_int_equal (h->word, 1);
  g_array_unref (mentions);
}

static void
test_find_tokens_and_length (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  add_actor (gazetteer, "nato", "NATO");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  const char *text = "NATO and NATO";
  g_autoptr (ActnetTokens) tokens = actnet_tokens_new (text, -1);
  GArray *mentions = actnet_matcher_find_tokens (matcher, tokens);
  assert_int_equal (mentions->len, 2);
  assert_int_equal (g_array_index (mentions, ActnetMention, 1).start, 9);
  assert_int_equal (g_array_index (mentions, ActnetMention, 1).word, 2);
  g_array_unref (mentions);

  /* An explicit length cuts the last one. */
  mentions = actnet_matcher_find (matcher, text, 12);
  assert_int_equal (mentions->len, 1);
  g_array_unref (mentions);
}

static void
test_empty (void **state)
{
  g_autoptr (ActnetGazetteer) empty = actnet_gazetteer_new ();
  g_autoptr (ActnetMatcher) nothing = matcher_new (empty);
  check (nothing, "NATO and the US", "");
  check (nothing, "", "");

  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  add_actor (gazetteer, "nato", "NATO");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);
  check (matcher, "", "");
  GArray *mentions = actnet_matcher_find (matcher, NULL, 0);
  assert_int_equal (mentions->len, 0);
  g_array_unref (mentions);
  check (matcher, " \n ", "");
  actnet_matcher_free (NULL);
}

static void
test_many_aliases (void **state)
{
  /* A thousand actors with shared prefixes ("Unit 1", "Unit 12", ...): each
   * text finds exactly its own. */
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  for (guint i = 0; i < 1000; i++)
    {
      char *id = g_strdup_printf ("u%u", i);
      char *label = g_strdup_printf ("Unit %u of Brigade %u", i, i % 7);
      add_actor (gazetteer, id, label);
      g_free (id);
      g_free (label);
    }
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);
  for (guint i = 0; i < 1000; i += 37)
    {
      char *text = g_strdup_printf ("and Unit %u of Unit %u of Brigade %u.", i + 1, i, i % 7);
      char *expected = g_strdup_printf ("u%u=Unit %u of Brigade %u", i, i, i % 7);
      check (matcher, text, expected);
      g_free (text);
      g_free (expected);
    }
}

typedef struct {
  const ActnetMatcher *matcher;
  const char *text;
  GArray *expected;
  gboolean same;
} ThreadJob;

static gpointer
find_repeatedly (gpointer data)
{
  ThreadJob *job = data;
  job->same = TRUE;
  for (guint round = 0; round < 50; round++)
    {
      GArray *mentions = actnet_matcher_find (job->matcher, job->text, -1);
      if (mentions->len != job->expected->len
          || memcmp (mentions->data, job->expected->data,
                     mentions->len * sizeof (ActnetMention)) != 0)
        job->same = FALSE;
      g_array_unref (mentions);
    }
  return NULL;
}

static void
test_concurrent_find (void **state)
{
  /* One matcher, several threads: every thread sees what one thread sees.
   * The text has non-ASCII letters so that the tokeniser's lazily built
   * character tables are raced for too. */
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  guint muammar = add_actor (gazetteer, "muammar", "Muammar Gaddafi");
  add_alias (gazetteer, muammar, "Gaddafi", ACTNET_CASE_POLICY_DEFAULT);
  guint saif = add_actor (gazetteer, "saif", "Saif al-Islam Gaddafi");
  add_alias (gazetteer, saif, "Gaddafi", ACTNET_CASE_POLICY_DEFAULT);
  add_actor (gazetteer, "misrata", "Misrata");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  GString *text = g_string_new (NULL);
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text, "%s Gaddafi in Misr\xc3\xa1ta \xd0\x9c\xd0\xb8 %u\xe2\x80\x94",
                            i % 3 == 0 ? "Saif al-Islam Gaddafi and" : "Muammar Gaddafi,", i);
  GArray *expected = actnet_matcher_find (matcher, text->str, -1);
  assert_int_equal (expected->len, 600);

  ThreadJob jobs[4];
  GThread *threads[4];
  for (guint t = 0; t < 4; t++)
    {
      jobs[t] = (ThreadJob) { matcher, text->str, expected, FALSE };
      threads[t] = g_thread_new ("find", find_repeatedly, &jobs[t]);
    }
  for (guint t = 0; t < 4; t++)
    {
      g_thread_join (threads[t]);
      assert_true (jobs[t].same);
    }
  g_array_unref (expected);
  g_string_free (text, TRUE);
}

static char *
read_shared (const char *relative, gsize *length)
{
  char *path = actnet_test_shared_path (relative);
  if (path == NULL)
    return NULL;
  char *contents = NULL;
  assert_true (g_file_get_contents (path, &contents, length, NULL));
  g_free (path);
  return contents;
}

static gboolean
is_ascii_alnum (char c)
{
  return g_ascii_isalnum (c);
}

static void
test_shared_articles (void **state)
{
  gsize length = 0;
  char *stalemate = read_shared ("corpus/libya/2011-07-05-stalemate.txt", &length);
  if (stalemate == NULL)
    skip ();

  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  add_actor (gazetteer, "nato", "NATO");
  add_actor (gazetteer, "pompeo", "Mike Pompeo");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  /* Expected NATO count by a plain scan for NATO between non-alphanumeric
   * ASCII bytes (the article has no non-ASCII letters next to it). */
  guint expected = 0;
  for (const char *p = strstr (stalemate, "NATO"); p != NULL; p = strstr (p + 1, "NATO"))
    if ((p == stalemate || !is_ascii_alnum (p[-1])) && !is_ascii_alnum (p[4]))
      expected++;
  assert_int_equal (expected, 16);

  GArray *mentions = actnet_matcher_find (matcher, stalemate, (gssize) length);
  assert_int_equal (mentions->len, expected);
  for (guint i = 0; i < mentions->len; i++)
    {
      const ActnetMention *m = &g_array_index (mentions, ActnetMention, i);
      assert_int_equal (m->end - m->start, 4);
      assert_memory_equal (stalemate + m->start, "NATO", 4);
    }
  g_array_unref (mentions);
  g_free (stalemate);

  /* "Mike" ends a paragraph and "Pompeo" starts the next. */
  char *haftar = read_shared ("corpus/libya/2019-04-21-haftar-tripoli.txt", &length);
  assert_non_null (haftar);
  mentions = actnet_matcher_find (matcher, haftar, (gssize) length);
  guint pompeo = 0;
  for (guint i = 0; i < mentions->len; i++)
    {
      const ActnetMention *m = &g_array_index (mentions, ActnetMention, i);
      if (strcmp (actnet_gazetteer_get_id (gazetteer, m->actor), "pompeo") != 0)
        continue;
      pompeo++;
      assert_memory_equal (haftar + m->start, "Mike", 4);
      assert_memory_equal (haftar + m->end - 6, "Pompeo", 6);
      assert_non_null (memchr (haftar + m->start, '\n', m->end - m->start));
    }
  assert_int_equal (pompeo, 1);
  g_array_unref (mentions);
  g_free (haftar);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_name_across_lines),
    cmocka_unit_test (test_whole_words),
    cmocka_unit_test (test_possessives),
    cmocka_unit_test (test_hyphen_compound),
    cmocka_unit_test (test_default_case_policy),
    cmocka_unit_test (test_exact_and_any_policies),
    cmocka_unit_test (test_failed_case_falls_back_to_shorter),
    cmocka_unit_test (test_leftmost_longest),
    cmocka_unit_test (test_hyphen_equals_space),
    cmocka_unit_test (test_ambiguous_surname),
    cmocka_unit_test (test_ambiguity_after_case_check),
    cmocka_unit_test (test_shared_prefixes_and_failure_links),
    cmocka_unit_test (test_multibyte_offsets),
    cmocka_unit_test (test_find_tokens_and_length),
    cmocka_unit_test (test_empty),
    cmocka_unit_test (test_many_aliases),
    cmocka_unit_test (test_concurrent_find),
    cmocka_unit_test (test_shared_articles),
  };
  return cmocka_run_group_tests_name ("matcher", tests, NULL, NULL);
}
