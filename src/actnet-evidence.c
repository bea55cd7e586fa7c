/* Evidence: which units the counter counted for a pair (actnet-evidence.h).
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "actnet-evidence-private.h"
#include "atomic-file.h"

/* ---- Actor lookup ------------------------------------------------------ */

static void
add_candidate (GArray *candidates, guint actor)
{
  for (guint i = 0; i < candidates->len; i++)
    if (g_array_index (candidates, guint, i) == actor)
      return;
  g_array_append_val (candidates, actor);
}

static gboolean
normalized_equal (const char *text, const char *key)
{
  g_autofree char *normal = actnet_text_normalize (text, -1);
  return strcmp (normal, key) == 0;
}

guint
actnet_gazetteer_resolve_name (const ActnetGazetteer *gazetteer, const char *name, GError **error)
{
  g_return_val_if_fail (gazetteer != NULL && name != NULL, G_MAXUINT);

  guint actor = actnet_gazetteer_lookup (gazetteer, name);
  if (actor != G_MAXUINT)
    return actor;

  g_autofree char *key = actnet_text_normalize (name, -1);
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_actors = actnet_gazetteer_get_n_actors (gazetteer);
  if (*key != '\0')
    {
      /* An id typed as words ("khalifa haftar" for khalifa_haftar). */
      for (guint a = 0; a < n_actors; a++)
        {
          g_autofree char *words = g_strdelimit (g_strdup (actnet_gazetteer_get_id (gazetteer, a)),
                                                 "_", ' ');
          if (normalized_equal (words, key))
            add_candidate (candidates, a);
        }
      /* Labels and aliases as the matcher compiles them: without a
       * person's title, with every "[s,ish]" form. */
      guint n_aliases = actnet_gazetteer_get_n_aliases (gazetteer);
      for (guint i = 0; i < n_aliases; i++)
        {
          guint owner = actnet_gazetteer_get_alias_actor (gazetteer, i);
          const char *text = actnet_gazetteer_get_alias_text (gazetteer, i);
          if (normalized_equal (text, key))
            {
              add_candidate (candidates, owner);
              continue;
            }
          g_auto (GStrv) forms = actnet_alias_expand (text, actnet_gazetteer_get_type (gazetteer, owner));
          for (guint f = 0; forms[f] != NULL; f++)
            if (normalized_equal (forms[f], key))
              {
                add_candidate (candidates, owner);
                break;
              }
        }
    }
  if (candidates->len == 1)
    return g_array_index (candidates, guint, 0);

  g_autoptr (GString) list = g_string_new (NULL);
  if (candidates->len > 1)
    {
      for (guint i = 0; i < candidates->len; i++)
        g_string_append_printf (list, "%s%s", i > 0 ? ", " : "",
                                actnet_gazetteer_get_id (gazetteer, g_array_index (candidates, guint, i)));
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                   "'%s' names several actors: %s; give the id", name, list->str);
      return G_MAXUINT;
    }
  /* Suggestions: ids or labels that contain the name's first word, which
   * catches a surname or a partial name at O(actors) cost. */
  char *space = strchr (key, ' ');
  g_autofree char *word = g_strndup (key, space != NULL ? (gsize) (space - key) : strlen (key));
  guint shown = 0;
  for (guint a = 0; a < n_actors && shown < 5 && strlen (word) >= 3; a++)
    {
      g_autofree char *label = actnet_text_normalize (actnet_gazetteer_get_label (gazetteer, a), -1);
      g_autofree char *id = g_ascii_strdown (actnet_gazetteer_get_id (gazetteer, a), -1);
      if (strstr (label, word) != NULL || strstr (id, word) != NULL)
        g_string_append_printf (list, "%s%s", shown++ > 0 ? ", " : "",
                                actnet_gazetteer_get_id (gazetteer, a));
    }
  if (shown > 0)
    g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_NOT_FOUND,
                 "unknown actor '%s' (did you mean %s?)", name, list->str);
  else
    g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_NOT_FOUND,
                 "unknown actor '%s' (not an id, label or alias of the gazetteer)", name);
  return G_MAXUINT;
}

/* ---- Units ------------------------------------------------------------- */

/* One counting unit, as actnet_cooccur_add_document() forms them. */
typedef struct {
  gsize start, end;   /* span (sentence, paragraph, document windows) */
  guint first, last;  /* its mentions */
  guint anchor;       /* N-word windows: the anchoring mention; else G_MAXUINT */
} Unit;

typedef void (*UnitFunc) (const Unit *unit, const ActnetMention *m, gpointer data);

