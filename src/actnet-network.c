/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet-network.h>
#include <actnet/actnet-error.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "actnet-network-private.h"

static const char *const weight_names[ACTNET_N_WEIGHTS] = {
  "count", "documents", "jaccard", "dice", "cosine", "pmi", "npmi", "association"
};

const char *
actnet_weight_name (ActnetWeight weight)
{
  g_return_val_if_fail (weight < ACTNET_N_WEIGHTS, "count");
  return weight_names[weight];
}

gboolean
actnet_weight_parse (const char *text, ActnetWeight *weight, GError **error)
{
  g_return_val_if_fail (text != NULL && weight != NULL, FALSE);
  for (guint i = 0; i < ACTNET_N_WEIGHTS; i++)
    if (strcmp (text, weight_names[i]) == 0)
      {
        *weight = (ActnetWeight) i;
        return TRUE;
      }
  g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
               "unknown weight '%s' (expected count, documents, jaccard, dice, cosine, "
               "pmi, npmi or association)", text);
  return FALSE;
}

gboolean
actnet_backbone_parse (const char *text, ActnetBackbone *backbone, GError **error)
{
  g_return_val_if_fail (text != NULL && backbone != NULL, FALSE);
  if (strcmp (text, "none") == 0)
    *backbone = ACTNET_BACKBONE_NONE;
  else if (strcmp (text, "disparity") == 0)
    *backbone = ACTNET_BACKBONE_DISPARITY;
  else
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                   "unknown backbone '%s' (expected disparity or none)", text);
      return FALSE;
    }
  return TRUE;
}

void
actnet_weights_compute (guint64 c_ab, guint64 documents, guint64 c_a, guint64 c_b,
                        guint64 n, double *values)
{
  /* Counts from one counter always satisfy 1 <= c_ab <= c_a, c_b <= N;
   * clamping keeps every value finite even for hand-made counts. */
  double ab = (double) MAX (c_ab, 1);
  double a = MAX ((double) c_a, ab), b = MAX ((double) c_b, ab);
  double total = MAX ((double) n, MAX (a, b));
  double association = ab * total / (a * b);
  double pmi = log (association);

  values[ACTNET_WEIGHT_COUNT] = (double) c_ab;
  values[ACTNET_WEIGHT_DOCUMENTS] = (double) documents;
  values[ACTNET_WEIGHT_JACCARD] = ab / (a + b - ab);
  values[ACTNET_WEIGHT_DICE] = 2 * ab / (a + b);
  values[ACTNET_WEIGHT_COSINE] = ab / sqrt (a * b);
  values[ACTNET_WEIGHT_PMI] = pmi;
  /* -ln (c_ab / N) is 0 only when the pair is in every unit: then both
   * actors are too, perfect association, NPMI's upper bound 1. */
  values[ACTNET_WEIGHT_NPMI] = ab >= total ? 1.0 : pmi / -log (ab / total);
  values[ACTNET_WEIGHT_ASSOCIATION] = association;
}

void
actnet_network_options_init (ActnetNetworkOptions *options)
{
  g_return_if_fail (options != NULL);
  *options = (ActnetNetworkOptions) {
    .weight = ACTNET_WEIGHT_COUNT,
    .min_weight = 0,
    .min_documents = 0,
    .top_edges_per_node = 0,
    .types = NULL,
    .backbone = ACTNET_BACKBONE_NONE,
    .alpha = 0.05,
    .keep_isolates = FALSE,
  };
}

typedef struct {
  guint a, b;                      /* actor indices, a < b */
  double values[ACTNET_N_WEIGHTS];
  double weight;
  gboolean alive;
} Edge;

/* Disparity filter (Serrano, Boguñá & Vespignani 2009, eq. 2 integrated):
 * under the null model the k weights of node i split its strength s_i
 * uniformly at random, and the probability that one share is at least
 * w_ij / s_i is (1 - w_ij / s_i)^(k - 1). A node of degree 1 gives no
 * evidence (its one edge carries all its strength by necessity): such an
 * edge survives only when significant for the other endpoint. */
static void
disparity_filter (Edge *edges, guint n_edges, guint n_actors, double alpha)
{
  g_autofree guint *degree = g_new0 (guint, n_actors);
  g_autofree double *strength = g_new0 (double, n_actors);
  for (guint e = 0; e < n_edges; e++)
    if (edges[e].alive)
      {
        degree[edges[e].a]++;
        degree[edges[e].b]++;
        strength[edges[e].a] += edges[e].weight;
        strength[edges[e].b] += edges[e].weight;
      }
  for (guint e = 0; e < n_edges; e++)
    {
      if (!edges[e].alive)
        continue;
      gboolean significant = FALSE;
      const guint ends[2] = { edges[e].a, edges[e].b };
      for (guint k = 0; k < 2 && !significant; k++)
        {
          guint i = ends[k];
          if (degree[i] > 1)
            significant = pow (1 - edges[e].weight / strength[i], (double) (degree[i] - 1)) < alpha;
        }
      edges[e].alive = significant;
    }
}

