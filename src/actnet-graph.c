/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet-graph.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include <actnet/actnet-analysis.h>
#include <actnet/actnet-error.h>
#include "atomic-file.h"
#include "graphml-writer.h"
#include "igraph-bridge.h"
#include "actnet-graph-private.h"
#include "actnet-network-private.h"
#include <actnet/actnet-network.h>

/* The graph and every attribute live in igraph's C attribute table. The
 * invariants every public function keeps:
 *   - undirected, one edge per pair, no self-loops;
 *   - string vertex attributes actor_id, label (non-empty) and type exist
 *     and hold valid UTF-8 without C0 controls (so GraphML is valid XML);
 *   - every numeric attribute is finite, edge weights are positive;
 *   - no graph-level attributes (Gephi drops them). */
struct _ActnetGraph {
  igraph_t graph;
};


static const char *const measure_names[] = {
  "degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector",
  "pagerank", "coreness", "mentions", "documents", NULL
};

const char *const *
actnet_measure_names (void)
{
  return measure_names;
}

static gboolean
is_measure (const char *name)
{
  for (guint i = 0; measure_names[i] != NULL; i++)
    if (strcmp (measure_names[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* Valid UTF-8 (bad bytes become U+FFFD), C0 controls (TAB, LF and CR
 * included) become spaces, and U+FFFE/U+FFFF, which XML 1.0 forbids,
 * become U+FFFD. New string. */
static char *
clean_string (const char *text)
{
  char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c < 0x20)
        g_string_append_c (out, ' ');
      else if (c == 0xFFFE || c == 0xFFFF)
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  g_free (valid);
  return g_string_free (out, FALSE);
}

static ActnetGraph *
graph_alloc (void)
{
  actnet_i_igraph_init ();
  return g_new0 (ActnetGraph, 1);
}

void
actnet_graph_free (ActnetGraph *graph)
{
  if (graph == NULL)
    return;
  igraph_destroy (&graph->graph);
  g_free (graph);
}

/* The type of attribute @name, or IGRAPH_ATTRIBUTE_UNSPECIFIED when there
 * is none. igraph 0.10 exports no cattribute getter for the type, only
 * the table's gettype, which never fails for an existing name. */
static igraph_attribute_type_t
attr_type (const igraph_t *graph, igraph_attribute_elemtype_t element, const char *name)
{
  igraph_attribute_type_t type = IGRAPH_ATTRIBUTE_UNSPECIFIED;
  if (!igraph_cattribute_has_attr (graph, element, name))
    return IGRAPH_ATTRIBUTE_UNSPECIFIED;
  if (igraph_cattribute_table.gettype (graph, &type, element, name) != IGRAPH_SUCCESS)
    return IGRAPH_ATTRIBUTE_UNSPECIFIED;
  return type;
}

static gboolean
has_vertex_attr (const igraph_t *graph, const char *name, igraph_attribute_type_t type)
{
  return attr_type (graph, IGRAPH_ATTRIBUTE_VERTEX, name) == type;
}

static gboolean
has_edge_attr (const igraph_t *graph, const char *name, igraph_attribute_type_t type)
{
  return attr_type (graph, IGRAPH_ATTRIBUTE_EDGE, name) == type;
}

/* Replaces (or creates) the string node (@nodes) or edge attribute @name
 * with @values (one string per node or edge, cleaned here). An attribute of
 * another type is removed first; a string one keeps its place in the
 * attribute order. */
static gboolean
set_string_attr (igraph_t *graph, gboolean nodes, const char *name, char **values,
                 GError **error)
{
  igraph_attribute_elemtype_t elem = nodes ? IGRAPH_ATTRIBUTE_VERTEX : IGRAPH_ATTRIBUTE_EDGE;
  igraph_integer_t n = nodes ? igraph_vcount (graph) : igraph_ecount (graph);
  igraph_strvector_t sv;
  gboolean ok = FALSE, sv_ready = FALSE;

  if (igraph_cattribute_has_attr (graph, elem, name)
      && attr_type (graph, elem, name) != IGRAPH_ATTRIBUTE_STRING)
    {
      if (nodes)
        igraph_cattribute_remove_v (graph, name);
      else
        igraph_cattribute_remove_e (graph, name);
    }

  BRIDGED (igraph_strvector_init (&sv, n), "allocating strings");
  sv_ready = TRUE;
  for (igraph_integer_t i = 0; i < n; i++)
    {
      /* Printable ASCII (ids, dates, most labels) is clean already. */
      const char *value = values[i] != NULL ? values[i] : "";
      const char *p = value;
      while ((guchar) *p >= 0x20 && (guchar) *p < 0x80)
        p++;
      char *clean = *p == '\0' ? NULL : clean_string (value);
      actnet_i_igraph_begin ();
      igraph_error_t rc = igraph_strvector_set (&sv, i, clean != NULL ? clean : value);
      g_free (clean);
      if (!actnet_i_igraph_end (rc, "storing a string", error))
        goto out;
    }
  if (nodes)
    BRIDGED (igraph_cattribute_VAS_setv (graph, name, &sv), "setting a node attribute");
  else
    BRIDGED (igraph_cattribute_EAS_setv (graph, name, &sv), "setting an edge attribute");
  ok = TRUE;
out:
  if (sv_ready)
    igraph_strvector_destroy (&sv);
  return ok;
}

static gboolean
set_string_vertex_attr (igraph_t *graph, const char *name, char **values, GError **error)
{
  return set_string_attr (graph, TRUE, name, values, error);
}

/* Replaces (or creates) the numeric vertex attribute @name. */
static gboolean
set_numeric_vertex_attr (igraph_t *graph, const char *name,
                         const igraph_vector_t *values, GError **error)
{
  if (igraph_cattribute_has_attr (graph, IGRAPH_ATTRIBUTE_VERTEX, name)
      && !has_vertex_attr (graph, name, IGRAPH_ATTRIBUTE_NUMERIC))
    igraph_cattribute_remove_v (graph, name);
  BRIDGED (igraph_cattribute_VAN_setv (graph, name, values), "setting a node attribute");
  return TRUE;
out:
  return FALSE;
}

static gboolean
set_numeric_edge_attr (igraph_t *graph, const char *name,
                       const igraph_vector_t *values, GError **error)
{
  if (igraph_cattribute_has_attr (graph, IGRAPH_ATTRIBUTE_EDGE, name)
      && !has_edge_attr (graph, name, IGRAPH_ATTRIBUTE_NUMERIC))
    igraph_cattribute_remove_e (graph, name);
  BRIDGED (igraph_cattribute_EAN_setv (graph, name, values), "setting an edge attribute");
  return TRUE;
out:
  return FALSE;
}

gboolean
actnet_i_graph_set_string_column (ActnetGraph *graph, gboolean nodes, const char *name,
                                  char **values, GError **error)
{
  g_return_val_if_fail (graph != NULL && name != NULL && values != NULL, FALSE);
  return set_string_attr (&graph->graph, nodes, name, values, error);
}

ActnetGraph *
actnet_graph_new_from_cooccur (const ActnetCooccur *cooccur,
                               const ActnetGazetteer *gazetteer,
                               GError **error)
{
  g_return_val_if_fail (cooccur != NULL, NULL);
  /* The one-scope case of the general constructor, under the defaults. */
  ActnetCooccur *scopes[] = { (ActnetCooccur *) cooccur };
  return actnet_graph_new_from_scopes (scopes, 1, gazetteer, NULL, error);
}

ActnetGraph *
actnet_i_graph_new_from_tables (const ActnetGazetteer *gazetteer,
                                const guint *actors, guint n_nodes,
                                const guint *ends, guint n_edges,
                                const ActnetIColumn *node_columns, guint n_node_columns,
                                const ActnetIColumn *edge_columns, guint n_edge_columns,
                                GError **error)
{
  g_return_val_if_fail (gazetteer != NULL, NULL);
  g_return_val_if_fail (n_nodes == 0 || actors != NULL, NULL);
  g_return_val_if_fail (n_edges == 0 || ends != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  guint n = n_nodes;
  ActnetGraph *result = NULL;
  ActnetGraph *graph = graph_alloc ();
  gboolean graph_ready = FALSE;
  igraph_vector_int_t edges;
  igraph_vector_t numbers;
  gboolean edges_ready = FALSE, numbers_ready = FALSE;
  char **strings = g_new0 (char *, n + 1);

  BRIDGED (igraph_vector_int_init (&edges, 2 * (igraph_integer_t) n_edges),
           "allocating edges");
  edges_ready = TRUE;
  for (guint i = 0; i < 2 * n_edges; i++)
    {
      if (ends[i] >= n || (i % 2 == 1 && ends[i] == ends[i - 1]))
        {
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_FAILED,
                       "inconsistent co-occurrence counts: edge %u", i / 2);
          goto out;
        }
      VECTOR (edges)[i] = ends[i];
    }
  BRIDGED (igraph_create (&graph->graph, &edges, n, IGRAPH_UNDIRECTED),
           "creating the graph");
  graph_ready = TRUE;

  /* Attribute order here is the key order of the GraphML output. */
  for (guint i = 0; i < n; i++)
    strings[i] = (char *) actnet_gazetteer_get_id (gazetteer, actors[i]);
  if (!set_string_vertex_attr (&graph->graph, "actor_id", strings, error))
    goto out;
  for (guint i = 0; i < n; i++)
    {
      const char *label = actnet_gazetteer_get_label (gazetteer, actors[i]);
      strings[i] = (char *) (label != NULL && label[0] != '\0'
                             ? label : actnet_gazetteer_get_id (gazetteer, actors[i]));
    }
  if (!set_string_vertex_attr (&graph->graph, "label", strings, error))
    goto out;
  for (guint i = 0; i < n; i++)
    {
      const char *type = actnet_gazetteer_get_type (gazetteer, actors[i]);
      strings[i] = (char *) (type != NULL ? type : "");
    }
  if (!set_string_vertex_attr (&graph->graph, "type", strings, error))
    goto out;

  BRIDGED (igraph_vector_init (&numbers, n), "allocating attributes");
  numbers_ready = TRUE;
  for (guint c = 0; c < n_node_columns; c++)
    {
      for (guint i = 0; i < n; i++)
        VECTOR (numbers)[i] = isfinite (node_columns[c].values[i]) ? node_columns[c].values[i] : 0;
      if (!set_numeric_vertex_attr (&graph->graph, node_columns[c].name, &numbers, error))
        goto out;
    }
  BRIDGED (igraph_vector_resize (&numbers, n_edges), "allocating attributes");
  for (guint c = 0; c < n_edge_columns; c++)
    {
      for (guint i = 0; i < n_edges; i++)
        VECTOR (numbers)[i] = isfinite (edge_columns[c].values[i]) ? edge_columns[c].values[i] : 0;
      if (!set_numeric_edge_attr (&graph->graph, edge_columns[c].name, &numbers, error))
        goto out;
    }

  result = graph;
  graph = NULL;
out:
  if (graph != NULL)
    {
      if (graph_ready)
        igraph_destroy (&graph->graph);
      g_free (graph);
    }
  if (edges_ready)
    igraph_vector_int_destroy (&edges);
  if (numbers_ready)
    igraph_vector_destroy (&numbers);
  g_free (strings);
  return result;
}

/* ---- Reading ---------------------------------------------------------- */

/* Node @v's attribute @name as a new string (numbers printed with %.15g,
 * booleans as "true"/"false"), or NULL when absent or empty. */
static char *
vertex_attr_string (const igraph_t *graph, const char *name, igraph_integer_t v)
{
  switch (attr_type (graph, IGRAPH_ATTRIBUTE_VERTEX, name))
    {
    case IGRAPH_ATTRIBUTE_STRING:
      {
        const char *s = igraph_cattribute_VAS (graph, name, v);
        return s != NULL && s[0] != '\0' ? g_strdup (s) : NULL;
      }
    case IGRAPH_ATTRIBUTE_NUMERIC:
      {
        double x = igraph_cattribute_VAN (graph, name, v);
        if (!isfinite (x))
          return NULL;
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", x));
      }
    case IGRAPH_ATTRIBUTE_BOOLEAN:
      return g_strdup (igraph_cattribute_VAB (graph, name, v) ? "true" : "false");
    default:
      return NULL;
    }
}

/* Cleans every string attribute and makes every number finite: NaN (an
 * absent value) and infinities become 0, an edge weight that is absent
 * becomes 1, a non-positive or infinite weight is an error. */
static gboolean
sanitize_attributes (igraph_t *graph, const char *path, GError **error)
{
  igraph_strvector_t vnames, enames;
  igraph_vector_int_t vtypes, etypes;
  igraph_vector_t numbers;
  gboolean ok = FALSE;
  int ready = 0;

  BRIDGED (igraph_strvector_init (&vnames, 0), "allocating");
  ready |= 1;
  BRIDGED (igraph_strvector_init (&enames, 0), "allocating");
  ready |= 2;
  BRIDGED (igraph_vector_int_init (&vtypes, 0), "allocating");
  ready |= 4;
  BRIDGED (igraph_vector_int_init (&etypes, 0), "allocating");
  ready |= 8;
  BRIDGED (igraph_vector_init (&numbers, 0), "allocating");
  ready |= 16;
  BRIDGED (igraph_cattribute_list (graph, NULL, NULL, &vnames, &vtypes, &enames, &etypes),
           "listing attributes");

  igraph_integer_t nv = igraph_vcount (graph);
  for (igraph_integer_t k = 0; k < igraph_strvector_size (&vnames); k++)
    {
      const char *name = igraph_strvector_get (&vnames, k);
      if (VECTOR (vtypes)[k] == IGRAPH_ATTRIBUTE_NUMERIC)
        {
          BRIDGED (igraph_cattribute_VANV (graph, name, igraph_vss_all (), &numbers),
                   "reading a node attribute");
          for (igraph_integer_t v = 0; v < nv; v++)
            if (!isfinite (VECTOR (numbers)[v]))
              VECTOR (numbers)[v] = 0;
          BRIDGED (igraph_cattribute_VAN_setv (graph, name, &numbers),
                   "setting a node attribute");
        }
      else if (VECTOR (vtypes)[k] == IGRAPH_ATTRIBUTE_STRING)
        {
          char **values = g_new0 (char *, nv + 1);
          for (igraph_integer_t v = 0; v < nv; v++)
            values[v] = (char *) igraph_cattribute_VAS (graph, name, v);
          /* set_string_vertex_attr copies before replacing, so borrowing
           * the old values is safe. */
          gboolean set = set_string_vertex_attr (graph, name, values, error);
          g_free (values);
          if (!set)
            goto out;
        }
    }

  igraph_integer_t ne = igraph_ecount (graph);
  gboolean has_weight = FALSE;
  for (igraph_integer_t k = 0; k < igraph_strvector_size (&enames); k++)
    {
      const char *name = igraph_strvector_get (&enames, k);
      gboolean is_weight = strcmp (name, "weight") == 0;
      if (VECTOR (etypes)[k] == IGRAPH_ATTRIBUTE_NUMERIC)
        {
          BRIDGED (igraph_cattribute_EANV (graph, name, igraph_ess_all (IGRAPH_EDGEORDER_ID), &numbers),
                   "reading an edge attribute");
          for (igraph_integer_t e = 0; e < ne; e++)
            {
              double x = VECTOR (numbers)[e];
              if (is_weight && isnan (x))
                VECTOR (numbers)[e] = 1;
              else if (is_weight && !(isfinite (x) && x > 0))
                {
                  g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_PARSE,
                               "%s: edge %" IGRAPH_PRId " has weight %g; weights must be positive and finite",
                               path, e, x);
                  goto out;
                }
              else if (!isfinite (x))
                VECTOR (numbers)[e] = 0;
            }
          BRIDGED (igraph_cattribute_EAN_setv (graph, name, &numbers),
                   "setting an edge attribute");
          has_weight |= is_weight;
        }
      else if (is_weight)
        {
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_PARSE,
                       "%s: the edge attribute 'weight' is not numeric", path);
          goto out;
        }
      else if (VECTOR (etypes)[k] == IGRAPH_ATTRIBUTE_STRING)
        {
          for (igraph_integer_t e = 0; e < ne; e++)
            {
              char *clean = clean_string (igraph_cattribute_EAS (graph, name, e));
              actnet_i_igraph_begin ();
              igraph_error_t rc = igraph_cattribute_EAS_set (graph, name, e, clean);
              g_free (clean);
              if (!actnet_i_igraph_end (rc, "setting an edge attribute", error))
                goto out;
            }
        }
    }
  if (!has_weight)
    {
      BRIDGED (igraph_vector_resize (&numbers, ne), "allocating");
      igraph_vector_fill (&numbers, 1);
      if (!set_numeric_edge_attr (graph, "weight", &numbers, error))
        goto out;
    }
  ok = TRUE;
out:
  if (ready & 1)
    igraph_strvector_destroy (&vnames);
  if (ready & 2)
    igraph_strvector_destroy (&enames);
  if (ready & 4)
    igraph_vector_int_destroy (&vtypes);
  if (ready & 8)
    igraph_vector_int_destroy (&etypes);
  if (ready & 16)
    igraph_vector_destroy (&numbers);
  return ok;
}

/* Makes the graph undirected with one edge per pair and no self-loops;
 * weights (and documents) of merged edges are summed. */
static gboolean
make_simple_undirected (igraph_t *graph, GError **error)
{
  igraph_attribute_combination_t comb;
  gboolean ok = FALSE, comb_ready = FALSE;
  igraph_bool_t multiple = FALSE, loops = FALSE;

  BRIDGED (igraph_attribute_combination (&comb,
                                         "weight", IGRAPH_ATTRIBUTE_COMBINE_SUM,
                                         "documents", IGRAPH_ATTRIBUTE_COMBINE_SUM,
                                         "", IGRAPH_ATTRIBUTE_COMBINE_FIRST,
                                         IGRAPH_NO_MORE_ATTRIBUTES),
           "combining edges");
  comb_ready = TRUE;
  if (igraph_is_directed (graph))
    BRIDGED (igraph_to_undirected (graph, IGRAPH_TO_UNDIRECTED_COLLAPSE, &comb),
             "making the graph undirected");
  BRIDGED (igraph_has_multiple (graph, &multiple), "checking for parallel edges");
  BRIDGED (igraph_has_loop (graph, &loops), "checking for self-loops");
  /* Only when needed: simplifying reorders the edges. */
  if (multiple || loops)
    BRIDGED (igraph_simplify (graph, TRUE, TRUE, &comb), "merging parallel edges");
  ok = TRUE;
out:
  if (comb_ready)
    igraph_attribute_combination_destroy (&comb);
  return ok;
}

/* Gives every node a non-empty actor_id and label (falling back to the
 * GraphML node id, then "n<i>") and a type ("" when absent). */
static gboolean
fill_node_names (igraph_t *graph, GError **error)
{
  igraph_integer_t n = igraph_vcount (graph);
  char **ids = g_new0 (char *, n + 1);
  char **labels = g_new0 (char *, n + 1);
  char **types = g_new0 (char *, n + 1);
  gboolean ok = FALSE;

  for (igraph_integer_t v = 0; v < n; v++)
    {
      ids[v] = vertex_attr_string (graph, "actor_id", v);
      if (ids[v] == NULL)
        ids[v] = vertex_attr_string (graph, "id", v);
      if (ids[v] == NULL)
        ids[v] = g_strdup_printf ("n%" IGRAPH_PRId, v);
      labels[v] = vertex_attr_string (graph, "label", v);
      if (labels[v] == NULL)
        labels[v] = g_strdup (ids[v]);
      types[v] = vertex_attr_string (graph, "type", v);
      if (types[v] == NULL)
        types[v] = g_strdup ("");
    }
  /* igraph's reader keeps the GraphML node ids as attribute "id"; the
   * writer numbers nodes itself, so the ids live on as actor_id. */
  if (has_vertex_attr (graph, "id", IGRAPH_ATTRIBUTE_STRING))
    igraph_cattribute_remove_v (graph, "id");
  ok = set_string_vertex_attr (graph, "actor_id", ids, error)
       && set_string_vertex_attr (graph, "label", labels, error)
       && set_string_vertex_attr (graph, "type", types, error);
  g_strfreev (ids);
  g_strfreev (labels);
  g_strfreev (types);
  return ok;
}

ActnetGraph *
actnet_graph_read_graphml (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  FILE *in = g_fopen (path, "rb");
  if (in == NULL)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: cannot open: %s", path, g_strerror (saved));
      return NULL;
    }

  ActnetGraph *graph = graph_alloc ();
  gboolean graph_ready = FALSE;
  GError *local = NULL;
  igraph_safelocale_t locale;

  actnet_i_igraph_begin ();
  igraph_error_t rc = igraph_enter_safelocale (&locale);
  if (!actnet_i_igraph_end (rc, "setting the C locale", error))
    goto out;
  actnet_i_igraph_begin ();
  rc = igraph_read_graph_graphml (&graph->graph, in, 0);
  igraph_exit_safelocale (&locale);
  if (!actnet_i_igraph_end (rc, "not a readable GraphML file", &local))
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_PARSE, "%s: %s", path,
                   local->message);
      g_error_free (local);
      goto out;
    }
  graph_ready = TRUE;

  igraph_cattribute_remove_all (&graph->graph, TRUE, FALSE, FALSE);
  if (!sanitize_attributes (&graph->graph, path, error)
      || !make_simple_undirected (&graph->graph, error)
      || !sanitize_attributes (&graph->graph, path, error)
      || !fill_node_names (&graph->graph, error))
    goto out;

  fclose (in);
  return graph;

