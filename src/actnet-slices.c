/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet-slices.h>
#include <actnet/actnet-error.h>

#include <stdlib.h>
#include <string.h>

#include "atomic-file.h"

/* Every slicing works on a base unit — months for year/quarter/month,
 * ISO weeks, days — numbered from the epoch: a document falls in one
 * base position, windows are runs of L positions starting every S. The
 * counts are kept per base position (one bucket) and a window is the
 * merge of its buckets, so moving windows and windows anchored at the
 * earliest date (known only at the end) still need one pass. */
typedef enum { BASE_MONTH, BASE_WEEK, BASE_DAY } Base;

struct _ActnetSlicer {
  ActnetSliceSpec spec;
  guint n_actors;
  GArray *windows;          /* ActnetWindow */
  GHashTable *buckets;      /* base position -> GPtrArray of ActnetCooccur */
  guint64 n_undated;
  gboolean any;
  gint64 min_position;
};

static gint64
floor_div (gint64 a, gint64 b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

static Base
unit_base (ActnetSliceUnit unit)
{
  switch (unit)
    {
    case ACTNET_SLICE_WEEK: return BASE_WEEK;
    case ACTNET_SLICE_DAYS: return BASE_DAY;
    default: return BASE_MONTH;
    }
}

static gint64
unit_length (ActnetSliceUnit unit, guint days)
{
  switch (unit)
    {
    case ACTNET_SLICE_YEAR: return 12;
    case ACTNET_SLICE_QUARTER: return 3;
    case ACTNET_SLICE_DAYS: return days;
    default: return 1;
    }
}

static gint64
date_position (Base base, ActnetDate day)
{
  int y, m, d;
  switch (base)
    {
    case BASE_MONTH:
      actnet_date_to_ymd (day, &y, &m, &d);
      return (gint64) y * 12 + (m - 1);
    case BASE_WEEK:
      /* 1970-01-01 was a Thursday: day -3 is a Monday. */
      return floor_div ((gint64) day + 3, 7);
    default:
      return day;
    }
}

static ActnetDate
position_start (Base base, gint64 position)
{
  switch (base)
    {
    case BASE_MONTH:
      return actnet_date_from_ymd ((int) floor_div (position, 12),
                                   (int) (position - 12 * floor_div (position, 12)) + 1, 1);
    case BASE_WEEK:
      return (ActnetDate) (position * 7 - 3);
    default:
      return (ActnetDate) position;
    }
}

static gboolean
parse_unit (const char *text, ActnetSliceUnit *unit, guint *days)
{
  static const char *const names[] = { "year", "quarter", "month", "week" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (text, names[i]) == 0)
      {
        *unit = (ActnetSliceUnit) i;
        *days = 0;
        return TRUE;
      }
  guint64 n = 0;
  if (!g_ascii_string_to_unsigned (text, 10, 1, 100000, &n, NULL))
    return FALSE;
  *unit = ACTNET_SLICE_DAYS;
  *days = (guint) n;
  return TRUE;
}

gboolean
actnet_slice_spec_parse (const char *slice, const char *step, ActnetSliceSpec *spec,
                         GError **error)
{
  g_return_val_if_fail (slice != NULL && spec != NULL, FALSE);
  if (!parse_unit (slice, &spec->unit, &spec->days))
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                   "invalid slice '%s': expected year, quarter, month, week or a number of days",
                   slice);
      return FALSE;
    }
  spec->step_unit = spec->unit;
  spec->step_days = spec->days;
  if (step == NULL)
    return TRUE;
  ActnetSliceUnit unit;
  guint days;
  gboolean ok = parse_unit (step, &unit, &days);
  if (ok && spec->unit == ACTNET_SLICE_DAYS)
    ok = unit == ACTNET_SLICE_DAYS && days <= spec->days;
  else if (ok)
    /* A calendar step must divide the slice so windows start on calendar
     * boundaries: year by quarter or month, quarter by month. */
    ok = unit == spec->unit
         || (unit_base (unit) == BASE_MONTH && unit_base (spec->unit) == BASE_MONTH
             && unit != ACTNET_SLICE_DAYS && unit > spec->unit);
  if (!ok)
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                   spec->unit == ACTNET_SLICE_DAYS
                     ? "invalid step '%s' for %s-day slices: expected a number of days "
                       "from 1 to the slice length"
                     : "invalid step '%s' for %s slices: expected a calendar unit that divides it",
                   step, slice);
      return FALSE;
    }
  spec->step_unit = unit;
  spec->step_days = days;
  return TRUE;
}

