/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"
#include <actnet/actnet.h>

#include <string.h>

static void
assert_parses (const char *text, const char *iso)
{
  ActnetDate date = actnet_date_parse (text);
  g_autofree char *got = actnet_date_to_iso (date);
  if (g_strcmp0 (got, iso) != 0)
    fail_msg ("\"%s\": got \"%s\", expected \"%s\"", text, got, iso);
}

/* The ISO form is written by hand (two per graph edge): it must be
 * printf's, on every day of years 0 to 9999 and past them. */
static void
test_iso_matches_printf (void **state)
{
  (void) state;
  ActnetDate first = actnet_date_from_ymd (-2, 1, 1);
  ActnetDate last = actnet_date_from_ymd (10001, 12, 31);
  /* Every fifth day: each day of the month, month and year boundary comes
   * round (a full sweep is slow under valgrind). */
  for (ActnetDate date = first; date <= last; date += 5)
    {
      int y, m, d;
      actnet_date_to_ymd (date, &y, &m, &d);
      g_autofree char *expected = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
      g_autofree char *got = actnet_date_to_iso (date);
      if (strcmp (got, expected) != 0)
        fail_msg ("day %d: got \"%s\", expected \"%s\"", (int) date, got, expected);
    }
  g_autofree char *none = actnet_date_to_iso (ACTNET_DATE_NONE);
  assert_string_equal (none, "");
}

static void
test_ymd (void **state)
{
  (void) state;
  assert_int_equal (actnet_date_from_ymd (1970, 1, 1), 0);
  assert_int_equal (actnet_date_from_ymd (2011, 7, 5), 15160);
  int y, m, d;
  actnet_date_to_ymd (-1, &y, &m, &d);
  assert_true (y == 1969 && m == 12 && d == 31);
  assert_int_equal (actnet_date_days_in_month (2000, 2), 29);
  assert_int_equal (actnet_date_days_in_month (1900, 2), 28);
  assert_int_equal (actnet_date_days_in_month (2011, 13), 0);
}

static void
test_parse_valid (void **state)
{
  (void) state;
  assert_parses ("2011-07-05", "2011-07-05");
  assert_parses ("2011-07-05T10:00:00Z", "2011-07-05");
  assert_parses ("2011-07-05T23:59:59.123+02:00", "2011-07-05");
  assert_parses ("2011-07-05T10:00:00-0500", "2011-07-05");
  assert_parses ("2011-07-05 10:00", "2011-07-05");
  assert_parses ("2011/07/05", "2011-07-05");
  assert_parses ("2011/7/5", "2011-07-05");
  assert_parses ("5 July 2011", "2011-07-05");
  assert_parses ("5 Jul 2011", "2011-07-05");
  assert_parses ("5 jul. 2011", "2011-07-05");
  assert_parses ("5th July, 2011", "2011-07-05");
  assert_parses ("July 5, 2011", "2011-07-05");
  assert_parses ("July 5 2011", "2011-07-05");
  assert_parses ("Jul. 5, 2011", "2011-07-05");
  assert_parses ("JULY 5, 2011", "2011-07-05");
  assert_parses ("December 22, 2015", "2015-12-22");
  assert_parses ("March 09, 2016", "2016-03-09");
  assert_parses ("Sept 1, 2011", "2011-09-01");
  assert_parses ("Sept. 1, 2011", "2011-09-01");
  assert_parses ("1 Sep 2011", "2011-09-01");
  assert_parses ("26-FEB-1987 15:01:01.79", "1987-02-26");
  assert_parses ("26-FEB-1987", "1987-02-26");
  assert_parses ("  29 February 2012\n", "2012-02-29");
  assert_parses ("Tuesday, 5 July 2011", "2011-07-05");
  assert_parses ("Tue, July 5, 2011", "2011-07-05");
}

