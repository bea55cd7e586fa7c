/* Exports of the actor graph: GEXF 1.3, CSV pair, node-link JSON and the
 * adjacency matrix written here; GML, Pajek and DOT through igraph's
 * writers on a prepared copy of the graph; GraphML is
 * actnet_graph_write_graphml().
 *
 * Attributes are read generically through igraph's C attribute table, so a
 * measure added to the graph later is exported without touching this file.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet-export.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <actnet/actnet-error.h>
#include "actnet-graph-private.h"
#include "attribute-column.h"
#include "atomic-file.h"
#include "format-real.h"
#include "igraph-bridge.h"


/* ---- Formats ---------------------------------------------------------- */

static const struct {
  const char *name;
  ActnetExportFormat format;
} format_names[] = {
  { "graphml", ACTNET_EXPORT_GRAPHML }, { "gexf", ACTNET_EXPORT_GEXF },
  { "gml", ACTNET_EXPORT_GML },         { "pajek", ACTNET_EXPORT_PAJEK },
  { "dot", ACTNET_EXPORT_DOT },         { "csv", ACTNET_EXPORT_CSV },
  { "json", ACTNET_EXPORT_JSON },       { "matrix", ACTNET_EXPORT_MATRIX },
  { "net", ACTNET_EXPORT_PAJEK },       { "gv", ACTNET_EXPORT_DOT },
};

ActnetExportFormat
actnet_export_format_from_string (const char *name)
{
  g_return_val_if_fail (name != NULL, ACTNET_EXPORT_UNKNOWN);
  for (gsize i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (name, format_names[i].name) == 0)
      return format_names[i].format;
  return ACTNET_EXPORT_UNKNOWN;
}

const char *
actnet_export_format_to_string (ActnetExportFormat format)
{
  for (gsize i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (format_names[i].format == format)
      return format_names[i].name;
  return NULL;
}

ActnetExportFormat
actnet_export_format_from_path (const char *path)
{
  g_return_val_if_fail (path != NULL, ACTNET_EXPORT_UNKNOWN);
  g_autofree char *lower = g_ascii_strdown (path, -1);
  /* The matrix is a CSV file too; its longer suffix wins. */
  if (g_str_has_suffix (lower, ".matrix.csv"))
    return ACTNET_EXPORT_MATRIX;
  const char *dot = strrchr (lower, '.');
  if (dot == NULL || strchr (dot, '/') != NULL)
    return ACTNET_EXPORT_UNKNOWN;
  return actnet_export_format_from_string (dot + 1);
}

void
actnet_export_csv_paths (const char *path, char **nodes_path, char **edges_path)
{
  g_return_if_fail (path != NULL);
  gsize len = strlen (path);
  static const char *const suffixes[] = { ".nodes.csv", ".edges.csv", ".csv" };
  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize sl = strlen (suffixes[i]);
      if (len > sl && g_ascii_strcasecmp (path + len - sl, suffixes[i]) == 0)
        {
          len -= sl;
          break;
        }
    }
  if (nodes_path != NULL)
    *nodes_path = g_strdup_printf ("%.*s.nodes.csv", (int) len, path);
  if (edges_path != NULL)
    *edges_path = g_strdup_printf ("%.*s.edges.csv", (int) len, path);
}

/* ---- The graph as tables ---------------------------------------------- */

/* One attribute column, copied out of igraph once: a graph of 60,000
 * edges has hundreds of thousands of values, and a lookup by name per
 * value (with a fresh copy of each string) was most of an export. */
typedef struct {
  ActnetIAttributeColumn values;  /* by node or edge; name and type */
  char *clean_name;               /* clean_string (name) */
  gboolean integer;               /* numeric with integral values only */
  char **strings;                 /* STRING: the values cleaned */
} Attr;

/* What every hand-written exporter needs: the attributes in table order
 * (actor_id and label, which become the node id and label, and the edge
 * weight, which every format places itself, left out of the lists) and a
 * unique, clean id and a clean label per node. */
typedef struct {
  const igraph_t *g;
  igraph_strvector_t vnames, enames;
  igraph_vector_int_t vtypes, etypes;
  int ready;
  GArray *vattrs, *eattrs;
  char **ids, **labels;
  guint n, m;
  gboolean has_weight;
  ActnetIAttributeColumn weights; /* by edge, when has_weight */
} Model;

/* Valid UTF-8 (bad bytes become U+FFFD), C0 controls become spaces and
 * U+FFFE/U+FFFF, which XML forbids, U+FFFD: the rules of the GraphML
 * writer. The graph keeps its strings clean already; this is the safety
 * net for every text format. New string. */
static char *
clean_string (const char *text)
{
  char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c < 0x20 || c == 0x7F)
        g_string_append_c (out, ' ');
      else if (c == 0xFFFE || c == 0xFFFF)
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  g_free (valid);
  return g_string_free (out, FALSE);
}

/* Counts and codes are integers; a measure is a real number even when the
 * values of one graph happen to be whole (degree is a count). Names here
 * are written as integers when every value is integral, so each attribute
 * keeps one type across graphs. */
static gboolean
is_integer_name (const char *name)
{
  static const char *const names[] = {
    "community", "component", "degree", "mentions", "documents", NULL
  };
  return g_strv_contains (names, name);
}

static gboolean
all_integral (const igraph_vector_t *values)
{
  for (igraph_integer_t i = 0; i < igraph_vector_size (values); i++)
    {
      double x = VECTOR (*values)[i];
      if (!isfinite (x) || x != floor (x) || fabs (x) >= 1e15)
        return FALSE;
    }
  return TRUE;
}