ActnetSlicer *
actnet_slicer_new (const ActnetSliceSpec *spec, guint n_actors, const ActnetWindow *windows,
                   guint n_windows)
{
  g_return_val_if_fail (spec != NULL && windows != NULL && n_windows > 0, NULL);
  ActnetSlicer *slicer = g_new0 (ActnetSlicer, 1);
  slicer->spec = *spec;
  slicer->n_actors = n_actors;
  slicer->windows = g_array_new (FALSE, FALSE, sizeof (ActnetWindow));
  g_array_append_vals (slicer->windows, windows, n_windows);
  slicer->buckets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
  return slicer;
}

void
actnet_slicer_free (ActnetSlicer *slicer)
{
  if (slicer == NULL)
    return;
  g_array_unref (slicer->windows);
  g_hash_table_unref (slicer->buckets);
  g_free (slicer);
}

static GPtrArray *
new_scopes (const ActnetSlicer *slicer)
{
  GPtrArray *scopes = g_ptr_array_new_with_free_func ((GDestroyNotify) actnet_cooccur_free);
  for (guint w = 0; w < slicer->windows->len; w++)
    g_ptr_array_add (scopes, actnet_cooccur_new (slicer->n_actors,
                                                 g_array_index (slicer->windows, ActnetWindow, w)));
  return scopes;
}

void
actnet_slicer_add_document (ActnetSlicer *slicer, ActnetDate day, const GArray *mentions,
                            const ActnetSegmentation *segmentation)
{
  g_return_if_fail (slicer != NULL && mentions != NULL);
  if (day == ACTNET_DATE_NONE)
    {
      slicer->n_undated++;
      return;
    }
  gint64 position = date_position (unit_base (slicer->spec.unit), day);
  GPtrArray *scopes = g_hash_table_lookup (slicer->buckets, &position);
  if (scopes == NULL)
    {
      scopes = new_scopes (slicer);
      g_hash_table_insert (slicer->buckets, g_memdup2 (&position, sizeof position), scopes);
    }
  if (!slicer->any || position < slicer->min_position)
    slicer->min_position = position;
  slicer->any = TRUE;
  for (guint w = 0; w < scopes->len; w++)
    actnet_cooccur_add_document_dated (g_ptr_array_index (scopes, w), mentions, segmentation, day);
}

void
actnet_slicer_observe (const ActnetDocument *document, const GArray *mentions,
                       const ActnetSegmentation *segmentation, gpointer user_data)
{
  actnet_slicer_add_document (user_data, document->day, mentions, segmentation);
}

guint64
actnet_slicer_get_n_undated (const ActnetSlicer *slicer)
{
  return slicer->n_undated;
}

void
actnet_slice_free (ActnetSlice *slice)
{
  if (slice == NULL)
    return;
  g_free (slice->label);
  if (slice->scopes != NULL)
    g_ptr_array_unref (slice->scopes);
  g_free (slice);
}

static int
compare_int64 (const void *x, const void *y)
{
  gint64 a = *(const gint64 *) x, b = *(const gint64 *) y;
  return a < b ? -1 : a > b;
}

/* The label of a window starting on @start: the step's unit names it, so
 * labels are unique and sort in time order within one slicing. */