static void
document_range (const char *text, gsize length, gsize *start, gsize *end)
{
  gsize s = 0, e = length;
  while (s < e && g_ascii_isspace (text[s]))
    s++;
  while (e > s && g_ascii_isspace (text[e - 1]))
    e--;
  *start = s;
  *end = e;
}

/* Walks the units of one document that hold a mention, in text order.
 * Mirrors actnet_cooccur_add_document(): a mention belongs to the span
 * holding its first byte; an N-word unit is a mention and those starting
 * fewer than N words before it. */
static void
for_each_unit (ActnetWindow window, const char *text, gsize length, const GArray *mentions,
               const ActnetSegmentation *segmentation, UnitFunc func, gpointer data)
{
  const ActnetMention *m = (const ActnetMention *) (void *) mentions->data;
  guint n = mentions->len;
  if (n == 0)
    return;
  Unit unit = { 0, 0, 0, n, G_MAXUINT };
  switch (window.kind)
    {
    case ACTNET_WINDOW_DOCUMENT:
      document_range (text, length, &unit.start, &unit.end);
      func (&unit, m, data);
      break;
    case ACTNET_WINDOW_SENTENCE:
    case ACTNET_WINDOW_PARAGRAPH:
      {
        g_return_if_fail (segmentation != NULL);
        const GArray *spans = window.kind == ACTNET_WINDOW_SENTENCE
                                ? segmentation->sentences : segmentation->paragraphs;
        guint i = 0;
        while (i < n)
          {
            guint index = actnet_spans_find (spans, m[i].start);
            guint j = i + 1;
            while (j < n && actnet_spans_find (spans, m[j].start) == index)
              j++;
            unit.first = i;
            unit.last = j;
            if (index != G_MAXUINT)
              {
                const ActnetSpan *span = &g_array_index (spans, ActnetSpan, index);
                unit.start = span->start;
                unit.end = span->end;
              }
            else
              {
                /* Before every span (cannot happen: spans cover every
                 * non-blank byte); the mentions then make the range. */
                unit.start = m[i].start;
                unit.end = m[j - 1].end;
              }
            func (&unit, m, data);
            i = j;
          }
      }
      break;
    case ACTNET_WINDOW_WORDS:
      {
        guint first = 0;
        for (guint i = 0; i < n; i++)
          {
            while (m[i].word - m[first].word >= window.words)
              first++;
            unit.first = first;
            unit.last = i + 1;
            unit.anchor = i;
            func (&unit, m, data);
          }
      }
      break;
    default:
      g_return_if_reached ();
    }
}

/* Whether the counter counts the pair (@a, @b) in @unit. */
static gboolean
unit_supports (const Unit *unit, const ActnetMention *m, guint a, guint b)
{
  if (unit->anchor != G_MAXUINT)
    {
      /* The counter pairs the anchor's actor with each other actor before
       * it in the unit, so the anchor must be one end. */
      guint x = m[unit->anchor].actor;
      if (x != a && x != b)
        return FALSE;
      guint other = x == a ? b : a;
      for (guint k = unit->first; k < unit->anchor; k++)
        if (m[k].actor == other)
          return TRUE;
      return FALSE;
    }
  gboolean has_a = FALSE, has_b = FALSE;
  for (guint k = unit->first; k < unit->last; k++)
    {
      has_a |= m[k].actor == a;
      has_b |= m[k].actor == b;
    }
  return has_a && has_b;
}

/* The byte range shown for the pair in @unit: the span, or for an N-word
 * unit (which has none) the stretch from the pair's first mention to the
 * end of its last. */
static void
unit_range (const Unit *unit, const ActnetMention *m, guint a, guint b, gsize *start, gsize *end)
{
  if (unit->anchor == G_MAXUINT)
    {
      *start = unit->start;
      *end = unit->end;
      return;
    }
  *start = G_MAXSIZE;
  *end = 0;
  for (guint k = unit->first; k < unit->last; k++)
    if (m[k].actor == a || m[k].actor == b)
      {
        *start = MIN (*start, m[k].start);
        *end = MAX (*end, m[k].end);
      }
}

typedef struct {
  guint a, b;
  GArray *units;
} FindState;

static void
find_unit (const Unit *unit, const ActnetMention *m, gpointer data)
{
  FindState *state = data;
  if (!unit_supports (unit, m, state->a, state->b))
    return;
  ActnetEvidenceUnit found = { 0, 0, unit->first, unit->last };
  unit_range (unit, m, state->a, state->b, &found.start, &found.end);
  g_array_append_val (state->units, found);
}

