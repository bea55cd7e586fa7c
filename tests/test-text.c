/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"
#include <actnet/actnet.h>
#include "actnet-text-private.h"

#include <string.h>

static void
check_symbol (const ActnetTokens *tokens, guint index, ActnetSymbolKind kind,
              gsize start, gsize end, const char *key)
{
  assert_true (index < actnet_tokens_get_count (tokens));
  const ActnetSymbol *symbol = &actnet_tokens_get_symbols (tokens)[index];
  const char *keys = actnet_tokens_get_keys (tokens);
  assert_int_equal (symbol->kind, kind);
  assert_int_equal (symbol->start, start);
  assert_int_equal (symbol->end, end);
  assert_string_equal (keys + symbol->key_offset, key);
  assert_int_equal (symbol->key_length, strlen (key));
}

static guint
case_flags (const ActnetTokens *tokens, guint index)
{
  return actnet_tokens_get_symbols (tokens)[index].case_flags;
}

/* The joined keys of every symbol, separated by '|', to check whole
 * tokenisations at a glance. */
static char *
joined_keys (const ActnetTokens *tokens)
{
  GString *out = g_string_new (NULL);
  const ActnetSymbol *symbols = actnet_tokens_get_symbols (tokens);
  for (guint i = 0; i < actnet_tokens_get_count (tokens); i++)
    {
      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, actnet_tokens_get_keys (tokens) + symbols[i].key_offset);
    }
  return g_string_free (out, FALSE);
}

static void
check_keys (const char *text, const char *expected)
{
  ActnetTokens *tokens = actnet_tokens_new (text, -1);
  char *keys = joined_keys (tokens);
  assert_string_equal (keys, expected);
  g_free (keys);
  actnet_tokens_free (tokens);
}

static void
check_normalize (const char *text, const char *expected)
{
  char *normalized = actnet_text_normalize (text, -1);
  assert_string_equal (normalized, expected);
  g_free (normalized);
}

static void
test_possessive_offsets (void **state)
{
  /* ’ is three bytes: the offsets count bytes of the original text. */
  ActnetTokens *tokens = actnet_tokens_new ("Qaddafi\xe2\x80\x99s men", -1);
  assert_int_equal (actnet_tokens_get_count (tokens), 5);
  check_symbol (tokens, 0, ACTNET_SYMBOL_WORD, 0, 7, "qaddafi");
  check_symbol (tokens, 1, ACTNET_SYMBOL_PUNCT, 7, 10, "'");
  check_symbol (tokens, 2, ACTNET_SYMBOL_WORD, 10, 11, "s");
  check_symbol (tokens, 3, ACTNET_SYMBOL_SPACE, 11, 12, " ");
  check_symbol (tokens, 4, ACTNET_SYMBOL_WORD, 12, 15, "men");
  actnet_tokens_free (tokens);
}

static void
test_multibyte_offsets (void **state)
{
  /* "Benghāzī, Misrātah": ā and ī take two bytes each. */
  const char *text = "Bengh\xc4\x81z\xc4\xab, Misr\xc4\x81tah";
  ActnetTokens *tokens = actnet_tokens_new (text, -1);
  assert_int_equal (actnet_tokens_get_count (tokens), 4);
  check_symbol (tokens, 0, ACTNET_SYMBOL_WORD, 0, 10, "benghazi");
  check_symbol (tokens, 1, ACTNET_SYMBOL_PUNCT, 10, 11, ",");
  check_symbol (tokens, 2, ACTNET_SYMBOL_SPACE, 11, 12, " ");
  check_symbol (tokens, 3, ACTNET_SYMBOL_WORD, 12, 21, "misratah");
  assert_int_equal (strlen (text), 21);
  actnet_tokens_free (tokens);

  /* Decomposed input (e + combining acute) folds the same way, and the
   * mark stays inside the word. */
  tokens = actnet_tokens_new ("Se\xcc\x81tif x", -1);
  check_symbol (tokens, 0, ACTNET_SYMBOL_WORD, 0, 7, "setif");
  check_symbol (tokens, 2, ACTNET_SYMBOL_WORD, 8, 9, "x");
  actnet_tokens_free (tokens);

  /* Ḥ (three bytes) folds to h and still counts as a capital. */
  tokens = actnet_tokens_new ("\xe1\xb8\xa4" "aftar", -1);
  check_symbol (tokens, 0, ACTNET_SYMBOL_WORD, 0, 8, "haftar");
  assert_int_equal (case_flags (tokens, 0), ACTNET_CASE_FIRST_UPPER
                    | ACTNET_CASE_HAS_UPPER | ACTNET_CASE_HAS_LOWER);
  actnet_tokens_free (tokens);
}

