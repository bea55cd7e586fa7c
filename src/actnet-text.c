/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet.h>
#include "actnet-text-private.h"

#include <string.h>

/* Character classes of the tokeniser. A MARK continues (or starts) a word
 * but contributes no letter of its own. */
enum {
  CLASS_WORD,
  CLASS_MARK,
  CLASS_SPACE,
  CLASS_PUNCT
};

enum {
  CASE_NONE,
  CASE_UPPER,  /* upper or title case */
  CASE_LOWER
};

/* U+FFFD, the key of a byte that is not valid UTF-8: keys stay valid UTF-8
 * so that they can be printed and compared as strings. */
#define INVALID_KEY "\xef\xbf\xbd"
/* Offset of the shared " " key at the start of every key buffer. */
#define SPACE_KEY_OFFSET 0

struct _ActnetTokens {
  ActnetSymbol *symbols;
  guint64 *case_masks;  /* parallel to symbols, see actnet-text-private.h */
  guint n_symbols;
  guint symbols_capacity;
  char *keys;
  gsize keys_length;
  gsize keys_capacity;
};

/* ---- Per-character normalisation ------------------------------------- */

/* Non-ASCII characters are normalised through tables built lazily, one
 * block of 256 code points at a time, and never freed: decomposition and
 * case folding through GLib cost an allocation per call, which would
 * dominate on non-Latin text, while a block costs a few microseconds once
 * per process. Blocks are installed with compare-and-swap so that
 * tokenisers in several threads may race on the same block safely. */
typedef struct {
  guint16 key_offset;  /* into the block's pool */
  guint8 key_length;
  guint8 info;         /* class | case << 2 */
} CharEntry;

typedef struct {
  CharEntry entries[256];
  char pool[];
} CharBlock;

#define N_BLOCKS (0x110000 >> 8)
static CharBlock *char_blocks[N_BLOCKS];

static gunichar
fold_variant (gunichar ch)
{
  switch (ch)
    {
    /* Apostrophes, including the modifier letters that transliterations and
     * some keyboards use in their place (they are letters to Unicode, which
     * would otherwise glue "Qaddafiʼs" into one word). */
    case 0x0060: case 0x00B4: case 0x02B9: case 0x02BB: case 0x02BC:
    case 0x02BD: case 0x02BE: case 0x02BF: case 0x2018: case 0x2019:
    case 0x201A: case 0x201B: case 0x2032: case 0x2035: case 0xA78C:
    case 0xFF07:
      return '\'';
    case 0x00AB: case 0x00BB: case 0x02BA: case 0x201C: case 0x201D:
    case 0x201E: case 0x201F: case 0x2033: case 0x2036: case 0x301D:
    case 0x301E: case 0x301F: case 0xFF02:
      return '"';
    /* The soft hyphen is invisible, but where it survives in text it marks
     * a hyphenation point, which the matcher reads as a word break. */
    case 0x00AD: case 0x058A: case 0x2010: case 0x2011: case 0x2012:
    case 0x2013: case 0x2014: case 0x2015: case 0x2043: case 0x2212:
    case 0x2E3A: case 0x2E3B: case 0xFE58: case 0xFE63: case 0xFF0D:
      return '-';
    default:
      return ch;
    }
}

/* Marks dropped from keys. Spacing marks (Mc) are kept: in Indic scripts
 * they are vowels, and dropping them would merge distinct words. */
static gboolean
is_dropped_mark (gunichar ch)
{
  GUnicodeType type = g_unichar_type (ch);
  return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK;
}

