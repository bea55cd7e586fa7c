/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet-cooccur.h>
#include <actnet/actnet-error.h>
#include <actnet/actnet-matcher.h>
#include <actnet/actnet-dates.h>

#include <stdlib.h>
#include <string.h>

/* Pair counts live in an open-addressing table keyed by (a, b): one probe
 * sequence per increment and no allocation per pair, which matters when a
 * corpus has millions of units. */
typedef struct {
  guint a, b;            /* a < b; b == 0 marks an empty slot (a < b implies b >= 1) */
  guint64 weight;
  guint64 documents;
  guint64 last_document; /* serial of the last document that counted this pair */
  ActnetDate first_date; /* earliest / latest dated document of the pair, */
  ActnetDate last_date;  /* ACTNET_DATE_NONE while only undated ones counted it */
} PairSlot;

struct _ActnetCooccur {
  guint n_actors;
  ActnetWindow window;
  guint64 n_documents;
  guint64 n_mentions;
  guint64 *actor_mentions;
  guint64 *actor_documents;
  guint64 *actor_last_document; /* document serial stamps, to count each document once */
  guint64 *actor_last_unit;     /* unit serial stamps, to count each unit once */
  guint64 *actor_units;         /* c_a: units in which the actor occurs */
  guint64 n_units;              /* N: every unit, with or without mentions */
  guint64 unit_serial;
  PairSlot *slots;
  gsize capacity;               /* power of two */
  gsize n_pairs;
  GArray *unit_actors;          /* scratch: distinct actors of the current unit */
  ActnetDate day;               /* date of the document being counted (or NONE) */
  ActnetDate *actor_first_date; /* earliest / latest dated document per actor */
  ActnetDate *actor_last_date;
  gboolean any_dated;           /* some counted document had a date */
};

gboolean
actnet_window_parse (const char *text, ActnetWindow *window, GError **error)
{
  g_return_val_if_fail (text != NULL && window != NULL, FALSE);

  window->words = 0;
  if (strcmp (text, "sentence") == 0)
    window->kind = ACTNET_WINDOW_SENTENCE;
  else if (strcmp (text, "paragraph") == 0)
    window->kind = ACTNET_WINDOW_PARAGRAPH;
  else if (strcmp (text, "document") == 0)
    window->kind = ACTNET_WINDOW_DOCUMENT;
  else
    {
      guint64 words = 0;
      if (!g_ascii_string_to_unsigned (text, 10, 2, G_MAXUINT32, &words, NULL))
        {
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                       "invalid window '%s': expected sentence, paragraph, document "
                       "or a number of words (at least 2)", text);
          return FALSE;
        }
      window->kind = ACTNET_WINDOW_WORDS;
      window->words = (guint) words;
    }
  return TRUE;
}

char *
actnet_window_to_string (ActnetWindow window)
{
  switch (window.kind)
    {
    case ACTNET_WINDOW_SENTENCE: return g_strdup ("sentence");
    case ACTNET_WINDOW_PARAGRAPH: return g_strdup ("paragraph");
    case ACTNET_WINDOW_DOCUMENT: return g_strdup ("document");
    case ACTNET_WINDOW_WORDS: return g_strdup_printf ("%u words", window.words);
    default: g_return_val_if_reached (g_strdup ("unknown"));
    }
}

gboolean
actnet_window_equal (ActnetWindow a, ActnetWindow b)
{
  return a.kind == b.kind && (a.kind != ACTNET_WINDOW_WORDS || a.words == b.words);
}

GArray *
actnet_window_list_parse (const char *text, GError **error)
{
  g_return_val_if_fail (text != NULL, NULL);

  g_auto (GStrv) items = g_strsplit (text, ",", -1);
  GArray *windows = g_array_new (FALSE, FALSE, sizeof (ActnetWindow));
  for (guint i = 0; items[i] != NULL; i++)
    {
      ActnetWindow window;
      char *item = g_strstrip (items[i]);
      if (!actnet_window_parse (item, &window, error))
        goto fail;
      for (guint j = 0; j < windows->len; j++)
        if (actnet_window_equal (g_array_index (windows, ActnetWindow, j), window))
          {
            g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                         "window '%s' listed twice", item);
            goto fail;
          }
      g_array_append_val (windows, window);
    }
  if (windows->len > 0)
    return windows;
  g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT, "no window given");
fail:
  g_array_unref (windows);
  return NULL;
}

