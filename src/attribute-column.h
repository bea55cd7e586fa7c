/* One igraph attribute column copied out in a single call, for the writers
 * that go through every value of it (GraphML, GEXF, JSON, CSV...): igraph's
 * per-value getters look the attribute up by name on every call.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <igraph.h>

typedef struct {
  const char *name;                /* borrowed from the attribute list */
  igraph_attribute_type_t type;    /* NUMERIC, STRING or BOOLEAN */
  gboolean ready;                  /* the vector of @type is initialised */
  igraph_vector_t numbers;
  igraph_strvector_t strings;
  igraph_vector_bool_t booleans;
} ActnetIAttributeColumn;

/* The types a column holds: numeric, string and boolean (igraph's GraphML
 * writer also skips the others). */
gboolean actnet_i_attribute_column_supports (igraph_attribute_type_t type);

/* Reads the values of attribute @name of @type (numeric, string or
 * boolean) of the graph (one value), every node or every edge (edge id
 * order) of @graph into @column (zeroed by the caller; clear it with
 * actnet_i_attribute_column_clear() whatever the result). FALSE with
 * ACTNET_ERROR_IGRAPH when igraph fails. */
gboolean actnet_i_attribute_column_load (ActnetIAttributeColumn *column, const igraph_t *graph,
                                         igraph_attribute_elemtype_t element, const char *name,
                                         igraph_attribute_type_t type, GError **error);
void actnet_i_attribute_column_clear (ActnetIAttributeColumn *column);