static void
classify_char (gunichar ch, guint *klass, guint *char_case)
{
  GUnicodeType type = g_unichar_type (ch);

  if (g_unichar_isupper (ch) || g_unichar_istitle (ch))
    *char_case = CASE_UPPER;
  else if (g_unichar_islower (ch))
    *char_case = CASE_LOWER;
  else
    *char_case = CASE_NONE;

  if (fold_variant (ch) != ch)
    *klass = CLASS_PUNCT;
  /* The zero-width space and a byte order mark separate words; C1 controls
   * are as meaningless as C0 ones. */
  else if (g_unichar_isspace (ch) || type == G_UNICODE_CONTROL
           || ch == 0x200B || ch == 0xFEFF)
    *klass = CLASS_SPACE;
  else if (g_unichar_isalnum (ch))
    *klass = CLASS_WORD;
  /* Other format characters (joiners, direction marks) are invisible: they
   * must not cut a name in two. */
  else if (type == G_UNICODE_NON_SPACING_MARK
           || type == G_UNICODE_SPACING_MARK
           || type == G_UNICODE_ENCLOSING_MARK || type == G_UNICODE_FORMAT)
    *klass = CLASS_MARK;
  else
    *klass = CLASS_PUNCT;
}

/* Writes the key of one non-ASCII character into @out (at least 256
 * bytes) and returns its length. */
static guint
normalize_char (gunichar ch, guint klass, char *out)
{
  guint n = 0;

  if (klass == CLASS_SPACE)
    {
      out[0] = ' ';
      return 1;
    }
  if (klass == CLASS_MARK && g_unichar_type (ch) == G_UNICODE_FORMAT)
    return 0;

  gunichar variant = fold_variant (ch);
  if (variant != ch)
    {
      out[0] = (char) variant;
      return 1;
    }

  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n_decomposed = g_unichar_fully_decompose (ch, TRUE, decomposed,
                                                  G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < n_decomposed; i++)
    {
      gunichar d = decomposed[i];
      if (d < 0x80)
        {
          out[n++] = (char) (d == '`' ? '\'' : g_ascii_tolower ((char) d));
          continue;
        }
      if (is_dropped_mark (d))
        continue;
      char utf8[8];
      int utf8_length = g_unichar_to_utf8 (d, utf8);
      /* Full case folding, not tolower: ß must become "ss". */
      char *folded = g_utf8_casefold (utf8, utf8_length);
      for (const char *f = folded; *f != '\0'; f = g_utf8_next_char (f))
        {
          gunichar e = g_utf8_get_char (f);
          if (is_dropped_mark (e))
            continue;
          /* GLib folds Cherokee small letters to capitals and capitals to
           * small ones (tolower): lower the result so both meet. */
          e = fold_variant (g_unichar_tolower (e));
          /* 18 decomposed characters, each folding to at most 3 of at most
           * 4 bytes: 216 bytes at worst, within the 256 promised. */
          n += g_unichar_to_utf8 (e, out + n);
        }
      g_free (folded);
    }
  return n;
}

static CharBlock *
char_block_build (guint block)
{
  CharEntry entries[256];
  GString *pool = g_string_sized_new (512);

  for (guint i = 0; i < 256; i++)
    {
      gunichar ch = (block << 8) | i;
      guint klass, char_case;
      char key[256];
      /* Surrogates never reach here (the decoder rejects them). */
      classify_char (ch, &klass, &char_case);
      guint length = normalize_char (ch, klass, key);
      entries[i].key_offset = (guint16) pool->len;
      entries[i].key_length = (guint8) length;
      entries[i].info = (guint8) (klass | char_case << 2);
      g_string_append_len (pool, key, length);
    }

  /* 256 keys of at most 216 bytes each fit the 16-bit offsets. */
  CharBlock *result = g_malloc (sizeof (CharBlock) + pool->len);
  memcpy (result->entries, entries, sizeof entries);
  memcpy (result->pool, pool->str, pool->len);
  g_string_free (pool, TRUE);
  return result;
}

static const CharBlock *
char_block_get (guint block)
{
  CharBlock *result = g_atomic_pointer_get (&char_blocks[block]);
  if (G_LIKELY (result != NULL))
    return result;

  CharBlock *fresh = char_block_build (block);
  if (g_atomic_pointer_compare_and_exchange (&char_blocks[block], NULL, fresh))
    return fresh;
  /* Another thread won the race; its block is identical. */
  g_free (fresh);
  return g_atomic_pointer_get (&char_blocks[block]);
}

/* Decodes one UTF-8 character at @p (before @end). Returns its length in
 * bytes, or 0 when the byte at @p does not start a valid, complete,
 * shortest-form sequence of a scalar value. */
