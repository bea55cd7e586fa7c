/* Exports: golden bytes for a 3-node graph in every format (escaping of
 * <&"' and non-ASCII labels included), GEXF against the official 1.3
 * RELAX NG schema, option and I/O errors.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <actnet/actnet.h>

/* The tiny graph: three actors, one with every XML-special character in its
 * id and label, one with a non-ASCII label; a community attribute (integer
 * in GEXF) and a fractional weight. */

static const char tiny_graphml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
  "<key id=\"v_actor_id\" for=\"node\" attr.name=\"actor_id\" attr.type=\"string\"/>\n"
  "<key id=\"v_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
  "<key id=\"v_type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
  "<key id=\"v_mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"double\"/>\n"
  "<key id=\"v_pagerank\" for=\"node\" attr.name=\"pagerank\" attr.type=\"double\"/>\n"
  "<key id=\"v_community\" for=\"node\" attr.name=\"community\" attr.type=\"double\"/>\n"
  "<key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
  "<key id=\"e_documents\" for=\"edge\" attr.name=\"documents\" attr.type=\"double\"/>\n"
  "<graph id=\"G\" edgedefault=\"undirected\">\n"
  "<node id=\"n0\"><data key=\"v_actor_id\">haftar</data><data key=\"v_label\">Khalifa Haftar</data>"
  "<data key=\"v_type\">person</data><data key=\"v_mentions\">3</data><data key=\"v_pagerank\">0.5</data><data key=\"v_community\">0</data></node>\n"
  "<node id=\"n1\"><data key=\"v_actor_id\">at&amp;t</data><data key=\"v_label\">&lt;AT&amp;T&gt; \"Co\", 'Ltd'</data>"
  "<data key=\"v_type\">organization</data><data key=\"v_mentions\">1</data><data key=\"v_pagerank\">0.25</data><data key=\"v_community\">1</data></node>\n"
  "<node id=\"n2\"><data key=\"v_actor_id\">misrata</data><data key=\"v_label\">Miṣrātah</data>"
  "<data key=\"v_type\">place</data><data key=\"v_mentions\">2</data><data key=\"v_pagerank\">0.25</data><data key=\"v_community\">0</data></node>\n"
  "<edge source=\"n0\" target=\"n1\"><data key=\"e_weight\">2</data><data key=\"e_documents\">1</data></edge>\n"
  "<edge source=\"n0\" target=\"n2\"><data key=\"e_weight\">1.5</data><data key=\"e_documents\">2</data></edge>\n"
  "</graph>\n</graphml>\n";

static const char golden_gml[] =
  "Creator \"actnet\"\n"
  "Version 1\n"
  "graph\n"
  "[\n"
  "  directed 0\n"
  "  node\n"
  "  [\n"
  "    id 0\n"
  "    type \"person\"\n"
  "    mentions 3\n"
  "    pagerank 0.5\n"
  "    community 0\n"
  "    label \"Khalifa Haftar\"\n"
  "    actorid \"haftar\"\n"
  "  ]\n"
  "  node\n"
  "  [\n"
  "    id 1\n"
  "    type \"organization\"\n"
  "    mentions 1\n"
  "    pagerank 0.25\n"
  "    community 1\n"
  "    label \"<AT&amp;T> &quot;Co&quot;, 'Ltd'\"\n"
  "    actorid \"at&amp;t\"\n"
  "  ]\n"
  "  node\n"
  "  [\n"
  "    id 2\n"
  "    type \"place\"\n"
  "    mentions 2\n"
  "    pagerank 0.25\n"
  "    community 0\n"
  "    label \"Mi&#7779;r&#257;tah\"\n"
  "    actorid \"misrata\"\n"
  "  ]\n"
  "  edge\n"
  "  [\n"
  "    source 1\n"
  "    target 0\n"
  "    weight 2\n"
  "    documents 1\n"
  "  ]\n"
  "  edge\n"
  "  [\n"
  "    source 2\n"
  "    target 0\n"
  "    weight 1.5\n"
  "    documents 2\n"
  "  ]\n"
  "]\n";