static void
attr_clear (Attr *attr)
{
  actnet_i_attribute_column_clear (&attr->values);
  g_free (attr->clean_name);
  g_strfreev (attr->strings);
}

/* The node (@element VERTEX) or edge attributes of the table @names and
 * @types but those in @skip, columns read once, in table order. New
 * GArray of Attr, or NULL with @error set. */
static GArray *
collect_attrs (const igraph_t *g, igraph_attribute_elemtype_t element,
               const igraph_strvector_t *names, const igraph_vector_int_t *types,
               const char *const *skip, GError **error)
{
  GArray *attrs = g_array_new (FALSE, TRUE, sizeof (Attr));
  g_array_set_clear_func (attrs, (GDestroyNotify) attr_clear);
  for (igraph_integer_t k = 0; k < igraph_strvector_size (names); k++)
    {
      const char *name = igraph_strvector_get (names, k);
      igraph_attribute_type_t type = (igraph_attribute_type_t) VECTOR (*types)[k];
      if (g_strv_contains (skip, name) || !actnet_i_attribute_column_supports (type))
        continue;
      g_array_set_size (attrs, attrs->len + 1);
      Attr *attr = &g_array_index (attrs, Attr, attrs->len - 1);
      if (!actnet_i_attribute_column_load (&attr->values, g, element, name, type, error))
        {
          g_array_unref (attrs);
          return NULL;
        }
      attr->clean_name = clean_string (name);
      if (type == IGRAPH_ATTRIBUTE_STRING)
        {
          igraph_integer_t count = igraph_strvector_size (&attr->values.strings);
          attr->strings = g_new0 (char *, count + 1);
          for (igraph_integer_t i = 0; i < count; i++)
            attr->strings[i] = clean_string (igraph_strvector_get (&attr->values.strings, i));
        }
      else if (type == IGRAPH_ATTRIBUTE_NUMERIC)
        attr->integer = is_integer_name (name) && all_integral (&attr->values.numbers);
    }
  return attrs;
}

static gboolean
has_attr (const Model *model, igraph_attribute_elemtype_t element, const char *name,
          igraph_attribute_type_t type)
{
  gboolean node = element == IGRAPH_ATTRIBUTE_VERTEX;
  const igraph_strvector_t *names = node ? &model->vnames : &model->enames;
  const igraph_vector_int_t *types = node ? &model->vtypes : &model->etypes;
  for (igraph_integer_t k = 0; k < igraph_strvector_size (names); k++)
    if (strcmp (igraph_strvector_get (names, k), name) == 0)
      return VECTOR (*types)[k] == type;
  return FALSE;
}

static void
model_clear (Model *model)
{
  if (model->ready & 1)
    igraph_strvector_destroy (&model->vnames);
  if (model->ready & 2)
    igraph_strvector_destroy (&model->enames);
  if (model->ready & 4)
    igraph_vector_int_destroy (&model->vtypes);
  if (model->ready & 8)
    igraph_vector_int_destroy (&model->etypes);
  if (model->vattrs != NULL)
    g_array_unref (model->vattrs);
  if (model->eattrs != NULL)
    g_array_unref (model->eattrs);
  g_strfreev (model->ids);
  g_strfreev (model->labels);
  actnet_i_attribute_column_clear (&model->weights);
  memset (model, 0, sizeof *model);
}