static inline guint
utf8_decode (const guchar *p, const guchar *end, gunichar *out)
{
  guchar c = p[0];
  gsize avail = (gsize) (end - p);

  if (c >= 0xC2 && c <= 0xDF)
    {
      if (avail < 2 || (p[1] & 0xC0) != 0x80)
        return 0;
      *out = ((gunichar) (c & 0x1F) << 6) | (p[1] & 0x3F);
      return 2;
    }
  if (c >= 0xE0 && c <= 0xEF)
    {
      if (avail < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
        return 0;
      if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F))
        return 0;  /* overlong, or a surrogate */
      *out = ((gunichar) (c & 0x0F) << 12) | ((gunichar) (p[1] & 0x3F) << 6)
             | (p[2] & 0x3F);
      return 3;
    }
  if (c >= 0xF0 && c <= 0xF4)
    {
      if (avail < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80
          || (p[3] & 0xC0) != 0x80)
        return 0;
      if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F))
        return 0;  /* overlong, or beyond U+10FFFF */
      *out = ((gunichar) (c & 0x07) << 18) | ((gunichar) (p[1] & 0x3F) << 12)
             | ((gunichar) (p[2] & 0x3F) << 6) | (p[3] & 0x3F);
      return 4;
    }
  return 0;
}

/* The table entry of a decoded non-ASCII character, and its key. */
static inline const CharEntry *
char_entry (gunichar ch, const char **key)
{
  const CharBlock *block = char_block_get (ch >> 8);
  const CharEntry *entry = &block->entries[ch & 0xFF];
  *key = block->pool + entry->key_offset;
  return entry;
}

/* ---- ASCII ------------------------------------------------------------ */

/* What an ASCII byte starts or continues; every byte >= 0x80 is
 * BYTE_HIGH (decoded and looked up in the tables above). */
enum {
  BYTE_WORD,   /* letters and digits */
  BYTE_SPACE,  /* whitespace and every C0 control character, DEL */
  BYTE_PUNCT,
  BYTE_HIGH
};

#define W BYTE_WORD
#define S BYTE_SPACE
#define P BYTE_PUNCT
#define H BYTE_HIGH
static const guint8 byte_kind[256] = {
  S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
  S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
  S, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,
  W, W, W, W, W, W, W, W, W, W, P, P, P, P, P, P,
  P, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
  W, W, W, W, W, W, W, W, W, W, W, P, P, P, P, P,
  P, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
  W, W, W, W, W, W, W, W, W, W, W, P, P, P, P, S,
  H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
  H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
  H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
  H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
  H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
  H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
  H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
  H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
};
#undef W
#undef S
#undef P
#undef H

/* ---- Buffers ---------------------------------------------------------- */

static void
keys_grow (ActnetTokens *tokens, gsize extra)
{
  gsize capacity = tokens->keys_capacity * 2;
  while (capacity < tokens->keys_length + extra)
    capacity *= 2;
  tokens->keys = g_realloc (tokens->keys, capacity + ACTNET_I_KEYS_PADDING);
  tokens->keys_capacity = capacity;
}

static inline void
keys_reserve (ActnetTokens *tokens, gsize extra)
{
  if (G_UNLIKELY (tokens->keys_length + extra > tokens->keys_capacity))
    keys_grow (tokens, extra);
}

static inline void
keys_append (ActnetTokens *tokens, const char *bytes, gsize length)
{
  keys_reserve (tokens, length);
  memcpy (tokens->keys + tokens->keys_length, bytes, length);
  tokens->keys_length += length;
}

static void
symbols_grow (ActnetTokens *tokens)
{
  tokens->symbols_capacity *= 2;
  tokens->symbols = g_renew (ActnetSymbol, tokens->symbols, tokens->symbols_capacity);
  tokens->case_masks = g_renew (guint64, tokens->case_masks, tokens->symbols_capacity);
}

