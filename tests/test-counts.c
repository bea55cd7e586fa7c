/* Partial counts files: round trip and validation (actnet-counts.h).
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"
#include <actnet/actnet.h>

#include "actnet-evidence-private.h"

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

static const ActnetWindow sentence = { ACTNET_WINDOW_SENTENCE, 0 };
static const ActnetWindow words = { ACTNET_WINDOW_WORDS, 20 };

/* Every test: the gazetteer abc, two scopes of its counts (fill()) and a
 * scratch directory. */
typedef struct {
  ActnetGazetteer *gazetteer;
  ActnetCooccur *scopes[2];
  char *dir;
} Fixture;

static int
setup (void **state)
{
  Fixture *fixture = g_new0 (Fixture, 1);
  fixture->gazetteer = make_gazetteer (abc);
  fixture->scopes[0] = actnet_cooccur_new (3, sentence);
  fixture->scopes[1] = actnet_cooccur_new (3, words);
  fill (fixture->scopes);
  fixture->dir = actnet_test_mkdtemp ();
  *state = fixture;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *fixture = *state;
  actnet_gazetteer_free (fixture->gazetteer);
  actnet_cooccur_free (fixture->scopes[0]);
  actnet_cooccur_free (fixture->scopes[1]);
  actnet_test_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture);
  return 0;
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
  Fixture *fixture = *state;
  const ActnetGazetteer *gazetteer = fixture->gazetteer;
  ActnetCooccur **scopes = fixture->scopes;
  const char *dir = fixture->dir;
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
}

/* @valid with @from replaced by @to must fail to read with @message,
 * the file's name first, and give nothing back. */
static void
expect_invalid (const char *dir, const ActnetGazetteer *gazetteer, const char *valid,
                const char *from, const char *to, const char *message)
{
  g_autofree char *bad = g_build_filename (dir, "bad.counts", NULL);
  assert_non_null (strstr (valid, from));
  GString *text = g_string_new (valid);
  g_string_replace (text, from, to, 1);
  assert_true (g_file_set_contents (bad, text->str, (gssize) text->len, NULL));
  g_string_free (text, TRUE);
  ActnetCooccur **read = NULL;
  guint n = 0;
  ActnetEvidence *evidence = NULL;
  GError *error = NULL;
  assert_false (actnet_counts_read_full (bad, gazetteer, &read, &n, &evidence, &error));
  assert_non_null (error);
  if (strstr (error->message, message) == NULL || !g_str_has_prefix (error->message, bad))
    fail_msg ("'%s' to '%s': '%s' lacks '%s'", from, to, error->message, message);
  assert_null (read);
  assert_null (evidence);
  assert_int_equal (n, 0);
  g_error_free (error);
}

/* Each case: a change to the valid file and the error it must give. */
static void
test_invalid (void **state)
{
  Fixture *fixture = *state;
  const ActnetGazetteer *gazetteer = fixture->gazetteer;
  ActnetCooccur **scopes = fixture->scopes;
  const char *dir = fixture->dir;
  static const char *const other_ids[] = { "alpha", "charlie", "bravo", NULL };
  g_autoptr (ActnetGazetteer) other = make_gazetteer (other_ids);
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
    { "actnet-counts 1\n", "actnet-counts 3\n", ":1: unsupported counts format version '3'" },
    { "actnet-counts 1\n", "actnet-counts 2\n", ":19: expected a 'evidence' line, not 'end'" },
    { "actnet-counts 1\n", "hello\n", ":1: not an actnet counts file" },
    { "end\t2\n", "", ":19: truncated file" },
    { "end\t2\n", "end\t2", ":19: truncated file: last line has no line break" },
    { "end\t2\n", "end\t3\n", ":19: 'end' counts 3 scopes" },
    { "end\t2\n", "end\t2\nx\n", ":20: data after the 'end' line" },
    { "end\t2\n", "\nend\t2\n", ":19: empty line where 'a', 'p', 'scope' or 'end' was expected" },
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
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    expect_invalid (dir, gazetteer, valid, cases[i].from, cases[i].to, cases[i].message);
  g_autofree char *missing = g_build_filename (dir, "missing.counts", NULL);
  assert_false (actnet_counts_read (missing, gazetteer, &read, &n, &error));
  assert_true (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_IO));
  g_clear_error (&error);

}

/* The number of the line of @text where @needle starts. (Not inlined:
 * GCC 12 then takes @text for a freed automatic and warns.) */