out:
  fclose (in);
  if (graph_ready)
    igraph_destroy (&graph->graph);
  g_free (graph);
  return NULL;
}

/* ---- Centralities ----------------------------------------------------- */

/* Stores @values as node attribute @name with every non-finite value
 * replaced by 0 (Gephi rejects "Inf", igraph omits NaN). */
static gboolean
store_measure (igraph_t *graph, const char *name, igraph_vector_t *values,
               GError **error)
{
  for (igraph_integer_t i = 0; i < igraph_vector_size (values); i++)
    if (!isfinite (VECTOR (*values)[i]))
      VECTOR (*values)[i] = 0;
  return set_numeric_vertex_attr (graph, name, values, error);
}

static const struct {
  const char *name;
  ActnetMeasures flag;
} measure_flags[] = {
  { "degree", ACTNET_MEASURE_DEGREE }, { "strength", ACTNET_MEASURE_STRENGTH },
  { "betweenness", ACTNET_MEASURE_BETWEENNESS }, { "closeness", ACTNET_MEASURE_CLOSENESS },
  { "harmonic", ACTNET_MEASURE_HARMONIC }, { "eigenvector", ACTNET_MEASURE_EIGENVECTOR },
  { "pagerank", ACTNET_MEASURE_PAGERANK }, { "coreness", ACTNET_MEASURE_CORENESS },
  { "community", ACTNET_MEASURE_COMMUNITY },
};