static inline void
symbol_push (ActnetTokens *tokens, gsize start, gsize end, gsize key_offset,
             gsize key_length, guint kind, guint case_flags, guint64 mask)
{
  if (G_UNLIKELY (tokens->n_symbols == tokens->symbols_capacity))
    symbols_grow (tokens);
  ActnetSymbol *symbol = &tokens->symbols[tokens->n_symbols];
  symbol->start = start;
  symbol->end = end;
  symbol->key_offset = (guint32) key_offset;
  symbol->key_length = (guint32) key_length;
  symbol->kind = (guint8) kind;
  symbol->case_flags = (guint8) case_flags;
  tokens->case_masks[tokens->n_symbols] = mask;
  tokens->n_symbols++;
}

/* ---- Tokeniser -------------------------------------------------------- */

typedef struct {
  guint flags;
  guint64 mask;
} CaseState;

/* Adds one cased character (@upper: upper or title case, else lower),
 * without branches: this runs for every letter of the text. */
static inline void
case_state_add (CaseState *state, guint upper)
{
  guint first = upper & ((state->flags & (ACTNET_CASE_HAS_UPPER | ACTNET_CASE_HAS_LOWER)) == 0);
  state->flags |= (first ? ACTNET_CASE_FIRST_UPPER : 0)
                  | (upper ? ACTNET_CASE_HAS_UPPER : ACTNET_CASE_HAS_LOWER);
  guint room = (guint) ((state->mask >> 63) == 0);
  state->mask = state->mask << room | (guint64) (upper & room);
}

/* ASCII letters and digits: the lower-cased byte, and above it
 * ASCII_LOWER, ASCII_UPPER or ASCII_DIGIT; 0 for every other byte. */
#define ASCII_LOWER 0x100
#define ASCII_UPPER 0x200
#define ASCII_DIGIT 0x400
static const guint16 ascii_word[256] = {
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0x430, 0x431, 0x432, 0x433, 0x434, 0x435, 0x436, 0x437, 0x438, 0x439, 0, 0, 0, 0, 0, 0,
  0, 0x261, 0x262, 0x263, 0x264, 0x265, 0x266, 0x267, 0x268, 0x269, 0x26a, 0x26b, 0x26c, 0x26d, 0x26e, 0x26f,
  0x270, 0x271, 0x272, 0x273, 0x274, 0x275, 0x276, 0x277, 0x278, 0x279, 0x27a, 0, 0, 0, 0, 0,
  0, 0x161, 0x162, 0x163, 0x164, 0x165, 0x166, 0x167, 0x168, 0x169, 0x16a, 0x16b, 0x16c, 0x16d, 0x16e, 0x16f,
  0x170, 0x171, 0x172, 0x173, 0x174, 0x175, 0x176, 0x177, 0x178, 0x179, 0x17a, 0, 0, 0, 0, 0,
};

/* ASCII bytes of a word are lower-cased in chunks of at most this many,
 * for which room is made once. */
#define ASCII_CHUNK 64

#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined (__GNUC__)
#define SWAR_WORDS 1
#define BYTES(c) (G_GUINT64_CONSTANT (0x0101010101010101) * (c))
#define HIGH_BITS BYTES (0x80)

/* 0x80 in each byte of @x7 (bytes below 0x80) that is @lo..@hi. */
static inline guint64
bytes_in_range (guint64 x7, guint lo, guint hi)
{
  return (x7 + BYTES (0x80 - lo)) & ~(x7 + BYTES (0x7F - hi)) & HIGH_BITS;
}
#endif