typedef struct {
  const Edge *edges;
  const ActnetGazetteer *gazetteer;
  guint node;                      /* the actor whose edges are sorted */
} TopContext;

static guint
other_end (const Edge *edge, guint actor)
{
  return edge->a == actor ? edge->b : edge->a;
}

/* Heaviest first; equal weights by the other endpoint's actor_id, so the
 * choice never depends on input order. */
static gint
compare_incident (gconstpointer x, gconstpointer y, gpointer data)
{
  const TopContext *context = data;
  const Edge *p = &context->edges[*(const guint *) x];
  const Edge *q = &context->edges[*(const guint *) y];
  if (p->weight != q->weight)
    return p->weight > q->weight ? -1 : 1;
  return strcmp (actnet_gazetteer_get_id (context->gazetteer, other_end (p, context->node)),
                 actnet_gazetteer_get_id (context->gazetteer, other_end (q, context->node)));
}

static void
top_edges_filter (Edge *edges, guint n_edges, guint n_actors, guint k,
                  const ActnetGazetteer *gazetteer)
{
  GArray **incident = g_new0 (GArray *, n_actors);
  for (guint e = 0; e < n_edges; e++)
    if (edges[e].alive)
      for (guint end = 0; end < 2; end++)
        {
          guint actor = end == 0 ? edges[e].a : edges[e].b;
          if (incident[actor] == NULL)
            incident[actor] = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (incident[actor], e);
        }
  g_autofree gboolean *chosen = g_new0 (gboolean, MAX (n_edges, 1));
  for (guint actor = 0; actor < n_actors; actor++)
    if (incident[actor] != NULL)
      {
        TopContext context = { edges, gazetteer, actor };
        g_array_sort_with_data (incident[actor], compare_incident, &context);
        for (guint i = 0; i < incident[actor]->len && i < k; i++)
          chosen[g_array_index (incident[actor], guint, i)] = TRUE;
        g_array_unref (incident[actor]);
      }
  g_free (incident);
  for (guint e = 0; e < n_edges; e++)
    edges[e].alive = edges[e].alive && chosen[e];
}

/* The node and edge attributes first_date / last_date: ISO dates of the
 * earliest and latest dated document in which the actor / pair occurs in
 * the primary scope, "" when only undated documents hold it. */
static gboolean
add_date_columns (ActnetGraph *graph, const ActnetCooccur *primary, const Edge *edges,
                  guint n_pairs, const GArray *actors, GError **error)
{
  guint n_nodes = actors->len, n_edges = actnet_graph_get_n_edges (graph);
  GPtrArray *first = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *last = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = FALSE;
  for (guint i = 0; i < n_nodes; i++)
    {
      ActnetDate from, to;
      actnet_cooccur_get_actor_dates (primary, g_array_index (actors, guint, i), &from, &to);
      g_ptr_array_add (first, actnet_date_to_iso (from));
      g_ptr_array_add (last, actnet_date_to_iso (to));
    }
  g_ptr_array_add (first, NULL);
  g_ptr_array_add (last, NULL);
  if (!actnet_i_graph_set_string_column (graph, TRUE, "first_date", (char **) first->pdata, error)
      || !actnet_i_graph_set_string_column (graph, TRUE, "last_date", (char **) last->pdata, error))
    goto out;
  g_ptr_array_set_size (first, 0);
  g_ptr_array_set_size (last, 0);
  /* Graph edges are the alive pairs, in pair order. */
  for (guint e = 0; e < n_pairs; e++)
    if (edges[e].alive)
      {
        ActnetDate from, to;
        actnet_cooccur_get_pair_dates (primary, edges[e].a, edges[e].b, &from, &to);
        g_ptr_array_add (first, actnet_date_to_iso (from));
        g_ptr_array_add (last, actnet_date_to_iso (to));
      }
  g_assert (first->len == n_edges);
  g_ptr_array_add (first, NULL);
  g_ptr_array_add (last, NULL);
  ok = actnet_i_graph_set_string_column (graph, FALSE, "first_date", (char **) first->pdata, error)
       && actnet_i_graph_set_string_column (graph, FALSE, "last_date", (char **) last->pdata, error);
out:
  g_ptr_array_unref (first);
  g_ptr_array_unref (last);
  return ok;
}