static char *
slice_label (ActnetSliceUnit step_unit, ActnetDate start)
{
  int y, m, d;
  actnet_date_to_ymd (start, &y, &m, &d);
  switch (step_unit)
    {
    case ACTNET_SLICE_YEAR:
      return g_strdup_printf ("%04d", y);
    case ACTNET_SLICE_QUARTER:
      return g_strdup_printf ("%04d-Q%d", y, (m - 1) / 3 + 1);
    case ACTNET_SLICE_MONTH:
      return g_strdup_printf ("%04d-%02d", y, m);
    case ACTNET_SLICE_WEEK:
      {
        /* ISO 8601: a week belongs to the year of its Thursday. */
        ActnetDate thursday = start + 3;
        int ty, tm, td;
        actnet_date_to_ymd (thursday, &ty, &tm, &td);
        int week = (thursday - actnet_date_from_ymd (ty, 1, 1)) / 7 + 1;
        return g_strdup_printf ("%04d-W%02d", ty, week);
      }
    default:
      return actnet_date_to_iso (start);
    }
}

GPtrArray *
actnet_slicer_finish (ActnetSlicer *slicer)
{
  g_return_val_if_fail (slicer != NULL, NULL);
  GPtrArray *slices = g_ptr_array_new_with_free_func ((GDestroyNotify) actnet_slice_free);
  if (!slicer->any)
    return slices;

  Base base = unit_base (slicer->spec.unit);
  gint64 length = unit_length (slicer->spec.unit, slicer->spec.days);
  gint64 step = unit_length (slicer->spec.step_unit, slicer->spec.step_days);
  /* Calendar windows start on multiples of the step (epoch-aligned months
   * and weeks are calendar-aligned); DAYS windows at the earliest date. */
  gint64 anchor = base == BASE_DAY ? slicer->min_position : 0;

  guint n_buckets = g_hash_table_size (slicer->buckets);
  g_autofree gint64 *positions = g_new (gint64, n_buckets);
  GHashTableIter iter;
  gpointer key;
  guint n = 0;
  g_hash_table_iter_init (&iter, slicer->buckets);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    positions[n++] = *(gint64 *) key;
  qsort (positions, n_buckets, sizeof (gint64), compare_int64);

  /* Windows k holding bucket p: anchor + kS <= p < anchor + kS + L. */
  g_autoptr (GArray) ks = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < n_buckets; i++)
    {
      gint64 p = positions[i] - anchor;
      gint64 first = floor_div (p - length, step) + 1, last = floor_div (p, step);
      if (base == BASE_DAY)
        first = MAX (first, 0);  /* DAYS windows begin at the anchor */
      for (gint64 k = MAX (first, ks->len > 0 ? g_array_index (ks, gint64, ks->len - 1) + 1 : first);
           k <= last; k++)
        g_array_append_val (ks, k);
    }

  guint lo = 0;
  for (guint i = 0; i < ks->len; i++)
    {
      gint64 start = anchor + g_array_index (ks, gint64, i) * step;
      ActnetSlice *slice = g_new0 (ActnetSlice, 1);
      slice->start = position_start (base, start);
      slice->end = position_start (base, start + length) - 1;
      slice->label = slice_label (slicer->spec.step_unit, slice->start);
      slice->scopes = new_scopes (slicer);
      while (lo < n_buckets && positions[lo] < start)
        lo++;
      for (guint b = lo; b < n_buckets && positions[b] < start + length; b++)
        {
          GPtrArray *bucket = g_hash_table_lookup (slicer->buckets, &positions[b]);
          for (guint w = 0; w < bucket->len; w++)
            actnet_cooccur_merge (g_ptr_array_index (slice->scopes, w),
                                  g_ptr_array_index (bucket, w));
        }
      g_ptr_array_add (slices, slice);
    }
  g_hash_table_remove_all (slicer->buckets);
  return slices;
}

/* ---- Dynamic GEXF ------------------------------------------------------ */

typedef struct {
  const char *id, *label, *type;  /* borrowed from the graphs */
  GArray *slices;                 /* guint: slices holding the node */
} DynNode;

typedef struct {
  const char *source, *target;    /* actor ids, source < target */
  GArray *slices;                 /* guint */
  GArray *weights;                /* double, per entry of slices */
} DynEdge;

static void
dyn_node_free (DynNode *node)
{
  g_array_unref (node->slices);
  g_free (node);
}