char *
actnet_window_attribute_name (ActnetWindow window)
{
  switch (window.kind)
    {
    case ACTNET_WINDOW_SENTENCE: return g_strdup ("w_sentence");
    case ACTNET_WINDOW_PARAGRAPH: return g_strdup ("w_paragraph");
    case ACTNET_WINDOW_DOCUMENT: return g_strdup ("w_document");
    case ACTNET_WINDOW_WORDS: return g_strdup_printf ("w_%uwords", window.words);
    default: g_return_val_if_reached (g_strdup ("w_unknown"));
    }
}

ActnetCooccur *
actnet_cooccur_new (guint n_actors, ActnetWindow window)
{
  g_return_val_if_fail (window.kind != ACTNET_WINDOW_WORDS || window.words >= 1, NULL);

  ActnetCooccur *cooccur = g_new0 (ActnetCooccur, 1);
  cooccur->n_actors = n_actors;
  cooccur->window = window;
  cooccur->actor_mentions = g_new0 (guint64, n_actors);
  cooccur->actor_documents = g_new0 (guint64, n_actors);
  cooccur->actor_last_document = g_new0 (guint64, n_actors);
  cooccur->actor_last_unit = g_new0 (guint64, n_actors);
  cooccur->actor_units = g_new0 (guint64, n_actors);
  cooccur->capacity = 64;
  cooccur->slots = g_new0 (PairSlot, cooccur->capacity);
  cooccur->unit_actors = g_array_new (FALSE, FALSE, sizeof (guint));
  cooccur->day = ACTNET_DATE_NONE;
  cooccur->actor_first_date = g_new (ActnetDate, MAX (n_actors, 1));
  cooccur->actor_last_date = g_new (ActnetDate, MAX (n_actors, 1));
  for (guint i = 0; i < n_actors; i++)
    cooccur->actor_first_date[i] = cooccur->actor_last_date[i] = ACTNET_DATE_NONE;
  return cooccur;
}

void
actnet_cooccur_free (ActnetCooccur *cooccur)
{
  if (cooccur == NULL)
    return;
  g_free (cooccur->actor_mentions);
  g_free (cooccur->actor_documents);
  g_free (cooccur->actor_last_document);
  g_free (cooccur->actor_last_unit);
  g_free (cooccur->actor_units);
  g_free (cooccur->slots);
  g_array_unref (cooccur->unit_actors);
  g_free (cooccur->actor_first_date);
  g_free (cooccur->actor_last_date);
  g_free (cooccur);
}

static inline gsize
pair_hash (guint a, guint b)
{
  guint64 key = ((guint64) a << 32) | b;
  /* splitmix64 finaliser: spreads consecutive ids over the table. */
  key ^= key >> 30;
  key *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  key ^= key >> 27;
  key *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  key ^= key >> 31;
  return (gsize) key;
}

static PairSlot *
pair_slot (ActnetCooccur *cooccur, guint a, guint b)
{
  gsize mask = cooccur->capacity - 1;
  gsize i = pair_hash (a, b) & mask;
  while (cooccur->slots[i].b != 0)
    {
      if (cooccur->slots[i].a == a && cooccur->slots[i].b == b)
        return &cooccur->slots[i];
      i = (i + 1) & mask;
    }
  return &cooccur->slots[i];
}

static void
grow_table (ActnetCooccur *cooccur)
{
  PairSlot *old = cooccur->slots;
  gsize old_capacity = cooccur->capacity;
  cooccur->capacity *= 2;
  cooccur->slots = g_new0 (PairSlot, cooccur->capacity);
  for (gsize i = 0; i < old_capacity; i++)
    if (old[i].b != 0)
      *pair_slot (cooccur, old[i].a, old[i].b) = old[i];
  g_free (old);
}

/* Returns the slot for (a, b), creating it; keeps the load factor <= 1/2. */
static PairSlot *
pair_get (ActnetCooccur *cooccur, guint a, guint b)
{
  if (a > b)
    {
      guint t = a;
      a = b;
      b = t;
    }
  PairSlot *slot = pair_slot (cooccur, a, b);
  if (slot->b == 0)
    {
      if (2 * (cooccur->n_pairs + 1) > cooccur->capacity)
        {
          grow_table (cooccur);
          slot = pair_slot (cooccur, a, b);
        }
      slot->a = a;
      slot->b = b;
      slot->first_date = slot->last_date = ACTNET_DATE_NONE;
      cooccur->n_pairs++;
    }
  return slot;
}

/* Widens [*first, *last] to cover [from, to]; NONE bounds are unknown and
 * never narrow a known range. */