/* Scans the word starting at @p and returns the offset after it. */
static gsize
scan_word (ActnetTokens *tokens, const guchar *text, gsize p, gsize length)
{
  gsize start = p;
  gsize key_offset = tokens->keys_length;
  CaseState state = { 0, 1 };

  for (;;)
    {
      /* One more byte for the key's NUL. */
      keys_reserve (tokens, ASCII_CHUNK + 1);
      char *out = tokens->keys + tokens->keys_length;
      gsize stop = MIN (length, p + ASCII_CHUNK);
      gsize q = p;
      guint all = 0;
      guint64 bits = 0;
#ifdef SWAR_WORDS
      /* Eight bytes at a time while they are letters and digits: a word
       * ends without a mispredicted loop exit per byte. */
      while (q + 8 <= stop)
        {
          guint64 x;
          memcpy (&x, text + q, sizeof x);
          guint64 x7 = x & ~HIGH_BITS;
          guint64 upper = bytes_in_range (x7, 'A', 'Z');
          guint64 lower = bytes_in_range (x7, 'a', 'z');
          guint64 digit = bytes_in_range (x7, '0', '9');
          guint64 other = ~(upper | lower | digit) | (x & HIGH_BITS);
          other &= HIGH_BITS;
          guint n = other != 0 ? (guint) __builtin_ctzll (other) / 8 : 8;
          /* All eight stored; the bytes past the word are overwritten. */
          guint64 lowered = x | upper >> 2;
          memcpy (out, &lowered, sizeof lowered);
          guint64 keep = n == 8 ? G_MAXUINT64 : (G_GUINT64_CONSTANT (1) << (8 * n)) - 1;
          all |= ((upper & keep) ? ASCII_UPPER : 0u) | ((lower & keep) ? ASCII_LOWER : 0u)
                 | ((digit & keep) ? ASCII_DIGIT : 0u);
          /* The capitals' top bits gathered, first byte highest. */
          guint64 gathered = ((upper >> 7) * G_GUINT64_CONSTANT (0x8040201008040201)) >> 56;
          bits = n == 8 ? bits << 8 | gathered : bits << n | gathered >> (8 - n);
          out += n;
          q += n;
          if (n < 8)
            break;
        }
#endif
      for (; q < stop; q++)
        {
          guint info = ascii_word[text[q]];
          if (info == 0)
            break;
          *out++ = (char) info;
          bits = bits << 1 | (info >> 9 & 1);
          all |= info;
        }
      gsize run = q - p;
      tokens->keys_length += run;
      /* Letters only, and room for all of them in the signature: the
       * chunk's capitals are @bits as they stand. */
      if (run > 0 && (all & ASCII_DIGIT) == 0 && (state.mask >> (64 - run)) == 0)
        {
          if ((state.flags & (ACTNET_CASE_HAS_UPPER | ACTNET_CASE_HAS_LOWER)) == 0
              && (bits >> (run - 1)) != 0)
            state.flags |= ACTNET_CASE_FIRST_UPPER;
          state.flags |= ((all & ASCII_UPPER) ? ACTNET_CASE_HAS_UPPER : 0)
                         | ((all & ASCII_LOWER) ? ACTNET_CASE_HAS_LOWER : 0);
          state.mask = state.mask << run | bits;
        }
      else
        for (gsize i = p; i < q; i++)
          {
            guint info = ascii_word[text[i]];
            if (info & (ASCII_LOWER | ASCII_UPPER))
              case_state_add (&state, (info & ASCII_UPPER) != 0);
          }
      gboolean more = q == stop && stop < length;
      p = q;
      if (more)
        continue;
      if (p >= length || text[p] < 0x80)
        break;

      gunichar ch;
      guint n = utf8_decode (text + p, text + length, &ch);
      if (n == 0)
        break;
      const char *key;
      const CharEntry *entry = char_entry (ch, &key);
      guint klass = entry->info & 3;
      if (klass != CLASS_WORD && klass != CLASS_MARK)
        break;
      keys_append (tokens, key, entry->key_length);
      guint char_case = entry->info >> 2;
      if (char_case != CASE_NONE)
        case_state_add (&state, char_case == CASE_UPPER);
      p += n;
    }

  gsize key_length = tokens->keys_length - key_offset;
  keys_reserve (tokens, 1);
  tokens->keys[tokens->keys_length++] = '\0';
  symbol_push (tokens, start, p, key_offset, key_length, ACTNET_SYMBOL_WORD,
               state.flags, state.mask);
  return p;
}

static gsize
scan_space (ActnetTokens *tokens, const guchar *text, gsize p, gsize length)
{
  gsize start = p;

  while (p < length)
    {
      guint kind = byte_kind[text[p]];
      if (kind == BYTE_SPACE)
        {
          p++;
          continue;
        }
      if (kind != BYTE_HIGH)
        break;
      gunichar ch;
      guint n = utf8_decode (text + p, text + length, &ch);
      const char *key;
      if (n == 0 || (char_entry (ch, &key)->info & 3) != CLASS_SPACE)
        break;
      p += n;
    }
  symbol_push (tokens, start, p, SPACE_KEY_OFFSET, 1, ACTNET_SYMBOL_SPACE, 0, 0);
  return p;
}

