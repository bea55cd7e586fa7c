/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet.h>
#include "actnet-text-private.h"
#include "compiled-io.h"

#include <stdlib.h>
#include <string.h>

/* How it works. Every alias is tokenised like text; its symbol keys, mapped
 * to small integers (the alphabet), form a pattern. One alias may give
 * several patterns: a person's alias loses a leading title, a trailing
 * "[s,ish]" list adds inflected forms, and a person's surname becomes an
 * implicit pattern (a "short form") unless some explicit alias already has
 * its key. One Aho–Corasick automaton over all patterns then reads a
 * text's symbols once, reporting every pattern that ends at each symbol
 * ("candidates"). Candidates failing their pattern's case policy are
 * dropped; the rest are sorted by start, longest first, and walked once:
 * each candidate that begins after the last one taken is resolved (shared
 * aliases against the actors already named in the text, short forms
 * against the full names already seen) and taken; the others are counted,
 * or reported as well with overlaps = all.
 *
 * Symbol ids start at 1: id 0 is every key absent from all aliases, which
 * no pattern contains, so reading it sends the automaton back to the root.
 * A hyphen between two words reads as the space symbol, in aliases and in
 * text alike (al-Qaeda == al Qaeda). */

#define ROOT 0
/* A candidate whose surviving patterns are the terminal's whole list. */
#define ALL_PATTERNS G_MAXUINT32
/* choose_pattern(): nothing may be reported. */
#define NO_PATTERN G_MAXUINT32
/* Above this many edges a state's edges are binary-searched. */
#define LINEAR_EDGES 8

enum {
  CHECK_FIRST_UPPER,  /* the text word starts with a capital */
  CHECK_NO_LOWER,     /* the text word has no lower-case letter */
  CHECK_EXACT,        /* every letter in the same case */
  CHECK_UPPER_PREFIX  /* the first `mask` letters are capitals ("NGO" of "NGOs") */
};

/* One case condition on one word of a pattern. */
typedef struct {
  guint32 position;  /* symbol offset of the word within the pattern */
  guint32 kind;
  guint64 mask;      /* CHECK_EXACT: the alias word's case signature;
                      * CHECK_UPPER_PREFIX: the number of capitals */
} WordCheck;

enum {
  PATTERN_IMPLICIT = 1 << 0, /* a short form: only after a full name of its actor */
  PATTERN_FULL = 1 << 1,     /* explicit, two name words or more: a full name */
  PATTERN_DROPPED = 1 << 2   /* a short form shadowed by an explicit alias or a twin */
};

typedef struct {
  guint32 actor;
  guint32 alias;        /* the gazetteer alias it was compiled from */
  guint32 first_check;  /* into ActnetMatcher.checks */
  guint32 n_checks;
  guint32 n_words;      /* WORD symbols in the pattern */
  guint32 flags;
  guint32 form_start;   /* implicit: the form is these bytes of the alias text */
  guint32 form_end;
} PatternInfo;

typedef struct {
  guint32 edges;   /* first edge; a state's edges end where the next state's begin */
  guint32 fail;
  guint32 output;  /* this state if terminal, else the nearest terminal on
                    * the failure chain, ROOT when none */
  guint32 depth;   /* pattern length in symbols */
} State;

enum {
  TERMINAL_CHECKED = 1 << 0,     /* some pattern has case conditions */
  TERMINAL_MULTI_ACTOR = 1 << 1, /* the patterns name more than one actor */
  TERMINAL_IMPLICIT = 1 << 2,    /* short forms (never mixed with explicit
                                  * patterns: an explicit key suppresses them) */
  TERMINAL_DATED = 1 << 3        /* some pattern's alias has a validity period */
};

typedef struct {
  guint32 first_pattern;  /* into ActnetMatcher.terminal_patterns */
  guint32 n_patterns;     /* 0 for a state that ends no pattern */
  guint32 n_words;        /* WORD symbols in the pattern */
  guint32 flags;
} Terminal;

typedef struct {
  guint64 head;    /* the key's first 8 bytes (load_word()) */
  guint32 length;  /* of the key */
  guint32 id;      /* 0: empty slot */
} AlphabetSlot;

struct _ActnetMatcher {
  const ActnetGazetteer *gazetteer;

  /* Alphabet: open addressing over the keys, linear probing. */
  AlphabetSlot *slots;
  guint32 slot_mask;
  guint64 *filter;        /* one bit per hash_key() >> 40, set for every key */
  guint32 filter_mask;    /* bits - 1 */
  char *key_pool;
  guint32 key_pool_size;  /* bytes, padding included */
  guint32 *key_offsets;   /* by id */
  guint32 *key_lengths;   /* by id */
  guint32 n_ids;          /* ids are 1..n_ids */
  guint32 space_id;       /* 0 when no alias has two words */
  guint32 ascii_ids[128]; /* one-byte keys, the commonest lookups */

  /* Automaton. */
  guint32 n_states;
  State *states;          /* n_states + 1: a sentinel closes the last edge range */
  guint32 *root_next;     /* by id: the root's transitions, dense */
  guint32 *edge_ids;      /* sorted by id within each state */
  guint32 *edge_targets;
  Terminal *terminals;    /* by state */
  guint32 *terminal_patterns;
  guint32 n_terminal_patterns;

  PatternInfo *patterns;
  guint32 n_patterns;
  WordCheck *checks;
  guint32 n_checks;
};

/* ---- Alphabet --------------------------------------------------------- */

/* The @n (at most 8) bytes at @p as a little-endian word; the 8 bytes
 * there must be readable, those past @n are masked off. */
static inline guint64
load_word (const char *p, gsize n)
{
  guint64 word;
  memcpy (&word, p, sizeof word);
  word = GUINT64_FROM_LE (word);
  return n >= 8 ? word : word & ((G_GUINT64_CONSTANT (1) << (8 * n)) - 1);
}

/* A multiply-xorshift hash read 8 bytes at a time, for every key is hashed
 * once per word of text. The key must be followed by ACTNET_I_KEYS_PADDING
 * readable bytes (token keys are; the alphabet's pool is padded too). */
static inline guint64
hash_key (const char *key, gsize length)
{
  const guint64 k = G_GUINT64_CONSTANT (0xFF51AFD7ED558CCD);
  guint64 h = (guint64) length * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  for (; length > 8; key += 8, length -= 8)
    {
      h = (h ^ load_word (key, 8)) * k;
      h ^= h >> 32;
    }
  h = (h ^ load_word (key, length)) * k;
  return h ^ h >> 32;
}

static inline guint32
alphabet_lookup (const ActnetMatcher *matcher, const char *key, gsize length)
{
  if (length == 1 && (guchar) key[0] < 0x80)
    return matcher->ascii_ids[(guchar) key[0]];

  /* Most words of a text are in no alias: the filter, small enough to
   * stay in cache, turns nearly all of them away without a probe. */
  guint64 hash = hash_key (key, length);
  guint32 bit = (guint32) (hash >> 40) & matcher->filter_mask;
  if ((matcher->filter[bit >> 6] >> (bit & 63) & 1) == 0)
    return 0;
  guint32 i = (guint32) hash & matcher->slot_mask;
  guint64 head = load_word (key, length);
  for (;;)
    {
      const AlphabetSlot *slot = &matcher->slots[i];
      if (slot->id == 0)
        return 0;
      /* Keys of up to 8 bytes need nothing more than the slot. */
      if (slot->head == head && slot->length == length
          && (length <= 8
              || memcmp (matcher->key_pool + matcher->key_offsets[slot->id] + 8, key + 8,
                         length - 8) == 0))
        return slot->id;
      i = (i + 1) & matcher->slot_mask;
    }
}

/* The build-time alphabet: key -> id, ids from 1 in the order keys are
 * first seen. Keys come from token buffers, so hash_key() reads them. */
typedef struct {
  GString *pool;   /* the keys end to end */
  GArray *offsets; /* guint32 by id (entry 0 unused) */
  GArray *lengths; /* guint32 by id */
  GArray *hashes;  /* guint64 by id: hash_key() */
  guint64 *slots;  /* id << 32 | the hash's low half; 0 for an empty slot */
  guint32 mask;
} Interner;

static void
interner_init (Interner *in)
{
  guint32 zero = 0;
  guint64 zero64 = 0;
  in->pool = g_string_new (NULL);
  in->offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  in->lengths = g_array_new (FALSE, FALSE, sizeof (guint32));
  in->hashes = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_array_append_val (in->offsets, zero);
  g_array_append_val (in->lengths, zero);
  g_array_append_val (in->hashes, zero64);
  in->mask = 1023;
  in->slots = g_new0 (guint64, in->mask + 1);
}

static void
interner_clear (Interner *in)
{
  if (in->pool != NULL)
    g_string_free (in->pool, TRUE);
  if (in->offsets != NULL)
    g_array_unref (in->offsets);
  if (in->lengths != NULL)
    g_array_unref (in->lengths);
  g_array_unref (in->hashes);
  g_free (in->slots);
}

/* The slot of @key (@hash its hash_key()): its id's, or the empty one
 * where it would go. */
static guint32
interner_slot (const Interner *in, const char *key, gsize length, guint64 hash)
{
  guint32 i = (guint32) hash & in->mask;
  for (; in->slots[i] != 0; i = (i + 1) & in->mask)
    {
      guint32 id = (guint32) (in->slots[i] >> 32);
      if ((guint32) in->slots[i] == (guint32) hash
          && g_array_index (in->lengths, guint32, id) == length
          && memcmp (in->pool->str + g_array_index (in->offsets, guint32, id), key, length) == 0)
        break;
    }
  return i;
}

/* The id of @key, which is followed by ACTNET_I_KEYS_PADDING readable
 * bytes (token keys are). */