static const char golden_pajek[] =
  "*Vertices 3\n"
  "1 \"Khalifa Haftar\"\n"
  "2 \"<AT&T> 'Co', 'Ltd'\"\n"
  "3 \"Miṣrātah\"\n"
  "*Edges\n"
  "1 2 2\n"
  "1 3 1.5\n";

static const char golden_dot[] =
  "/* Created by igraph 0.10.2 */\n"
  "graph {\n"
  "  0 [\n"
  "    type=person\n"
  "    mentions=3\n"
  "    pagerank=0.5\n"
  "    community=0\n"
  "    label=\"Khalifa Haftar\"\n"
  "    actor_id=haftar\n"
  "  ];\n"
  "  1 [\n"
  "    type=organization\n"
  "    mentions=1\n"
  "    pagerank=0.25\n"
  "    community=1\n"
  "    label=\"<AT&T> \\\"Co\\\", 'Ltd'\"\n"
  "    actor_id=\"at&t\"\n"
  "  ];\n"
  "  2 [\n"
  "    type=place\n"
  "    mentions=2\n"
  "    pagerank=0.25\n"
  "    community=0\n"
  "    label=\"Miṣrātah\"\n"
  "    actor_id=misrata\n"
  "  ];\n"
  "\n"
  "  1 -- 0 [\n"
  "    weight=2\n"
  "    documents=1\n"
  "  ];\n"
  "  2 -- 0 [\n"
  "    weight=1.5\n"
  "    documents=2\n"
  "  ];\n"
  "}\n";

static const char golden_json[] =
  "{\"directed\": false, \"multigraph\": false, \"graph\": {},\n"
  " \"nodes\": [\n"
  "  {\"id\": \"haftar\", \"label\": \"Khalifa Haftar\", \"type\": \"person\", \"mentions\": 3, \"pagerank\": 0.5, \"community\": 0},\n"
  "  {\"id\": \"at&t\", \"label\": \"<AT&T> \\\"Co\\\", 'Ltd'\", \"type\": \"organization\", \"mentions\": 1, \"pagerank\": 0.25, \"community\": 1},\n"
  "  {\"id\": \"misrata\", \"label\": \"Miṣrātah\", \"type\": \"place\", \"mentions\": 2, \"pagerank\": 0.25, \"community\": 0}\n"
  " ],\n"
  " \"links\": [\n"
  "  {\"source\": \"haftar\", \"target\": \"at&t\", \"weight\": 2, \"documents\": 1},\n"
  "  {\"source\": \"haftar\", \"target\": \"misrata\", \"weight\": 1.5, \"documents\": 2}\n"
  " ]\n"
  "}\n";

static const char golden_matrix[] =
  ",haftar,at&t,misrata\n"
  "haftar,0,2,1.5\n"
  "at&t,2,0,0\n"
  "misrata,1.5,0,0\n";

static const char golden_nodes_csv[] =
  "Id,Label,type,mentions,pagerank,community\n"
  "haftar,Khalifa Haftar,person,3,0.5,0\n"
  "at&t,\"<AT&T> \"\"Co\"\", 'Ltd'\",organization,1,0.25,1\n"
  "misrata,Miṣrātah,place,2,0.25,0\n";

static const char golden_edges_csv[] =
  "Source,Target,Type,Weight,documents\n"
  "haftar,at&t,Undirected,2,1\n"
  "haftar,misrata,Undirected,1.5,2\n";