static void
test_parse_invalid (void **state)
{
  (void) state;
  const char *bad[] = {
    "", " ", "2011", "2011-07", "2011-7-5", "2011-13-01", "2011-00-10", "2011-04-31",
    "2011-02-29", "1900-02-29", "2011-07-05x", "2011-07-05T25:00", "2011-07-05/", "2011/07-05",
    "31 April 2011", "30 February 2012", "0 July 2011", "5 July 11", "5 July", "July 2011",
    "Ju 5, 2011", "Julyy 5, 2011", "Sep. 31, 2011", "05.07.2011", "5/7/2011", "07/05/2011",
    "5 July 2011 or later", "July 5,, 2011", "26-FEB-87", "26 FEB-1987", "Funday, 5 July 2011",
    "5 Jully 2011", "123 July 2011", "20111-07-05", "5 July 20111", "July 5",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    if (actnet_date_parse (bad[i]) != ACTNET_DATE_NONE)
      fail_msg ("\"%s\" parsed as a date", bad[i]);
}

static void
assert_finds (const char *text, const char *iso, gsize offset)
{
  ActnetDate date = ACTNET_DATE_NONE;
  gsize at = G_MAXSIZE;
  if (!actnet_date_find (text, strlen (text), &date, &at))
    fail_msg ("no date found in \"%s\"", text);
  g_autofree char *got = actnet_date_to_iso (date);
  if (g_strcmp0 (got, iso) != 0 || at != offset)
    fail_msg ("\"%s\": got %s at %zu, expected %s at %zu", text, got, at, iso, offset);
}

static void
test_find (void **state)
{
  (void) state;
  assert_finds ("Tripoli, 19 March 2011 - Forces loyal to", "2011-03-19", 9);
  assert_finds ("Global Research, December 22, 2015\n\nText", "2015-12-22", 17);
  assert_finds ("By Jane Roe | May 20, 2014 | 4 min read", "2014-05-20", 14);
  assert_finds ("BENGHAZI (Reuters) 2011-03-19 - Rebels", "2011-03-19", 19);
  assert_finds ("Posted 2011-03-19T08:00:00Z by staff", "2011-03-19", 7);
  assert_finds ("On March 18, the day before, and on 19 March 2011", "2011-03-19", 36);
  assert_finds ("In 2011 and 2012, then on Jul. 5, 2013.", "2013-07-05", 26);
  assert_finds ("é 5 July 2011", "2011-07-05", 3);
  ActnetDate date = 42;
  gsize offset = 7;
  const char *none[] = {
    "", "No date here at all.", "x2011-07-05", "2011-07-05x", "A5 July 2011", "31 April 2011",
    "July 5, 20111", "March 18, the day before", "05.07.2011", "é5 July 2011",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (none); i++)
    if (actnet_date_find (none[i], strlen (none[i]), &date, &offset))
      fail_msg ("found a date in \"%s\"", none[i]);
  assert_int_equal (date, 42);
  assert_int_equal (offset, 7);
  /* Only @length bytes are read: the year is cut off. */
  assert_false (actnet_date_find ("5 July 2011", 9, &date, NULL));
  assert_true (actnet_date_find ("5 July 2011", 11, &date, NULL));
}

/* Every document of @inputs dated under @options: "ID=DATE" lines. */
static char *
read_dates (const char *const *inputs, const ActnetDatingOptions *options, GError **error,
            GPtrArray **warnings)
{
  g_autoptr (ActnetCorpusReader) reader = actnet_corpus_reader_new (inputs);
  if (options != NULL && !actnet_corpus_reader_set_dating (reader, options, error))
    return NULL;
  GString *out = g_string_new (NULL);
  for (;;)
    {
      g_autoptr (ActnetDocument) document = actnet_corpus_reader_next (reader, error);
      if (document == NULL)
        break;
      g_autofree char *iso = actnet_date_to_iso (document->day);
      g_string_append_printf (out, "%s=%s\n", document->id, iso);
    }
  if (warnings != NULL)
    {
      const GPtrArray *list = actnet_corpus_reader_get_warnings (reader);
      *warnings = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < list->len; i++)
        g_ptr_array_add (*warnings, g_strdup (g_ptr_array_index (list, i)));
    }
  return g_string_free (out, FALSE);
}