static guint32
intern (Interner *in, const char *key, gsize length)
{
  guint64 hash = hash_key (key, length);
  guint32 slot = interner_slot (in, key, length, hash);
  if (in->slots[slot] != 0)
    return (guint32) (in->slots[slot] >> 32);

  guint32 id = in->lengths->len;
  guint32 offset = (guint32) in->pool->len;
  guint32 length32 = (guint32) length;
  g_array_append_val (in->offsets, offset);
  g_array_append_val (in->lengths, length32);
  g_array_append_val (in->hashes, hash);
  g_string_append_len (in->pool, key, (gssize) length);
  in->slots[slot] = (guint64) id << 32 | (guint32) hash;
  if (2 * id > in->mask)
    {
      /* Half full: double, placing the ids again by their hashes. */
      g_free (in->slots);
      in->mask = 2 * in->mask + 1;
      in->slots = g_new0 (guint64, in->mask + 1);
      for (guint32 k = 1; k <= id; k++)
        {
          guint64 h = g_array_index (in->hashes, guint64, k);
          guint32 i = (guint32) h & in->mask;
          while (in->slots[i] != 0)
            i = (i + 1) & in->mask;
          in->slots[i] = (guint64) k << 32 | (guint32) h;
        }
    }
  return id;
}

/* The space key, padded for hash_key(). */
static const char space_key[ACTNET_I_KEYS_PADDING + 1] = " ";

/* Builds the lookup structures from the build-time alphabet, taking its
 * pool, offsets and lengths. */
static void
alphabet_build (ActnetMatcher *matcher, Interner *in)
{
  guint32 n = in->lengths->len - 1;
  guint32 capacity = 16;
  while (capacity < 2 * n)
    capacity *= 2;

  matcher->n_ids = n;
  matcher->slots = g_new0 (AlphabetSlot, capacity);
  matcher->slot_mask = capacity - 1;
  /* About 16 bits per key (6% false positives), within [2^15, 2^24]. */
  guint32 filter_bits = 1u << 15;
  while (filter_bits < 16 * n && filter_bits < (1u << 24))
    filter_bits *= 2;
  matcher->filter = g_new0 (guint64, filter_bits / 64);
  matcher->filter_mask = filter_bits - 1;

  guint32 space = interner_slot (in, space_key, 1, hash_key (space_key, 1));
  matcher->space_id = (guint32) (in->slots[space] >> 32);
  /* Padded as token keys are, for hash_key() and load_word(). */
  g_string_append_len (in->pool, "\0\0\0\0\0\0\0\0", ACTNET_I_KEYS_PADDING);
  matcher->key_pool_size = (guint32) in->pool->len;
  matcher->key_pool = g_string_free (g_steal_pointer (&in->pool), FALSE);
  matcher->key_offsets = (guint32 *) (void *) g_array_free (g_steal_pointer (&in->offsets), FALSE);
  matcher->key_lengths = (guint32 *) (void *) g_array_free (g_steal_pointer (&in->lengths), FALSE);

  for (guint32 id = 1; id <= n; id++)
    {
      const char *key_bytes = matcher->key_pool + matcher->key_offsets[id];
      guint32 length = matcher->key_lengths[id];
      if (length == 1 && (guchar) key_bytes[0] < 0x80)
        matcher->ascii_ids[(guchar) key_bytes[0]] = id;
      guint64 hash = g_array_index (in->hashes, guint64, id);
      guint32 bit = (guint32) (hash >> 40) & matcher->filter_mask;
      matcher->filter[bit >> 6] |= G_GUINT64_CONSTANT (1) << (bit & 63);
      guint32 i = (guint32) hash & matcher->slot_mask;
      while (matcher->slots[i].id != 0)
        i = (i + 1) & matcher->slot_mask;
      matcher->slots[i] = (AlphabetSlot) { load_word (key_bytes, length), length, id };
    }
}

/* A hyphen with a word on each side reads as a space. */
static inline gboolean
is_joining_hyphen (const ActnetSymbol *symbols, const char *keys, guint i,
                   guint n)
{
  const ActnetSymbol *symbol = &symbols[i];
  return symbol->kind == ACTNET_SYMBOL_PUNCT && symbol->key_length == 1
         && keys[symbol->key_offset] == '-' && i > 0 && i + 1 < n
         && symbols[i - 1].kind == ACTNET_SYMBOL_WORD
         && symbols[i + 1].kind == ACTNET_SYMBOL_WORD;
}

/* ---- Word lists ------------------------------------------------------- */

/* Titles and honorifics that may open a person's alias, as symbol keys
 * (words separated by one space; an abbreviation's dot is optional). The
 * span of a name never includes them (the gold guidelines and most style
 * books leave them out), and text writing another title before the name
 * ("Field Marshal" for "General") must still find it. */
static const char *const titles[] = {
  "president", "vice president", "prime minister", "deputy prime minister",
  "minister", "foreign minister", "defence minister", "defense minister",
  "interior minister", "secretary", "secretary of state", "secretary general",
  "foreign secretary", "defence secretary", "defense secretary",
  "field marshal", "marshal", "general", "gen", "colonel", "col",
  "lieutenant", "lt", "major", "maj", "captain", "capt", "brigadier", "brig",
  "admiral", "adm", "commander", "sergeant", "sgt",
  "dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "sir", "dame",
  "sheikh", "shaikh", "sheik", "emir", "king", "queen", "prince", "princess",
  "crown prince", "senator", "sen", "rep", "governor", "gov", "mayor",
  "ambassador", "ayatollah", "imam", "pope",
  NULL
};

/* Capitalised at the start of a sentence or in a date, these are far more
 * often the common word than a surname ("Theresa May", "George Will"): no
 * short form is derived from them and no title is stripped to leave one of
 * them alone. Months, weekdays, modal verbs and generational suffixes only:
 * the list stays short on purpose, since many real surnames are words (Rice,
 * Fox, Hunt) and a short form fires only after that person's full name. */
static const char *const common_words[] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "will", "can", "could", "would", "shall", "should", "must", "might",
  "jr", "sr", "ii", "iii", "iv",
  NULL
};

/* Particles that belong to the surname after them ("bin Qumu", "von der
 * Leyen", "Di Maio"): a short form keeps them. Only the Arabic article is
 * also dropped ("al-Sarraj", "Sarraj"); "Qumu" alone or "Maio" alone is
 * not how the press names anyone. */
static const char *const particles[] = {
  "al", "el", "bin", "ben", "ibn", "bint", "ould", "abu", "abou", "abul", "aboul",
  "de", "del", "della", "der", "den", "di", "da", "du", "dos", "das",
  "le", "la", "van", "von", "ter", "ten",
  NULL
};
static const char *const articles[] = { "al", "el", NULL };

/* "Abd" ("servant of") never stands alone: "Abdul Jalil" is one name. */
static const char *const abd_prefixes[] = {
  "abd", "abdel", "abdul", "abdal", "abdu", "abdur", "abdoul",
  NULL
};

static gboolean
key_in (const char *const *list, const char *key, gsize length)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strlen (list[i]) == length && memcmp (list[i], key, length) == 0)
      return TRUE;
  return FALSE;
}

static inline const char *
symbol_key (const ActnetSymbol *symbol, const char *keys)
{
  return keys + symbol->key_offset;
}

static gboolean
symbol_is (const ActnetSymbol *symbol, const char *keys,
           const char *const *list)
{
  return symbol->kind == ACTNET_SYMBOL_WORD
         && key_in (list, symbol_key (symbol, keys), symbol->key_length);
}

static gboolean
is_dot (const ActnetSymbol *symbol, const char *keys)
{
  return symbol->kind == ACTNET_SYMBOL_PUNCT && symbol->key_length == 1
         && symbol_key (symbol, keys)[0] == '.';
}

/* The symbols of @tokens without leading and trailing space. */
static void
trimmed_range (const ActnetTokens *tokens, guint *first, guint *last)
{
  const ActnetSymbol *symbols = actnet_tokens_get_symbols (tokens);
  guint n = actnet_tokens_get_count (tokens);
  *first = 0;
  *last = n;
  while (*first < *last && symbols[*first].kind == ACTNET_SYMBOL_SPACE)
    (*first)++;
  while (*last > *first && symbols[*last - 1].kind == ACTNET_SYMBOL_SPACE)
    (*last)--;
}

/* ---- Alias forms: titles and inflections ------------------------------ */

/* If a title starts at symbol @i (and a space and more follow it), the
 * index of the first symbol after that space, else 0. The longest title
 * wins ("Field Marshal" over "Marshal"). */
static guint
match_title (const ActnetSymbol *symbols, const char *keys, guint i, guint n)
{
  guint best = 0;
  for (guint t = 0; titles[t] != NULL; t++)
    {
      const char *p = titles[t];
      guint j = i;
      gboolean ok = TRUE;
      for (;;)
        {
          const char *space = strchr (p, ' ');
          gsize length = space != NULL ? (gsize) (space - p) : strlen (p);
          if (j >= n || symbols[j].kind != ACTNET_SYMBOL_WORD
              || symbols[j].key_length != length
              || memcmp (symbol_key (&symbols[j], keys), p, length) != 0)
            {
              ok = FALSE;
              break;
            }
          j++;
          if (space == NULL)
            break;
          if (j < n && (symbols[j].kind == ACTNET_SYMBOL_SPACE
                        || is_joining_hyphen (symbols, keys, j, n)))
            j++;
          else
            {
              ok = FALSE;
              break;
            }
          p = space + 1;
        }
      if (!ok)
        continue;
      if (j < n && is_dot (&symbols[j], keys))
        j++;
      if (j + 1 < n && symbols[j].kind == ACTNET_SYMBOL_SPACE)
        best = MAX (best, j + 1);
    }
  return best;
}

/* What may be left once a title is gone: a capitalised name, not a lone
 * title ("Secretary General") or common word ("Prime Minister May"). */
