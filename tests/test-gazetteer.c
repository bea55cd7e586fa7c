/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"
#include <actnet/actnet.h>

#include <string.h>

/* ---- helpers ------------------------------------------------------------ */

static ActnetGazetteer *
load_ok (const char *data)
{
  ActnetGazetteer *gaz = actnet_gazetteer_new ();
  GError *error = NULL;
  gboolean ok = actnet_gazetteer_load_data (gaz, data, -1, "t.tsv", &error);
  if (!ok)
    fail_msg ("unexpected error: %s", error->message);
  assert_true (ok);
  return gaz;
}

/* Loads @data into a fresh gazetteer, expects failure with @code and the
 * exact @message, and checks that nothing was kept. */
static void
expect_error (const char *data, gssize length, int code, const char *message)
{
  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  GError *error = NULL;
  assert_false (actnet_gazetteer_load_data (gaz, data, length, "t.tsv", &error));
  assert_non_null (error);
  assert_true (error->domain == ACTNET_ERROR);
  assert_string_equal (error->message, message);
  assert_int_equal (error->code, code);
  assert_int_equal (actnet_gazetteer_get_n_actors (gaz), 0);
  assert_int_equal (actnet_gazetteer_get_n_aliases (gaz), 0);
  assert_int_equal (actnet_gazetteer_get_warnings (gaz)->len, 0);
  g_error_free (error);
}

/* Index of the first alias written exactly @text, or G_MAXUINT. */
static guint
find_alias (const ActnetGazetteer *gaz, const char *text)
{
  for (guint i = 0; i < actnet_gazetteer_get_n_aliases (gaz); i++)
    if (strcmp (actnet_gazetteer_get_alias_text (gaz, i), text) == 0)
      return i;
  return G_MAXUINT;
}

/* Id of the actor of the first alias written @text, or NULL. */
static const char *
alias_owner (const ActnetGazetteer *gaz, const char *text)
{
  guint alias = find_alias (gaz, text);
  if (alias == G_MAXUINT)
    return NULL;
  return actnet_gazetteer_get_id (gaz, actnet_gazetteer_get_alias_actor (gaz, alias));
}

static guint
count_actor_aliases (const ActnetGazetteer *gaz, guint actor)
{
  guint n = 0;
  for (guint i = 0; i < actnet_gazetteer_get_n_aliases (gaz); i++)
    if (actnet_gazetteer_get_alias_actor (gaz, i) == actor)
      n++;
  return n;
}

/* ---- loading ------------------------------------------------------------ */

static void
test_basic (void **state)
{
  g_autoptr (ActnetGazetteer) gaz = load_ok (
    "# a comment\n"
    "\n"
    "id\ttype\tlabel\taliases\n"
    "   \t  \n"
    "haftar\tperson\tKhalifa Haftar\tHaftar|Hifter\n"
    "  # indented comment\n"
    "libya\tplace\tLibya\n"
    "nato\torganization\tNATO\t\n");

  assert_int_equal (actnet_gazetteer_get_n_actors (gaz), 3);
  assert_string_equal (actnet_gazetteer_get_id (gaz, 0), "haftar");
  assert_string_equal (actnet_gazetteer_get_type (gaz, 0), "person");
  assert_string_equal (actnet_gazetteer_get_label (gaz, 0), "Khalifa Haftar");
  assert_string_equal (actnet_gazetteer_get_id (gaz, 1), "libya");
  assert_string_equal (actnet_gazetteer_get_type (gaz, 2), "organization");
  assert_int_equal (actnet_gazetteer_lookup (gaz, "nato"), 2);
  assert_int_equal (actnet_gazetteer_lookup (gaz, "libya"), 1);
  assert_int_equal (actnet_gazetteer_lookup (gaz, "id"), G_MAXUINT);
  assert_int_equal (actnet_gazetteer_lookup (gaz, "Libya"), G_MAXUINT);

  /* The label comes first, then the aliases, in load order. */
  assert_int_equal (actnet_gazetteer_get_n_aliases (gaz), 5);
  const char *texts[] = { "Khalifa Haftar", "Haftar", "Hifter", "Libya", "NATO" };
  const guint actors[] = { 0, 0, 0, 1, 2 };
  for (guint i = 0; i < 5; i++)
    {
      assert_string_equal (actnet_gazetteer_get_alias_text (gaz, i), texts[i]);
      assert_int_equal (actnet_gazetteer_get_alias_actor (gaz, i), actors[i]);
      assert_int_equal (actnet_gazetteer_get_alias_policy (gaz, i),
                        ACTNET_CASE_POLICY_DEFAULT);
    }
  assert_int_equal (actnet_gazetteer_get_warnings (gaz)->len, 0);
}

static void
test_header_only_first (void **state)
{
  /* A header-like line after data is an actor, not a header. */
  g_autoptr (ActnetGazetteer) gaz = load_ok ("a\tplace\tAlpha\n"
                                             "id\ttype\tlabel\taliases\n");
  assert_int_equal (actnet_gazetteer_get_n_actors (gaz), 2);
  assert_string_equal (actnet_gazetteer_get_id (gaz, 1), "id");
  assert_string_equal (actnet_gazetteer_get_type (gaz, 1), "type");

  /* A three-column header is skipped too. */
  g_autoptr (ActnetGazetteer) gaz3 = load_ok ("ID\tType\tLabel\nb\tplace\tBeta\n");
  assert_int_equal (actnet_gazetteer_get_n_actors (gaz3), 1);
  assert_string_equal (actnet_gazetteer_get_id (gaz3, 0), "b");
}

static void
test_crlf_bom_trim (void **state)
{
  g_autoptr (ActnetGazetteer) gaz = load_ok (
    "\xEF\xBB\xBFid\ttype\tlabel\taliases\r\n"
    "# comment\r\n"
    "\r\n"
    " misrata \t place \t Misrata \t Misurata | Misratah \r\n"
    "sirte\tplace\tSirte\tSurt");
  assert_int_equal (actnet_gazetteer_get_n_actors (gaz), 2);
  assert_string_equal (actnet_gazetteer_get_id (gaz, 0), "misrata");
  assert_string_equal (actnet_gazetteer_get_type (gaz, 0), "place");
  assert_string_equal (actnet_gazetteer_get_label (gaz, 0), "Misrata");
  assert_int_equal (actnet_gazetteer_get_n_aliases (gaz), 5);
  assert_string_equal (actnet_gazetteer_get_alias_text (gaz, 1), "Misurata");
  assert_string_equal (actnet_gazetteer_get_alias_text (gaz, 2), "Misratah");
  /* The last line has no line end and no \r is left anywhere. */
  assert_string_equal (actnet_gazetteer_get_alias_text (gaz, 4), "Surt");
}

