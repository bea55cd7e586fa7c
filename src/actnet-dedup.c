/* Near-duplicate documents: MinHash signatures of word shingles, LSH
 * banding for candidates (see actnet-dedup.h).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet.h>

#include <string.h>

#include "atomic-file.h"

G_STATIC_ASSERT (ACTNET_DEDUP_BANDS * ACTNET_DEDUP_ROWS == ACTNET_DEDUP_HASHES);

#define NONE G_MAXUINT

typedef struct {
  guint document;
  guint kept;
  double similarity;
} Fold;

struct _ActnetDeduper {
  double threshold;
  guint64 seeds[ACTNET_DEDUP_HASHES];
  GArray *signatures;  /* guint32 x ACTNET_DEDUP_HASHES per document */
  GArray *next;        /* guint x ACTNET_DEDUP_BANDS per document: chain of equal band keys */
  GArray *root;        /* guint per document: the first document of its cluster */
  GPtrArray *ids;      /* char * per document */
  GArray *folds;       /* Fold, in input order */
  /* Band key -> last document with that key: open addressing, linear
   * probing, so the layout (and the candidate order) depends on nothing
   * but the input. */
  guint64 *table_keys;
  guint *table_heads;  /* NONE: empty slot */
  gsize table_size;    /* a power of two */
  gsize table_used;
  double last_similarity;
  guint n_folded;
  guint *stamps;       /* candidate de-duplication scratch, one per document */
  gsize stamps_size;
};

/* MurmurHash3's 64-bit finaliser: a fixed bijective mix, so signatures are
 * the same in every run (GLib's string hashes are not seeded either, but
 * are 32-bit and weak). */
static inline guint64
mix64 (guint64 x)
{
  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  x ^= x >> 33;
  return x;
}

/* FNV-1a over the bytes of a key, then mixed. */
static guint64
hash_word (const char *key, gsize length)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  for (gsize i = 0; i < length; i++)
    {
      h ^= (guint8) key[i];
      h *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  return mix64 (h);
}

ActnetDeduper *
actnet_deduper_new (double threshold)
{
  g_return_val_if_fail (threshold > 0 && threshold <= 1, NULL);
  ActnetDeduper *deduper = g_new0 (ActnetDeduper, 1);
  deduper->threshold = threshold;
  /* The hash family: h_i(x) = mix64(x ^ seed_i), the seeds a splitmix64
   * sequence from a fixed start. */
  guint64 state = G_GUINT64_CONSTANT (0x6163746e65742d64); /* "actnet-d" */
  for (guint i = 0; i < ACTNET_DEDUP_HASHES; i++)
    {
      state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
      deduper->seeds[i] = mix64 (state);
    }
  deduper->signatures = g_array_new (FALSE, FALSE, sizeof (guint32));
  deduper->next = g_array_new (FALSE, FALSE, sizeof (guint));
  deduper->root = g_array_new (FALSE, FALSE, sizeof (guint));
  deduper->ids = g_ptr_array_new_with_free_func (g_free);
  deduper->folds = g_array_new (FALSE, FALSE, sizeof (Fold));
  deduper->table_size = 1024;
  deduper->table_keys = g_new0 (guint64, deduper->table_size);
  deduper->table_heads = g_new (guint, deduper->table_size);
  memset (deduper->table_heads, 0xff, deduper->table_size * sizeof (guint));
  return deduper;
}

void
actnet_deduper_free (ActnetDeduper *deduper)
{
  if (deduper == NULL)
    return;
  g_array_unref (deduper->signatures);
  g_array_unref (deduper->next);
  g_array_unref (deduper->root);
  g_ptr_array_unref (deduper->ids);
  g_array_unref (deduper->folds);
  g_free (deduper->table_keys);
  g_free (deduper->table_heads);
  g_free (deduper->stamps);
  g_free (deduper);
}

/* The slot of @key: where it is, or the empty slot where it would go. */
static gsize
table_slot (const ActnetDeduper *deduper, guint64 key)
{
  gsize mask = deduper->table_size - 1;
  gsize slot = (gsize) key & mask;
  while (deduper->table_heads[slot] != NONE && deduper->table_keys[slot] != key)
    slot = (slot + 1) & mask;
  return slot;
}