static gboolean
name_may_follow_title (const ActnetSymbol *symbols, const char *keys, guint i,
                       guint n)
{
  if (symbols[i].kind != ACTNET_SYMBOL_WORD
      || (symbols[i].case_flags & ACTNET_CASE_FIRST_UPPER) == 0)
    return FALSE;
  if (i + 1 < n)
    return TRUE;
  return !symbol_is (&symbols[i], keys, titles)
         && !symbol_is (&symbols[i], keys, common_words);
}

/* Byte offset in @text where the name starts once leading titles are
 * dropped ("Prime Minister Dr. X" -> "X"); 0 when there is none. */
static gsize
title_length (const char *text, gsize length)
{
  ActnetTokens *tokens = actnet_tokens_new (text, (gssize) length);
  const ActnetSymbol *symbols = actnet_tokens_get_symbols (tokens);
  const char *keys = actnet_tokens_get_keys (tokens);
  guint first, last;
  trimmed_range (tokens, &first, &last);

  guint position = first;
  for (;;)
    {
      guint next = match_title (symbols, keys, position, last);
      if (next == 0 || !name_may_follow_title (symbols, keys, next, last))
        break;
      position = next;
    }
  gsize offset = position > first ? symbols[position].start : 0;
  actnet_tokens_free (tokens);
  return offset;
}

/* An alias text read as a name (after any title) and a list of endings. */
typedef struct {
  gsize name_start;   /* after a leading title (persons) */
  gsize base_end;     /* before a trailing "[a,b]" list */
  GPtrArray *endings; /* char *; NULL when there is no list */
} AliasForm;

/* A trailing "[a,b]" glued to the last word, items of ASCII letters and
 * apostrophes: the endings, and the offset of '['. Anything else is not a
 * list (the brackets are then text like any other). */
static gsize
split_endings (const char *text, gsize length, GPtrArray **endings)
{
  if (length < 3 || text[length - 1] != ']')
    return length;
  const char *open = NULL;
  for (const char *p = text + length - 1; p > text; p--)
    if (p[-1] == '[')
      {
        open = p - 1;
        break;
      }
  if (open == NULL || open == text)
    return length;
  guchar before = (guchar) open[-1];
  if (!g_ascii_isalnum (before) && before < 0x80)
    return length;

  const char *close = text + length - 1;
  const char *item = open + 1;
  for (const char *p = item; p <= close; p++)
    {
      if (p == close || *p == ',')
        {
          if (p == item)
            goto not_a_list;
          if (*endings == NULL)
            *endings = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (*endings, g_strndup (item, (gsize) (p - item)));
          item = p + 1;
        }
      else if (!g_ascii_isalpha (*p) && *p != '\'')
        goto not_a_list;
    }
  return (gsize) (open - text);

not_a_list:
  g_clear_pointer (endings, g_ptr_array_unref);
  return length;
}

static void
alias_form_init (AliasForm *form, const char *text, gboolean person)
{
  form->endings = NULL;
  form->base_end = split_endings (text, strlen (text), &form->endings);
  form->name_start = person ? title_length (text, form->base_end) : 0;
}

static void
alias_form_clear (AliasForm *form)
{
  g_clear_pointer (&form->endings, g_ptr_array_unref);
}

static gboolean
is_person (const ActnetGazetteer *gazetteer, guint actor)
{
  return g_strcmp0 (actnet_gazetteer_get_type (gazetteer, actor), "person") == 0;
}

char **
actnet_alias_expand (const char *text, const char *type)
{
  g_return_val_if_fail (text != NULL, NULL);

  AliasForm form;
  alias_form_init (&form, text, g_strcmp0 (type, "person") == 0);
  GPtrArray *out = g_ptr_array_new ();
  char *base = g_strndup (text + form.name_start, form.base_end - form.name_start);
  g_ptr_array_add (out, base);
  for (guint e = 0; form.endings != NULL && e < form.endings->len; e++)
    g_ptr_array_add (out, g_strconcat (base, g_ptr_array_index (form.endings, e), NULL));
  g_ptr_array_add (out, NULL);
  alias_form_clear (&form);
  return (char **) g_ptr_array_free (out, FALSE);
}

/* ---- Compilation ------------------------------------------------------ */

typedef struct {
  const guint32 *ids;
  guint32 length;
  guint32 pattern;
} PatternRef;

static int
pattern_compare (const void *a, const void *b)
{
  const PatternRef *x = a, *y = b;
  guint32 n = MIN (x->length, y->length);
  for (guint32 i = 0; i < n; i++)
    if (x->ids[i] != y->ids[i])
      return x->ids[i] < y->ids[i] ? -1 : 1;
  if (x->length != y->length)
    return x->length < y->length ? -1 : 1;
  /* Equal patterns keep compilation order, which is gazetteer order: it
   * decides ambiguity fallbacks. */
  return x->pattern < y->pattern ? -1 : x->pattern > y->pattern;
}

/* The case conditions of one alias word under @policy, appended to
 * @checks. */
static void
add_word_check (GArray *checks, ActnetCasePolicy policy, guint32 position,
                guint case_flags, guint64 mask)
{
  WordCheck check = { position, 0, mask };

  switch (policy)
    {
    case ACTNET_CASE_POLICY_ANY:
      return;
    case ACTNET_CASE_POLICY_EXACT:
      if (actnet_i_case_mask_count (mask) == 0)
        return;
      check.kind = CHECK_EXACT;
      break;
    default:
      /* Acronyms (US, NATO, IS) stay capitals: "us" and "Is" are other
       * words. A single capital (the "A" of "Company A") is just a
       * capitalised word. */
      if (actnet_i_case_mask_count (mask) >= 2
          && (case_flags & ACTNET_CASE_HAS_LOWER) == 0)
        check.kind = CHECK_NO_LOWER;
      else if (case_flags & ACTNET_CASE_FIRST_UPPER)
        check.kind = CHECK_FIRST_UPPER;
      else
        return;
      break;
    }
  g_array_append_val (checks, check);
}

/* The word an inflection extends keeps the condition of the word as
 * written: "NGO[s]" wants "NGO" in capitals, whatever case "s" is in
 * (NGOs, NGOS), and "Kurd[s]" a capital K only. */
static void
add_inflected_check (GArray *checks, ActnetCasePolicy policy, guint32 position,
                     guint base_flags, guint64 base_mask, guint flags, guint64 mask)
{
  if (policy == ACTNET_CASE_POLICY_DEFAULT
      && actnet_i_case_mask_count (base_mask) >= 2
      && (base_flags & ACTNET_CASE_HAS_LOWER) == 0)
    {
      WordCheck check = { position, CHECK_UPPER_PREFIX,
                          actnet_i_case_mask_count (base_mask) };
      g_array_append_val (checks, check);
    }
  else if (policy == ACTNET_CASE_POLICY_DEFAULT)
    add_word_check (checks, policy, position, base_flags, base_mask);
  else
    add_word_check (checks, policy, position, flags, mask);
}

/* The last word of an uninflected base, for add_inflected_check(). */
typedef struct {
  guint symbol;       /* index in the base's symbols; G_MAXUINT: none */
  guint case_flags;
  guint64 mask;
} Junction;

typedef struct {
  ActnetMatcher *matcher;
  Interner alphabet;         /* key -> symbol id */
  GArray *pattern_ids;       /* every pattern's ids, end to end */
  GArray *offsets;           /* guint32 by pattern: into pattern_ids */
  GArray *lengths;           /* guint32 by pattern */
  GArray *infos;             /* PatternInfo */
  GArray *checks;            /* WordCheck */
  GArray *scratch;           /* ids of the pattern being compiled */
} Builder;

/* Tokenises @length bytes of @text into builder->scratch and appends the
 * case checks to builder->checks, filling @info's check and word counts.
 * FALSE (nothing appended) when only spaces are left. */
static gboolean
tokenize_pattern (Builder *builder, const char *text, gsize length,
                  ActnetCasePolicy policy, const Junction *junction,
                  gboolean person, PatternInfo *info)
{
  ActnetTokens *tokens = actnet_tokens_new (text, (gssize) length);
  const ActnetSymbol *symbols = actnet_tokens_get_symbols (tokens);
  const char *keys = actnet_tokens_get_keys (tokens);
  const guint64 *masks = actnet_i_tokens_get_case_masks (tokens);
  guint n = actnet_tokens_get_count (tokens);
  guint first, last;
  trimmed_range (tokens, &first, &last);

  g_array_set_size (builder->scratch, 0);
  info->first_check = builder->checks->len;
  info->n_words = 0;
  guint name_words = 0;
  for (guint i = first; i < last; i++)
    {
      guint32 id;
      if (symbols[i].kind == ACTNET_SYMBOL_SPACE
          || is_joining_hyphen (symbols, keys, i, n))
        id = intern (&builder->alphabet, space_key, 1);
      else
        id = intern (&builder->alphabet, symbol_key (&symbols[i], keys), symbols[i].key_length);
      g_array_append_val (builder->scratch, id);
      if (symbols[i].kind != ACTNET_SYMBOL_WORD)
        continue;
      info->n_words++;
      /* Only a person's full name enables short forms. */
      if (person && !symbol_is (&symbols[i], keys, particles))
        name_words++;
      if (junction != NULL && i == junction->symbol)
        add_inflected_check (builder->checks, policy, i - first, junction->case_flags,
                             junction->mask, symbols[i].case_flags, masks[i]);
      else
        add_word_check (builder->checks, policy, i - first, symbols[i].case_flags,
                        masks[i]);
    }
  info->n_checks = builder->checks->len - info->first_check;
  if ((info->flags & PATTERN_IMPLICIT) == 0 && name_words >= 2)
    info->flags |= PATTERN_FULL;
  actnet_tokens_free (tokens);
  return last > first;
}