static void
test_explicit_length (void **state)
{
  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  const char *data = "a\tplace\tAlpha\nb\tplace\tBeta\n";
  GError *error = NULL;
  /* Only the first line: the length ends right after it. */
  assert_true (actnet_gazetteer_load_data (gaz, data, 14, "t.tsv", &error));
  assert_null (error);
  assert_int_equal (actnet_gazetteer_get_n_actors (gaz), 1);
  assert_true (actnet_gazetteer_load_data (gaz, "", 0, "empty.tsv", &error));
  assert_true (actnet_gazetteer_load_data (gaz, NULL, 0, "null.tsv", &error));
  assert_true (actnet_gazetteer_load_data (gaz, "\xEF\xBB\xBF\r\n# only a comment\n", -1,
                                           "bom.tsv", &error));
  assert_int_equal (actnet_gazetteer_get_n_actors (gaz), 1);
}

static void
test_types (void **state)
{
  g_autoptr (ActnetGazetteer) gaz = load_ok (
    "a\tPER\tA\n" "b\tPerson\tB\n" "c\torganisation\tC\n" "d\tORG\tD\n"
    "e\tLOC\tE\n" "f\tGPE\tF\n" "g\tlocation\tG\n" "h\tMisc\tH\n" "i\tEVENT\tI\n"
    "j\tOrganization\tJ\n");
  const char *expected[] = { "person", "person", "organization", "organization",
                             "place", "place", "place", "misc", "event",
                             "organization" };
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_string_equal (actnet_gazetteer_get_type (gaz, i), expected[i]);

  const char *pairs[][2] = {
    { "PER", "person" }, { "person", "person" }, { "PERSON", "person" },
    { "organization", "organization" }, { "Organisation", "organization" },
    { "ORG", "organization" }, { "place", "place" }, { "LOC", "place" },
    { "Location", "place" }, { "gpe", "place" }, { "Event", "event" },
    { "MISC", "misc" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      char *canonical = actnet_type_canonicalize (pairs[i][0]);
      assert_string_equal (canonical, pairs[i][1]);
      g_free (canonical);
    }
}

static void
test_policies (void **state)
{
  g_autoptr (ActnetGazetteer) gaz = load_ok (
    "us\tplace\tUnited States\tUS|=U.S.|~united states of america| = Us |~ america\n");
  assert_int_equal (actnet_gazetteer_get_n_aliases (gaz), 6);
  guint i = find_alias (gaz, "US");
  assert_int_equal (actnet_gazetteer_get_alias_policy (gaz, i), ACTNET_CASE_POLICY_DEFAULT);
  i = find_alias (gaz, "U.S.");
  assert_int_not_equal (i, G_MAXUINT);
  assert_int_equal (actnet_gazetteer_get_alias_policy (gaz, i), ACTNET_CASE_POLICY_EXACT);
  i = find_alias (gaz, "united states of america");
  assert_int_not_equal (i, G_MAXUINT);
  assert_int_equal (actnet_gazetteer_get_alias_policy (gaz, i), ACTNET_CASE_POLICY_ANY);
  /* Space after the prefix is trimmed too. */
  i = find_alias (gaz, "Us");
  assert_int_not_equal (i, G_MAXUINT);
  assert_int_equal (actnet_gazetteer_get_alias_policy (gaz, i), ACTNET_CASE_POLICY_EXACT);
  i = find_alias (gaz, "america");
  assert_int_not_equal (i, G_MAXUINT);
  assert_int_equal (actnet_gazetteer_get_alias_policy (gaz, i), ACTNET_CASE_POLICY_ANY);
  assert_int_equal (find_alias (gaz, "=U.S."), G_MAXUINT);
  assert_int_equal (find_alias (gaz, "~america"), G_MAXUINT);
}

static void
test_dedup (void **state)
{
  g_autoptr (ActnetGazetteer) gaz = load_ok (
    /* the label again, a hyphen/space and whitespace variant of it */
    "jalil\tperson\tMustafa Abdul-Jalil\tMustafa Abdul-Jalil|Mustafa Abdul Jalil"
    "|Mustafa  Abdul   Jalil|Jalil|Jalil\n"
    /* the same key with another case or policy is a different alias */
    "gna\torganization\tGovernment of National Accord\t~government of national accord"
    "|~Government Of National Accord|GNA|=GNA\n"
    /* an any-case alias covers later same-key aliases */
    "x\tplace\tXyz\t~xyz|XYZ|=xyz\n");

  guint jalil = actnet_gazetteer_lookup (gaz, "jalil");
  assert_int_equal (count_actor_aliases (gaz, jalil), 2);
  assert_string_equal (actnet_gazetteer_get_alias_text (gaz, 0), "Mustafa Abdul-Jalil");
  assert_string_equal (actnet_gazetteer_get_alias_text (gaz, 1), "Jalil");

  guint gna = actnet_gazetteer_lookup (gaz, "gna");
  assert_int_equal (count_actor_aliases (gaz, gna), 4);
  assert_int_not_equal (find_alias (gaz, "government of national accord"), G_MAXUINT);
  assert_int_equal (find_alias (gaz, "Government Of National Accord"), G_MAXUINT);
  guint exact = find_alias (gaz, "GNA") + 1;
  assert_string_equal (actnet_gazetteer_get_alias_text (gaz, exact), "GNA");
  assert_int_equal (actnet_gazetteer_get_alias_policy (gaz, exact), ACTNET_CASE_POLICY_EXACT);

  guint x = actnet_gazetteer_lookup (gaz, "x");
  assert_int_equal (count_actor_aliases (gaz, x), 2);

  /* Duplicates are not ambiguities. */
  assert_int_equal (actnet_gazetteer_get_warnings (gaz)->len, 0);
}

static void
test_ambiguity_warning (void **state)
{
  g_autoptr (ActnetGazetteer) gaz = load_ok (
    "muammar_gaddafi\tperson\tMuammar Gaddafi\tGaddafi|Qaddafi\n"
    "saif\tperson\tSaif al-Islam Gaddafi\tSaif al-Islam|GADDAFI|Gaddafi\n"
    "\n"
    "third\tperson\tThird Gaddafi\tGaddafi|gaddafi\n");
  const GPtrArray *warnings = actnet_gazetteer_get_warnings (gaz);
  assert_int_equal (warnings->len, 2);
  /* One warning per actor, naming the first owner of the alias. */
  assert_string_equal (g_ptr_array_index (warnings, 0),
                       "t.tsv:2: ambiguous alias 'GADDAFI' is also an alias of 'muammar_gaddafi'");
  assert_string_equal (g_ptr_array_index (warnings, 1),
                       "t.tsv:4: ambiguous alias 'Gaddafi' is also an alias of 'muammar_gaddafi'");
  /* The aliases are kept: the matcher resolves them. */
  assert_int_equal (actnet_gazetteer_get_n_actors (gaz), 3);
  assert_int_equal (count_actor_aliases (gaz, 1), 4);
  assert_int_equal (count_actor_aliases (gaz, 2), 3);
}

static void
test_two_files (void **state)
{
  char *dir = actnet_test_mkdtemp ();
  char *one = actnet_test_write_file (dir, "one.tsv",
                                      "libya\tplace\tLibya\nnato\tORG\tNATO\n", -1);
  char *two = actnet_test_write_file (dir, "two.tsv",
                                      "id\ttype\tlabel\taliases\n"
                                      "tripoli\tplace\tTripoli\tTarabulus\n"
                                      "otan\torganization\tOTAN\tNATO\n", -1);
  char *dup = actnet_test_write_file (dir, "dup.tsv",
                                      "sirte\tplace\tSirte\n"
                                      "\n"
                                      "libya\tplace\tLibyan Arab Jamahiriya\tLibya|Libia\n", -1);
  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  GError *error = NULL;
  assert_true (actnet_gazetteer_load_file (gaz, one, &error));
  assert_true (actnet_gazetteer_load_file (gaz, two, &error));
  assert_null (error);
  assert_int_equal (actnet_gazetteer_get_n_actors (gaz), 4);
  assert_int_equal (actnet_gazetteer_lookup (gaz, "tripoli"), 2);
  assert_string_equal (alias_owner (gaz, "Tarabulus"), "tripoli");

  const GPtrArray *warnings = actnet_gazetteer_get_warnings (gaz);
  assert_int_equal (warnings->len, 1);
  char *expected = g_strdup_printf ("%s:3: ambiguous alias 'NATO' is also an alias of 'nato'", two);
  assert_string_equal (g_ptr_array_index (warnings, 0), expected);
  g_free (expected);

  /* The same id in a later file merges into the first actor: its label
   * and aliases are added; a different label is a warning. */
  guint n_aliases = actnet_gazetteer_get_n_aliases (gaz);
  assert_true (actnet_gazetteer_load_file (gaz, dup, &error));
  assert_int_equal (actnet_gazetteer_get_n_actors (gaz), 5);
  assert_int_equal (actnet_gazetteer_lookup (gaz, "sirte"), 4);
  assert_int_equal (actnet_gazetteer_get_n_aliases (gaz), n_aliases + 3);
  assert_string_equal (alias_owner (gaz, "Libia"), "libya");
  assert_string_equal (alias_owner (gaz, "Libyan Arab Jamahiriya"), "libya");
  assert_string_equal (actnet_gazetteer_get_label (gaz, 0), "Libya");
  expected = g_strdup_printf ("%s:3: actor 'libya' also defined at %s:1; aliases merged", dup, one);
  assert_int_equal (warnings->len, 2);
  assert_string_equal (g_ptr_array_index (warnings, 1), expected);
  g_free (expected);

  /* A missing file is an I/O error. */
  char *missing = g_build_filename (dir, "missing.tsv", NULL);
  assert_false (actnet_gazetteer_load_file (gaz, missing, &error));
  assert_true (error->domain == G_FILE_ERROR);
  g_clear_error (&error);
  g_free (missing);

  actnet_test_rmdir (dir);
  g_free (one);
  g_free (two);
  g_free (dup);
  g_free (dir);
}

static void
test_rollback (void **state)
{
  g_autoptr (ActnetGazetteer) gaz = load_ok ("haftar\tperson\tKhalifa Haftar\tHaftar\n");
  GError *error = NULL;
  /* The failing file adds an actor, an ambiguous alias (a warning) and an
   * alias under an existing key before its error on line 3. */
  assert_false (actnet_gazetteer_load_data (gaz,
                                            "khaled\tperson\tKhaled Haftar\tHaftar|Khaled\n"
                                            "x\tplace\tX-Ray\tXR\n"
                                            "bad\tplace\n", -1, "bad.tsv", &error));
  assert_string_equal (error->message,
                       "bad.tsv:3: expected 3 or 4 tab-separated columns "
                       "(id, type, label, aliases; a 5th for attributes), found 2");
  assert_int_equal (error->code, ACTNET_ERROR_PARSE);
  g_clear_error (&error);
  assert_int_equal (actnet_gazetteer_get_n_actors (gaz), 1);
  assert_int_equal (actnet_gazetteer_get_n_aliases (gaz), 2);
  assert_int_equal (actnet_gazetteer_get_warnings (gaz)->len, 0);
  assert_int_equal (actnet_gazetteer_lookup (gaz, "khaled"), G_MAXUINT);

  /* The alias index is consistent after the rollback: the same ids and
   * aliases load again and the ambiguity is seen once. */
  assert_true (actnet_gazetteer_load_data (gaz,
                                           "khaled\tperson\tKhaled Haftar\tHaftar|Khaled\n"
                                           "x\tplace\tX-Ray\tXR|Khaled\n", -1, "good.tsv", &error));
  assert_null (error);
  const GPtrArray *warnings = actnet_gazetteer_get_warnings (gaz);
  assert_int_equal (warnings->len, 2);
  assert_string_equal (g_ptr_array_index (warnings, 0),
                       "good.tsv:1: ambiguous alias 'Haftar' is also an alias of 'haftar'");
  assert_string_equal (g_ptr_array_index (warnings, 1),
                       "good.tsv:2: ambiguous alias 'Khaled' is also an alias of 'khaled'");
  assert_int_equal (actnet_gazetteer_get_n_aliases (gaz), 8);
}

/* ---- errors ------------------------------------------------------------- */

static void
test_column_errors (void **state)
{
  expect_error ("a\tplace\tA\n\nb\tplace\n", -1, ACTNET_ERROR_PARSE,
                "t.tsv:3: expected 3 or 4 tab-separated columns (id, type, label, aliases; a 5th for attributes), found 2");
  expect_error ("# c\na\tplace\tA\tB\tC\tD\n", -1, ACTNET_ERROR_PARSE,
                "t.tsv:2: expected 3 or 4 tab-separated columns (id, type, label, aliases; a 5th for attributes), found 6");
  /* a fifth column holds attributes */
  expect_error ("# c\na\tplace\tA\tB\tC\n", -1, ACTNET_ERROR_PARSE,
                "t.tsv:2: malformed attribute 'C' (expected key=value)");
  expect_error ("a\tplace\tA\n\r\nlibya   place   Libya\r\n", -1, ACTNET_ERROR_PARSE,
                "t.tsv:3: expected 3 or 4 tab-separated columns (id, type, label, aliases; "
                "a 5th for attributes), found 1; columns must be separated by tabs");
  expect_error ("libya\n", -1, ACTNET_ERROR_PARSE,
                "t.tsv:1: expected 3 or 4 tab-separated columns (id, type, label, aliases; a 5th for attributes), found 1");
}

static void
test_field_errors (void **state)
{
  expect_error ("a\tplace\tA\n \tplace\tB\n", -1, ACTNET_ERROR_PARSE, "t.tsv:2: empty id");
  expect_error ("a\t \tA\n", -1, ACTNET_ERROR_PARSE, "t.tsv:1: empty type for 'a'");
  expect_error ("\n\na\tplace\t\tAlias\n", -1, ACTNET_ERROR_PARSE, "t.tsv:3: empty label for 'a'");
  expect_error ("a\tarmed group\tA\n", -1, ACTNET_ERROR_PARSE,
                "t.tsv:1: type 'armed group' of 'a' must be a single word");
  expect_error ("a\tplace\tA\nb\tplace\tB\na\tplace\tA2\n", -1, ACTNET_ERROR_GAZETTEER,
                "t.tsv:3: duplicate id 'a' (first defined at t.tsv:1)");
}

static void
test_alias_errors (void **state)
{
  expect_error ("a\tplace\tA\tx||y\n", -1, ACTNET_ERROR_GAZETTEER, "t.tsv:1: empty alias");
  expect_error ("a\tplace\tA\tx|y|\n", -1, ACTNET_ERROR_GAZETTEER, "t.tsv:1: empty alias");
  expect_error ("a\tplace\tA\n\nb\tplace\tB\t|y\n", -1, ACTNET_ERROR_GAZETTEER,
                "t.tsv:3: empty alias");
  expect_error ("a\tplace\tA\tx| |y\n", -1, ACTNET_ERROR_GAZETTEER, "t.tsv:1: empty alias");
  expect_error ("a\tplace\tA\tx|=\n", -1, ACTNET_ERROR_GAZETTEER,
                "t.tsv:1: empty alias after '='");
  expect_error ("a\tplace\tA\n~ \t\n", -1, ACTNET_ERROR_PARSE,
                "t.tsv:2: expected 3 or 4 tab-separated columns (id, type, label, aliases; a 5th for attributes), found 2");
  expect_error ("a\tplace\tA\nb\tplace\tB\tB1|~  \n", -1, ACTNET_ERROR_GAZETTEER,
                "t.tsv:2: empty alias after '~'");
  expect_error ("a\tplace\tA\tx|--|y\n", -1, ACTNET_ERROR_GAZETTEER,
                "t.tsv:1: alias has no letters or digits: '--'");
  expect_error ("a\tplace\t...\n", -1, ACTNET_ERROR_GAZETTEER,
                "t.tsv:1: alias has no letters or digits: '...'");
  expect_error ("a\tplace\tA\t~\xE2\x80\x99\n", -1, ACTNET_ERROR_GAZETTEER,
                "t.tsv:1: alias has no letters or digits: '\xE2\x80\x99'");
}

static void
test_encoding_errors (void **state)
{
  expect_error ("a\tplace\tA\n# ok \xC3\xA9\nb\tplace\tB\xC3\n", -1, ACTNET_ERROR_ENCODING,
                "t.tsv:3: invalid UTF-8 (byte 0xC3)");
  expect_error ("a\tplace\tA\r\n\r\n\xFF\tplace\tB\r\n", -1, ACTNET_ERROR_ENCODING,
                "t.tsv:3: invalid UTF-8 (byte 0xFF)");
  static const char binary[] = "a\tplace\tA\nb\0\tplace\tB\n";
  expect_error (binary, sizeof binary - 1, ACTNET_ERROR_ENCODING,
                "t.tsv: binary data (NUL byte on line 2), not a text gazetteer");

  /* The same through a file, with the path in the message. */
  char *dir = actnet_test_mkdtemp ();
  char *path = actnet_test_write_file (dir, "bad.tsv", "a\tplace\tA\n\nb\tplace\t\x80\n", -1);
  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  GError *error = NULL;
  assert_false (actnet_gazetteer_load_file (gaz, path, &error));
  char *expected = g_strdup_printf ("%s:3: invalid UTF-8 (byte 0x80)", path);
  assert_string_equal (error->message, expected);
  g_free (expected);
  g_clear_error (&error);
  assert_int_equal (actnet_gazetteer_get_n_actors (gaz), 0);
  actnet_test_rmdir (dir);
  g_free (path);
  g_free (dir);
}

/* ---- programmatic construction ------------------------------------------ */

static void
test_programmatic (void **state)
{
  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  GError *error = NULL;
  assert_int_equal (actnet_gazetteer_get_n_actors (gaz), 0);
  assert_int_equal (actnet_gazetteer_get_n_aliases (gaz), 0);

  guint haftar = actnet_gazetteer_add_actor (gaz, "khalifa_haftar", "PER", "Khalifa Haftar", &error);
  assert_int_equal (haftar, 0);
  assert_null (error);
  guint lna = actnet_gazetteer_add_actor (gaz, "lna", "ORG", "Libyan National Army", &error);
  assert_int_equal (lna, 1);
  assert_string_equal (actnet_gazetteer_get_type (gaz, lna), "organization");
  assert_int_equal (actnet_gazetteer_get_n_aliases (gaz), 2);
  assert_int_equal (actnet_gazetteer_get_alias_actor (gaz, 1), lna);

  assert_true (actnet_gazetteer_add_alias (gaz, haftar, "Hifter", ACTNET_CASE_POLICY_DEFAULT, &error));
  assert_true (actnet_gazetteer_add_alias (gaz, lna, "LNA", ACTNET_CASE_POLICY_EXACT, &error));
  assert_true (actnet_gazetteer_add_alias (gaz, haftar, "haftar", ACTNET_CASE_POLICY_ANY, &error));
  /* Adding the label again is a no-op. */
  assert_true (actnet_gazetteer_add_alias (gaz, lna, "Libyan National Army",
                                           ACTNET_CASE_POLICY_DEFAULT, &error));
  assert_int_equal (actnet_gazetteer_get_n_aliases (gaz), 5);
  assert_string_equal (actnet_gazetteer_get_alias_text (gaz, 2), "Hifter");
  assert_int_equal (actnet_gazetteer_get_alias_actor (gaz, 3), lna);
  assert_int_equal (actnet_gazetteer_get_alias_policy (gaz, 3), ACTNET_CASE_POLICY_EXACT);
  assert_int_equal (actnet_gazetteer_get_alias_policy (gaz, 4), ACTNET_CASE_POLICY_ANY);

  /* Errors leave the gazetteer as it was. */
  assert_int_equal (actnet_gazetteer_add_actor (gaz, "lna", "ORG", "Other", &error), G_MAXUINT);
  assert_int_equal (error->code, ACTNET_ERROR_GAZETTEER);
  assert_string_equal (error->message, "duplicate id 'lna'");
  g_clear_error (&error);
  assert_int_equal (actnet_gazetteer_add_actor (gaz, "", "ORG", "Other", &error), G_MAXUINT);
  assert_string_equal (error->message, "empty id");
  g_clear_error (&error);
  assert_int_equal (actnet_gazetteer_add_actor (gaz, "x", "ORG", "?!", &error), G_MAXUINT);
  assert_string_equal (error->message, "alias has no letters or digits: '?!'");
  g_clear_error (&error);
  assert_false (actnet_gazetteer_add_alias (gaz, lna, "  ", ACTNET_CASE_POLICY_DEFAULT, &error));
  assert_string_equal (error->message, "empty alias");
  g_clear_error (&error);
  assert_int_equal (actnet_gazetteer_get_n_actors (gaz), 2);
  assert_int_equal (actnet_gazetteer_get_n_aliases (gaz), 5);
  assert_int_equal (actnet_gazetteer_lookup (gaz, "x"), G_MAXUINT);

  /* A programmatic ambiguity is a warning without a file prefix. */
  guint khaled = actnet_gazetteer_add_actor (gaz, "khaled_haftar", "person", "Khaled Haftar", &error);
  assert_true (actnet_gazetteer_add_alias (gaz, khaled, "Hifter", ACTNET_CASE_POLICY_DEFAULT, &error));
  const GPtrArray *warnings = actnet_gazetteer_get_warnings (gaz);
  assert_int_equal (warnings->len, 1);
  assert_string_equal (g_ptr_array_index (warnings, 0),
                       "ambiguous alias 'Hifter' is also an alias of 'khalifa_haftar'");

  /* A file loaded afterwards merges into an actor added by code. */
  assert_true (actnet_gazetteer_load_data (gaz, "lna\tORG\tLNA\tHaftar forces\n", -1, "more.tsv", &error));
  assert_int_equal (actnet_gazetteer_get_n_actors (gaz), 3);
  assert_string_equal (alias_owner (gaz, "Haftar forces"), "lna");
  assert_int_equal (warnings->len, 2);
  assert_string_equal (g_ptr_array_index (warnings, 1),
                       "more.tsv:1: actor 'lna' also added by the program; aliases merged");
  actnet_gazetteer_free (NULL);
}

/* ---- attributes, combining files, writing -------------------------------- */

static void
test_attributes_column (void **state)
{
  g_autoptr (ActnetGazetteer) gaz = load_ok (
    "id\ttype\tlabel\taliases\tattributes\n"
    "gaddafi\tperson\tMuammar Gaddafi\tQaddafi\tcameo=LBYGOV 690901-110823\\;LBYMIL; born = 1942 ;\n"
    "tripoli\tplace\tTripoli\t\tgeonames=2210247;note=a\\\\b\\tc\\nd;k\\=ey=v=w\n"
    "sirte\tplace\tSirte\n"
    "misrata\tplace\tMisrata\t\t\n"
    "zawiya\tplace\tZawiya\t\tx=1;x=2;empty=\n");
  assert_int_equal (actnet_gazetteer_get_n_actors (gaz), 5);
  assert_int_equal (actnet_gazetteer_get_n_attributes (gaz, 0), 2);
  assert_string_equal (actnet_gazetteer_get_attribute_key (gaz, 0, 0), "cameo");
  assert_string_equal (actnet_gazetteer_get_attribute_value (gaz, 0, 0), "LBYGOV 690901-110823;LBYMIL");
  assert_string_equal (actnet_gazetteer_get_attribute (gaz, 0, "born"), "1942");
  assert_int_equal (actnet_gazetteer_get_n_attributes (gaz, 1), 3);
  assert_string_equal (actnet_gazetteer_get_attribute (gaz, 1, "geonames"), "2210247");
  assert_string_equal (actnet_gazetteer_get_attribute (gaz, 1, "note"), "a\\b\tc\nd");
  assert_string_equal (actnet_gazetteer_get_attribute (gaz, 1, "k=ey"), "v=w");
  assert_int_equal (actnet_gazetteer_get_n_attributes (gaz, 2), 0);
  assert_int_equal (actnet_gazetteer_get_n_attributes (gaz, 3), 0);
  /* a key set twice in one line keeps the last value */
  assert_int_equal (actnet_gazetteer_get_n_attributes (gaz, 4), 2);
  assert_string_equal (actnet_gazetteer_get_attribute (gaz, 4, "x"), "2");
  assert_string_equal (actnet_gazetteer_get_attribute (gaz, 4, "empty"), "");

  expect_error ("a\tplace\tA\t\tk=v;oops\n", -1, ACTNET_ERROR_PARSE,
                "t.tsv:1: malformed attribute 'oops' (expected key=value)");
  expect_error ("a\tplace\tA\n\nb\tplace\tB\tB2\t=v\n", -1, ACTNET_ERROR_PARSE,
                "t.tsv:3: malformed attribute '=v' (expected key=value)");
  expect_error ("a\tplace\tA\t\tk=v;;x\n", -1, ACTNET_ERROR_PARSE,
                "t.tsv:1: malformed attribute 'x' (expected key=value)");
}

static void
test_merge_files (void **state)
{
  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  GError *error = NULL;
  assert_true (actnet_gazetteer_load_data (gaz,
                                           "libya\tplace\tLibya\tLibyan\tcameo=LBY\n"
                                           "haftar\tperson\tKhalifa Haftar\tHaftar\n"
                                           "nato\torganization\tNATO\n", -1, "a.tsv", &error));
  /* Same label and type: merged silently. Another type: the first stays.
   * A new attribute key is added; a known key keeps its first value. */
  assert_true (actnet_gazetteer_load_data (gaz,
                                           "libya\tPLACE\tLibya\tLibia|Libyan\tcameo=LBY;iso=LY\n"
                                           "haftar\torganization\tHaftar\tHifter\n"
                                           "nato\tORG\tNATO\t\tcameo=IGOWSTNAT\n"
                                           "sirte\tplace\tSirte\n", -1, "b.tsv", &error));
  assert_null (error);
  assert_int_equal (actnet_gazetteer_get_n_actors (gaz), 4);
  assert_string_equal (actnet_gazetteer_get_type (gaz, 1), "person");
  assert_string_equal (actnet_gazetteer_get_label (gaz, 1), "Khalifa Haftar");
  assert_string_equal (actnet_gazetteer_get_origin (gaz, 1), "a.tsv:2");
  assert_string_equal (alias_owner (gaz, "Libia"), "libya");
  assert_string_equal (alias_owner (gaz, "Hifter"), "haftar");
  assert_int_equal (count_actor_aliases (gaz, 0), 3);
  assert_int_equal (count_actor_aliases (gaz, 1), 3);
  assert_int_equal (actnet_gazetteer_get_n_attributes (gaz, 0), 2);
  assert_string_equal (actnet_gazetteer_get_attribute (gaz, 0, "iso"), "LY");
  assert_string_equal (actnet_gazetteer_get_attribute (gaz, 2, "cameo"), "IGOWSTNAT");
  const GPtrArray *warnings = actnet_gazetteer_get_warnings (gaz);
  assert_int_equal (warnings->len, 1);
  assert_string_equal (g_ptr_array_index (warnings, 0),
                       "b.tsv:2: actor 'haftar' also defined at a.tsv:2; aliases merged; "
                       "conflicting type 'organization' ignored (kept 'person')");

  assert_true (actnet_gazetteer_load_data (gaz, "nato\torganization\tNATO\t\tcameo=NATO\n", -1,
                                           "c.tsv", &error));
  assert_int_equal (warnings->len, 2);
  assert_string_equal (g_ptr_array_index (warnings, 1),
                       "c.tsv:1: attribute 'cameo' of 'nato' is 'IGOWSTNAT' already; 'NATO' ignored");

  /* Within one file an id stays unique, merged or new. */
  guint n_aliases = actnet_gazetteer_get_n_aliases (gaz);
  assert_false (actnet_gazetteer_load_data (gaz,
                                            "libya\tplace\tLibya\tLibye\tx=1\n"
                                            "libya\tplace\tLibya\n", -1, "d.tsv", &error));
  assert_string_equal (error->message, "d.tsv:2: duplicate id 'libya' (first defined at d.tsv:1)");
  assert_int_equal (error->code, ACTNET_ERROR_GAZETTEER);
  g_clear_error (&error);
  assert_false (actnet_gazetteer_load_data (gaz,
                                            "new\tplace\tNew\n"
                                            "new\tplace\tNew\n", -1, "e.tsv", &error));
  assert_string_equal (error->message, "e.tsv:2: duplicate id 'new' (first defined at e.tsv:1)");
  g_clear_error (&error);
  /* ... and the failed files left nothing: no alias, attribute or warning */
  assert_int_equal (actnet_gazetteer_get_n_aliases (gaz), n_aliases);
  assert_null (actnet_gazetteer_get_attribute (gaz, 0, "x"));
  assert_int_equal (actnet_gazetteer_get_n_attributes (gaz, 0), 2);
  assert_int_equal (actnet_gazetteer_get_n_actors (gaz), 4);
  assert_int_equal (warnings->len, 2);
  assert_null (alias_owner (gaz, "Libye"));

  /* The programmatic API keeps refusing duplicates. */
  assert_int_equal (actnet_gazetteer_add_actor (gaz, "libya", "place", "Libya", &error), G_MAXUINT);
  assert_string_equal (error->message, "duplicate id 'libya' (first defined at a.tsv:1)");
  g_clear_error (&error);
}

static void
test_write_tsv (void **state)
{
  g_autoptr (ActnetGazetteer) gaz = load_ok (
    "us\tplace\tUnited States\tUS|=U.S.|~united states of america\n"
    "haftar\tPER\tKhalifa Haftar\tHaftar\n"
    "lna\torganization\tLNA\n");
  GError *error = NULL;
  guint extra = actnet_gazetteer_add_actor (gaz, "x", "misc", "X Y", &error);
  actnet_gazetteer_set_attribute (gaz, extra, "note", "a;b");
  assert_true (actnet_gazetteer_add_alias (gaz, 0, "Estados Unidos", ACTNET_CASE_POLICY_ANY, &error));

  char *dir = actnet_test_mkdtemp ();
  char *path = g_build_filename (dir, "out.tsv", NULL);
  assert_true (actnet_gazetteer_write_tsv (gaz, path, &error));
  char *text = NULL;
  assert_true (g_file_get_contents (path, &text, NULL, NULL));
  assert_string_equal (text,
                       "id\ttype\tlabel\taliases\tattributes\n"
                       "us\tplace\tUnited States\tUS|=U.S.|~united states of america|~Estados Unidos\t\n"
                       "haftar\tperson\tKhalifa Haftar\tHaftar\t\n"
                       "lna\torganization\tLNA\t\t\n"
                       "x\tmisc\tX Y\t\tnote=a\\;b\n");
  g_free (text);

  g_autoptr (ActnetGazetteer) back = actnet_gazetteer_new ();
  assert_true (actnet_gazetteer_load_file (back, path, &error));
  assert_int_equal (actnet_gazetteer_get_n_actors (back), 4);
  assert_int_equal (actnet_gazetteer_get_n_aliases (back), actnet_gazetteer_get_n_aliases (gaz));
  for (guint i = 0; i < actnet_gazetteer_get_n_aliases (gaz); i++)
    {
      guint actor = actnet_gazetteer_get_alias_actor (gaz, i);
      /* per actor in order; across actors the order is the file's */
      guint j = find_alias (back, actnet_gazetteer_get_alias_text (gaz, i));
      while (j != G_MAXUINT && actnet_gazetteer_get_alias_policy (back, j)
                                 != actnet_gazetteer_get_alias_policy (gaz, i))
        j++;
      assert_int_not_equal (j, G_MAXUINT);
      assert_int_equal (actnet_gazetteer_get_alias_actor (back, j), actor);
    }
  assert_string_equal (actnet_gazetteer_get_attribute (back, 3, "note"), "a;b");

  /* "-" is standard output; an unwritable path fails naming it. */
  char *bad = g_build_filename (dir, "missing", "out.tsv", NULL);
  assert_false (actnet_gazetteer_write_tsv (gaz, bad, &error));
  assert_true (error->domain == G_FILE_ERROR);
  assert_non_null (strstr (error->message, bad));
  g_clear_error (&error);

  actnet_test_rmdir (dir);
  g_free (bad);
  g_free (path);
  g_free (dir);
}

/* ---- the bundled gazetteer ---------------------------------------------- */

/* Aliases deliberately listed under more than one actor (the first listed
 * wins without context; see the file's comment block). */
static const char *const intended_ambiguities[] = {
  NULL,
};

static gboolean
is_snake_case (const char *id)
{
  if (!g_ascii_islower (id[0]))
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return id[strlen (id) - 1] != '_' && strstr (id, "__") == NULL;
}

static void
test_bundled_libya (void **state)
{
  char *path = actnet_test_source_path ("data/gazetteers/libya.tsv");
  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  GError *error = NULL;
  gboolean ok = actnet_gazetteer_load_file (gaz, path, &error);
  if (!ok)
    fail_msg ("%s", error->message);
  g_free (path);

  guint n = actnet_gazetteer_get_n_actors (gaz);
  assert_true (n >= 300);
  for (guint i = 0; i < n; i++)
    {
      const char *id = actnet_gazetteer_get_id (gaz, i);
      const char *type = actnet_gazetteer_get_type (gaz, i);
      if (!is_snake_case (id))
        fail_msg ("id '%s' is not snake_case ASCII", id);
      if (strcmp (type, "person") != 0 && strcmp (type, "organization") != 0
          && strcmp (type, "place") != 0)
        fail_msg ("actor '%s' has type '%s'", id, type);
    }

  /* Every warning is one of the intended shared aliases. */
  const GPtrArray *warnings = actnet_gazetteer_get_warnings (gaz);
  for (guint i = 0; i < warnings->len; i++)
    {
      const char *w = g_ptr_array_index (warnings, i);
      gboolean known = FALSE;
      for (guint j = 0; intended_ambiguities[j] != NULL && !known; j++)
        {
          char *needle = g_strdup_printf ("ambiguous alias '%s' ", intended_ambiguities[j]);
          known = strstr (w, needle) != NULL;
          g_free (needle);
        }
      if (!known)
        fail_msg ("unexpected warning: %s", w);
    }

  const char *expected[][2] = {
    { "Hifter", "khalifa_haftar" }, { "Haftar", "khalifa_haftar" },
    { "NTC", "transitional_national_council" }, { "TNC", "transitional_national_council" },
    { "Daesh", "islamic_state" }, { "ISIS", "islamic_state" }, { "ISIL", "islamic_state" },
    { "Qaddafi", "muammar_gaddafi" }, { "Gaddafi", "muammar_gaddafi" },
    { "Sarraj", "fayez_al_sarraj" }, { "US", "united_states" }, { "U.S.", "united_states" },
    { "Britain", "united_kingdom" }, { "UN", "united_nations" },
    { "UN Security Council", "un_security_council" }, { "Misurata", "misrata" },
    { "Council of Deputies", "house_of_representatives" }, { "GNA", "government_of_national_accord" },
    { "LNA", "libyan_national_army" }, { "AFRICOM", "us_africa_command" },
    { "JSOC", "joint_special_operations_command" },
    { "State Department", "us_state_department" }, { "ICC", "international_criminal_court" },
    { "Jalil", "mustafa_abdul_jalil" }, { "Bashagha", "fathi_bashagha" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const char *owner = alias_owner (gaz, expected[i][0]);
      if (owner == NULL || strcmp (owner, expected[i][1]) != 0)
        fail_msg ("alias '%s' belongs to '%s', expected '%s'", expected[i][0],
                  owner != NULL ? owner : "(none)", expected[i][1]);
    }

  guint lna = actnet_gazetteer_lookup (gaz, "libyan_national_army");
  assert_int_not_equal (lna, G_MAXUINT);
  assert_string_equal (actnet_gazetteer_get_type (gaz, lna), "organization");
  guint tripoli = actnet_gazetteer_lookup (gaz, "tripoli");
  assert_string_equal (actnet_gazetteer_get_type (gaz, tripoli), "place");

  /* No bare ordinary English word that would match wrongly. */
  const char *forbidden[] = { "May", "Will", "Field Marshal", "Sarraj's", "the" };
  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    if (find_alias (gaz, forbidden[i]) != G_MAXUINT)
      fail_msg ("alias '%s' should not be in the bundled gazetteer", forbidden[i]);
}

/* Validity periods: "@FROM..TO" after an alias, either end open. */
static void
test_alias_periods (void **state)
{
  (void) state;
  const char *data =
    "fayez_al_sarraj\tperson\tFayez al-Sarraj\tPrime Minister Sarraj@2016-03-30..2021-03-15|~sarraj\n"
    "muammar_gaddafi\tperson\tMuammar Gaddafi\tPresident Gaddafi @..2011-10-20\n"
    "isis\torganization\tIslamic State\tIslamist[s]@2014-06-25..|@UNSMILibya\n"
    "abdul_hamid_dbeibah\tperson\tAbdul Hamid Dbeibah\tPrime Minister@2021-03-15..\n";
  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  GError *error = NULL;
  assert_true (actnet_gazetteer_load_data (gaz, data, -1, "p.tsv", &error));
  assert_null (error);
  ActnetDate from = 0, to = 0;
  /* 0 label, 1 dated, 2 ~sarraj */
  assert_false (actnet_gazetteer_get_alias_period (gaz, 0, &from, &to));
  assert_int_equal (from, ACTNET_DATE_NONE);
  assert_true (actnet_gazetteer_get_alias_period (gaz, 1, &from, &to));
  assert_string_equal (actnet_gazetteer_get_alias_text (gaz, 1), "Prime Minister Sarraj");
  assert_int_equal (from, actnet_date_from_ymd (2016, 3, 30));
  assert_int_equal (to, actnet_date_from_ymd (2021, 3, 15));
  assert_false (actnet_gazetteer_get_alias_period (gaz, 2, NULL, NULL));
  assert_true (actnet_gazetteer_get_alias_period (gaz, 4, &from, &to));
  assert_string_equal (actnet_gazetteer_get_alias_text (gaz, 4), "President Gaddafi");
  assert_int_equal (from, ACTNET_DATE_NONE);
  assert_int_equal (to, actnet_date_from_ymd (2011, 10, 20));
  assert_true (actnet_gazetteer_get_alias_period (gaz, 6, &from, &to));
  assert_string_equal (actnet_gazetteer_get_alias_text (gaz, 6), "Islamist[s]");
  assert_int_equal (from, actnet_date_from_ymd (2014, 6, 25));
  assert_int_equal (to, ACTNET_DATE_NONE);
  /* An '@' that opens no period is part of the alias. */
  assert_string_equal (actnet_gazetteer_get_alias_text (gaz, 7), "@UNSMILibya");
  assert_false (actnet_gazetteer_get_alias_period (gaz, 7, NULL, NULL));

  /* Written back with the periods; loads into the same aliases. */
  g_autofree char *dir = actnet_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "out.tsv", NULL);
  assert_true (actnet_gazetteer_write_tsv (gaz, path, &error));
  g_autofree char *written = NULL;
  assert_true (g_file_get_contents (path, &written, NULL, NULL));
  assert_non_null (strstr (written, "\tPrime Minister Sarraj@2016-03-30..2021-03-15|~sarraj\n"));
  assert_non_null (strstr (written, "\tPresident Gaddafi@..2011-10-20\n"));
  assert_non_null (strstr (written, "\tIslamist[s]@2014-06-25..|@UNSMILibya\n"));
  g_autoptr (ActnetGazetteer) again = actnet_gazetteer_new ();
  assert_true (actnet_gazetteer_load_file (again, path, &error));
  assert_int_equal (actnet_gazetteer_get_n_aliases (again), actnet_gazetteer_get_n_aliases (gaz));
  assert_true (actnet_gazetteer_get_alias_period (again, 1, &from, &to));
  assert_int_equal (to, actnet_date_from_ymd (2021, 3, 15));
  actnet_test_rmdir (dir);

  /* Programmatic: FROM after TO is refused. */
  assert_false (actnet_gazetteer_add_alias_dated (gaz, 0, "PM", ACTNET_CASE_POLICY_EXACT,
                                                  actnet_date_from_ymd (2020, 1, 2),
                                                  actnet_date_from_ymd (2020, 1, 1), &error));
  assert_true (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT));
  g_clear_error (&error);
  assert_true (actnet_gazetteer_add_alias_dated (gaz, 0, "PM", ACTNET_CASE_POLICY_EXACT,
                                                 actnet_date_from_ymd (2020, 1, 1),
                                                 actnet_date_from_ymd (2020, 1, 1), &error));
}