static const char golden_gexf[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n"
  "  <meta>\n"
  "    <creator>actnet</creator>\n"
  "  </meta>\n"
  "  <graph mode=\"static\" defaultedgetype=\"undirected\">\n"
  "    <attributes class=\"node\">\n"
  "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
  "      <attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>\n"
  "      <attribute id=\"pagerank\" title=\"pagerank\" type=\"double\"/>\n"
  "      <attribute id=\"community\" title=\"community\" type=\"integer\"/>\n"
  "    </attributes>\n"
  "    <attributes class=\"edge\">\n"
  "      <attribute id=\"documents\" title=\"documents\" type=\"integer\"/>\n"
  "    </attributes>\n"
  "    <nodes count=\"3\">\n"
  "      <node id=\"haftar\" label=\"Khalifa Haftar\">\n"
  "        <attvalues>\n"
  "          <attvalue for=\"type\" value=\"person\"/>\n"
  "          <attvalue for=\"mentions\" value=\"3\"/>\n"
  "          <attvalue for=\"pagerank\" value=\"0.5\"/>\n"
  "          <attvalue for=\"community\" value=\"0\"/>\n"
  "        </attvalues>\n"
  "        <viz:size value=\"50\"/>\n"
  "        <viz:color r=\"31\" g=\"119\" b=\"180\"/>\n"
  "      </node>\n"
  "      <node id=\"at&amp;t\" label=\"&lt;AT&amp;T&gt; &quot;Co&quot;, &apos;Ltd&apos;\">\n"
  "        <attvalues>\n"
  "          <attvalue for=\"type\" value=\"organization\"/>\n"
  "          <attvalue for=\"mentions\" value=\"1\"/>\n"
  "          <attvalue for=\"pagerank\" value=\"0.25\"/>\n"
  "          <attvalue for=\"community\" value=\"1\"/>\n"
  "        </attvalues>\n"
  "        <viz:size value=\"5\"/>\n"
  "        <viz:color r=\"255\" g=\"127\" b=\"14\"/>\n"
  "      </node>\n"
  "      <node id=\"misrata\" label=\"Miṣrātah\">\n"
  "        <attvalues>\n"
  "          <attvalue for=\"type\" value=\"place\"/>\n"
  "          <attvalue for=\"mentions\" value=\"2\"/>\n"
  "          <attvalue for=\"pagerank\" value=\"0.25\"/>\n"
  "          <attvalue for=\"community\" value=\"0\"/>\n"
  "        </attvalues>\n"
  "        <viz:size value=\"5\"/>\n"
  "        <viz:color r=\"44\" g=\"160\" b=\"44\"/>\n"
  "      </node>\n"
  "    </nodes>\n"
  "    <edges count=\"2\">\n"
  "      <edge id=\"0\" source=\"haftar\" target=\"at&amp;t\" weight=\"2\">\n"
  "        <attvalues>\n"
  "          <attvalue for=\"documents\" value=\"1\"/>\n"
  "        </attvalues>\n"
  "      </edge>\n"
  "      <edge id=\"1\" source=\"haftar\" target=\"misrata\" weight=\"1.5\">\n"
  "        <attvalues>\n"
  "          <attvalue for=\"documents\" value=\"2\"/>\n"
  "        </attvalues>\n"
  "      </edge>\n"
  "    </edges>\n"
  "  </graph>\n"
  "</gexf>\n";


typedef struct {
  char *dir;
  ActnetGraph *graph;
} Fixture;

static int
setup (void **state)
{
  Fixture *fixture = g_new0 (Fixture, 1);
  fixture->dir = actnet_test_mkdtemp ();
  char *path = actnet_test_write_file (fixture->dir, "tiny.graphml", tiny_graphml, -1);
  GError *error = NULL;
  fixture->graph = actnet_graph_read_graphml (path, &error);
  g_assert_no_error (error);
  g_remove (path);
  g_free (path);
  *state = fixture;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *fixture = *state;
  actnet_graph_free (fixture->graph);
  actnet_test_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture);
  return 0;
}

static char *
read_all (const char *path)
{
  char *text = NULL;
  GError *error = NULL;
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Names in @dir, sorted and joined with spaces: shows leftover temporary
 * files. New string. */
static char *
list_dir (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (d);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  char *joined = g_strjoinv (" ", (char **) names->pdata);
  g_ptr_array_unref (names);
  return joined;
}

/* Writes the fixture in @format to DIR/@name and returns the bytes. */
static char *
export (Fixture *fixture, const char *name, ActnetExportFormat format,
        const ActnetExportOptions *options)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  GError *error = NULL;
  gboolean ok = actnet_graph_write (fixture->graph, path, format, options, &error);
  g_assert_no_error (error);
  assert_true (ok);
  char *text = read_all (path);
  g_free (path);
  return text;
}

