/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"
#include <actnet/actnet.h>

#include <string.h>

/* Spans as "start-end" words joined by spaces, for exact comparison. */
static char *
spans_string (const GArray *spans, gboolean with_paragraph)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < spans->len; i++)
    {
      const ActnetSpan *span = &g_array_index (spans, ActnetSpan, i);
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append_printf (s, "%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT, span->start, span->end);
      if (with_paragraph)
        g_string_append_printf (s, "@%u", span->paragraph);
    }
  return g_string_free (s, FALSE);
}

/* The sentences of @text as their texts joined by " | ". */
static char *
sentence_texts (const char *text, const GArray *mentions)
{
  ActnetSegmentation *seg = actnet_segment (text, strlen (text), mentions);
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < seg->sentences->len; i++)
    {
      const ActnetSpan *span = &g_array_index (seg->sentences, ActnetSpan, i);
      if (i > 0)
        g_string_append (s, " | ");
      g_string_append_len (s, text + span->start, (gssize) (span->end - span->start));
    }
  actnet_segmentation_free (seg);
  return g_string_free (s, FALSE);
}

#define assert_sentences(text, expected)              \
  do {                                                \
    char *got_ = sentence_texts ((text), NULL);       \
    assert_string_equal (got_, (expected));           \
    g_free (got_);                                    \
  } while (0)

static void
assert_segmentation (const ActnetSegmentation *seg, const char *paragraphs,
                     const char *sentences)
{
  char *p = spans_string (seg->paragraphs, TRUE);
  char *s = spans_string (seg->sentences, TRUE);
  assert_string_equal (p, paragraphs);
  assert_string_equal (s, sentences);
  g_free (p);
  g_free (s);
}

static GArray *
mentions_of (const gsize *bounds, guint n)
{
  GArray *mentions = g_array_new (FALSE, TRUE, sizeof (ActnetMention));
  for (guint i = 0; i < n; i++)
    {
      ActnetMention m = { .start = bounds[2 * i], .end = bounds[2 * i + 1] };
      g_array_append_val (mentions, m);
    }
  return mentions;
}

/* ------------------------------------------------------------------ */

static void
test_paragraphs (void **state)
{
  const char *text = "First para.\nStill first.\n\n  Second para.  \n \t\n\nThird";
  ActnetSegmentation *seg = actnet_segment (text, strlen (text), NULL);
  assert_segmentation (seg, "0-24@0 28-40@1 47-52@2",
                       "0-11@0 12-24@0 28-40@1 47-52@2");
  actnet_segmentation_free (seg);
}

static void
test_empty_and_blank (void **state)
{
  ActnetSegmentation *seg = actnet_segment ("", 0, NULL);
  assert_int_equal (seg->paragraphs->len, 0);
  assert_int_equal (seg->sentences->len, 0);
  actnet_segmentation_free (seg);

  seg = actnet_segment (NULL, 0, NULL);
  assert_int_equal (seg->paragraphs->len, 0);
  actnet_segmentation_free (seg);

  const char *blank = " \n\t\r\n\n  \xC2\xA0 \n";
  seg = actnet_segment (blank, strlen (blank), NULL);
  assert_int_equal (seg->paragraphs->len, 0);
  assert_int_equal (seg->sentences->len, 0);
  actnet_segmentation_free (seg);

  /* Only the length counts, not a NUL terminator. */
  seg = actnet_segment ("Ab. Cd.XYZ", 7, NULL);
  assert_segmentation (seg, "0-7@0", "0-3@0 4-7@0");
  actnet_segmentation_free (seg);
  actnet_segmentation_free (NULL);
}

static void
test_crlf (void **state)
{
  const char *text = "One.\r\nTwo.\r\n\r\nThree.\r\n";
  ActnetSegmentation *seg = actnet_segment (text, strlen (text), NULL);
  assert_segmentation (seg, "0-10@0 14-20@1", "0-4@0 6-10@0 14-20@1");
  actnet_segmentation_free (seg);
}

/* Lines end in other spaces than ASCII ones too (NBSP, U+2003, U+2028,
 * U+3000, a stray byte-order mark): none belongs to a paragraph. */
static void
test_unicode_line_ends (void **state)
{
  const char *text = "One.\xC2\xA0\n\xE3\x80\x80Two \xE2\x80\x83\n\n \xE2\x80\xA8\nThree\xEF\xBB\xBF";
  ActnetSegmentation *seg = actnet_segment (text, strlen (text), NULL);
  assert_segmentation (seg, "0-13@0 24-29@1", "0-4@0 10-13@0 24-29@1");
  actnet_segmentation_free (seg);
  /* "\xE2\x80" and an ASCII byte is no space (invalid UTF-8). */
  text = "x \xE2\x80.";
  seg = actnet_segment (text, strlen (text), NULL);
  assert_segmentation (seg, "0-5@0", "0-5@0");
  actnet_segmentation_free (seg);
}

