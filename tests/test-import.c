/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"
#include <actnet/actnet.h>

#include <string.h>
#include <glib/gstdio.h>

/* ---- helpers ------------------------------------------------------------ */

/* One actor as a line: "id type 'label' [alias|~any|=exact] {k=v;k=v}",
 * the aliases in load order with their policy prefixes. */
static char *
describe (const ActnetGazetteer *gaz, guint actor)
{
  GString *out = g_string_new (NULL);
  g_string_append_printf (out, "%s %s '%s' [", actnet_gazetteer_get_id (gaz, actor),
                          actnet_gazetteer_get_type (gaz, actor),
                          actnet_gazetteer_get_label (gaz, actor));
  gboolean first = TRUE;
  for (guint i = 0; i < actnet_gazetteer_get_n_aliases (gaz); i++)
    if (actnet_gazetteer_get_alias_actor (gaz, i) == actor)
      {
        ActnetCasePolicy policy = actnet_gazetteer_get_alias_policy (gaz, i);
        g_string_append_printf (out, "%s%s%s", first ? "" : "|",
                                policy == ACTNET_CASE_POLICY_EXACT ? "="
                                : policy == ACTNET_CASE_POLICY_ANY ? "~" : "",
                                actnet_gazetteer_get_alias_text (gaz, i));
        first = FALSE;
      }
  g_string_append (out, "] {");
  for (guint i = 0; i < actnet_gazetteer_get_n_attributes (gaz, actor); i++)
    g_string_append_printf (out, "%s%s=%s", i > 0 ? ";" : "",
                            actnet_gazetteer_get_attribute_key (gaz, actor, i),
                            actnet_gazetteer_get_attribute_value (gaz, actor, i));
  g_string_append (out, "}");
  return g_string_free (out, FALSE);
}

static void
assert_actor (const ActnetGazetteer *gaz, guint actor, const char *expected)
{
  char *got = describe (gaz, actor);
  if (strcmp (got, expected) != 0)
    fail_msg ("actor %u:\n  got  %s\n  want %s", actor, got, expected);
  g_free (got);
}

/* Every actor and every warning, exactly. */
static void
expect_gazetteer (const ActnetGazetteer *gaz, const char *const *actors,
                  const char *const *warnings)
{
  guint n = 0;
  while (actors[n] != NULL)
    n++;
  for (guint i = 0; i < actnet_gazetteer_get_n_actors (gaz) && i < n; i++)
    {
      char *got = describe (gaz, i);
      if (strcmp (got, actors[i]) != 0)
        fail_msg ("actor %u:\n  got  %s\n  want %s", i, got, actors[i]);
      g_free (got);
    }
  if (actnet_gazetteer_get_n_actors (gaz) != n)
    {
      char *extra = actnet_gazetteer_get_n_actors (gaz) > n ? describe (gaz, n) : g_strdup ("");
      fail_msg ("%u actors, want %u (next: %s)", actnet_gazetteer_get_n_actors (gaz), n, extra);
    }
  const GPtrArray *got = actnet_gazetteer_get_warnings (gaz);
  guint m = 0;
  while (warnings[m] != NULL)
    m++;
  for (guint i = 0; i < got->len && i < m; i++)
    if (strcmp (g_ptr_array_index (got, i), warnings[i]) != 0)
      fail_msg ("warning %u:\n  got  %s\n  want %s", i, (char *) g_ptr_array_index (got, i),
                warnings[i]);
  if (got->len != m)
    fail_msg ("%u warnings, want %u (first extra: %s)", got->len, m,
              got->len > m ? (char *) g_ptr_array_index (got, m) : "");
}

static ActnetGazetteer *
import_ok (const char *data, const char *name, ActnetGazetteerFormat format,
           const ActnetImportOptions *options)
{
  ActnetGazetteer *gaz = actnet_gazetteer_new ();
  GError *error = NULL;
  if (!actnet_gazetteer_import_data (gaz, data, -1, name, format, options, &error))
    fail_msg ("unexpected error: %s", error->message);
  return gaz;
}

static ActnetGazetteer *
import_fixture (const char *relative, ActnetGazetteerFormat format,
                const ActnetImportOptions *options)
{
  char *path = actnet_test_source_path (relative);
  ActnetGazetteer *gaz = actnet_gazetteer_new ();
  GError *error = NULL;
  if (!actnet_gazetteer_import_file (gaz, path, format, options, &error))
    fail_msg ("unexpected error: %s", error->message);
  g_free (path);
  return gaz;
}

/* Warnings name the file as given: the fixtures' absolute paths are cut
 * to tests/data/... for the comparisons. */
static void
relativize_warnings (ActnetGazetteer *gaz)
{
  char *root = actnet_test_source_path ("");
  char *prefix = g_str_has_suffix (root, G_DIR_SEPARATOR_S) ? g_strdup (root)
                                                           : g_strconcat (root, G_DIR_SEPARATOR_S, NULL);
  g_free (root);
  GPtrArray *warnings = (GPtrArray *) actnet_gazetteer_get_warnings (gaz);
  for (guint i = 0; i < warnings->len; i++)
    {
      char *w = g_ptr_array_index (warnings, i);
      if (g_str_has_prefix (w, prefix))
        memmove (w, w + strlen (prefix), strlen (w + strlen (prefix)) + 1);
    }
  g_free (prefix);
}

static void
expect_import_error (const char *data, const char *name, ActnetGazetteerFormat format,
                     const ActnetImportOptions *options, int code, const char *message)
{
  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  GError *error = NULL;
  assert_false (actnet_gazetteer_import_data (gaz, data, -1, name, format, options, &error));
  assert_non_null (error);
  assert_true (error->domain == ACTNET_ERROR);
  assert_string_equal (error->message, message);
  assert_int_equal (error->code, code);
  /* nothing of the file is kept, warnings included */
  assert_int_equal (actnet_gazetteer_get_n_actors (gaz), 0);
  assert_int_equal (actnet_gazetteer_get_n_aliases (gaz), 0);
  assert_int_equal (actnet_gazetteer_get_warnings (gaz)->len, 0);
  g_error_free (error);
}

/* ---- format names and detection ----------------------------------------- */

