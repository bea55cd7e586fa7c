/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet-analysis.h>

#include <math.h>
#include <string.h>

#include <actnet/actnet-error.h>
#include "igraph-bridge.h"
#include "actnet-graph-private.h"


/* Fixed, so that a partition depends on the graph alone. */
#define COMMUNITY_SEED 42
/* Leiden's randomness in the refinement step; 0.01 is the value of the
 * Leiden paper and of igraph's documentation. */
#define LEIDEN_BETA 0.01

void
actnet_community_options_init (ActnetCommunityOptions *options)
{
  g_return_if_fail (options != NULL);
  options->method = ACTNET_COMMUNITY_LEIDEN;
  options->resolution = 1.0;
}

gboolean
actnet_community_method_from_string (const char *name, ActnetCommunityMethod *method)
{
  g_return_val_if_fail (name != NULL, FALSE);
  ActnetCommunityMethod m;
  if (g_ascii_strcasecmp (name, "leiden") == 0)
    m = ACTNET_COMMUNITY_LEIDEN;
  else if (g_ascii_strcasecmp (name, "louvain") == 0
           || g_ascii_strcasecmp (name, "multilevel") == 0)
    m = ACTNET_COMMUNITY_LOUVAIN;
  else
    return FALSE;
  if (method != NULL)
    *method = m;
  return TRUE;
}

const char *
actnet_community_method_to_string (ActnetCommunityMethod method)
{
  return method == ACTNET_COMMUNITY_LOUVAIN ? "louvain" : "leiden";
}

static gboolean
has_numeric_attr (const igraph_t *graph, igraph_attribute_elemtype_t element,
                  const char *name)
{
  igraph_attribute_type_t type = IGRAPH_ATTRIBUTE_UNSPECIFIED;
  if (!igraph_cattribute_has_attr (graph, element, name))
    return FALSE;
  if (igraph_cattribute_table.gettype (graph, &type, element, name) != IGRAPH_SUCCESS)
    return FALSE;
  return type == IGRAPH_ATTRIBUTE_NUMERIC;
}

/* The edge weights (1 when the graph has none) into @weights, initialised
 * here; the graph's invariants keep them positive and finite. */
static gboolean
read_weights (const igraph_t *graph, igraph_vector_t *weights, GError **error)
{
  gboolean ok = FALSE, ready = FALSE;
  BRIDGED (igraph_vector_init (weights, igraph_ecount (graph)), "allocating");
  ready = TRUE;
  if (has_numeric_attr (graph, IGRAPH_ATTRIBUTE_EDGE, "weight"))
    BRIDGED (igraph_cattribute_EANV (graph, "weight", igraph_ess_all (IGRAPH_EDGEORDER_ID), weights),
             "reading edge weights");
  else
    igraph_vector_fill (weights, 1);
  ok = TRUE;
out:
  if (!ok && ready)
    igraph_vector_destroy (weights);
  return ok;
}

/* Renumbers @membership in place: communities by decreasing size, ties by
 * their smallest node index. Returns the number of communities. */
static guint
renumber_communities (igraph_vector_int_t *membership)
{
  igraph_integer_t n = igraph_vector_int_size (membership);
  /* Old ids are below n (igraph numbers from 0 without gaps, and there
   * are at most n communities). */
  igraph_integer_t *size = g_new0 (igraph_integer_t, n + 1);
  igraph_integer_t *first = g_new (igraph_integer_t, n + 1);
  igraph_integer_t *order = g_new (igraph_integer_t, n + 1);
  igraph_integer_t *new_id = g_new (igraph_integer_t, n + 1);
  guint k = 0;

  for (igraph_integer_t v = 0; v < n; v++)
    first[v] = -1;
  /* Communities in order of their smallest node: the tie order. */
  for (igraph_integer_t v = 0; v < n; v++)
    {
      igraph_integer_t c = VECTOR (*membership)[v];
      if (first[c] < 0)
        {
          first[c] = v;
          order[k++] = c;
        }
      size[c]++;
    }
  /* Stable insertion sort by decreasing size keeps the tie order; k is
   * small next to the igraph work before it. */
  for (guint i = 1; i < k; i++)
    {
      igraph_integer_t c = order[i];
      guint j = i;
      while (j > 0 && size[order[j - 1]] < size[c])
        {
          order[j] = order[j - 1];
          j--;
        }
      order[j] = c;
    }
  for (guint i = 0; i < k; i++)
    new_id[order[i]] = i;
  for (igraph_integer_t v = 0; v < n; v++)
    VECTOR (*membership)[v] = new_id[VECTOR (*membership)[v]];
  g_free (size);
  g_free (first);
  g_free (order);
  g_free (new_id);
  return k;
}