static void
table_grow (ActnetDeduper *deduper)
{
  guint64 *old_keys = deduper->table_keys;
  guint *old_heads = deduper->table_heads;
  gsize old_size = deduper->table_size;
  deduper->table_size *= 2;
  deduper->table_keys = g_new0 (guint64, deduper->table_size);
  deduper->table_heads = g_new (guint, deduper->table_size);
  memset (deduper->table_heads, 0xff, deduper->table_size * sizeof (guint));
  for (gsize i = 0; i < old_size; i++)
    if (old_heads[i] != NONE)
      {
        gsize slot = table_slot (deduper, old_keys[i]);
        deduper->table_keys[slot] = old_keys[i];
        deduper->table_heads[slot] = old_heads[i];
      }
  g_free (old_keys);
  g_free (old_heads);
}

/* Fills @signature; returns FALSE when the text has no shingle. */
static gboolean
compute_signature (const ActnetDeduper *deduper, const char *text, gssize length,
                   guint32 *signature)
{
  g_autoptr (ActnetTokens) tokens = actnet_tokens_new (text, length);
  const ActnetSymbol *symbols = actnet_tokens_get_symbols (tokens);
  const char *keys = actnet_tokens_get_keys (tokens);
  guint n = actnet_tokens_get_count (tokens);
  /* Words only: punctuation and spacing differ between copies of a story
   * (markup, quotes, line breaks) more than its words do. */
  guint64 window[ACTNET_DEDUP_SHINGLE];
  guint n_words = 0;
  for (guint i = 0; i < ACTNET_DEDUP_HASHES; i++)
    signature[i] = G_MAXUINT32;
  for (guint s = 0; s < n; s++)
    {
      if (symbols[s].kind != ACTNET_SYMBOL_WORD)
        continue;
      window[n_words % ACTNET_DEDUP_SHINGLE] = hash_word (keys + symbols[s].key_offset,
                                                          symbols[s].key_length);
      n_words++;
      if (n_words < ACTNET_DEDUP_SHINGLE)
        continue;
      /* The shingle's words in text order, chained so order matters. */
      guint64 shingle = 0;
      for (guint j = 0; j < ACTNET_DEDUP_SHINGLE; j++)
        shingle = mix64 (shingle ^ window[(n_words + j) % ACTNET_DEDUP_SHINGLE]);
      for (guint i = 0; i < ACTNET_DEDUP_HASHES; i++)
        {
          /* The high half: a min over 32 bits halves the signature, and two
           * shingles tie with probability 2^-32 only. */
          guint32 value = (guint32) (mix64 (shingle ^ deduper->seeds[i]) >> 32);
          if (value < signature[i])
            signature[i] = value;
        }
    }
  return n_words >= ACTNET_DEDUP_SHINGLE;
}

static guint64
band_key (const guint32 *signature, guint band)
{
  guint64 h = mix64 ((guint64) band + 1);
  for (guint r = 0; r < ACTNET_DEDUP_ROWS; r++)
    h = mix64 (h ^ signature[band * ACTNET_DEDUP_ROWS + r]);
  return h;
}

static double
estimate_similarity (const guint32 *a, const guint32 *b)
{
  guint equal = 0;
  for (guint i = 0; i < ACTNET_DEDUP_HASHES; i++)
    equal += a[i] == b[i];
  return (double) equal / ACTNET_DEDUP_HASHES;
}