static void
test_alias_period_errors (void **state)
{
  (void) state;
  static const struct { const char *alias; const char *message; } cases[] = {
    { "PM Sarraj@2016-02-30..", "x.tsv:2: invalid date in validity period '@2016-02-30..'" },
    { "PM Sarraj@2021-01-01..2016-01-01", "x.tsv:2: validity period '@2021-01-01..2016-01-01' ends before it starts" },
    { "PM Sarraj@..", "x.tsv:2: empty validity period '@..'" },
    { "PM Sarraj@2016-03-30", "x.tsv:2: invalid validity period '@2016-03-30'" },
    { "PM Sarraj@30/03/2016..", "x.tsv:2: invalid date in validity period" },
    { "PM Sarraj@2016..2017", "x.tsv:2: invalid date in validity period" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *data = g_strdup_printf ("# periods\nsarraj\tperson\tFayez al-Sarraj\t%s\n",
                                               cases[i].alias);
      g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
      GError *error = NULL;
      assert_false (actnet_gazetteer_load_data (gaz, data, -1, "x.tsv", &error));
      assert_non_null (error);
      if (strncmp (error->message, cases[i].message, strlen (cases[i].message)) != 0)
        fail_msg ("%s: got '%s'", cases[i].alias, error->message);
      assert_int_equal (actnet_gazetteer_get_n_actors (gaz), 0);
      g_clear_error (&error);
    }
}

/* Successive holders of a title are not ambiguous; overlapping ones are. */
static void
test_alias_period_ambiguity (void **state)
{
  (void) state;
  const char *data =
    "a\tperson\tAli Zeidan\tPrime Minister@2012-11-14..2014-03-11\n"
    "b\tperson\tAbdullah al-Thani\tPrime Minister@2014-03-11..2014-04-13|Prime Minister@2014-09-01..\n";
  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  GError *error = NULL;
  assert_true (actnet_gazetteer_load_data (gaz, data, -1, "amb.tsv", &error));
  const GPtrArray *warnings = actnet_gazetteer_get_warnings (gaz);
  assert_int_equal (warnings->len, 1);
  assert_string_equal (g_ptr_array_index (warnings, 0),
                       "amb.tsv:2: ambiguous alias 'Prime Minister' is also an alias of 'a'");
  /* Two periods of one actor are two aliases. */
  assert_int_equal (actnet_gazetteer_get_n_aliases (gaz), 5);
}

/* ---- limits ------------------------------------------------------------- */

static void
test_max_alias_length (void **state)
{
  (void) state;
  g_autofree char *ok_alias = g_strnfill (ACTNET_DEFAULT_MAX_ALIAS_LENGTH, 'a');
  g_autofree char *long_alias = g_strnfill (ACTNET_DEFAULT_MAX_ALIAS_LENGTH + 1, 'a');
  g_autofree char *fits = g_strdup_printf ("x\tperson\tX\t%s\n", ok_alias);
  g_autoptr (ActnetGazetteer) gaz = load_ok (fits);
  assert_int_equal (actnet_gazetteer_get_n_aliases (gaz), 2);

  /* Over the default, in the aliases or as the label: FILE:LINE, nothing kept. */
  g_autofree char *over = g_strdup_printf ("# c\nx\tperson\tX\tY|%s\n", long_alias);
  expect_error (over, -1, ACTNET_ERROR_LIMIT,
                "t.tsv:2: alias longer than the maximum alias length (1001 bytes > 1000; "
                "see --max-alias-length)");
  g_autofree char *label = g_strdup_printf ("x\tperson\t%s\n", long_alias);
  expect_error (label, -1, ACTNET_ERROR_LIMIT,
                "t.tsv:1: alias longer than the maximum alias length (1001 bytes > 1000; "
                "see --max-alias-length)");

  /* Raised, it loads; 0 restores the default, which code callers meet too. */
  g_autoptr (ActnetGazetteer) raised = actnet_gazetteer_new ();
  assert_int_equal (actnet_gazetteer_get_max_alias_length (raised), 1000);
  actnet_gazetteer_set_max_alias_length (raised, 2000);
  assert_true (actnet_gazetteer_load_data (raised, over, -1, "t.tsv", NULL));
  assert_int_equal (actnet_gazetteer_get_n_aliases (raised), 3);
  actnet_gazetteer_set_max_alias_length (raised, 0);
  assert_int_equal (actnet_gazetteer_get_max_alias_length (raised), ACTNET_DEFAULT_MAX_ALIAS_LENGTH);
  GError *error = NULL;
  assert_false (actnet_gazetteer_add_alias (raised, 0, long_alias, ACTNET_CASE_POLICY_DEFAULT,
                                            &error));
  assert_int_equal (error->code, ACTNET_ERROR_LIMIT);
  g_clear_error (&error);
  assert_int_equal (actnet_gazetteer_get_n_aliases (raised), 3);
}

static void
test_spaces_for_tabs (void **state)
{
  (void) state;
  /* A tab typed as spaces before the aliases: loads, with a warning. */
  g_autoptr (ActnetGazetteer) gaz = load_ok ("libya\tplace\tLibya  Libia|Libye\n"
                                             "chad\tplace\tChad\tTchad  Chad\n");
  const GPtrArray *warnings = actnet_gazetteer_get_warnings (gaz);
  assert_int_equal (warnings->len, 1);
  assert_string_equal (g_ptr_array_index (warnings, 0),
                       "t.tsv:1: run of spaces in the label column ('Libya  Libia|Libye'): "
                       "a tab typed as spaces?");
  /* Single spaces only, no tab: the reason is given. */
  expect_error ("libya place Libya\n", -1, ACTNET_ERROR_PARSE,
                "t.tsv:1: expected 3 or 4 tab-separated columns (id, type, label, aliases; "
                "a 5th for attributes), found 1; columns must be separated by tabs");
}

static void
test_device_refused (void **state)
{
  (void) state;
  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  GError *error = NULL;
  assert_false (actnet_gazetteer_load_file (gaz, "/dev/zero", &error));
  assert_int_equal (error->code, ACTNET_ERROR_IO);
  assert_string_equal (error->message,
                       "/dev/zero: not a regular file (character device)");
  g_clear_error (&error);
  assert_false (actnet_gazetteer_load_file_format (gaz, "/dev/zero", ACTNET_GAZETTEER_FORMAT_AUTO,
                                                   &error));
  assert_int_equal (error->code, ACTNET_ERROR_IO);
  g_clear_error (&error);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_basic),
    cmocka_unit_test (test_header_only_first),
    cmocka_unit_test (test_crlf_bom_trim),
    cmocka_unit_test (test_explicit_length),
    cmocka_unit_test (test_types),
    cmocka_unit_test (test_policies),
    cmocka_unit_test (test_dedup),
    cmocka_unit_test (test_ambiguity_warning),
    cmocka_unit_test (test_two_files),
    cmocka_unit_test (test_rollback),
    cmocka_unit_test (test_column_errors),
    cmocka_unit_test (test_field_errors),
    cmocka_unit_test (test_alias_errors),
    cmocka_unit_test (test_encoding_errors),
    cmocka_unit_test (test_programmatic),
    cmocka_unit_test (test_attributes_column),
    cmocka_unit_test (test_merge_files),
    cmocka_unit_test (test_write_tsv),
    cmocka_unit_test (test_bundled_libya),
    cmocka_unit_test (test_alias_periods),
    cmocka_unit_test (test_alias_period_errors),
    cmocka_unit_test (test_alias_period_ambiguity),
    cmocka_unit_test (test_max_alias_length),
    cmocka_unit_test (test_spaces_for_tabs),
    cmocka_unit_test (test_device_refused),
  };
  return cmocka_run_group_tests_name ("gazetteer", tests, NULL, NULL);
}