static void
push_punct (ActnetTokens *tokens, gsize start, gsize end, const char *key,
            gsize key_length)
{
  gsize key_offset = tokens->keys_length;
  keys_reserve (tokens, key_length + 1);
  memcpy (tokens->keys + key_offset, key, key_length);
  tokens->keys[key_offset + key_length] = '\0';
  tokens->keys_length += key_length + 1;
  symbol_push (tokens, start, end, key_offset, key_length, ACTNET_SYMBOL_PUNCT,
               0, 0);
}

static inline void
push_ascii_punct (ActnetTokens *tokens, gsize p, guchar c)
{
  gsize key_offset = tokens->keys_length;
  keys_reserve (tokens, 2);
  tokens->keys[key_offset] = c == '`' ? '\'' : (char) c;
  tokens->keys[key_offset + 1] = '\0';
  tokens->keys_length += 2;
  symbol_push (tokens, p, p + 1, key_offset, 1, ACTNET_SYMBOL_PUNCT, 0, 0);
}

ActnetTokens *
actnet_tokens_new (const char *text, gssize length)
{
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  gsize n = length < 0 ? strlen (text) : (gsize) length;
  /* Key offsets are 32-bit; keys take at most a few times the text. */
  g_return_val_if_fail (n < G_MAXUINT32 / 8, NULL);

  const guchar *bytes = (const guchar *) text;
  ActnetTokens *tokens = g_new0 (ActnetTokens, 1);
  /* English averages about one symbol per three bytes; guessing close
   * spares most reallocations. */
  tokens->symbols_capacity = (guint) (n / 3 + 16);
  tokens->symbols = g_new (ActnetSymbol, tokens->symbols_capacity);
  tokens->case_masks = g_new (guint64, tokens->symbols_capacity);
  /* scan_word() makes room for a whole chunk at a time. */
  tokens->keys_capacity = n + n / 2 + ASCII_CHUNK + 16;
  tokens->keys = g_malloc (tokens->keys_capacity + ACTNET_I_KEYS_PADDING);
  keys_append (tokens, " ", 2);  /* the shared SPACE_KEY_OFFSET key */

  gsize p = 0;
  while (p < n)
    {
      guchar c = bytes[p];
      switch (byte_kind[c])
        {
        case BYTE_WORD:
          p = scan_word (tokens, bytes, p, n);
          continue;
        case BYTE_SPACE:
          /* A lone ASCII space, the commonest symbol, needs no loop. */
          if (p + 1 < n && byte_kind[bytes[p + 1]] != BYTE_SPACE
              && byte_kind[bytes[p + 1]] != BYTE_HIGH)
            {
              symbol_push (tokens, p, p + 1, SPACE_KEY_OFFSET, 1, ACTNET_SYMBOL_SPACE, 0, 0);
              p++;
            }
          else
            p = scan_space (tokens, bytes, p, n);
          continue;
        case BYTE_PUNCT:
          push_ascii_punct (tokens, p, c);
          p++;
          continue;
        default:
          break;
        }

      gunichar ch;
      guint width = utf8_decode (bytes + p, bytes + n, &ch);
      if (width == 0)
        {
          push_punct (tokens, p, p + 1, INVALID_KEY, strlen (INVALID_KEY));
          p++;
          continue;
        }
      const char *key;
      const CharEntry *entry = char_entry (ch, &key);
      switch (entry->info & 3)
        {
        case CLASS_WORD:
        case CLASS_MARK:
          p = scan_word (tokens, bytes, p, n);
          break;
        case CLASS_SPACE:
          p = scan_space (tokens, bytes, p, n);
          break;
        default:
          push_punct (tokens, p, p + width, key, entry->key_length);
          p += width;
          break;
        }
    }
  /* Defined bytes for readers of whole words past the last key. */
  memset (tokens->keys + tokens->keys_length, 0, ACTNET_I_KEYS_PADDING);
  return tokens;
}

