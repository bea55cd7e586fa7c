/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"
#include <actnet/actnet.h>

/* Mentions from (start, word, actor) triples; end = start + 1. */
static GArray *
make_mentions (const guint (*triples)[3], guint n)
{
  GArray *mentions = g_array_new (FALSE, TRUE, sizeof (ActnetMention));
  for (guint i = 0; i < n; i++)
    {
      ActnetMention m = { .start = triples[i][0], .end = triples[i][0] + 1, .word = triples[i][1], .actor = triples[i][2] };
      g_array_append_val (mentions, m);
    }
  return mentions;
}

/* Two paragraphs: [0,100) with sentences [0,50) [50,100); [200,300) one sentence. */
static ActnetSegmentation *
make_segmentation (void)
{
  ActnetSegmentation *s = g_new0 (ActnetSegmentation, 1);
  s->paragraphs = g_array_new (FALSE, TRUE, sizeof (ActnetSpan));
  s->sentences = g_array_new (FALSE, TRUE, sizeof (ActnetSpan));
  ActnetSpan p[] = { { 0, 100, 0 }, { 200, 300, 1 } };
  ActnetSpan t[] = { { 0, 50, 0 }, { 50, 100, 0 }, { 200, 300, 1 } };
  g_array_append_vals (s->paragraphs, p, G_N_ELEMENTS (p));
  g_array_append_vals (s->sentences, t, G_N_ELEMENTS (t));
  return s;
}

/* Weight of pair (a, b), or 0. */
static guint64
pair_weight (const ActnetCooccur *c, guint a, guint b, guint64 *documents)
{
  g_autoptr (GArray) pairs = actnet_cooccur_get_pairs (c);
  for (guint i = 0; i < pairs->len; i++)
    {
      ActnetPair *p = &g_array_index (pairs, ActnetPair, i);
      if (p->a == MIN (a, b) && p->b == MAX (a, b))
        {
          if (documents != NULL)
            *documents = p->documents;
          return p->weight;
        }
    }
  return 0;
}

/* Actors 0..3. Sentence 0: 0 0 1; sentence 1: 1 2; paragraph 2: 0 3 2. */
static const guint doc_triples[][3] = {
  { 1, 0, 0 }, { 10, 3, 0 }, { 20, 6, 1 },
  { 60, 12, 1 }, { 70, 15, 2 },
  { 210, 40, 0 }, { 220, 43, 3 }, { 230, 50, 2 },
};

static ActnetCooccur *
count_with (ActnetWindowKind kind, guint words)
{
  ActnetWindow w = { kind, words };
  ActnetCooccur *c = actnet_cooccur_new (4, w);
  g_autoptr (GArray) m = make_mentions (doc_triples, G_N_ELEMENTS (doc_triples));
  g_autoptr (ActnetSegmentation) s = make_segmentation ();
  actnet_cooccur_add_document (c, m, s);
  return c;
}

static void
test_sentence_window (void **state)
{
  g_autoptr (ActnetCooccur) c = count_with (ACTNET_WINDOW_SENTENCE, 0);
  /* 0-1 once (sentence 0: the repeated 0 counts once), 1-2 (sentence 1),
   * 0-3, 0-2, 2-3 (sentence 2). */
  assert_int_equal (pair_weight (c, 0, 1, NULL), 1);
  assert_int_equal (pair_weight (c, 1, 2, NULL), 1);
  assert_int_equal (pair_weight (c, 0, 3, NULL), 1);
  assert_int_equal (pair_weight (c, 0, 2, NULL), 1);
  assert_int_equal (pair_weight (c, 2, 3, NULL), 1);
  assert_int_equal (pair_weight (c, 1, 3, NULL), 0);
  g_autoptr (GArray) pairs = actnet_cooccur_get_pairs (c);
  assert_int_equal (pairs->len, 5);
  assert_int_equal (actnet_cooccur_get_n_documents (c), 1);
  assert_int_equal (actnet_cooccur_get_n_mentions (c), 8);
  assert_int_equal (actnet_cooccur_get_actor_mentions (c, 0), 3);
  assert_int_equal (actnet_cooccur_get_actor_documents (c, 0), 1);
}

