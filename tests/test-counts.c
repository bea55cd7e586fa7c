/* Partial counts files: round trip and validation (actnet-counts.h).
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"
#include <actnet/actnet.h>

#include <string.h>

static ActnetGazetteer *
make_gazetteer (const char *const *ids)
{
  ActnetGazetteer *gazetteer = actnet_gazetteer_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    assert_int_equal (actnet_gazetteer_add_actor (gazetteer, ids[i], "person", ids[i], NULL), i);
  return gazetteer;
}

static const char *const abc[] = { "alpha", "bravo", "charlie", NULL };

/* Two scopes with a dated pair, an undated pair and an actor without counts. */
static void
fill (ActnetCooccur **scopes)
{
  ActnetDate d1 = actnet_date_from_ymd (2011, 2, 21), d2 = actnet_date_from_ymd (2014, 8, 24);
  for (guint s = 0; s < 2; s++)
    {
      actnet_cooccur_add_totals (scopes[s], 5, 12, s == 0 ? 40 : 9, TRUE);
      actnet_cooccur_add_actor_counts (scopes[s], 0, 6, 3, 4, d1, d2);
      actnet_cooccur_add_actor_counts (scopes[s], 2, 4, 2, 3, ACTNET_DATE_NONE, ACTNET_DATE_NONE);
      actnet_cooccur_add_pair_counts (scopes[s], 2, 0, 3, 2, ACTNET_DATE_NONE, ACTNET_DATE_NONE);
    }
  actnet_cooccur_add_actor_counts (scopes[0], 1, 2, 1, 1, d1, d1);
  actnet_cooccur_add_pair_counts (scopes[0], 0, 1, 1, 1, d1, d1);
}

static char *
slurp (const char *path)
{
  char *text = NULL;
  assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
test_round_trip (void **state)
{
  (void) state;
  g_autoptr (ActnetGazetteer) gazetteer = make_gazetteer (abc);
  ActnetWindow sentence = { ACTNET_WINDOW_SENTENCE, 0 }, words = { ACTNET_WINDOW_WORDS, 20 };
  ActnetCooccur *scopes[2] = { actnet_cooccur_new (3, sentence), actnet_cooccur_new (3, words) };
  fill (scopes);
  g_autofree char *dir = actnet_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "a.counts", NULL);
  g_autofree char *again = g_build_filename (dir, "b.counts", NULL);
  assert_true (actnet_counts_write (scopes, 2, gazetteer, path, NULL));
  g_autofree char *text = slurp (path);
  assert_true (g_str_has_prefix (text, "actnet-counts 1\nwindows\tsentence,20\nactors\t3\n"
                                       "actor\talpha\nactor\tbravo\nactor\tcharlie\n"
                                       "scope\tsentence\ntotals\t5\t12\t40\t1\n"
                                       "a\talpha\t6\t3\t4\t2011-02-21\t2014-08-24\n"));
  assert_non_null (strstr (text, "p\talpha\tcharlie\t3\t2\t-\t-\n"));
  assert_true (g_str_has_suffix (text, "end\t2\n"));

  ActnetCooccur **read = NULL;
  guint n = 0;
  GError *error = NULL;
  assert_true (actnet_counts_read (path, gazetteer, &read, &n, &error));
  assert_null (error);
  assert_int_equal (n, 2);
  assert_true (actnet_window_equal (actnet_cooccur_get_window (read[1]), words));
  assert_int_equal (actnet_cooccur_get_n_units (read[0]), 40);
  assert_int_equal (actnet_cooccur_get_actor_units (read[0], 2), 3);
  assert_true (actnet_cooccur_has_dates (read[0]));
  ActnetDate first, last;
  assert_true (actnet_cooccur_get_pair_dates (read[0], 1, 0, &first, &last));
  assert_int_equal (first, actnet_date_from_ymd (2011, 2, 21));
  assert_true (actnet_cooccur_get_pair_dates (read[0], 0, 2, &first, &last));
  assert_int_equal (first, ACTNET_DATE_NONE);
  /* Same counts, same bytes. */
  assert_true (actnet_counts_write (read, n, gazetteer, again, NULL));
  g_autofree char *text2 = slurp (again);
  assert_string_equal (text, text2);
  /* Merging a part into itself doubles it. */
  actnet_cooccur_merge (read[0], scopes[0]);
  GArray *pairs = actnet_cooccur_get_pairs (read[0]);
  assert_int_equal (pairs->len, 2);
  assert_int_equal (g_array_index (pairs, ActnetPair, 1).weight, 6);
  g_array_unref (pairs);

  actnet_counts_scopes_free (read, n);
  actnet_cooccur_free (scopes[0]);
  actnet_cooccur_free (scopes[1]);
  actnet_test_rmdir (dir);
}

