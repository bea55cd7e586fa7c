/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet.h>
#include "actnet-text-private.h"

#include <stdlib.h>
#include <string.h>

/* How it works. Every alias is tokenised like text; its symbol keys, mapped
 * to small integers (the alphabet), form its pattern. One Aho–Corasick
 * automaton over all patterns then reads a text's symbols once, reporting
 * every pattern that ends at each symbol ("candidates"). Candidates failing
 * their alias's case policy are dropped; the rest are reduced to the
 * leftmost-longest non-overlapping set; aliases shared by several actors are
 * resolved against the actors already mentioned in the text.
 *
 * Symbol ids start at 1: id 0 is every key absent from all aliases, which
 * no pattern contains, so reading it sends the automaton back to the root.
 * A hyphen between two words reads as the space symbol, in aliases and in
 * text alike (al-Qaeda == al Qaeda). */

#define ROOT 0
/* A candidate whose surviving aliases are the terminal's whole list. */
#define ALL_ALIASES G_MAXUINT32
/* Above this many edges a state's edges are binary-searched. */
#define LINEAR_EDGES 8

enum {
  CHECK_FIRST_UPPER,  /* the text word starts with a capital */
  CHECK_NO_LOWER,     /* the text word has no lower-case letter */
  CHECK_EXACT         /* every letter in the same case */
};

/* One case condition on one word of an alias. */
typedef struct {
  guint32 position;  /* symbol offset of the word within the pattern */
  guint32 kind;
  guint64 mask;      /* CHECK_EXACT: the alias word's case signature */
} WordCheck;

typedef struct {
  guint32 actor;
  guint32 first_check;  /* into ActnetMatcher.checks */
  guint32 n_checks;
  guint32 n_words;      /* WORD symbols in the pattern */
} AliasInfo;

typedef struct {
  guint32 edges;   /* first edge; a state's edges end where the next state's begin */
  guint32 fail;
  guint32 output;  /* this state if terminal, else the nearest terminal on
                    * the failure chain, ROOT when none */
  guint32 depth;   /* pattern length in symbols */
} State;

enum {
  TERMINAL_CHECKED = 1 << 0,    /* some alias has case conditions */
  TERMINAL_MULTI_ACTOR = 1 << 1 /* the aliases name more than one actor */
};

typedef struct {
  guint32 first_alias;  /* into ActnetMatcher.terminal_aliases */
  guint32 n_aliases;    /* 0 for a state that ends no pattern */
  guint32 n_words;      /* WORD symbols in the pattern */
  guint32 flags;
} Terminal;

typedef struct {
  guint32 hash;
  guint32 id;  /* 0: empty slot */
} AlphabetSlot;

struct _ActnetMatcher {
  const ActnetGazetteer *gazetteer;

  /* Alphabet: open addressing over the keys, linear probing. */
  AlphabetSlot *slots;
  guint32 slot_mask;
  char *key_pool;
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
  guint32 *terminal_aliases;

  AliasInfo *aliases;     /* by gazetteer alias index */
  WordCheck *checks;
};

/* ---- Alphabet --------------------------------------------------------- */

/* FNV-1a: keys are short words, where it is as fast as anything. */
static inline guint32
hash_key (const char *key, gsize length)
{
  guint32 hash = 2166136261u;
  for (gsize i = 0; i < length; i++)
    {
      hash ^= (guchar) key[i];
      hash *= 16777619u;
    }
  return hash;
}

static inline guint32
alphabet_lookup (const ActnetMatcher *matcher, const char *key, gsize length)
{
  if (length == 1 && (guchar) key[0] < 0x80)
    return matcher->ascii_ids[(guchar) key[0]];

  guint32 hash = hash_key (key, length);
  guint32 i = hash & matcher->slot_mask;
  for (;;)
    {
      const AlphabetSlot *slot = &matcher->slots[i];
      if (slot->id == 0)
        return 0;
      if (slot->hash == hash && matcher->key_lengths[slot->id] == length
          && memcmp (matcher->key_pool + matcher->key_offsets[slot->id], key,
                     length) == 0)
        return slot->id;
      i = (i + 1) & matcher->slot_mask;
    }
}