static void
test_compatibility (void **state)
{
  /* The ﬁ ligature and fullwidth letters decompose to plain letters. */
  check_keys ("\xef\xac\x81sh", "fish");
  ActnetTokens *tokens = actnet_tokens_new ("\xef\xbc\xae\xef\xbc\xa1\xef\xbc\xb4\xef\xbc\xaf", -1);
  check_symbol (tokens, 0, ACTNET_SYMBOL_WORD, 0, 12, "nato");
  assert_int_equal (case_flags (tokens, 0),
                    ACTNET_CASE_FIRST_UPPER | ACTNET_CASE_HAS_UPPER);
  actnet_tokens_free (tokens);
  /* Superscript two is a number: part of the word, folded to 2. */
  check_keys ("km\xc2\xb2", "km2");
}

static void
test_case_folding (void **state)
{
  check_keys ("Stra\xc3\x9f" "e STRASSE", "strasse| |strasse");
  /* Capital sharp s, final sigma, accented Greek capitals. */
  check_keys ("\xe1\xba\x9e", "ss");
  check_keys ("\xce\x9f\xce\x94\xce\x9f\xce\xa3 \xe1\xbd\x80\xce\xb4\xe1\xbd\xb9\xcf\x82",
              "\xce\xbf\xce\xb4\xce\xbf\xcf\x83| |\xce\xbf\xce\xb4\xce\xbf\xcf\x83");
  /* Dotted capital I folds to a plain i. */
  check_keys ("\xc4\xb0stanbul", "istanbul");
  check_keys ("MiXeD 123", "mixed| |123");
}

static void
test_punctuation_variants (void **state)
{
  /* ‘a’ ʼ ′ ´ ` ＇ → ' */
  check_keys ("\xe2\x80\x98" "a" "\xe2\x80\x99" "\xca\xbc\xe2\x80\xb2\xc2\xb4`\xef\xbc\x87",
              "'|a|'|'|'|'|'|'");
  /* “ ” „ ″ « » ＂ → " */
  check_keys ("\xe2\x80\x9c\xe2\x80\x9d\xe2\x80\x9e\xe2\x80\xb3\xc2\xab\xc2\xbb\xef\xbc\x82\"",
              "\"|\"|\"|\"|\"|\"|\"|\"");
  /* ‐ ‑ ‒ – — ― − ﹘ ﹣ － soft-hyphen - → - */
  check_keys ("\xe2\x80\x90\xe2\x80\x91\xe2\x80\x92\xe2\x80\x93\xe2\x80\x94\xe2\x80\x95"
              "\xe2\x88\x92\xef\xb9\x98\xef\xb9\xa3\xef\xbc\x8d\xc2\xad-",
              "-|-|-|-|-|-|-|-|-|-|-|-");
  /* Other punctuation keeps its own key, one symbol a character. */
  check_keys ("a.b,(c)!", "a|.|b|,|(|c|)|!");
  check_keys ("[Gaist](#)", "[|gaist|]|(|#|)");
}

static void
test_whitespace_runs (void **state)
{
  /* Spaces, a blank line, NBSP, an em space and a C0 control: one symbol. */
  const char *text = "Mike \n\n\xc2\xa0\xe2\x80\x83\x01\tPompeo";
  ActnetTokens *tokens = actnet_tokens_new (text, -1);
  assert_int_equal (actnet_tokens_get_count (tokens), 3);
  check_symbol (tokens, 0, ACTNET_SYMBOL_WORD, 0, 4, "mike");
  check_symbol (tokens, 1, ACTNET_SYMBOL_SPACE, 4, 14, " ");
  check_symbol (tokens, 2, ACTNET_SYMBOL_WORD, 14, 20, "pompeo");
  actnet_tokens_free (tokens);

  /* An embedded NUL inside an explicit length is a control, not the end. */
  tokens = actnet_tokens_new ("a\0b", 3);
  assert_int_equal (actnet_tokens_get_count (tokens), 3);
  check_symbol (tokens, 1, ACTNET_SYMBOL_SPACE, 1, 2, " ");
  check_symbol (tokens, 2, ACTNET_SYMBOL_WORD, 2, 3, "b");
  actnet_tokens_free (tokens);

  /* Leading and trailing runs are symbols too. */
  check_keys ("  x\r\n", " |x| ");
}