GArray *
actnet_evidence_find_units (ActnetWindow window, const char *text, gsize length,
                            const GArray *mentions, const ActnetSegmentation *segmentation,
                            guint a, guint b)
{
  g_return_val_if_fail (text != NULL && mentions != NULL, NULL);

  FindState state = { a, b, g_array_new (FALSE, FALSE, sizeof (ActnetEvidenceUnit)) };
  if (a != b)
    for_each_unit (window, text, length, mentions, segmentation, find_unit, &state);
  return state.units;
}

/* ---- Collector --------------------------------------------------------- */

/* 12 bytes a unit: offsets are kept as 32 bits (documents under 4 GiB). */
typedef struct {
  guint32 document;
  guint32 start, end;
} Record;

struct _ActnetEvidence {
  ActnetWindow window;
  GStringChunk *ids;      /* document ids, each stored once */
  GPtrArray *documents;   /* borrowed from ids, in corpus order */
  GArray *dates;          /* ActnetDate per document */
  GHashTable *pairs;      /* guint64 (a << 32 | b) -> GArray of Record */
  GArray *scratch;        /* distinct actors of a unit */
};

ActnetEvidence *
actnet_evidence_new (ActnetWindow window)
{
  ActnetEvidence *evidence = g_new0 (ActnetEvidence, 1);
  evidence->window = window;
  evidence->ids = g_string_chunk_new (4096);
  evidence->documents = g_ptr_array_new ();
  evidence->dates = g_array_new (FALSE, FALSE, sizeof (ActnetDate));
  evidence->pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                           (GDestroyNotify) g_array_unref);
  evidence->scratch = g_array_new (FALSE, FALSE, sizeof (guint));
  return evidence;
}

void
actnet_evidence_free (ActnetEvidence *evidence)
{
  if (evidence == NULL)
    return;
  g_string_chunk_free (evidence->ids);
  g_ptr_array_unref (evidence->documents);
  g_array_unref (evidence->dates);
  g_hash_table_unref (evidence->pairs);
  g_array_unref (evidence->scratch);
  g_free (evidence);
}

ActnetWindow
actnet_evidence_get_window (const ActnetEvidence *evidence)
{
  return evidence->window;
}

static guint64
pair_key (guint a, guint b)
{
  return a < b ? ((guint64) a << 32) | b : ((guint64) b << 32) | a;
}

/* The records of the pair (@a, @b), made on first use. */
static GArray *
pair_records (ActnetEvidence *evidence, guint a, guint b)
{
  guint64 key = pair_key (a, b);
  GArray *records = g_hash_table_lookup (evidence->pairs, &key);
  if (records == NULL)
    {
      records = g_array_new (FALSE, FALSE, sizeof (Record));
      g_hash_table_insert (evidence->pairs, g_memdup2 (&key, sizeof key), records);
    }
  return records;
}

static void
record_pair (ActnetEvidence *evidence, const Unit *unit, const ActnetMention *m, guint a, guint b)
{
  gsize start, end;
  unit_range (unit, m, a, b, &start, &end);
  Record record = { evidence->documents->len - 1, (guint32) start, (guint32) end };
  g_array_append_val (pair_records (evidence, a, b), record);
}

static int
compare_uint (const void *x, const void *y)
{
  guint a = *(const guint *) x, b = *(const guint *) y;
  return a < b ? -1 : a > b;
}

/* Every pair the counter counts in @unit, by the same rule as
 * unit_supports(). */
static void
collect_unit (const Unit *unit, const ActnetMention *m, gpointer data)
{
  ActnetEvidence *evidence = data;
  GArray *actors = evidence->scratch;
  g_array_set_size (actors, 0);
  guint end = unit->anchor != G_MAXUINT ? unit->anchor : unit->last;
  for (guint k = unit->first; k < end; k++)
    g_array_append_val (actors, m[k].actor);
  g_array_sort (actors, compare_uint);
  const guint *x = (const guint *) (void *) actors->data;
  if (unit->anchor != G_MAXUINT)
    {
      guint anchor = m[unit->anchor].actor;
      for (guint i = 0; i < actors->len; i++)
        if ((i == 0 || x[i] != x[i - 1]) && x[i] != anchor)
          record_pair (evidence, unit, m, anchor, x[i]);
      return;
    }
  for (guint i = 0; i < actors->len; i++)
    {
      if (i > 0 && x[i] == x[i - 1])
        continue;
      for (guint j = i + 1; j < actors->len; j++)
        if (x[j] != x[j - 1])
          record_pair (evidence, unit, m, x[i], x[j]);
    }
}