static void
test_reader_modes (void **state)
{
  (void) state;
  g_autofree char *dir = actnet_test_mkdtemp ();
  g_autofree char *a = actnet_test_write_file (dir, "a.md",
                                               "# Title\n\nBy [Jane Roe](http://x/2001-01-01)\n"
                                               "Tripoli, 19 March 2011\n\nBody May 29, 2007.\n", -1);
  g_autofree char *b = actnet_test_write_file (dir, "b.txt", "No date.\n", -1);
  /* The date on the 11th non-blank line is beyond the head. */
  GString *late = g_string_new (NULL);
  for (int i = 0; i < 10; i++)
    g_string_append_printf (late, "line %d\n\n", i);
  g_string_append (late, "5 July 2011\n");
  g_autofree char *c = actnet_test_write_file (dir, "c.txt", late->str, -1);
  g_string_free (late, TRUE);
  /* Beyond 600 bytes on the first line. */
  g_autofree char *padding = g_strnfill (600, 'x');
  g_autofree char *long_text = g_strconcat (padding, " 5 July 2011\n", NULL);
  g_autofree char *d = actnet_test_write_file (dir, "d.txt", long_text, -1);
  g_autofree char *j = actnet_test_write_file (
    dir, "e.jsonl",
    "{\"id\":\"r1\",\"text\":\"x\",\"date\":\"26-FEB-1987 15:01:01.79\",\"pub\":\"2011-07-05\"}\n"
    "{\"id\":\"r2\",\"text\":\"On 5 July 2011 x\",\"date\":\"sometime\"}\n"
    "{\"id\":\"r3\",\"text\":\"x\",\"date\":\"31-APR-1987\"}\n"
    "{\"id\":\"r4\",\"text\":\"x\"}\n", -1);
  const char *inputs[] = { dir, NULL };
  GError *error = NULL;

  g_autofree char *byfield = read_dates (inputs, NULL, &error, NULL);
  assert_null (error);
  g_autofree char *expected_field = g_strdup_printf ("%s=\n%s=\n%s=\n%s=\nr1=1987-02-26\nr2=\nr3=\nr4=\n",
                                                     a, b, c, d);
  assert_string_equal (byfield, expected_field);

  ActnetDatingOptions options = ACTNET_DATING_OPTIONS_INIT;
  options.mode = ACTNET_DATING_AUTO;
  g_autoptr (GPtrArray) warnings = NULL;
  g_autofree char *byauto = read_dates (inputs, &options, &error, &warnings);
  assert_null (error);
  g_autofree char *expected_auto = g_strdup_printf ("%s=2011-03-19\n%s=\n%s=\n%s=\nr1=1987-02-26\nr2=\nr3=\nr4=\n",
                                                    a, b, c, d);
  assert_string_equal (byauto, expected_auto);
  assert_int_equal (warnings->len, 1);
  g_autofree char *warning = g_strdup_printf ("%s: 2 dates not understood in \"date\", left undated "
                                              "(first at line 2: \"sometime\")", j);
  assert_string_equal (g_ptr_array_index (warnings, 0), warning);

  options.mode = ACTNET_DATING_FIELD;
  options.field = "pub";
  const char *jsonl[] = { j, NULL };
  g_autofree char *bypub = read_dates (jsonl, &options, &error, NULL);
  assert_string_equal (bypub, "r1=2011-07-05\nr2=\nr3=\nr4=\n");

  options.mode = ACTNET_DATING_NONE;
  options.field = NULL;
  g_autofree char *bynone = read_dates (jsonl, &options, &error, NULL);
  assert_string_equal (bynone, "r1=\nr2=\nr3=\nr4=\n");
  actnet_test_rmdir (dir);
}

