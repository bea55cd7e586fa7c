/* GraphML in igraph's layout, from whole attribute columns.
 *
 * The bytes are igraph 0.10's (tests/test-graph.c compares the two writers
 * on graphs with every kind of attribute); only the way there differs.
 * igraph's writer fetches each value through a name lookup, escapes it
 * into a fresh allocation and calls fprintf, which for a graph of 60,000
 * edges and a dozen attributes is most of a second. Here each column is
 * copied out once, the text is assembled in a buffer and handed to the
 * atomic file a megabyte at a time.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "graphml-writer.h"

#include <math.h>
#include <string.h>

#include <actnet/actnet-error.h>
#include "attribute-column.h"
#include "format-real.h"
#include "igraph-bridge.h"

typedef struct {
  ActnetIAttributeColumn values;
  char *key;                   /* the escaped id, "v_name" */
  char *open;                  /* the indented <data key="..."> */
  gsize open_length;
  const char *declared;        /* attr.type */
} Column;

typedef struct {
  GString *text;
  ActnetAtomicFile *file;      /* NULL once a failed write has freed it */
  GError **error;
} Sink;

/* g_string_append_len() inlined: a third of the writer's time went to
 * the call for pieces of a few bytes. */
static inline void
put (GString *out, const char *text, gsize length)
{
  if (out->len + length < out->allocated_len)
    {
      memcpy (out->str + out->len, text, length);
      out->len += length;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, text, (gssize) length);
}

#define PUT_LITERAL(out, literal) put ((out), (literal), sizeof (literal) - 1)

/* Appends @text with igraph's escaping: the five XML entities, and TAB,
 * LF and CR as they are. Returns the first other C0 control byte, which
 * XML cannot carry, or 0. */
static guchar
append_escaped (GString *out, const char *text)
{
  const guchar *p = (const guchar *) text;
  for (;;)
    {
      const guchar *start = p;
      while (*p >= 0x20 && *p != '&' && *p != '<' && *p != '>' && *p != '"' && *p != '\'')
        p++;
      put (out, (const char *) start, (gsize) (p - start));
      switch (*p)
        {
        case '\0':
          return 0;
        case '&':
          PUT_LITERAL (out, "&amp;");
          break;
        case '<':
          PUT_LITERAL (out, "&lt;");
          break;
        case '>':
          PUT_LITERAL (out, "&gt;");
          break;
        case '"':
          PUT_LITERAL (out, "&quot;");
          break;
        case '\'':
          PUT_LITERAL (out, "&apos;");
          break;
        case '\t':
        case '\n':
        case '\r':
          put (out, (const char *) p, 1);
          break;
        default:
          return *p;
        }
      p++;
    }
}

static gboolean
forbidden_control (guchar byte, const char *name, GError **error)
{
  g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
               "attribute '%s' holds the control character 0x%02X, which XML forbids",
               name, byte);
  return FALSE;
}

static void
column_clear (Column *column)
{
  g_free (column->key);
  g_free (column->open);
  actnet_i_attribute_column_clear (&column->values);
}

static gboolean
all_whole (const igraph_vector_t *values)
{
  for (igraph_integer_t i = 0; i < igraph_vector_size (values); i++)
    {
      double x = VECTOR (*values)[i];
      if (!isnan (x) && !(isfinite (x) && x == floor (x)))
        return FALSE;
    }
  return TRUE;
}

/* Copies out the columns of one element kind (graph, node or edge) in the
 * attribute table's order; types other than number, string and boolean
 * are skipped, as igraph does. */