static G_GNUC_NO_INLINE guint
line_of (const char *text, const char *needle)
{
  const char *found = strstr (text, needle);
  assert_non_null (found);
  guint line = 1;
  for (gsize i = 0; i < (gsize) (found - text); i++)
    line += text[i] == '\n';
  return line;
}

/* Units of fill()'s first scope: (alpha, bravo) 1 of weight 1,
 * (alpha, charlie) 3 of weight 3, added out of order and in both actor
 * orders; the document between the two holds none. */
static ActnetEvidence *
make_evidence (const char *doc_a, const char *doc_b)
{
  ActnetEvidence *evidence = actnet_evidence_new ((ActnetWindow) { ACTNET_WINDOW_SENTENCE, 0 });
  guint a = actnet_i_evidence_add_document_id (evidence, doc_a, actnet_date_from_ymd (2011, 2, 21));
  actnet_i_evidence_add_document_id (evidence, "no units", ACTNET_DATE_NONE);
  guint b = actnet_i_evidence_add_document_id (evidence, doc_b, ACTNET_DATE_NONE);
  actnet_i_evidence_add_unit (evidence, 2, 0, b, 5, 9);
  actnet_i_evidence_add_unit (evidence, 0, 2, a, 30, 40);
  actnet_i_evidence_add_unit (evidence, 0, 2, a, 0, 12);
  actnet_i_evidence_add_unit (evidence, 1, 0, a, 0, 12);
  return evidence;
}

/* Version 2: the evidence section, escaped ids, a byte-identical round
 * trip, parts appended in order, and every check of the reader. */
