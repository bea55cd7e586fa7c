/* Gazetteer lint: every finding of crafted gazetteers, exactly.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"
#include <actnet/actnet.h>

#include <string.h>

/* A controlled word list: "Chad" and "Libya" are capitalised, so they are
 * proper nouns and must not count. */
static const char words[] = "will\nbar\nof\nmobile\nchad\nChad\nLibya\nus\n";

typedef struct {
  guint line;
  ActnetLintSeverity severity;
  const char *code;
  const char *actor;
  const char *alias;
} Expected;

#define E ACTNET_LINT_ERROR
#define W ACTNET_LINT_WARNING
#define N ACTNET_LINT_NOTE

static void
assert_findings (const ActnetLint *lint, const Expected *expected, guint n_expected)
{
  guint n = actnet_lint_get_n_findings (lint);
  for (guint i = 0; i < n && i < n_expected; i++)
    {
      const ActnetLintFinding *f = actnet_lint_get_finding (lint, i);
      const Expected *e = &expected[i];
      if (f->line != e->line || f->severity != e->severity || strcmp (f->code, e->code) != 0
          || g_strcmp0 (f->actor, e->actor) != 0 || g_strcmp0 (f->alias, e->alias) != 0)
        fail_msg ("finding %u: got %u %s %s actor=%s alias=%s (%s); want %u %s %s actor=%s alias=%s",
                  i, f->line, actnet_lint_severity_to_string (f->severity), f->code,
                  f->actor, f->alias, f->message, e->line,
                  actnet_lint_severity_to_string (e->severity), e->code, e->actor, e->alias);
    }
  assert_int_equal (n, n_expected);
}

static const char *
message_of (const ActnetLint *lint, guint line, const char *code)
{
  for (guint i = 0; i < actnet_lint_get_n_findings (lint); i++)
    {
      const ActnetLintFinding *f = actnet_lint_get_finding (lint, i);
      if (f->line == line && strcmp (f->code, code) == 0)
        return f->message;
    }
  return NULL;
}

