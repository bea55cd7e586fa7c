/* The igraph graph behind an ActnetGraph, for the analysis, export and
 * drawing modules of the library (not public API).
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <igraph.h>
#include <actnet/actnet-graph.h>

/* Borrowed; valid while @graph lives. Attributes use igraph's C attribute
 * table (actnet_i_igraph_init()). */
igraph_t *actnet_i_graph_get_igraph (ActnetGraph *graph);
const igraph_t *actnet_i_graph_get_igraph_const (const ActnetGraph *graph);