static void
test_case_flags (void **state)
{
  ActnetTokens *tokens = actnet_tokens_new ("McCain mcCain NATO nato 3G 123 Libya \xc7\x85" "emal", -1);
  const guint first = ACTNET_CASE_FIRST_UPPER, upper = ACTNET_CASE_HAS_UPPER,
              lower = ACTNET_CASE_HAS_LOWER;
  assert_int_equal (case_flags (tokens, 0), first | upper | lower);
  assert_int_equal (case_flags (tokens, 2), upper | lower);
  assert_int_equal (case_flags (tokens, 4), first | upper);
  assert_int_equal (case_flags (tokens, 6), lower);
  assert_int_equal (case_flags (tokens, 8), first | upper);
  assert_int_equal (case_flags (tokens, 10), 0);
  assert_int_equal (case_flags (tokens, 12), first | upper | lower);
  /* ǅ is title case: it counts as a capital. */
  check_symbol (tokens, 14, ACTNET_SYMBOL_WORD, 37, 43, "dzemal");
  assert_int_equal (case_flags (tokens, 14), first | upper | lower);
  /* Punctuation and spaces carry no case. */
  assert_int_equal (case_flags (tokens, 1), 0);
  actnet_tokens_free (tokens);
}

static void
test_invalid_utf8 (void **state)
{
  ActnetTokens *tokens = actnet_tokens_new ("ab\xff" "cd", -1);
  assert_int_equal (actnet_tokens_get_count (tokens), 3);
  check_symbol (tokens, 0, ACTNET_SYMBOL_WORD, 0, 2, "ab");
  check_symbol (tokens, 1, ACTNET_SYMBOL_PUNCT, 2, 3, "\xef\xbf\xbd");
  check_symbol (tokens, 2, ACTNET_SYMBOL_WORD, 3, 5, "cd");
  actnet_tokens_free (tokens);

  /* A sequence cut by the end of an exactly-sized buffer: one symbol per
   * byte and no read past the end (valgrind checks the latter). */
  char *buffer = g_malloc (4);
  memcpy (buffer, "ab\xe2\x80", 4);
  tokens = actnet_tokens_new (buffer, 4);
  assert_int_equal (actnet_tokens_get_count (tokens), 3);
  check_symbol (tokens, 1, ACTNET_SYMBOL_PUNCT, 2, 3, "\xef\xbf\xbd");
  check_symbol (tokens, 2, ACTNET_SYMBOL_PUNCT, 3, 4, "\xef\xbf\xbd");
  actnet_tokens_free (tokens);
  g_free (buffer);

  /* Overlong forms and encoded surrogates are invalid too. */
  tokens = actnet_tokens_new ("\xc0\xaf\xed\xa0\x80", -1);
  assert_int_equal (actnet_tokens_get_count (tokens), 5);
  actnet_tokens_free (tokens);
}

static void
test_empty (void **state)
{
  ActnetTokens *tokens = actnet_tokens_new ("", -1);
  assert_int_equal (actnet_tokens_get_count (tokens), 0);
  actnet_tokens_free (tokens);
  tokens = actnet_tokens_new (NULL, 0);
  assert_int_equal (actnet_tokens_get_count (tokens), 0);
  actnet_tokens_free (tokens);
  actnet_tokens_free (NULL);
}