static void
test_problems_fixture (void **state)
{
  (void) state;
  g_autofree char *path = actnet_test_source_path ("tests/data/lint-problems.tsv");
  g_autoptr (ActnetLint) lint = actnet_lint_new ();
  actnet_lint_add_words (lint, words, -1);
  GError *error = NULL;
  assert_true (actnet_lint_add_file (lint, path, &error));
  assert_null (error);
  actnet_lint_finish (lint);

  static const Expected expected[] = {
    { 3, N, "contains-alias", "libya", "State of Libya" },
    { 4, W, "common-word", "chad", "Chad" },
    { 6, N, "contains-alias", "tripoli_airport", "Tripoli International Airport" },
    { 7, E, "columns", NULL, NULL },
    { 8, E, "spaces-for-tabs", NULL, NULL },
    { 9, W, "padded-field", "haftar", NULL },
    { 9, W, "padded-alias", "haftar", "Haftar" },
    { 10, E, "empty-alias", "empty_alias", NULL },
    { 10, E, "empty-alias", "empty_alias", NULL },
    { 11, E, "empty-id", NULL, NULL },
    { 12, E, "duplicate-id", "libya", NULL },
    { 13, W, "common-word", "mobile", "Mobile" },
    { 13, W, "common-word", "mobile", "Will" },
    { 13, W, "common-word", "mobile", "~of" },
    { 14, W, "duplicate-alias", "gaddafi", "Gaddafi" },
    { 14, N, "contains-alias", "gaddafi", "Muammar Gaddafi" },
    { 15, W, "ambiguous-alias", "saif", "Gaddafi" },
    { 15, N, "contains-alias", "saif", "Saif al-Islam Gaddafi" },
    { 16, W, "space-run", "ntc", "Transitional  National Council" },
    { 16, W, "duplicate-alias", "ntc", "National-Transitional Council" },
    { 17, N, "custom-type", "sea", NULL },
    { 18, E, "invalid-utf8", NULL, NULL },
    { 19, E, "type-not-word", "two words", NULL },
    { 20, W, "pipe-in-label", "pipe", "A|B" },
    { 21, E, "empty-alias", "empty_after", "=" },
    { 22, E, "no-letters", "dashes", "---" },
    { 23, W, "misplaced-header", NULL, NULL },
    { 24, W, "padded-field", "padded", NULL },
    { 24, W, "padded-field", "padded", "Padded Label" },
    { 24, W, "padded-field", "padded", NULL },
    { 25, E, "columns", NULL, NULL },
    { 26, W, "space-run", "tabbed", "Khalifa  Haftar  Hifter" },
    { 26, N, "contains-alias", "tabbed", "Khalifa  Haftar  Hifter" },
    { 27, W, "duplicate-attribute", "attrs", NULL },
    { 27, E, "bad-attribute", "attrs", NULL },
  };
  assert_findings (lint, expected, G_N_ELEMENTS (expected));
  assert_int_equal (actnet_lint_count (lint, ACTNET_LINT_ERROR), 12);
  assert_int_equal (actnet_lint_count (lint, ACTNET_LINT_WARNING), 17);
  assert_int_equal (actnet_lint_count (lint, ACTNET_LINT_NOTE), 6);

  /* The file name and a few messages, word for word. */
  assert_string_equal (actnet_lint_get_finding (lint, 0)->file, path);
  assert_string_equal (message_of (lint, 4, "common-word"),
                       "label 'Chad' is an English word (chad); a label cannot take '=': to match "
                       "only that exact case, use a longer label and list '=Chad' as an alias");
  assert_string_equal (actnet_lint_get_finding (lint, 12)->message,
                       "alias 'Will' is an English word (will); prefix it with '=' to match only that exact case");
  assert_string_equal (message_of (lint, 7, "columns"),
                       "expected 3 to 5 tab-separated columns (id, type, label, aliases, attributes), found 6");
  assert_string_equal (message_of (lint, 25, "columns"),
                       "expected 3 to 5 tab-separated columns (id, type, label, aliases, attributes), found 6; "
                       "the line ends with a tab");
  assert_string_equal (message_of (lint, 27, "bad-attribute"),
                       "malformed attribute 'broken' (expected key=value)");
  assert_string_equal (message_of (lint, 27, "duplicate-attribute"),
                       "attribute 'cameo' is set twice on this line; only one value is kept");
  g_autofree char *duplicate = g_strdup_printf ("duplicate id 'libya' (first defined at %s:3)", path);
  assert_string_equal (message_of (lint, 12, "duplicate-id"), duplicate);
  assert_string_equal (message_of (lint, 15, "ambiguous-alias"),
                       "alias 'Gaddafi' is listed under 2 ids: gaddafi, saif; the matcher picks "
                       "the one named in full most recently, else gaddafi");
  assert_string_equal (message_of (lint, 14, "duplicate-alias"), "alias 'Gaddafi' is listed twice");
  assert_string_equal (message_of (lint, 16, "duplicate-alias"),
                       "alias 'National-Transitional Council' adds nothing: the label "
                       "'National Transitional Council' already matches every text it matches");
  assert_string_equal (message_of (lint, 6, "contains-alias"),
                       "names of other actors inside its aliases: tripoli ('Tripoli'); "
                       "where the longer name appears, only it is counted");
  assert_string_equal (message_of (lint, 18, "invalid-utf8"), "invalid UTF-8 (byte 0xFF at column 15)");
  assert_string_equal (message_of (lint, 17, "custom-type"),
                       "type 'misc' is not person, organization or place; it is kept as 'misc'");
  assert_string_equal (message_of (lint, 9, "padded-alias"),
                       "aliases 'Haftar', 'Hifter' have spaces around them; the loader trims them");
}

static void
test_clean_fixture (void **state)
{
  (void) state;
  g_autofree char *path = actnet_test_source_path ("tests/data/lint-clean.tsv");
  g_autoptr (ActnetLint) lint = actnet_lint_new ();
  actnet_lint_add_words (lint, words, -1);
  assert_true (actnet_lint_add_file (lint, path, NULL));
  actnet_lint_finish (lint);
  assert_int_equal (actnet_lint_get_n_findings (lint), 0);
  /* ... and the loader agrees. */
  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  assert_true (actnet_gazetteer_load_file (gaz, path, NULL));
  assert_int_equal (actnet_gazetteer_get_n_actors (gaz), 3);
}

