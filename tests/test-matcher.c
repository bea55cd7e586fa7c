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

/* Like describe(), under @options; each mention's flags follow its text:
 * +n nested, +s short form, +a ambiguous, +r redundant. */
static char *
describe_full (const ActnetMatcher *matcher, const char *text,
               const ActnetMatchOptions *options, ActnetMatchStats *stats)
{
  const ActnetGazetteer *gazetteer = actnet_matcher_get_gazetteer (matcher);
  g_autoptr (ActnetTokens) tokens = actnet_tokens_new (text, -1);
  GArray *mentions = actnet_matcher_find_full (matcher, tokens, options, stats);
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
      if (m->flags & ACTNET_MENTION_NESTED)
        g_string_append (out, "+n");
      if (m->flags & ACTNET_MENTION_SHORT_FORM)
        g_string_append (out, "+s");
      if (m->flags & ACTNET_MENTION_AMBIGUOUS)
        g_string_append (out, "+a");
      if (m->flags & ACTNET_MENTION_REDUNDANT)
        g_string_append (out, "+r");
    }
  g_array_unref (mentions);
  return g_string_free (out, FALSE);
}

static void
check_full (const ActnetMatcher *matcher, const char *text,
            const ActnetMatchOptions *options, const char *expected)
{
  char *got = describe_full (matcher, text, options, NULL);
  if (strcmp (got, expected) != 0)
    print_error ("text: '%s'\n", text);
  assert_string_equal (got, expected);
  g_free (got);
}

/* The short forms of actor @id joined by "|". */
static char *
short_forms (const ActnetMatcher *matcher, const char *id)
{
  const ActnetGazetteer *gazetteer = actnet_matcher_get_gazetteer (matcher);
  guint actor = actnet_gazetteer_lookup (gazetteer, id);
  assert_int_not_equal (actor, G_MAXUINT);
  char **forms = actnet_matcher_dup_short_forms (matcher, actor);
  char *joined = g_strjoinv ("|", forms);
  g_strfreev (forms);
  return joined;
}

static void
check_short_forms (const ActnetMatcher *matcher, const char *id, const char *expected)
{
  char *got = short_forms (matcher, id);
  if (strcmp (got, expected) != 0)
    print_error ("actor: '%s'\n", id);
  assert_string_equal (got, expected);
  g_free (got);
}

static guint
add_typed_actor (ActnetGazetteer *gazetteer, const char *id, const char *type,
                 const char *label)
{
  GError *error = NULL;
  guint actor = actnet_gazetteer_add_actor (gazetteer, id, type, label, &error);
  assert_null (error);
  assert_int_not_equal (actor, G_MAXUINT);
  return actor;
}

static void
check_expand (const char *alias, const char *type, const char *expected)
{
  char **forms = actnet_alias_expand (alias, type);
  char *got = g_strjoinv ("|", forms);
  g_strfreev (forms);
  if (strcmp (got, expected) != 0)
    print_error ("alias: '%s'\n", alias);
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

/* Keys are compared 8 bytes at a time, then the rest: names alike in their
 * first 8 bytes, or as long as a word, are told apart. */
static void
test_long_keys (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  add_actor (gazetteer, "ists", "Internationalists");
  add_actor (gazetteer, "isms", "Internationalisms");
  add_actor (gazetteer, "eight", "Abcdefgh");
  add_actor (gazetteer, "sixteen", "Abcdefghijklmnop");
  add_actor (gazetteer, "seventeen", "Abcdefghijklmnopq");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);
  check (matcher, "Internationalisms and Internationalists, Internationalismz",
         "isms=Internationalisms | ists=Internationalists");
  check (matcher, "Abcdefg Abcdefgh Abcdefghi Abcdefghijklmno Abcdefghijklmnop "
                  "Abcdefghijklmnopq Abcdefghijklmnopqr",
         "eight=Abcdefgh | sixteen=Abcdefghijklmnop | seventeen=Abcdefghijklmnopq");
}

/* A large alphabet (the filter in front of the key table fills up): every
 * name is found, and words one letter off none. */