/* Keeps the scratch pattern as pattern @info. */
static void
add_pattern (Builder *builder, const PatternInfo *info)
{
  guint32 offset = builder->pattern_ids->len;
  guint32 length = builder->scratch->len;
  g_array_append_vals (builder->pattern_ids, builder->scratch->data, length);
  g_array_append_val (builder->offsets, offset);
  g_array_append_val (builder->lengths, length);
  g_array_append_val (builder->infos, *info);
}

/* Compiles alias @alias as written: its name (without a person's title) and
 * each inflection. */
static void
compile_explicit (Builder *builder, guint alias)
{
  const ActnetGazetteer *gazetteer = builder->matcher->gazetteer;
  const char *text = actnet_gazetteer_get_alias_text (gazetteer, alias);
  ActnetCasePolicy policy = actnet_gazetteer_get_alias_policy (gazetteer, alias);
  guint actor = actnet_gazetteer_get_alias_actor (gazetteer, alias);
  gboolean person = is_person (gazetteer, actor);
  AliasForm form;
  alias_form_init (&form, text, person);
  const char *name = text + form.name_start;
  gsize base_length = form.base_end - form.name_start;

  PatternInfo info = { .actor = actor, .alias = alias };
  if (tokenize_pattern (builder, name, base_length, policy, NULL, person, &info))
    add_pattern (builder, &info);
  if (form.endings != NULL)
    {
      /* The base's last word takes the endings; its case condition is the
       * one written (none is kept if the base ends in punctuation). */
      ActnetTokens *tokens = actnet_tokens_new (name, (gssize) base_length);
      guint n = actnet_tokens_get_count (tokens);
      Junction junction = { G_MAXUINT, 0, 0 };
      if (n > 0 && actnet_tokens_get_symbols (tokens)[n - 1].kind == ACTNET_SYMBOL_WORD)
        junction = (Junction) { n - 1, actnet_tokens_get_symbols (tokens)[n - 1].case_flags,
                                actnet_i_tokens_get_case_masks (tokens)[n - 1] };
      actnet_tokens_free (tokens);
      for (guint e = 0; e < form.endings->len; e++)
        {
          char *variant = g_strdup_printf ("%.*s%s", (int) base_length, name,
                                           (const char *) g_ptr_array_index (form.endings, e));
          info = (PatternInfo) { .actor = actor, .alias = alias };
          if (tokenize_pattern (builder, variant, strlen (variant), policy, &junction, person,
                                &info))
            add_pattern (builder, &info);
          g_free (variant);
        }
    }
  alias_form_clear (&form);
}

/* Compiles the short form of @alias given by bytes [@start, @end) of its
 * text. Whether an explicit alias has the same key (explicit aliases always
 * win) is settled once all patterns are sorted: see drop_shadowed(). */
static void
add_short_form (Builder *builder, guint alias, guint actor, gsize start, gsize end)
{
  const ActnetGazetteer *gazetteer = builder->matcher->gazetteer;
  const char *text = actnet_gazetteer_get_alias_text (gazetteer, alias);
  ActnetCasePolicy policy = actnet_gazetteer_get_alias_policy (gazetteer, alias);
  PatternInfo info = { .actor = actor, .alias = alias, .flags = PATTERN_IMPLICIT,
                       .form_start = (guint32) start, .form_end = (guint32) end };
  if (tokenize_pattern (builder, text + start, end - start, policy, NULL, TRUE, &info))
    add_pattern (builder, &info);
}

/* Whether @key is a word of the actor's label other than its last: a given
 * name ("Islam" of "Saif al-Islam Gaddafi"), not a surname, so the alias
 * "Saif al-Islam" yields no short form "Islam". */
static gboolean
is_given_name (const char *label, const char *key, gsize length)
{
  ActnetTokens *tokens = actnet_tokens_new (label, -1);
  const ActnetSymbol *symbols = actnet_tokens_get_symbols (tokens);
  const char *keys = actnet_tokens_get_keys (tokens);
  guint first, last;
  trimmed_range (tokens, &first, &last);
  while (last > first && symbols[last - 1].kind != ACTNET_SYMBOL_WORD)
    last--;
  gboolean found = FALSE;
  for (guint i = first; i + 1 < last && !found; i++)
    found = symbols[i].kind == ACTNET_SYMBOL_WORD && symbols[i].key_length == length
            && memcmp (symbol_key (&symbols[i], keys), key, length) == 0;
  actnet_tokens_free (tokens);
  return found;
}

/* Start of the space-separated token that ends just before symbol @end
 * (a space), or G_MAXUINT when @end is at @first. */
static guint
token_before (const ActnetSymbol *symbols, guint first, guint end)
{
  if (end <= first)
    return G_MAXUINT;
  guint start = end - 1;
  while (start > first && symbols[start - 1].kind != ACTNET_SYMBOL_SPACE)
    start--;
  return start;
}

/* Derives the short forms of a person's alias (README, "Short forms"): the
 * surname, i.e. the last space-separated token with the particles before
 * it ("bin Qumu", "von der Leyen", "Abdul Jalil"), also without an Arabic
 * article ("al-Sarraj" and "Sarraj", "Al Thani" and "Thani"). Nothing when
 * no capitalised name precedes the surname, when the surname word is short
 * (< 3 letters), lower-case, a particle, a title or a common word ("May"),
 * or a given name of the actor's label. */
static void
derive_short_forms (Builder *builder, guint alias)
{
  const ActnetGazetteer *gazetteer = builder->matcher->gazetteer;
  guint actor = actnet_gazetteer_get_alias_actor (gazetteer, alias);
  const char *text = actnet_gazetteer_get_alias_text (gazetteer, alias);
  AliasForm form;
  alias_form_init (&form, text, TRUE);
  const char *name = text + form.name_start;
  ActnetTokens *tokens = actnet_tokens_new (name, (gssize) (form.base_end - form.name_start));
  const ActnetSymbol *symbols = actnet_tokens_get_symbols (tokens);
  const char *keys = actnet_tokens_get_keys (tokens);
  guint n = actnet_tokens_get_count (tokens);
  guint first, last;
  trimmed_range (tokens, &first, &last);

  /* The last token: words joined by hyphens or apostrophes only. */
  guint token = last;
  while (token > first && symbols[token - 1].kind != ACTNET_SYMBOL_SPACE)
    token--;
  if (token == first || symbols[last - 1].kind != ACTNET_SYMBOL_WORD)
    goto out;
  for (guint i = token; i < last; i++)
    if (symbols[i].kind == ACTNET_SYMBOL_PUNCT && !is_joining_hyphen (symbols, keys, i, n)
        && !(symbols[i].key_length == 1 && symbol_key (&symbols[i], keys)[0] == '\''
             && i > token && symbols[i - 1].kind == ACTNET_SYMBOL_WORD
             && i + 1 < last && symbols[i + 1].kind == ACTNET_SYMBOL_WORD))
      goto out;

  const ActnetSymbol *surname = &symbols[last - 1];
  const char *surname_key = symbol_key (surname, keys);
  if (g_utf8_strlen (surname_key, surname->key_length) < 3
      || (surname->case_flags & ACTNET_CASE_FIRST_UPPER) == 0
      || symbol_is (surname, keys, particles) || symbol_is (surname, keys, titles)
      || symbol_is (surname, keys, common_words)
      || is_given_name (actnet_gazetteer_get_label (gazetteer, actor), surname_key,
                        surname->key_length))
    goto out;

  /* "al-Sarraj": the token without its article. */
  guint bare = G_MAXUINT;
  if (symbol_is (&symbols[token], keys, articles) && token + 2 < last
      && is_joining_hyphen (symbols, keys, token + 1, n))
    bare = token + 2;

  /* Particles before the token join the surname; an "Abd" always does,
   * another particle only after a name ("Ben Wallace" is a first name).
   * After an article or an "Abd" the press writes the bare surname too
   * ("Sarraj", "Thani", "Jalil" after "Mustapha Abdul-Jalil"); after
   * "bin", "von der" or "Di" it does not ("Qumu", "Leyen", "Maio"). */
  guint unit = token;
  gboolean bare_too = TRUE;
  while (unit > first)
    {
      guint previous = token_before (symbols, first, unit - 1);
      if (previous == G_MAXUINT || previous + 1 != unit - 1)
        break;
      gboolean abd = symbol_is (&symbols[previous], keys, abd_prefixes);
      if (!abd && !(previous > first && symbol_is (&symbols[previous], keys, particles)))
        break;
      if (!abd && !symbol_is (&symbols[previous], keys, articles))
        bare_too = FALSE;
      unit = previous;
    }
  /* A name before the surname: a token with a capitalised word ("Saif
   * al-Islam", "Joseph R."), not a lone particle: "Le Drian" alone is all
   * surname ("Drian" is nobody). */
  guint given = unit > first ? token_before (symbols, first, unit - 1) : G_MAXUINT;
  if (given == G_MAXUINT
      || (given + 2 == unit && symbol_is (&symbols[given], keys, particles)))
    goto out;
  gboolean capitalised = FALSE;
  for (guint i = given; i + 1 < unit; i++)
    if (symbols[i].kind == ACTNET_SYMBOL_WORD
        && (symbols[i].case_flags & ACTNET_CASE_FIRST_UPPER))
      capitalised = TRUE;
  if (!capitalised)
    goto out;

  guint starts[3] = { unit, G_MAXUINT, G_MAXUINT };
  if (unit != token && bare_too)
    starts[1] = token;
  if (unit == token && bare != G_MAXUINT)
    starts[2] = bare;
  gsize end = form.name_start + symbols[last - 1].end;
  for (guint s = 0; s < G_N_ELEMENTS (starts); s++)
    if (starts[s] != G_MAXUINT)
      add_short_form (builder, alias, actor, form.name_start + symbols[starts[s]].start, end);

out:
  actnet_tokens_free (tokens);
  alias_form_clear (&form);
}