static inline void
widen_dates (ActnetDate *first, ActnetDate *last, ActnetDate from, ActnetDate to)
{
  if (from != ACTNET_DATE_NONE && (*first == ACTNET_DATE_NONE || from < *first))
    *first = from;
  if (to != ACTNET_DATE_NONE && (*last == ACTNET_DATE_NONE || to > *last))
    *last = to;
}

static void
count_pair (ActnetCooccur *cooccur, guint a, guint b, guint64 weight, guint64 document)
{
  PairSlot *slot = pair_get (cooccur, a, b);
  slot->weight += weight;
  if (slot->last_document != document)
    {
      slot->last_document = document;
      slot->documents++;
      widen_dates (&slot->first_date, &slot->last_date, cooccur->day, cooccur->day);
    }
}

/* Counts every pair of the distinct actors gathered in unit_actors once. */
static void
count_unit (ActnetCooccur *cooccur)
{
  const guint *actors = (const guint *) (void *) cooccur->unit_actors->data;
  guint n = cooccur->unit_actors->len;
  for (guint i = 0; i < n; i++)
    {
      cooccur->actor_units[actors[i]]++;
      for (guint j = i + 1; j < n; j++)
        count_pair (cooccur, actors[i], actors[j], 1, cooccur->n_documents);
    }
  g_array_set_size (cooccur->unit_actors, 0);
  cooccur->unit_serial++;
}

static void
unit_add_actor (ActnetCooccur *cooccur, guint actor)
{
  if (cooccur->actor_last_unit[actor] != cooccur->unit_serial)
    {
      cooccur->actor_last_unit[actor] = cooccur->unit_serial;
      g_array_append_val (cooccur->unit_actors, actor);
    }
}

/* Unit index of a mention for sentence/paragraph windows: the unit holding
 * its first byte. The segmenter never cuts inside a mention. */
static guint
mention_unit (const ActnetCooccur *cooccur, const ActnetSegmentation *segmentation,
              const ActnetMention *mention)
{
  const GArray *spans = cooccur->window.kind == ACTNET_WINDOW_SENTENCE
                          ? segmentation->sentences : segmentation->paragraphs;
  return actnet_spans_find (spans, mention->start);
}

static void
count_word_windows (ActnetCooccur *cooccur, const GArray *mentions)
{
  const ActnetMention *m = (const ActnetMention *) (void *) mentions->data;
  guint first = 0;
  for (guint i = 0; i < mentions->len; i++)
    {
      /* The unit anchored at mention i: it and the mentions that start
       * fewer than N words before it. */
      while (m[i].word - m[first].word >= cooccur->window.words)
        first++;
      /* One unit per anchor: N counts anchors, c_a the anchors whose unit
       * holds a. A pair counts only with the anchor as one of its ends, so
       * a pair is counted once per mention that completes it and
       * c_ab <= min (c_a, c_b) still holds. */
      cooccur->n_units++;
      cooccur->actor_last_unit[m[i].actor] = cooccur->unit_serial;
      cooccur->actor_units[m[i].actor]++;
      for (guint k = first; k < i; k++)
        if (cooccur->actor_last_unit[m[k].actor] != cooccur->unit_serial)
          {
            cooccur->actor_last_unit[m[k].actor] = cooccur->unit_serial;
            cooccur->actor_units[m[k].actor]++;
            count_pair (cooccur, m[i].actor, m[k].actor, 1, cooccur->n_documents);
          }
      g_array_set_size (cooccur->unit_actors, 0);
      cooccur->unit_serial++;
    }
}