static void
test_sentence_ends (void **state)
{
  assert_sentences ("Hello world. This is it! Is it? Yes\xE2\x80\xA6 Done.",
                    "Hello world. | This is it! | Is it? | Yes\xE2\x80\xA6 | Done.");
  /* Repeated marks and ellipses made of dots. */
  assert_sentences ("Really?! Wait... Then 3 went. \"Quoted\" start. (Aside.) Next.",
                    "Really?! | Wait... | Then 3 went. | \"Quoted\" start. | (Aside.) | Next.");
  /* No break before a lower-case word, punctuation or without a space. */
  assert_sentences ("It was 3.5 percent. and more. - dash. end.Next",
                    "It was 3.5 percent. and more. - dash. end.Next");
  /* Non-breaking and other Unicode spaces count as spaces. */
  assert_sentences ("One.\xC2\xA0Two.\xE3\x80\x80Three.", "One. | Two. | Three.");
  /* Curly openers and a caseless script start sentences. */
  assert_sentences ("Left. \xE2\x80\x9CQuote.\xE2\x80\x9D \xD9\x84\xD9\x8A. \xC3\x89t\xC3\xA9.",
                    "Left. | \xE2\x80\x9CQuote.\xE2\x80\x9D | \xD9\x84\xD9\x8A. | \xC3\x89t\xC3\xA9.");
}

static void
test_quotes_after_full_stop (void **state)
{
  assert_sentences ("he said.\xE2\x80\x9D Then she left.",
                    "he said.\xE2\x80\x9D | Then she left.");
  assert_sentences ("\xE2\x80\x9CWhy?\xE2\x80\x9D he asked. Fine.",
                    "\xE2\x80\x9CWhy?\xE2\x80\x9D he asked. | Fine.");
  assert_sentences ("It is \xE2\x80\x98" "done.\xE2\x80\x99 So it is.",
                    "It is \xE2\x80\x98" "done.\xE2\x80\x99 | So it is.");
  assert_sentences ("\"Go!\" Then [he left.] Now.", "\"Go!\" | Then [he left.] | Now.");
}

static void
test_abbreviations (void **state)
{
  static const char *const abbreviations[] = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Maj",
    "Cmdr", "Adm", "Brig", "Gov", "Sen", "Rep", "Pres", "St", "Ste", "Mt", "Ft",
    "Jr", "Sr", "Rev", "Hon", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec", "No", "Nos", "vs", "Inc", "Corp", "Co",
    "Ltd", "Bros", "Ave", "Blvd", "Dept", "Gov't", "etc",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    {
      char *text = g_strdup_printf ("Met %s. Smith there. Next one.", abbreviations[i]);
      char *expected = g_strdup_printf ("Met %s. Smith there. | Next one.", abbreviations[i]);
      assert_sentences (text, expected);
      g_free (text);
      g_free (expected);
      /* Also after an opening bracket. */
      text = g_strdup_printf ("(%s. Smith) went. Then.", abbreviations[i]);
      expected = g_strdup_printf ("(%s. Smith) went. | Then.", abbreviations[i]);
      assert_sentences (text, expected);
      g_free (text);
      g_free (expected);
    }
  /* Case-sensitive: "MR." and "dr." are not in the list. */
  assert_sentences ("Call MR. Smith. And dr. Who.", "Call MR. | Smith. | And dr. | Who.");
  assert_sentences ("Mr. Abdul-Jalil said so. Then Gen. Haftar left.",
                    "Mr. Abdul-Jalil said so. | Then Gen. Haftar left.");
  /* "No." is listed (a known ambiguity); "Mister." is not. */
  assert_sentences ("He said No. Then left. It was Mister. Yes.",
                    "He said No. Then left. | It was Mister. | Yes.");
}

static void
test_initials_and_acronyms (void **state)
{
  assert_sentences ("J. Christopher Stevens died. George W. Bush spoke. Then.",
                    "J. Christopher Stevens died. | George W. Bush spoke. | Then.");
  assert_sentences ("U.S. officials met U.N. envoys. E.U. and U.K. agreed.",
                    "U.S. officials met U.N. envoys. | E.U. and U.K. agreed.");
  assert_sentences ("At 5 p.m. Monday, e.g. Then. \xC3\x89. Dupont came.",
                    "At 5 p.m. Monday, e.g. Then. | \xC3\x89. Dupont came.");
  /* A lower-case single letter or a longer word is not an initial. */
  assert_sentences ("Plan a. Then b. Done it. Ok.", "Plan a. | Then b. | Done it. | Ok.");
  /* Letter-dot pairs must be single letters: "Ab.C." is no acronym. */
  assert_sentences ("See Ab.C. Next.", "See Ab.C. | Next.");
}