ActnetMeasures
actnet_measure_flag (const char *name)
{
  g_return_val_if_fail (name != NULL, 0);
  for (guint i = 0; i < G_N_ELEMENTS (measure_flags); i++)
    if (strcmp (measure_flags[i].name, name) == 0)
      return measure_flags[i].flag;
  return 0;
}

gboolean
actnet_measures_parse (const char *text, ActnetMeasures *measures, GError **error)
{
  g_return_val_if_fail (text != NULL && measures != NULL, FALSE);
  if (strcmp (text, "all") == 0)
    {
      *measures = ACTNET_MEASURES_ALL;
      return TRUE;
    }
  if (strcmp (text, "fast") == 0)
    {
      *measures = ACTNET_MEASURES_FAST;
      return TRUE;
    }
  ActnetMeasures result = 0;
  g_auto (GStrv) names = g_strsplit (text, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      ActnetMeasures flag = actnet_measure_flag (name);
      if (flag == 0)
        {
          g_autoptr (GString) known = g_string_new (NULL);
          for (guint k = 0; k < G_N_ELEMENTS (measure_flags); k++)
            g_string_append_printf (known, "%s%s", k > 0 ? ", " : "", measure_flags[k].name);
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                       "unknown measure '%s' in '%s' (expected all, fast or a list of %s)",
                       name, text, known->str);
          return FALSE;
        }
      result |= flag;
    }
  *measures = result;
  return TRUE;
}