void
actnet_cooccur_add_document (ActnetCooccur *cooccur, const GArray *mentions,
                             const ActnetSegmentation *segmentation)
{
  g_return_if_fail (cooccur != NULL && mentions != NULL);
  g_return_if_fail (segmentation != NULL
                    || cooccur->window.kind == ACTNET_WINDOW_DOCUMENT
                    || cooccur->window.kind == ACTNET_WINDOW_WORDS);

  /* Serials start at 1 so that the zeroed stamps never match. */
  cooccur->n_documents++;
  cooccur->unit_serial++;
  guint64 document = cooccur->n_documents;
  const ActnetMention *m = (const ActnetMention *) (void *) mentions->data;

  for (guint i = 0; i < mentions->len; i++)
    {
      g_return_if_fail (m[i].actor < cooccur->n_actors);
      cooccur->actor_mentions[m[i].actor]++;
      if (cooccur->actor_last_document[m[i].actor] != document)
        {
          cooccur->actor_last_document[m[i].actor] = document;
          cooccur->actor_documents[m[i].actor]++;
          widen_dates (&cooccur->actor_first_date[m[i].actor],
                       &cooccur->actor_last_date[m[i].actor], cooccur->day, cooccur->day);
        }
    }
  cooccur->n_mentions += mentions->len;

  switch (cooccur->window.kind)
    {
    case ACTNET_WINDOW_DOCUMENT:
      for (guint i = 0; i < mentions->len; i++)
        unit_add_actor (cooccur, m[i].actor);
      count_unit (cooccur);
      cooccur->n_units++;
      break;
    case ACTNET_WINDOW_SENTENCE:
    case ACTNET_WINDOW_PARAGRAPH:
      {
        guint current = G_MAXUINT;
        for (guint i = 0; i < mentions->len; i++)
          {
            guint unit = mention_unit (cooccur, segmentation, &m[i]);
            if (unit != current)
              {
                count_unit (cooccur);
                current = unit;
              }
            unit_add_actor (cooccur, m[i].actor);
          }
        count_unit (cooccur);
        /* Every sentence or paragraph is a unit, those without a mention
         * too: N is the number of draws against which c_a is a rate. */
        const GArray *spans = cooccur->window.kind == ACTNET_WINDOW_SENTENCE
                                ? segmentation->sentences : segmentation->paragraphs;
        cooccur->n_units += spans->len;
      }
      break;
    case ACTNET_WINDOW_WORDS:
      count_word_windows (cooccur, mentions);
      break;
    default:
      g_return_if_reached ();
    }
}

void
actnet_cooccur_merge (ActnetCooccur *into, const ActnetCooccur *from)
{
  g_return_if_fail (into != NULL && from != NULL);
  g_return_if_fail (into->n_actors == from->n_actors);

  into->n_documents += from->n_documents;
  into->n_mentions += from->n_mentions;
  into->n_units += from->n_units;
  for (guint i = 0; i < into->n_actors; i++)
    {
      into->actor_mentions[i] += from->actor_mentions[i];
      into->actor_documents[i] += from->actor_documents[i];
      into->actor_units[i] += from->actor_units[i];
      widen_dates (&into->actor_first_date[i], &into->actor_last_date[i],
                   from->actor_first_date[i], from->actor_last_date[i]);
    }
  into->any_dated |= from->any_dated;
  for (gsize i = 0; i < from->capacity; i++)
    if (from->slots[i].b != 0)
      {
        PairSlot *slot = pair_get (into, from->slots[i].a, from->slots[i].b);
        slot->weight += from->slots[i].weight;
        slot->documents += from->slots[i].documents;
        widen_dates (&slot->first_date, &slot->last_date,
                     from->slots[i].first_date, from->slots[i].last_date);
      }
}

ActnetWindow
actnet_cooccur_get_window (const ActnetCooccur *cooccur)
{
  return cooccur->window;
}

guint
actnet_cooccur_get_n_actors (const ActnetCooccur *cooccur)
{
  return cooccur->n_actors;
}

guint64
actnet_cooccur_get_n_documents (const ActnetCooccur *cooccur)
{
  return cooccur->n_documents;
}

guint64
actnet_cooccur_get_n_mentions (const ActnetCooccur *cooccur)
{
  return cooccur->n_mentions;
}

guint64
actnet_cooccur_get_actor_mentions (const ActnetCooccur *cooccur, guint actor)
{
  g_return_val_if_fail (actor < cooccur->n_actors, 0);
  return cooccur->actor_mentions[actor];
}

guint64
actnet_cooccur_get_actor_documents (const ActnetCooccur *cooccur, guint actor)
{
  g_return_val_if_fail (actor < cooccur->n_actors, 0);
  return cooccur->actor_documents[actor];
}

guint64
actnet_cooccur_get_n_units (const ActnetCooccur *cooccur)
{
  return cooccur->n_units;
}

guint64
actnet_cooccur_get_actor_units (const ActnetCooccur *cooccur, guint actor)
{
  g_return_val_if_fail (actor < cooccur->n_actors, 0);
  return cooccur->actor_units[actor];
}

static int
compare_pairs (const void *x, const void *y)
{
  const ActnetPair *p = x, *q = y;
  if (p->a != q->a)
    return p->a < q->a ? -1 : 1;
  if (p->b != q->b)
    return p->b < q->b ? -1 : 1;
  return 0;
}