static void
test_mentions_join_paragraphs (void **state)
{
  const char *text = "US Secretary of State Mike\n\nPompeo had called. Then.";
  ActnetSegmentation *seg = actnet_segment (text, strlen (text), NULL);
  assert_segmentation (seg, "0-26@0 28-52@1", "0-26@0 28-46@1 47-52@1");
  actnet_segmentation_free (seg);

  const gsize bounds[] = { 22, 34 };
  GArray *mentions = mentions_of (bounds, 1);
  seg = actnet_segment (text, strlen (text), mentions);
  assert_segmentation (seg, "0-52@0", "0-46@0 47-52@0");
  actnet_segmentation_free (seg);
  g_array_unref (mentions);

  /* Several joins in a row, an earlier mention ending before the gap and
   * an overlapping long mention. */
  const char *many = "Aa B\n\nCc D\n\nEe F\n\nGg.";
  const gsize more[] = { 0, 2, 3, 7, 5, 14 };
  mentions = mentions_of (more, 3);
  seg = actnet_segment (many, strlen (many), mentions);
  assert_segmentation (seg, "0-16@0 18-21@1", "0-16@0 18-21@1");
  actnet_segmentation_free (seg);
  g_array_unref (mentions);
}

static void
test_mentions_block_sentence_breaks (void **state)
{
  const char *text = "Alpha. Beta gamma. Delta.";
  const gsize bounds[] = { 0, 11 };
  GArray *mentions = mentions_of (bounds, 1);
  char *got = sentence_texts (text, mentions);
  assert_string_equal (got, "Alpha. Beta gamma. | Delta.");
  g_free (got);
  g_array_unref (mentions);

  /* A mention ending exactly at the break does not block it. */
  const gsize touching[] = { 0, 6, 7, 11 };
  mentions = mentions_of (touching, 2);
  got = sentence_texts (text, mentions);
  assert_string_equal (got, "Alpha. | Beta gamma. | Delta.");
  g_free (got);
  g_array_unref (mentions);

  /* An empty mention array behaves like NULL. */
  mentions = mentions_of (NULL, 0);
  got = sentence_texts (text, mentions);
  assert_string_equal (got, "Alpha. | Beta gamma. | Delta.");
  g_free (got);
  g_array_unref (mentions);
}

static void
test_headings (void **state)
{
  const char *text = "# Title\nBody text. More.\n## Sub\n#tag line\n";
  ActnetSegmentation *seg = actnet_segment (text, strlen (text), NULL);
  assert_segmentation (seg, "0-7@0 8-24@1 25-31@2 32-41@3",
                       "0-7@0 8-18@1 19-24@1 25-31@2 32-41@3");
  actnet_segmentation_free (seg);

  /* A document keeps headings even though clean has no hashes; clean on
   * its own joins the heading to the next line (documented). */
  ActnetDocument *doc = actnet_document_new ("d", "# Title\nBody *text*.\n", -1, TRUE);
  seg = actnet_segment_document (doc, NULL);
  assert_segmentation (seg, "2-7@0 8-20@1", "2-7@0 8-20@1");
  actnet_segmentation_free (seg);
  seg = actnet_segment (doc->clean, doc->length, NULL);
  assert_segmentation (seg, "2-20@0", "2-20@0");
  actnet_segmentation_free (seg);
  actnet_document_free (doc);

  /* Lines that are only markdown syntax are blank in clean. */
  doc = actnet_document_new ("d", "One.\n*\nTwo.\n", -1, TRUE);
  seg = actnet_segment_document (doc, NULL);
  assert_segmentation (seg, "0-4@0 7-11@1", "0-4@0 7-11@1");
  actnet_segmentation_free (seg);
  actnet_document_free (doc);
}