static gboolean
model_init (Model *model, const ActnetGraph *graph, GError **error)
{
  static const char *const vskip[] = { "actor_id", "label", NULL };
  static const char *const eskip[] = { "weight", NULL };

  memset (model, 0, sizeof *model);
  model->g = actnet_i_graph_get_igraph_const (graph);
  model->n = (guint) igraph_vcount (model->g);
  model->m = (guint) igraph_ecount (model->g);
  BRIDGED (igraph_strvector_init (&model->vnames, 0), "allocating");
  model->ready |= 1;
  BRIDGED (igraph_strvector_init (&model->enames, 0), "allocating");
  model->ready |= 2;
  BRIDGED (igraph_vector_int_init (&model->vtypes, 0), "allocating");
  model->ready |= 4;
  BRIDGED (igraph_vector_int_init (&model->etypes, 0), "allocating");
  model->ready |= 8;
  BRIDGED (igraph_cattribute_list (model->g, NULL, NULL, &model->vnames, &model->vtypes,
                                   &model->enames, &model->etypes),
           "listing attributes");
  model->vattrs = collect_attrs (model->g, IGRAPH_ATTRIBUTE_VERTEX, &model->vnames,
                                 &model->vtypes, vskip, error);
  if (model->vattrs == NULL)
    goto out;
  model->eattrs = collect_attrs (model->g, IGRAPH_ATTRIBUTE_EDGE, &model->enames,
                                 &model->etypes, eskip, error);
  if (model->eattrs == NULL)
    goto out;
  model->has_weight = has_attr (model, IGRAPH_ATTRIBUTE_EDGE, "weight",
                                IGRAPH_ATTRIBUTE_NUMERIC);
  if (model->has_weight
      && !actnet_i_attribute_column_load (&model->weights, model->g, IGRAPH_ATTRIBUTE_EDGE,
                                          "weight", IGRAPH_ATTRIBUTE_NUMERIC, error))
    goto out;

  gboolean has_id = has_attr (model, IGRAPH_ATTRIBUTE_VERTEX, "actor_id",
                              IGRAPH_ATTRIBUTE_STRING);
  gboolean has_label = has_attr (model, IGRAPH_ATTRIBUTE_VERTEX, "label",
                                 IGRAPH_ATTRIBUTE_STRING);
  ActnetIAttributeColumn ids = { 0 }, labels = { 0 };
  if ((has_id && !actnet_i_attribute_column_load (&ids, model->g, IGRAPH_ATTRIBUTE_VERTEX,
                                                  "actor_id", IGRAPH_ATTRIBUTE_STRING, error))
      || (has_label && !actnet_i_attribute_column_load (&labels, model->g, IGRAPH_ATTRIBUTE_VERTEX,
                                                        "label", IGRAPH_ATTRIBUTE_STRING, error)))
    {
      actnet_i_attribute_column_clear (&ids);
      actnet_i_attribute_column_clear (&labels);
      goto out;
    }
  model->ids = g_new0 (char *, model->n + 1);
  model->labels = g_new0 (char *, model->n + 1);
  GHashTable *seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint v = 0; v < model->n; v++)
    {
      char *id = clean_string (has_id ? igraph_strvector_get (&ids.strings, v) : "");
      /* Every format refers to nodes by id: an empty or repeated one
       * (possible in a GraphML file not written by actnet) gets the node
       * index appended until it is unique. */
      if (id[0] == '\0' || g_hash_table_contains (seen, id))
        {
          char *base = id[0] == '\0' ? g_strdup ("n") : g_strdup (id);
          g_free (id);
          id = g_strdup_printf ("%s%s%u", base, base[0] == 'n' && base[1] == '\0' ? "" : "_", v);
          for (guint k = 2; g_hash_table_contains (seen, id); k++)
            {
              g_free (id);
              id = g_strdup_printf ("%s_%u_%u", base, v, k);
            }
          g_free (base);
        }
      model->ids[v] = id;
      g_hash_table_add (seen, id);
      char *label = clean_string (has_label ? igraph_strvector_get (&labels.strings, v) : "");
      if (label[0] == '\0')
        {
          g_free (label);
          label = g_strdup (id);
        }
      model->labels[v] = label;
    }
  g_hash_table_unref (seen);
  actnet_i_attribute_column_clear (&ids);
  actnet_i_attribute_column_clear (&labels);
  return TRUE;
out:
  model_clear (model);
  return FALSE;
}

/* %.15g in the C locale: the GraphML writer's precision, so a value reads
 * back the same from every format. */
static const char *
format_number (char *buf, gsize size, double x)
{
  g_assert (size >= ACTNET_I_REAL_BUF_SIZE);
  actnet_i_format_real (x, buf);
  return buf;
}

/* Node or edge @i's value of @attr as text (the cleaned string, true or
 * false, or the number written into @buf), or NULL when there is none (a
 * non-finite number). Borrowed. */
static const char *
attr_value (const Attr *attr, guint i, char buf[ACTNET_I_REAL_BUF_SIZE])
{
  switch (attr->values.type)
    {
    case IGRAPH_ATTRIBUTE_STRING:
      return attr->strings[i];
    case IGRAPH_ATTRIBUTE_BOOLEAN:
      return VECTOR (attr->values.booleans)[i] ? "true" : "false";
    case IGRAPH_ATTRIBUTE_NUMERIC:
    default:
      {
        double x = VECTOR (attr->values.numbers)[i];
        if (!isfinite (x))
          return NULL;
        actnet_i_format_real (x, buf);
        return buf;
      }
    }
}

static double
edge_weight (const Model *model, guint e)
{
  if (!model->has_weight)
    return 1;
  double w = VECTOR (model->weights.numbers)[e];
  return isfinite (w) ? w : 1;
}

static void
edge_ends (const Model *model, guint e, guint *a, guint *b)
{
  igraph_integer_t from = IGRAPH_FROM (model->g, e), to = IGRAPH_TO (model->g, e);
  *a = (guint) MIN (from, to);
  *b = (guint) MAX (from, to);
}

/* ---- GEXF 1.3 --------------------------------------------------------- */

typedef struct {
  guint8 r, g, b;
} Rgb;

/* Tableau 10 (matplotlib's default cycle): distinct, colour-blind aware,
 * readable on Gephi's white background. */
static const Rgb palette[10] = {
  { 31, 119, 180 }, { 255, 127, 14 }, { 44, 160, 44 }, { 214, 39, 40 }, { 148, 103, 189 },
  { 140, 86, 75 },  { 227, 119, 194 }, { 127, 127, 127 }, { 188, 189, 34 }, { 23, 190, 207 },
};

static Rgb
type_color (const char *type)
{
  if (strcmp (type, "person") == 0)
    return palette[0];
  if (strcmp (type, "organization") == 0)
    return palette[1];
  if (strcmp (type, "place") == 0)
    return palette[2];
  if (strcmp (type, "media") == 0)
    return palette[4];
  return palette[7];
}

static const char *
gexf_type (const Attr *attr)
{
  switch (attr->values.type)
    {
    case IGRAPH_ATTRIBUTE_STRING:
      return "string";
    case IGRAPH_ATTRIBUTE_BOOLEAN:
      return "boolean";
    case IGRAPH_ATTRIBUTE_NUMERIC:
    default:
      return attr->integer ? "integer" : "double";
    }
}

/* g_markup_escape_text() without its copy for text that needs none: no
 * markup character, control (C0, DEL) or C1 control (U+0080-U+009F,
 * UTF-8 lead byte 0xC2), which it writes as character references. */
