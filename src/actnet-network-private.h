/* The table constructor behind actnet_graph_new_from_scopes(): defined in
 * actnet-graph.c, which owns the graph's invariants (not public API).
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <actnet/actnet-graph.h>
#include <actnet/actnet-gazetteer.h>

/* A numeric attribute column: one value per node or per edge. */
typedef struct {
  const char *name;
  const double *values;
} ActnetIColumn;

/* Builds a graph whose node i is gazetteer actor @actors[i] (attributes
 * actor_id, label, type from @gazetteer, then @node_columns in order) and
 * whose edge e joins nodes @ends[2e] and @ends[2e+1] (attributes
 * @edge_columns in order, the first one named "weight"; values positive
 * and finite). The caller keeps the order deterministic. */
ActnetGraph *actnet_i_graph_new_from_tables (const ActnetGazetteer *gazetteer,
                                             const guint *actors, guint n_nodes,
                                             const guint *ends, guint n_edges,
                                             const ActnetIColumn *node_columns,
                                             guint n_node_columns,
                                             const ActnetIColumn *edge_columns,
                                             guint n_edge_columns, GError **error);

/* Adds (or replaces) a string attribute: one value per node (@nodes) or
 * per edge, in graph order; strings are cleaned as the constructor's are.
 * Used for the date attributes first_date / last_date. */
gboolean actnet_i_graph_set_string_column (ActnetGraph *graph, gboolean nodes, const char *name,
                                           char **values, GError **error);