static void
test_normalize (void **state)
{
  check_normalize ("Khalifa  Haftar\xe2\x80\x99s", "khalifa haftar's");
  check_normalize ("Abdul-Jalil", "abdul jalil");
  check_normalize ("  al\xe2\x80\x93Qaeda \n", "al qaeda");
  check_normalize ("Bengh\xc4\x81z\xc4\xab", "benghazi");
  check_normalize ("U.S.", "u.s.");
  /* Only a hyphen between two words is a space. */
  check_normalize ("anti-", "anti-");
  check_normalize ("a - b", "a - b");
  check_normalize ("-x", "-x");
  check_normalize ("", "");
  check_normalize (" \n\t ", "");
  /* An explicit length stops early. */
  char *normalized = actnet_text_normalize ("NATO members", 4);
  assert_string_equal (normalized, "nato");
  g_free (normalized);
}

static void
test_shared_article (void **state)
{
  char *path = actnet_test_shared_path ("corpus/libya/2011-07-05-stalemate.txt");
  if (path == NULL)
    skip ();
  char *contents = NULL;
  gsize length = 0;
  assert_true (g_file_get_contents (path, &contents, &length, NULL));

  /* Symbols tile the text: each starts where the previous one ended. */
  ActnetTokens *tokens = actnet_tokens_new (contents, (gssize) length);
  const ActnetSymbol *symbols = actnet_tokens_get_symbols (tokens);
  guint count = actnet_tokens_get_count (tokens);
  assert_true (count > 1000);
  gsize expected_start = 0;
  guint possessive_nato = 0;
  for (guint i = 0; i < count; i++)
    {
      assert_int_equal (symbols[i].start, expected_start);
      assert_true (symbols[i].end > symbols[i].start);
      expected_start = symbols[i].end;
      if (i + 1 < count && symbols[i].end - symbols[i].start == 4
          && memcmp (contents + symbols[i].start, "NATO", 4) == 0
          && strcmp (actnet_tokens_get_keys (tokens) + symbols[i + 1].key_offset, "'") == 0)
        possessive_nato++;
    }
  assert_int_equal (expected_start, length);
  /* "NATO’s" occurs in the article with a curly apostrophe. */
  assert_true (possessive_nato >= 1);
  actnet_tokens_free (tokens);
  g_free (contents);
  g_free (path);
}

/* The tokenisation of ASCII text as documented, one byte at a time: the
 * reference for the tokeniser's word-at-a-time paths. */
typedef struct {
  ActnetSymbolKind kind;
  gsize start, end;
  GString *key;
  guint flags;
  guint64 mask;
} RefSymbol;

static GArray *
reference_tokens (const char *text, gsize n)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (RefSymbol));
  for (gsize p = 0; p < n;)
    {
      RefSymbol symbol = { 0, p, p, g_string_new (NULL), 0, 1 };
      guchar c = (guchar) text[p];
      if (g_ascii_isalnum (c))
        {
          symbol.kind = ACTNET_SYMBOL_WORD;
          guint letters = 0;
          for (; p < n && g_ascii_isalnum (text[p]); p++)
            {
              g_string_append_c (symbol.key, g_ascii_tolower (text[p]));
              if (!g_ascii_isalpha (text[p]))
                continue;
              gboolean upper = g_ascii_isupper (text[p]);
              if (letters++ == 0 && upper)
                symbol.flags |= ACTNET_CASE_FIRST_UPPER;
              symbol.flags |= upper ? ACTNET_CASE_HAS_UPPER : ACTNET_CASE_HAS_LOWER;
              /* One bit per letter, the first 63 only. */
              if (letters <= 63)
                symbol.mask = symbol.mask << 1 | (upper ? 1 : 0);
            }
        }
      else if (c <= 0x20 || c == 0x7F)
        {
          symbol.kind = ACTNET_SYMBOL_SPACE;
          g_string_append_c (symbol.key, ' ');
          while (p < n && ((guchar) text[p] <= 0x20 || text[p] == 0x7F))
            p++;
        }
      else
        {
          symbol.kind = ACTNET_SYMBOL_PUNCT;
          g_string_append_c (symbol.key, c == '`' ? '\'' : (char) c);
          p++;
        }
      symbol.end = p;
      g_array_append_val (out, symbol);
    }
  return out;
}

/* Random ASCII text, words of any length (chunks of the tokeniser are 8
 * and 64 bytes; case signatures hold 63 letters) against the reference. */