static void
test_format_names (void **state)
{
  const struct {
    const char *name;
    ActnetGazetteerFormat format;
  } names[] = {
    { "auto", ACTNET_GAZETTEER_FORMAT_AUTO }, { "native", ACTNET_GAZETTEER_FORMAT_NATIVE },
    { "TSV", ACTNET_GAZETTEER_FORMAT_NATIVE }, { "petrarch", ACTNET_GAZETTEER_FORMAT_PETRARCH },
    { "Tabari", ACTNET_GAZETTEER_FORMAT_PETRARCH }, { "cameo", ACTNET_GAZETTEER_FORMAT_PETRARCH },
    { "spaCy", ACTNET_GAZETTEER_FORMAT_SPACY }, { "GATE", ACTNET_GAZETTEER_FORMAT_GATE },
    { "csv", ACTNET_GAZETTEER_FORMAT_CSV },
  };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      ActnetGazetteerFormat format = 99;
      assert_true (actnet_gazetteer_format_from_string (names[i].name, &format, NULL));
      assert_int_equal (format, names[i].format);
    }
  ActnetGazetteerFormat format = ACTNET_GAZETTEER_FORMAT_GATE;
  GError *error = NULL;
  assert_false (actnet_gazetteer_format_from_string ("xml", &format, &error));
  assert_int_equal (format, ACTNET_GAZETTEER_FORMAT_GATE);
  assert_int_equal (error->code, ACTNET_ERROR_INVALID_ARGUMENT);
  assert_string_equal (error->message, "unknown gazetteer format 'xml' "
                                       "(expected auto, native, petrarch, spacy, gate or csv)");
  g_clear_error (&error);

  assert_string_equal (actnet_gazetteer_format_to_string (ACTNET_GAZETTEER_FORMAT_NATIVE), "native");
  assert_string_equal (actnet_gazetteer_format_to_string (ACTNET_GAZETTEER_FORMAT_PETRARCH), "petrarch");
  assert_string_equal (actnet_gazetteer_format_to_string (ACTNET_GAZETTEER_FORMAT_CSV), "csv");
}