/* Compiles every alias, then the short forms, into @builder. */
static void
compile_patterns (Builder *builder)
{
  const ActnetGazetteer *gazetteer = builder->matcher->gazetteer;
  guint n_aliases = actnet_gazetteer_get_n_aliases (gazetteer);
  for (guint a = 0; a < n_aliases; a++)
    compile_explicit (builder, a);
  /* After every explicit alias, so that any of them, listed before or
   * after, suppresses a short form with its key. */
  for (guint a = 0; a < n_aliases; a++)
    if (is_person (gazetteer, actnet_gazetteer_get_alias_actor (gazetteer, a)))
      derive_short_forms (builder, a);
}

static gboolean
same_ids (const PatternRef *a, const PatternRef *b)
{
  return a->length == b->length
         && memcmp (a->ids, b->ids, a->length * sizeof (guint32)) == 0;
}

/* Removes from the sorted @refs the short forms that an explicit alias
 * with the same key shadows (explicit aliases always win, whichever line
 * lists them) and the repeats of a short form of the same actor. Equal
 * patterns are adjacent, explicit ones first (compiled first). Returns the
 * number of refs kept. */
static guint
drop_shadowed (ActnetMatcher *matcher, PatternRef *refs, guint n_refs)
{
  guint kept = 0;
  for (guint r = 0; r < n_refs;)
    {
      guint group = r + 1;
      while (group < n_refs && same_ids (&refs[r], &refs[group]))
        group++;
      gboolean has_explicit = (matcher->patterns[refs[r].pattern].flags & PATTERN_IMPLICIT) == 0;
      guint group_start = kept;
      for (guint k = r; k < group; k++)
        {
          PatternInfo *info = &matcher->patterns[refs[k].pattern];
          gboolean keep = TRUE;
          if (info->flags & PATTERN_IMPLICIT)
            {
              keep = !has_explicit;
              for (guint j = group_start; keep && j < kept; j++)
                if (matcher->patterns[refs[j].pattern].actor == info->actor)
                  keep = FALSE;
            }
          if (keep)
            refs[kept++] = refs[k];
          else
            info->flags |= PATTERN_DROPPED;
        }
      r = group;
    }
  return kept;
}

static inline guint32
state_next (const ActnetMatcher *matcher, guint32 state, guint32 id)
{
  if (state == ROOT)
    return matcher->root_next[id];

  guint32 lo = matcher->states[state].edges;
  guint32 hi = matcher->states[state + 1].edges;
  const guint32 *edge_ids = matcher->edge_ids;
  if (hi - lo <= LINEAR_EDGES)
    {
      for (guint32 e = lo; e < hi; e++)
        if (edge_ids[e] == id)
          return matcher->edge_targets[e];
      return ROOT;
    }
  while (lo < hi)
    {
      guint32 mid = lo + (hi - lo) / 2;
      if (edge_ids[mid] < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < matcher->states[state + 1].edges && edge_ids[lo] == id
         ? matcher->edge_targets[lo] : ROOT;
}

/* Builds the trie from the patterns, then failure and output links.
 * Sorted patterns (see actnet_matcher_new) create each state's children in
 * increasing id order and put equal patterns side by side. */
static void
build_automaton (ActnetMatcher *matcher, const PatternRef *refs, guint n_refs)
{
  guint32 max_depth = 0;
  for (guint r = 0; r < n_refs; r++)
    max_depth = MAX (max_depth, refs[r].length);

  /* At most one state per pattern symbol, plus the root. */
  guint total = 1;
  for (guint r = 0; r < n_refs; r++)
    total += refs[r].length;
  GArray *parents = g_array_sized_new (FALSE, FALSE, sizeof (guint32), total);
  GArray *depths = g_array_sized_new (FALSE, FALSE, sizeof (guint32), total);
  GArray *edge_ids = g_array_sized_new (FALSE, FALSE, sizeof (guint32), total);
  guint32 *path = g_new (guint32, max_depth + 1);
  guint32 zero = 0;
  g_array_append_val (parents, zero);
  g_array_append_val (depths, zero);
  g_array_append_val (edge_ids, zero);
  path[0] = ROOT;

  matcher->terminal_patterns = g_new (guint32, MAX (n_refs, 1));
  matcher->n_terminal_patterns = n_refs;
  GArray *terminal_of = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n_refs);
  for (guint r = 0; r < n_refs; r++)
    {
      const PatternRef *ref = &refs[r];
      guint32 common = 0;
      if (r > 0)
        {
          const PatternRef *prev = &refs[r - 1];
          guint32 limit = MIN (prev->length, ref->length);
          while (common < limit && prev->ids[common] == ref->ids[common])
            common++;
        }
      for (guint32 d = common; d < ref->length; d++)
        {
          guint32 state = parents->len;
          guint32 depth = d + 1;
          g_array_append_val (parents, path[d]);
          g_array_append_val (depths, depth);
          g_array_append_val (edge_ids, ref->ids[d]);
          path[d + 1] = state;
        }
      matcher->terminal_patterns[r] = ref->pattern;
      g_array_append_val (terminal_of, path[ref->length]);
    }
  g_free (path);

  guint32 n_states = parents->len;
  matcher->n_states = n_states;
  matcher->states = g_new0 (State, n_states + 1);
  matcher->terminals = g_new0 (Terminal, n_states);
  matcher->root_next = g_new0 (guint32, matcher->n_ids + 1);
  matcher->edge_ids = g_new (guint32, MAX (n_states, 1));
  matcher->edge_targets = g_new (guint32, MAX (n_states, 1));

  /* Edges grouped by parent (a counting sort, stable, so ids stay sorted). */
  const guint32 *parent_of = (const guint32 *) parents->data;
  guint32 *counts = g_new0 (guint32, n_states + 1);
  for (guint32 s = 1; s < n_states; s++)
    counts[parent_of[s] + 1]++;
  for (guint32 s = 0; s < n_states; s++)
    counts[s + 1] += counts[s];
  for (guint32 s = 0; s <= n_states; s++)
    matcher->states[s].edges = counts[s];
  for (guint32 s = 1; s < n_states; s++)
    {
      guint32 e = counts[parent_of[s]]++;
      matcher->edge_ids[e] = g_array_index (edge_ids, guint32, s);
      matcher->edge_targets[e] = s;
      if (parent_of[s] == ROOT)
        matcher->root_next[g_array_index (edge_ids, guint32, s)] = s;
    }
  g_free (counts);
  for (guint32 s = 0; s < n_states; s++)
    matcher->states[s].depth = g_array_index (depths, guint32, s);

  /* Terminal lists: equal patterns are consecutive refs. */
  for (guint r = 0; r < n_refs; r++)
    {
      guint32 state = g_array_index (terminal_of, guint32, r);
      Terminal *terminal = &matcher->terminals[state];
      if (terminal->n_patterns == 0)
        terminal->first_pattern = r;
      terminal->n_patterns++;
      const PatternInfo *info = &matcher->patterns[refs[r].pattern];
      const PatternInfo *first
        = &matcher->patterns[matcher->terminal_patterns[terminal->first_pattern]];
      if (info->n_checks > 0)
        terminal->flags |= TERMINAL_CHECKED;
      if (info->actor != first->actor)
        terminal->flags |= TERMINAL_MULTI_ACTOR;
      if (info->flags & PATTERN_IMPLICIT)
        terminal->flags |= TERMINAL_IMPLICIT;
      if (actnet_gazetteer_get_alias_period (matcher->gazetteer, info->alias, NULL, NULL))
        terminal->flags |= TERMINAL_DATED;
      terminal->n_words = info->n_words;
    }
  g_array_unref (terminal_of);
  g_array_unref (parents);
  g_array_unref (depths);
  g_array_unref (edge_ids);

  /* Failure links in breadth-first order: a state's failure target is
   * shallower, hence already linked. */
  guint32 *queue = g_new (guint32, n_states);
  guint32 head = 0, tail = 0;
  for (guint32 e = matcher->states[ROOT].edges; e < matcher->states[1].edges; e++)
    queue[tail++] = matcher->edge_targets[e];
  while (head < tail)
    {
      guint32 state = queue[head++];
      State *s = &matcher->states[state];
      s->output = matcher->terminals[state].n_patterns > 0
                  ? state : matcher->states[s->fail].output;
      for (guint32 e = s->edges; e < matcher->states[state + 1].edges; e++)
        {
          guint32 child = matcher->edge_targets[e];
          guint32 id = matcher->edge_ids[e];
          guint32 f = s->fail;
          guint32 target;
          for (;;)
            {
              target = state_next (matcher, f, id);
              if (target != ROOT || f == ROOT)
                break;
              f = matcher->states[f].fail;
            }
          matcher->states[child].fail = target;
          queue[tail++] = child;
        }
    }
  g_free (queue);
}

ActnetMatcher *
actnet_matcher_new (const ActnetGazetteer *gazetteer, GError **error)
{
  g_return_val_if_fail (gazetteer != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ActnetMatcher *matcher = g_new0 (ActnetMatcher, 1);
  matcher->gazetteer = gazetteer;
  guint n_aliases = actnet_gazetteer_get_n_aliases (gazetteer);

  Builder builder = {
    .matcher = matcher,
    /* Sized for about one pattern of a few symbols per alias. */
    .pattern_ids = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 4 * n_aliases),
    .offsets = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n_aliases),
    .lengths = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n_aliases),
    .infos = g_array_sized_new (FALSE, FALSE, sizeof (PatternInfo), n_aliases),
    .checks = g_array_sized_new (FALSE, FALSE, sizeof (WordCheck), 2 * n_aliases),
    .scratch = g_array_new (FALSE, FALSE, sizeof (guint32)),
  };
  interner_init (&builder.alphabet);
  compile_patterns (&builder);
  alphabet_build (matcher, &builder.alphabet);

  /* pattern_ids has stopped growing: point into it only now. */
  guint n_patterns = builder.infos->len;
  PatternRef *refs = g_new (PatternRef, MAX (n_patterns, 1));
  for (guint p = 0; p < n_patterns; p++)
    refs[p] = (PatternRef) {
      &g_array_index (builder.pattern_ids, guint32, g_array_index (builder.offsets, guint32, p)),
      g_array_index (builder.lengths, guint32, p), p
    };
  matcher->n_patterns = n_patterns;
  matcher->patterns = (PatternInfo *) (void *) g_array_free (builder.infos, FALSE);
  matcher->n_checks = builder.checks->len;
  matcher->checks = (WordCheck *) (void *) g_array_free (builder.checks, FALSE);
  if (n_patterns > 1)
    qsort (refs, n_patterns, sizeof (PatternRef), pattern_compare);
  guint n_refs = drop_shadowed (matcher, refs, n_patterns);
  build_automaton (matcher, refs, n_refs);

  g_free (refs);
  interner_clear (&builder.alphabet);
  g_array_unref (builder.pattern_ids);
  g_array_unref (builder.offsets);
  g_array_unref (builder.lengths);
  g_array_unref (builder.scratch);
  return matcher;
}

