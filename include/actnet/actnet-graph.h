/* The actor graph: igraph underneath, GraphML out and in, centralities.
 *
 * Nodes are the actors with at least one mention, in gazetteer order; node
 * attributes actor_id, label, type (strings) and mentions, documents plus
 * the centralities (numbers). Edges are undirected, one per actor pair, no
 * self-loops, sorted by (source, target); attributes weight, documents.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <actnet/actnet-cooccur.h>
#include <actnet/actnet-gazetteer.h>

G_BEGIN_DECLS

typedef struct _ActnetGraph ActnetGraph;

/* Measures known to rank/compute, in the order they are printed:
 * "degree", "strength", "betweenness", "closeness", "harmonic",
 * "eigenvector", "pagerank", "coreness", then the counts "mentions",
 * "documents". NULL-terminated, static. */
const char *const *actnet_measure_names (void);

/* Builds the graph of @cooccur with names from @gazetteer (both borrowed). */
ActnetGraph *actnet_graph_new_from_cooccur (const ActnetCooccur *cooccur,
                                            const ActnetGazetteer *gazetteer,
                                            GError **error);
/* Reads a GraphML file written by actnet (or any undirected GraphML with a
 * label attribute; missing numeric attributes read as 0). */
ActnetGraph *actnet_graph_read_graphml (const char *path, GError **error);
void actnet_graph_free (ActnetGraph *graph);

/* Computes degree, strength (weighted degree), betweenness, closeness and
 * harmonic centrality (weighted, distance = 1/weight; harmonic is the mean
 * inverse distance to the n - 1 other nodes), eigenvector and PageRank
 * (weighted), coreness (k-core index, unweighted) and stores each as a
 * node attribute; then communities with the default options
 * (actnet_graph_compute_communities(), attribute "community"). Every value
 * is finite (an isolated node's closeness and harmonic are 0). */
gboolean actnet_graph_compute_centralities (ActnetGraph *graph, GError **error);

/* Which measures actnet_graph_compute_measures() computes. Betweenness,
 * closeness and harmonic need all shortest paths (time ~ nodes x edges):
 * hours on a graph of 100k actors, where the others take seconds. */
typedef enum {
  ACTNET_MEASURE_DEGREE = 1 << 0,
  ACTNET_MEASURE_STRENGTH = 1 << 1,
  ACTNET_MEASURE_BETWEENNESS = 1 << 2,
  ACTNET_MEASURE_CLOSENESS = 1 << 3,
  ACTNET_MEASURE_HARMONIC = 1 << 4,
  ACTNET_MEASURE_EIGENVECTOR = 1 << 5,
  ACTNET_MEASURE_PAGERANK = 1 << 6,
  ACTNET_MEASURE_CORENESS = 1 << 7,
  ACTNET_MEASURE_COMMUNITY = 1 << 8,
} ActnetMeasures;
#define ACTNET_MEASURES_PATHS (ACTNET_MEASURE_BETWEENNESS | ACTNET_MEASURE_CLOSENESS \
                               | ACTNET_MEASURE_HARMONIC)
#define ACTNET_MEASURES_ALL ((ActnetMeasures) 0x1ff)
/* Everything but the all-pairs shortest-path measures. */
#define ACTNET_MEASURES_FAST ((ActnetMeasures) (ACTNET_MEASURES_ALL & ~ACTNET_MEASURES_PATHS))

/* "all", "fast" (all but betweenness, closeness, harmonic) or a list of
 * measure names (degree,pagerank,...; "community" for the partition). */
gboolean actnet_measures_parse (const char *text, ActnetMeasures *measures, GError **error);
/* The flag of measure @name (an actnet_measure_names() entry or
 * "community"), or 0 for one always present (mentions, documents) or
 * unknown. */
ActnetMeasures actnet_measure_flag (const char *name);

/* actnet_graph_compute_centralities() limited to @measures: the others are
 * not stored (absent from the outputs, not zero). */
gboolean actnet_graph_compute_measures (ActnetGraph *graph, ActnetMeasures measures,
                                        GError **error);

/* Writes GraphML for Gephi, atomically (temporary file renamed into place;
 * on failure the destination is untouched). "-" writes to stdout. */
gboolean actnet_graph_write_graphml (const ActnetGraph *graph, const char *path,
                                     GError **error);

guint actnet_graph_get_n_nodes (const ActnetGraph *graph);
guint actnet_graph_get_n_edges (const ActnetGraph *graph);
const char *actnet_graph_get_node_id (const ActnetGraph *graph, guint node);
const char *actnet_graph_get_node_label (const ActnetGraph *graph, guint node);
const char *actnet_graph_get_node_type (const ActnetGraph *graph, guint node);
/* A numeric node attribute (a measure name or "mentions"/"documents");
 * 0 when absent. */
double actnet_graph_get_node_value (const ActnetGraph *graph, guint node,
                                    const char *attribute);
/* Edge endpoints and numeric attribute ("weight", "documents"). */
void actnet_graph_get_edge (const ActnetGraph *graph, guint edge, guint *from, guint *to);
double actnet_graph_get_edge_value (const ActnetGraph *graph, guint edge,
                                    const char *attribute);

/* Node indices ranked by @measure, highest first, ties broken by label then
 * id (deterministic). @type (NULL = all) keeps one actor type; @top 0 = all.
 * Fails with ACTNET_ERROR_INVALID_ARGUMENT for an unknown measure. */
GArray *actnet_graph_rank (const ActnetGraph *graph, const char *measure,
                           const char *type, guint top, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActnetGraph, actnet_graph_free)

G_END_DECLS