/* Lint calls a line an error exactly when the loader rejects it: each
 * line is loaded after the lines accepted before it, in one file, so that
 * a duplicate id fails as it does in the whole file. The safety net never
 * has to speak. */
static void
test_errors_are_the_loaders (void **state)
{
  (void) state;
  g_autofree char *path = actnet_test_source_path ("tests/data/lint-problems.tsv");
  g_autofree char *contents = NULL;
  assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_autoptr (ActnetLint) lint = actnet_lint_new ();
  actnet_lint_add_data (lint, contents, -1, "problems");
  actnet_lint_finish (lint);

  g_auto (GStrv) lines = g_strsplit (contents, "\n", -1);
  g_autoptr (GString) accepted = g_string_new (NULL);
  guint n_rejected = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean lint_error = FALSE;
      for (guint k = 0; k < actnet_lint_get_n_findings (lint); k++)
        {
          const ActnetLintFinding *f = actnet_lint_get_finding (lint, k);
          assert_string_not_equal (f->code, "load");
          if (f->line == i + 1 && f->severity == ACTNET_LINT_ERROR)
            lint_error = TRUE;
        }
      g_autofree char *attempt = g_strconcat (accepted->str, lines[i], "\n", NULL);
      g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
      GError *error = NULL;
      gboolean loaded = actnet_gazetteer_load_data (gaz, attempt, -1, "lines", &error);
      if (loaded == lint_error)
        fail_msg ("line %u: loader %s, lint %s", i + 1, loaded ? "accepts" : error->message,
                  lint_error ? "error" : "no error");
      g_clear_error (&error);
      if (loaded)
        g_string_assign (accepted, attempt);
      else
        n_rejected++;
    }
  assert_int_equal (n_rejected, 11);  /* 12 errors, two on line 10 */
}

static void
test_without_words (void **state)
{
  (void) state;
  g_autoptr (ActnetLint) lint = actnet_lint_new ();
  assert_false (actnet_lint_has_words (lint));
  actnet_lint_add_data (lint, "mobile\tplace\tMobile\tWill|Of\n", -1, "g.tsv");
  actnet_lint_finish (lint);
  assert_int_equal (actnet_lint_get_n_findings (lint), 0);

  g_autoptr (ActnetLint) missing = actnet_lint_new ();
  GError *error = NULL;
  assert_false (actnet_lint_load_words (missing, "/nonexistent/words", &error));
  assert_true (error != NULL && error->domain == G_FILE_ERROR);
  g_clear_error (&error);
  assert_false (actnet_lint_has_words (missing));
}

/* Case rules of the common-word check: acronyms already need capitals,
 * '=' asks for the exact case, several words are a phrase. */
static void
test_common_word_rules (void **state)
{
  (void) state;
  g_autoptr (ActnetLint) lint = actnet_lint_new ();
  actnet_lint_add_words (lint, "us\nis\nwill\nbar\nsmith\ncafe\na\n", -1);
  assert_true (actnet_lint_has_words (lint));
  actnet_lint_add_data (lint,
                        "usa\tplace\tUnited States\tUS|=Bar|Will Smith|IS\n"
                        "cafe\tplace\tCafé\twill|A\n", -1, "g.tsv");
  actnet_lint_finish (lint);
  static const Expected expected[] = {
    { 1, N, "contains-alias", "usa", "Will Smith" },
    { 2, W, "common-word", "cafe", "Café" },
    { 2, W, "common-word", "cafe", "will" },
    { 2, W, "common-word", "cafe", "A" },
  };
  assert_findings (lint, expected, G_N_ELEMENTS (expected));
  assert_string_equal (actnet_lint_get_finding (lint, 2)->message,
                       "alias 'will' is an English word (will); prefix it with '=' to match only that exact case");
}