static void
test_detect (void **state)
{
  const struct {
    const char *path;
    const char *data;
    ActnetGazetteerFormat format;
  } cases[] = {
    /* by name */
    { "a/Phoenix.Countries.actors.txt", "anything", ACTNET_GAZETTEER_FORMAT_PETRARCH },
    { "x.ACTORS", NULL, ACTNET_GAZETTEER_FORMAT_PETRARCH },
    { "patterns.jsonl", "", ACTNET_GAZETTEER_FORMAT_SPACY },
    { "gate/lists.def", NULL, ACTNET_GAZETTEER_FORMAT_GATE },
    { "places.csv", "a\tb\tc\n", ACTNET_GAZETTEER_FORMAT_CSV },
    { "actors.tsv", "id\ttype\tlabel\taliases\nx\tplace\tX\n", ACTNET_GAZETTEER_FORMAT_NATIVE },
    { "actors.tsv", NULL, ACTNET_GAZETTEER_FORMAT_NATIVE },
    /* a .tsv with a place list's header */
    { "cities.tsv", "cityId\tname\taltName\tcountry\n", ACTNET_GAZETTEER_FORMAT_CSV },
    { "cities.tsv", "\xEF\xBB\xBF# c\n\nGeonameId\tname\n", ACTNET_GAZETTEER_FORMAT_CSV },
    { "towns.tsv", "id\tname\tlatitude\tlongitude\n", ACTNET_GAZETTEER_FORMAT_CSV },
    /* by content */
    { "patterns.txt", "\n{\"label\": \"ORG\", \"pattern\": \"UN\"}\n", ACTNET_GAZETTEER_FORMAT_SPACY },
    { "defs", "city.lst:location:city\n", ACTNET_GAZETTEER_FORMAT_GATE },
    { "dict.txt", "# CAMEO\nLIBYA_ [LBY]\n", ACTNET_GAZETTEER_FORMAT_PETRARCH },
    { "dict.txt", "KOFI_ANNAN_\n\t[IGOUNO 970101-061231]\n", ACTNET_GAZETTEER_FORMAT_PETRARCH },
    { "dict.txt", "AFGHANISTAN\n+AFGHAN\n", ACTNET_GAZETTEER_FORMAT_PETRARCH },
    { "actors.txt", "# mine\nx\tplace\tX\n", ACTNET_GAZETTEER_FORMAT_NATIVE },
    { "list.txt", "name,lat,lon\nTripoli,32.9,13.2\n", ACTNET_GAZETTEER_FORMAT_CSV },
    { "empty.txt", "# nothing\n", ACTNET_GAZETTEER_FORMAT_NATIVE },
    { "words.txt", "just words\n", ACTNET_GAZETTEER_FORMAT_NATIVE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ActnetGazetteerFormat format = actnet_gazetteer_format_detect (
        cases[i].path, cases[i].data, cases[i].data != NULL ? strlen (cases[i].data) : 0);
      if (format != cases[i].format)
        fail_msg ("case %u (%s): detected %s, want %s", i, cases[i].path,
                  actnet_gazetteer_format_to_string (format),
                  actnet_gazetteer_format_to_string (cases[i].format));
    }
}

/* ---- PETRARCH ------------------------------------------------------------ */

static void
test_petrarch_fixture (void **state)
{
  g_autoptr (ActnetGazetteer) gaz = import_fixture ("tests/data/import-petrarch.actors",
                                                    ACTNET_GAZETTEER_FORMAT_AUTO, NULL);
  relativize_warnings (gaz);
  const char *const actors[] = {
    "libya place 'Libya' [Libya|~Libya|~Libyan|~Tripoli|~Benghazi] {cameo=LBY}",
    "libyan_national_army organization 'Libyan National Army' "
    "[Libyan National Army|~Libyan National Army|LNA|~Haftar Forces] {cameo=LBYMIL}",
    "muammar_qaddafi person 'Muammar Qaddafi' "
    "[Muammar Qaddafi|~Muammar Qaddafi|~Colonel Qaddafi|~Muammar Gaddafi] "
    "{cameo=LBYGOV 690901-110823;LBYMIL}",
    /* two primary phrases before the codes: one actor, as PETRARCH shares
     * the codes between them */
    "mustafa_abdul_jalil person 'Mustafa Abdul Jalil' "
    "[Mustafa Abdul Jalil|~Mustafa Abdul Jalil|~Mustafa Abdel Jalil] "
    "{cameo=LBYGOV 110305-120808;LBYELI <110305}",
    "fayez_al_sarraj person 'Fayez al-Sarraj' [Fayez al-Sarraj|~Fayez al-Sarraj] "
    "{cameo=LBYGOV >151217;LBYELI}",
    /* "> 140311" is PETRARCH's ">140311"; the 5-digit date is kept as written */
    "ali_zeidan person 'Ali Zeidan' [Ali Zeidan|~Ali Zeidan] {cameo=LBYGOV 12102-140311;LBYGOV >140311}",
    /* the Ctrl-Z inside the name is dropped; an undated REB code reads as
     * an organization (the heuristic's known limit) */
    "abdel_hakim_belhadj organization 'Abdel Hakim Belhadj' [Abdel Hakim Belhadj|~Abdel Hakim Belhadj] "
    "{cameo=LBYREB}",
    "libyan_islamic_fighting_group_lifg organization 'Libyan Islamic Fighting Group (LIFG)' "
    "[Libyan Islamic Fighting Group (LIFG)|~Libyan Islamic Fighting Group|LIFG"
    "|~Al-Jama\xE2\x80\x99" "a al-Islamiyyah al-Muqatilah Bi-Libya|~Islamic Fighting Group\xEF\xBF\xBD] "
    "{cameo=LBYREB}",
    NULL,
  };
  const char *const warnings[] = {
    "tests/data/import-petrarch.actors:28: malformed date restriction '12102-140311' "
    "in [LBYGOV 12102-140311]; kept as written",
    "tests/data/import-petrarch.actors:30: Ctrl-Z (0x1A) byte skipped",
    "tests/data/import-petrarch.actors:32: duplicate phrase 'LIBYA_' (also at 7)",
    "tests/data/import-petrarch.actors:35: U+FFFD (a character lost before this file was "
    "written) kept as it is",
    NULL,
  };
  expect_gazetteer (gaz, actors, warnings);
  char *origin = actnet_test_source_path ("tests/data/import-petrarch.actors:17");
  assert_string_equal (actnet_gazetteer_get_origin (gaz, 2), origin);
  g_free (origin);
}

static void
test_petrarch_details (void **state)
{
  g_autoptr (ActnetGazetteer) gaz = import_ok (
    "<!-- header -->\n"
    "AL-QAEDA_ [IMGMUSALQ]\n"
    "AL_QAEDA_ [IMGMUSALQ] ; the same name written apart, a separate entry\n"
    "UN_SECRETARY_GENERAL\t\n"
    "+U.N._SECRETARY_GENERAL\n"
    "\t[IGOUNO]\n"
    "JOHN_MCCAIN_\t[USALEG 870103-180825]\n"
    "SEAN_O'BRIEN_ [IRLELI]\n"
    "POPE_BENEDICT_XVI_ [VAT]\n"
    "  \t[VATGOV 050419-130228]\n"
    "MINISTRY_OF_DEFENSE_ [LBYGOVMIL 120101-140101]\n"
    "NILE_RIVER_\n"
    "\t[---]\n"
    "UNITED_STATES_ [USA]\n"
    "+US_\n"
    "+U.S._\n"
    "+IRAN_FRIENDLY_\n"
    "GUAM_ [USAGUM]\n"
    "ACME_CORPORATION_ [MNCUSA 990101-991231]\n"
    "GEORGE_LAKE_ [USAGOV]\t# CountryInfo.txt\n"
    "Source: some list\n"
    "DEMOCRATIC_FRONT_FOR_THE_LIBERATION_OF_PALESTINE_(DFLP)_ [PSEREB]\n"
    "+DEMOCRATIC_FRONT_(DFLP)_\n"
    "+POPULAR_FRONT+_PFLP_\n"
    "+THE_FRONT_(PALESTINE)_\n"
    "+LIBYA_\n"
    "+BROKEN_ [PSEREB\n"
    "\tno code here\n"
    "---STOP---\n"
    "NEVER_READ_ [XXX]\n",
    "t.actors", ACTNET_GAZETTEER_FORMAT_PETRARCH, NULL);
  const char *const actors[] = {
    "al_qaeda organization 'Al-Qaeda' [Al-Qaeda|~Al-Qaeda] {cameo=IMGMUSALQ}",
    "al_qaeda_2 organization 'Al Qaeda' [Al Qaeda|~Al Qaeda] {cameo=IMGMUSALQ}",
    "un_secretary_general person 'UN Secretary General' "
    "[UN Secretary General|~UN Secretary General|~U.N. Secretary General] {cameo=IGOUNO}",
    "john_mccain person 'John McCain' [John McCain|~John McCain] {cameo=USALEG 870103-180825}",
    "sean_o_brien person 'Sean O'Brien' [Sean O'Brien|~Sean O'Brien] {cameo=IRLELI}",
    /* the code of the country alone would make a place; a role code too
     * makes a dated person */
    "pope_benedict_xvi person 'Pope Benedict XVI' [Pope Benedict XVI|~Pope Benedict XVI] "
    "{cameo=VAT;VATGOV 050419-130228}",
    "ministry_of_defense organization 'Ministry of Defense' [Ministry of Defense|~Ministry of Defense] "
    "{cameo=LBYGOVMIL 120101-140101}",
    "nile_river place 'Nile River' [Nile River|~Nile River] {cameo=---}",
    "united_states place 'United States' [United States|~United States|US|U.S.|~Iran Friendly] "
    "{cameo=USA}",
    "guam place 'Guam' [Guam|~Guam] {cameo=USAGUM}",
    "acme_corporation organization 'Acme Corporation' [Acme Corporation|~Acme Corporation] "
    "{cameo=MNCUSA 990101-991231}",
    "george_lake person 'George Lake' [George Lake|~George Lake] {cameo=USAGOV}",
    "democratic_front_for_the_liberation_of_palestine_dflp organization "
    "'Democratic Front for the Liberation of Palestine (DFLP)' "
    "[Democratic Front for the Liberation of Palestine (DFLP)"
    "|~Democratic Front for the Liberation of Palestine|DFLP|~Democratic Front|~Popular Front"
    "|PFLP|~The Front|~Libya|~Broken] {cameo=PSEREB}",
    NULL,
  };
  const char *const warnings[] = {
    "t.actors:3: ambiguous alias 'Al Qaeda' is also an alias of 'al_qaeda'",
    "t.actors:21: 'Source: some list' is not a phrase (a heading?); skipped",
    "t.actors:24: '+' inside phrase 'POPULAR_FRONT+_PFLP_'; read as 2 phrases",
    "t.actors:27: unclosed '[PSEREB'; read to the end of the line",
    "t.actors:28: indented line without a [CODE] skipped",
    NULL,
  };
  expect_gazetteer (gaz, actors, warnings);
}

static void
test_petrarch_problems (void **state)
{
  /* Invalid UTF-8 is repaired line by line, Ctrl-Z bytes dropped, lines
   * before the first phrase skipped with a warning, a phrase without a
   * code still imported. */
  g_autoptr (ActnetGazetteer) gaz = import_ok (
    "+ORPHAN_\n"
    "\t[XXX]\n"
    "CAF\xC9_ [FRA]\x1A\n"
    "+PARIS_\n"
    "LAST_ENTRY_\n"
    "\x1A",
    "p.actors", ACTNET_GAZETTEER_FORMAT_AUTO, NULL);
  const char *const actors[] = {
    "caf place 'Caf\xEF\xBF\xBD' [Caf\xEF\xBF\xBD|~Caf\xEF\xBF\xBD|~Paris] {cameo=FRA}",
    "last_entry organization 'Last Entry' [Last Entry|~Last Entry] {}",
    NULL,
  };
  const char *const warnings[] = {
    "p.actors:1: synonym '+ORPHAN_' before any phrase; skipped",
    "p.actors:2: [XXX] before any phrase; skipped",
    "p.actors:3: Ctrl-Z (0x1A) byte skipped",
    "p.actors:3: invalid UTF-8 (byte 0xC9) replaced by U+FFFD",
    "p.actors:5: 'LAST_ENTRY_' has no CAMEO code",
    "p.actors:6: Ctrl-Z (0x1A) byte skipped",
    NULL,
  };
  expect_gazetteer (gaz, actors, warnings);

  /* A NUL byte is binary data: an error, nothing kept. */
  g_autoptr (ActnetGazetteer) bin = actnet_gazetteer_new ();
  GError *error = NULL;
  assert_false (actnet_gazetteer_import_data (bin, "A_ [LBY]\nB\0_\n", 13, "b.actors",
                                              ACTNET_GAZETTEER_FORMAT_PETRARCH, NULL, &error));
  assert_string_equal (error->message, "b.actors: binary data (NUL byte on line 2), not a gazetteer");
  assert_int_equal (error->code, ACTNET_ERROR_ENCODING);
  g_clear_error (&error);
  assert_int_equal (actnet_gazetteer_get_n_actors (bin), 0);
}

/* The three real CAMEO dictionaries of ../shared: they load, their known
 * defects are warnings, and a few known entries are right. */
static void
test_petrarch_real (void **state)
{
  const struct {
    const char *file;
    guint actors, aliases, warnings;
  } files[] = {
    { "gazetteers/petrarch/Phoenix.Countries.actors.txt", 18340, 44104, 86 },
    { "gazetteers/petrarch/Phoenix.International.actors.txt", 6688, 13371, 1161 },
    { "gazetteers/petrarch/Phoenix.MilNonState.actors.txt", 1013, 2818, 26 },
  };
  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      char *path = actnet_test_shared_path (files[f].file);
      if (path == NULL)
        {
          printf ("# SKIP %s: ../shared absent\n", files[f].file);
          continue;
        }
      g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
      GError *error = NULL;
      gint64 start = g_get_monotonic_time ();
      if (!actnet_gazetteer_load_file_format (gaz, path, ACTNET_GAZETTEER_FORMAT_AUTO, &error))
        fail_msg ("%s: %s", files[f].file, error->message);
      double seconds = (double) (g_get_monotonic_time () - start) / 1e6;
      const GPtrArray *warnings = actnet_gazetteer_get_warnings (gaz);
      printf ("# %s: %u actors, %u aliases, %u warnings, %.2f s\n", files[f].file,
              actnet_gazetteer_get_n_actors (gaz), actnet_gazetteer_get_n_aliases (gaz),
              warnings->len, seconds);
      assert_int_equal (actnet_gazetteer_get_n_actors (gaz), files[f].actors);
      assert_int_equal (actnet_gazetteer_get_n_aliases (gaz), files[f].aliases);
      assert_int_equal (warnings->len, files[f].warnings);

      /* Every warning names the file and a line. */
      for (guint i = 0; i < warnings->len; i++)
        {
          const char *w = g_ptr_array_index (warnings, i);
          assert_true (g_str_has_prefix (w, path));
          assert_true (g_ascii_isdigit (w[strlen (path) + 1]));
        }

      if (f == 0)
        {
          const char *const expected[] = {
            ":745: Ctrl-Z (0x1A) byte skipped",
            ":12159: Ctrl-Z (0x1A) byte skipped",
            ":11234: U+FFFD (a character lost before this file was written) kept as it is",
            ":2039: malformed date restriction '9008223-911221' in [ARMUNR 9008223-911221]; "
            "kept as written",
            ":11933: duplicate phrase 'CROATIA_' (also at 11534)",
          };
          for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
            {
              char *want = g_strconcat (path, expected[e], NULL);
              gboolean found = FALSE;
              for (guint i = 0; i < warnings->len && !found; i++)
                found = strcmp (g_ptr_array_index (warnings, i), want) == 0;
              if (!found)
                fail_msg ("no warning '%s'", want);
              g_free (want);
            }
          guint libya = actnet_gazetteer_lookup (gaz, "libya");
          assert_int_not_equal (libya, G_MAXUINT);
          assert_string_equal (actnet_gazetteer_get_type (gaz, libya), "place");
          assert_string_equal (actnet_gazetteer_get_attribute (gaz, libya, "cameo"), "LBY");
          guint gaddafi = actnet_gazetteer_lookup (gaz, "muammar_gaddafi");
          assert_int_not_equal (gaddafi, G_MAXUINT);
          assert_string_equal (actnet_gazetteer_get_label (gaz, gaddafi), "Muammar Gaddafi");
          assert_string_equal (actnet_gazetteer_get_type (gaz, gaddafi), "person");
          assert_string_equal (actnet_gazetteer_get_attribute (gaz, gaddafi, "cameo"),
                               "LBYGOV 19690901-20110823");
          guint belhadj = actnet_gazetteer_lookup (gaz, "liamine_zroual");
          assert_int_not_equal (belhadj, G_MAXUINT);   /* the Ctrl-Z was inside this name */
          guint afghanistan = actnet_gazetteer_lookup (gaz, "afghanistan");
          assert_string_equal (actnet_gazetteer_get_type (gaz, afghanistan), "place");
          guint karzai = actnet_gazetteer_lookup (gaz, "hamid_karzai");
          assert_actor (gaz, karzai,
                               "hamid_karzai person 'Hamid Karzai' "
                               "[Hamid Karzai|~Hamid Karzai|~Karzai|~President Karzai] "
                               "{cameo=AFGELI 750101-000101;AFGGOV >011222;AFGELI}");
        }
      else if (f == 1)
        {
          guint annan = actnet_gazetteer_lookup (gaz, "kofi_annan");
          assert_string_equal (actnet_gazetteer_get_type (gaz, annan), "person");
          assert_string_equal (actnet_gazetteer_get_attribute (gaz, annan, "cameo"),
                               "IGOUNO 970101-061231;ELI");
          guint nato = actnet_gazetteer_lookup (gaz, "nato");
          assert_string_equal (actnet_gazetteer_get_label (gaz, nato), "NATO");
          assert_string_equal (actnet_gazetteer_get_type (gaz, nato), "organization");
        }
      else
        {
          guint lifg = actnet_gazetteer_lookup (gaz, "libyan_islamic_fighting_group");
          assert_string_equal (actnet_gazetteer_get_type (gaz, lifg), "organization");
          assert_string_equal (actnet_gazetteer_get_attribute (gaz, lifg, "cameo"), "LBYREB");
        }
      g_free (path);
    }
}

