/* From co-occurrence counts to a network: association weights computed
 * from the marginals, several scopes side by side, filters and the
 * disparity backbone (README, "Co-occurrence").
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <actnet/actnet-cooccur.h>
#include <actnet/actnet-gazetteer.h>
#include <actnet/actnet-graph.h>

G_BEGIN_DECLS

/* Edge weights. With c_ab the units holding both actors, c_a and c_b the
 * units holding each and N all units of the primary scope:
 *   COUNT        c_ab
 *   DOCUMENTS    documents in which the pair co-occurs
 *   JACCARD      c_ab / (c_a + c_b - c_ab)
 *   DICE         2 c_ab / (c_a + c_b)
 *   COSINE       c_ab / sqrt (c_a c_b)           (Salton's cosine)
 *   PMI          ln (c_ab N / (c_a c_b))
 *   NPMI         PMI / -ln (c_ab / N), 1 when c_ab = N
 *   ASSOCIATION  c_ab N / (c_a c_b)  (van Eck & Waltman's association
 *                strength, = exp (PMI))
 * Every one is finite for a pair that co-occurs. */
typedef enum {
  ACTNET_WEIGHT_COUNT,
  ACTNET_WEIGHT_DOCUMENTS,
  ACTNET_WEIGHT_JACCARD,
  ACTNET_WEIGHT_DICE,
  ACTNET_WEIGHT_COSINE,
  ACTNET_WEIGHT_PMI,
  ACTNET_WEIGHT_NPMI,
  ACTNET_WEIGHT_ASSOCIATION,
  ACTNET_N_WEIGHTS
} ActnetWeight;

/* "count", "documents", "jaccard", ...: also the edge attribute names. */
const char *actnet_weight_name (ActnetWeight weight);
gboolean actnet_weight_parse (const char *text, ActnetWeight *weight, GError **error);

/* Computes every weight of a pair into @values[ACTNET_N_WEIGHTS] from its
 * counts (@c_ab >= 1, @c_a and @c_b >= c_ab, @n >= max (c_a, c_b)). */
void actnet_weights_compute (guint64 c_ab, guint64 documents, guint64 c_a, guint64 c_b,
                             guint64 n, double *values);

typedef enum {
  ACTNET_BACKBONE_NONE,
  ACTNET_BACKBONE_DISPARITY  /* Serrano, Boguñá & Vespignani 2009 */
} ActnetBackbone;

gboolean actnet_backbone_parse (const char *text, ActnetBackbone *backbone, GError **error);

/* How counts become a graph. Filters run in this order, each on what the
 * previous left: (1) edges whose weight is not positive are dropped (PMI
 * and NPMI of a pair seen less often than chance); (2) @types; (3)
 * @min_documents and @min_weight; (4) the backbone; (5) @top_edges_per_node;
 * (6) nodes left without an edge by (1)-(5) are dropped unless
 * @keep_isolates (actors that co-occur with nobody in the counts stay, as
 * without filters). Initialise with actnet_network_options_init(). */
typedef struct {
  ActnetWeight weight;        /* the edge attribute `weight` (default COUNT) */
  double min_weight;          /* keep edges with weight >= this (0: all) */
  guint64 min_documents;      /* keep edges seen in >= this many documents */
  guint top_edges_per_node;   /* 0: all; else keep an edge among the K heaviest
                               * of either endpoint (ties: other end's actor_id) */
  const char *const *types;   /* NULL: all; else only nodes of these types */
  ActnetBackbone backbone;
  double alpha;               /* disparity significance level (default 0.05) */
  gboolean keep_isolates;
} ActnetNetworkOptions;

void actnet_network_options_init (ActnetNetworkOptions *options);

/* Builds the graph of @scopes[0..n_scopes) (counted over the same corpus,
 * e.g. by actnet_pipeline_count_scopes()) under @options (NULL: the
 * defaults). The first scope is the primary: its pairs are the edges, its
 * counts and marginals give `weight` and the weight variants, its c_a the
 * node attribute `units`. Every scope's raw c_ab is an edge attribute
 * named by actnet_window_attribute_name() (0 for a pair that never
 * co-occurs in that scope). Node order is gazetteer order, edge order
 * (source, target), as in actnet_graph_new_from_cooccur(). Fails with
 * ACTNET_ERROR_INVALID_ARGUMENT when the scopes and @gazetteer disagree
 * on the number of actors. */
ActnetGraph *actnet_graph_new_from_scopes (ActnetCooccur *const *scopes, guint n_scopes,
                                           const ActnetGazetteer *gazetteer,
                                           const ActnetNetworkOptions *options,
                                           GError **error);

G_END_DECLS