static gboolean
store_membership (igraph_t *graph, const igraph_vector_int_t *membership,
                  GError **error)
{
  igraph_integer_t n = igraph_vector_int_size (membership);
  igraph_vector_t values;
  gboolean ok = FALSE, ready = FALSE;

  BRIDGED (igraph_vector_init (&values, n), "allocating");
  ready = TRUE;
  for (igraph_integer_t v = 0; v < n; v++)
    VECTOR (values)[v] = (double) VECTOR (*membership)[v];
  if (igraph_cattribute_has_attr (graph, IGRAPH_ATTRIBUTE_VERTEX, "community")
      && !has_numeric_attr (graph, IGRAPH_ATTRIBUTE_VERTEX, "community"))
    igraph_cattribute_remove_v (graph, "community");
  BRIDGED (igraph_cattribute_VAN_setv (graph, "community", &values),
           "setting a node attribute");
  ok = TRUE;
out:
  if (ready)
    igraph_vector_destroy (&values);
  return ok;
}

static gboolean
check_resolution (double resolution, GError **error)
{
  if (isfinite (resolution) && resolution > 0)
    return TRUE;
  g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
               "resolution %g: must be positive and finite", resolution);
  return FALSE;
}

gboolean
actnet_graph_compute_communities (ActnetGraph *graph,
                                  const ActnetCommunityOptions *options,
                                  guint *n_communities, double *modularity,
                                  GError **error)
{
  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ActnetCommunityOptions defaults;
  actnet_community_options_init (&defaults);
  if (options == NULL)
    options = &defaults;
  if (!check_resolution (options->resolution, error))
    return FALSE;

  igraph_t *g = actnet_i_graph_get_igraph (graph);
  igraph_integer_t n = igraph_vcount (g), m = igraph_ecount (g);
  igraph_vector_t weights, strength;
  igraph_vector_int_t membership;
  int ready = 0;
  gboolean ok = FALSE;
  double q = NAN;

  if (!read_weights (g, &weights, error))
    return FALSE;
  ready |= 1;
  BRIDGED (igraph_vector_int_init (&membership, n), "allocating");
  ready |= 2;
  BRIDGED (igraph_vector_init (&strength, n), "allocating");
  ready |= 4;

  if (m == 0)
    {
      /* Modularity is undefined without edges (0/0) and both methods
       * would leave every node alone: say so directly. */
      for (igraph_integer_t v = 0; v < n; v++)
        VECTOR (membership)[v] = v;
    }
  else
    {
      BRIDGED (igraph_rng_seed (igraph_rng_default (), COMMUNITY_SEED), "seeding the RNG");
      if (options->method == ACTNET_COMMUNITY_LEIDEN)
        {
          /* Leiden's CPM quality with node weights k_i (strength) and
           * resolution gamma / 2W is modularity times 2W: the documented
           * way to make it optimise (weighted) modularity. */
          igraph_integer_t clusters = 0;
          igraph_real_t quality = 0;
          BRIDGED (igraph_strength (g, &strength, igraph_vss_all (), IGRAPH_ALL, IGRAPH_LOOPS,
                                    &weights),
                   "computing strength");
          double total = igraph_vector_sum (&weights);
          BRIDGED (igraph_community_leiden (g, &weights, &strength,
                                            options->resolution / (2 * total), LEIDEN_BETA,
                                            FALSE, -1, &membership, &clusters, &quality),
                   "finding communities (Leiden)");
        }
      else
        BRIDGED (igraph_community_multilevel (g, &weights, options->resolution, &membership,
                                              NULL, NULL),
                 "finding communities (Louvain)");
    }
  guint k = renumber_communities (&membership);
  if (m > 0)
    BRIDGED (igraph_modularity (g, &membership, &weights, options->resolution, FALSE, &q),
             "computing modularity");
  if (!store_membership (g, &membership, error))
    goto out;
  if (n_communities != NULL)
    *n_communities = k;
  if (modularity != NULL)
    *modularity = q;
  ok = TRUE;
out:
  if (ready & 1)
    igraph_vector_destroy (&weights);
  if (ready & 2)
    igraph_vector_int_destroy (&membership);
  if (ready & 4)
    igraph_vector_destroy (&strength);
  return ok;
}