static void
append_escaped (GString *out, const char *text)
{
  const guchar *p = (const guchar *) text;
  while (*p >= 0x20 && *p != '&' && *p != '<' && *p != '>' && *p != '\'' && *p != '"'
         && *p != 0x7F && *p != 0xC2)
    p++;
  if (*p == '\0')
    {
      g_string_append_len (out, text, (gssize) (p - (const guchar *) text));
      return;
    }
  char *escaped = g_markup_escape_text (text, -1);
  g_string_append (out, escaped);
  g_free (escaped);
}

static void
gexf_declare (GString *out, const char *klass, GArray *attrs)
{
  if (attrs->len == 0)
    return;
  g_string_append_printf (out, "    <attributes class=\"%s\">\n", klass);
  for (guint k = 0; k < attrs->len; k++)
    {
      const Attr *attr = &g_array_index (attrs, Attr, k);
      /* id = title = the attribute name: graphology names a column by its
       * id unless the id is numeric, Gephi by its title. */
      g_string_append (out, "      <attribute id=\"");
      append_escaped (out, attr->values.name);
      g_string_append (out, "\" title=\"");
      append_escaped (out, attr->values.name);
      g_string_append_printf (out, "\" type=\"%s\"/>\n", gexf_type (attr));
    }
  g_string_append (out, "    </attributes>\n");
}

static void
gexf_attvalues (GString *out, GArray *attrs, guint i)
{
  gboolean open = FALSE;
  for (guint k = 0; k < attrs->len; k++)
    {
      const Attr *attr = &g_array_index (attrs, Attr, k);
      char buf[ACTNET_I_REAL_BUF_SIZE];
      const char *text = attr_value (attr, i, buf);
      if (text == NULL)
        continue;
      if (!open)
        g_string_append (out, "        <attvalues>\n");
      open = TRUE;
      g_string_append (out, "          <attvalue for=\"");
      append_escaped (out, attr->values.name);
      g_string_append (out, "\" value=\"");
      append_escaped (out, text);
      g_string_append (out, "\"/>\n");
    }
  if (open)
    g_string_append (out, "        </attvalues>\n");
}

/* Checks @options against the graph before anything is written. */
static gboolean
check_options (const Model *model, const ActnetExportOptions *options, GError **error)
{
  if (options == NULL)
    return TRUE;
  if (options->color_by != NULL)
    {
      if (strcmp (options->color_by, "type") != 0 && strcmp (options->color_by, "community") != 0)
        {
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                       "unknown colour scheme '%s' (expected type or community)",
                       options->color_by);
          return FALSE;
        }
      if (strcmp (options->color_by, "community") == 0
          && !has_attr (model, IGRAPH_ATTRIBUTE_VERTEX, "community",
                        IGRAPH_ATTRIBUTE_NUMERIC))
        {
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                       "cannot colour by community: the graph has no community attribute");
          return FALSE;
        }
    }
  if (options->size_by != NULL
      && !has_attr (model, IGRAPH_ATTRIBUTE_VERTEX, options->size_by,
                    IGRAPH_ATTRIBUTE_NUMERIC))
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                   "cannot size nodes by '%s': the graph has no such numeric node attribute",
                   options->size_by);
      return FALSE;
    }
  return TRUE;
}

#define GEXF_SIZE_MIN 5.0
#define GEXF_SIZE_MAX 50.0
/* Gephi's own default node size, used when the measure does not vary. */
#define GEXF_SIZE_FLAT 10.0

/* The end of a streaming writer: the rest of @out to @file unless a
 * drain has failed already (@ok FALSE), then @out freed. */
static gboolean
stream_end (ActnetAtomicFile *file, GString *out, gboolean ok, GError **error)
{
  ok = ok && actnet_i_atomic_file_drain (file, out, 0, error);
  g_string_free (out, TRUE);
  return ok;
}

/* The writers of one-file formats stream to @file a megabyte at a time;
 * on failure @file has been freed (actnet_i_atomic_file_drain()). */