gint64
actnet_deduper_add_text (ActnetDeduper *deduper, const char *id, const char *text,
                         gssize length)
{
  g_return_val_if_fail (deduper != NULL && text != NULL, -1);
  guint index = deduper->root->len;
  g_return_val_if_fail (index < NONE - 1, -1);
  g_ptr_array_add (deduper->ids, g_strdup (id != NULL ? id : ""));
  g_array_set_size (deduper->signatures, (gsize) (index + 1) * ACTNET_DEDUP_HASHES);
  guint32 *signature = &g_array_index (deduper->signatures, guint32, (gsize) index * ACTNET_DEDUP_HASHES);
  gboolean has_shingles = compute_signature (deduper, text, length, signature);
  g_array_append_val (deduper->root, index);
  g_array_set_size (deduper->next, (gsize) (index + 1) * ACTNET_DEDUP_BANDS);
  guint *next = &g_array_index (deduper->next, guint, (gsize) index * ACTNET_DEDUP_BANDS);
  deduper->last_similarity = 0;
  if (!has_shingles)
    {
      /* Too short to tell a copy from a coincidence: never a duplicate,
       * never an original. */
      for (guint b = 0; b < ACTNET_DEDUP_BANDS; b++)
        next[b] = NONE;
      return -1;
    }

  if (deduper->stamps_size <= index)
    {
      gsize size = MAX (64, deduper->stamps_size * 2);
      while (size <= index)
        size *= 2;
      deduper->stamps = g_renew (guint, deduper->stamps, size);
      memset (deduper->stamps + deduper->stamps_size, 0,
              (size - deduper->stamps_size) * sizeof (guint));
      deduper->stamps_size = size;
    }
  const guint32 *signatures = (const guint32 *) (void *) deduper->signatures->data;
  guint best = NONE;
  double best_similarity = 0;
  for (guint b = 0; b < ACTNET_DEDUP_BANDS; b++)
    {
      if (deduper->table_used * 2 >= deduper->table_size)
        table_grow (deduper);
      guint64 key = band_key (signature, b);
      gsize slot = table_slot (deduper, key);
      guint head = deduper->table_heads[slot];
      for (guint candidate = head; candidate != NONE;
           candidate = g_array_index (deduper->next, guint, (gsize) candidate * ACTNET_DEDUP_BANDS + b))
        {
          /* Stamps hold index + 1 of the document that last saw a
           * candidate, so each candidate is scored once per document. */
          if (deduper->stamps[candidate] == index + 1)
            continue;
          deduper->stamps[candidate] = index + 1;
          double similarity = estimate_similarity (signature,
                                                   signatures + (gsize) candidate * ACTNET_DEDUP_HASHES);
          /* Most similar wins; on a tie the earlier cluster, then the
           * earlier document, so the result does not depend on the order
           * the chains are walked. */
          guint root = g_array_index (deduper->root, guint, candidate);
          if (similarity >= deduper->threshold
              && (best == NONE || similarity > best_similarity
                  || (similarity == best_similarity
                      && (root < g_array_index (deduper->root, guint, best)
                          || (root == g_array_index (deduper->root, guint, best) && candidate < best)))))
            {
              best = candidate;
              best_similarity = similarity;
            }
        }
      /* Folded documents are indexed too: a later copy may resemble the
       * copy more than the original (edits accumulate along a chain). */
      next[b] = head;
      if (head == NONE)
        {
          deduper->table_keys[slot] = key;
          deduper->table_used++;
        }
      deduper->table_heads[slot] = index;
    }
  if (best == NONE)
    return -1;
  guint root = g_array_index (deduper->root, guint, best);
  g_array_index (deduper->root, guint, index) = root;
  Fold fold = { index, root, best_similarity };
  g_array_append_val (deduper->folds, fold);
  deduper->n_folded++;
  deduper->last_similarity = best_similarity;
  return root;
}

gint64
actnet_deduper_add (ActnetDeduper *deduper, const ActnetDocument *document)
{
  g_return_val_if_fail (deduper != NULL && document != NULL, -1);
  /* The markdown-blanked text: link targets and emphasis marks are not
   * words of the story. */
  return actnet_deduper_add_text (deduper, document->id, document->clean,
                                  (gssize) document->length);
}

double
actnet_deduper_get_last_similarity (const ActnetDeduper *deduper)
{
  g_return_val_if_fail (deduper != NULL, 0);
  return deduper->last_similarity;
}

guint
actnet_deduper_get_n_documents (const ActnetDeduper *deduper)
{
  g_return_val_if_fail (deduper != NULL, 0);
  return deduper->root->len;
}

guint
actnet_deduper_get_n_folded (const ActnetDeduper *deduper)
{
  g_return_val_if_fail (deduper != NULL, 0);
  return deduper->n_folded;
}

/* Writes @id with each whitespace run as one space (a TSV field). */
static void
write_field (FILE *stream, const char *id)
{
  g_autoptr (GString) field = g_string_new (NULL);
  actnet_text_append_squeezed (field, id, -1);
  fputs (field->str, stream);
}

gboolean
actnet_deduper_write_report (const ActnetDeduper *deduper, const char *path, GError **error)
{
  g_return_val_if_fail (deduper != NULL && path != NULL, FALSE);
  ActnetAtomicFile *file = actnet_i_atomic_file_open (path, error);
  if (file == NULL)
    return FALSE;
  FILE *stream = actnet_i_atomic_file_get_stream (file);
  fputs ("doc\tkept_as\tsimilarity\n", stream);
  for (guint i = 0; i < deduper->folds->len; i++)
    {
      const Fold *fold = &g_array_index (deduper->folds, Fold, i);
      write_field (stream, g_ptr_array_index (deduper->ids, fold->document));
      fputc ('\t', stream);
      write_field (stream, g_ptr_array_index (deduper->ids, fold->kept));
      fprintf (stream, "\t%.3f\n", fold->similarity);
    }
  return actnet_i_atomic_file_commit (file, error);
}