static void
test_paragraph_window (void **state)
{
  g_autoptr (ActnetCooccur) c = count_with (ACTNET_WINDOW_PARAGRAPH, 0);
  /* Paragraph 0 holds {0,1,2}; paragraph 1 holds {0,3,2}: 0-2 counts twice. */
  assert_int_equal (pair_weight (c, 0, 1, NULL), 1);
  assert_int_equal (pair_weight (c, 0, 2, NULL), 2);
  assert_int_equal (pair_weight (c, 1, 2, NULL), 1);
  assert_int_equal (pair_weight (c, 0, 3, NULL), 1);
  assert_int_equal (pair_weight (c, 2, 3, NULL), 1);
  assert_int_equal (pair_weight (c, 1, 3, NULL), 0);
}

static void
test_document_window (void **state)
{
  g_autoptr (ActnetCooccur) c = count_with (ACTNET_WINDOW_DOCUMENT, 0);
  g_autoptr (GArray) pairs = actnet_cooccur_get_pairs (c);
  assert_int_equal (pairs->len, 6); /* every pair of 4 actors, once */
  for (guint i = 0; i < pairs->len; i++)
    assert_int_equal (g_array_index (pairs, ActnetPair, i).weight, 1);
}

static void
test_word_window (void **state)
{
  /* Words: 0@0 0@3 1@6 | 1@12 2@15 | 0@40 3@43 2@50; window 4 words:
   * a pair counts when the later mention starts fewer than 4 words after. */
  g_autoptr (ActnetCooccur) c = count_with (ACTNET_WINDOW_WORDS, 4);
  assert_int_equal (pair_weight (c, 0, 1, NULL), 1); /* 0@3 - 1@6 */
  assert_int_equal (pair_weight (c, 1, 2, NULL), 1); /* 1@12 - 2@15 */
  assert_int_equal (pair_weight (c, 0, 3, NULL), 1); /* 0@40 - 3@43 */
  assert_int_equal (pair_weight (c, 2, 3, NULL), 0); /* 43 -> 50 is 7 words */
  assert_int_equal (pair_weight (c, 0, 2, NULL), 0);

  g_autoptr (ActnetCooccur) wide = count_with (ACTNET_WINDOW_WORDS, 10);
  /* Each anchor counts its distinct other actors once: 1@6 sees {0}, 1@12
   * sees 0@3 again (9 words back), so 0-1 has two units; 2@15 sees
   * two mentions of 1 but counts 1-2 once; 2@50 is exactly 10 words after
   * 0@40, outside the window. */
  assert_int_equal (pair_weight (wide, 0, 1, NULL), 2);
  assert_int_equal (pair_weight (wide, 1, 2, NULL), 1);
  assert_int_equal (pair_weight (wide, 2, 3, NULL), 1);
  assert_int_equal (pair_weight (wide, 0, 2, NULL), 0);
}

static void
test_documents_and_merge (void **state)
{
  ActnetWindow w = { ACTNET_WINDOW_SENTENCE, 0 };
  g_autoptr (ActnetCooccur) a = actnet_cooccur_new (4, w);
  g_autoptr (ActnetCooccur) b = actnet_cooccur_new (4, w);
  g_autoptr (GArray) m = make_mentions (doc_triples, G_N_ELEMENTS (doc_triples));
  g_autoptr (ActnetSegmentation) s = make_segmentation ();
  actnet_cooccur_add_document (a, m, s);
  actnet_cooccur_add_document (a, m, s);
  actnet_cooccur_add_document (b, m, s);

  guint64 documents = 0;
  assert_int_equal (pair_weight (a, 0, 2, &documents), 2);
  assert_int_equal (documents, 2);
  assert_int_equal (actnet_cooccur_get_actor_documents (a, 3), 2);

  actnet_cooccur_merge (a, b);
  assert_int_equal (pair_weight (a, 0, 2, &documents), 3);
  assert_int_equal (documents, 3);
  assert_int_equal (actnet_cooccur_get_n_documents (a), 3);
  assert_int_equal (actnet_cooccur_get_n_mentions (a), 24);
  assert_int_equal (actnet_cooccur_get_actor_mentions (a, 0), 9);
}