static void
test_evidence (void **state)
{
  Fixture *fixture = *state;
  const ActnetGazetteer *gazetteer = fixture->gazetteer;
  ActnetCooccur **scopes = fixture->scopes;
  const char *dir = fixture->dir;
  g_autofree char *path = g_build_filename (dir, "e.counts", NULL);
  g_autofree char *again = g_build_filename (dir, "f.counts", NULL);
  /* A tab, a backslash, a line break, a control byte, a byte that is not
   * UTF-8 and a character that is. */
  g_autoptr (ActnetEvidence) evidence = make_evidence ("a\tb\\c\nd\001\377\303\251", "doc-b");
  assert_true (actnet_counts_write_full (scopes, 2, evidence, gazetteer, path, NULL));
  g_autofree char *text = slurp (path);
  assert_true (g_str_has_prefix (text, "actnet-counts 2\n"));
  assert_true (g_str_has_suffix (text, "evidence\t2\t4\n"
                                       "d\ta\\tb\\\\c\\nd\\x01\\xFF\303\251\t2011-02-21\n"
                                       "d\tdoc-b\t-\n"
                                       "u\talpha\tbravo\t0\t0\t12\n"
                                       "u\talpha\tcharlie\t0\t0\t12\n"
                                       "u\talpha\tcharlie\t0\t30\t40\n"
                                       "u\talpha\tcharlie\t1\t5\t9\n"
                                       "end\t2\n"));
  ActnetCooccur **read = NULL;
  guint n = 0;
  ActnetEvidence *back = NULL;
  GError *error = NULL;
  assert_true (actnet_counts_read_full (path, gazetteer, &read, &n, &back, &error));
  assert_null (error);
  assert_non_null (back);
  assert_int_equal (actnet_evidence_get_n_units (back, 2, 0), 3);
  ActnetDate day;
  assert_string_equal (actnet_i_evidence_get_document (back, 0, &day), "a\tb\\c\nd\001\377\303\251");
  assert_true (actnet_counts_write_full (read, n, back, gazetteer, again, NULL));
  g_autofree char *text2 = slurp (again);
  assert_string_equal (text, text2);
  actnet_evidence_free (back);
  /* The plain reader reads it too; a version 1 file has no evidence. */
  actnet_counts_scopes_free (read, n);
  assert_true (actnet_counts_read (path, gazetteer, &read, &n, NULL));
  actnet_counts_scopes_free (read, n);
  g_autofree char *plain = g_build_filename (dir, "p.counts", NULL);
  assert_true (actnet_counts_write (scopes, 2, gazetteer, plain, NULL));
  assert_true (actnet_counts_read_full (plain, gazetteer, &read, &n, &back, NULL));
  assert_null (back);
  actnet_counts_scopes_free (read, n);

  /* Two parts: the second's documents follow the first's. */
  ActnetCooccur *doubled[2] = { actnet_cooccur_new (3, sentence), actnet_cooccur_new (3, words) };
  fill (doubled);
  actnet_cooccur_merge (doubled[0], scopes[0]);
  actnet_cooccur_merge (doubled[1], scopes[1]);
  g_autoptr (ActnetEvidence) second = make_evidence ("doc-c", "doc-d");
  actnet_evidence_append (evidence, second);
  assert_true (actnet_counts_write_full (doubled, 2, evidence, gazetteer, again, NULL));
  g_autofree char *joined = slurp (again);
  assert_non_null (strstr (joined, "evidence\t4\t8\n"));
  assert_non_null (strstr (joined, "d\tdoc-b\t-\nd\tdoc-c\t2011-02-21\nd\tdoc-d\t-\n"));
  assert_non_null (strstr (joined, "u\talpha\tbravo\t0\t0\t12\nu\talpha\tbravo\t2\t0\t12\n"));
  assert_non_null (strstr (joined, "u\talpha\tcharlie\t1\t5\t9\nu\talpha\tcharlie\t2\t0\t12\n"));
  assert_true (actnet_counts_read_full (again, gazetteer, &read, &n, &back, &error));
  assert_null (error);
  actnet_evidence_free (back);
  actnet_counts_scopes_free (read, n);
  /* Evidence of another window than the first scope's is refused. */
  g_autoptr (ActnetEvidence) paragraphs = actnet_evidence_new ((ActnetWindow) { ACTNET_WINDOW_PARAGRAPH, 0 });
  assert_false (actnet_counts_write_full (scopes, 2, paragraphs, gazetteer, again, &error));
  assert_true (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT));
  g_clear_error (&error);

  struct { const char *from, *to, *message; } cases[] = {
    { "u\talpha\tcharlie\t1\t5\t9", "u\talpha\tcharlie\t2\t5\t9", ":25: document 2 of 2" },
    { "u\talpha\tcharlie\t1\t5\t9", "u\talpha\tcharlie\t1\t9\t5", ":25: unit starts at 9 after its end 5" },
    { "0\t30\t40\n", "0\t0\t11\n", ":24: unit out of order" },
    { "u\talpha\tbravo\t", "u\tbravo\tcharlie\t", ":22: units of pair 'bravo' 'charlie', which the first scope" },
    { "u\talpha\tcharlie\t0\t0\t12\n", "u\talpha\tbravo\t0\t0\t13\n", ":23: more units for pair 'alpha' 'bravo' than its weight 1" },
    { "u\talpha\tbravo\t", "u\tbravo\talpha\t", ":22: units of pair 'bravo' 'alpha'" },
    { "u\talpha\tbravo\t0\t0\t12", "u\talpha\tbravo\t0\t0", ":22: 'u' line with 4 fields" },
    { "u\talpha\tbravo\t0\t0\t12", "u\talpha\tbravo\t0\t0\t4294967296", ":22: end 4294967296 out of range" },
    { "d\tdoc-b", "d\tdoc\\q", ":21: invalid escape in document id 'doc\\q'" },
    { "d\tdoc-b", "d\tdoc\\x00", ":21: invalid escape" },
    { "d\tdoc-b\t-", "d\tdoc-b\t2011-13-01", ":21: invalid date '2011-13-01'" },
    { "evidence\t2\t4", "evidence\t2\t5", ":26: expected a 'u' line, not 'end'" },
    { "evidence\t2\t4", "evidence\t3\t4", ":22: expected a 'd' line, not 'u'" },
    { "u\talpha\tcharlie\t1\t5\t9\n", "", ":25: expected a 'u' line, not 'end'" },
    { "actnet-counts 2\n", "actnet-counts 1\n", ":19: expected a 'end' line, not 'evidence'" },
  };
  /* The messages' line numbers: the section starts at line 19. */
  assert_int_equal (line_of (text, "evidence\t"), 19);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    expect_invalid (dir, gazetteer, text, cases[i].from, cases[i].to, cases[i].message);

  actnet_cooccur_free (doubled[0]);
  actnet_cooccur_free (doubled[1]);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_round_trip, setup, teardown),
    cmocka_unit_test_setup_teardown (test_invalid, setup, teardown),
    cmocka_unit_test_setup_teardown (test_evidence, setup, teardown),
  };
  return cmocka_run_group_tests_name ("counts", tests, NULL, NULL);
}