gint
actnet_graph_get_node_community (const ActnetGraph *graph, guint node)
{
  g_return_val_if_fail (graph != NULL, -1);
  const igraph_t *g = actnet_i_graph_get_igraph_const (graph);
  g_return_val_if_fail (node < (guint) igraph_vcount (g), -1);
  if (!has_numeric_attr (g, IGRAPH_ATTRIBUTE_VERTEX, "community"))
    return -1;
  double x = igraph_cattribute_VAN (g, "community", node);
  if (!(isfinite (x) && x >= 0 && x <= G_MAXINT && x == floor (x)))
    return -1;
  return (gint) x;
}

gboolean
actnet_graph_get_modularity (const ActnetGraph *graph, double resolution,
                             double *modularity, guint *n_communities,
                             GError **error)
{
  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (!check_resolution (resolution, error))
    return FALSE;

  const igraph_t *g = actnet_i_graph_get_igraph_const (graph);
  igraph_integer_t n = igraph_vcount (g);
  if (!has_numeric_attr (g, IGRAPH_ATTRIBUTE_VERTEX, "community"))
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                   "the graph has no 'community' node attribute");
      return FALSE;
    }

  igraph_vector_t weights;
  igraph_vector_int_t membership;
  int ready = 0;
  gboolean ok = FALSE;
  double q = NAN;
  GHashTable *seen = g_hash_table_new (NULL, NULL);

  if (!read_weights (g, &weights, error))
    goto out;
  ready |= 1;
  BRIDGED (igraph_vector_int_init (&membership, n), "allocating");
  ready |= 2;
  for (igraph_integer_t v = 0; v < n; v++)
    {
      gint c = actnet_graph_get_node_community (graph, (guint) v);
      if (c < 0)
        {
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                       "node '%s': community %g is not a non-negative integer",
                       actnet_graph_get_node_id (graph, (guint) v),
                       igraph_cattribute_VAN (g, "community", v));
          goto out;
        }
      VECTOR (membership)[v] = c;
      g_hash_table_add (seen, GINT_TO_POINTER (c + 1));
    }
  /* igraph_modularity accepts ids with gaps (types up to the largest). */
  if (igraph_ecount (g) > 0)
    BRIDGED (igraph_modularity (g, &membership, &weights, resolution, FALSE, &q),
             "computing modularity");
  if (modularity != NULL)
    *modularity = q;
  if (n_communities != NULL)
    *n_communities = g_hash_table_size (seen);
  ok = TRUE;
out:
  if (ready & 1)
    igraph_vector_destroy (&weights);
  if (ready & 2)
    igraph_vector_int_destroy (&membership);
  g_hash_table_unref (seen);
  return ok;
}

GArray *
actnet_graph_rank_in_community (const ActnetGraph *graph, const char *measure,
                                const char *type, gint community, guint top,
                                GError **error)
{
  GArray *ranked = actnet_graph_rank (graph, measure, type, community < 0 ? top : 0, error);
  if (ranked == NULL || community < 0)
    return ranked;
  guint kept = 0;
  for (guint i = 0; i < ranked->len; i++)
    {
      guint node = g_array_index (ranked, guint, i);
      if (actnet_graph_get_node_community (graph, node) == community
          && (top == 0 || kept < top))
        g_array_index (ranked, guint, kept++) = node;
    }
  g_array_set_size (ranked, kept);
  return ranked;
}