void
actnet_matcher_free (ActnetMatcher *matcher)
{
  if (matcher == NULL)
    return;
  g_free (matcher->slots);
  g_free (matcher->filter);
  g_free (matcher->key_pool);
  g_free (matcher->key_offsets);
  g_free (matcher->key_lengths);
  g_free (matcher->states);
  g_free (matcher->root_next);
  g_free (matcher->edge_ids);
  g_free (matcher->edge_targets);
  g_free (matcher->terminals);
  g_free (matcher->terminal_patterns);
  g_free (matcher->patterns);
  g_free (matcher->checks);
  g_free (matcher);
}

const ActnetGazetteer *
actnet_matcher_get_gazetteer (const ActnetMatcher *matcher)
{
  g_return_val_if_fail (matcher != NULL, NULL);
  return matcher->gazetteer;
}

/* ---- Matching --------------------------------------------------------- */

/* A pattern found in the text whose case conditions some pattern meets. */
typedef struct {
  guint32 start;       /* first symbol */
  guint32 end;         /* last symbol, inclusive */
  guint32 state;       /* terminal state */
  guint32 first;       /* into the survivors array, or ALL_PATTERNS */
  guint32 n_patterns;  /* surviving patterns */
  guint32 word;        /* index of the first word */
} Candidate;

/* What the text has said so far, for resolving shared names and short
 * forms. Orders are 1 + the index of a taken (leftmost-longest) mention. */
typedef struct {
  GHashTable *unambiguous; /* actor + 1 -> order of its latest unambiguous explicit mention */
  GHashTable *full;        /* actor + 1 -> order of its latest full name */
  GArray *depths;          /* guint32 by order - 1: the mention's length in symbols */
} Context;

/* A reported mention that later candidates may lie inside. */
typedef struct {
  guint32 end;    /* last symbol */
  guint32 actor;
} Open;

void
actnet_match_options_init (ActnetMatchOptions *options)
{
  g_return_if_fail (options != NULL);
  *options = (ActnetMatchOptions) { ACTNET_OVERLAPS_LONGEST, TRUE, FALSE, ACTNET_DATE_NONE, NULL };
}

gboolean
actnet_overlap_policy_parse (const char *text, ActnetOverlapPolicy *policy,
                             GError **error)
{
  g_return_val_if_fail (text != NULL && policy != NULL, FALSE);
  if (strcmp (text, "longest") == 0)
    *policy = ACTNET_OVERLAPS_LONGEST;
  else if (strcmp (text, "all") == 0)
    *policy = ACTNET_OVERLAPS_ALL;
  else
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                   "invalid overlap policy '%s': expected longest or all", text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
pattern_accepts (const ActnetMatcher *matcher, guint32 pattern,
                 const ActnetSymbol *symbols, const guint64 *masks, guint32 start)
{
  const PatternInfo *info = &matcher->patterns[pattern];
  for (guint32 c = 0; c < info->n_checks; c++)
    {
      const WordCheck *check = &matcher->checks[info->first_check + c];
      guint32 i = start + check->position;
      guint flags = symbols[i].case_flags;
      switch (check->kind)
        {
        case CHECK_FIRST_UPPER:
          if ((flags & ACTNET_CASE_FIRST_UPPER) == 0)
            return FALSE;
          break;
        case CHECK_NO_LOWER:
          if (flags & ACTNET_CASE_HAS_LOWER)
            return FALSE;
          break;
        case CHECK_UPPER_PREFIX:
          {
            /* The signature holds a leading 1 then one bit per cased
             * letter, first letter highest. */
            guint count = actnet_i_case_mask_count (masks[i]);
            guint want = (guint) check->mask;
            if (count < want
                || (masks[i] >> (count - want)) != (G_GUINT64_CONSTANT (2) << want) - 1)
              return FALSE;
          }
          break;
        default:
          if (masks[i] != check->mask)
            return FALSE;
          break;
        }
    }
  return TRUE;
}

static int
candidate_compare (const void *a, const void *b)
{
  const Candidate *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end > y->end ? -1 : x->end < y->end;
}

/* The surviving patterns of @candidate. */
static const guint32 *
candidate_patterns (const ActnetMatcher *matcher, const Candidate *candidate,
                    const GArray *survivors)
{
  if (candidate->first == ALL_PATTERNS)
    return matcher->terminal_patterns
           + matcher->terminals[candidate->state].first_pattern;
  return &g_array_index (survivors, guint32, candidate->first);
}

static gboolean
candidate_is_ambiguous (const ActnetMatcher *matcher, const Candidate *candidate,
                        const GArray *survivors)
{
  if ((matcher->terminals[candidate->state].flags & TERMINAL_MULTI_ACTOR) == 0)
    return FALSE;
  const guint32 *patterns = candidate_patterns (matcher, candidate, survivors);
  guint32 actor = matcher->patterns[patterns[0]].actor;
  for (guint32 k = 1; k < candidate->n_patterns; k++)
    if (matcher->patterns[patterns[k]].actor != actor)
      return TRUE;
  return FALSE;
}

static guint
context_order (GHashTable *table, guint32 actor)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (table, GUINT_TO_POINTER (actor + 1)));
}

/* The pattern @candidate reports, with its ACTNET_MENTION_SHORT_FORM and
 * _AMBIGUOUS flags in @flags, or NO_PATTERN when it names nobody here (a
 * short form before any full name of its actors). @containers (mentions
 * already reported that hold the candidate, innermost last) come first: a
 * name inside a longer name of one of its actors is that actor. */
static guint32
choose_pattern (const ActnetMatcher *matcher, const Candidate *candidate,
                const GArray *survivors, const Context *context,
                const Open *containers, guint n_containers, guint *flags)
{
  const guint32 *patterns = candidate_patterns (matcher, candidate, survivors);
  const Terminal *terminal = &matcher->terminals[candidate->state];
  gboolean implicit = (terminal->flags & TERMINAL_IMPLICIT) != 0;
  gboolean ambiguous = candidate_is_ambiguous (matcher, candidate, survivors);
  *flags = (implicit ? ACTNET_MENTION_SHORT_FORM : 0)
           | (ambiguous ? ACTNET_MENTION_AMBIGUOUS : 0);

  for (guint o = n_containers; o-- > 0;)
    if (containers[o].end >= candidate->end)
      for (guint32 k = 0; k < candidate->n_patterns; k++)
        if (matcher->patterns[patterns[k]].actor == containers[o].actor)
          return patterns[k];

  if (implicit)
    {
      /* The actor whose full name came last; none yet: not a name here.
       * Implicit terminals always come with a context. */
      guint best = 0;
      guint32 chosen = NO_PATTERN;
      for (guint32 k = 0; k < candidate->n_patterns; k++)
        {
          guint seen = context_order (context->full, matcher->patterns[patterns[k]].actor);
          if (seen > best)
            {
              best = seen;
              chosen = patterns[k];
            }
        }
      return chosen;
    }
  if (!ambiguous || context == NULL)
    return patterns[0];

  /* The actor named by the latest longer unambiguous mention; the first
   * listed actor when there is none. A longer name ("Saif al-Islam
   * Gaddafi") sets up the bare surname that follows; a name no longer than
   * this one does not tell them apart. The patterns are in gazetteer
   * order, so the first k of an actor is its first alias: a later k of the
   * same actor finds seen == best and is skipped. */
  guint32 depth = candidate->end - candidate->start + 1;
  guint best = 0;
  guint32 chosen = patterns[0];
  for (guint32 k = 0; k < candidate->n_patterns; k++)
    {
      guint seen = context_order (context->unambiguous, matcher->patterns[patterns[k]].actor);
      if (seen == 0 || seen <= best)
        continue;
      if (g_array_index (context->depths, guint32, seen - 1) > depth)
        {
          best = seen;
          chosen = patterns[k];
        }
    }
  return chosen;
}

/* Reads @tokens through the automaton. Returns the candidates that pass
 * their case checks (their surviving patterns in @survivors) and ORs the
 * flags of their terminals into @terminal_flags. */
/* Whether the alias of @pattern is valid on @date: always when it has no
 * period; never on an unknown date, since a dated title ("President") in
 * an undated text would name a holder by guess. */
static gboolean
pattern_in_period (const ActnetMatcher *matcher, guint32 pattern, ActnetDate date)
{
  ActnetDate from, to;
  if (!actnet_gazetteer_get_alias_period (matcher->gazetteer, matcher->patterns[pattern].alias,
                                          &from, &to))
    return TRUE;
  if (date == ACTNET_DATE_NONE)
    return FALSE;
  return (from == ACTNET_DATE_NONE || date >= from) && (to == ACTNET_DATE_NONE || date <= to);
}