static void
test_duplicate_alias_rules (void **state)
{
  (void) state;
  g_autoptr (ActnetLint) lint = actnet_lint_new ();
  actnet_lint_add_data (lint,
                        /* 'Nato' matches more than 'NATO': it is needed */
                        "nato\torganization\tNATO\tNato\n"
                        /* 'FRONTEX' matches less than 'Frontex': it adds nothing */
                        "frontex\torganization\tFrontex\tFRONTEX\n"
                        "marj\tplace\tMarj\tal-Marj|Al Marj\n"
                        "bija\tperson\tBija\tAl Bija|al-Bija\n"
                        /* another case policy is deliberate */
                        "gna\torganization\tGovernment of National Accord\t~government of national accord\n"
                        "hague\tplace\tThe Hague\t=the Hague|=the Hague|=The Hague\n", -1, "d.tsv");
  actnet_lint_finish (lint);
  static const Expected expected[] = {
    { 2, W, "duplicate-alias", "frontex", "FRONTEX" },
    { 3, W, "duplicate-alias", "marj", "Al Marj" },
    { 6, W, "duplicate-alias", "hague", "=the Hague" },
  };
  assert_findings (lint, expected, G_N_ELEMENTS (expected));
  assert_string_equal (actnet_lint_get_finding (lint, 1)->message,
                       "alias 'Al Marj' adds nothing: the alias 'al-Marj' already matches every text it matches");
}

/* Files are linted together, as several -g: an id of an earlier file is
 * merged (as the loader does), one repeated in a file is an error. */
static void
test_across_files (void **state)
{
  (void) state;
  g_autoptr (ActnetLint) lint = actnet_lint_new ();
  actnet_lint_add_data (lint, "a\tperson\tAli Zeidan\tZeidan\nb\tperson\tB\tAbdullah\n", -1, "one.tsv");
  actnet_lint_add_data (lint, "\xEF\xBB\xBFid\ttype\tlabel\naz\tperson\tAhmed Zeidan\tZeidan\n"
                        "a\tplace\tA\naz\tperson\tAhmed Zeidan\n", -1, "two.tsv");
  actnet_lint_add_data (lint, "b\tPER\tB\tAbdullah|Abdallah\n", -1, "three.tsv");
  actnet_lint_finish (lint);
  static const Expected expected[] = {
    { 1, N, "contains-alias", "a", "Ali Zeidan" },     /* one.tsv */
    { 2, W, "ambiguous-alias", "az", "Zeidan" },       /* two.tsv */
    { 2, N, "contains-alias", "az", "Ahmed Zeidan" },
    { 3, W, "merged-id", "a", NULL },
    { 4, E, "duplicate-id", "az", NULL },
    { 1, N, "merged-id", "b", NULL },                  /* three.tsv */
  };
  assert_findings (lint, expected, G_N_ELEMENTS (expected));
  assert_string_equal (actnet_lint_get_finding (lint, 0)->file, "one.tsv");
  assert_string_equal (actnet_lint_get_finding (lint, 1)->file, "two.tsv");
  assert_string_equal (actnet_lint_get_finding (lint, 5)->file, "three.tsv");
  assert_string_equal (actnet_lint_get_finding (lint, 0)->message,
                       "names of other actors inside its aliases: az ('Zeidan'); "
                       "where the longer name appears, only it is counted");
  assert_string_equal (actnet_lint_get_finding (lint, 3)->message,
                       "actor 'a' is also defined at one.tsv:1; its aliases are merged; the type stays 'person'");
  assert_string_equal (actnet_lint_get_finding (lint, 4)->message,
                       "duplicate id 'az' (first defined at two.tsv:2)");
  assert_string_equal (actnet_lint_get_finding (lint, 5)->message,
                       "actor 'b' is also defined at one.tsv:2; its aliases are merged");
}

/* Aliases are checked in the forms the matcher compiles: a person's
 * leading title dropped, each "[s,ish]" inflection. */