/* ---- spaCy ----------------------------------------------------------------- */

static void
test_spacy_fixture (void **state)
{
  g_autoptr (ActnetGazetteer) gaz = import_fixture ("tests/data/import-spacy.jsonl",
                                                    ACTNET_GAZETTEER_FORMAT_AUTO, NULL);
  relativize_warnings (gaz);
  const char *const actors[] = {
    /* one id, three lines: a string (default case), LOWER tokens (any
     * case), ORTH tokens (default case); the label is the first cased
     * pattern */
    "haftar person 'Khalifa Haftar' [Khalifa Haftar|~khalifa hifter|Haftar] {spacy_label=PERSON}",
    "lna organization 'LNA' [LNA|~libyan national army] {spacy_label=ORG}",
    /* no id: the id comes from the pattern, tokens join as written */
    "al_qaeda organization 'Al-Qaeda' [Al-Qaeda|~al-qaeda] {spacy_label=ORG}",
    "libya place 'Libya' [Libya] {spacy_label=GPE}",
    "gulf_of_sirte place 'Gulf of Sirte' [Gulf of Sirte] {spacy_label=LOC}",
    "mitiga_airport place 'Mitiga Airport' [Mitiga Airport] {spacy_label=FAC}",
    "libyans group 'Libyans' [Libyans] {spacy_label=NORP}",
    "berlin_conference event 'Berlin Conference' [Berlin Conference] {spacy_label=EVENT}",
    "tripoli place 'Tripoli' [Tripoli|Tripoli Brigade] {spacy_label=GPE}",
    NULL,
  };
  const char *const warnings[] = {
    "tests/data/import-spacy.jsonl:14: pattern is not a plain phrase (uses 'OP'); skipped",
    "tests/data/import-spacy.jsonl:15: pattern is not a plain phrase ('LOWER' is not a plain string); skipped",
    "tests/data/import-spacy.jsonl:16: pattern is not a plain phrase (mixes LOWER with ORTH/TEXT); skipped",
    "tests/data/import-spacy.jsonl:17: pattern is not a plain phrase (uses 'POS'); skipped",
    "tests/data/import-spacy.jsonl:18: no \"label\" string; skipped",
    "tests/data/import-spacy.jsonl:20: label 'ORG' of 'tripoli' conflicts with 'GPE' at line 19; kept 'GPE'",
    NULL,
  };
  expect_gazetteer (gaz, actors, warnings);
}