static void
test_large_alphabet (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  const guint n = 20000;
  char name[16];
  for (guint i = 0; i < n; i++)
    {
      /* "Q" and four letters: distinct words. */
      guint k = i;
      name[0] = 'Q';
      for (guint j = 1; j <= 4; j++, k /= 26)
        name[j] = (char) ('a' + k % 26);
      name[5] = '\0';
      char *id = g_strdup_printf ("q%u", i);
      add_actor (gazetteer, id, name);
      g_free (id);
    }
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);
  GString *text = g_string_new (NULL);
  GString *expected = g_string_new (NULL);
  for (guint i = 0; i < n; i += 97)
    {
      guint k = i;
      name[0] = 'Q';
      for (guint j = 1; j <= 4; j++, k /= 26)
        name[j] = (char) ('a' + k % 26);
      name[5] = '\0';
      /* The same with a sixth letter, and with a capital Z first, are
       * no names. */
      g_string_append_printf (text, "%sz Z%s %s, ", name, name + 1, name);
      g_string_append_printf (expected, "%sq%u=%s", expected->len > 0 ? " | " : "", i, name);
    }
  check (matcher, text->str, expected->str);
  g_string_free (text, TRUE);
  g_string_free (expected, TRUE);
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


/* ---- Resolution features ---------------------------------------------- */

static void
test_options_and_policy_parse (void **state)
{
  ActnetMatchOptions options;
  memset (&options, 0xff, sizeof options);
  actnet_match_options_init (&options);
  assert_int_equal (options.overlaps, ACTNET_OVERLAPS_LONGEST);
  assert_true (options.short_forms);

  ActnetOverlapPolicy policy = ACTNET_OVERLAPS_LONGEST;
  assert_true (actnet_overlap_policy_parse ("all", &policy, NULL));
  assert_int_equal (policy, ACTNET_OVERLAPS_ALL);
  assert_true (actnet_overlap_policy_parse ("longest", &policy, NULL));
  assert_int_equal (policy, ACTNET_OVERLAPS_LONGEST);
  GError *error = NULL;
  assert_false (actnet_overlap_policy_parse ("nested", &policy, &error));
  assert_true (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT));
  assert_string_equal (error->message,
                       "invalid overlap policy 'nested': expected longest or all");
  g_error_free (error);
}

static void
test_short_form_after_full_name (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  guint haftar = add_actor (gazetteer, "haftar", "Khalifa Haftar");
  add_alias (gazetteer, haftar, "Khalifa Hifter", ACTNET_CASE_POLICY_DEFAULT);
  add_typed_actor (gazetteer, "libya", "place", "Libya");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  check_short_forms (matcher, "haftar", "Haftar|Hifter");
  check_short_forms (matcher, "libya", "");
  /* Not before the full name; after it, in any spelling of the actor. */
  check (matcher, "Haftar spoke. Khalifa Haftar left. Haftar and Hifter returned.",
         "haftar=Khalifa Haftar | haftar=Haftar | haftar=Hifter");
  /* The case policy follows the word: a capital is required. */
  check (matcher, "Khalifa Haftar. haftar. HAFTAR", "haftar=Khalifa Haftar | haftar=HAFTAR");
  /* Only within one text. */
  check (matcher, "Haftar returned.", "");

  /* The reported alias is the one the short form came from; flagged. */
  g_autoptr (ActnetTokens) tokens = actnet_tokens_new ("Khalifa Hifter met Hifter", -1);
  ActnetMatchStats stats = { 7, 7, 7 };
  GArray *mentions = actnet_matcher_find_full (matcher, tokens, NULL, &stats);
  assert_int_equal (mentions->len, 2);
  const ActnetMention *m = &g_array_index (mentions, ActnetMention, 1);
  assert_int_equal (m->start, 19);
  assert_int_equal (m->end, 25);
  assert_int_equal (m->word, 3);
  assert_int_equal (m->actor, haftar);
  assert_string_equal (actnet_gazetteer_get_alias_text (gazetteer, m->alias), "Khalifa Hifter");
  assert_int_equal (m->flags, ACTNET_MENTION_SHORT_FORM);
  assert_int_equal (g_array_index (mentions, ActnetMention, 0).flags, 0);
  assert_int_equal (stats.short_forms, 1);
  assert_int_equal (stats.suppressed, 0);
  g_array_unref (mentions);

  /* Switched off. */
  ActnetMatchOptions options;
  actnet_match_options_init (&options);
  options.short_forms = FALSE;
  check_full (matcher, "Khalifa Haftar left. Haftar returned.", &options,
              "haftar=Khalifa Haftar");
}