/* Each case: a change to the valid file and the error it must give. */
static void
test_invalid (void **state)
{
  (void) state;
  g_autoptr (ActnetGazetteer) gazetteer = make_gazetteer (abc);
  static const char *const other_ids[] = { "alpha", "charlie", "bravo", NULL };
  g_autoptr (ActnetGazetteer) other = make_gazetteer (other_ids);
  ActnetWindow sentence = { ACTNET_WINDOW_SENTENCE, 0 }, words = { ACTNET_WINDOW_WORDS, 20 };
  ActnetCooccur *scopes[2] = { actnet_cooccur_new (3, sentence), actnet_cooccur_new (3, words) };
  fill (scopes);
  g_autofree char *dir = actnet_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "a.counts", NULL);
  assert_true (actnet_counts_write (scopes, 2, gazetteer, path, NULL));
  g_autofree char *valid = slurp (path);

  ActnetCooccur **read = NULL;
  guint n = 0;
  GError *error = NULL;
  assert_false (actnet_counts_read (path, other, &read, &n, &error));
  assert_true (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_GAZETTEER));
  assert_non_null (strstr (error->message, ":5: actor 2 is 'bravo' here but 'charlie'"));
  assert_null (read);
  g_clear_error (&error);

  struct { const char *from, *to, *message; } cases[] = {
    { "actnet-counts 1\n", "actnet-counts 2\n", ":1: unsupported counts format version '2'" },
    { "actnet-counts 1\n", "hello\n", ":1: not an actnet counts file" },
    { "end\t2\n", "", ":19: truncated file" },
    { "end\t2\n", "end\t2", ":19: truncated file: last line has no line break" },
    { "end\t2\n", "end\t3\n", ":19: 'end' counts 3 scopes" },
    { "end\t2\n", "end\t2\nx\n", ":20: data after the 'end' line" },
    { "a\talpha\t6\t3\t4\t2011-02-21", "a\tzulu\t6\t3\t4\t2011-02-21", ":9: unknown actor 'zulu'" },
    { "totals\t5\t12\t40\t1", "totals\t5\t12\t4x\t1", ":8: invalid unit count '4x'" },
    { "totals\t5\t12\t40\t1", "totals\t5\t12\t-40\t1", ":8: invalid unit count '-40'" },
    { "totals\t5\t12\t40\t1", "totals\t5\t12\t40", ":8: 'totals' line with 3 fields" },
    { "2014-08-24", "2014-02-30", ":9: invalid date '2014-02-30'" },
    { "2011-02-21\t2014-08-24", "2014-08-24\t2011-02-21", ":9: first date 2014-08-24 after last" },
    { "p\talpha\tcharlie\t3\t2", "p\tcharlie\talpha\t3\t2", ":13: pair 'charlie' 'alpha' not in gazetteer order" },
    { "p\talpha\tcharlie\t3\t2", "p\talpha\tcharlie\t5\t2", ":13: pair 'alpha' 'charlie': weight 5" },
    { "scope\t20\n", "scope\tparagraph\n", ":14: scope 'paragraph' where the windows line announces '20'" },
    { "windows\tsentence,20", "windows\tsideways", ":2: invalid window 'sideways'" },
  };
  g_autofree char *bad = g_build_filename (dir, "bad.counts", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      assert_non_null (strstr (valid, cases[i].from));
      GString *text = g_string_new (valid);
      g_string_replace (text, cases[i].from, cases[i].to, 1);
      assert_true (g_file_set_contents (bad, text->str, (gssize) text->len, NULL));
      g_string_free (text, TRUE);
      assert_false (actnet_counts_read (bad, gazetteer, &read, &n, &error));
      assert_non_null (error);
      if (strstr (error->message, cases[i].message) == NULL
          || !g_str_has_prefix (error->message, bad))
        fail_msg ("case %u: '%s' lacks '%s'", i, error->message, cases[i].message);
      assert_null (read);
      assert_int_equal (n, 0);
      g_clear_error (&error);
    }
  g_autofree char *missing = g_build_filename (dir, "missing.counts", NULL);
  assert_false (actnet_counts_read (missing, gazetteer, &read, &n, &error));
  assert_true (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_IO));
  g_clear_error (&error);

  actnet_cooccur_free (scopes[0]);
  actnet_cooccur_free (scopes[1]);
  actnet_test_rmdir (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_round_trip),
    cmocka_unit_test (test_invalid),
  };
  return cmocka_run_group_tests_name ("counts", tests, NULL, NULL);
}