static void
dyn_edge_free (DynEdge *edge)
{
  g_array_unref (edge->slices);
  g_array_unref (edge->weights);
  g_free (edge);
}

static int
compare_nodes (const void *x, const void *y)
{
  return strcmp ((*(DynNode *const *) x)->id, (*(DynNode *const *) y)->id);
}

static int
compare_edges (const void *x, const void *y)
{
  const DynEdge *p = *(DynEdge *const *) x, *q = *(DynEdge *const *) y;
  int c = strcmp (p->source, q->source);
  return c != 0 ? c : strcmp (p->target, q->target);
}

static void
append_attr (GString *out, const char *name, const char *value)
{
  g_autofree char *escaped = g_markup_escape_text (value, -1);
  g_string_append_printf (out, " %s=\"%s\"", name, escaped);
}

/* The interval a slice is shown over: the whole slice when slices tile
 * time; with moving windows only up to the next slice's start, so that
 * one element's spells and values never overlap (Gephi rejects that). */
static void
slice_interval (const ActnetSlice *const *slices, guint n_slices, guint i,
                char **start, char **end)
{
  ActnetDate last = slices[i]->end;
  if (i + 1 < n_slices && slices[i + 1]->start <= last)
    last = slices[i + 1]->start - 1;
  *start = actnet_date_to_iso (slices[i]->start);
  *end = actnet_date_to_iso (last);
}

static void
append_spells (GString *out, const ActnetSlice *const *slices, guint n_slices,
               const GArray *which, const char *indent)
{
  g_string_append_printf (out, "%s<spells>\n", indent);
  for (guint j = 0; j < which->len; j++)
    {
      g_autofree char *start = NULL, *end = NULL;
      slice_interval (slices, n_slices, g_array_index (which, guint, j), &start, &end);
      g_string_append_printf (out, "%s  <spell start=\"%s\" end=\"%s\"/>\n", indent, start, end);
    }
  g_string_append_printf (out, "%s</spells>\n", indent);
}