gboolean
actnet_graph_compute_stats (ActnetGraph *graph, double resolution,
                            ActnetGraphStats *stats, GError **error)
{
  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (!check_resolution (resolution, error))
    return FALSE;

  igraph_t *g = actnet_i_graph_get_igraph (graph);
  if (!has_numeric_attr (g, IGRAPH_ATTRIBUTE_VERTEX, "community")
      && !actnet_graph_compute_communities (graph, NULL, NULL, NULL, error))
    return FALSE;

  igraph_integer_t n = igraph_vcount (g), m = igraph_ecount (g);
  igraph_vector_t weights;
  igraph_vector_int_t membership, csize, types;
  igraph_integer_t n_components = 0;
  int ready = 0;
  gboolean ok = FALSE;
  GHashTable *type_ids = g_hash_table_new (g_str_hash, g_str_equal);

  memset (stats, 0, sizeof *stats);
  stats->n_nodes = (guint) n;
  stats->n_edges = (guint) m;
  if (!read_weights (g, &weights, error))
    goto out;
  ready |= 1;
  BRIDGED (igraph_vector_int_init (&membership, 0), "allocating");
  ready |= 2;
  BRIDGED (igraph_vector_int_init (&csize, 0), "allocating");
  ready |= 4;
  BRIDGED (igraph_vector_int_init (&types, n), "allocating");
  ready |= 8;

  /* igraph answers NaN for n < 2; networkx and Gephi say 0. */
  stats->density = n < 2 ? 0 : 2.0 * (double) m / ((double) n * (double) (n - 1));
  if (n > 0)
    {
      stats->mean_degree = 2.0 * (double) m / (double) n;
      stats->mean_strength = 2.0 * igraph_vector_sum (&weights) / (double) n;
    }

  BRIDGED (igraph_connected_components (g, &membership, &csize, &n_components, IGRAPH_WEAK),
           "finding components");
  stats->n_components = (guint) n_components;
  if (n_components > 0)
    {
      stats->largest_component = (guint) igraph_vector_int_max (&csize);
      stats->largest_component_share = (double) stats->largest_component / (double) n;
    }

  /* ZERO: a node of degree < 2 has clustering 0 and a graph without
   * connected triples transitivity 0, as in networkx. */
  BRIDGED (igraph_transitivity_avglocal_undirected (g, &stats->average_clustering,
                                                    IGRAPH_TRANSITIVITY_ZERO),
           "computing the average clustering");
  BRIDGED (igraph_transitivity_undirected (g, &stats->transitivity, IGRAPH_TRANSITIVITY_ZERO),
           "computing transitivity");
  if (n == 0)
    stats->average_clustering = 0;

  /* Types numbered in order of first appearance. */
  for (igraph_integer_t v = 0; v < n; v++)
    {
      const char *type = actnet_graph_get_node_type (graph, (guint) v);
      gpointer id;
      if (!g_hash_table_lookup_extended (type_ids, type, NULL, &id))
        {
          id = GUINT_TO_POINTER (g_hash_table_size (type_ids));
          g_hash_table_insert (type_ids, (gpointer) type, id);
        }
      VECTOR (types)[v] = GPOINTER_TO_UINT (id);
    }
  stats->type_assortativity = NAN;
  if (m > 0)
    BRIDGED (igraph_assortativity_nominal (g, &types, &stats->type_assortativity, FALSE, TRUE),
             "computing assortativity");
  /* One type only gives 0/0; keep every undefined case as NaN. */
  if (!isfinite (stats->type_assortativity))
    stats->type_assortativity = NAN;

  if (!actnet_graph_get_modularity (graph, resolution, &stats->modularity,
                                    &stats->n_communities, error))
    goto out;
  ok = TRUE;
out:
  if (ready & 1)
    igraph_vector_destroy (&weights);
  if (ready & 2)
    igraph_vector_int_destroy (&membership);
  if (ready & 4)
    igraph_vector_int_destroy (&csize);
  if (ready & 8)
    igraph_vector_int_destroy (&types);
  g_hash_table_unref (type_ids);
  return ok;
}