void
actnet_evidence_add_document (ActnetEvidence *evidence, const ActnetDocument *document,
                              const GArray *mentions, const ActnetSegmentation *segmentation)
{
  g_return_if_fail (evidence != NULL && document != NULL && mentions != NULL);

  g_ptr_array_add (evidence->documents,
                   g_string_chunk_insert_const (evidence->ids, document->id != NULL ? document->id : ""));
  g_array_append_val (evidence->dates, document->day);
  if (document->length > G_MAXUINT32)
    {
      g_warning ("%s: document longer than 4 GiB; no evidence kept for it", document->id);
      return;
    }
  for_each_unit (evidence->window, document->text, document->length, mentions, segmentation,
                 collect_unit, evidence);
}

void
actnet_evidence_pipeline_func (const ActnetDocument *document, const GArray *mentions,
                               const ActnetSegmentation *segmentation, gpointer user_data)
{
  actnet_evidence_add_document (user_data, document, mentions, segmentation);
}

guint64
actnet_evidence_get_n_units (const ActnetEvidence *evidence, guint a, guint b)
{
  g_return_val_if_fail (evidence != NULL, 0);
  guint64 key = pair_key (a, b);
  GArray *records = g_hash_table_lookup (evidence->pairs, &key);
  return records != NULL ? records->len : 0;
}

static int
compare_records (const void *x, const void *y)
{
  const Record *a = x, *b = y;
  if (a->document != b->document)
    return a->document < b->document ? -1 : 1;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  return a->end < b->end ? -1 : a->end > b->end;
}

/* ---- Parts: counts files and merging ------------------------------------ */

guint
actnet_i_evidence_get_n_documents (const ActnetEvidence *evidence)
{
  return evidence->documents->len;
}

const char *
actnet_i_evidence_get_document (const ActnetEvidence *evidence, guint index, ActnetDate *day)
{
  *day = g_array_index (evidence->dates, ActnetDate, index);
  return g_ptr_array_index (evidence->documents, index);
}

guint
actnet_i_evidence_add_document_id (ActnetEvidence *evidence, const char *id, ActnetDate day)
{
  g_ptr_array_add (evidence->documents, g_string_chunk_insert_const (evidence->ids, id));
  g_array_append_val (evidence->dates, day);
  return evidence->documents->len - 1;
}

void
actnet_i_evidence_add_unit (ActnetEvidence *evidence, guint a, guint b, guint32 document,
                            guint32 start, guint32 end)
{
  Record record = { document, start, end };
  g_array_append_val (pair_records (evidence, a, b), record);
}

static int
compare_keys (const void *x, const void *y)
{
  guint64 a = *(const guint64 *) x, b = *(const guint64 *) y;
  return a < b ? -1 : a > b;
}

void
actnet_i_evidence_foreach_unit (const ActnetEvidence *evidence, ActnetIEvidenceUnitFunc func,
                                gpointer user_data)
{
  g_autoptr (GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (guint64),
                                               g_hash_table_size (evidence->pairs));
  GHashTableIter iter;
  gpointer key;
  g_hash_table_iter_init (&iter, evidence->pairs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (keys, *(guint64 *) key);
  g_array_sort (keys, compare_keys);
  for (guint k = 0; k < keys->len; k++)
    {
      guint64 pair = g_array_index (keys, guint64, k);
      GArray *records = g_hash_table_lookup (evidence->pairs, &pair);
      qsort (records->data, records->len, sizeof (Record), compare_records);
      for (guint i = 0; i < records->len; i++)
        {
          const Record *record = &g_array_index (records, Record, i);
          func ((guint) (pair >> 32), (guint) (pair & G_MAXUINT32), record->document,
                record->start, record->end, user_data);
        }
    }
}

void
actnet_evidence_append (ActnetEvidence *evidence, const ActnetEvidence *part)
{
  g_return_if_fail (evidence != NULL && part != NULL && evidence != part);
  g_return_if_fail (actnet_window_equal (evidence->window, part->window));

  guint32 offset = evidence->documents->len;
  for (guint i = 0; i < part->documents->len; i++)
    actnet_i_evidence_add_document_id (evidence, g_ptr_array_index (part->documents, i),
                                       g_array_index (part->dates, ActnetDate, i));
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, part->pairs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint64 pair = *(guint64 *) key;
      GArray *records = pair_records (evidence, (guint) (pair >> 32), (guint) (pair & G_MAXUINT32));
      const GArray *added = value;
      for (guint i = 0; i < added->len; i++)
        {
          Record record = g_array_index (added, Record, i);
          record.document += offset;
          g_array_append_val (records, record);
        }
    }
}

static void
write_json_string (FILE *stream, const char *text)
{
  g_autoptr (GString) out = g_string_new (NULL);
  /* Escapes by hand: the ids are short and json-glib would need a
   * generator per string. */
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
  fputs (out->str, stream);
}