static void
test_empty_document_and_many_pairs (void **state)
{
  ActnetWindow w = { ACTNET_WINDOW_DOCUMENT, 0 };
  g_autoptr (ActnetCooccur) c = actnet_cooccur_new (300, w);
  g_autoptr (GArray) none = g_array_new (FALSE, TRUE, sizeof (ActnetMention));
  actnet_cooccur_add_document (c, none, NULL);
  assert_int_equal (actnet_cooccur_get_n_documents (c), 1);

  /* 300 actors in one document: 44850 pairs, forcing the table to grow. */
  g_autoptr (GArray) all = g_array_new (FALSE, TRUE, sizeof (ActnetMention));
  for (guint i = 0; i < 300; i++)
    {
      ActnetMention m = { .start = i * 2, .end = i * 2 + 1, .word = i, .actor = 299 - i };
      g_array_append_val (all, m);
    }
  actnet_cooccur_add_document (c, all, NULL);
  g_autoptr (GArray) pairs = actnet_cooccur_get_pairs (c);
  assert_int_equal (pairs->len, 300 * 299 / 2);
  for (guint i = 1; i < pairs->len; i++)
    {
      ActnetPair *p = &g_array_index (pairs, ActnetPair, i - 1);
      ActnetPair *q = &g_array_index (pairs, ActnetPair, i);
      assert_true (p->a < p->b);
      assert_true (p->a < q->a || (p->a == q->a && p->b < q->b));
    }
}

static void
test_window_parse (void **state)
{
  ActnetWindow w;
  GError *error = NULL;
  assert_true (actnet_window_parse ("paragraph", &w, &error));
  assert_int_equal (w.kind, ACTNET_WINDOW_PARAGRAPH);
  assert_true (actnet_window_parse ("25", &w, &error));
  assert_int_equal (w.kind, ACTNET_WINDOW_WORDS);
  assert_int_equal (w.words, 25);
  g_autofree char *text = actnet_window_to_string (w);
  assert_string_equal (text, "25 words");
  assert_false (actnet_window_parse ("0", &w, &error));
  assert_true (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT));
  g_clear_error (&error);
  assert_false (actnet_window_parse ("sentences", &w, &error));
  assert_non_null (strstr (error->message, "sentences"));
  g_clear_error (&error);
}

/* N and c_a for every scope on doc_triples (hand-counted):
 *   sentence: 3 sentences; 0 in s0, s2; 1 in s0, s1; 2 in s1, s2; 3 in s2.
 *   paragraph: 2 paragraphs {0,1,2} and {0,3,2}.
 *   document: 1 unit holding all four.
 *   5 words: 8 anchors; units {0} {0} {1,0} {1} {2,1} {0} {3,0} {2}. */
