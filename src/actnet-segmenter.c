/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet-segmenter.h>

#include <string.h>

/* Headings: a line whose first non-blank bytes are 1-6 '#' followed by a
 * blank or the end of the line is a paragraph of its own. The check runs
 * on the "structure" text: the text itself for actnet_segment(), the
 * original bytes for actnet_segment_document() (in a document's clean
 * text the hashes are already spaces, so actnet_segment (clean) sees a
 * heading only when blank lines surround it, as they usually do). */

/* Abbreviations after which a '.' does not end a sentence (case-sensitive).
 * "etc." and "Inc." also end sentences now and then; not splitting there
 * is the cheaper mistake. */
typedef struct {
  const char *word;
  gsize length;
} Abbreviation;

#define A(word) { word, sizeof word - 1 }
static const Abbreviation abbreviations[] = {
  A ("Mr"), A ("Mrs"), A ("Ms"), A ("Mx"), A ("Messrs"), A ("Mme"), A ("Mlle"), A ("Dr"),
  A ("Prof"), A ("Gen"), A ("Col"), A ("Lt"), A ("Sgt"), A ("Cpl"), A ("Pvt"),
  A ("Capt"), A ("Maj"), A ("Cmdr"), A ("Cdr"), A ("Adm"), A ("Brig"), A ("Gov"),
  A ("Gov't"), A ("Govt"), A ("Sen"), A ("Sens"), A ("Rep"), A ("Reps"), A ("Pres"),
  A ("Supt"), A ("Insp"), A ("Amb"), A ("Atty"), A ("St"), A ("Ste"), A ("Mt"), A ("Ft"),
  A ("Jr"), A ("Sr"), A ("Rev"), A ("Hon"), A ("Fr"), A ("Jan"), A ("Feb"), A ("Mar"),
  A ("Apr"), A ("Jun"), A ("Jul"), A ("Aug"), A ("Sep"), A ("Sept"), A ("Oct"),
  A ("Nov"), A ("Dec"), A ("No"), A ("Nos"), A ("no"), A ("vs"), A ("v"), A ("etc"),
  A ("al"), A ("approx"), A ("ca"), A ("cf"), A ("Inc"), A ("Corp"), A ("Co"), A ("Ltd"),
  A ("Bros"), A ("Ave"), A ("Blvd"), A ("Rd"), A ("Dept"), A ("Univ"), A ("Assn"),
  A ("Fig"), A ("Vol"), A ("Vols"), A ("pp"), A ("Op"),
};
#undef A

/* Bytes of the whitespace character starting at @i (0 when none): ASCII
 * blanks, NBSP, the U+2000 spaces, line/paragraph separators, U+3000. */