static GArray *
scan (const ActnetMatcher *matcher, const ActnetTokens *tokens, gboolean short_forms,
      ActnetDate date, guint *out_of_period, GArray *survivors, guint32 *terminal_flags)
{
  guint n = actnet_tokens_get_count (tokens);
  const ActnetSymbol *symbols = actnet_tokens_get_symbols (tokens);
  const char *keys = actnet_tokens_get_keys (tokens);
  const guint64 *masks = actnet_i_tokens_get_case_masks (tokens);
  const State *states = matcher->states;
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  guint32 state = ROOT;
  guint32 words = 0;  /* WORD symbols up to and including i */
  guint32 ids[1024];  /* of symbols [block, block + 1024) */
  for (guint i = 0; i < n; i++)
    {
      if (i % G_N_ELEMENTS (ids) == 0)
        {
          /* The ids of a block of symbols first, in a loop of independent
           * lookups: with a large alphabet most of them miss the cache, and
           * the processor overlaps the misses only when no automaton step
           * waits on each. */
          guint block_end = MIN (n, i + G_N_ELEMENTS (ids));
          for (guint k = i; k < block_end; k++)
            {
              const ActnetSymbol *symbol = &symbols[k];
              if (symbol->kind == ACTNET_SYMBOL_SPACE
                  || G_UNLIKELY (is_joining_hyphen (symbols, keys, k, n)))
                ids[k - i] = matcher->space_id;
              else
                ids[k - i] = alphabet_lookup (matcher, keys + symbol->key_offset,
                                              symbol->key_length);
            }
        }
      words += symbols[i].kind == ACTNET_SYMBOL_WORD;
      guint32 id = ids[i % G_N_ELEMENTS (ids)];
      if (id == 0)
        {
          /* No pattern holds this symbol: nothing spans it. */
          state = ROOT;
          continue;
        }

      for (;;)
        {
          guint32 next = state_next (matcher, state, id);
          if (next != ROOT || state == ROOT)
            {
              state = next;
              break;
            }
          state = states[state].fail;
        }
      /* The root reports nothing: the commonest case (a space, say, that
       * starts no name) needs no look at its output. */
      if (state == ROOT)
        continue;

      for (guint32 t = states[state].output; t != ROOT;
           t = states[states[t].fail].output)
        {
          const Terminal *terminal = &matcher->terminals[t];
          if (!short_forms && (terminal->flags & TERMINAL_IMPLICIT))
            continue;
          Candidate candidate = {
            .start = i + 1 - states[t].depth,
            .end = i,
            .state = t,
            .first = ALL_PATTERNS,
            .n_patterns = terminal->n_patterns,
            .word = words - terminal->n_words,
          };
          if (terminal->flags & (TERMINAL_CHECKED | TERMINAL_DATED))
            {
              candidate.first = survivors->len;
              candidate.n_patterns = 0;
              gboolean dated_out = FALSE;
              for (guint32 k = 0; k < terminal->n_patterns; k++)
                {
                  guint32 pattern = matcher->terminal_patterns[terminal->first_pattern + k];
                  if (!pattern_accepts (matcher, pattern, symbols, masks, candidate.start))
                    continue;
                  /* Out of its period, an alias is absent: it neither
                   * names its actor nor competes with undated aliases of
                   * the same key. */
                  if ((terminal->flags & TERMINAL_DATED)
                      && !pattern_in_period (matcher, pattern, date))
                    {
                      dated_out = TRUE;
                      continue;
                    }
                  g_array_append_val (survivors, pattern);
                  candidate.n_patterns++;
                }
              if (dated_out)
                (*out_of_period)++;
              if (candidate.n_patterns == 0)
                continue;
            }
          *terminal_flags |= terminal->flags;
          g_array_append_val (candidates, candidate);
        }
    }
  return candidates;
}

GArray *
actnet_matcher_find_full (const ActnetMatcher *matcher, const ActnetTokens *tokens,
                          const ActnetMatchOptions *options, ActnetMatchStats *stats)
{
  g_return_val_if_fail (matcher != NULL, NULL);
  g_return_val_if_fail (tokens != NULL, NULL);

  ActnetMatchOptions defaults;
  if (options == NULL)
    {
      actnet_match_options_init (&defaults);
      options = &defaults;
    }
  if (stats != NULL)
    *stats = (ActnetMatchStats) { 0, 0, 0 };
  GArray *mentions = g_array_new (FALSE, FALSE, sizeof (ActnetMention));
  if (matcher->n_states <= 1 || actnet_tokens_get_count (tokens) == 0)
    return mentions;

  const ActnetSymbol *symbols = actnet_tokens_get_symbols (tokens);
  GArray *survivors = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 terminal_flags = 0;
  guint out_of_period = 0;
  GArray *candidates = scan (matcher, tokens, options->short_forms, options->date,
                             &out_of_period, survivors, &terminal_flags);
  if (stats != NULL)
    stats->out_of_period = out_of_period;

  /* Order by start, longest first. Candidates arrive by end, which is
   * already that order unless some overlap. */
  Candidate *all = (Candidate *) (void *) candidates->data;
  guint n_candidates = candidates->len;
  for (guint c = 1; c < n_candidates; c++)
    if (candidate_compare (&all[c - 1], &all[c]) > 0)
      {
        qsort (all, n_candidates, sizeof (Candidate), candidate_compare);
        break;
      }

  Context context = { NULL, NULL, NULL };
  Context *ctx = NULL;
  if (terminal_flags & (TERMINAL_MULTI_ACTOR | TERMINAL_IMPLICIT))
    {
      context.unambiguous = g_hash_table_new (NULL, NULL);
      context.full = g_hash_table_new (NULL, NULL);
      context.depths = g_array_new (FALSE, FALSE, sizeof (guint32));
      ctx = &context;
    }

  /* One walk: a candidate that begins after the last one taken is taken
   * (leftmost-longest) unless it names nobody yet; the others lie across
   * a taken one and are either counted (longest) or reported (all). In
   * longest mode @open holds the last taken mention only. */
  gboolean report_all = options->overlaps == ACTNET_OVERLAPS_ALL;
  gboolean count_suppressed = stats != NULL && !report_all;
  GArray *open = g_array_new (FALSE, FALSE, sizeof (Open));
  gint64 next_free = 0;
  guint32 last_actor = G_MAXUINT32;
  for (guint c = 0; c < n_candidates; c++)
    {
      const Candidate *candidate = &all[c];
      gboolean after_last = (gint64) candidate->start >= next_free;
      if (!after_last && !report_all && !count_suppressed)
        continue;

      /* Mentions ending before this candidate can hold nothing after it. */
      guint kept = 0;
      for (guint o = 0; o < open->len; o++)
        if (g_array_index (open, Open, o).end >= candidate->start)
          g_array_index (open, Open, kept++) = g_array_index (open, Open, o);
      g_array_set_size (open, kept);

      guint flags;
      guint32 pattern = choose_pattern (matcher, candidate, survivors, ctx,
                                        after_last ? NULL : (const Open *) (void *) open->data,
                                        after_last ? 0 : open->len, &flags);
      if (pattern == NO_PATTERN)
        continue;
      const PatternInfo *info = &matcher->patterns[pattern];
      if (!after_last && !report_all)
        {
          if (info->actor != last_actor)
            stats->suppressed++;
          continue;
        }

      if (report_all)
        for (guint o = 0; o < open->len; o++)
          {
            const Open *container = &g_array_index (open, Open, o);
            if (container->end < candidate->end)
              continue;
            flags |= ACTNET_MENTION_NESTED;
            if (container->actor == info->actor)
              flags |= ACTNET_MENTION_REDUNDANT;
          }
      if (after_last)
        {
          next_free = (gint64) candidate->end + 1;
          last_actor = info->actor;
          if (ctx != NULL)
            {
              guint32 depth = candidate->end - candidate->start + 1;
              g_array_append_val (context.depths, depth);
              gpointer order = GUINT_TO_POINTER (context.depths->len);
              gpointer key = GUINT_TO_POINTER (info->actor + 1);
              if ((flags & (ACTNET_MENTION_AMBIGUOUS | ACTNET_MENTION_SHORT_FORM)) == 0)
                g_hash_table_insert (context.unambiguous, key, order);
              if (info->flags & PATTERN_FULL)
                g_hash_table_insert (context.full, key, order);
            }
          if (!report_all)
            g_array_set_size (open, 0);
        }
      Open entry = { candidate->end, info->actor };
      g_array_append_val (open, entry);

      ActnetMention mention;
      /* Zeroed padding: callers may compare mentions with memcmp. */
      memset (&mention, 0, sizeof mention);
      mention.start = symbols[candidate->start].start;
      mention.end = symbols[candidate->end].end;
      mention.word = candidate->word;
      mention.actor = info->actor;
      mention.alias = info->alias;
      mention.flags = flags;
      g_array_append_val (mentions, mention);
      if (stats != NULL && (flags & ACTNET_MENTION_SHORT_FORM))
        stats->short_forms++;
    }

  g_array_unref (open);
  if (ctx != NULL)
    {
      g_hash_table_unref (context.unambiguous);
      g_hash_table_unref (context.full);
      g_array_unref (context.depths);
    }
  g_array_unref (candidates);
  g_array_unref (survivors);
  return mentions;
}

GArray *
actnet_matcher_find_tokens (const ActnetMatcher *matcher, const ActnetTokens *tokens)
{
  return actnet_matcher_find_full (matcher, tokens, NULL, NULL);
}