gboolean
actnet_graph_compute_centralities (ActnetGraph *graph, GError **error)
{
  return actnet_graph_compute_measures (graph, ACTNET_MEASURES_ALL, error);
}

gboolean
actnet_graph_compute_measures (ActnetGraph *graph, ActnetMeasures measures, GError **error)
{
  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  igraph_t *g = &graph->graph;
  igraph_integer_t n = igraph_vcount (g), m = igraph_ecount (g);
  igraph_vector_t weights, distances, result;
  igraph_vector_int_t degrees;
  int ready = 0;
  gboolean ok = FALSE;

  BRIDGED (igraph_vector_init (&weights, m), "allocating");
  ready |= 1;
  BRIDGED (igraph_vector_init (&distances, m), "allocating");
  ready |= 2;
  BRIDGED (igraph_vector_init (&result, n), "allocating");
  ready |= 4;
  BRIDGED (igraph_vector_int_init (&degrees, n), "allocating");
  ready |= 8;

  if (has_edge_attr (g, "weight", IGRAPH_ATTRIBUTE_NUMERIC))
    BRIDGED (igraph_cattribute_EANV (g, "weight", igraph_ess_all (IGRAPH_EDGEORDER_ID), &weights),
             "reading edge weights");
  else
    igraph_vector_fill (&weights, 1);
  for (igraph_integer_t e = 0; e < m; e++)
    {
      double w = VECTOR (weights)[e];
      if (!(isfinite (w) && w > 0))
        {
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                       "edge %" IGRAPH_PRId " has weight %g; weights must be positive and finite",
                       e, w);
          goto out;
        }
      /* A stronger tie is a shorter distance. */
      VECTOR (distances)[e] = 1.0 / w;
    }

  if (measures & ACTNET_MEASURE_DEGREE)
    {
      BRIDGED (igraph_degree (g, &degrees, igraph_vss_all (), IGRAPH_ALL, IGRAPH_LOOPS),
               "computing degree");
      for (igraph_integer_t v = 0; v < n; v++)
        VECTOR (result)[v] = (double) VECTOR (degrees)[v];
      if (!store_measure (g, "degree", &result, error))
        goto out;
    }

  if (measures & ACTNET_MEASURE_STRENGTH)
    {
      BRIDGED (igraph_strength (g, &result, igraph_vss_all (), IGRAPH_ALL, IGRAPH_LOOPS, &weights),
               "computing strength");
      if (!store_measure (g, "strength", &result, error))
        goto out;
    }

  if (measures & ACTNET_MEASURE_BETWEENNESS)
    {
      BRIDGED (igraph_betweenness (g, &result, igraph_vss_all (), IGRAPH_UNDIRECTED, &distances),
               "computing betweenness");
      if (!store_measure (g, "betweenness", &result, error))
        goto out;
    }

  /* Normalised over the reachable nodes; an isolated node gets NaN,
   * stored as 0. */
  if (measures & ACTNET_MEASURE_CLOSENESS)
    {
      BRIDGED (igraph_closeness (g, &result, NULL, NULL, igraph_vss_all (), IGRAPH_ALL,
                                 &distances, TRUE),
               "computing closeness");
      if (!store_measure (g, "closeness", &result, error))
        goto out;
    }

  /* Mean inverse distance to the other n - 1 nodes (igraph's
   * normalisation); unreachable nodes add 0, so unlike closeness it
   * needs no per-component rule. A lone node gets NaN, stored as 0. */
  if (measures & ACTNET_MEASURE_HARMONIC)
    {
      BRIDGED (igraph_harmonic_centrality (g, &result, igraph_vss_all (), IGRAPH_ALL,
                                           &distances, TRUE),
               "computing harmonic centrality");
      if (!store_measure (g, "harmonic", &result, error))
        goto out;
    }

  if (measures & ACTNET_MEASURE_EIGENVECTOR)
    {
      if (m == 0)
        {
          /* igraph answers all ones for a graph without edges. */
          BRIDGED (igraph_vector_resize (&result, n), "allocating");
          igraph_vector_null (&result);
        }
      else
        {
          igraph_arpack_options_t options;
          igraph_real_t value;
          igraph_arpack_options_init (&options);
          /* igraph perturbs ARPACK's start vector with random numbers:
           * reseeding makes the result depend on the graph alone. */
          BRIDGED (igraph_rng_seed (igraph_rng_default (), 42), "seeding the RNG");
          BRIDGED (igraph_eigenvector_centrality (g, &result, &value, IGRAPH_UNDIRECTED, TRUE,
                                                  &weights, &options),
                   "computing eigenvector centrality");
          /* ARPACK goes through the system BLAS (reference BLAS or OpenBLAS,
           * whichever Debian's alternatives pick), which changes the last
           * digits. Ten significant digits are far beyond what the measure
           * means and make the output the same on either. */
          for (igraph_integer_t i = 0; i < n; i++)
            {
              char digits[G_ASCII_DTOSTR_BUF_SIZE];
              g_ascii_formatd (digits, sizeof digits, "%.10g", VECTOR (result)[i]);
              VECTOR (result)[i] = g_ascii_strtod (digits, NULL);
            }
        }
      if (!store_measure (g, "eigenvector", &result, error))
        goto out;
    }

  if (measures & ACTNET_MEASURE_PAGERANK)
    {
      igraph_real_t value;
      BRIDGED (igraph_pagerank (g, IGRAPH_PAGERANK_ALGO_PRPACK, &result, &value,
                                igraph_vss_all (), IGRAPH_UNDIRECTED, 0.85, &weights, NULL),
               "computing PageRank");
      if (!store_measure (g, "pagerank", &result, error))
        goto out;
    }

  /* k-core index: unweighted by definition (edge counts). */
  if (measures & ACTNET_MEASURE_CORENESS)
    {
      BRIDGED (igraph_coreness (g, &degrees, IGRAPH_ALL), "computing coreness");
      BRIDGED (igraph_vector_resize (&result, n), "allocating");
      for (igraph_integer_t v = 0; v < n; v++)
        VECTOR (result)[v] = (double) VECTOR (degrees)[v];
      if (!store_measure (g, "coreness", &result, error))
        goto out;
    }

  /* Communities with the default options, so that every graph (and every
   * GraphML) carries a "community" attribute unless left out. */
  if ((measures & ACTNET_MEASURE_COMMUNITY)
      && !actnet_graph_compute_communities (graph, NULL, NULL, NULL, error))
    goto out;

  ok = TRUE;