static void
test_short_form_particles (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  add_actor (gazetteer, "sarraj", "Fayez al-Sarraj");
  add_actor (gazetteer, "leyen", "Ursula von der Leyen");
  guint qumu = add_actor (gazetteer, "qumu", "Sufian bin Qumu");
  add_alias (gazetteer, qumu, "bin Qumu", ACTNET_CASE_POLICY_DEFAULT);
  add_actor (gazetteer, "tamim", "Tamim bin Hamad Al Thani");
  add_actor (gazetteer, "jalil", "Mustafa Abdul Jalil");
  guint drian = add_actor (gazetteer, "drian", "Jean-Yves Le Drian");
  add_alias (gazetteer, drian, "Le Drian", ACTNET_CASE_POLICY_DEFAULT);
  add_actor (gazetteer, "zuma", "Nkosazana Dlamini-Zuma");
  add_actor (gazetteer, "ban", "Ban Ki-moon");
  add_actor (gazetteer, "abdullah", "Abdullah II of Jordan");
  add_actor (gazetteer, "wallace", "Ben Wallace");
  add_actor (gazetteer, "obrien", "Conan O'Brien");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  check_short_forms (matcher, "sarraj", "al-Sarraj|Sarraj");
  check_short_forms (matcher, "leyen", "von der Leyen");
  check_short_forms (matcher, "qumu", "");  /* "bin Qumu" is explicit */
  check_short_forms (matcher, "tamim", "Al Thani|Thani");
  check_short_forms (matcher, "jalil", "Abdul Jalil|Jalil");
  check_short_forms (matcher, "drian", "");  /* "Le Drian" explicit, "Drian" nobody */
  check_short_forms (matcher, "zuma", "Dlamini-Zuma");
  check_short_forms (matcher, "ban", "");      /* "moon" is lower-case */
  check_short_forms (matcher, "abdullah", ""); /* "of Jordan" follows no name */
  check_short_forms (matcher, "wallace", "");  /* "Ben" may be a particle */
  check_short_forms (matcher, "obrien", "O'Brien");

  check (matcher, "Fayez al-Sarraj arrived. Al-Sarraj and Sarraj spoke; von der Leyen too.",
         "sarraj=Fayez al-Sarraj | sarraj=Al-Sarraj | sarraj=Sarraj");
  check (matcher, "Ursula von der Leyen, then von der Leyen; Leyen.",
         "leyen=Ursula von der Leyen | leyen=von der Leyen");
  check (matcher, "Tamim bin Hamad Al Thani; Al Thani; Thani.",
         "tamim=Tamim bin Hamad Al Thani | tamim=Al Thani | tamim=Thani");
}

static void
test_short_form_refusals (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  add_actor (gazetteer, "may", "Theresa May");
  add_actor (gazetteer, "will", "George Will");
  add_actor (gazetteer, "biden", "Joseph R. Biden Jr.");
  add_actor (gazetteer, "idris", "Idris I");
  add_actor (gazetteer, "kim", "Kim Un");
  add_actor (gazetteer, "prince", "Rogers Prince");
  guint saif = add_actor (gazetteer, "saif", "Saif al-Islam Gaddafi");
  add_alias (gazetteer, saif, "Saif al-Islam", ACTNET_CASE_POLICY_DEFAULT);
  add_actor (gazetteer, "koussa", "Moussa Koussa");
  add_actor (gazetteer, "amr", "Amr Moussa");
  add_typed_actor (gazetteer, "jordan", "place", "Jordan");
  add_actor (gazetteer, "michael", "Michael Jordan");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  check_short_forms (matcher, "may", "");
  check_short_forms (matcher, "will", "");
  check_short_forms (matcher, "biden", "");  /* ends in "Jr." */
  check_short_forms (matcher, "idris", "");
  check_short_forms (matcher, "kim", "");    /* two letters */
  check_short_forms (matcher, "prince", ""); /* a title */
  check_short_forms (matcher, "saif", "Gaddafi"); /* "Islam" is a given name */
  check_short_forms (matcher, "amr", "Moussa");
  check_short_forms (matcher, "michael", ""); /* an explicit alias has the key */

  check (matcher, "Theresa May spoke in May. May we?", "may=Theresa May");
  check (matcher, "Michael Jordan visited Jordan.",
         "michael=Michael Jordan | jordan=Jordan");
  check (matcher, "Saif al-Islam spoke of Islam.", "saif=Saif al-Islam");
  /* Another person's first name: the longer full name still wins. */
  check (matcher, "Amr Moussa met Moussa Koussa. Moussa left.",
         "amr=Amr Moussa | koussa=Moussa Koussa | amr=Moussa");
}