static void
test_format_names (void **state)
{
  assert_int_equal (actnet_export_format_from_path ("a/net.GEXF"), ACTNET_EXPORT_GEXF);
  assert_int_equal (actnet_export_format_from_path ("net.graphml"), ACTNET_EXPORT_GRAPHML);
  assert_int_equal (actnet_export_format_from_path ("net.gml"), ACTNET_EXPORT_GML);
  assert_int_equal (actnet_export_format_from_path ("net.net"), ACTNET_EXPORT_PAJEK);
  assert_int_equal (actnet_export_format_from_path ("net.pajek"), ACTNET_EXPORT_PAJEK);
  assert_int_equal (actnet_export_format_from_path ("net.dot"), ACTNET_EXPORT_DOT);
  assert_int_equal (actnet_export_format_from_path ("net.gv"), ACTNET_EXPORT_DOT);
  assert_int_equal (actnet_export_format_from_path ("net.csv"), ACTNET_EXPORT_CSV);
  assert_int_equal (actnet_export_format_from_path ("net.json"), ACTNET_EXPORT_JSON);
  assert_int_equal (actnet_export_format_from_path ("net.matrix.csv"), ACTNET_EXPORT_MATRIX);
  assert_int_equal (actnet_export_format_from_path ("net.txt"), ACTNET_EXPORT_UNKNOWN);
  assert_int_equal (actnet_export_format_from_path ("net"), ACTNET_EXPORT_UNKNOWN);
  assert_int_equal (actnet_export_format_from_path ("dir.gexf/net"), ACTNET_EXPORT_UNKNOWN);
  assert_int_equal (actnet_export_format_from_string ("Matrix"), ACTNET_EXPORT_MATRIX);
  assert_int_equal (actnet_export_format_from_string ("xml"), ACTNET_EXPORT_UNKNOWN);
  assert_string_equal (actnet_export_format_to_string (ACTNET_EXPORT_PAJEK), "pajek");

  const char *inputs[] = { "out/net.csv", "out/net.nodes.csv", "out/net.edges.csv", "out/net" };
  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      char *nodes = NULL, *edges = NULL;
      actnet_export_csv_paths (inputs[i], &nodes, &edges);
      assert_string_equal (nodes, "out/net.nodes.csv");
      assert_string_equal (edges, "out/net.edges.csv");
      g_free (nodes);
      g_free (edges);
    }
}

static void
test_gexf_golden (void **state)
{
  const ActnetExportOptions options = { "type", "pagerank" };
  char *text = export (*state, "net.gexf", ACTNET_EXPORT_UNKNOWN, &options);
  assert_string_equal (text, golden_gexf);
  g_free (text);
}

static void
test_gexf_options (void **state)
{
  /* Without options: no viz: element at all. */
  char *text = export (*state, "plain.gexf", ACTNET_EXPORT_GEXF, NULL);
  assert_null (strstr (text, "<viz:"));
  assert_non_null (strstr (text, "<attribute id=\"community\" title=\"community\" type=\"integer\"/>"));
  g_free (text);
  /* Community 0, 1, 0: palette entries 0 and 1; mentions 3, 1, 2 span
   * the whole 5–50 range. */
  const ActnetExportOptions options = { "community", "mentions" };
  text = export (*state, "community.gexf", ACTNET_EXPORT_GEXF, &options);
  const char *haftar = strstr (text, "<node id=\"haftar\"");
  const char *att = strstr (text, "<node id=\"at&amp;t\"");
  const char *misrata = strstr (text, "<node id=\"misrata\"");
  assert_non_null (haftar);
  assert_non_null (att);
  assert_non_null (misrata);
  assert_non_null (strstr (haftar, "<viz:size value=\"50\"/>\n        <viz:color r=\"31\" g=\"119\" b=\"180\"/>"));
  assert_non_null (strstr (att, "<viz:size value=\"5\"/>\n        <viz:color r=\"255\" g=\"127\" b=\"14\"/>"));
  assert_non_null (strstr (misrata, "<viz:size value=\"27.5\"/>\n        <viz:color r=\"31\" g=\"119\" b=\"180\"/>"));
  g_free (text);
}