out:
  if (ready & 1)
    igraph_vector_destroy (&weights);
  if (ready & 2)
    igraph_vector_destroy (&distances);
  if (ready & 4)
    igraph_vector_destroy (&result);
  if (ready & 8)
    igraph_vector_int_destroy (&degrees);
  return ok;
}

/* ---- Writing ---------------------------------------------------------- */

gboolean
actnet_graph_write_graphml (const ActnetGraph *graph, const char *path,
                            GError **error)
{
  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ActnetAtomicFile *file = actnet_i_atomic_file_open (path, error);
  if (file == NULL)
    return FALSE;
  GError *local = NULL;
  if (!actnet_i_write_graphml (&graph->graph, file, &local))
    {
      /* A write error names the file already. */
      if (local->domain == ACTNET_ERROR)
        g_prefix_error (&local, "%s: ", strcmp (path, "-") == 0 ? "standard output" : path);
      g_propagate_error (error, local);
      return FALSE;
    }
  return actnet_i_atomic_file_commit (file, error);
}

/* ---- Getters ---------------------------------------------------------- */

guint
actnet_graph_get_n_nodes (const ActnetGraph *graph)
{
  g_return_val_if_fail (graph != NULL, 0);
  return (guint) igraph_vcount (&graph->graph);
}

guint
actnet_graph_get_n_edges (const ActnetGraph *graph)
{
  g_return_val_if_fail (graph != NULL, 0);
  return (guint) igraph_ecount (&graph->graph);
}

