/* Fuzz target: paragraph and sentence segmentation, of plain text and of
 * markdown documents, with the mentions of the fixed gazetteer as spans no
 * break may cut. The first byte picks the mode; the rest is the text.
 * Invariants: spans in order, non-empty, disjoint, trimmed; paragraphs
 * cover every non-blank byte and sentences every non-blank byte of their
 * paragraph; each mention lies inside one sentence.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "fuzz.h"

#include <string.h>

static gboolean
is_ascii_space (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Every byte that is neither ASCII space nor part of a non-ASCII character
 * (some of which are spaces too) must be inside a span of @spans. */
static void
check_cover (const GArray *spans, const char *text, gsize from, gsize to)
{
  guint k = actnet_spans_find (spans, from);
  if (k == G_MAXUINT)
    k = 0;
  for (gsize i = from; i < to; i++)
    {
      guchar c = (guchar) text[i];
      if (c >= 0x80 || is_ascii_space (c))
        continue;
      while (k < spans->len && g_array_index (spans, ActnetSpan, k).end <= i)
        k++;
      FUZZ_CHECK (k < spans->len);
      FUZZ_CHECK (g_array_index (spans, ActnetSpan, k).start <= i);
    }
}

static void
check_spans (const GArray *spans, const char *text, gsize length, gboolean valid)
{
  for (guint i = 0; i < spans->len; i++)
    {
      const ActnetSpan *s = &g_array_index (spans, ActnetSpan, i);
      FUZZ_CHECK (s->start < s->end && s->end <= length);
      FUZZ_CHECK (!is_ascii_space (text[s->start]) && !is_ascii_space (text[s->end - 1]));
      if (valid)
        FUZZ_CHECK (fuzz_utf8_boundary (text, length, s->start)
                    && fuzz_utf8_boundary (text, length, s->end));
      if (i > 0)
        FUZZ_CHECK (g_array_index (spans, ActnetSpan, i - 1).end <= s->start);
      FUZZ_CHECK (actnet_spans_find (spans, s->start) == i);
    }
}

static void
check_segmentation (const ActnetSegmentation *seg, const char *text, gsize length,
                    const GArray *mentions, gboolean valid)
{
  FUZZ_CHECK (seg != NULL);
  const GArray *paragraphs = seg->paragraphs, *sentences = seg->sentences;
  check_spans (paragraphs, text, length, valid);
  check_spans (sentences, text, length, valid);
  for (guint i = 0; i < paragraphs->len; i++)
    FUZZ_CHECK (g_array_index (paragraphs, ActnetSpan, i).paragraph == i);
  check_cover (paragraphs, text, 0, length);

  guint last_paragraph = 0;
  for (guint i = 0; i < sentences->len; i++)
    {
      const ActnetSpan *s = &g_array_index (sentences, ActnetSpan, i);
      FUZZ_CHECK (s->paragraph < paragraphs->len);
      FUZZ_CHECK (s->paragraph >= last_paragraph);
      last_paragraph = s->paragraph;
      const ActnetSpan *p = &g_array_index (paragraphs, ActnetSpan, s->paragraph);
      FUZZ_CHECK (p->start <= s->start && s->end <= p->end);
    }
  for (guint i = 0; i < paragraphs->len; i++)
    {
      const ActnetSpan *p = &g_array_index (paragraphs, ActnetSpan, i);
      check_cover (sentences, text, p->start, p->end);
    }

  /* No break inside a mention. */
  for (guint i = 0; mentions != NULL && i < mentions->len; i++)
    {
      const ActnetMention *m = &g_array_index (mentions, ActnetMention, i);
      guint k = actnet_spans_find (sentences, m->start);
      FUZZ_CHECK (k != G_MAXUINT);
      const ActnetSpan *s = &g_array_index (sentences, ActnetSpan, k);
      FUZZ_CHECK (s->start <= m->start && m->end <= s->end);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  fuzz_init ();
  if (size < 1)
    return 0;
  guint8 flags = data[0];
  const char *text = (const char *) data + 1;
  gsize length = size - 1;
  gboolean valid = g_utf8_validate (text, length, NULL);

  if (!valid)
    {
      /* Bytes as they come: no mentions (the matcher wants UTF-8). */
      g_autoptr (ActnetSegmentation) seg = actnet_segment (text, length, NULL);
      check_segmentation (seg, text, length, NULL, FALSE);
      return 0;
    }

  ActnetMatchOptions options;
  actnet_match_options_init (&options);
  options.overlaps = (flags & 1) ? ACTNET_OVERLAPS_ALL : ACTNET_OVERLAPS_LONGEST;
  if (flags & 2)
    {
      /* A markdown document: matched and segmented on its blanked copy. */
      g_autoptr (ActnetDocument) doc = actnet_document_new ("fuzz.md", text, length, TRUE);
      FUZZ_CHECK (doc != NULL && doc->length == length);
      FUZZ_CHECK (memcmp (doc->text, text, length) == 0);
      g_autoptr (GArray) mentions = actnet_document_find_mentions_full (fuzz_matcher (), doc,
                                                                        &options, NULL);
      fuzz_check_mentions (mentions, doc->clean, length, fuzz_gazetteer (),
                           options.overlaps == ACTNET_OVERLAPS_LONGEST);
      g_autoptr (ActnetSegmentation) seg = actnet_segment_document (doc, mentions);
      check_segmentation (seg, doc->clean, length, mentions, TRUE);
    }
  else
    {
      g_autoptr (ActnetTokens) tokens = actnet_tokens_new (text, length);
      g_autoptr (GArray) mentions = actnet_matcher_find_full (fuzz_matcher (), tokens,
                                                              &options, NULL);
      g_autoptr (ActnetSegmentation) seg = actnet_segment (text, length, mentions);
      check_segmentation (seg, text, length, mentions, TRUE);
    }
  return 0;
}