static void
test_gexf_validates (void **state)
{
  Fixture *fixture = *state;
  char *xmllint = g_find_program_in_path ("xmllint");
  if (xmllint == NULL)
    skip ();
  const ActnetExportOptions options = { "type", "betweenness" };
  /* betweenness is absent from the tiny graph: an error, nothing written. */
  char *path = g_build_filename (fixture->dir, "v.gexf", NULL);
  GError *error = NULL;
  assert_false (actnet_graph_write (fixture->graph, path, ACTNET_EXPORT_GEXF, &options, &error));
  g_assert_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  const ActnetExportOptions good = { "type", "pagerank" };
  assert_true (actnet_graph_write (fixture->graph, path, ACTNET_EXPORT_GEXF, &good, &error));
  g_assert_no_error (error);
  char *schema = actnet_test_source_path ("tests/schemas/gexf-1.3/gexf.rng");
  const char *argv[] = { xmllint, "--noout", "--relaxng", schema, path, NULL };
  int status = -1;
  char *err = NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    fail_msg ("xmllint rejects the GEXF: %s", err);
  g_free (err);
  g_free (schema);
  g_free (path);
  g_free (xmllint);
}

static void
test_gml_golden (void **state)
{
  char *text = export (*state, "net.gml", ACTNET_EXPORT_UNKNOWN, NULL);
  assert_string_equal (text, golden_gml);
  g_free (text);
}

static void
test_pajek_golden (void **state)
{
  char *text = export (*state, "net.net", ACTNET_EXPORT_UNKNOWN, NULL);
  assert_string_equal (text, golden_pajek);
  g_free (text);
}

static void
test_dot_golden (void **state)
{
  char *text = export (*state, "net.gv", ACTNET_EXPORT_UNKNOWN, NULL);
  /* igraph's first line names its version; the graph follows. */
  const char *graph = strstr (text, "graph {");
  assert_non_null (graph);
  assert_string_equal (graph, strstr (golden_dot, "graph {"));
  g_free (text);
}

static void
test_json_golden (void **state)
{
  char *text = export (*state, "net.json", ACTNET_EXPORT_UNKNOWN, NULL);
  assert_string_equal (text, golden_json);
  g_free (text);
}

static void
test_matrix_golden (void **state)
{
  char *text = export (*state, "net.matrix.csv", ACTNET_EXPORT_UNKNOWN, NULL);
  assert_string_equal (text, golden_matrix);
  g_free (text);
}

static void
test_csv_golden (void **state)
{
  Fixture *fixture = *state;
  char *text = export (fixture, "net.nodes.csv", ACTNET_EXPORT_CSV, NULL);
  assert_string_equal (text, golden_nodes_csv);
  g_free (text);
  char *path = g_build_filename (fixture->dir, "net.edges.csv", NULL);
  text = read_all (path);
  assert_string_equal (text, golden_edges_csv);
  g_free (text);
  g_free (path);
  char *names = list_dir (fixture->dir);
  assert_string_equal (names, "net.edges.csv net.nodes.csv");
  g_free (names);
}

static void
test_graphml (void **state)
{
  char *text = export (*state, "net.graphml", ACTNET_EXPORT_UNKNOWN, NULL);
  assert_non_null (strstr (text, "edgedefault=\"undirected\""));
  assert_non_null (strstr (text, "Miṣrātah"));
  g_free (text);
}

static void
test_deterministic (void **state)
{
  const ActnetExportOptions options = { "community", "pagerank" };
  for (ActnetExportFormat f = ACTNET_EXPORT_GEXF; f <= ACTNET_EXPORT_MATRIX; f++)
    {
      if (f == ACTNET_EXPORT_CSV)
        continue;
      char *a = export (*state, "a.out", f, &options);
      char *b = export (*state, "b.out", f, &options);
      assert_string_equal (a, b);
      assert_true (g_utf8_validate (a, -1, NULL));
      g_free (a);
      g_free (b);
    }
}