static void
test_spacy_details (void **state)
{
  g_autoptr (ActnetGazetteer) gaz = import_ok (
    "{\"label\": \"ORG\", \"pattern\": \"UN\", \"id\": 7}\n"
    "{\"label\": \"PERSON\", \"pattern\": [{\"ORTH\": \"Saif\"}, {\"ORTH\": \"al\"}, "
    "{\"ORTH\": \"-\"}, {\"ORTH\": \"Islam\"}, {\"ORTH\": \"'s\"}]}\n"
    "{\"label\": \"GPE\", \"pattern\": \"Libya\", \"id\": \"# the country\"}\n"
    "{\"label\": \"GPE\", \"pattern\": [], \"id\": \"x\"}\n"
    "{\"label\": \"GPE\", \"pattern\": [{}]}\n"
    "{\"label\": \"GPE\", \"pattern\": [{\"LOWER\": \"a\", \"ORTH\": \"A\"}]}\n"
    "{\"label\": \"GPE\", \"pattern\": 42}\n"
    "{\"label\": \"GPE\"}\n"
    "{\"label\": \"GPE\", \"pattern\": \"  \"}\n"
    "{\"label\": \"ORG\", \"pattern\": \"A|B\"}\n"
    "{\"label\": \"Work of Art\", \"pattern\": \"Libya\"}\n"
    "{\"label\": \"ORG\", \"pattern\": \"Libya\", \"id\": \"libya\"}\n",
    "p.jsonl", ACTNET_GAZETTEER_FORMAT_AUTO, NULL);
  const char *const actors[] = {
    "7 organization 'UN' [UN] {spacy_label=ORG}",
    "saif_al_islam_s person 'Saif al-Islam's' [Saif al-Islam's] {spacy_label=PERSON}",
    "the_country place 'Libya' [Libya] {spacy_label=GPE}",
    "a_b organization 'A|B' [A|B] {spacy_label=ORG}",
    /* a made-up id avoids the ids the file gives */
    "libya_2 work_of_art 'Libya' [Libya] {spacy_label=Work of Art}",
    "libya organization 'Libya' [Libya] {spacy_label=ORG}",
    NULL,
  };
  const char *const warnings[] = {
    "p.jsonl:4: pattern is not a plain phrase (an empty token list); skipped",
    "p.jsonl:5: pattern is not a plain phrase (an empty token); skipped",
    "p.jsonl:6: pattern is not a plain phrase (a token with several attributes); skipped",
    "p.jsonl:7: pattern is not a plain phrase (\"pattern\" is neither a string nor a list of tokens); skipped",
    "p.jsonl:8: no \"pattern\"; skipped",
    "p.jsonl:9: empty pattern; skipped",
    "p.jsonl:11: ambiguous alias 'Libya' is also an alias of 'the_country'",
    "p.jsonl:12: ambiguous alias 'Libya' is also an alias of 'the_country'",
    NULL,
  };
  expect_gazetteer (gaz, actors, warnings);

  /* the rest of the message is json-glib's */
  g_autoptr (ActnetGazetteer) bad = actnet_gazetteer_new ();
  GError *error = NULL;
  assert_false (actnet_gazetteer_import_data (bad, "{\"label\": \"ORG\", \"pattern\": \"UN\"}\n\n"
                                                   "{\"label\": \"ORG\", \"pattern\"\n", -1, "e.jsonl",
                                              ACTNET_GAZETTEER_FORMAT_AUTO, NULL, &error));
  assert_true (g_str_has_prefix (error->message, "e.jsonl:3: not JSON: Parse error"));
  assert_int_equal (error->code, ACTNET_ERROR_PARSE);
  g_clear_error (&error);
  assert_int_equal (actnet_gazetteer_get_n_actors (bad), 0);
  expect_import_error ("[1, 2]\n", "e.jsonl", ACTNET_GAZETTEER_FORMAT_SPACY, NULL,
                       ACTNET_ERROR_PARSE,
                       "e.jsonl:1: expected one JSON object a line (a spaCy pattern)");
}

/* ---- GATE ------------------------------------------------------------------ */

static void
test_gate_fixture (void **state)
{
  g_autoptr (ActnetGazetteer) gaz = import_fixture ("tests/data/import-gate/lists.def",
                                                    ACTNET_GAZETTEER_FORMAT_AUTO, NULL);
  relativize_warnings (gaz);
  const char *const actors[] = {
    /* features after a tab */
    "city_tripoli place 'Tripoli' [Tripoli] {majorType=location;minorType=city;population=1150989;country=LY}",
    "city_benghazi place 'Benghazi' [Benghazi] {majorType=location;minorType=city;population=650629;country=LY}",
    "city_misrata place 'Misrata' [Misrata] {majorType=location;minorType=city}",
    /* features after '&', the language of the list */
    "country_libya place 'Libya' [Libya] {majorType=location;minorType=country;language=en;iso=LY}",
    "country_chad place 'Chad' [Chad] {majorType=location;minorType=country;language=en;iso=TD;continent=Africa}",
    "person_full_khalifa_haftar person 'Khalifa Haftar' [Khalifa Haftar] {majorType=person_full}",
    "person_full_fayez_al_sarraj person 'Fayez al-Sarraj' [Fayez al-Sarraj] {majorType=person_full;gender=male}",
    /* '&' not followed by name= is part of the entry */
    "company_at_t organization 'AT&T' [AT&T] {majorType=organization;minorType=company;annotationType=Lookup}",
    "company_arabian_gulf_oil_company organization 'Arabian Gulf Oil Company' [Arabian Gulf Oil Company] "
    "{majorType=organization;minorType=company;annotationType=Lookup;short=AGOCO}",
    "title_field_marshal title 'Field Marshal' [Field Marshal] {majorType=title;minorType=military}",
    NULL,
  };
  const char *const warnings[] = {
    "tests/data/import-gate/city.lst:5: duplicate entry 'Tripoli' (also at 1); skipped",
    "tests/data/import-gate/company.lst:2: feature 'bogus' is not name=value; ignored",
    "tests/data/import-gate/lists.def:7: expected FILE.lst:majorType[:minorType[:language"
    "[:annotationType]]]; skipped",
    NULL,
  };
  expect_gazetteer (gaz, actors, warnings);
  char *origin = actnet_test_source_path ("tests/data/import-gate/country.lst:2");
  assert_string_equal (actnet_gazetteer_get_origin (gaz, 4), origin);
  g_free (origin);
}