static void
test_alias_forms (void **state)
{
  (void) state;
  g_autoptr (ActnetLint) lint = actnet_lint_new ();
  actnet_lint_add_words (lint, "kurd\n", -1);
  actnet_lint_add_data (lint,
                        "kurds\torganization\tKurdistan Workers\tKurd[s,ish]\n"
                        "kurdish_region\tplace\tKurdish Region\tKurdish\n"
                        "zeidan\tperson\tAli Zeidan\tPrime Minister Ali Zeidan\n", -1, "f.tsv");
  actnet_lint_finish (lint);
  static const Expected expected[] = {
    { 1, W, "common-word", "kurds", "Kurd[s,ish]" },
    { 2, W, "ambiguous-alias", "kurdish_region", "Kurdish" },
    { 2, N, "contains-alias", "kurdish_region", "Kurdish Region" },
    { 3, W, "duplicate-alias", "zeidan", "Prime Minister Ali Zeidan" },
  };
  assert_findings (lint, expected, G_N_ELEMENTS (expected));
  assert_string_equal (actnet_lint_get_finding (lint, 0)->message,
                       "alias 'Kurd' (a form of 'Kurd[s,ish]') is an English word (kurd); "
                       "prefix it with '=' to match only that exact case");
  assert_string_equal (actnet_lint_get_finding (lint, 1)->message,
                       "alias 'Kurdish' is listed under 2 ids: kurds, kurdish_region; the matcher "
                       "picks the one named in full most recently, else kurds");
  assert_string_equal (actnet_lint_get_finding (lint, 2)->message,
                       "names of other actors inside its aliases: kurds ('Kurdish'); "
                       "where the longer name appears, only it is counted");
}

static void
test_binary_and_empty (void **state)
{
  (void) state;
  g_autoptr (ActnetLint) lint = actnet_lint_new ();
  actnet_lint_add_data (lint, "a\tperson\tA\nb\tper\0son\tB\n", 23, "bin.tsv");
  actnet_lint_add_data (lint, "", 0, "empty.tsv");
  actnet_lint_add_data (lint, "# only a comment\n\n   \n", -1, "comment.tsv");
  actnet_lint_finish (lint);
  static const Expected expected[] = {
    { 2, E, "invalid-utf8", NULL, NULL },
  };
  assert_findings (lint, expected, G_N_ELEMENTS (expected));
  assert_string_equal (actnet_lint_get_finding (lint, 0)->message,
                       "NUL byte at column 6: binary data, not a text gazetteer");
}

static void
test_unreadable_file (void **state)
{
  (void) state;
  g_autoptr (ActnetLint) lint = actnet_lint_new ();
  GError *error = NULL;
  assert_false (actnet_lint_add_file (lint, "/nonexistent/gaz.tsv", &error));
  assert_true (error != NULL && error->domain == G_FILE_ERROR);
  g_error_free (error);
  actnet_lint_finish (lint);
  assert_int_equal (actnet_lint_get_n_findings (lint), 0);
}

/* The bundled gazetteer loads, so lint finds no error in it. */
static void
test_bundled_gazetteer (void **state)
{
  (void) state;
  g_autofree char *path = actnet_test_source_path ("data/gazetteers/libya.tsv");
  g_autoptr (ActnetLint) lint = actnet_lint_new ();
  assert_true (actnet_lint_add_file (lint, path, NULL));
  actnet_lint_finish (lint);
  assert_int_equal (actnet_lint_count (lint, ACTNET_LINT_ERROR), 0);
  assert_true (actnet_lint_count (lint, ACTNET_LINT_NOTE) > 0);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_problems_fixture),
    cmocka_unit_test (test_clean_fixture),
    cmocka_unit_test (test_errors_are_the_loaders),
    cmocka_unit_test (test_without_words),
    cmocka_unit_test (test_common_word_rules),
    cmocka_unit_test (test_duplicate_alias_rules),
    cmocka_unit_test (test_across_files),
    cmocka_unit_test (test_alias_forms),
    cmocka_unit_test (test_binary_and_empty),
    cmocka_unit_test (test_unreadable_file),
    cmocka_unit_test (test_bundled_gazetteer),
  };
  return cmocka_run_group_tests_name ("lint", tests, NULL, NULL);
}