static gboolean
write_gexf (const Model *model, const ActnetExportOptions *options, ActnetAtomicFile *file,
            GError **error)
{
  GString *out = g_string_new (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n"
    /* No lastmodifieddate: the same graph gives the same bytes. */
    "  <meta>\n"
    "    <creator>actnet</creator>\n"
    "  </meta>\n"
    "  <graph mode=\"static\" defaultedgetype=\"undirected\">\n");
  gexf_declare (out, "node", model->vattrs);
  gexf_declare (out, "edge", model->eattrs);

  const char *color_by = options != NULL ? options->color_by : NULL;
  const char *size_by = options != NULL ? options->size_by : NULL;
  gboolean has_type = has_attr (model, IGRAPH_ATTRIBUTE_VERTEX, "type",
                                IGRAPH_ATTRIBUTE_STRING);
  double lo = INFINITY, hi = -INFINITY;
  if (size_by != NULL)
    for (guint v = 0; v < model->n; v++)
      {
        double x = igraph_cattribute_VAN (model->g, size_by, v);
        if (isfinite (x))
          {
            lo = MIN (lo, x);
            hi = MAX (hi, x);
          }
      }

  g_string_append_printf (out, "    <nodes count=\"%u\">\n", model->n);
  for (guint v = 0; v < model->n; v++)
    {
      g_string_append (out, "      <node id=\"");
      append_escaped (out, model->ids[v]);
      g_string_append (out, "\" label=\"");
      append_escaped (out, model->labels[v]);
      g_string_append (out, "\">\n");
      gexf_attvalues (out, model->vattrs, v);
      if (size_by != NULL)
        {
          double x = igraph_cattribute_VAN (model->g, size_by, v);
          double size = GEXF_SIZE_FLAT;
          if (hi > lo)
            size = GEXF_SIZE_MIN + (GEXF_SIZE_MAX - GEXF_SIZE_MIN)
                                     * ((isfinite (x) ? x : lo) - lo) / (hi - lo);
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          g_string_append_printf (out, "        <viz:size value=\"%s\"/>\n",
                                  g_ascii_formatd (buf, sizeof buf, "%.6g", size));
        }
      if (color_by != NULL)
        {
          Rgb rgb;
          if (strcmp (color_by, "community") == 0)
            {
              double c = igraph_cattribute_VAN (model->g, "community", v);
              long k = isfinite (c) ? labs ((long) fmod (c, 10.0)) : 7;
              rgb = palette[k % 10];
            }
          else
            rgb = type_color (has_type ? igraph_cattribute_VAS (model->g, "type", v) : "");
          g_string_append_printf (out, "        <viz:color r=\"%u\" g=\"%u\" b=\"%u\"/>\n",
                                  rgb.r, rgb.g, rgb.b);
        }
      g_string_append (out, "      </node>\n");
      if (!actnet_i_atomic_file_drain (file, out, ACTNET_I_DRAIN_SIZE, error))
        return stream_end (file, out, FALSE, error);
    }
  g_string_append (out, "    </nodes>\n");

  g_string_append_printf (out, "    <edges count=\"%u\">\n", model->m);
  GString *values = g_string_new (NULL);
  for (guint e = 0; e < model->m; e++)
    {
      guint a, b;
      edge_ends (model, e, &a, &b);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_string_append_printf (out, "      <edge id=\"%u\" source=\"", e);
      append_escaped (out, model->ids[a]);
      g_string_append (out, "\" target=\"");
      append_escaped (out, model->ids[b]);
      g_string_append_printf (out, "\" weight=\"%s\"",
                              format_number (buf, sizeof buf, edge_weight (model, e)));
      g_string_truncate (values, 0);
      gexf_attvalues (values, model->eattrs, e);
      if (values->len == 0)
        g_string_append (out, "/>\n");
      else
        {
          g_string_append (out, ">\n");
          g_string_append_len (out, values->str, (gssize) values->len);
          g_string_append (out, "      </edge>\n");
        }
      if (!actnet_i_atomic_file_drain (file, out, ACTNET_I_DRAIN_SIZE, error))
        {
          g_string_free (values, TRUE);
          return stream_end (file, out, FALSE, error);
        }
    }
  g_string_free (values, TRUE);
  g_string_append (out, "    </edges>\n  </graph>\n</gexf>\n");
  return stream_end (file, out, TRUE, error);
}

/* ---- CSV (Gephi spreadsheet import, R) -------------------------------- */

/* RFC 4180: a field holding a comma, a quote or a line break is quoted,
 * quotes doubled. Leading or trailing blanks are quoted too, since some
 * readers trim them. */
static void
append_csv_field (GString *out, const char *text)
{
  gsize len = strlen (text);
  gboolean quote = strpbrk (text, ",\"\r\n") != NULL
                   || (len > 0 && (text[0] == ' ' || text[len - 1] == ' '));
  if (!quote)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
csv_attr_cells (GString *out, GArray *attrs, guint i)
{
  for (guint k = 0; k < attrs->len; k++)
    {
      char buf[ACTNET_I_REAL_BUF_SIZE];
      const char *text = attr_value (&g_array_index (attrs, Attr, k), i, buf);
      g_string_append_c (out, ',');
      if (text != NULL)
        append_csv_field (out, text);
    }
}

static void
csv_attr_header (GString *out, GArray *attrs)
{
  for (guint k = 0; k < attrs->len; k++)
    {
      g_string_append_c (out, ',');
      append_csv_field (out, g_array_index (attrs, Attr, k).clean_name);
    }
}

/* Gephi's node table: Id and Label are the columns it recognises. */
static gboolean
write_csv_nodes (const Model *model, ActnetAtomicFile *file, GError **error)
{
  GString *out = g_string_new ("Id,Label");
  csv_attr_header (out, model->vattrs);
  g_string_append_c (out, '\n');
  for (guint v = 0; v < model->n; v++)
    {
      append_csv_field (out, model->ids[v]);
      g_string_append_c (out, ',');
      append_csv_field (out, model->labels[v]);
      csv_attr_cells (out, model->vattrs, v);
      g_string_append_c (out, '\n');
      if (!actnet_i_atomic_file_drain (file, out, ACTNET_I_DRAIN_SIZE, error))
        return stream_end (file, out, FALSE, error);
    }
  return stream_end (file, out, TRUE, error);
}

/* Gephi's edge table: Source, Target, Type (Undirected: without it Gephi
 * assumes directed) and Weight. */
static gboolean
write_csv_edges (const Model *model, ActnetAtomicFile *file, GError **error)
{
  GString *out = g_string_new ("Source,Target,Type,Weight");
  csv_attr_header (out, model->eattrs);
  g_string_append_c (out, '\n');
  for (guint e = 0; e < model->m; e++)
    {
      guint a, b;
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      edge_ends (model, e, &a, &b);
      append_csv_field (out, model->ids[a]);
      g_string_append_c (out, ',');
      append_csv_field (out, model->ids[b]);
      g_string_append (out, ",Undirected,");
      g_string_append (out, format_number (buf, sizeof buf, edge_weight (model, e)));
      csv_attr_cells (out, model->eattrs, e);
      g_string_append_c (out, '\n');
      if (!actnet_i_atomic_file_drain (file, out, ACTNET_I_DRAIN_SIZE, error))
        return stream_end (file, out, FALSE, error);
    }
  return stream_end (file, out, TRUE, error);
}

/* R: read.csv(FILE, row.names = 1, check.names = FALSE) gives the
 * matrix with actor ids as row and column names. Weight 0 = no edge. */
static gboolean
write_matrix (const Model *model, ActnetAtomicFile *file, GError **error)
{
  double *w = g_new0 (double, (gsize) model->n * model->n);
  for (guint e = 0; e < model->m; e++)
    {
      guint a, b;
      edge_ends (model, e, &a, &b);
      /* A multigraph read from foreign GraphML sums, as Gephi does. */
      w[(gsize) a * model->n + b] += edge_weight (model, e);
      if (a != b)
        w[(gsize) b * model->n + a] += edge_weight (model, e);
    }
  GString *out = g_string_new (NULL);
  for (guint v = 0; v < model->n; v++)
    {
      g_string_append_c (out, ',');
      append_csv_field (out, model->ids[v]);
    }
  g_string_append_c (out, '\n');
  for (guint v = 0; v < model->n; v++)
    {
      append_csv_field (out, model->ids[v]);
      for (guint u = 0; u < model->n; u++)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          g_string_append_c (out, ',');
          g_string_append (out, format_number (buf, sizeof buf, w[(gsize) v * model->n + u]));
        }
      g_string_append_c (out, '\n');
      if (!actnet_i_atomic_file_drain (file, out, ACTNET_I_DRAIN_SIZE, error))
        {
          g_free (w);
          return stream_end (file, out, FALSE, error);
        }
    }
  g_free (w);
  return stream_end (file, out, TRUE, error);
}