static void
test_gate_errors (void **state)
{
  char *dir = actnet_test_mkdtemp ();
  char *def = actnet_test_write_file (dir, "lists.def",
                                      "ok.lst:Location:Region\nmissing.lst:person\n", -1);
  char *ok = actnet_test_write_file (dir, "ok.lst", "Fezzan\nCyrena\xEFque\n", -1);
  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  GError *error = NULL;
  assert_false (actnet_gazetteer_load_file_format (gaz, def, ACTNET_GAZETTEER_FORMAT_GATE, &error));
  assert_true (error->domain == G_FILE_ERROR);
  assert_int_equal (error->code, G_FILE_ERROR_NOENT);
  char *missing = g_build_filename (dir, "missing.lst", NULL);
  assert_true (g_str_has_prefix (error->message, def));
  assert_non_null (strstr (error->message, ":2: "));
  assert_non_null (strstr (error->message, missing));
  g_clear_error (&error);
  assert_int_equal (actnet_gazetteer_get_n_actors (gaz), 0);
  assert_int_equal (actnet_gazetteer_get_warnings (gaz)->len, 0);

  /* Without the missing list the rest loads; the repair names the list. */
  g_unlink (def);
  g_free (def);
  def = actnet_test_write_file (dir, "lists.def", "ok.lst:Location:Region\n", -1);
  assert_true (actnet_gazetteer_load_file_format (gaz, def, ACTNET_GAZETTEER_FORMAT_AUTO, &error));
  assert_int_equal (actnet_gazetteer_get_n_actors (gaz), 2);
  assert_actor (gaz, 0, "ok_fezzan place 'Fezzan' [Fezzan] {majorType=Location;minorType=Region}");
  assert_string_equal (actnet_gazetteer_get_id (gaz, 1), "ok_cyrena_que");
  const GPtrArray *warnings = actnet_gazetteer_get_warnings (gaz);
  assert_int_equal (warnings->len, 1);
  char *want = g_strdup_printf ("%s:2: invalid UTF-8 (byte 0xEF) replaced by U+FFFD", ok);
  assert_string_equal (g_ptr_array_index (warnings, 0), want);
  g_free (want);

  actnet_test_rmdir (dir);
  g_free (missing);
  g_free (ok);
  g_free (def);
  g_free (dir);
}

/* ---- CSV and TSV place lists ------------------------------------------------ */

static void
test_csv_fixture (void **state)
{
  g_autoptr (ActnetGazetteer) gaz = import_fixture ("tests/data/import-places.csv",
                                                    ACTNET_GAZETTEER_FORMAT_AUTO, NULL);
  relativize_warnings (gaz);
  const char *const actors[] = {
    /* quoted aliases with the separator inside; other columns are attributes */
    "tripoli place 'Tripoli' [Tripoli|Tarabulus|Trablous] {country=LY;population=1150989}",
    "benghazi city 'Benghazi' [Benghazi|Banghazi] {country=LY;population=650629}",
    "misrata place 'Misrata' [Misrata] {country=LY;population=386120}",
    /* "" is a quote; a quoted field may span lines */
    "sirte_surt place 'Sirte \"Surt\"' [Sirte \"Surt\"|Surt|Sirt] {country=LY;population=128123}",
    NULL,
  };
  const char *const warnings[] = {
    "tests/data/import-places.csv:4: 4 fields, the header has 5",
    "tests/data/import-places.csv:5: empty name; skipped",
    NULL,
  };
  expect_gazetteer (gaz, actors, warnings);
}

static void
test_geonames_fixture (void **state)
{
  g_autoptr (ActnetGazetteer) gaz = import_fixture ("tests/data/import-geonames.tsv",
                                                    ACTNET_GAZETTEER_FORMAT_AUTO, NULL);
  relativize_warnings (gaz);
  const char *const actors[] = {
    "9000001 place 'Tripoli' [Tripoli|Tarabulus|Trablus] {country=LY;population=1150000;lat=32.89;lon=13.19}",
    "9000002 place 'Benghazi' [Benghazi] {country=LY;population=650000;lat=32.12;lon=20.07}",
    "9000003 place 'Tripoli' [Tripoli] {country=LB;population=230000;lat=34.44;lon=35.85}",
    "9000005 place 'Mobile' [Mobile] {country=US;population=190000;lat=30.69;lon=-88.04}",
    NULL,
  };
  const char *const warnings[] = {
    "tests/data/import-geonames.tsv:4: ambiguous alias 'Tripoli' is also an alias of '9000001'",
    "tests/data/import-geonames.tsv:5: empty name; skipped",
    NULL,
  };
  expect_gazetteer (gaz, actors, warnings);

  /* --columns by name and number; any other key is an attribute; --type */
  ActnetImportOptions options = { .columns = "id=cityId, label=2,aliases=altName,cc=country",
                                  .type = "city" };
  g_autoptr (ActnetGazetteer) mapped = import_fixture ("tests/data/import-geonames.tsv",
                                                       ACTNET_GAZETTEER_FORMAT_CSV, &options);
  assert_int_equal (actnet_gazetteer_get_n_actors (mapped), 4);
  assert_actor (mapped, 0, "9000001 city 'Tripoli' [Tripoli|Tarabulus|Trablus] {cc=LY}");
}