static void
test_short_form_latest_full_name (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  add_actor (gazetteer, "khalifa", "Khalifa Haftar");
  add_actor (gazetteer, "saddam", "Saddam Haftar");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  ActnetMatchOptions options;
  actnet_match_options_init (&options);
  check_full (matcher, "Khalifa Haftar met Saddam Haftar. Haftar said.", &options,
              "khalifa=Khalifa Haftar | saddam=Saddam Haftar | saddam=Haftar+s+a");
  check_full (matcher, "Saddam Haftar met Khalifa Haftar. Haftar said.", &options,
              "saddam=Saddam Haftar | khalifa=Khalifa Haftar | khalifa=Haftar+s+a");
  check_full (matcher, "Saddam Haftar. Haftar. Khalifa Haftar. Haftar.", &options,
              "saddam=Saddam Haftar | saddam=Haftar+s+a | khalifa=Khalifa Haftar"
              " | khalifa=Haftar+s+a");
  /* A short form is no full name: the latest full name still decides. */
  check_full (matcher, "Saddam Haftar met Khalifa Haftar. Haftar. Haftar.", &options,
              "saddam=Saddam Haftar | khalifa=Khalifa Haftar | khalifa=Haftar+s+a"
              " | khalifa=Haftar+s+a");
}

static void
test_short_form_yields_to_explicit (void **state)
{
  /* An inactive short form takes no room: the explicit name it overlaps
   * is found; once active, the longer short form wins. */
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  add_actor (gazetteer, "hamad", "Hamad Al Thani");
  add_typed_actor (gazetteer, "al", "organization", "Al");
  add_actor (gazetteer, "muammar", "Muammar Gaddafi");
  add_actor (gazetteer, "saif", "Saif al-Islam Gaddafi");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  check (matcher, "Al Thani spoke.", "al=Al");
  check (matcher, "Hamad Al Thani spoke. Al Thani left.",
         "hamad=Hamad Al Thani | hamad=Al Thani");
  /* The family name as a short form of two actors. */
  check (matcher, "Gaddafi. Saif al-Islam Gaddafi. Gaddafi.",
         "saif=Saif al-Islam Gaddafi | saif=Gaddafi");
}

static void
test_ambiguous_family_name_latest (void **state)
{
  /* An explicit family name listed under several actors is no short form
   * and resolves to the most recent full name in the document. */
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  guint muammar = add_actor (gazetteer, "muammar", "Muammar Gaddafi");
  add_alias (gazetteer, muammar, "Gaddafi", ACTNET_CASE_POLICY_DEFAULT);
  guint saif = add_actor (gazetteer, "saif", "Saif al-Islam Gaddafi");
  add_alias (gazetteer, saif, "Gaddafi", ACTNET_CASE_POLICY_DEFAULT);
  guint hannibal = add_actor (gazetteer, "hannibal", "Hannibal Gaddafi");
  add_alias (gazetteer, hannibal, "Gaddafi", ACTNET_CASE_POLICY_DEFAULT);
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  check_short_forms (matcher, "muammar", "");
  check_short_forms (matcher, "saif", "");
  ActnetMatchOptions options;
  actnet_match_options_init (&options);
  check_full (matcher,
              "Gaddafi ruled. Hannibal Gaddafi fled; Gaddafi hid. Saif al-Islam Gaddafi "
              "and Muammar Gaddafi met. Gaddafi spoke. Hannibal Gaddafi. Gaddafi.",
              &options,
              "muammar=Gaddafi+a | hannibal=Hannibal Gaddafi | hannibal=Gaddafi+a"
              " | saif=Saif al-Islam Gaddafi | muammar=Muammar Gaddafi | muammar=Gaddafi+a"
              " | hannibal=Hannibal Gaddafi | hannibal=Gaddafi+a");
}

