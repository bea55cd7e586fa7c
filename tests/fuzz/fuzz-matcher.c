/* Fuzz target: the text normaliser, the tokeniser and the matcher on a
 * small fixed gazetteer. The first two bytes pick the match options (the
 * overlap policy, short forms, the text's date); the rest is the text.
 * Invariants: symbols tile the text; normalising is idempotent and keeps
 * UTF-8 valid; mentions lie inside the text on character boundaries, in
 * order, and do not overlap under the longest-match policy.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "fuzz.h"

#include <string.h>

static void
check_tokens (const char *text, gsize length, gboolean valid)
{
  g_autoptr (ActnetTokens) tokens = actnet_tokens_new (text, length);
  FUZZ_CHECK (tokens != NULL);
  guint n = actnet_tokens_get_count (tokens);
  const ActnetSymbol *symbols = actnet_tokens_get_symbols (tokens);
  const char *keys = actnet_tokens_get_keys (tokens);
  gsize at = 0;
  for (guint i = 0; i < n; i++)
    {
      const ActnetSymbol *s = &symbols[i];
      /* Symbols tile the text: no byte is lost or read twice. */
      FUZZ_CHECK (s->start == at);
      FUZZ_CHECK (s->end > s->start && s->end <= length);
      at = s->end;
      FUZZ_CHECK (s->kind <= ACTNET_SYMBOL_PUNCT);
      FUZZ_CHECK (keys[s->key_offset + s->key_length] == '\0');
      if (s->kind == ACTNET_SYMBOL_SPACE)
        FUZZ_CHECK (strcmp (keys + s->key_offset, " ") == 0);
      /* A word's key may be empty: a word of combining marks alone, which
       * normalisation drops. */
      if (valid)
        {
          FUZZ_CHECK (fuzz_utf8_boundary (text, length, s->start));
          FUZZ_CHECK (g_utf8_validate (keys + s->key_offset, s->key_length, NULL));
        }
    }
  FUZZ_CHECK (at == length);
}

static void
check_normalize (const char *text, gsize length, gboolean valid)
{
  g_autofree char *once = actnet_text_normalize (text, length);
  FUZZ_CHECK (once != NULL);
  if (!valid || memchr (text, '\0', length) != NULL)
    return;
  FUZZ_CHECK (g_utf8_validate (once, -1, NULL));
  FUZZ_CHECK (once[0] != ' ' && (once[0] == '\0' || once[strlen (once) - 1] != ' '));
  /* Idempotent, except where a symbol character's compatibility form is
   * letters ("℻" -> "fax", "™" -> "tm"): punctuation in the text, a word
   * once normalised, so a hyphen next to it is kept the first time only. */
  g_autoptr (ActnetTokens) tokens = actnet_tokens_new (text, length);
  const ActnetSymbol *symbols = actnet_tokens_get_symbols (tokens);
  const char *keys = actnet_tokens_get_keys (tokens);
  for (guint i = 0; i < actnet_tokens_get_count (tokens); i++)
    if (symbols[i].kind == ACTNET_SYMBOL_PUNCT)
      for (const char *p = keys + symbols[i].key_offset; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          return;
  g_autofree char *twice = actnet_text_normalize (once, -1);
  FUZZ_CHECK (strcmp (once, twice) == 0);
}

static gboolean
same_mentions (const GArray *a, const GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  /* Field by field: the structs have padding. */
  for (guint i = 0; i < a->len; i++)
    {
      const ActnetMention *x = &g_array_index (a, ActnetMention, i);
      const ActnetMention *y = &g_array_index (b, ActnetMention, i);
      if (x->start != y->start || x->end != y->end || x->word != y->word
          || x->actor != y->actor || x->alias != y->alias || x->flags != y->flags)
        return FALSE;
    }
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  fuzz_init ();
  if (size < 2)
    return 0;
  guint8 flags = data[0], day = data[1];
  const char *text = (const char *) data + 2;
  gsize length = size - 2;
  gboolean valid = g_utf8_validate (text, length, NULL);

  /* The tokeniser promises to survive invalid UTF-8 too. */
  check_tokens (text, length, valid);
  check_normalize (text, length, valid);
  if (!valid)
    return 0;

  const ActnetGazetteer *gaz = fuzz_gazetteer ();
  const ActnetMatcher *matcher = fuzz_matcher ();
  g_autoptr (ActnetTokens) tokens = actnet_tokens_new (text, length);

  ActnetMatchOptions options;
  actnet_match_options_init (&options);
  options.overlaps = (flags & 1) ? ACTNET_OVERLAPS_ALL : ACTNET_OVERLAPS_LONGEST;
  options.short_forms = (flags & 2) == 0;
  /* Dates around the fixed gazetteer's periods (1969-2021), or none. */
  if (flags & 4)
    options.date = actnet_date_from_ymd (1965 + day % 64, 1 + (day >> 6) * 3, 1 + day % 28);
  ActnetMatchStats stats;
  g_autoptr (GArray) mentions = actnet_matcher_find_full (matcher, tokens, &options, &stats);
  fuzz_check_mentions (mentions, text, length, gaz, options.overlaps == ACTNET_OVERLAPS_LONGEST);
  FUZZ_CHECK (stats.short_forms <= mentions->len);
  if (!options.short_forms)
    FUZZ_CHECK (stats.short_forms == 0);
  if (options.overlaps == ACTNET_OVERLAPS_ALL)
    FUZZ_CHECK (stats.suppressed == 0);
  for (guint i = 0; i < mentions->len; i++)
    {
      const ActnetMention *m = &g_array_index (mentions, ActnetMention, i);
      if (options.overlaps == ACTNET_OVERLAPS_LONGEST)
        FUZZ_CHECK ((m->flags & (ACTNET_MENTION_NESTED | ACTNET_MENTION_REDUNDANT)) == 0);
      if (!options.short_forms)
        FUZZ_CHECK ((m->flags & ACTNET_MENTION_SHORT_FORM) == 0);
      if (i > 0)
        {
          const ActnetMention *p = m - 1;
          /* Sorted by start, then longest first. */
          FUZZ_CHECK (p->start < m->start || p->end >= m->end);
        }
    }

  /* The convenience entry points agree with the full one. */
  if ((flags & 7) == 0)
    {
      g_autoptr (GArray) plain = actnet_matcher_find (matcher, text, length);
      g_autoptr (GArray) from_tokens = actnet_matcher_find_tokens (matcher, tokens);
      FUZZ_CHECK (same_mentions (plain, mentions));
      FUZZ_CHECK (same_mentions (from_tokens, mentions));
    }
  return 0;
}