static void
test_csv_options (void **state)
{
  /* No id column: ids from the names; a custom alias separator; the type
   * column; a header in another case; CRLF. */
  ActnetImportOptions options = { .alias_separator = ";" };
  g_autoptr (ActnetGazetteer) gaz = import_ok (
    "Name,Aliases,Type\r\n"
    "Ajdabiya,Agedabia,town\r\n"
    "Zawiya,Az Zawiyah; Zawia ;,\r\n"
    "Zawiya,,\r\n",
    "l.txt", ACTNET_GAZETTEER_FORMAT_CSV, &options);
  const char *const actors[] = {
    "ajdabiya town 'Ajdabiya' [Ajdabiya|Agedabia] {}",
    "zawiya place 'Zawiya' [Zawiya|Az Zawiyah|Zawia] {}",
    "zawiya_2 place 'Zawiya' [Zawiya] {}",
    NULL,
  };
  const char *const warnings[] = {
    "l.txt:4: ambiguous alias 'Zawiya' is also an alias of 'zawiya'",
    NULL,
  };
  expect_gazetteer (gaz, actors, warnings);

  /* --columns makes AUTO read a .tsv as a list; duplicate ids are skipped. */
  ActnetImportOptions columns = { .columns = "id=1,label=2" };
  g_autoptr (ActnetGazetteer) list = import_ok ("code\tplace\nA1\tAlpha\nA1\tAlpha again\n\t Beta \n",
                                                "l.tsv", ACTNET_GAZETTEER_FORMAT_AUTO, &columns);
  const char *const list_actors[] = {
    "A1 place 'Alpha' [Alpha] {}",
    "beta place 'Beta' [Beta] {}",
    NULL,
  };
  const char *const list_warnings[] = {
    "l.tsv:3: duplicate id 'A1' (first defined at l.tsv:2); skipped",
    "l.tsv:4: empty id; made from the name",
    NULL,
  };
  expect_gazetteer (list, list_actors, list_warnings);

  ActnetImportOptions bad = { .columns = "label=nom" };
  expect_import_error ("name,x\nA,1\n", "l.csv", ACTNET_GAZETTEER_FORMAT_AUTO, &bad,
                       ACTNET_ERROR_NOT_FOUND, "l.csv:1: no column 'nom' (the header has 2: name, x)");
  bad.columns = "label=3";
  expect_import_error ("name,x\nA,1\n", "l.csv", ACTNET_GAZETTEER_FORMAT_AUTO, &bad,
                       ACTNET_ERROR_NOT_FOUND, "l.csv:1: no column '3' (the header has 2: name, x)");
  bad.columns = "label";
  expect_import_error ("name,x\nA,1\n", "l.csv", ACTNET_GAZETTEER_FORMAT_AUTO, &bad,
                       ACTNET_ERROR_INVALID_ARGUMENT,
                       "invalid --columns item 'label' (expected KEY=COLUMN, such as label=name)");
  expect_import_error ("city,x\nA,1\n", "l.csv", ACTNET_GAZETTEER_FORMAT_AUTO, NULL,
                       ACTNET_ERROR_NOT_FOUND,
                       "l.csv:1: no label column (name or label); say which with --columns label=COLUMN");
  ActnetImportOptions typed = { .type = "place" };
  expect_import_error ("a\tplace\tA\n", "n.tsv", ACTNET_GAZETTEER_FORMAT_AUTO, &typed,
                       ACTNET_ERROR_INVALID_ARGUMENT,
                       "n.tsv: a native gazetteer has its own type column; --type applies to the "
                       "other formats");
}

/* All 135,233 GeoNames cities of ../shared (the time is printed, not checked). */
static void
test_cities_real (void **state)
{
  char *path = actnet_test_shared_path ("gazetteers/geonames/cities.tsv");
  if (path == NULL)
    {
      printf ("# SKIP cities.tsv: ../shared absent\n");
      return;
    }
  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  GError *error = NULL;
  gint64 start = g_get_monotonic_time ();
  if (!actnet_gazetteer_load_file_format (gaz, path, ACTNET_GAZETTEER_FORMAT_AUTO, &error))
    fail_msg ("%s", error->message);
  double seconds = (double) (g_get_monotonic_time () - start) / 1e6;
  printf ("# cities.tsv: %u actors, %u aliases, %u warnings, %.2f s\n",
          actnet_gazetteer_get_n_actors (gaz), actnet_gazetteer_get_n_aliases (gaz),
          actnet_gazetteer_get_warnings (gaz)->len, seconds);
  assert_int_equal (actnet_gazetteer_get_n_actors (gaz), 135233);
  guint first = actnet_gazetteer_lookup (gaz, "3039154");
  assert_int_equal (first, 0);
  assert_string_equal (actnet_gazetteer_get_label (gaz, first), "El Tarter");
  assert_string_equal (actnet_gazetteer_get_type (gaz, first), "place");
  assert_string_equal (actnet_gazetteer_get_attribute (gaz, first, "country"), "AD");
  assert_string_equal (actnet_gazetteer_get_attribute (gaz, first, "population"), "1052");
  assert_int_equal (actnet_gazetteer_get_n_attributes (gaz, first), 4);
  g_free (path);
}

/* ---- writing, round trips, combining ------------------------------------------ */

/* Two gazetteers hold the same actors with the same aliases (per actor, in
 * order, with policies) and attributes. */
static void
assert_same_gazetteer (const ActnetGazetteer *a, const ActnetGazetteer *b)
{
  assert_int_equal (actnet_gazetteer_get_n_actors (a), actnet_gazetteer_get_n_actors (b));
  for (guint i = 0; i < actnet_gazetteer_get_n_actors (a); i++)
    {
      char *da = describe (a, i);
      char *db = describe (b, i);
      if (strcmp (da, db) != 0)
        fail_msg ("actor %u differs:\n  %s\n  %s", i, da, db);
      g_free (da);
      g_free (db);
    }
  assert_int_equal (actnet_gazetteer_get_n_aliases (a), actnet_gazetteer_get_n_aliases (b));
}

static void
test_round_trip (void **state)
{
  /* Every format into one gazetteer: the spaCy "libya" and "tripoli"
   * merge into the PETRARCH actors of the same id. */
  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  const char *const fixtures[] = {
    "tests/data/import-petrarch.actors", "tests/data/import-spacy.jsonl",
    "tests/data/import-gate/lists.def", "tests/data/import-places.csv",
    "tests/data/import-geonames.tsv",
  };
  GError *error = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      char *path = actnet_test_source_path (fixtures[i]);
      if (!actnet_gazetteer_load_file_format (gaz, path, ACTNET_GAZETTEER_FORMAT_AUTO, &error))
        fail_msg ("%s", error->message);
      g_free (path);
    }
  guint libya = actnet_gazetteer_lookup (gaz, "libya");
  assert_actor (gaz, libya,
                       "libya place 'Libya' [Libya|~Libya|~Libyan|~Tripoli|~Benghazi] "
                       "{cameo=LBY;spacy_label=GPE}");
  /* Values that need escapes, an exact alias. */
  guint odd = actnet_gazetteer_add_actor (gaz, "odd", "misc", "Odd One", &error);
  assert_true (actnet_gazetteer_add_alias (gaz, odd, "ODD", ACTNET_CASE_POLICY_EXACT, &error));
  actnet_gazetteer_set_attribute (gaz, odd, "note", "a;b\\c=d\te\nf");
  actnet_gazetteer_set_attribute (gaz, odd, "k=ey", "");

  char *dir = actnet_test_mkdtemp ();
  char *out = g_build_filename (dir, "all.tsv", NULL);
  assert_true (actnet_gazetteer_write_tsv (gaz, out, &error));
  g_autoptr (ActnetGazetteer) back = actnet_gazetteer_new ();
  if (!actnet_gazetteer_load_file (back, out, &error))
    fail_msg ("%s", error->message);
  assert_same_gazetteer (gaz, back);

  char *text = NULL;
  assert_true (g_file_get_contents (out, &text, NULL, NULL));
  assert_true (g_str_has_prefix (text, "id\ttype\tlabel\taliases\tattributes\n"
                                       "libya\tplace\tLibya\t~Libya|~Libyan|~Tripoli|~Benghazi\t"
                                       "cameo=LBY;spacy_label=GPE\n"));
  assert_non_null (strstr (text, "\nodd\tmisc\tOdd One\t=ODD\tnote=a\\;b\\\\c=d\\te\\nf;k\\=ey=\n"));
  g_free (text);

  /* Written again, the same bytes. */
  char *again = g_build_filename (dir, "again.tsv", NULL);
  assert_true (actnet_gazetteer_write_tsv (back, again, &error));
  char *a = NULL, *b = NULL;
  assert_true (g_file_get_contents (out, &a, NULL, NULL));
  assert_true (g_file_get_contents (again, &b, NULL, NULL));
  assert_string_equal (a, b);
  g_free (a);
  g_free (b);

  /* Without attributes there is no attributes column. */
  g_autoptr (ActnetGazetteer) plain = actnet_gazetteer_new ();
  assert_true (actnet_gazetteer_load_data (plain, "x\tplace\tX\tY|~z\n", -1, "p.tsv", &error));
  assert_true (actnet_gazetteer_write_tsv (plain, out, &error));
  assert_true (g_file_get_contents (out, &text, NULL, NULL));
  assert_string_equal (text, "id\ttype\tlabel\taliases\nx\tplace\tX\tY|~z\n");
  g_free (text);

  actnet_test_rmdir (dir);
  g_free (again);
  g_free (out);
  g_free (dir);
}