static void
test_errors (void **state)
{
  Fixture *fixture = *state;
  GError *error = NULL;
  char *missing = g_build_filename (fixture->dir, "no-such-dir", "net.gexf", NULL);
  for (ActnetExportFormat f = ACTNET_EXPORT_GRAPHML; f <= ACTNET_EXPORT_MATRIX; f++)
    {
      assert_false (actnet_graph_write (fixture->graph, missing, f, NULL, &error));
      assert_true (error != NULL && error->domain == G_FILE_ERROR);
      assert_non_null (strstr (error->message, "no-such-dir"));
      g_clear_error (&error);
    }
  g_free (missing);

  char *path = g_build_filename (fixture->dir, "net.txt", NULL);
  assert_false (actnet_graph_write (fixture->graph, path, ACTNET_EXPORT_UNKNOWN, NULL, &error));
  g_assert_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_free (path);

  path = g_build_filename (fixture->dir, "net.gexf", NULL);
  const ActnetExportOptions bad_color = { "rainbow", NULL };
  assert_false (actnet_graph_write (fixture->graph, path, ACTNET_EXPORT_GEXF, &bad_color, &error));
  g_assert_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT);
  assert_non_null (strstr (error->message, "rainbow"));
  g_clear_error (&error);
  const ActnetExportOptions string_size = { NULL, "type" };
  assert_false (actnet_graph_write (fixture->graph, path, ACTNET_EXPORT_GEXF, &string_size, &error));
  g_assert_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_free (path);

  /* The CSV pair: the edges table cannot be renamed into place (a
   * directory holds its name), so the previous nodes table survives and
   * no temporary file is left. */
  char *nodes = actnet_test_write_file (fixture->dir, "pair.nodes.csv", "previous\n", -1);
  char *edges = g_build_filename (fixture->dir, "pair.edges.csv", NULL);
  assert_int_equal (g_mkdir (edges, 0700), 0);
  path = g_build_filename (fixture->dir, "pair.csv", NULL);
  assert_false (actnet_graph_write (fixture->graph, path, ACTNET_EXPORT_CSV, NULL, &error));
  assert_non_null (error);
  g_clear_error (&error);
  char *text = read_all (nodes);
  assert_string_equal (text, "previous\n");
  g_free (text);
  char *names = list_dir (fixture->dir);
  assert_string_equal (names, "pair.edges.csv pair.nodes.csv");
  g_free (names);
  g_rmdir (edges);
  g_free (path);
  g_free (nodes);
  g_free (edges);

  /* Colouring by community needs the attribute. */
  char *plain = actnet_test_write_file (fixture->dir, "plain.graphml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "<key id=\"v_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "<graph id=\"G\" edgedefault=\"undirected\"><node id=\"n0\"><data key=\"v_label\">A</data></node></graph>\n"
    "</graphml>\n", -1);
  ActnetGraph *graph = actnet_graph_read_graphml (plain, &error);
  g_assert_no_error (error);
  const ActnetExportOptions community = { "community", NULL };
  path = g_build_filename (fixture->dir, "c.gexf", NULL);
  assert_false (actnet_graph_write (graph, path, ACTNET_EXPORT_GEXF, &community, &error));
  g_assert_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* A graph without actor_id: ids fall back to node numbers. */
  path = (g_free (path), g_build_filename (fixture->dir, "c.json", NULL));
  assert_true (actnet_graph_write (graph, path, ACTNET_EXPORT_JSON, NULL, &error));
  g_assert_no_error (error);
  text = read_all (path);
  assert_string_equal (text, "{\"directed\": false, \"multigraph\": false, \"graph\": {},\n"
                             " \"nodes\": [\n  {\"id\": \"n0\", \"label\": \"A\", \"type\": \"\"}\n ],\n"
                             " \"links\": []\n}\n");
  g_free (text);
  g_free (path);
  g_free (plain);
  actnet_graph_free (graph);
}

/* A write that fails after the first megabytes have gone out (the file
 * size limit standing in for a full disk): every streamed writer reports
 * it, and neither the destination nor a temporary file is left. */