static void
test_dates_file (void **state)
{
  (void) state;
  g_autofree char *dir = actnet_test_mkdtemp ();
  g_autofree char *a = actnet_test_write_file (dir, "a.txt", "Tripoli, 19 March 2011\n", -1);
  g_autofree char *b = actnet_test_write_file (dir, "b.txt", "Nothing.\n", -1);
  g_autofree char *j = actnet_test_write_file (dir, "c.jsonl",
                                               "{\"id\":\"r1\",\"text\":\"x\",\"date\":\"1987-02-26\"}\n"
                                               "{\"id\":\"r2\",\"text\":\"x\"}\n", -1);
  g_autofree char *csv_text = g_strdup_printf ("\xEF\xBB\xBFpath,date\r\n%s,2012-01-02\r\n\n"
                                               "b.txt,\"December 22, 2015\"\nr1 , 1 May 1990\n", a);
  g_autofree char *csv = actnet_test_write_file (dir, "dates.csv", csv_text, -1);
  ActnetDatingOptions options = { ACTNET_DATING_AUTO, NULL, csv };
  const char *inputs[] = { a, b, j, NULL };
  GError *error = NULL;
  g_autofree char *got = read_dates (inputs, &options, &error, NULL);
  assert_null (error);
  g_autofree char *expected = g_strdup_printf ("%s=2012-01-02\n%s=2015-12-22\nr1=1990-05-01\nr2=\n", a, b);
  assert_string_equal (got, expected);

  struct { const char *text; const char *message; } bad[] = {
    { "path,date\nx.txt,2011-02-30\n", "%s:2: not a date: \"2011-02-30\"" },
    { "x.txt\n", "%s:1: expected two fields, path,date" },
    { "x.txt,2011-01-01,3\n", "%s:1: expected two fields, path,date" },
    { "\n\"x.txt,2011-01-01\n", "%s:2: expected two fields, path,date" },
    { ",2011-01-01\n", "%s:1: empty path" },
    { "x.txt,2011-01-01\nx.txt,2011-01-02\n", "%s:2: \"x.txt\" already has another date" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = actnet_test_write_file (dir, "bad.csv", bad[i].text, -1);
      options.dates_file = path;
      g_autoptr (ActnetCorpusReader) reader = actnet_corpus_reader_new (inputs);
      assert_false (actnet_corpus_reader_set_dating (reader, &options, &error));
      g_auto (GStrv) parts = g_strsplit (bad[i].message, "%s", 2);
      g_autofree char *message = g_strconcat (parts[0], path, parts[1], NULL);
      assert_non_null (error);
      assert_string_equal (error->message, message);
      g_clear_error (&error);
    }
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  options.dates_file = missing;
  g_autoptr (ActnetCorpusReader) reader = actnet_corpus_reader_new (inputs);
  assert_false (actnet_corpus_reader_set_dating (reader, &options, &error));
  g_autofree char *message = g_strdup_printf ("%s: No such file or directory", missing);
  assert_string_equal (error->message, message);
  g_clear_error (&error);
  actnet_test_rmdir (dir);
}

static void
test_real_articles (void **state)
{
  (void) state;
  g_autofree char *dir = actnet_test_shared_path ("corpus/libya");
  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    skip ();
  ActnetDatingOptions options = { ACTNET_DATING_AUTO, NULL, NULL };
  const char *inputs[] = { dir, NULL };
  GError *error = NULL;
  g_autofree char *got = read_dates (inputs, &options, &error, NULL);
  assert_null (error);
  g_autofree char *expected = g_strdup_printf (
    "%s/2011-07-05-stalemate.txt=2011-07-05\n%s/2015-12-21-war-against-isis.txt=2015-12-22\n"
    "%s/2016-03-09-western-powers.txt=2016-03-09\n%s/2019-04-21-haftar-tripoli.txt=2019-04-21\n",
    dir, dir, dir, dir);
  assert_string_equal (got, expected);
}

static void
test_pipeline_undated (void **state)
{
  (void) state;
  g_autofree char *dir = actnet_test_mkdtemp ();
  g_autofree char *gaz = actnet_test_write_file (dir, "g.tsv", "id\ttype\tlabel\taliases\n"
                                                 "a\tPER\tAlpha\t\nb\tPER\tBeta\t\n", -1);
  g_autofree char *j = actnet_test_write_file (
    dir, "c.jsonl",
    "{\"id\":\"r1\",\"text\":\"Alpha met Beta.\",\"date\":\"2011-03-19\"}\n"
    "{\"id\":\"r2\",\"text\":\"Alpha met Beta.\",\"date\":\"soon\"}\n"
    "{\"id\":\"r3\",\"text\":\"Alpha met Beta.\"}\n"
    "{\"id\":\"r4\",\"text\":\"Beta.\",\"date\":\"2011-07-05\"}\n", -1);
  GError *error = NULL;
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  assert_true (actnet_gazetteer_load_file (gazetteer, gaz, &error));
  g_autoptr (ActnetMatcher) matcher = actnet_matcher_new (gazetteer, &error);
  assert_non_null (matcher);
  ActnetWindow window = { ACTNET_WINDOW_SENTENCE, 0 };
  const char *inputs[] = { j, NULL };
  ActnetDatingOptions dating = ACTNET_DATING_OPTIONS_INIT;
  g_auto (ActnetDatingStats) stats = { 0 };
  g_autoptr (GPtrArray) scopes = actnet_pipeline_count_scopes_dated (matcher, inputs, &window, 1,
                                                                     NULL, NULL, NULL, NULL,
                                                                     &dating, &stats, NULL, &error);
  assert_non_null (scopes);
  /* Undated documents are counted all the same. */
  assert_int_equal (actnet_cooccur_get_n_documents (g_ptr_array_index (scopes, 0)), 4);
  assert_int_equal (stats.n_documents, 4);
  assert_int_equal (stats.n_undated, 2);
  assert_int_equal (stats.undated_ids->len, 2);
  assert_string_equal (g_ptr_array_index (stats.undated_ids, 0), "r2");
  assert_string_equal (g_ptr_array_index (stats.undated_ids, 1), "r3");
  assert_int_equal (stats.warnings->len, 1);
  g_autofree char *first = actnet_date_to_iso (stats.first);
  g_autofree char *last = actnet_date_to_iso (stats.last);
  assert_string_equal (first, "2011-03-19");
  assert_string_equal (last, "2011-07-05");
  /* A bad dates file fails before anything is read. */
  dating.dates_file = gaz;
  g_autoptr (GPtrArray) none = actnet_pipeline_count_scopes_dated (matcher, inputs, &window, 1,
                                                                   NULL, NULL, NULL, NULL,
                                                                   &dating, &stats, NULL, &error);
  assert_null (none);
  g_autofree char *message = g_strdup_printf ("%s:1: expected two fields, path,date", gaz);
  assert_string_equal (error->message, message);
  g_clear_error (&error);
  assert_int_equal (stats.n_undated, 2);
  actnet_test_rmdir (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_ymd),
    cmocka_unit_test (test_iso_matches_printf),
    cmocka_unit_test (test_parse_valid),
    cmocka_unit_test (test_parse_invalid),
    cmocka_unit_test (test_find),
    cmocka_unit_test (test_reader_modes),
    cmocka_unit_test (test_dates_file),
    cmocka_unit_test (test_real_articles),
    cmocka_unit_test (test_pipeline_undated),
  };
  return cmocka_run_group_tests_name ("dates", tests, NULL, NULL);
}