static void
test_titles_stripped (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  guint haftar = add_actor (gazetteer, "haftar", "Khalifa Haftar");
  add_alias (gazetteer, haftar, "Gen. Khalifa Hifter", ACTNET_CASE_POLICY_DEFAULT);
  add_alias (gazetteer, haftar, "Field Marshal Heftar", ACTNET_CASE_POLICY_DEFAULT);
  add_actor (gazetteer, "obama", "President Barack Obama");
  add_actor (gazetteer, "zeidan", "Prime Minister Dr. Ali Zeidan");
  add_actor (gazetteer, "jalil", "Mr. Abdul-Jalil");
  add_actor (gazetteer, "theresa", "Prime Minister May");
  add_actor (gazetteer, "sg", "Secretary General");
  add_actor (gazetteer, "emir", "Emir of Qatar");
  add_typed_actor (gazetteer, "gm", "organization", "General Motors");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  check (matcher, "Field Marshal Khalifa Haftar met President Barack Obama.",
         "haftar=Khalifa Haftar | obama=Barack Obama");
  check (matcher, "Gen. Khalifa Hifter; Heftar; Ali Zeidan; Dr. Ali Zeidan; Mr Abdul-Jalil",
         "haftar=Khalifa Hifter | haftar=Heftar | zeidan=Ali Zeidan | zeidan=Ali Zeidan"
         " | jalil=Abdul-Jalil");
  /* Kept whole: a lone common word or title would be left, no name
   * follows, or the actor is no person. */
  check (matcher, "Prime Minister May and the Secretary General met the Emir of Qatar "
         "and General Motors in May.",
         "theresa=Prime Minister May | sg=Secretary General | emir=Emir of Qatar"
         " | gm=General Motors");

  check_expand ("Gen. Khalifa Haftar", "person", "Khalifa Haftar");
  check_expand ("Field Marshal Khalifa Haftar", "person", "Khalifa Haftar");
  check_expand ("Lt. Gen. Khalifa Haftar", "person", "Khalifa Haftar");
  check_expand ("Sheikh Tamim", "person", "Tamim");
  check_expand ("Gen. Khalifa Haftar", "organization", "Gen. Khalifa Haftar");
  check_expand ("President", "person", "President");
  check_expand ("King Will", "person", "King Will");
  check_expand ("Colonel gaddafi", "person", "Colonel gaddafi");
  /* The title goes before short forms are derived. */
  check_short_forms (matcher, "obama", "Obama");
}

static void
test_inflections (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  add_typed_actor (gazetteer, "islamists", "organization", "Islamist[s]");
  add_typed_actor (gazetteer, "kurds", "organization", "Kurd[s,ish]");
  add_typed_actor (gazetteer, "militia", "organization", "Zintan militia[s]");
  add_typed_actor (gazetteer, "ngo", "organization", "NGO[s]");
  guint un = add_typed_actor (gazetteer, "un", "organization", "United Nations");
  add_alias (gazetteer, un, "UNO[s]", ACTNET_CASE_POLICY_EXACT);
  add_typed_actor (gazetteer, "brackets", "organization", "Foo [s]");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  check (matcher, "Islamist and Islamists, islamists, Islamistss",
         "islamists=Islamist | islamists=Islamists");
  check (matcher, "Kurd, Kurds, Kurdish, Kurdishs, kurds",
         "kurds=Kurd | kurds=Kurds | kurds=Kurdish");
  check (matcher, "the Zintan militias and the Zintan Militia",
         "militia=Zintan militias | militia=Zintan Militia");
  check (matcher, "NGO, NGOs, NGOS, Ngos, ngos", "ngo=NGO | ngo=NGOs | ngo=NGOS");
  check (matcher, "UNO, UNOs, UNOS, Unos", "un=UNO | un=UNOs");
  check (matcher, "Foo [s] and Foos", "brackets=Foo [s]");

  check_expand ("Kurd[s,ish]", NULL, "Kurd|Kurds|Kurdish");
  check_expand ("militia[s]", "organization", "militia|militias");
  check_expand ("Gen. Haftar[s]", "person", "Haftar|Haftars");
  check_expand ("O'Neil[l,l's]", NULL, "O'Neil|O'Neill|O'Neill's");
  check_expand ("Kurd [s]", NULL, "Kurd [s]");
  check_expand ("Kurd[s", NULL, "Kurd[s");
  check_expand ("Kurd[s,]", NULL, "Kurd[s,]");
  check_expand ("Kurd[1]", NULL, "Kurd[1]");
  check_expand ("[s]", NULL, "[s]");
}

