/* Fuzz target: the GraphML and GEXF writers (and the other exporters)
 * on graphs whose names come from the input. Two modes (first byte):
 *   even: the rest is a native TSV gazetteer up to the first NUL byte and
 *         a markdown text after it (the gazetteer itself when there is no
 *         NUL), counted like the pipeline does;
 *   odd:  the rest is lines "id<TAB>label<TAB>type" of raw bytes (invalid
 *         UTF-8 and control characters included) added by code, every
 *         consecutive pair linked.
 * Invariants: GraphML and GEXF parse as well-formed XML (GMarkup plus the
 * XML 1.0 character rules GMarkup does not check), JSON parses, and the
 * GraphML reads back into the same nodes, labels and edges.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "fuzz.h"

#include <string.h>
#include <json-glib/json-glib.h>

typedef struct {
  int depth;
  int roots;
  char *root;
} XmlState;

static void
xml_start (GMarkupParseContext *context, const char *element, const char **names,
           const char **values, gpointer user_data, GError **error)
{
  XmlState *state = user_data;
  if (state->depth++ == 0)
    {
      state->roots++;
      g_free (state->root);
      state->root = g_strdup (element);
    }
}

static void
xml_end (GMarkupParseContext *context, const char *element, gpointer user_data,
         GError **error)
{
  ((XmlState *) user_data)->depth--;
}

/* A character XML 1.0 allows (production Char). */
static gboolean
xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
         || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/* Checks @path is one well-formed XML document whose root is @root. */
static void
check_xml (const char *path, const char *root)
{
  g_autofree char *xml = NULL;
  gsize length = 0;
  FUZZ_CHECK (g_file_get_contents (path, &xml, &length, NULL));
  FUZZ_CHECK (g_utf8_validate (xml, length, NULL));
  for (const char *p = xml; p < xml + length; p = g_utf8_next_char (p))
    {
      FUZZ_CHECK (xml_char (g_utf8_get_char (p)));
      /* Character references must name allowed characters too. */
      if (p[0] == '&' && p[1] == '#')
        {
          const char *digits = p + 2;
          gboolean hex = *digits == 'x';
          guint64 value = g_ascii_strtoull (digits + hex, NULL, hex ? 16 : 10);
          FUZZ_CHECK (value <= 0x10FFFF && xml_char ((gunichar) value));
        }
    }

  static const GMarkupParser parser = { xml_start, xml_end, NULL, NULL, NULL };
  XmlState state = { 0 };
  g_autoptr (GError) error = NULL;
  GMarkupParseContext *context = g_markup_parse_context_new (&parser, 0, &state, NULL);
  gboolean ok = g_markup_parse_context_parse (context, xml, length, &error)
                && g_markup_parse_context_end_parse (context, &error);
  g_markup_parse_context_free (context);
  if (!ok)
    fuzz_fail (path, 0, error->message);
  FUZZ_CHECK (state.depth == 0 && state.roots == 1);
  FUZZ_CHECK (g_strcmp0 (state.root, root) == 0);
  g_free (state.root);
}

static void
check_json (const char *path)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  if (!json_parser_load_from_file (parser, path, &error))
    fuzz_fail (path, 0, error->message);
}

static void
export_and_check (ActnetGraph *graph, guint8 flags)
{
  g_autoptr (GError) error = NULL;
  FUZZ_CHECK (actnet_graph_compute_centralities (graph, &error));

  g_autofree char *graphml = fuzz_scratch_path ("g.graphml");
  FUZZ_CHECK (actnet_graph_write_graphml (graph, graphml, &error));
  check_xml (graphml, "graphml");

  g_autofree char *gexf = fuzz_scratch_path ("g.gexf");
  ActnetExportOptions options = { (flags & 2) ? "community" : "type",
                                  (flags & 4) ? "pagerank" : NULL };
  FUZZ_CHECK (actnet_graph_write (graph, gexf, ACTNET_EXPORT_GEXF, &options, &error));
  check_xml (gexf, "gexf");

  g_autofree char *json = fuzz_scratch_path ("g.json");
  FUZZ_CHECK (actnet_graph_write (graph, json, ACTNET_EXPORT_JSON, NULL, &error));
  check_json (json);

  /* The text formats only have to be written. */
  static const ActnetExportFormat others[] = {
    ACTNET_EXPORT_GML, ACTNET_EXPORT_PAJEK, ACTNET_EXPORT_DOT, ACTNET_EXPORT_CSV,
    ACTNET_EXPORT_MATRIX
  };
  ActnetExportFormat other = others[(flags >> 3) % G_N_ELEMENTS (others)];
  g_autofree char *path = fuzz_scratch_path ("g.out");
  if (!actnet_graph_write (graph, path, other, NULL, &error))
    fuzz_fail (actnet_export_format_to_string (other), 0, error->message);

  /* GraphML reads back into the same graph. */
  g_autoptr (ActnetGraph) back = actnet_graph_read_graphml (graphml, &error);
  if (back == NULL)
    fuzz_fail (graphml, 0, error->message);
  guint n = actnet_graph_get_n_nodes (graph);
  FUZZ_CHECK (actnet_graph_get_n_nodes (back) == n);
  FUZZ_CHECK (actnet_graph_get_n_edges (back) == actnet_graph_get_n_edges (graph));
  for (guint v = 0; v < n; v++)
    {
      FUZZ_CHECK (g_strcmp0 (actnet_graph_get_node_id (back, v),
                             actnet_graph_get_node_id (graph, v)) == 0);
      FUZZ_CHECK (g_strcmp0 (actnet_graph_get_node_label (back, v),
                             actnet_graph_get_node_label (graph, v)) == 0);
      FUZZ_CHECK (g_strcmp0 (actnet_graph_get_node_type (back, v),
                             actnet_graph_get_node_type (graph, v)) == 0);
    }
  for (guint e = 0; e < actnet_graph_get_n_edges (graph); e++)
    {
      guint a, b, c, d;
      actnet_graph_get_edge (graph, e, &a, &b);
      actnet_graph_get_edge (back, e, &c, &d);
      FUZZ_CHECK (a == c && b == d);
    }
}