static const char *
node_string (const ActnetGraph *graph, guint node, const char *name)
{
  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (node < (guint) igraph_vcount (&graph->graph), NULL);
  /* Both constructors create the attribute; the check is a safety net. */
  if (!has_vertex_attr (&graph->graph, name, IGRAPH_ATTRIBUTE_STRING))
    return "";
  return igraph_cattribute_VAS (&graph->graph, name, node);
}

const char *
actnet_graph_get_node_id (const ActnetGraph *graph, guint node)
{
  return node_string (graph, node, "actor_id");
}

const char *
actnet_graph_get_node_label (const ActnetGraph *graph, guint node)
{
  return node_string (graph, node, "label");
}

const char *
actnet_graph_get_node_type (const ActnetGraph *graph, guint node)
{
  return node_string (graph, node, "type");
}

double
actnet_graph_get_node_value (const ActnetGraph *graph, guint node,
                             const char *attribute)
{
  g_return_val_if_fail (graph != NULL, 0);
  g_return_val_if_fail (attribute != NULL, 0);
  g_return_val_if_fail (node < (guint) igraph_vcount (&graph->graph), 0);

  const igraph_t *g = &graph->graph;
  double x = 0;
  if (has_vertex_attr (g, attribute, IGRAPH_ATTRIBUTE_NUMERIC))
    x = igraph_cattribute_VAN (g, attribute, node);
  else if (has_vertex_attr (g, attribute, IGRAPH_ATTRIBUTE_BOOLEAN))
    x = igraph_cattribute_VAB (g, attribute, node) ? 1 : 0;
  return isfinite (x) ? x : 0;
}

