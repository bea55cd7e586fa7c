/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "attribute-column.h"

#include "igraph-bridge.h"

gboolean
actnet_i_attribute_column_supports (igraph_attribute_type_t type)
{
  return type == IGRAPH_ATTRIBUTE_NUMERIC || type == IGRAPH_ATTRIBUTE_STRING
         || type == IGRAPH_ATTRIBUTE_BOOLEAN;
}

gboolean
actnet_i_attribute_column_load (ActnetIAttributeColumn *column, const igraph_t *graph,
                                igraph_attribute_elemtype_t element, const char *name,
                                igraph_attribute_type_t type, GError **error)
{
  g_return_val_if_fail (actnet_i_attribute_column_supports (type), FALSE);
  column->name = name;
  column->type = type;
  igraph_vs_t nodes = igraph_vss_all ();
  igraph_es_t edges = igraph_ess_all (IGRAPH_EDGEORDER_ID);
  if (type == IGRAPH_ATTRIBUTE_NUMERIC)
    {
      BRIDGED (igraph_vector_init (&column->numbers, 0), "allocating");
      column->ready = TRUE;
      if (element == IGRAPH_ATTRIBUTE_GRAPH)
        BRIDGED (igraph_vector_push_back (&column->numbers, igraph_cattribute_GAN (graph, name)),
                 "allocating");
      else if (element == IGRAPH_ATTRIBUTE_VERTEX)
        BRIDGED (igraph_cattribute_VANV (graph, name, nodes, &column->numbers),
                 "reading a node attribute");
      else
        BRIDGED (igraph_cattribute_EANV (graph, name, edges, &column->numbers),
                 "reading an edge attribute");
    }
  else if (type == IGRAPH_ATTRIBUTE_STRING)
    {
      BRIDGED (igraph_strvector_init (&column->strings, 0), "allocating");
      column->ready = TRUE;
      if (element == IGRAPH_ATTRIBUTE_GRAPH)
        BRIDGED (igraph_strvector_push_back (&column->strings, igraph_cattribute_GAS (graph, name)),
                 "allocating");
      else if (element == IGRAPH_ATTRIBUTE_VERTEX)
        BRIDGED (igraph_cattribute_VASV (graph, name, nodes, &column->strings),
                 "reading a node attribute");
      else
        BRIDGED (igraph_cattribute_EASV (graph, name, edges, &column->strings),
                 "reading an edge attribute");
    }
  else
    {
      BRIDGED (igraph_vector_bool_init (&column->booleans, 0), "allocating");
      column->ready = TRUE;
      if (element == IGRAPH_ATTRIBUTE_GRAPH)
        BRIDGED (igraph_vector_bool_push_back (&column->booleans,
                                               igraph_cattribute_GAB (graph, name)),
                 "allocating");
      else if (element == IGRAPH_ATTRIBUTE_VERTEX)
        BRIDGED (igraph_cattribute_VABV (graph, name, nodes, &column->booleans),
                 "reading a node attribute");
      else
        BRIDGED (igraph_cattribute_EABV (graph, name, edges, &column->booleans),
                 "reading an edge attribute");
    }
  return TRUE;
out:
  return FALSE;
}

void
actnet_i_attribute_column_clear (ActnetIAttributeColumn *column)
{
  if (!column->ready)
    return;
  if (column->type == IGRAPH_ATTRIBUTE_NUMERIC)
    igraph_vector_destroy (&column->numbers);
  else if (column->type == IGRAPH_ATTRIBUTE_STRING)
    igraph_strvector_destroy (&column->strings);
  else
    igraph_vector_bool_destroy (&column->booleans);
  column->ready = FALSE;
}