static void
test_overlaps_all (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  guint is = add_typed_actor (gazetteer, "is", "organization", "Islamic State");
  add_alias (gazetteer, is, "Islamic State in Iraq and Syria", ACTNET_CASE_POLICY_DEFAULT);
  add_typed_actor (gazetteer, "iraq", "place", "Iraq");
  add_typed_actor (gazetteer, "syria", "place", "Syria");
  add_typed_actor (gazetteer, "ab", "organization", "Alpha Beta");
  add_typed_actor (gazetteer, "bc", "organization", "Beta Gamma");
  add_typed_actor (gazetteer, "c", "organization", "Gamma");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  const char *text = "the Islamic State in Iraq and Syria left Iraq";
  ActnetMatchOptions options;
  actnet_match_options_init (&options);
  ActnetMatchStats stats = { 9, 9, 9 };
  char *got = describe_full (matcher, text, &options, &stats);
  assert_string_equal (got, "is=Islamic State in Iraq and Syria | iraq=Iraq");
  g_free (got);
  /* "Islamic State" inside names the same actor: not suppressed. */
  assert_int_equal (stats.suppressed, 2);
  assert_int_equal (stats.short_forms, 0);

  options.overlaps = ACTNET_OVERLAPS_ALL;
  got = describe_full (matcher, text, &options, &stats);
  assert_string_equal (got, "is=Islamic State in Iraq and Syria | is=Islamic State+n+r"
                            " | iraq=Iraq+n | syria=Syria+n | iraq=Iraq");
  g_free (got);
  assert_int_equal (stats.suppressed, 0);

  /* Offsets, words and order: (start, -end). */
  g_autoptr (ActnetTokens) tokens = actnet_tokens_new (text, -1);
  GArray *mentions = actnet_matcher_find_full (matcher, tokens, &options, NULL);
  assert_int_equal (mentions->len, 5);
  const ActnetMention *m = (const ActnetMention *) (void *) mentions->data;
  assert_int_equal (m[0].start, 4);
  assert_int_equal (m[0].end, 35);
  assert_int_equal (m[0].word, 1);
  assert_int_equal (m[1].start, 4);
  assert_int_equal (m[1].end, 17);
  assert_int_equal (m[1].flags, ACTNET_MENTION_NESTED | ACTNET_MENTION_REDUNDANT);
  assert_int_equal (m[2].start, 21);
  assert_int_equal (m[2].word, 4);
  assert_int_equal (m[2].flags, ACTNET_MENTION_NESTED);
  assert_int_equal (m[4].flags, 0);
  g_array_unref (mentions);

  /* Partial overlaps are reported unnested; what lies inside one is nested. */
  check_full (matcher, "Alpha Beta Gamma", &options, "ab=Alpha Beta | bc=Beta Gamma | c=Gamma+n");
  options.overlaps = ACTNET_OVERLAPS_LONGEST;
  got = describe_full (matcher, "Alpha Beta Gamma", &options, &stats);
  assert_string_equal (got, "ab=Alpha Beta | c=Gamma");
  g_free (got);
  assert_int_equal (stats.suppressed, 1);
}

static void
test_overlaps_all_resolution (void **state)
{
  /* Inside a name of one of its actors, a shared name is that actor; the
   * longest mentions resolve as with the default policy. */
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  guint muammar = add_actor (gazetteer, "muammar", "Muammar Gaddafi");
  add_alias (gazetteer, muammar, "Gaddafi", ACTNET_CASE_POLICY_DEFAULT);
  guint saif = add_actor (gazetteer, "saif", "Saif al-Islam Gaddafi");
  add_alias (gazetteer, saif, "Gaddafi", ACTNET_CASE_POLICY_DEFAULT);
  add_actor (gazetteer, "haftar", "Khalifa Haftar");
  add_typed_actor (gazetteer, "islam", "misc", "Islam");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  ActnetMatchOptions options;
  actnet_match_options_init (&options);
  options.overlaps = ACTNET_OVERLAPS_ALL;
  check_full (matcher, "Muammar Gaddafi and Saif al-Islam Gaddafi. Gaddafi.", &options,
              "muammar=Muammar Gaddafi | muammar=Gaddafi+n+a+r"
              " | saif=Saif al-Islam Gaddafi | islam=Islam+n | saif=Gaddafi+n+a+r"
              " | saif=Gaddafi+a");
  /* A short form inside its own full name, and after it. */
  check_full (matcher, "Khalifa Haftar. Haftar.", &options,
              "haftar=Khalifa Haftar | haftar=Haftar+n+s+r | haftar=Haftar+s");
  ActnetMatchStats stats;
  options.overlaps = ACTNET_OVERLAPS_LONGEST;
  char *got = describe_full (matcher, "Khalifa Haftar. Saif al-Islam Gaddafi.", &options, &stats);
  assert_string_equal (got, "haftar=Khalifa Haftar | saif=Saif al-Islam Gaddafi");
  g_free (got);
  assert_int_equal (stats.suppressed, 1);  /* "Islam" */
}