static GArray *
load_columns (const igraph_t *graph, igraph_attribute_elemtype_t element,
              const igraph_strvector_t *names, const igraph_vector_int_t *types,
              GError **error)
{
  static const char *const whole_node_columns[] = { "community", "coreness", NULL };
  const char *prefix = element == IGRAPH_ATTRIBUTE_GRAPH ? "g_"
                       : element == IGRAPH_ATTRIBUTE_VERTEX ? "v_" : "e_";
  GArray *columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (columns, (GDestroyNotify) column_clear);

  for (igraph_integer_t k = 0; k < igraph_strvector_size (names); k++)
    {
      igraph_attribute_type_t type = (igraph_attribute_type_t) VECTOR (*types)[k];
      if (!actnet_i_attribute_column_supports (type))
        continue;
      g_array_set_size (columns, columns->len + 1);
      Column *column = &g_array_index (columns, Column, columns->len - 1);
      const char *name = igraph_strvector_get (names, k);

      GString *key = g_string_new (prefix);
      guchar bad = append_escaped (key, name);
      column->key = g_string_free (key, FALSE);
      column->open = g_strconcat (element == IGRAPH_ATTRIBUTE_GRAPH ? "    " : "      ",
                                  "<data key=\"", column->key, "\">", NULL);
      column->open_length = strlen (column->open);
      if (bad != 0)
        {
          forbidden_control (bad, name, error);
          goto out;
        }
      if (!actnet_i_attribute_column_load (&column->values, graph, element, name, type, error))
        goto out;
      if (type == IGRAPH_ATTRIBUTE_STRING)
        column->declared = "string";
      else if (type == IGRAPH_ATTRIBUTE_BOOLEAN)
        column->declared = "boolean";
      else if (element == IGRAPH_ATTRIBUTE_VERTEX && g_strv_contains (whole_node_columns, name)
               && all_whole (&column->values.numbers))
        column->declared = "int";
      else
        column->declared = "double";
    }
  return columns;
out:
  g_array_unref (columns);
  return NULL;
}