static void
write_number (FILE *stream, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  if (value == floor (value) && fabs (value) < 1e15)
    fprintf (stream, "%.0f", value);
  else
    fputs (g_ascii_dtostr (buffer, sizeof buffer, value), stream);
}

gboolean
actnet_evidence_write_jsonl (const ActnetEvidence *evidence, const ActnetGraph *graph,
                             const ActnetGazetteer *gazetteer, const char *path, GError **error)
{
  g_return_val_if_fail (evidence != NULL && graph != NULL && gazetteer != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  ActnetAtomicFile *file = actnet_i_atomic_file_open (path, error);
  if (file == NULL)
    return FALSE;
  FILE *stream = actnet_i_atomic_file_get_stream (file);
  g_autofree char **dates = g_new0 (char *, evidence->dates->len + 1);
  guint n_edges = actnet_graph_get_n_edges (graph);
  for (guint e = 0; e < n_edges; e++)
    {
      guint from, to;
      actnet_graph_get_edge (graph, e, &from, &to);
      const char *source = actnet_graph_get_node_id (graph, from);
      const char *target = actnet_graph_get_node_id (graph, to);
      fputs ("{\"source\": ", stream);
      write_json_string (stream, source);
      fputs (", \"target\": ", stream);
      write_json_string (stream, target);
      fputs (", \"weight\": ", stream);
      write_number (stream, actnet_graph_get_edge_value (graph, e, "weight"));
      fputs (", \"units\": [", stream);
      guint a = actnet_gazetteer_lookup (gazetteer, source);
      guint b = actnet_gazetteer_lookup (gazetteer, target);
      guint64 key = pair_key (a, b);
      GArray *records = a != G_MAXUINT && b != G_MAXUINT
                          ? g_hash_table_lookup (evidence->pairs, &key) : NULL;
      if (records != NULL)
        {
          /* Sorting in place is harmless: the order is the canonical one. */
          qsort (records->data, records->len, sizeof (Record), compare_records);
          for (guint i = 0; i < records->len; i++)
            {
              const Record *record = &g_array_index (records, Record, i);
              fputs (i > 0 ? ", {\"doc\": " : "{\"doc\": ", stream);
              write_json_string (stream, g_ptr_array_index (evidence->documents, record->document));
              ActnetDate day = g_array_index (evidence->dates, ActnetDate, record->document);
              if (day == ACTNET_DATE_NONE)
                fputs (", \"date\": null", stream);
              else
                {
                  if (dates[record->document] == NULL)
                    dates[record->document] = actnet_date_to_iso (day);
                  fprintf (stream, ", \"date\": \"%s\"", dates[record->document]);
                }
              fprintf (stream, ", \"start\": %u, \"end\": %u}", record->start, record->end);
            }
        }
      fputs ("]}\n", stream);
    }
  for (guint i = 0; i < evidence->dates->len; i++)
    g_free (dates[i]);
  return actnet_i_atomic_file_commit (file, error);
}

/* ---- Keyword in context ------------------------------------------------ */

char *
actnet_evidence_collapse (const char *text, gsize start, gsize end)
{
  g_return_val_if_fail (text != NULL && start <= end, NULL);
  GString *out = g_string_sized_new (end - start);
  actnet_text_append_squeezed (out, text + start, (gssize) (end - start));
  return g_string_free (out, FALSE);
}

void
actnet_evidence_context (const char *text, gsize length, gsize start, gsize end, guint width,
                         char **left, char **right)
{
  g_return_if_fail (text != NULL && start <= end && end <= length);
  g_return_if_fail (left != NULL && right != NULL);

  /* Walk whole characters outwards, counting a whitespace run as the one
   * space it becomes, until @width characters are in. */
  gsize p = start;
  guint count = 0;
  gboolean in_space = FALSE;
  while (p > 0 && count < width)
    {
      const char *prev = g_utf8_find_prev_char (text, text + p);
      if (prev == NULL)
        break;
      gboolean space = g_ascii_isspace (*prev);
      if (!space || !in_space)
        count++;
      in_space = space;
      p = (gsize) (prev - text);
    }
  *left = actnet_evidence_collapse (text, p, start);

  p = end;
  count = 0;
  in_space = FALSE;
  while (p < length && count < width)
    {
      gboolean space = g_ascii_isspace (text[p]);
      if (!space || !in_space)
        count++;
      in_space = space;
      p = (gsize) (g_utf8_next_char (text + p) - text);
    }
  *right = actnet_evidence_collapse (text, end, MIN (p, length));
}