/* ---- Node-link JSON --------------------------------------------------- */

static void
append_json_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) *p);
        }
      else if (*p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, (char) *p);
    }
  g_string_append_c (out, '"');
}

static void
json_attr_members (GString *out, GArray *attrs, guint i)
{
  for (guint k = 0; k < attrs->len; k++)
    {
      const Attr *attr = &g_array_index (attrs, Attr, k);
      const char *name = attr->clean_name;
      /* The node-link keys belong to the format. */
      if (strcmp (name, "id") == 0 || strcmp (name, "source") == 0
          || strcmp (name, "target") == 0)
        continue;
      char buf[ACTNET_I_REAL_BUF_SIZE];
      const char *text = attr_value (attr, i, buf);
      g_string_append (out, ", ");
      append_json_string (out, name);
      g_string_append (out, ": ");
      if (text == NULL)
        g_string_append (out, "null");
      else if (attr->values.type == IGRAPH_ATTRIBUTE_STRING)
        append_json_string (out, text);
      else
        g_string_append (out, text);  /* finite number or true/false */
    }
}

/* networkx's node_link_data layout (what d3 examples load): one node or
 * link a line, keys in attribute order, so the bytes are stable and diffs
 * readable. */
static gboolean
write_json (const Model *model, ActnetAtomicFile *file, GError **error)
{
  GString *out = g_string_new ("{\"directed\": false, \"multigraph\": false, \"graph\": {},\n"
                               " \"nodes\": [");
  for (guint v = 0; v < model->n; v++)
    {
      g_string_append (out, v == 0 ? "\n  {\"id\": " : ",\n  {\"id\": ");
      append_json_string (out, model->ids[v]);
      g_string_append (out, ", \"label\": ");
      append_json_string (out, model->labels[v]);
      json_attr_members (out, model->vattrs, v);
      g_string_append_c (out, '}');
      if (!actnet_i_atomic_file_drain (file, out, ACTNET_I_DRAIN_SIZE, error))
        return stream_end (file, out, FALSE, error);
    }
  g_string_append (out, model->n > 0 ? "\n ],\n \"links\": [" : "],\n \"links\": [");
  for (guint e = 0; e < model->m; e++)
    {
      guint a, b;
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      edge_ends (model, e, &a, &b);
      g_string_append (out, e == 0 ? "\n  {\"source\": " : ",\n  {\"source\": ");
      append_json_string (out, model->ids[a]);
      g_string_append (out, ", \"target\": ");
      append_json_string (out, model->ids[b]);
      g_string_append (out, ", \"weight\": ");
      g_string_append (out, format_number (buf, sizeof buf, edge_weight (model, e)));
      json_attr_members (out, model->eattrs, e);
      g_string_append_c (out, '}');
      if (!actnet_i_atomic_file_drain (file, out, ACTNET_I_DRAIN_SIZE, error))
        return stream_end (file, out, FALSE, error);
    }
  g_string_append (out, model->m > 0 ? "\n ]\n}\n" : "]\n}\n");
  return stream_end (file, out, TRUE, error);
}

/* ---- Writing ---------------------------------------------------------- */

static const char *
display_path (const char *path)
{
  return strcmp (path, "-") == 0 ? "standard output" : path;
}

/* Writes @text to the open @file and checks the stream; aborts @file on
 * failure. */
static gboolean
put_text (ActnetAtomicFile *file, const char *path, const char *text, GError **error)
{
  (void) path;
  /* "PATH: write error: REASON" (disk full, file too large). */
  return actnet_i_atomic_file_write (file, text, strlen (text), error);
}

