/* Network analysis of an actor graph: communities (Leiden, Louvain), the
 * modularity of a partition and whole-graph statistics.
 *
 * Communities are stored as the numeric node attribute "community"
 * (0, 1, ... numbered by decreasing size, ties by the smallest node index
 * in the community, so the numbering is stable). The modularity is a
 * graph-level value: GraphML graph attributes are dropped by Gephi, so it
 * is not stored in the file but recomputed from "community" when needed
 * (actnet_graph_get_modularity()).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <actnet/actnet-graph.h>

G_BEGIN_DECLS

typedef enum {
  ACTNET_COMMUNITY_LEIDEN,  /* igraph_community_leiden, modularity objective */
  ACTNET_COMMUNITY_LOUVAIN  /* igraph_community_multilevel */
} ActnetCommunityMethod;

typedef struct {
  ActnetCommunityMethod method;
  double resolution;        /* gamma of the modularity; > 0, default 1 */
} ActnetCommunityOptions;

/* Leiden, resolution 1. */
void actnet_community_options_init (ActnetCommunityOptions *options);
/* "leiden" or "louvain" (any case); FALSE for anything else. */
gboolean actnet_community_method_from_string (const char *name,
                                              ActnetCommunityMethod *method);
const char *actnet_community_method_to_string (ActnetCommunityMethod method);

/* Finds communities with @options (NULL: the defaults) on the weighted
 * graph and stores them as node attribute "community". Both methods start
 * from singletons; Leiden (beta 0.01) iterates until the partition is
 * stable; igraph's RNG is seeded first, so the result depends on the graph
 * alone. @n_communities and @modularity (weighted, at the same resolution;
 * NaN for a graph without edges) may be NULL. Fails with
 * ACTNET_ERROR_INVALID_ARGUMENT on a resolution that is not positive and
 * finite. */
gboolean actnet_graph_compute_communities (ActnetGraph *graph,
                                           const ActnetCommunityOptions *options,
                                           guint *n_communities, double *modularity,
                                           GError **error);

/* Modularity (weighted, resolution @resolution) of the partition held in
 * the "community" attribute, and its number of communities; NaN for a
 * graph without edges. Fails with ACTNET_ERROR_INVALID_ARGUMENT when the
 * graph has no "community" attribute or a value is not a non-negative
 * integer. Either output may be NULL. */
gboolean actnet_graph_get_modularity (const ActnetGraph *graph, double resolution,
                                      double *modularity, guint *n_communities,
                                      GError **error);

/* The community (the "community" attribute) of @node; -1 when absent. */
gint actnet_graph_get_node_community (const ActnetGraph *graph, guint node);

/* actnet_graph_rank() restricted to community @community (-1: all nodes);
 * @top applies after the restriction. */
GArray *actnet_graph_rank_in_community (const ActnetGraph *graph, const char *measure,
                                        const char *type, gint community, guint top,
                                        GError **error);

/* Whole-graph statistics (a value record, filled by
 * actnet_graph_compute_stats()). */
typedef struct {
  guint n_nodes;
  guint n_edges;
  double density;               /* 2m / (n (n - 1)); 0 when n < 2 */
  guint n_components;           /* connected components */
  guint largest_component;      /* nodes in the largest component */
  double largest_component_share; /* largest_component / n; 0 when n = 0 */
  double average_clustering;    /* mean local clustering, unweighted; nodes of
                                 * degree < 2 count as 0 */
  double transitivity;          /* global: 3 triangles / connected triples;
                                 * 0 without triples */
  double type_assortativity;    /* nominal assortativity of "type",
                                 * unweighted; NaN when undefined */
  double modularity;            /* of "community"; NaN without edges */
  guint n_communities;
  double mean_degree;           /* 2m / n; 0 when n = 0 */
  double mean_strength;         /* 2 * total weight / n; 0 when n = 0 */
} ActnetGraphStats;

/* Fills @stats. The modularity is that of the "community" attribute at
 * @resolution; when the graph has no such attribute, communities are
 * computed first with the default options (@graph is not const for that
 * reason). */
gboolean actnet_graph_compute_stats (ActnetGraph *graph, double resolution,
                                     ActnetGraphStats *stats, GError **error);

G_END_DECLS