static void
test_ascii_reference (void **state)
{
  static const char *const pieces[] = {
    " ", "  ", "\t", "\n", "\x01", "\x7f", ".", ",", "-", "'", "`", "\"", "(", "NATO", "Libya",
    "al", "Qaddafi", "3G", "1987", "x", "McCain", "abcdefg", "ABCDEFGH", "abcdefghi",
    "aBcDeFgHiJkLmNoP",
  };
  GRand *rand = g_rand_new_with_seed (20240601);
  GString *text = g_string_new (NULL);
  for (guint round = 0; round < 3000; round++)
    {
      g_string_truncate (text, 0);
      guint n_pieces = (guint) g_rand_int_range (rand, 1, 30);
      for (guint i = 0; i < n_pieces; i++)
        {
          if (g_rand_int_range (rand, 0, 10) == 0)
            {
              /* A long word of random letters and the odd digit. */
              guint length = (guint) g_rand_int_range (rand, 55, 140);
              for (guint k = 0; k < length; k++)
                {
                  gint r = g_rand_int_range (rand, 0, 60);
                  g_string_append_c (text, (char) (r < 26 ? 'a' + r : r < 52 ? 'A' + r - 26
                                                   : r < 53 ? '7' : 'q'));
                }
            }
          else
            g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
        }

      GArray *expected = reference_tokens (text->str, text->len);
      ActnetTokens *tokens = actnet_tokens_new (text->str, (gssize) text->len);
      const ActnetSymbol *symbols = actnet_tokens_get_symbols (tokens);
      const guint64 *masks = actnet_i_tokens_get_case_masks (tokens);
      const char *keys = actnet_tokens_get_keys (tokens);
      assert_int_equal (actnet_tokens_get_count (tokens), expected->len);
      for (guint i = 0; i < expected->len; i++)
        {
          const RefSymbol *want = &g_array_index (expected, RefSymbol, i);
          assert_int_equal (symbols[i].kind, want->kind);
          assert_int_equal (symbols[i].start, want->start);
          assert_int_equal (symbols[i].end, want->end);
          assert_int_equal (symbols[i].key_length, want->key->len);
          assert_string_equal (keys + symbols[i].key_offset, want->key->str);
          if (want->kind == ACTNET_SYMBOL_WORD)
            {
              assert_int_equal (symbols[i].case_flags, want->flags);
              assert_true (masks[i] == want->mask);
            }
          g_string_free (want->key, TRUE);
        }
      g_array_unref (expected);
      actnet_tokens_free (tokens);
    }
  g_string_free (text, TRUE);
  g_rand_free (rand);
}

/* Readers may take a key 8 bytes at a time: the buffer is padded. */
static void
test_key_padding (void **state)
{
  for (gsize n = 0; n < 200; n++)
    {
      char *text = g_strnfill (n, n % 3 == 0 ? ' ' : 'a');
      ActnetTokens *tokens = actnet_tokens_new (text, (gssize) n);
      const ActnetSymbol *symbols = actnet_tokens_get_symbols (tokens);
      guint count = actnet_tokens_get_count (tokens);
      gsize end = 2;  /* the shared " " key */
      for (guint i = 0; i < count; i++)
        end = MAX (end, symbols[i].key_offset + symbols[i].key_length + 1);
      const char *keys = actnet_tokens_get_keys (tokens);
      for (gsize k = 0; k < ACTNET_I_KEYS_PADDING; k++)
        assert_int_equal (keys[end + k], 0);
      actnet_tokens_free (tokens);
      g_free (text);
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_possessive_offsets),
    cmocka_unit_test (test_multibyte_offsets),
    cmocka_unit_test (test_compatibility),
    cmocka_unit_test (test_case_folding),
    cmocka_unit_test (test_punctuation_variants),
    cmocka_unit_test (test_whitespace_runs),
    cmocka_unit_test (test_case_flags),
    cmocka_unit_test (test_invalid_utf8),
    cmocka_unit_test (test_empty),
    cmocka_unit_test (test_normalize),
    cmocka_unit_test (test_shared_article),
    cmocka_unit_test (test_ascii_reference),
    cmocka_unit_test (test_key_padding),
  };
  return cmocka_run_group_tests_name ("text", tests, NULL, NULL);
}