/* Builds the lookup structures from the build-time table key -> id. */
static void
alphabet_build (ActnetMatcher *matcher, GHashTable *ids)
{
  guint32 n = g_hash_table_size (ids);
  guint32 capacity = 16;
  while (capacity < 2 * n)
    capacity *= 2;

  matcher->n_ids = n;
  matcher->slots = g_new0 (AlphabetSlot, capacity);
  matcher->slot_mask = capacity - 1;
  matcher->key_offsets = g_new (guint32, n + 1);
  matcher->key_lengths = g_new (guint32, n + 1);

  GString *pool = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint32 id = GPOINTER_TO_UINT (value);
      gsize length = strlen (key);
      matcher->key_offsets[id] = (guint32) pool->len;
      matcher->key_lengths[id] = (guint32) length;
      g_string_append_len (pool, key, length);

      if (length == 1 && ((guchar *) key)[0] < 0x80)
        matcher->ascii_ids[((guchar *) key)[0]] = id;
      guint32 hash = hash_key (key, length);
      guint32 i = hash & matcher->slot_mask;
      while (matcher->slots[i].id != 0)
        i = (i + 1) & matcher->slot_mask;
      matcher->slots[i].hash = hash;
      matcher->slots[i].id = id;
    }
  matcher->key_pool = g_string_free (pool, FALSE);

  gpointer space = g_hash_table_lookup (ids, " ");
  matcher->space_id = GPOINTER_TO_UINT (space);
}

