/* GraphML output, the bytes igraph's writer gives, written fast.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <igraph.h>

#include "atomic-file.h"

/* Writes @graph to @file exactly as igraph_write_graph_graphml (@graph,
 * stream, TRUE) does (key ids prefixed g_/v_/e_, numbers "%.15g", NaN
 * left out, infinities "Inf"/"-Inf", the five XML entities escaped), with
 * one difference: the node attributes "community" and "coreness" are
 * declared "int" when every value is a whole number, for Gephi and
 * graphology. igraph's writer looks each value up by attribute name and
 * prints it with fprintf in the C locale; this one reads whole columns
 * once and formats numbers without printf or the locale.
 *
 * A string holding a C0 control other than TAB, LF or CR (which XML 1.0
 * forbids) fails as igraph's writer does. On failure @file has been
 * aborted (its temporary file removed and freed). */
gboolean actnet_i_write_graphml (const igraph_t *graph, ActnetAtomicFile *file,
                                 GError **error);