static gboolean
write_text_file (const char *path, const char *text, GError **error)
{
  ActnetAtomicFile *file = actnet_i_atomic_file_open (path, error);
  if (file == NULL)
    return FALSE;
  if (!put_text (file, path, text, error))
    return FALSE;
  return actnet_i_atomic_file_commit (file, error);
}

static gboolean
write_csv_pair (const Model *model, const char *path, GError **error)
{
  if (strcmp (path, "-") == 0)
    {
      ActnetAtomicFile *out = actnet_i_atomic_file_open (path, error);
      return out != NULL && write_csv_nodes (model, out, error)
             && actnet_i_atomic_file_write (out, "\n", 1, error)
             && write_csv_edges (model, out, error) && actnet_i_atomic_file_commit (out, error);
    }

  g_autofree char *nodes_path = NULL, *edges_path = NULL;
  actnet_export_csv_paths (path, &nodes_path, &edges_path);
  /* Both tables are complete in their temporary files before either is
   * renamed: a failure leaves both previous files as they were. */
  ActnetAtomicFile *nf = actnet_i_atomic_file_open (nodes_path, error);
  if (nf == NULL)
    return FALSE;
  ActnetAtomicFile *ef = actnet_i_atomic_file_open (edges_path, error);
  if (ef == NULL)
    {
      actnet_i_atomic_file_abort (nf);
      return FALSE;
    }
  /* A writer that fails has freed its own file. */
  if (!write_csv_nodes (model, nf, error))
    {
      actnet_i_atomic_file_abort (ef);
      return FALSE;
    }
  if (!write_csv_edges (model, ef, error))
    {
      actnet_i_atomic_file_abort (nf);
      return FALSE;
    }
  if (fflush (actnet_i_atomic_file_get_stream (nf)) != 0
      || fflush (actnet_i_atomic_file_get_stream (ef)) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, "%s: write error", path);
      actnet_i_atomic_file_abort (nf);
      actnet_i_atomic_file_abort (ef);
      return FALSE;
    }
  /* rename() onto a directory is the one failure left once both files are
   * written; refuse it before the first rename, so that the pair is
   * replaced together or not at all. */
  const char *const dests[] = { nodes_path, edges_path };
  for (gsize i = 0; i < G_N_ELEMENTS (dests); i++)
    if (g_file_test (dests[i], G_FILE_TEST_IS_DIR))
      {
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, "%s: is a directory", dests[i]);
        actnet_i_atomic_file_abort (nf);
        actnet_i_atomic_file_abort (ef);
        return FALSE;
      }
  if (!actnet_i_atomic_file_commit (nf, error))
    {
      actnet_i_atomic_file_abort (ef);
      return FALSE;
    }
  return actnet_i_atomic_file_commit (ef, error);
}

/* ---- igraph's writers: GML, Pajek, DOT -------------------------------- */

/* Replaces the string vertex attribute @name of @g with @values. */
static gboolean
set_strings (igraph_t *g, const char *name, char **values, guint n, GError **error)
{
  igraph_strvector_t sv;
  gboolean ok = FALSE, ready = FALSE;
  if (igraph_cattribute_has_attr (g, IGRAPH_ATTRIBUTE_VERTEX, name))
    igraph_cattribute_remove_v (g, name);
  BRIDGED (igraph_strvector_init (&sv, n), "allocating strings");
  ready = TRUE;
  for (guint i = 0; i < n; i++)
    BRIDGED (igraph_strvector_set (&sv, i, values[i]), "storing a string");
  BRIDGED (igraph_cattribute_VAS_setv (g, name, &sv), "setting a node attribute");
  ok = TRUE;
out:
  if (ready)
    igraph_strvector_destroy (&sv);
  return ok;
}

/* Pajek has no escape for quotes, and readers split labels at them. */
static char *
pajek_label (const char *label)
{
  char *copy = g_strdup (label);
  g_strdelimit (copy, "\"", '\'');
  return copy;
}

/* Prepares @copy (a copy of the graph) for @format: see README "Exports"
 * for what each writer keeps. */
static gboolean
prepare_copy (igraph_t *copy, const Model *model, ActnetExportFormat format, GError **error)
{
  /* igraph writes only finite, clean values well; the graph guarantees
   * both, and the id/label columns are replaced by the model's clean,
   * unique ones. */
  if (format == ACTNET_EXPORT_PAJEK)
    {
      /* igraph's Pajek writer labels vertices with the string attribute
       * "id"; readers (networkx) use it as the node name, so it must be
       * unique: a repeated label gets the actor id appended. */
      GHashTable *count = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint v = 0; v < model->n; v++)
        g_hash_table_insert (count, model->labels[v],
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (count, model->labels[v])) + 1));
      char **names = g_new0 (char *, model->n + 1);
      for (guint v = 0; v < model->n; v++)
        {
          gboolean repeated = GPOINTER_TO_UINT (g_hash_table_lookup (count, model->labels[v])) > 1;
          char *name = repeated ? g_strdup_printf ("%s (%s)", model->labels[v], model->ids[v])
                                : g_strdup (model->labels[v]);
          names[v] = pajek_label (name);
          g_free (name);
        }
      g_hash_table_unref (count);
      gboolean ok = set_strings (copy, "id", names, model->n, error);
      g_strfreev (names);
      return ok;
    }
  if (!set_strings (copy, "label", model->labels, model->n, error))
    return FALSE;
  if (format == ACTNET_EXPORT_GML || format == ACTNET_EXPORT_DOT)
    return set_strings (copy, "actor_id", model->ids, model->n, error);
  return TRUE;
}