ActnetGraph *
actnet_graph_new_from_scopes (ActnetCooccur *const *scopes, guint n_scopes,
                              const ActnetGazetteer *gazetteer,
                              const ActnetNetworkOptions *options, GError **error)
{
  g_return_val_if_fail (scopes != NULL && n_scopes > 0, NULL);
  g_return_val_if_fail (gazetteer != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ActnetNetworkOptions defaults;
  if (options == NULL)
    {
      actnet_network_options_init (&defaults);
      options = &defaults;
    }
  guint n_actors = actnet_gazetteer_get_n_actors (gazetteer);
  for (guint s = 0; s < n_scopes; s++)
    if (actnet_cooccur_get_n_actors (scopes[s]) != n_actors)
      {
        g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                     "co-occurrence counts cover %u actors but the gazetteer has %u",
                     actnet_cooccur_get_n_actors (scopes[s]), n_actors);
        return NULL;
      }

  const ActnetCooccur *primary = scopes[0];
  g_autoptr (GArray) pairs = actnet_cooccur_get_pairs (primary);
  guint n_pairs = pairs->len;
  guint64 n_units = actnet_cooccur_get_n_units (primary);

  /* Weighting. */
  g_autofree Edge *edges = g_new0 (Edge, MAX (n_pairs, 1));
  g_autofree guint *degree0 = g_new0 (guint, MAX (n_actors, 1));
  for (guint e = 0; e < n_pairs; e++)
    {
      const ActnetPair *pair = &g_array_index (pairs, ActnetPair, e);
      if (pair->a >= n_actors || pair->b >= n_actors || pair->a >= pair->b)
        {
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_FAILED,
                       "inconsistent co-occurrence counts: pair (%u, %u)", pair->a, pair->b);
          return NULL;
        }
      edges[e].a = pair->a;
      edges[e].b = pair->b;
      actnet_weights_compute (pair->weight, pair->documents,
                              actnet_cooccur_get_actor_units (primary, pair->a),
                              actnet_cooccur_get_actor_units (primary, pair->b),
                              n_units, edges[e].values);
      edges[e].weight = edges[e].values[options->weight];
      /* (1) A PMI or NPMI <= 0 says "no more often than chance": not a
       * tie, and Gephi and igraph need positive weights. */
      edges[e].alive = edges[e].weight > 0;
      degree0[pair->a]++;
      degree0[pair->b]++;
    }

  /* (2) Node types. */
  g_autofree gboolean *type_ok = g_new0 (gboolean, MAX (n_actors, 1));
  g_auto (GStrv) types = NULL;
  if (options->types != NULL)
    {
      types = g_new0 (char *, g_strv_length ((char **) options->types) + 1);
      for (guint t = 0; options->types[t] != NULL; t++)
        types[t] = actnet_type_canonicalize (options->types[t]);
    }
  for (guint a = 0; a < n_actors; a++)
    {
      const char *type = actnet_gazetteer_get_type (gazetteer, a);
      type_ok[a] = types == NULL || (type != NULL && g_strv_contains ((const char *const *) types, type));
    }
  for (guint e = 0; e < n_pairs; e++)
    if (!type_ok[edges[e].a] || !type_ok[edges[e].b])
      edges[e].alive = FALSE;

  /* (3) Thresholds. */
  for (guint e = 0; e < n_pairs; e++)
    if (edges[e].values[ACTNET_WEIGHT_DOCUMENTS] < (double) options->min_documents
        || edges[e].weight < options->min_weight)
      edges[e].alive = FALSE;

  /* (4) Backbone, (5) top edges: on what the filters before left. */
  if (options->backbone == ACTNET_BACKBONE_DISPARITY)
    disparity_filter (edges, n_pairs, n_actors, options->alpha);
  if (options->top_edges_per_node > 0)
    top_edges_filter (edges, n_pairs, n_actors, options->top_edges_per_node, gazetteer);

  /* (6) Nodes: actors mentioned, of the types asked for, not left
   * isolated by the filters. */
  g_autofree guint *degree = g_new0 (guint, MAX (n_actors, 1));
  for (guint e = 0; e < n_pairs; e++)
    if (edges[e].alive)
      {
        degree[edges[e].a]++;
        degree[edges[e].b]++;
      }
  g_autofree guint *node_of = g_new (guint, MAX (n_actors, 1));
  g_autoptr (GArray) actors = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint a = 0; a < n_actors; a++)
    {
      node_of[a] = G_MAXUINT;
      if (actnet_cooccur_get_actor_mentions (primary, a) == 0 || !type_ok[a])
        continue;
      if (degree[a] == 0 && degree0[a] > 0 && !options->keep_isolates)
        continue;
      node_of[a] = actors->len;
      g_array_append_val (actors, a);
    }
  guint n_nodes = actors->len;

  /* Columns. Edges stay in (a, b) order: node indices grow with actor
   * indices, so that is (source, target) order too. */
  guint n_edges = 0;
  for (guint e = 0; e < n_pairs; e++)
    n_edges += edges[e].alive;
  g_autofree guint *ends = g_new (guint, 2 * MAX (n_edges, 1));
  guint n_edge_columns = 1 + ACTNET_N_WEIGHTS + n_scopes;
  double **edge_values = g_new0 (double *, n_edge_columns);
  for (guint c = 0; c < n_edge_columns; c++)
    edge_values[c] = g_new0 (double, MAX (n_edges, 1));
  guint k = 0;
  for (guint e = 0; e < n_pairs; e++)
    if (edges[e].alive)
      {
        ends[2 * k] = node_of[edges[e].a];
        ends[2 * k + 1] = node_of[edges[e].b];
        edge_values[0][k] = edges[e].weight;
        for (guint w = 0; w < ACTNET_N_WEIGHTS; w++)
          edge_values[1 + w][k] = edges[e].values[w];
        k++;
      }
  /* Each scope's count of the kept pairs: both lists are sorted by
   * (a, b), so one merge walk per scope finds them. */
  memcpy (edge_values[1 + ACTNET_N_WEIGHTS], edge_values[1 + ACTNET_WEIGHT_COUNT],
          sizeof (double) * n_edges);
  for (guint s = 1; s < n_scopes; s++)
    {
      g_autoptr (GArray) other = actnet_cooccur_get_pairs (scopes[s]);
      double *column = edge_values[1 + ACTNET_N_WEIGHTS + s];
      guint j = 0;
      k = 0;
      for (guint e = 0; e < n_pairs; e++)
        {
          if (!edges[e].alive)
            continue;
          while (j < other->len
                 && (g_array_index (other, ActnetPair, j).a < edges[e].a
                     || (g_array_index (other, ActnetPair, j).a == edges[e].a
                         && g_array_index (other, ActnetPair, j).b < edges[e].b)))
            j++;
          if (j < other->len && g_array_index (other, ActnetPair, j).a == edges[e].a
              && g_array_index (other, ActnetPair, j).b == edges[e].b)
            column[k] = (double) g_array_index (other, ActnetPair, j).weight;
          k++;
        }
    }

  /* GraphML key order: weight, documents, then the variants, then the
   * scopes. "documents" is both an existing attribute and a variant: once. */
  ActnetIColumn *edge_columns = g_new0 (ActnetIColumn, n_edge_columns);
  char **scope_names = g_new0 (char *, n_scopes + 1);
  guint n_columns = 0;
  edge_columns[n_columns++] = (ActnetIColumn) { "weight", edge_values[0] };
  edge_columns[n_columns++] = (ActnetIColumn) { "documents", edge_values[1 + ACTNET_WEIGHT_DOCUMENTS] };
  for (guint w = 0; w < ACTNET_N_WEIGHTS; w++)
    if (w != ACTNET_WEIGHT_DOCUMENTS)
      edge_columns[n_columns++] = (ActnetIColumn) { weight_names[w], edge_values[1 + w] };
  for (guint s = 0; s < n_scopes; s++)
    {
      scope_names[s] = actnet_window_attribute_name (actnet_cooccur_get_window (scopes[s]));
      edge_columns[n_columns++] = (ActnetIColumn) { scope_names[s], edge_values[1 + ACTNET_N_WEIGHTS + s] };
    }

  g_autofree double *mentions = g_new0 (double, MAX (n_nodes, 1));
  g_autofree double *documents = g_new0 (double, MAX (n_nodes, 1));
  g_autofree double *units = g_new0 (double, MAX (n_nodes, 1));
  for (guint i = 0; i < n_nodes; i++)
    {
      guint a = g_array_index (actors, guint, i);
      mentions[i] = (double) actnet_cooccur_get_actor_mentions (primary, a);
      documents[i] = (double) actnet_cooccur_get_actor_documents (primary, a);
      units[i] = (double) actnet_cooccur_get_actor_units (primary, a);
    }
  const ActnetIColumn node_columns[] = {
    { "mentions", mentions }, { "documents", documents }, { "units", units },
  };

  ActnetGraph *graph = actnet_i_graph_new_from_tables (gazetteer, (const guint *) (void *) actors->data,
                                                       n_nodes, ends, n_edges,
                                                       node_columns, G_N_ELEMENTS (node_columns),
                                                       edge_columns, n_columns, error);
  for (guint c = 0; c < n_edge_columns; c++)
    g_free (edge_values[c]);
  g_free (edge_values);
  g_free (edge_columns);
  g_strfreev (scope_names);
  /* Dates only for a dated corpus: an undated one keeps its exports as
   * they were, with no column of empty strings. */
  if (graph != NULL && actnet_cooccur_has_dates (primary)
      && !add_date_columns (graph, primary, edges, n_pairs, actors, error))
    g_clear_pointer (&graph, actnet_graph_free);
  return graph;
}