static gsize
space_at (const char *text, gsize length, gsize i)
{
  guchar c = (guchar) text[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
    return 1;
  if (c == 0xC2 && i + 1 < length && (guchar) text[i + 1] == 0xA0)
    return 2;
  if (i + 2 >= length)
    return 0;
  guchar c1 = (guchar) text[i + 1], c2 = (guchar) text[i + 2];
  /* c2 >= 0x80: on invalid UTF-8 "\xE2\x80" and an ASCII byte is no space. */
  if (c == 0xE2 && c1 == 0x80
      && ((c2 >= 0x80 && c2 <= 0x8A) || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF))
    return 3;
  if (c == 0xE2 && c1 == 0x81 && c2 == 0x9F)
    return 3;
  if (c == 0xE3 && c1 == 0x80 && c2 == 0x80)
    return 3;
  if (c == 0xEF && c1 == 0xBB && c2 == 0xBF)   /* a BOM left in the text */
    return 3;
  return 0;
}

/* Bytes of the whitespace character ending at @i (exclusive), or 0. */
static gsize
space_before (const char *text, gsize length, gsize low, gsize i)
{
  for (gsize k = 1; k <= 3 && k <= i - low; k++)
    if (space_at (text, length, i - k) == k)
      return k;
  return 0;
}

/* Trims [*start, *end) to its first and last non-space bytes; FALSE when
 * nothing is left. Characters are read forward from *start, but the
 * trailing spaces can be read backward: every space character starts on a
 * byte that no other character contains (its other bytes are all
 * continuation bytes, see space_at()), so both ways find the same ones. */
static gboolean
trim (const char *text, gsize length, gsize *start, gsize *end)
{
  gsize s = *start;
  for (;;)
    {
      if (s >= *end)
        return FALSE;
      gsize w = space_at (text, length, s);
      if (w == 0)
        break;
      s += w;
    }
  gsize last = *end;
  gsize w;
  while (last > s && (w = space_before (text, length, s, last)) > 0)
    last -= w;
  *start = s;
  *end = last;
  return TRUE;
}

static gboolean
is_heading_line (const char *structure, gsize start, gsize end)
{
  gsize p = start;
  while (p < end && (structure[p] == ' ' || structure[p] == '\t'))
    p++;
  gsize h = p;
  while (h < end && structure[h] == '#')
    h++;
  return h > p && h - p <= 6
         && (h == end || structure[h] == ' ' || structure[h] == '\t' || structure[h] == '\r');
}

/* Sweeps the mentions in order to tell whether any spans a gap; the gaps
 * asked about must come in text order. Handles overlapping mentions. */
typedef struct {
  const GArray *mentions;
  guint next;
  gsize max_end;
} MentionCursor;

static gboolean
mention_spans_gap (MentionCursor *cursor, gsize gap_start, gsize gap_end)
{
  if (cursor->mentions == NULL)
    return FALSE;
  while (cursor->next < cursor->mentions->len)
    {
      const ActnetMention *m = &g_array_index (cursor->mentions, ActnetMention, cursor->next);
      if (m->start >= gap_end)
        break;
      cursor->max_end = MAX (cursor->max_end, m->end);
      cursor->next++;
    }
  return cursor->max_end > gap_start;
}

static void
push_span (GArray *spans, gsize start, gsize end, guint paragraph)
{
  ActnetSpan span = { start, end, paragraph };
  g_array_append_val (spans, span);
}

static const guint8 may_terminate[256] = {
  ['.'] = 1, ['!'] = 1, ['?'] = 1, [0xE2] = 1,
};

/* Byte length of a sentence-final mark at @i ('.', '!', '?', '…'), or 0. */
static gsize
terminator_at (const char *text, gsize end, gsize i)
{
  char c = text[i];
  if (c == '.' || c == '!' || c == '?')
    return 1;
  if (i + 3 <= end && memcmp (text + i, "\xE2\x80\xA6", 3) == 0)
    return 3;
  return 0;
}

/* Byte length of a closing quote or bracket at @i, or 0. */
static gsize
closer_at (const char *text, gsize end, gsize i)
{
  char c = text[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']')
    return 1;
  if (i + 3 <= end && (memcmp (text + i, "\xE2\x80\x9D", 3) == 0     /* ” */
                       || memcmp (text + i, "\xE2\x80\x99", 3) == 0)) /* ’ */
    return 3;
  if (i + 2 <= end && memcmp (text + i, "\xC2\xBB", 2) == 0)         /* » */
    return 2;
  return 0;
}

/* Byte length of an opening quote or bracket at @i, or 0. */
static gsize
opener_at (const char *text, gsize end, gsize i)
{
  char c = text[i];
  if (c == '"' || c == '\'' || c == '(' || c == '[')
    return 1;
  if (i + 3 <= end && (memcmp (text + i, "\xE2\x80\x9C", 3) == 0     /* “ */
                       || memcmp (text + i, "\xE2\x80\x98", 3) == 0)) /* ‘ */
    return 3;
  if (i + 2 <= end && (memcmp (text + i, "\xC2\xAB", 2) == 0          /* « */
                       || memcmp (text + i, "\xC2\xBF", 2) == 0       /* ¿ */
                       || memcmp (text + i, "\xC2\xA1", 2) == 0))     /* ¡ */
    return 2;
  return 0;
}

/* Whether a sentence may start at @i: a capital (or a letter of a script
 * without case), a digit, an opening quote or bracket. */
static gboolean
starts_sentence (const char *text, gsize end, gsize i)
{
  if (opener_at (text, end, i) > 0)
    return TRUE;
  gunichar c = g_utf8_get_char_validated (text + i, (gssize) MIN (end - i, 4));
  if (c >= 0x80000000u)
    return FALSE;
  if (g_unichar_isdigit (c))
    return TRUE;
  return g_unichar_isalpha (c) && !g_unichar_islower (c);
}

/* Whether the '.' at @dot ends a sentence, judging by the token before it
 * (back to whitespace or @low): not after an abbreviation, a single
 * capital initial ("J. Christopher Stevens") or letter-dot pairs
 * ("U.S.", "e.g."). Decimals never get here: no space follows their dot. */
static gboolean
dot_ends_sentence (const char *text, gsize length, gsize low, gsize dot)
{
  gsize start = dot;
  while (start > low && space_before (text, length, low, start) == 0)
    start--;
  gsize w;
  while (start < dot && (w = opener_at (text, dot, start)) > 0)
    start += w;
  if (start == dot)
    return TRUE;

  gsize token_length = dot - start;
  for (gsize i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if (abbreviations[i].length == token_length
        && memcmp (abbreviations[i].word, text + start, token_length) == 0)
      return FALSE;

  /* Letter ('.' letter)*: initials and dotted acronyms. */
  guint letters = 0;
  gunichar first = 0;
  for (gsize p = start;;)
    {
      gunichar c = g_utf8_get_char_validated (text + p, (gssize) MIN (dot - p, 4));
      if (c >= 0x80000000u || !g_unichar_isalpha (c))
        return TRUE;
      if (letters++ == 0)
        first = c;
      p = (gsize) (g_utf8_next_char (text + p) - text);
      if (p == dot)
        break;
      if (text[p] != '.' || p + 1 >= dot)
        return TRUE;
      p++;
    }
  if (letters >= 2)
    return FALSE;
  return !(g_unichar_isupper (first) || g_unichar_istitle (first));
}

/* Splits paragraph [start, end) into sentences appended to @sentences. */
static void
split_sentences (const char *text, gsize length, gsize start, gsize end,
                 guint paragraph, MentionCursor *cursor, GArray *sentences)
{
  gsize sentence = start;
  gsize i = start;
  while (i < end)
    {
      /* Only '.', '!', '?' and the first byte of '…' can end a sentence. */
      while (i < end && !may_terminate[(guchar) text[i]])
        i++;
      if (i >= end)
        break;
      gsize w = terminator_at (text, end, i);
      if (w == 0)
        {
          i++;
          continue;
        }
      gsize run_start = i;
      gsize j = i;
      while (j < end && (w = terminator_at (text, end, j)) > 0)
        j += w;
      gsize run_end = j;
      while (j < end && (w = closer_at (text, end, j)) > 0)
        j += w;
      gsize sentence_end = j;
      if (j >= end)
        break;
      i = run_end;
      if (space_at (text, length, j) == 0)
        continue;
      while (j < end && (w = space_at (text, length, j)) > 0)
        j += w;
      /* j < end: a paragraph ends on a non-space byte. */
      if (!starts_sentence (text, end, j))
        continue;
      if (run_end - run_start == 1 && text[run_start] == '.'
          && !dot_ends_sentence (text, length, start, run_start))
        continue;
      if (mention_spans_gap (cursor, sentence_end, j))
        continue;
      push_span (sentences, sentence, sentence_end, paragraph);
      sentence = j;
      i = j;
    }
  push_span (sentences, sentence, end, paragraph);
}

/* Appends paragraph [start, end) to @paragraphs, or joins it to the last
 * one when a mention spans the break between them ("Mike\n\nPompeo"). */
static void
add_paragraph (GArray *paragraphs, MentionCursor *cursor, gsize start, gsize end)
{
  if (paragraphs->len > 0)
    {
      ActnetSpan *last = &g_array_index (paragraphs, ActnetSpan, paragraphs->len - 1);
      if (mention_spans_gap (cursor, last->end, start))
        {
          last->end = end;
          return;
        }
    }
  push_span (paragraphs, start, end, paragraphs->len);
}

static ActnetSegmentation *
segment (const char *text, const char *structure, gsize length, const GArray *mentions)
{
  ActnetSegmentation *segmentation = g_new0 (ActnetSegmentation, 1);
  /* Sized for news text (a sentence every 100-odd bytes), sparing the
   * reallocations of growing from nothing for every document. */
  GArray *paragraphs = g_array_sized_new (FALSE, FALSE, sizeof (ActnetSpan), length / 512 + 8);
  segmentation->paragraphs = paragraphs;
  segmentation->sentences = g_array_sized_new (FALSE, FALSE, sizeof (ActnetSpan),
                                               length / 128 + 16);

  /* Paragraphs: runs of non-blank lines; a heading line stands alone. */
  MentionCursor cursor = { mentions, 0, 0 };
  gsize open_start = G_MAXSIZE, open_end = 0;
  for (gsize line = 0; line < length;)
    {
      const char *nl = memchr (text + line, '\n', length - line);
      gsize line_end = nl != NULL ? (gsize) (nl - text) : length;
      gsize s = line, e = line_end;
      gboolean blank = !trim (text, length, &s, &e);
      gboolean heading = !blank && is_heading_line (structure, line, line_end);
      if ((blank || heading) && open_start != G_MAXSIZE)
        {
          add_paragraph (paragraphs, &cursor, open_start, open_end);
          open_start = G_MAXSIZE;
        }
      if (heading)
        add_paragraph (paragraphs, &cursor, s, e);
      else if (!blank)
        {
          if (open_start == G_MAXSIZE)
            open_start = s;
          open_end = e;
        }
      line = line_end + 1;
    }
  if (open_start != G_MAXSIZE)
    add_paragraph (paragraphs, &cursor, open_start, open_end);

  MentionCursor sentence_cursor = { mentions, 0, 0 };
  for (guint i = 0; i < paragraphs->len; i++)
    {
      const ActnetSpan *p = &g_array_index (paragraphs, ActnetSpan, i);
      split_sentences (text, length, p->start, p->end, i, &sentence_cursor,
                       segmentation->sentences);
    }
  return segmentation;
}

ActnetSegmentation *
actnet_segment (const char *text, gsize length, const GArray *mentions)
{
  g_return_val_if_fail (text != NULL || length == 0, NULL);
  return segment (text, text, length, mentions);
}

ActnetSegmentation *
actnet_segment_document (const ActnetDocument *document, const GArray *mentions)
{
  g_return_val_if_fail (document != NULL, NULL);
  return segment (document->clean, document->text, document->length, mentions);
}

void
actnet_segmentation_free (ActnetSegmentation *segmentation)
{
  if (segmentation == NULL)
    return;
  g_array_unref (segmentation->paragraphs);
  g_array_unref (segmentation->sentences);
  g_free (segmentation);
}

guint
actnet_spans_find (const GArray *spans, gsize offset)
{
  g_return_val_if_fail (spans != NULL, G_MAXUINT);
  /* The last span starting at or before @offset. */
  guint low = 0, high = spans->len;
  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      if (g_array_index (spans, ActnetSpan, mid).start <= offset)
        low = mid + 1;
      else
        high = mid;
    }
  return low == 0 ? G_MAXUINT : low - 1;
}