static void
test_marginals (void **state)
{
  static const struct {
    ActnetWindowKind kind;
    guint words;
    guint64 n, c[4];
  } cases[] = {
    { ACTNET_WINDOW_SENTENCE, 0, 3, { 2, 2, 2, 1 } },
    { ACTNET_WINDOW_PARAGRAPH, 0, 2, { 2, 1, 2, 1 } },
    { ACTNET_WINDOW_DOCUMENT, 0, 1, { 1, 1, 1, 1 } },
    { ACTNET_WINDOW_WORDS, 5, 8, { 5, 3, 2, 1 } },
  };
  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr (ActnetCooccur) c = count_with (cases[k].kind, cases[k].words);
      assert_int_equal (actnet_cooccur_get_n_units (c), cases[k].n);
      for (guint a = 0; a < 4; a++)
        assert_int_equal (actnet_cooccur_get_actor_units (c, a), cases[k].c[a]);
      /* Every pair within the marginals of both actors. */
      g_autoptr (GArray) pairs = actnet_cooccur_get_pairs (c);
      for (guint i = 0; i < pairs->len; i++)
        {
          ActnetPair *p = &g_array_index (pairs, ActnetPair, i);
          assert_true (p->weight <= actnet_cooccur_get_actor_units (c, p->a));
          assert_true (p->weight <= actnet_cooccur_get_actor_units (c, p->b));
        }
    }
  /* 5 words: only 0-1 (anchor 2), 1-2 (anchor 4), 0-3 (anchor 6). */
  g_autoptr (ActnetCooccur) w = count_with (ACTNET_WINDOW_WORDS, 5);
  g_autoptr (GArray) pairs = actnet_cooccur_get_pairs (w);
  assert_int_equal (pairs->len, 3);
  assert_int_equal (pair_weight (w, 0, 1, NULL), 1);
  assert_int_equal (pair_weight (w, 1, 2, NULL), 1);
  assert_int_equal (pair_weight (w, 0, 3, NULL), 1);

  /* Units without a mention count in N; a document without mentions
   * anchors no word window. Merging adds N and c_a. */
  g_autoptr (GArray) none = g_array_new (FALSE, TRUE, sizeof (ActnetMention));
  g_autoptr (ActnetSegmentation) seg = make_segmentation ();
  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr (ActnetCooccur) c = count_with (cases[k].kind, cases[k].words);
      ActnetWindow window = { cases[k].kind, cases[k].words };
      g_autoptr (ActnetCooccur) empty = actnet_cooccur_new (4, window);
      actnet_cooccur_add_document (empty, none, seg);
      const guint64 empty_n[] = { 3, 2, 1, 0 };
      assert_int_equal (actnet_cooccur_get_n_units (empty), empty_n[k]);
      actnet_cooccur_merge (c, empty);
      actnet_cooccur_merge (c, empty);
      assert_int_equal (actnet_cooccur_get_n_units (c), cases[k].n + 2 * empty_n[k]);
      g_autoptr (ActnetCooccur) twice = count_with (cases[k].kind, cases[k].words);
      g_autoptr (ActnetCooccur) other = count_with (cases[k].kind, cases[k].words);
      actnet_cooccur_merge (twice, other);
      for (guint a = 0; a < 4; a++)
        assert_int_equal (actnet_cooccur_get_actor_units (twice, a), 2 * cases[k].c[a]);
    }
}

static void
test_window_list (void **state)
{
  GError *error = NULL;
  g_autoptr (GArray) list = actnet_window_list_parse ("sentence, paragraph,document,20", &error);
  g_assert_no_error (error);
  assert_int_equal (list->len, 4);
  const char *names[] = { "w_sentence", "w_paragraph", "w_document", "w_20words" };
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = actnet_window_attribute_name (g_array_index (list, ActnetWindow, i));
      assert_string_equal (name, names[i]);
    }
  assert_int_equal (g_array_index (list, ActnetWindow, 3).words, 20);
  const char *bad[] = { "", "sentence,", "sentence,sentence", "20,20", "sentence,bogus" };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      assert_null (actnet_window_list_parse (bad[i], &error));
      assert_true (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT));
      g_clear_error (&error);
    }
  g_autoptr (GArray) two = actnet_window_list_parse ("20,10", &error);
  assert_int_equal (two->len, 2);
  ActnetWindow p = { ACTNET_WINDOW_PARAGRAPH, 3 }, q = { ACTNET_WINDOW_PARAGRAPH, 0 };
  assert_true (actnet_window_equal (p, q));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_sentence_window),
    cmocka_unit_test (test_paragraph_window),
    cmocka_unit_test (test_document_window),
    cmocka_unit_test (test_word_window),
    cmocka_unit_test (test_documents_and_merge),
    cmocka_unit_test (test_empty_document_and_many_pairs),
    cmocka_unit_test (test_window_parse),
    cmocka_unit_test (test_marginals),
    cmocka_unit_test (test_window_list),
  };
  return cmocka_run_group_tests_name ("cooccur", tests, NULL, NULL);
}