void
actnet_graph_get_edge (const ActnetGraph *graph, guint edge, guint *from, guint *to)
{
  g_return_if_fail (graph != NULL);
  g_return_if_fail (edge < (guint) igraph_ecount (&graph->graph));

  igraph_integer_t a = IGRAPH_FROM (&graph->graph, edge);
  igraph_integer_t b = IGRAPH_TO (&graph->graph, edge);
  if (from != NULL)
    *from = (guint) MIN (a, b);
  if (to != NULL)
    *to = (guint) MAX (a, b);
}

double
actnet_graph_get_edge_value (const ActnetGraph *graph, guint edge,
                             const char *attribute)
{
  g_return_val_if_fail (graph != NULL, 0);
  g_return_val_if_fail (attribute != NULL, 0);
  g_return_val_if_fail (edge < (guint) igraph_ecount (&graph->graph), 0);

  const igraph_t *g = &graph->graph;
  double x = 0;
  if (has_edge_attr (g, attribute, IGRAPH_ATTRIBUTE_NUMERIC))
    x = igraph_cattribute_EAN (g, attribute, edge);
  else if (has_edge_attr (g, attribute, IGRAPH_ATTRIBUTE_BOOLEAN))
    x = igraph_cattribute_EAB (g, attribute, edge) ? 1 : 0;
  return isfinite (x) ? x : 0;
}