void
actnet_tokens_free (ActnetTokens *tokens)
{
  if (tokens == NULL)
    return;
  g_free (tokens->symbols);
  g_free (tokens->case_masks);
  g_free (tokens->keys);
  g_free (tokens);
}

guint
actnet_tokens_get_count (const ActnetTokens *tokens)
{
  g_return_val_if_fail (tokens != NULL, 0);
  return tokens->n_symbols;
}

const ActnetSymbol *
actnet_tokens_get_symbols (const ActnetTokens *tokens)
{
  g_return_val_if_fail (tokens != NULL, NULL);
  return tokens->symbols;
}

const char *
actnet_tokens_get_keys (const ActnetTokens *tokens)
{
  g_return_val_if_fail (tokens != NULL, NULL);
  return tokens->keys;
}

const guint64 *
actnet_i_tokens_get_case_masks (const ActnetTokens *tokens)
{
  g_return_val_if_fail (tokens != NULL, NULL);
  return tokens->case_masks;
}

guint
actnet_i_case_mask_count (guint64 mask)
{
  guint count = 0;
  while (mask > 1)
    {
      mask >>= 1;
      count++;
    }
  return count;
}

char *
actnet_text_normalize (const char *text, gssize length)
{
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  ActnetTokens *tokens = actnet_tokens_new (text, length);
  char *key = actnet_i_tokens_normalize (tokens);
  actnet_tokens_free (tokens);
  return key;
}

/* TRUE when @symbol adds nothing but space to a key: a space run, a word of
 * combining marks alone (no base letter; empty key), or a symbol whose
 * compatibility form is a space and a dropped mark ("‗", "´", "¨": " "). */
static inline gboolean
blank_symbol (const ActnetTokens *tokens, const ActnetSymbol *symbol)
{
  return symbol->kind == ACTNET_SYMBOL_SPACE || symbol->key_length == 0
         || (symbol->key_length == 1 && tokens->keys[symbol->key_offset] == ' ');
}

char *
actnet_i_tokens_normalize (const ActnetTokens *tokens)
{
  g_return_val_if_fail (tokens != NULL, NULL);

  const ActnetSymbol *symbols = tokens->symbols;
  guint first = 0;
  guint last = tokens->n_symbols;
  /* No space is left at either end or doubled. */
  while (first < last && blank_symbol (tokens, &symbols[first]))
    first++;
  while (last > first && blank_symbol (tokens, &symbols[last - 1]))
    last--;

  GString *result = g_string_sized_new (tokens->keys_length);
  for (guint i = first; i < last; i++)
    {
      const ActnetSymbol *symbol = &symbols[i];
      const char *key = tokens->keys + symbol->key_offset;
      if (symbol->key_length == 0
          || (blank_symbol (tokens, symbol) && result->len > 0
              && result->str[result->len - 1] == ' '))
        continue;
      /* The symbols around a hyphen between words lie inside [first, last)
       * since only spaces were trimmed. */
      if (symbol->kind == ACTNET_SYMBOL_PUNCT && symbol->key_length == 1
          && key[0] == '-' && i > first && i + 1 < last
          && symbols[i - 1].kind == ACTNET_SYMBOL_WORD && symbols[i - 1].key_length > 0
          && symbols[i + 1].kind == ACTNET_SYMBOL_WORD && symbols[i + 1].key_length > 0)
        g_string_append_c (result, ' ');
      else
        g_string_append_len (result, key, symbol->key_length);
    }
  return g_string_free (result, FALSE);
}

void
actnet_text_append_squeezed (GString *out, const char *text, gssize length)
{
  g_return_if_fail (out != NULL && (text != NULL || length <= 0));
  gsize n = length < 0 ? strlen (text) : (gsize) length;
  gboolean in_space = FALSE;
  for (gsize i = 0; i < n; i++)
    {
      gboolean space = g_ascii_isspace (text[i]);
      if (!space)
        g_string_append_c (out, text[i]);
      else if (!in_space)
        g_string_append_c (out, ' ');
      in_space = space;
    }
}