gboolean
actnet_slices_write_dynamic_gexf (const ActnetSlice *const *slices, ActnetGraph *const *graphs,
                                  guint n_slices, const char *path, GError **error)
{
  g_return_val_if_fail ((slices != NULL && graphs != NULL) || n_slices == 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  GHashTable *nodes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) dyn_node_free);
  GHashTable *edges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) dyn_edge_free);
  for (guint s = 0; s < n_slices; s++)
    {
      const ActnetGraph *graph = graphs[s];
      guint n_nodes = actnet_graph_get_n_nodes (graph);
      for (guint v = 0; v < n_nodes; v++)
        {
          const char *id = actnet_graph_get_node_id (graph, v);
          DynNode *node = g_hash_table_lookup (nodes, id);
          if (node == NULL)
            {
              node = g_new0 (DynNode, 1);
              node->id = id;
              node->label = actnet_graph_get_node_label (graph, v);
              node->type = actnet_graph_get_node_type (graph, v);
              node->slices = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (nodes, (gpointer) id, node);
            }
          g_array_append_val (node->slices, s);
        }
      for (guint e = 0; e < actnet_graph_get_n_edges (graph); e++)
        {
          guint from, to;
          actnet_graph_get_edge (graph, e, &from, &to);
          const char *a = actnet_graph_get_node_id (graph, from);
          const char *b = actnet_graph_get_node_id (graph, to);
          if (strcmp (a, b) > 0)
            {
              const char *t = a;
              a = b;
              b = t;
            }
          g_autofree char *key = g_strconcat (a, "\t", b, NULL);
          DynEdge *edge = g_hash_table_lookup (edges, key);
          if (edge == NULL)
            {
              edge = g_new0 (DynEdge, 1);
              edge->source = a;
              edge->target = b;
              edge->slices = g_array_new (FALSE, FALSE, sizeof (guint));
              edge->weights = g_array_new (FALSE, FALSE, sizeof (double));
              g_hash_table_insert (edges, g_steal_pointer (&key), edge);
            }
          double weight = actnet_graph_get_edge_value (graph, e, "weight");
          g_array_append_val (edge->slices, s);
          g_array_append_val (edge->weights, weight);
        }
    }

  /* Sorted by actor id: the file does not depend on hash order. */
  g_autoptr (GPtrArray) node_list = g_ptr_array_new ();
  g_autoptr (GPtrArray) edge_list = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;
  g_hash_table_iter_init (&iter, nodes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (node_list, value);
  g_hash_table_iter_init (&iter, edges);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (edge_list, value);
  if (node_list->len > 0)
    qsort (node_list->pdata, node_list->len, sizeof (gpointer), compare_nodes);
  if (edge_list->len > 0)
    qsort (edge_list->pdata, edge_list->len, sizeof (gpointer), compare_edges);

  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
                               "  <meta>\n    <creator>actnet</creator>\n"
                               "    <description>actor co-occurrence network over time slices"
                               "</description>\n  </meta>\n");
  g_string_append (out, "  <graph mode=\"dynamic\" defaultedgetype=\"undirected\" "
                        "timeformat=\"date\" timerepresentation=\"interval\" timezone=\"UTC\">\n"
                        "    <attributes class=\"node\" mode=\"static\">\n"
                        "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
                        "    </attributes>\n"
                        "    <attributes class=\"edge\" mode=\"dynamic\">\n"
                        "      <attribute id=\"weight\" title=\"weight\" type=\"double\"/>\n"
                        "    </attributes>\n");
  g_string_append_printf (out, "    <nodes count=\"%u\">\n", node_list->len);
  for (guint i = 0; i < node_list->len; i++)
    {
      const DynNode *node = g_ptr_array_index (node_list, i);
      g_string_append (out, "      <node");
      append_attr (out, "id", node->id);
      append_attr (out, "label", node->label != NULL && node->label[0] != '\0' ? node->label : node->id);
      g_string_append (out, ">\n        <attvalues>\n          <attvalue for=\"type\"");
      append_attr (out, "value", node->type != NULL ? node->type : "");
      g_string_append (out, "/>\n        </attvalues>\n");
      append_spells (out, slices, n_slices, node->slices, "        ");
      g_string_append (out, "      </node>\n");
    }
  g_string_append_printf (out, "    </nodes>\n    <edges count=\"%u\">\n", edge_list->len);
  for (guint i = 0; i < edge_list->len; i++)
    {
      const DynEdge *edge = g_ptr_array_index (edge_list, i);
      g_string_append_printf (out, "      <edge id=\"e%u\"", i);
      append_attr (out, "source", edge->source);
      append_attr (out, "target", edge->target);
      g_string_append (out, ">\n        <attvalues>\n");
      for (guint j = 0; j < edge->slices->len; j++)
        {
          g_autofree char *start = NULL, *end = NULL;
          char number[G_ASCII_DTOSTR_BUF_SIZE];
          slice_interval (slices, n_slices, g_array_index (edge->slices, guint, j), &start, &end);
          g_string_append_printf (out, "          <attvalue for=\"weight\" value=\"%s\" "
                                       "start=\"%s\" end=\"%s\"/>\n",
                                  g_ascii_formatd (number, sizeof number, "%.15g",
                                                   g_array_index (edge->weights, double, j)),
                                  start, end);
        }
      g_string_append (out, "        </attvalues>\n");
      append_spells (out, slices, n_slices, edge->slices, "        ");
      g_string_append (out, "      </edge>\n");
    }
  g_string_append (out, "    </edges>\n  </graph>\n</gexf>\n");
  g_hash_table_unref (edges);
  g_hash_table_unref (nodes);

  gboolean ok = FALSE;
  ActnetAtomicFile *file = actnet_i_atomic_file_open (path, error);
  if (file != NULL)
    {
      FILE *stream = actnet_i_atomic_file_get_stream (file);
      if (fwrite (out->str, 1, out->len, stream) != out->len)
        {
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_IO, "%s: write failed", path);
          actnet_i_atomic_file_abort (file);
        }
      else
        ok = actnet_i_atomic_file_commit (file, error);
    }
  g_string_free (out, TRUE);
  return ok;
}