static void
test_write_errors (void **state)
{
  char *dir = actnet_test_mkdtemp ();
  char *out = actnet_test_write_file (dir, "keep.tsv", "previous\n", -1);
  GError *error = NULL;

  /* An alias with '|' cannot be written; the previous file stays. */
  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  guint a = actnet_gazetteer_add_actor (gaz, "a", "place", "A", &error);
  assert_true (actnet_gazetteer_add_alias (gaz, a, "B|C", ACTNET_CASE_POLICY_DEFAULT, &error));
  assert_false (actnet_gazetteer_write_tsv (gaz, out, &error));
  assert_int_equal (error->code, ACTNET_ERROR_INVALID_ARGUMENT);
  assert_string_equal (error->message,
                       "alias 'B|C' of 'a' holds '|', the alias separator, which the TSV format cannot hold");
  g_clear_error (&error);
  char *text = NULL;
  assert_true (g_file_get_contents (out, &text, NULL, NULL));
  assert_string_equal (text, "previous\n");
  g_free (text);

  g_autoptr (ActnetGazetteer) tab = actnet_gazetteer_new ();
  actnet_gazetteer_add_actor (tab, "#x", "place", "X", &error);
  assert_false (actnet_gazetteer_write_tsv (tab, out, &error));
  assert_string_equal (error->message,
                       "actor '#x': its id holds a leading '#', which the TSV format cannot hold");
  g_clear_error (&error);
  g_autoptr (ActnetGazetteer) tilde = actnet_gazetteer_new ();
  guint t = actnet_gazetteer_add_actor (tilde, "t", "place", "T", &error);
  actnet_gazetteer_add_alias (tilde, t, "~T", ACTNET_CASE_POLICY_DEFAULT, &error);
  assert_false (actnet_gazetteer_write_tsv (tilde, out, &error));
  assert_string_equal (error->message,
                       "alias '~T' of 't' holds a leading case-policy character, which the TSV "
                       "format cannot hold");
  g_clear_error (&error);

  /* An unwritable directory names the path. */
  char *bad = g_build_filename (dir, "no-such-dir", "x.tsv", NULL);
  g_autoptr (ActnetGazetteer) ok = actnet_gazetteer_new ();
  assert_false (actnet_gazetteer_write_tsv (ok, bad, &error));
  assert_true (error->domain == G_FILE_ERROR);
  assert_non_null (strstr (error->message, bad));
  g_clear_error (&error);

  actnet_test_rmdir (dir);
  g_free (bad);
  g_free (out);
  g_free (dir);
}

/* load_file_format: AUTO on a native file is load_file; an unreadable file
 * is a G_FILE_ERROR naming it; a failing import keeps nothing, merged
 * aliases included. */
static void
test_load_file_format (void **state)
{
  char *bundled = actnet_test_source_path ("data/gazetteers/libya.tsv");
  g_autoptr (ActnetGazetteer) one = actnet_gazetteer_new ();
  g_autoptr (ActnetGazetteer) two = actnet_gazetteer_new ();
  GError *error = NULL;
  assert_true (actnet_gazetteer_load_file (one, bundled, &error));
  assert_true (actnet_gazetteer_load_file_format (two, bundled, ACTNET_GAZETTEER_FORMAT_AUTO, &error));
  assert_same_gazetteer (one, two);

  assert_false (actnet_gazetteer_load_file_format (two, "/nonexistent/x.actors",
                                                   ACTNET_GAZETTEER_FORMAT_AUTO, &error));
  assert_true (error->domain == G_FILE_ERROR);
  assert_non_null (strstr (error->message, "/nonexistent/x.actors"));
  g_clear_error (&error);

  guint n_actors = actnet_gazetteer_get_n_actors (two);
  guint n_aliases = actnet_gazetteer_get_n_aliases (two);
  guint n_warnings = actnet_gazetteer_get_warnings (two)->len;
  ActnetImportOptions bad = { .columns = "label=name,id=nope" };
  assert_false (actnet_gazetteer_import_data (two, "name,id\nLibya,libya\n", -1, "x.csv",
                                              ACTNET_GAZETTEER_FORMAT_AUTO, &bad, &error));
  g_clear_error (&error);
  assert_false (actnet_gazetteer_import_data (two, "{\"label\": \"GPE\", \"pattern\": \"Jufra\", \"id\": \"libya\"}\n"
                                                   "{\"label\": \"GPE\", \"pattern\": \"Jufra\"}\nnope\n",
                                              -1, "x.jsonl", ACTNET_GAZETTEER_FORMAT_AUTO, NULL, &error));
  assert_true (g_str_has_prefix (error->message, "x.jsonl:3: not JSON: "));
  g_clear_error (&error);
  assert_int_equal (actnet_gazetteer_get_n_actors (two), n_actors);
  assert_int_equal (actnet_gazetteer_get_n_aliases (two), n_aliases);
  assert_int_equal (actnet_gazetteer_get_warnings (two)->len, n_warnings);
  assert_same_gazetteer (one, two);
  g_free (bundled);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_format_names),
    cmocka_unit_test (test_detect),
    cmocka_unit_test (test_petrarch_fixture),
    cmocka_unit_test (test_petrarch_details),
    cmocka_unit_test (test_petrarch_problems),
    cmocka_unit_test (test_petrarch_real),
    cmocka_unit_test (test_spacy_fixture),
    cmocka_unit_test (test_spacy_details),
    cmocka_unit_test (test_gate_fixture),
    cmocka_unit_test (test_gate_errors),
    cmocka_unit_test (test_csv_fixture),
    cmocka_unit_test (test_geonames_fixture),
    cmocka_unit_test (test_csv_options),
    cmocka_unit_test (test_cities_real),
    cmocka_unit_test (test_round_trip),
    cmocka_unit_test (test_write_errors),
    cmocka_unit_test (test_load_file_format),
  };
  return cmocka_run_group_tests_name ("import", tests, NULL, NULL);
}