GArray *
actnet_cooccur_get_pairs (const ActnetCooccur *cooccur)
{
  GArray *pairs = g_array_sized_new (FALSE, FALSE, sizeof (ActnetPair), (guint) cooccur->n_pairs);
  for (gsize i = 0; i < cooccur->capacity; i++)
    if (cooccur->slots[i].b != 0 && cooccur->slots[i].weight > 0)
      {
        ActnetPair pair = { cooccur->slots[i].a, cooccur->slots[i].b,
                            cooccur->slots[i].weight, cooccur->slots[i].documents };
        g_array_append_val (pairs, pair);
      }
  if (pairs->len > 0) /* qsort (NULL, 0, ...) is undefined */
    qsort (pairs->data, pairs->len, sizeof (ActnetPair), compare_pairs);
  return pairs;
}

void
actnet_cooccur_add_document_dated (ActnetCooccur *cooccur, const GArray *mentions,
                                   const ActnetSegmentation *segmentation, ActnetDate day)
{
  g_return_if_fail (cooccur != NULL);
  /* The date rides along in the counter for the one call, so the counting
   * paths stay those of undated documents. */
  cooccur->day = day;
  cooccur->any_dated |= day != ACTNET_DATE_NONE;
  actnet_cooccur_add_document (cooccur, mentions, segmentation);
  cooccur->day = ACTNET_DATE_NONE;
}

gboolean
actnet_cooccur_get_pair_dates (const ActnetCooccur *cooccur, guint a, guint b,
                               ActnetDate *first, ActnetDate *last)
{
  g_return_val_if_fail (cooccur != NULL, FALSE);
  if (first != NULL)
    *first = ACTNET_DATE_NONE;
  if (last != NULL)
    *last = ACTNET_DATE_NONE;
  if (a == b || a >= cooccur->n_actors || b >= cooccur->n_actors)
    return FALSE;
  if (a > b)
    {
      guint t = a;
      a = b;
      b = t;
    }
  /* pair_slot() only probes; it never writes. */
  const PairSlot *slot = pair_slot ((ActnetCooccur *) cooccur, a, b);
  if (slot->b == 0 || slot->weight == 0)
    return FALSE;
  if (first != NULL)
    *first = slot->first_date;
  if (last != NULL)
    *last = slot->last_date;
  return TRUE;
}

void
actnet_cooccur_get_actor_dates (const ActnetCooccur *cooccur, guint actor,
                                ActnetDate *first, ActnetDate *last)
{
  g_return_if_fail (cooccur != NULL && actor < cooccur->n_actors);
  if (first != NULL)
    *first = cooccur->actor_first_date[actor];
  if (last != NULL)
    *last = cooccur->actor_last_date[actor];
}

gboolean
actnet_cooccur_has_dates (const ActnetCooccur *cooccur)
{
  g_return_val_if_fail (cooccur != NULL, FALSE);
  return cooccur->any_dated;
}

void
actnet_cooccur_add_totals (ActnetCooccur *cooccur, guint64 n_documents, guint64 n_mentions,
                           guint64 n_units, gboolean dated)
{
  g_return_if_fail (cooccur != NULL);
  cooccur->n_documents += n_documents;
  cooccur->n_mentions += n_mentions;
  cooccur->n_units += n_units;
  cooccur->any_dated |= dated;
}

void
actnet_cooccur_add_actor_counts (ActnetCooccur *cooccur, guint actor, guint64 mentions,
                                 guint64 documents, guint64 units, ActnetDate first,
                                 ActnetDate last)
{
  g_return_if_fail (cooccur != NULL && actor < cooccur->n_actors);
  cooccur->actor_mentions[actor] += mentions;
  cooccur->actor_documents[actor] += documents;
  cooccur->actor_units[actor] += units;
  widen_dates (&cooccur->actor_first_date[actor], &cooccur->actor_last_date[actor], first, last);
}

void
actnet_cooccur_add_pair_counts (ActnetCooccur *cooccur, guint a, guint b, guint64 weight,
                                guint64 documents, ActnetDate first, ActnetDate last)
{
  g_return_if_fail (cooccur != NULL && a != b && a < cooccur->n_actors && b < cooccur->n_actors);
  g_return_if_fail (weight >= 1);
  PairSlot *slot = pair_get (cooccur, a, b);
  slot->weight += weight;
  slot->documents += documents;
  widen_dates (&slot->first_date, &slot->last_date, first, last);
}