static void
append_keys (GString *out, GArray *columns, const char *domain)
{
  for (guint k = 0; k < columns->len; k++)
    {
      const Column *column = &g_array_index (columns, Column, k);
      /* The key id is the prefixed escaped name; attr.name is the rest. */
      g_string_append_printf (out,
                              "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                              column->key, domain, column->key + 2, column->declared);
    }
}

/* Appends the <data> elements of item @i (a node, an edge or the graph). */
static gboolean
append_data (GString *out, GArray *columns, igraph_integer_t i, GError **error)
{
  char number[ACTNET_I_REAL_BUF_SIZE];
  for (guint k = 0; k < columns->len; k++)
    {
      const Column *column = &g_array_index (columns, Column, k);
      const char *value;
      gsize length;
      if (column->values.type == IGRAPH_ATTRIBUTE_NUMERIC)
        {
          double x = VECTOR (column->values.numbers)[i];
          if (isnan (x))
            continue;
          if (isinf (x))
            {
              value = x < 0 ? "-Inf" : "Inf";
              length = strlen (value);
            }
          else
            {
              length = actnet_i_format_real (x, number);
              value = number;
            }
        }
      else if (column->values.type == IGRAPH_ATTRIBUTE_BOOLEAN)
        {
          value = VECTOR (column->values.booleans)[i] ? "true" : "false";
          length = strlen (value);
        }
      else
        value = NULL, length = 0;

      put (out, column->open, column->open_length);
      if (value != NULL)
        put (out, value, length);
      else
        {
          guchar bad = append_escaped (out, igraph_strvector_get (&column->values.strings, i));
          if (bad != 0)
            return forbidden_control (bad, column->values.name, error);
        }
      PUT_LITERAL (out, "</data>\n");
    }
  return TRUE;
}

/* Hands the buffer to the file once it holds a megabyte (or at the end,
 * with @force). */
static gboolean
sink_flush (Sink *sink, gboolean force)
{
  if (actnet_i_atomic_file_drain (sink->file, sink->text, force ? 0 : ACTNET_I_DRAIN_SIZE,
                                  sink->error))
    return TRUE;
  sink->file = NULL;
  return FALSE;
}

static void
append_node_ref (GString *out, const char *before, igraph_integer_t node)
{
  char number[ACTNET_I_REAL_BUF_SIZE];
  put (out, before, strlen (before));
  PUT_LITERAL (out, "n");
  put (out, number, actnet_i_format_real ((double) node, number));
  PUT_LITERAL (out, "\"");
}

gboolean
actnet_i_write_graphml (const igraph_t *graph, ActnetAtomicFile *file, GError **error)
{
  g_return_val_if_fail (graph != NULL && file != NULL, FALSE);

  igraph_strvector_t names[3];
  igraph_vector_int_t types[3];
  GArray *columns[3] = { NULL, NULL, NULL };
  static const igraph_attribute_elemtype_t elements[3] = {
    IGRAPH_ATTRIBUTE_GRAPH, IGRAPH_ATTRIBUTE_VERTEX, IGRAPH_ATTRIBUTE_EDGE
  };
  static const char *const domains[3] = { "graph", "node", "edge" };
  int ready = 0;
  gboolean ok = FALSE;
  Sink sink = { g_string_sized_new (ACTNET_I_DRAIN_SIZE + 4096), file, error };

  for (int k = 0; k < 3; k++, ready++)
    {
      BRIDGED (igraph_strvector_init (&names[k], 0), "allocating");
      if (igraph_vector_int_init (&types[k], 0) != IGRAPH_SUCCESS)
        {
          igraph_strvector_destroy (&names[k]);
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_IGRAPH, "allocating: out of memory");
          goto out;
        }
    }
  BRIDGED (igraph_cattribute_list (graph, &names[0], &types[0], &names[1], &types[1],
                                   &names[2], &types[2]),
           "listing attributes");
  for (int k = 0; k < 3; k++)
    if ((columns[k] = load_columns (graph, elements[k], &names[k], &types[k], error)) == NULL)
      goto out;

  GString *out = sink.text;
  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                   "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                   "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns\n"
                   "         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
                   "<!-- Created by igraph -->\n");
  for (int k = 0; k < 3; k++)
    append_keys (out, columns[k], domains[k]);
  g_string_append_printf (out, "  <graph id=\"G\" edgedefault=\"%s\">\n",
                          igraph_is_directed (graph) ? "directed" : "undirected");
  if (!append_data (out, columns[0], 0, error))
    goto out;

  igraph_integer_t n_nodes = igraph_vcount (graph);
  for (igraph_integer_t v = 0; v < n_nodes; v++)
    {
      append_node_ref (out, "    <node id=\"", v);
      PUT_LITERAL (out, ">\n");
      if (!append_data (out, columns[1], v, error))
        goto out;
      PUT_LITERAL (out, "    </node>\n");
      if (!sink_flush (&sink, FALSE))
        goto out;
    }

  igraph_integer_t n_edges = igraph_ecount (graph);
  for (igraph_integer_t e = 0; e < n_edges; e++)
    {
      igraph_integer_t from, to;
      /* igraph_edge(), not IGRAPH_FROM/TO: the writer's end order. */
      BRIDGED (igraph_edge (graph, e, &from, &to), "reading an edge");
      append_node_ref (out, "    <edge source=\"", from);
      append_node_ref (out, " target=\"", to);
      PUT_LITERAL (out, ">\n");
      if (!append_data (out, columns[2], e, error))
        goto out;
      PUT_LITERAL (out, "    </edge>\n");
      if (!sink_flush (&sink, FALSE))
        goto out;
    }
  g_string_append (out, "  </graph>\n</graphml>\n");
  ok = sink_flush (&sink, TRUE);

out:
  if (!ok && sink.file != NULL)
    actnet_i_atomic_file_abort (sink.file);
  for (int k = 0; k < 3; k++)
    if (columns[k] != NULL)
      g_array_unref (columns[k]);
  for (int k = 0; k < ready; k++)
    {
      igraph_strvector_destroy (&names[k]);
      igraph_vector_int_destroy (&types[k]);
    }
  g_string_free (sink.text, TRUE);
  return ok;
}