GArray *
actnet_matcher_find (const ActnetMatcher *matcher, const char *text, gssize length)
{
  g_return_val_if_fail (matcher != NULL, NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  ActnetTokens *tokens = actnet_tokens_new (text, length);
  GArray *mentions = actnet_matcher_find_full (matcher, tokens, NULL, NULL);
  actnet_tokens_free (tokens);
  return mentions;
}

char **
actnet_matcher_dup_short_forms (const ActnetMatcher *matcher, guint actor)
{
  g_return_val_if_fail (matcher != NULL, NULL);

  GPtrArray *forms = g_ptr_array_new ();
  for (guint32 p = 0; p < matcher->n_patterns; p++)
    {
      const PatternInfo *info = &matcher->patterns[p];
      if (info->actor != actor || (info->flags & PATTERN_IMPLICIT) == 0
          || (info->flags & PATTERN_DROPPED))
        continue;
      const char *text = actnet_gazetteer_get_alias_text (matcher->gazetteer, info->alias);
      g_ptr_array_add (forms, g_strndup (text + info->form_start,
                                         info->form_end - info->form_start));
    }
  g_ptr_array_add (forms, NULL);
  return (char **) g_ptr_array_free (forms, FALSE);
}

/* ---- Compiled form (actnet-compiled.c) -------------------------------- */

void
actnet_i_matcher_save (const ActnetMatcher *m, GByteArray *out)
{
  /* Only the edges in use: the arrays' last slot is never written. */
  guint32 n_edges = m->states[m->n_states].edges;
  guint32 scalars[] = { m->slot_mask, m->filter_mask, m->n_ids, m->space_id, m->n_states,
                        m->n_patterns, m->n_terminal_patterns, m->n_checks, m->key_pool_size,
                        n_edges };
  actnet_i_put (out, scalars, sizeof scalars);
  actnet_i_put (out, m->ascii_ids, sizeof m->ascii_ids);
  actnet_i_put_array (out, m->slots, (guint64) m->slot_mask + 1, sizeof *m->slots);
  actnet_i_put_array (out, m->filter, ((guint64) m->filter_mask + 1) / 64, sizeof *m->filter);
  actnet_i_put_array (out, m->key_pool, m->key_pool_size, 1);
  actnet_i_put_array (out, m->key_offsets, (guint64) m->n_ids + 1, sizeof *m->key_offsets);
  actnet_i_put_array (out, m->key_lengths, (guint64) m->n_ids + 1, sizeof *m->key_lengths);
  actnet_i_put_array (out, m->states, (guint64) m->n_states + 1, sizeof *m->states);
  actnet_i_put_array (out, m->root_next, (guint64) m->n_ids + 1, sizeof *m->root_next);
  actnet_i_put_array (out, m->edge_ids, n_edges, sizeof *m->edge_ids);
  actnet_i_put_array (out, m->edge_targets, n_edges, sizeof *m->edge_targets);
  actnet_i_put_array (out, m->terminals, m->n_states, sizeof *m->terminals);
  actnet_i_put_array (out, m->terminal_patterns, m->n_terminal_patterns,
                      sizeof *m->terminal_patterns);
  actnet_i_put_array (out, m->patterns, m->n_patterns, sizeof *m->patterns);
  actnet_i_put_array (out, m->checks, m->n_checks, sizeof *m->checks);
}

/* Every index the scan follows stays inside its array, whatever the file
 * says: a damaged compiled file is refused, never read out of bounds. */
static gboolean
restored_matcher_is_sound (const ActnetMatcher *m, guint32 n_edges, guint n_actors,
                           guint n_aliases)
{
  if (m->n_states == 0 || n_edges >= MAX (m->n_states, 1) || m->space_id > m->n_ids
      || m->key_pool_size < ACTNET_I_KEYS_PADDING
      || ((m->slot_mask + 1) & m->slot_mask) != 0 || ((m->filter_mask + 1) & m->filter_mask) != 0
      || m->filter_mask < 63)
    return FALSE;
  for (guint32 c = 0; c < 128; c++)
    if (m->ascii_ids[c] > m->n_ids)
      return FALSE;
  for (guint32 i = 0; i <= m->slot_mask; i++)
    if (m->slots[i].id > m->n_ids)
      return FALSE;
  for (guint32 id = 1; id <= m->n_ids; id++)
    if ((guint64) m->key_offsets[id] + m->key_lengths[id] + ACTNET_I_KEYS_PADDING > m->key_pool_size
        || m->root_next[id] >= m->n_states)
      return FALSE;
  if (m->states[ROOT].depth != 0 || m->states[m->n_states].edges != n_edges)
    return FALSE;
  /* Shorter failure and output links, so every chain ends at the root. */
  for (guint32 s = 0; s <= m->n_states; s++)
    {
      const State *state = &m->states[s];
      if (state->edges > n_edges || (s > 0 && state->edges < m->states[s - 1].edges))
        return FALSE;
      if (s < m->n_states
          && (state->fail >= m->n_states || state->output >= m->n_states
              || (s != ROOT && m->states[state->fail].depth >= state->depth)
              || m->states[state->output].depth > state->depth
              || (state->output != s && state->output != ROOT
                  && m->states[state->output].depth >= state->depth)))
        return FALSE;
    }
  /* A tree: each edge one symbol deeper. */
  for (guint32 s = 0; s < m->n_states; s++)
    for (guint32 e = m->states[s].edges; e < m->states[s + 1].edges; e++)
      if (m->edge_ids[e] > m->n_ids || m->edge_targets[e] >= m->n_states
          || m->states[m->edge_targets[e]].depth != m->states[s].depth + 1)
        return FALSE;
  for (guint32 id = 1; id <= m->n_ids; id++)
    if (m->states[m->root_next[id]].depth > 1)
      return FALSE;
  /* A terminal's patterns are as long as its depth; their case checks
   * look inside them. */
  for (guint32 s = 0; s < m->n_states; s++)
    {
      const Terminal *terminal = &m->terminals[s];
      if ((guint64) terminal->first_pattern + terminal->n_patterns > m->n_terminal_patterns
          || terminal->n_words > m->states[s].depth)
        return FALSE;
      for (guint32 k = 0; k < terminal->n_patterns; k++)
        {
          guint32 p = m->terminal_patterns[terminal->first_pattern + k];
          if (p >= m->n_patterns
              || (guint64) m->patterns[p].first_check + m->patterns[p].n_checks > m->n_checks)
            return FALSE;
          for (guint32 c = 0; c < m->patterns[p].n_checks; c++)
            if (m->checks[m->patterns[p].first_check + c].position >= m->states[s].depth)
              return FALSE;
        }
    }
  /* Probing for a key ends at an empty slot. */
  guint32 empty = 0;
  for (guint32 i = 0; i <= m->slot_mask; i++)
    empty += m->slots[i].id == 0;
  if (empty == 0)
    return FALSE;
  for (guint32 k = 0; k < m->n_terminal_patterns; k++)
    if (m->terminal_patterns[k] >= m->n_patterns)
      return FALSE;
  for (guint32 p = 0; p < m->n_patterns; p++)
    {
      const PatternInfo *info = &m->patterns[p];
      if (info->actor >= n_actors || info->alias >= n_aliases
          || (guint64) info->first_check + info->n_checks > m->n_checks
          || info->form_start > info->form_end
          || info->form_end > strlen (actnet_gazetteer_get_alias_text (m->gazetteer, info->alias)))
        return FALSE;
    }
  return TRUE;
}

ActnetMatcher *
actnet_i_matcher_restore (ActnetIReader *in, const ActnetGazetteer *gazetteer)
{
  ActnetMatcher *m = g_new0 (ActnetMatcher, 1);
  m->gazetteer = gazetteer;
  guint32 scalars[10];
  const void *raw = actnet_i_get (in, sizeof scalars);
  const void *ascii = actnet_i_get (in, sizeof m->ascii_ids);
  if (raw == NULL || ascii == NULL)
    {
      actnet_matcher_free (m);
      return NULL;
    }
  memcpy (scalars, raw, sizeof scalars);
  memcpy (m->ascii_ids, ascii, sizeof m->ascii_ids);
  m->slot_mask = scalars[0];
  m->filter_mask = scalars[1];
  m->n_ids = scalars[2];
  m->space_id = scalars[3];
  m->n_states = scalars[4];
  m->n_patterns = scalars[5];
  m->n_terminal_patterns = scalars[6];
  m->n_checks = scalars[7];
  m->key_pool_size = scalars[8];
  guint32 n_edges = scalars[9];
  m->slots = actnet_i_get_array (in, (guint64) m->slot_mask + 1, sizeof *m->slots);
  m->filter = actnet_i_get_array (in, ((guint64) m->filter_mask + 1) / 64, sizeof *m->filter);
  m->key_pool = actnet_i_get_array (in, m->key_pool_size, 1);
  m->key_offsets = actnet_i_get_array (in, (guint64) m->n_ids + 1, sizeof *m->key_offsets);
  m->key_lengths = actnet_i_get_array (in, (guint64) m->n_ids + 1, sizeof *m->key_lengths);
  m->states = actnet_i_get_array (in, (guint64) m->n_states + 1, sizeof *m->states);
  m->root_next = actnet_i_get_array (in, (guint64) m->n_ids + 1, sizeof *m->root_next);
  m->edge_ids = actnet_i_get_array (in, n_edges, sizeof *m->edge_ids);
  m->edge_targets = actnet_i_get_array (in, n_edges, sizeof *m->edge_targets);
  m->terminals = actnet_i_get_array (in, m->n_states, sizeof *m->terminals);
  m->terminal_patterns = actnet_i_get_array (in, m->n_terminal_patterns,
                                             sizeof *m->terminal_patterns);
  m->patterns = actnet_i_get_array (in, m->n_patterns, sizeof *m->patterns);
  m->checks = actnet_i_get_array (in, m->n_checks, sizeof *m->checks);
  if (in->failed
      || !restored_matcher_is_sound (m, n_edges, actnet_gazetteer_get_n_actors (gazetteer),
                                     actnet_gazetteer_get_n_aliases (gazetteer)))
    {
      in->failed = TRUE;
      actnet_matcher_free (m);
      return NULL;
    }
  return m;
}