static void
test_pipeline_overlaps (void **state)
{
  /* Nested names of other actors count in co-occurrence; a name nested in
   * one of its own actor's names does not count twice. */
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  guint is = add_typed_actor (gazetteer, "is", "organization", "Islamic State");
  add_alias (gazetteer, is, "Islamic State in Iraq and Syria", ACTNET_CASE_POLICY_DEFAULT);
  guint iraq = add_typed_actor (gazetteer, "iraq", "place", "Iraq");
  add_typed_actor (gazetteer, "syria", "place", "Syria");
  add_actor (gazetteer, "haftar", "Khalifa Haftar");
  g_autoptr (ActnetMatcher) matcher = matcher_new (gazetteer);

  const char *text = "The Islamic State in Iraq and Syria grew. Khalifa Haftar. Haftar.";
  g_autoptr (ActnetDocument) document = actnet_document_new ("d", text, -1, FALSE);
  ActnetMatchOptions options;
  actnet_match_options_init (&options);
  options.overlaps = ACTNET_OVERLAPS_ALL;
  ActnetMatchStats stats;
  g_autoptr (GArray) mentions = actnet_document_find_mentions_full (matcher, document,
                                                                    &options, &stats);
  assert_int_equal (mentions->len, 7);
  assert_int_equal (stats.short_forms, 2);

  g_autofree char *dir = actnet_test_mkdtemp ();
  g_autofree char *path = actnet_test_write_file (dir, "a.txt", text, -1);
  const char *inputs[] = { path, NULL };
  ActnetWindow sentence = { ACTNET_WINDOW_SENTENCE, 0 };
  GError *error = NULL;
  g_autoptr (ActnetCooccur) all = actnet_pipeline_count_full (matcher, inputs, sentence,
                                                              &options, &stats, &error);
  assert_null (error);
  /* IS, Iraq, Syria, Khalifa Haftar, Haftar: the nested "Islamic State"
   * and the "Haftar" inside "Khalifa Haftar" are left out. */
  assert_int_equal (actnet_cooccur_get_n_mentions (all), 5);
  assert_int_equal (actnet_cooccur_get_actor_mentions (all, is), 1);
  assert_int_equal (stats.suppressed, 0);
  assert_int_equal (stats.short_forms, 2);
  g_autoptr (GArray) pairs = actnet_cooccur_get_pairs (all);
  assert_int_equal (pairs->len, 3);
  assert_int_equal (g_array_index (pairs, ActnetPair, 0).a, is);
  assert_int_equal (g_array_index (pairs, ActnetPair, 0).b, iraq);

  g_autoptr (ActnetCooccur) longest = actnet_pipeline_count_full (matcher, inputs, sentence,
                                                                  NULL, &stats, &error);
  assert_null (error);
  assert_int_equal (actnet_cooccur_get_n_mentions (longest), 3);
  assert_int_equal (stats.suppressed, 2);
  assert_int_equal (stats.short_forms, 1);
  g_autoptr (GArray) no_pairs = actnet_cooccur_get_pairs (longest);
  assert_int_equal (no_pairs->len, 0);
  actnet_test_rmdir (dir);
}

/* Aliases with validity periods match only in texts dated inside them.
 * Type "role": a person's alias would lose its title "Prime Minister". */