static void
test_fails_midstream (void **state)
{
  Fixture *fixture = *state;
  /* 1000 actors with long ids and 30,000 edges: every format (the matrix
   * and each CSV table too) is over 1.5 MB, so the limit falls after at
   * least one megabyte has been handed over. */
  GString *xml = actnet_test_graphml_begin (FALSE);
  for (guint v = 0; v < 1000; v++)
    g_string_append_printf (xml, "<node id=\"n%u\"><data key=\"v_actor_id\">an_actor_with_a_rather_long_id_%04u"
                            "</data><data key=\"v_label\">Actor %u</data></node>\n", v, v, v);
  for (guint k = 0; k < 30000; k++)
    g_string_append_printf (xml, "<edge source=\"n%u\" target=\"n%u\"><data key=\"e_weight\">%u.5</data></edge>\n",
                            k % 1000, (k % 1000 + 1 + k / 1000) % 1000, k % 7 + 1);
  g_string_append (xml, "</graph>\n</graphml>\n");
  char *input = actnet_test_write_file (fixture->dir, "big.graphml", xml->str, (gssize) xml->len);
  g_string_free (xml, TRUE);
  GError *error = NULL;
  ActnetGraph *graph = actnet_graph_read_graphml (input, &error);
  g_assert_no_error (error);
  assert_int_equal (actnet_graph_get_n_edges (graph), 30000);
  g_autofree char *out = g_build_filename (fixture->dir, "out", NULL);
  assert_int_equal (g_mkdir (out, 0700), 0);

  static const char *const names[] = { "big.graphml", "big.gexf", "big.json", "big.csv", "big.matrix.csv" };
  struct rlimit saved, limit;
  assert_int_equal (getrlimit (RLIMIT_FSIZE, &saved), 0);
  void (*saved_handler) (int) = signal (SIGXFSZ, SIG_IGN);
  limit = saved;
  limit.rlim_cur = 1536 * 1024;
  assert_int_equal (setrlimit (RLIMIT_FSIZE, &limit), 0);
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (out, names[i], NULL);
      gboolean written = actnet_graph_write (graph, path, ACTNET_EXPORT_UNKNOWN, NULL, &error);
      if (written || error == NULL || strstr (error->message, "write error") == NULL)
        fail_msg ("%s: written %d, error %s", names[i], written, error != NULL ? error->message : "none");
      g_clear_error (&error);
      char *left = list_dir (out);
      assert_string_equal (left, "");
      g_free (left);
    }
  assert_int_equal (setrlimit (RLIMIT_FSIZE, &saved), 0);
  signal (SIGXFSZ, saved_handler);
  /* Without the limit, the same writes succeed. */
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (out, names[i], NULL);
      assert_true (actnet_graph_write (graph, path, ACTNET_EXPORT_UNKNOWN, NULL, &error));
      g_assert_no_error (error);
    }
  actnet_graph_free (graph);
  g_free (input);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_format_names),
    cmocka_unit_test_setup_teardown (test_gexf_golden, setup, teardown),
    cmocka_unit_test_setup_teardown (test_gexf_options, setup, teardown),
    cmocka_unit_test_setup_teardown (test_gexf_validates, setup, teardown),
    cmocka_unit_test_setup_teardown (test_gml_golden, setup, teardown),
    cmocka_unit_test_setup_teardown (test_pajek_golden, setup, teardown),
    cmocka_unit_test_setup_teardown (test_dot_golden, setup, teardown),
    cmocka_unit_test_setup_teardown (test_json_golden, setup, teardown),
    cmocka_unit_test_setup_teardown (test_matrix_golden, setup, teardown),
    cmocka_unit_test_setup_teardown (test_csv_golden, setup, teardown),
    cmocka_unit_test_setup_teardown (test_graphml, setup, teardown),
    cmocka_unit_test_setup_teardown (test_deterministic, setup, teardown),
    cmocka_unit_test_setup_teardown (test_errors, setup, teardown),
    cmocka_unit_test_setup_teardown (test_fails_midstream, setup, teardown),
  };
  return cmocka_run_group_tests_name ("export", tests, NULL, NULL);
}