static guint32
intern (GHashTable *ids, const char *key)
{
  gpointer value = g_hash_table_lookup (ids, key);
  if (value != NULL)
    return GPOINTER_TO_UINT (value);
  guint32 id = g_hash_table_size (ids) + 1;
  g_hash_table_insert (ids, g_strdup (key), GUINT_TO_POINTER (id));
  return id;
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

/* ---- Compilation ------------------------------------------------------ */

typedef struct {
  const guint32 *ids;
  guint32 length;
  guint32 alias;
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
  /* Equal patterns keep gazetteer order: it decides ambiguity fallbacks. */
  return x->alias < y->alias ? -1 : x->alias > y->alias;
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

/* Tokenises every alias into @pattern_ids and fills matcher->aliases and
 * matcher->checks. Returns the patterns, empty ones left out. */
static GArray *
compile_patterns (ActnetMatcher *matcher, GHashTable *ids, GArray *pattern_ids)
{
  const ActnetGazetteer *gazetteer = matcher->gazetteer;
  guint n_aliases = actnet_gazetteer_get_n_aliases (gazetteer);
  GArray *refs = g_array_sized_new (FALSE, FALSE, sizeof (PatternRef), n_aliases);
  GArray *checks = g_array_new (FALSE, FALSE, sizeof (WordCheck));
  GArray *offsets = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n_aliases);

  matcher->aliases = g_new0 (AliasInfo, MAX (n_aliases, 1));
  for (guint a = 0; a < n_aliases; a++)
    {
      const char *text = actnet_gazetteer_get_alias_text (gazetteer, a);
      ActnetCasePolicy policy = actnet_gazetteer_get_alias_policy (gazetteer, a);
      AliasInfo *info = &matcher->aliases[a];
      info->actor = actnet_gazetteer_get_alias_actor (gazetteer, a);
      info->first_check = checks->len;

      ActnetTokens *tokens = actnet_tokens_new (text, -1);
      const ActnetSymbol *symbols = actnet_tokens_get_symbols (tokens);
      const char *keys = actnet_tokens_get_keys (tokens);
      const guint64 *masks = actnet_i_tokens_get_case_masks (tokens);
      guint n = actnet_tokens_get_count (tokens);
      guint first = 0, last = n;
      while (first < last && symbols[first].kind == ACTNET_SYMBOL_SPACE)
        first++;
      while (last > first && symbols[last - 1].kind == ACTNET_SYMBOL_SPACE)
        last--;

      guint32 offset = pattern_ids->len;
      for (guint i = first; i < last; i++)
        {
          guint32 id;
          if (symbols[i].kind == ACTNET_SYMBOL_SPACE
              || is_joining_hyphen (symbols, keys, i, n))
            id = intern (ids, " ");
          else
            id = intern (ids, keys + symbols[i].key_offset);
          g_array_append_val (pattern_ids, id);
          if (symbols[i].kind == ACTNET_SYMBOL_WORD)
            {
              info->n_words++;
              add_word_check (checks, policy, i - first, symbols[i].case_flags,
                              masks[i]);
            }
        }
      info->n_checks = checks->len - info->first_check;
      actnet_tokens_free (tokens);

      /* An alias of spaces alone can name nothing. */
      if (last > first)
        {
          PatternRef ref = { NULL, last - first, a };
          g_array_append_val (refs, ref);
          g_array_append_val (offsets, offset);
        }
    }

  /* pattern_ids may have moved while growing: point into it only now. */
  for (guint r = 0; r < refs->len; r++)
    g_array_index (refs, PatternRef, r).ids
      = &g_array_index (pattern_ids, guint32, g_array_index (offsets, guint32, r));
  g_array_unref (offsets);
  matcher->checks = (WordCheck *) g_array_free (checks, FALSE);
  return refs;
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

/* Builds the trie from the sorted patterns, then failure and output links. */
static void
build_automaton (ActnetMatcher *matcher, PatternRef *refs, guint n_refs)
{
  /* Sorted patterns create each state's children in increasing id order
   * and put equal patterns side by side. */
  if (n_refs > 1)
    qsort (refs, n_refs, sizeof (PatternRef), pattern_compare);

  guint32 max_depth = 0;
  for (guint r = 0; r < n_refs; r++)
    max_depth = MAX (max_depth, refs[r].length);

  GArray *parents = g_array_new (FALSE, FALSE, sizeof (guint32));
  GArray *depths = g_array_new (FALSE, FALSE, sizeof (guint32));
  GArray *edge_ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 *path = g_new (guint32, max_depth + 1);
  guint32 zero = 0;
  g_array_append_val (parents, zero);
  g_array_append_val (depths, zero);
  g_array_append_val (edge_ids, zero);
  path[0] = ROOT;

  matcher->terminal_aliases = g_new (guint32, MAX (n_refs, 1));
  GArray *terminal_of = g_array_new (FALSE, FALSE, sizeof (guint32));
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
      matcher->terminal_aliases[r] = ref->alias;
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
      if (terminal->n_aliases == 0)
        terminal->first_alias = r;
      terminal->n_aliases++;
      const AliasInfo *info = &matcher->aliases[refs[r].alias];
      const AliasInfo *first
        = &matcher->aliases[matcher->terminal_aliases[terminal->first_alias]];
      if (info->n_checks > 0)
        terminal->flags |= TERMINAL_CHECKED;
      if (info->actor != first->actor)
        terminal->flags |= TERMINAL_MULTI_ACTOR;
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
      s->output = matcher->terminals[state].n_aliases > 0
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

  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GArray *pattern_ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  GArray *refs = compile_patterns (matcher, ids, pattern_ids);
  alphabet_build (matcher, ids);
  g_hash_table_unref (ids);
  build_automaton (matcher, (PatternRef *) refs->data, refs->len);
  g_array_unref (refs);
  g_array_unref (pattern_ids);
  return matcher;
}

void
actnet_matcher_free (ActnetMatcher *matcher)
{
  if (matcher == NULL)
    return;
  g_free (matcher->slots);
  g_free (matcher->key_pool);
  g_free (matcher->key_offsets);
  g_free (matcher->key_lengths);
  g_free (matcher->states);
  g_free (matcher->root_next);
  g_free (matcher->edge_ids);
  g_free (matcher->edge_targets);
  g_free (matcher->terminals);
  g_free (matcher->terminal_aliases);
  g_free (matcher->aliases);
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

/* A pattern found in the text whose case conditions some alias meets. */
typedef struct {
  guint32 start;       /* first symbol */
  guint32 end;         /* last symbol, inclusive */
  guint32 state;       /* terminal state */
  guint32 first;       /* into the survivors array, or ALL_ALIASES */
  guint32 n_aliases;   /* surviving aliases */
  guint32 word;        /* index of the first word */
} Candidate;

static gboolean
alias_accepts (const ActnetMatcher *matcher, guint32 alias,
               const ActnetSymbol *symbols, const guint64 *masks, guint32 start)
{
  const AliasInfo *info = &matcher->aliases[alias];
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

/* The surviving aliases of @candidate. */
static const guint32 *
candidate_aliases (const ActnetMatcher *matcher, const Candidate *candidate,
                   const GArray *survivors)
{
  if (candidate->first == ALL_ALIASES)
    return matcher->terminal_aliases
           + matcher->terminals[candidate->state].first_alias;
  return &g_array_index (survivors, guint32, candidate->first);
}

static gboolean
candidate_is_ambiguous (const ActnetMatcher *matcher, const Candidate *candidate,
                        const GArray *survivors)
{
  if ((matcher->terminals[candidate->state].flags & TERMINAL_MULTI_ACTOR) == 0)
    return FALSE;
  const guint32 *aliases = candidate_aliases (matcher, candidate, survivors);
  guint32 actor = matcher->aliases[aliases[0]].actor;
  for (guint32 k = 1; k < candidate->n_aliases; k++)
    if (matcher->aliases[aliases[k]].actor != actor)
      return TRUE;
  return FALSE;
}

/* Resolves the chosen candidates in text order into @mentions. @context
 * (NULL when no candidate is ambiguous) maps an actor to 1 + the index in
 * @chosen of its latest unambiguous mention. */
static void
resolve (const ActnetMatcher *matcher, const ActnetSymbol *symbols,
         const Candidate *chosen, guint n_chosen, const GArray *survivors,
         GHashTable *context, GArray *mentions)
{
  for (guint c = 0; c < n_chosen; c++)
    {
      const Candidate *candidate = &chosen[c];
      const guint32 *aliases = candidate_aliases (matcher, candidate, survivors);
      guint32 alias = aliases[0];

      if (context != NULL && candidate_is_ambiguous (matcher, candidate, survivors))
        {
          /* The actor named by the latest longer unambiguous mention; the
           * first listed actor when there is none. A longer name ("Saif
           * al-Islam Gaddafi") sets up the bare surname that follows; a
           * name no longer than this one does not tell them apart. The
           * aliases are in gazetteer order, so the first k of an actor is
           * its first alias: a later k of the same actor finds seen ==
           * best and is skipped. */
          guint32 depth = candidate->end - candidate->start + 1;
          guint best = 0;
          for (guint32 k = 0; k < candidate->n_aliases; k++)
            {
              guint32 actor = matcher->aliases[aliases[k]].actor;
              guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (context,
                                                                  GUINT_TO_POINTER (actor + 1)));
              if (seen == 0 || seen <= best)
                continue;
              const Candidate *earlier = &chosen[seen - 1];
              if (earlier->end - earlier->start + 1 > depth)
                {
                  best = seen;
                  alias = aliases[k];
                }
            }
        }
      else if (context != NULL)
        g_hash_table_insert (context,
                             GUINT_TO_POINTER (matcher->aliases[alias].actor + 1),
                             GUINT_TO_POINTER (c + 1));

      ActnetMention mention = {
        .start = symbols[candidate->start].start,
        .end = symbols[candidate->end].end,
        .word = candidate->word,
        .actor = matcher->aliases[alias].actor,
        .alias = alias,
      };
      g_array_append_val (mentions, mention);
    }
}

GArray *
actnet_matcher_find_tokens (const ActnetMatcher *matcher, const ActnetTokens *tokens)
{
  g_return_val_if_fail (matcher != NULL, NULL);
  g_return_val_if_fail (tokens != NULL, NULL);

  GArray *mentions = g_array_new (FALSE, FALSE, sizeof (ActnetMention));
  guint n = actnet_tokens_get_count (tokens);
  if (matcher->n_states <= 1 || n == 0)
    return mentions;

  const ActnetSymbol *symbols = actnet_tokens_get_symbols (tokens);
  const char *keys = actnet_tokens_get_keys (tokens);
  const guint64 *masks = actnet_i_tokens_get_case_masks (tokens);
  const State *states = matcher->states;
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  GArray *survivors = g_array_new (FALSE, FALSE, sizeof (guint32));

  guint32 state = ROOT;
  guint32 words = 0;  /* WORD symbols up to and including i */
  for (guint i = 0; i < n; i++)
    {
      const ActnetSymbol *symbol = &symbols[i];
      guint32 id;
      if (symbol->kind == ACTNET_SYMBOL_SPACE)
        id = matcher->space_id;
      else
        {
          if (symbol->kind == ACTNET_SYMBOL_WORD)
            words++;
          if (G_UNLIKELY (is_joining_hyphen (symbols, keys, i, n)))
            id = matcher->space_id;
          else
            id = alphabet_lookup (matcher, keys + symbol->key_offset,
                                  symbol->key_length);
        }
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

      for (guint32 t = states[state].output; t != ROOT;
           t = states[states[t].fail].output)
        {
          const Terminal *terminal = &matcher->terminals[t];
          Candidate candidate = {
            .start = i + 1 - states[t].depth,
            .end = i,
            .state = t,
            .first = ALL_ALIASES,
            .n_aliases = terminal->n_aliases,
            .word = words - terminal->n_words,
          };
          if (terminal->flags & TERMINAL_CHECKED)
            {
              candidate.first = survivors->len;
              candidate.n_aliases = 0;
              for (guint32 k = 0; k < terminal->n_aliases; k++)
                {
                  guint32 alias = matcher->terminal_aliases[terminal->first_alias + k];
                  if (alias_accepts (matcher, alias, symbols, masks, candidate.start))
                    {
                      g_array_append_val (survivors, alias);
                      candidate.n_aliases++;
                    }
                }
              if (candidate.n_aliases == 0)
                continue;
            }
          g_array_append_val (candidates, candidate);
        }
    }

  /* Leftmost-longest: order by start, longest first, then take each
   * candidate that begins after the last one taken. Candidates arrive by
   * end, which is already that order unless some overlap. */
  Candidate *all = (Candidate *) candidates->data;
  guint n_candidates = candidates->len;
  for (guint c = 1; c < n_candidates; c++)
    if (candidate_compare (&all[c - 1], &all[c]) > 0)
      {
        qsort (all, n_candidates, sizeof (Candidate), candidate_compare);
        break;
      }
  guint n_chosen = 0;
  gboolean ambiguous = FALSE;
  gint64 next_free = 0;
  for (guint c = 0; c < n_candidates; c++)
    if ((gint64) all[c].start >= next_free)
      {
        next_free = (gint64) all[c].end + 1;
        all[n_chosen++] = all[c];
        if (!ambiguous && candidate_is_ambiguous (matcher, &all[n_chosen - 1], survivors))
          ambiguous = TRUE;
      }

  GHashTable *context = ambiguous ? g_hash_table_new (NULL, NULL) : NULL;
  resolve (matcher, symbols, all, n_chosen, survivors, context, mentions);
  if (context != NULL)
    g_hash_table_unref (context);
  g_array_unref (candidates);
  g_array_unref (survivors);
  return mentions;
}

GArray *
actnet_matcher_find (const ActnetMatcher *matcher, const char *text, gssize length)
{
  g_return_val_if_fail (matcher != NULL, NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  ActnetTokens *tokens = actnet_tokens_new (text, length);
  GArray *mentions = actnet_matcher_find_tokens (matcher, tokens);
  actnet_tokens_free (tokens);
  return mentions;
}