static void
test_alias_periods (void **state)
{
  (void) state;
  const char *data =
    "sarraj\trole\tFayez al-Sarraj\tPrime Minister Sarraj@2016-03-30..2021-03-15\n"
    "zeidan\trole\tAli Zeidan\tPrime Minister@..2014-03-11\n"
    "dbeibah\trole\tAbdul Hamid Dbeibah\tPrime Minister@2021-03-15..\n"
    "office\torganization\tPrime Minister\n";
  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  GError *error = NULL;
  assert_true (actnet_gazetteer_load_data (gaz, data, -1, "m.tsv", &error));
  g_autoptr (ActnetMatcher) matcher = actnet_matcher_new (gaz, &error);
  assert_non_null (matcher);
  g_autoptr (ActnetTokens) tokens = actnet_tokens_new ("Prime Minister Sarraj met the Prime Minister.", -1);
  static const struct {
    int y, m, d;
    guint n;          /* mentions */
    const char *first, *second;
    guint skipped;    /* candidates that lost a pattern to its period */
  } cases[] = {
    { 0, 0, 0, 2, "office", "office", 3 },               /* undated: only the undated alias */
    { 2016, 3, 30, 2, "sarraj", "office", 2 },           /* first day of the period */
    { 2021, 3, 15, 2, "sarraj", "dbeibah", 2 },          /* last day; Dbeibah from that day */
    { 2021, 3, 16, 2, "dbeibah", "dbeibah", 3 },
    { 2011, 1, 1, 2, "zeidan", "zeidan", 3 },            /* open start */
    { 2030, 1, 1, 2, "dbeibah", "dbeibah", 3 },           /* open end */
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ActnetMatchOptions options;
      actnet_match_options_init (&options);
      if (cases[i].y != 0)
        options.date = actnet_date_from_ymd (cases[i].y, cases[i].m, cases[i].d);
      ActnetMatchStats stats;
      g_autoptr (GArray) mentions = actnet_matcher_find_full (matcher, tokens, &options, &stats);
      assert_int_equal (mentions->len, cases[i].n);
      const ActnetMention *m = (const ActnetMention *) (void *) mentions->data;
      assert_string_equal (actnet_gazetteer_get_id (gaz, m[0].actor), cases[i].first);
      assert_string_equal (actnet_gazetteer_get_id (gaz, m[1].actor), cases[i].second);
      if (stats.out_of_period != cases[i].skipped)
        fail_msg ("case %u: %u skipped, want %u", i, stats.out_of_period, cases[i].skipped);
    }
}

/* The pipeline passes each document's date to the matcher. */
static void
test_alias_periods_document_date (void **state)
{
  (void) state;
  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  GError *error = NULL;
  assert_true (actnet_gazetteer_load_data (
    gaz, "gaddafi\tperson\tMuammar Gaddafi\tthe Brother Leader@..2011-10-20\n", -1, "g.tsv", &error));
  g_autoptr (ActnetMatcher) matcher = actnet_matcher_new (gaz, &error);
  g_autoptr (ActnetDocument) doc = actnet_document_new ("d", "A speech by the Brother Leader.", -1, FALSE);
  g_autoptr (GArray) undated = actnet_document_find_mentions (matcher, doc);
  assert_int_equal (undated->len, 0);
  doc->day = actnet_date_from_ymd (2011, 3, 1);
  g_autoptr (GArray) dated = actnet_document_find_mentions (matcher, doc);
  assert_int_equal (dated->len, 1);
  doc->day = actnet_date_from_ymd (2012, 3, 1);
  g_autoptr (GArray) after = actnet_document_find_mentions (matcher, doc);
  assert_int_equal (after->len, 0);
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
    cmocka_unit_test (test_long_keys),
    cmocka_unit_test (test_large_alphabet),
    cmocka_unit_test (test_concurrent_find),
    cmocka_unit_test (test_shared_articles),
    cmocka_unit_test (test_options_and_policy_parse),
    cmocka_unit_test (test_short_form_after_full_name),
    cmocka_unit_test (test_short_form_particles),
    cmocka_unit_test (test_short_form_refusals),
    cmocka_unit_test (test_short_form_latest_full_name),
    cmocka_unit_test (test_short_form_yields_to_explicit),
    cmocka_unit_test (test_ambiguous_family_name_latest),
    cmocka_unit_test (test_titles_stripped),
    cmocka_unit_test (test_inflections),
    cmocka_unit_test (test_overlaps_all),
    cmocka_unit_test (test_overlaps_all_resolution),
    cmocka_unit_test (test_pipeline_overlaps),
    cmocka_unit_test (test_alias_periods),
    cmocka_unit_test (test_alias_periods_document_date),
  };
  return cmocka_run_group_tests_name ("matcher", tests, NULL, NULL);
}