/* GML is 7-bit ASCII (networkx refuses anything else): characters beyond
 * it become HTML character references, which readers decode. Only
 * strings can hold them (igraph drops non-alphanumeric key characters).
 * New string. */
static char *
gml_ascii (const char *text, gsize length)
{
  GString *out = g_string_sized_new (length);
  const char *end = text + length;
  for (const char *p = text; p < end; )
    {
      if ((guchar) *p < 0x80)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      gunichar c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Unreachable: strings are cleaned to valid UTF-8. */
          g_string_append (out, "&#65533;");
          p++;
          continue;
        }
      g_string_append_printf (out, "&#%" G_GUINT32_FORMAT ";", (guint32) c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

/* igraph writes to a memory stream first, so that GML can be made ASCII
 * and the file is written atomically like every other export. */
static gboolean
write_with_igraph (const ActnetGraph *graph, const Model *model, const char *path,
                   ActnetExportFormat format, GError **error)
{
  igraph_t copy;
  gboolean copied = FALSE, ok = FALSE, in_locale = FALSE;
  igraph_safelocale_t locale;
  char *buffer = NULL;
  size_t length = 0;
  FILE *stream = NULL;
  GError *local = NULL;

  BRIDGED (igraph_copy (&copy, actnet_i_graph_get_igraph_const (graph)), "copying the graph");
  copied = TRUE;
  if (!prepare_copy (&copy, model, format, error))
    goto out;
  stream = open_memstream (&buffer, &length);
  if (stream == NULL)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "%s: %s", display_path (path), g_strerror (errno));
      goto out;
    }
  BRIDGED (igraph_enter_safelocale (&locale), "setting the C locale");
  in_locale = TRUE;

  actnet_i_igraph_begin ();
  igraph_error_t rc;
  switch (format)
    {
    case ACTNET_EXPORT_GML:
      /* A fixed creator line: igraph's default carries the date. */
      rc = igraph_write_graph_gml (&copy, stream, IGRAPH_WRITE_GML_DEFAULT_SW, NULL, "actnet");
      break;
    case ACTNET_EXPORT_PAJEK:
      rc = igraph_write_graph_pajek (&copy, stream);
      break;
    case ACTNET_EXPORT_DOT:
    default:
      rc = igraph_write_graph_dot (&copy, stream);
      break;
    }
  igraph_exit_safelocale (&locale);
  in_locale = FALSE;
  if (!actnet_i_igraph_end (rc, actnet_export_format_to_string (format), &local))
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_IGRAPH, "%s: %s", display_path (path),
                   local->message);
      g_error_free (local);
      goto out;
    }
  if (fclose (stream) != 0)
    {
      stream = NULL;
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOMEM, "%s: out of memory",
                   display_path (path));
      goto out;
    }
  stream = NULL;
  if (format == ACTNET_EXPORT_GML)
    {
      char *ascii = gml_ascii (buffer, length);
      ok = write_text_file (path, ascii, error);
      g_free (ascii);
    }
  else
    ok = write_text_file (path, buffer, error);
out:
  if (in_locale)
    igraph_exit_safelocale (&locale);
  if (stream != NULL)
    fclose (stream);
  free (buffer);
  if (copied)
    igraph_destroy (&copy);
  return ok;
}

gboolean
actnet_graph_write (const ActnetGraph *graph, const char *path, ActnetExportFormat format,
                    const ActnetExportOptions *options, GError **error)
{
  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format == ACTNET_EXPORT_UNKNOWN)
    format = actnet_export_format_from_path (path);
  if (actnet_export_format_to_string (format) == NULL)
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                   "%s: unknown export format (expected .graphml, .gexf, .gml, .net, "
                   ".dot, .csv, .json or .matrix.csv)", display_path (path));
      return FALSE;
    }
  if (format == ACTNET_EXPORT_GRAPHML)
    return actnet_graph_write_graphml (graph, path, error);

  Model model;
  if (!model_init (&model, graph, error))
    return FALSE;
  gboolean ok = FALSE;
  ActnetAtomicFile *file = NULL;
  if (!check_options (&model, format == ACTNET_EXPORT_GEXF ? options : NULL, error))
    goto out;
  switch (format)
    {
    case ACTNET_EXPORT_GEXF:
    case ACTNET_EXPORT_JSON:
    case ACTNET_EXPORT_MATRIX:
      if ((file = actnet_i_atomic_file_open (path, error)) == NULL)
        goto out;
      ok = format == ACTNET_EXPORT_GEXF ? write_gexf (&model, options, file, error)
           : format == ACTNET_EXPORT_JSON ? write_json (&model, file, error)
           : write_matrix (&model, file, error);
      ok = ok && actnet_i_atomic_file_commit (file, error);
      goto out;
    case ACTNET_EXPORT_CSV:
      ok = write_csv_pair (&model, path, error);
      goto out;
    case ACTNET_EXPORT_GML:
    case ACTNET_EXPORT_PAJEK:
    case ACTNET_EXPORT_DOT:
      ok = write_with_igraph (graph, &model, path, format, error);
      goto out;
    case ACTNET_EXPORT_GRAPHML:
    case ACTNET_EXPORT_UNKNOWN:
    default:
      /* Handled above. */
      goto out;
    }
out:
  model_clear (&model);
  return ok;
}