/* Even mode: a gazetteer and a text, counted as the pipeline does. */
static ActnetGraph *
graph_from_text (const char *input, gsize size, guint8 flags,
                 ActnetGazetteer **gazetteer)
{
  const char *nul = memchr (input, '\0', size);
  gsize gaz_length = nul != NULL ? (gsize) (nul - input) : size;
  const char *text = nul != NULL ? nul + 1 : input;
  gsize text_length = nul != NULL ? size - gaz_length - 1 : size;
  if (!g_utf8_validate (text, text_length, NULL))
    return NULL;

  *gazetteer = actnet_gazetteer_new ();
  g_autoptr (GError) error = NULL;
  if (!actnet_gazetteer_load_data (*gazetteer, input, gaz_length, "fuzz.tsv", &error))
    return NULL;
  g_autoptr (ActnetMatcher) matcher = actnet_matcher_new (*gazetteer, &error);
  if (matcher == NULL)
    return NULL;
  g_autoptr (ActnetDocument) doc = actnet_document_new ("fuzz", text, text_length, TRUE);
  g_autoptr (GArray) mentions = actnet_document_find_mentions (matcher, doc);
  g_autoptr (ActnetSegmentation) seg = actnet_segment_document (doc, mentions);
  static const ActnetWindow windows[] = {
    { ACTNET_WINDOW_DOCUMENT, 0 }, { ACTNET_WINDOW_SENTENCE, 0 },
    { ACTNET_WINDOW_PARAGRAPH, 0 }, { ACTNET_WINDOW_WORDS, 5 }
  };
  g_autoptr (ActnetCooccur) cooccur =
    actnet_cooccur_new (actnet_gazetteer_get_n_actors (*gazetteer), windows[(flags >> 1) & 3]);
  actnet_cooccur_add_document (cooccur, mentions, seg);
  ActnetGraph *graph = actnet_graph_new_from_cooccur (cooccur, *gazetteer, &error);
  FUZZ_CHECK (graph != NULL);
  return graph;
}

/* Odd mode: raw names added by code, consecutive actors linked. */
static ActnetGraph *
graph_from_names (const char *input, gsize size, ActnetGazetteer **gazetteer)
{
  *gazetteer = actnet_gazetteer_new ();
  g_autofree char *copy = g_strndup (input, size);  /* stops at a NUL: fine */
  g_auto (GStrv) lines = g_strsplit (copy, "\n", 200);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", 3);
      if (fields[0] == NULL)
        continue;
      const char *id = fields[0];
      const char *label = fields[1] != NULL ? fields[1] : id;
      const char *type = fields[1] != NULL && fields[2] != NULL ? fields[2] : "person";
      if (actnet_gazetteer_add_actor (*gazetteer, id, type, label, NULL) == G_MAXUINT)
        continue;
    }
  guint n = actnet_gazetteer_get_n_actors (*gazetteer);
  ActnetWindow window = { ACTNET_WINDOW_DOCUMENT, 0 };
  g_autoptr (ActnetCooccur) cooccur = actnet_cooccur_new (n, window);
  actnet_cooccur_add_totals (cooccur, 1, n, 1, FALSE);
  for (guint i = 0; i < n; i++)
    actnet_cooccur_add_actor_counts (cooccur, i, 1 + i % 3, 1, 1, ACTNET_DATE_NONE,
                                     ACTNET_DATE_NONE);
  for (guint i = 0; i + 1 < n; i++)
    actnet_cooccur_add_pair_counts (cooccur, i, i + 1, 1, 1, ACTNET_DATE_NONE,
                                    ACTNET_DATE_NONE);
  g_autoptr (GError) error = NULL;
  ActnetGraph *graph = actnet_graph_new_from_cooccur (cooccur, *gazetteer, &error);
  if (graph == NULL)
    fuzz_fail (__FILE__, __LINE__, error->message);
  return graph;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  fuzz_init ();
  if (size < 1)
    return 0;
  guint8 flags = data[0];
  const char *input = (const char *) data + 1;
  ActnetGazetteer *gazetteer = NULL;
  ActnetGraph *graph = (flags & 1) ? graph_from_names (input, size - 1, &gazetteer)
                                   : graph_from_text (input, size - 1, flags, &gazetteer);
  if (graph != NULL)
    export_and_check (graph, flags);
  actnet_graph_free (graph);
  actnet_gazetteer_free (gazetteer);
  return 0;
}