/* ---- Ranking ---------------------------------------------------------- */

typedef struct {
  guint node;
  double value;
  const char *label;
  const char *id;
} RankEntry;

static int
compare_rank_entries (const void *pa, const void *pb)
{
  const RankEntry *a = pa, *b = pb;
  if (a->value != b->value)
    return a->value > b->value ? -1 : 1;
  int c = strcmp (a->label, b->label);
  if (c != 0)
    return c;
  c = strcmp (a->id, b->id);
  if (c != 0)
    return c;
  return a->node < b->node ? -1 : a->node > b->node;
}

GArray *
actnet_graph_rank (const ActnetGraph *graph, const char *measure,
                   const char *type, guint top, GError **error)
{
  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (measure != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!is_measure (measure))
    {
      char *valid = g_strjoinv (", ", (char **) measure_names);
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                   "unknown measure '%s' (valid: %s)", measure, valid);
      g_free (valid);
      return NULL;
    }

  guint n = actnet_graph_get_n_nodes (graph);
  GArray *entries = g_array_sized_new (FALSE, FALSE, sizeof (RankEntry), n);
  for (guint v = 0; v < n; v++)
    {
      RankEntry entry = {
        .node = v,
        .value = actnet_graph_get_node_value (graph, v, measure),
        .label = actnet_graph_get_node_label (graph, v),
        .id = actnet_graph_get_node_id (graph, v),
      };
      if (type != NULL && strcmp (type, actnet_graph_get_node_type (graph, v)) != 0)
        continue;
      g_array_append_val (entries, entry);
    }
  if (entries->len > 0)
    qsort (entries->data, entries->len, sizeof (RankEntry), compare_rank_entries);

  guint count = top == 0 ? entries->len : MIN (top, entries->len);
  GArray *ranked = g_array_sized_new (FALSE, FALSE, sizeof (guint), count);
  for (guint i = 0; i < count; i++)
    g_array_append_val (ranked, g_array_index (entries, RankEntry, i).node);
  g_array_unref (entries);
  return ranked;
}

igraph_t *
actnet_i_graph_get_igraph (ActnetGraph *graph)
{
  g_return_val_if_fail (graph != NULL, NULL);
  return &graph->graph;
}

const igraph_t *
actnet_i_graph_get_igraph_const (const ActnetGraph *graph)
{
  g_return_val_if_fail (graph != NULL, NULL);
  return &graph->graph;
}