static void
test_spans_find (void **state)
{
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (ActnetSpan));
  assert_int_equal (actnet_spans_find (spans, 0), G_MAXUINT);
  assert_int_equal (actnet_spans_find (spans, 100), G_MAXUINT);
  const ActnetSpan values[] = { { 2, 5, 0 }, { 7, 9, 0 }, { 12, 20, 1 } };
  g_array_append_vals (spans, values, G_N_ELEMENTS (values));
  const struct { gsize offset; guint index; } cases[] = {
    { 0, G_MAXUINT }, { 1, G_MAXUINT }, { 2, 0 }, { 4, 0 }, { 5, 0 }, { 6, 0 },
    { 7, 1 }, { 8, 1 }, { 11, 1 }, { 12, 2 }, { 19, 2 }, { 25, 2 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_int_equal (actnet_spans_find (spans, cases[i].offset), cases[i].index);

  /* Against a linear scan on a larger array. */
  g_array_set_size (spans, 0);
  for (gsize i = 0; i < 1000; i++)
    {
      ActnetSpan span = { 10 * i + 3, 10 * i + 8, 0 };
      g_array_append_val (spans, span);
    }
  for (gsize offset = 0; offset < 10020; offset += 7)
    {
      guint expected = G_MAXUINT;
      for (guint i = 0; i < spans->len; i++)
        if (g_array_index (spans, ActnetSpan, i).start <= offset)
          expected = i;
      assert_int_equal (actnet_spans_find (spans, offset), expected);
    }
  g_array_unref (spans);
}

/* Invariants on the real articles: sentences tile the paragraphs, spans
 * begin and end on non-space bytes, and "Mike" / blank line / "Pompeo"
 * becomes one paragraph when a mention spans it. */
static void
test_libya_invariants (void **state)
{
  char *libya = actnet_test_shared_path ("corpus/libya");
  if (libya == NULL)
    skip ();
  const char *inputs[] = { libya, NULL };
  ActnetCorpusReader *reader = actnet_corpus_reader_new (inputs);
  GError *error = NULL;
  ActnetDocument *doc;
  guint documents = 0;
  gboolean joined = FALSE;
  while ((doc = actnet_corpus_reader_next (reader, &error)) != NULL)
    {
      documents++;
      GArray *mentions = g_array_new (FALSE, TRUE, sizeof (ActnetMention));
      const char *mike = strstr (doc->clean, "Mike\n\nPompeo");
      if (mike != NULL)
        {
          ActnetMention m = { .start = (gsize) (mike - doc->clean) };
          m.end = m.start + strlen ("Mike\n\nPompeo");
          g_array_append_val (mentions, m);
        }
      ActnetSegmentation *plain = actnet_segment_document (doc, NULL);
      ActnetSegmentation *seg = actnet_segment_document (doc, mentions);
      assert_true (seg->paragraphs->len > 10);
      assert_int_equal (seg->paragraphs->len + (mike != NULL), plain->paragraphs->len);
      guint p = 0;
      for (guint i = 0; i < seg->sentences->len; i++)
        {
          const ActnetSpan *s = &g_array_index (seg->sentences, ActnetSpan, i);
          const ActnetSpan *para = &g_array_index (seg->paragraphs, ActnetSpan, s->paragraph);
          assert_true (s->paragraph == p || s->paragraph == p + 1);
          if (i == 0 || s->paragraph != p)
            assert_int_equal (s->start, para->start);
          p = s->paragraph;
          assert_true (s->start < s->end);
          assert_true (s->start >= para->start && s->end <= para->end);
          assert_false (g_ascii_isspace (doc->clean[s->start]));
          assert_false (g_ascii_isspace (doc->clean[s->end - 1]));
          if (i + 1 < seg->sentences->len)
            {
              const ActnetSpan *next = &g_array_index (seg->sentences, ActnetSpan, i + 1);
              if (next->paragraph == s->paragraph)
                assert_true (next->start > s->end);
              else
                assert_int_equal (s->end, para->end);
            }
        }
      if (mike != NULL)
        {
          gsize at = (gsize) (mike - doc->clean);
          guint sentence = actnet_spans_find (seg->sentences, at);
          const ActnetSpan *s = &g_array_index (seg->sentences, ActnetSpan, sentence);
          assert_true (s->start < at && s->end > at + 13);
          joined = TRUE;
        }
      actnet_segmentation_free (plain);
      actnet_segmentation_free (seg);
      g_array_unref (mentions);
      actnet_document_free (doc);
    }
  assert_null (error);
  assert_int_equal (documents, 4);
  assert_true (joined);
  actnet_corpus_reader_free (reader);
  g_free (libya);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_paragraphs),
    cmocka_unit_test (test_empty_and_blank),
    cmocka_unit_test (test_crlf),
    cmocka_unit_test (test_unicode_line_ends),
    cmocka_unit_test (test_sentence_ends),
    cmocka_unit_test (test_quotes_after_full_stop),
    cmocka_unit_test (test_abbreviations),
    cmocka_unit_test (test_initials_and_acronyms),
    cmocka_unit_test (test_mentions_join_paragraphs),
    cmocka_unit_test (test_mentions_block_sentence_breaks),
    cmocka_unit_test (test_headings),
    cmocka_unit_test (test_spans_find),
    cmocka_unit_test (test_libya_invariants),
  };
  return cmocka_run_group_tests_name ("segmenter", tests, NULL, NULL);
}
