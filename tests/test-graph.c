/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"

#include <math.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include <actnet/actnet.h>
#include "igraph-bridge.h"
#include "format-real.h"
#include "graphml-writer.h"
#include "actnet-graph-private.h"

/* Small graphs are written as GraphML by hand and read back: the fixtures
 * use only the public API and exercise the reader on the way. */
typedef struct {
  const char *id, *label, *type;
} TestNode;

typedef struct {
  guint a, b;
  double weight;
} TestEdge;

typedef struct {
  char *dir;
} Fixture;

static int
setup (void **state)
{
  Fixture *fixture = g_new0 (Fixture, 1);
  fixture->dir = actnet_test_mkdtemp ();
  *state = fixture;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *fixture = *state;
  actnet_test_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture);
  return 0;
}

static char *
graphml_text (const TestNode *nodes, guint n_nodes, const TestEdge *edges, guint n_edges)
{
  GString *xml = g_string_new (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "<key id=\"v_actor_id\" for=\"node\" attr.name=\"actor_id\" attr.type=\"string\"/>\n"
    "<key id=\"v_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "<key id=\"v_type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "<key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "<graph id=\"G\" edgedefault=\"undirected\">\n");
  for (guint i = 0; i < n_nodes; i++)
    g_string_append_printf (xml,
                            "<node id=\"n%u\"><data key=\"v_actor_id\">%s</data>"
                            "<data key=\"v_label\">%s</data><data key=\"v_type\">%s</data></node>\n",
                            i, nodes[i].id, nodes[i].label, nodes[i].type);
  for (guint i = 0; i < n_edges; i++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_string_append_printf (xml,
                              "<edge source=\"n%u\" target=\"n%u\"><data key=\"e_weight\">%s</data></edge>\n",
                              edges[i].a, edges[i].b,
                              g_ascii_dtostr (buf, sizeof buf, edges[i].weight));
    }
  g_string_append (xml, "</graph>\n</graphml>\n");
  return g_string_free (xml, FALSE);
}

static ActnetGraph *
read_text (const char *dir, const char *name, const char *text)
{
  char *path = actnet_test_write_file (dir, name, text, -1);
  GError *error = NULL;
  ActnetGraph *graph = actnet_graph_read_graphml (path, &error);
  assert_null (error);
  assert_non_null (graph);
  g_free (path);
  return graph;
}

static ActnetGraph *
make_graph (const char *dir, const TestNode *nodes, guint n_nodes,
            const TestEdge *edges, guint n_edges)
{
  char *text = graphml_text (nodes, n_nodes, edges, n_edges);
  ActnetGraph *graph = read_text (dir, "fixture.graphml", text);
  g_free (text);
  assert_int_equal (actnet_graph_get_n_nodes (graph), n_nodes);
  assert_int_equal (actnet_graph_get_n_edges (graph), n_edges);
  return graph;
}

static ActnetGraph *
make_computed (const char *dir, const TestNode *nodes, guint n_nodes,
               const TestEdge *edges, guint n_edges)
{
  ActnetGraph *graph = make_graph (dir, nodes, n_nodes, edges, n_edges);
  GError *error = NULL;
  assert_true (actnet_graph_compute_centralities (graph, &error));
  assert_null (error);
  return graph;
}

static void
assert_measure (const ActnetGraph *graph, const char *measure,
                const double *expected, double eps)
{
  for (guint v = 0; v < actnet_graph_get_n_nodes (graph); v++)
    {
      double value = actnet_graph_get_node_value (graph, v, measure);
      if (!(fabs (value - expected[v]) <= eps))
        fail_msg ("%s of node %u (%s): %.17g, expected %.17g", measure, v,
                  actnet_graph_get_node_id (graph, v), value, expected[v]);
    }
}

static void
assert_all_finite (const ActnetGraph *graph)
{
  const char *const *names = actnet_measure_names ();
  for (guint v = 0; v < actnet_graph_get_n_nodes (graph); v++)
    for (guint k = 0; names[k] != NULL; k++)
      assert_true (isfinite (actnet_graph_get_node_value (graph, v, names[k])));
}

static double
max_measure (const ActnetGraph *graph, const char *measure)
{
  double max = -INFINITY;
  for (guint v = 0; v < actnet_graph_get_n_nodes (graph); v++)
    max = MAX (max, actnet_graph_get_node_value (graph, v, measure));
  return max;
}

/* Triangle a-b-c plus pendant d on c, unit weights. */
static const TestNode tp_nodes[] = {
  { "a", "Alpha", "person" }, { "b", "Beta", "person" },
  { "c", "Gamma", "organization" }, { "d", "Delta", "place" },
};
static const TestEdge tp_edges[] = {
  { 0, 1, 1 }, { 0, 2, 1 }, { 1, 2, 1 }, { 2, 3, 1 },
};

/* Square p-q-r-s-p: p-q and q-r weight 1 (distance 1), p-s and s-r weight 4
 * (distance 1/4), so the weights change the shortest paths. */
static const TestNode sq_nodes[] = {
  { "p", "P", "x" }, { "q", "Q", "x" }, { "r", "R", "x" }, { "s", "S", "x" },
};
static const TestEdge sq_edges[] = {
  { 0, 1, 1 }, { 1, 2, 1 }, { 0, 3, 4 }, { 3, 2, 4 },
};

/* Edge u-v (weight 3), path w-x-y (weight 1), isolated z. */
static const TestNode cc_nodes[] = {
  { "u", "U", "t" }, { "v", "V", "t" }, { "w", "W", "t" },
  { "x", "X", "t" }, { "y", "Y", "t" }, { "z", "Z", "t" },
};
static const TestEdge cc_edges[] = {
  { 0, 1, 3 }, { 2, 3, 1 }, { 3, 4, 1 },
};

static void
test_measure_names (void **state)
{
  const char *expected[] = { "degree", "strength", "betweenness", "closeness",
                             "harmonic", "eigenvector", "pagerank", "coreness",
                             "mentions", "documents" };
  const char *const *names = actnet_measure_names ();
  guint n = 0;
  while (names[n] != NULL)
    n++;
  assert_int_equal (n, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n; i++)
    assert_string_equal (names[i], expected[i]);
}

static void
test_triangle_pendant (void **state)
{
  Fixture *fixture = *state;
  ActnetGraph *graph = make_computed (fixture->dir, tp_nodes, 4, tp_edges, 4);

  const double degree[] = { 2, 2, 3, 1 };
  assert_measure (graph, "degree", degree, 0);
  assert_measure (graph, "strength", degree, 0);
  /* c is on the only shortest paths a-d and b-d. */
  const double betweenness[] = { 0, 0, 2, 0 };
  assert_measure (graph, "betweenness", betweenness, 1e-12);
  /* (n-1) / sum of distances: a 3/4, b 3/4, c 3/3, d 3/5. */
  const double closeness[] = { 0.75, 0.75, 1, 0.6 };
  assert_measure (graph, "closeness", closeness, 1e-12);
  /* Leading eigenvector with x_c = 1: x_a = x_b = 1/(l-1), x_d = 1/l,
   * l the largest root of l^3 - l^2 - 3l + 1 = 0, found by Newton. */
  double l = 3;
  for (int i = 0; i < 50; i++)
    l -= (l * l * l - l * l - 3 * l + 1) / (3 * l * l - 2 * l - 3);
  const double eigenvector[] = { 1 / (l - 1), 1 / (l - 1), 1, 1 / l };
  assert_measure (graph, "eigenvector", eigenvector, 1e-6);
  assert_close (max_measure (graph, "eigenvector"), 1, 1e-12);
  /* Solution of PR = 0.15/4 + 0.85 * sum_j A_ij PR_j / deg_j. */
  const double pagerank[] = { 0.24592782, 0.24592782, 0.36673587, 0.1414085 };
  assert_measure (graph, "pagerank", pagerank, 1e-7);
  /* Not in the file: reads as 0. */
  const double zeros[] = { 0, 0, 0, 0 };
  assert_measure (graph, "mentions", zeros, 0);
  assert_measure (graph, "documents", zeros, 0);
  assert_measure (graph, "no-such-attribute", zeros, 0);
  assert_all_finite (graph);
  actnet_graph_free (graph);
}

static void
test_weighted_square (void **state)
{
  Fixture *fixture = *state;
  ActnetGraph *graph = make_computed (fixture->dir, sq_nodes, 4, sq_edges, 4);

  const double degree[] = { 2, 2, 2, 2 };
  assert_measure (graph, "degree", degree, 0);
  const double strength[] = { 5, 2, 5, 8 };
  assert_measure (graph, "strength", strength, 0);
  /* p-r goes through s (1/2 < 2); q-s has two shortest paths of 5/4,
   * through p and through r. Unweighted, all four would get 1/2. */
  const double betweenness[] = { 0.5, 0, 0.5, 1 };
  assert_measure (graph, "betweenness", betweenness, 1e-12);
  /* Distance sums: p 1+1/2+1/4, q 1+1+5/4, r = p, s 1/4+1/4+5/4. */
  const double closeness[] = { 3 / 1.75, 3 / 3.25, 3 / 1.75, 3 / 1.75 };
  assert_measure (graph, "closeness", closeness, 1e-12);
  /* l^2 = 34; x_s = 1, x_p = x_r = sqrt(34)/8, x_q = 1/4. */
  const double eigenvector[] = { sqrt (34) / 8, 0.25, sqrt (34) / 8, 1 };
  assert_measure (graph, "eigenvector", eigenvector, 1e-6);
  /* By symmetry p = r = x; q = 0.0375 + 0.34x, s = 0.0375 + 1.36x and
   * 2x + q + s = 1 give x = 1/4. */
  const double pagerank[] = { 0.25, 0.1225, 0.25, 0.3775 };
  assert_measure (graph, "pagerank", pagerank, 1e-9);
  actnet_graph_free (graph);
}

static void
test_components_isolated (void **state)
{
  Fixture *fixture = *state;
  ActnetGraph *graph = make_computed (fixture->dir, cc_nodes, 6, cc_edges, 3);

  const double degree[] = { 1, 1, 1, 2, 1, 0 };
  assert_measure (graph, "degree", degree, 0);
  const double strength[] = { 3, 3, 1, 2, 1, 0 };
  assert_measure (graph, "strength", strength, 0);
  const double betweenness[] = { 0, 0, 0, 1, 0, 0 };
  assert_measure (graph, "betweenness", betweenness, 1e-12);
  /* Over reachable nodes only: u reaches v at 1/3; w reaches x at 1 and
   * y at 2; the isolated z gets 0. */
  const double closeness[] = { 3, 3, 2.0 / 3, 1, 2.0 / 3, 0 };
  assert_measure (graph, "closeness", closeness, 1e-12);
  /* The u-v component's eigenvalue 3 beats the path's sqrt(2). */
  const double eigenvector[] = { 1, 1, 0, 0, 0, 0 };
  assert_measure (graph, "eigenvector", eigenvector, 1e-6);
  /* The dangling z spreads its rank evenly: z = 0.025 + 0.85 z / 6. */
  const double pagerank[] = { 0.19417476, 0.19417476, 0.14956704,
                              0.28339019, 0.14956704, 0.025 / (1 - 0.85 / 6) };
  assert_measure (graph, "pagerank", pagerank, 1e-7);
  assert_all_finite (graph);
  actnet_graph_free (graph);
}

static void
test_no_edges (void **state)
{
  Fixture *fixture = *state;
  ActnetGraph *graph = make_computed (fixture->dir, tp_nodes, 3, NULL, 0);
  const double zeros[] = { 0, 0, 0 };
  const char *zero_measures[] = { "degree", "strength", "betweenness",
                                  "closeness", "eigenvector" };
  for (guint k = 0; k < G_N_ELEMENTS (zero_measures); k++)
    assert_measure (graph, zero_measures[k], zeros, 0);
  const double pagerank[] = { 1.0 / 3, 1.0 / 3, 1.0 / 3 };
  assert_measure (graph, "pagerank", pagerank, 1e-12);
  actnet_graph_free (graph);
}

static char *
read_bytes (const char *path, gsize *length)
{
  char *contents = NULL;
  GError *error = NULL;
  assert_true (g_file_get_contents (path, &contents, length, &error));
  assert_null (error);
  return contents;
}

static void
write_ok (const ActnetGraph *graph, const char *path)
{
  GError *error = NULL;
  gboolean ok = actnet_graph_write_graphml (graph, path, &error);
  if (error != NULL)
    fail_msg ("write %s: %s", path, error->message);
  assert_true (ok);
}

static void
test_empty_graph (void **state)
{
  Fixture *fixture = *state;
  ActnetGraph *graph = make_computed (fixture->dir, NULL, 0, NULL, 0);
  char *path = g_build_filename (fixture->dir, "empty.graphml", NULL);
  write_ok (graph, path);
  GError *error = NULL;
  ActnetGraph *back = actnet_graph_read_graphml (path, &error);
  assert_null (error);
  assert_int_equal (actnet_graph_get_n_nodes (back), 0);
  assert_int_equal (actnet_graph_get_n_edges (back), 0);
  GArray *ranked = actnet_graph_rank (back, "degree", NULL, 0, &error);
  assert_null (error);
  assert_int_equal (ranked->len, 0);
  g_array_unref (ranked);
  actnet_graph_free (back);
  actnet_graph_free (graph);
  g_free (path);
}

/* Runs ARGV; returns the exit status, or -1 if it could not be spawned. */
static int
run (const char *const *argv, char **out, char **err)
{
  int status = 0;
  GError *error = NULL;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     out, err, &status, &error))
    {
      g_error_free (error);
      return -1;
    }
  return WIFEXITED (status) ? WEXITSTATUS (status) : 128;
}

static gboolean
have_xmllint (void)
{
  const char *argv[] = { "xmllint", "--version", NULL };
  char *out = NULL, *err = NULL;
  char *program = g_find_program_in_path ("xmllint");
  gboolean ok = program != NULL && run ((const char *const *) argv, &out, &err) == 0;
  g_free (program);
  g_free (out);
  g_free (err);
  return ok;
}

static void
assert_xmllint_ok (const char *path)
{
  if (!have_xmllint ())
    return;
  const char *argv[] = { "xmllint", "--noout", path, NULL };
  char *out = NULL, *err = NULL;
  int status = run ((const char *const *) argv, &out, &err);
  if (status != 0)
    fail_msg ("xmllint rejects %s: %s", path, err);
  g_free (out);
  g_free (err);
}

static gboolean
have_networkx (void)
{
  const char *argv[] = { "/usr/bin/python3", "-c", "import networkx", NULL };
  char *out = NULL, *err = NULL;
  int status = run ((const char *const *) argv, &out, &err);
  g_free (out);
  g_free (err);
  return status == 0;
}

/* Runs check-graphml.py with @extra arguments (NULL-terminated); returns
 * its exit status and its stdout in @summary. */
static int
check_graphml (const char *path, char **summary, ...)
{
  char *script = actnet_test_source_path ("tests/check-graphml.py");
  GPtrArray *argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) "/usr/bin/python3");
  g_ptr_array_add (argv, script);
  g_ptr_array_add (argv, (gpointer) path);
  va_list ap;
  va_start (ap, summary);
  const char *arg;
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  char *err = NULL;
  int status = run ((const char *const *) argv->pdata, summary, &err);
  if (status != 0)
    print_message ("# %s\n", err != NULL ? g_strchomp (err) : "");
  g_free (err);
  g_ptr_array_unref (argv);
  g_free (script);
  return status;
}

static void
test_round_trip (void **state)
{
  Fixture *fixture = *state;
  const TestEdge edges[] = { { 0, 1, 2.5 }, { 0, 2, 1 }, { 1, 2, 7 }, { 2, 3, 3 } };
  ActnetGraph *graph = make_computed (fixture->dir, tp_nodes, 4, edges, 4);
  char *path = g_build_filename (fixture->dir, "out.graphml", NULL);
  write_ok (graph, path);
  assert_xmllint_ok (path);

  gsize length;
  char *bytes = read_bytes (path, &length);
  assert_true (g_str_has_prefix (bytes, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
  assert_non_null (strstr (bytes, "edgedefault=\"undirected\""));
  assert_non_null (strstr (bytes, "attr.name=\"label\" attr.type=\"string\""));
  assert_null (strstr (bytes, "Inf"));
  assert_null (strstr (bytes, "NaN"));
  assert_null (strstr (bytes, "for=\"graph\""));

  GError *error = NULL;
  ActnetGraph *back = actnet_graph_read_graphml (path, &error);
  assert_null (error);
  assert_int_equal (actnet_graph_get_n_nodes (back), 4);
  assert_int_equal (actnet_graph_get_n_edges (back), 4);
  const char *const *names = actnet_measure_names ();
  for (guint v = 0; v < 4; v++)
    {
      assert_string_equal (actnet_graph_get_node_id (back, v), tp_nodes[v].id);
      assert_string_equal (actnet_graph_get_node_label (back, v), tp_nodes[v].label);
      assert_string_equal (actnet_graph_get_node_type (back, v), tp_nodes[v].type);
      for (guint k = 0; names[k] != NULL; k++)
        {
          double a = actnet_graph_get_node_value (graph, v, names[k]);
          assert_close (actnet_graph_get_node_value (back, v, names[k]), a,
                        1e-13 * MAX (1, fabs (a)));
        }
    }
  for (guint e = 0; e < 4; e++)
    {
      guint from, to;
      actnet_graph_get_edge (back, e, &from, &to);
      assert_int_equal (from, edges[e].a);
      assert_int_equal (to, edges[e].b);
      assert_close (actnet_graph_get_edge_value (back, e, "weight"), edges[e].weight, 0);
      assert_close (actnet_graph_get_edge_value (back, e, "documents"), 0, 0);
    }

  /* Writing what was read gives the same bytes. */
  char *path2 = g_build_filename (fixture->dir, "again.graphml", NULL);
  write_ok (back, path2);
  gsize length2;
  char *bytes2 = read_bytes (path2, &length2);
  assert_int_equal (length2, length);
  assert_memory_equal (bytes2, bytes, length);

  if (have_networkx ())
    {
      char *summary = NULL;
      assert_int_equal (check_graphml (path, &summary, "--nodes", "4", "--edges", "4",
                                       "--label", "a=Alpha", "--label", "d=Delta",
                                       "--weight", "a,b=2.5", "--weight", "d,c=3",
                                       NULL), 0);
      assert_string_equal (summary, "nodes=4 edges=4\n");
      g_free (summary);
      /* The checker can fail. */
      assert_int_equal (check_graphml (path, &summary, "--nodes", "5", NULL), 1);
      g_free (summary);
      assert_int_equal (check_graphml (path, &summary, "--label", "a=Beta", NULL), 1);
      g_free (summary);
      assert_int_equal (check_graphml (path, &summary, "--weight", "a,b=2", NULL), 1);
      g_free (summary);
      assert_int_equal (check_graphml (path, &summary, "--weight", "a,d=1", NULL), 1);
      g_free (summary);
    }

  g_free (bytes);
  g_free (bytes2);
  g_free (path);
  g_free (path2);
  actnet_graph_free (back);
  actnet_graph_free (graph);
}

static void
test_checker_rejects (void **state)
{
  Fixture *fixture = *state;
  if (!have_networkx ())
    skip ();
  const char *bad[] = {
    /* infinite weight */
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
    "<key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"
    "<key id=\"t\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>"
    "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"
    "<graph edgedefault=\"undirected\"><node id=\"a\"><data key=\"l\">A</data></node>"
    "<node id=\"b\"><data key=\"l\">B</data></node>"
    "<edge source=\"a\" target=\"b\"><data key=\"w\">Inf</data></edge></graph></graphml>\n",
    /* duplicate edge */
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
    "<key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"
    "<key id=\"t\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>"
    "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"
    "<graph edgedefault=\"undirected\"><node id=\"a\"><data key=\"l\">A</data></node>"
    "<node id=\"b\"><data key=\"l\">B</data></node>"
    "<edge source=\"a\" target=\"b\"><data key=\"w\">1</data></edge>"
    "<edge source=\"b\" target=\"a\"><data key=\"w\">1</data></edge></graph></graphml>\n",
    /* a node without label */
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
    "<key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"
    "<key id=\"t\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>"
    "<graph edgedefault=\"undirected\"><node id=\"a\"/></graph></graphml>\n",
    /* no edgedefault */
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
    "<key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"
    "<key id=\"t\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>"
    "<graph><node id=\"a\"><data key=\"l\">A</data></node></graph></graphml>\n",
    /* Latin-1 declaration */
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
    "<key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"
    "<key id=\"t\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>"
    "<graph edgedefault=\"undirected\"><node id=\"a\"><data key=\"l\">A</data></node></graph></graphml>\n",
    /* invalid UTF-8 */
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
    "<key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"
    "<key id=\"t\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>"
    "<graph edgedefault=\"undirected\"><node id=\"a\"><data key=\"l\">\xff</data></node></graph></graphml>\n",
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      char *name = g_strdup_printf ("bad%u.graphml", i);
      char *path = actnet_test_write_file (fixture->dir, name, bad[i], -1);
      char *summary = NULL;
      int status = check_graphml (path, &summary, NULL);
      if (status != 1)
        fail_msg ("check-graphml accepted bad file %u (status %d)", i, status);
      g_free (summary);
      g_free (path);
      g_free (name);
    }
  /* The same minus the faults passes. */
  const char *good =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
    "<key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"
    "<key id=\"t\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>"
    "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"
    "<graph edgedefault=\"undirected\"><node id=\"a\"><data key=\"l\">A</data></node>"
    "<node id=\"b\"><data key=\"l\">B</data></node>"
    "<edge source=\"a\" target=\"b\"><data key=\"w\">2</data></edge></graph></graphml>\n";
  char *path = actnet_test_write_file (fixture->dir, "good.graphml", good, -1);
  char *summary = NULL;
  assert_int_equal (check_graphml (path, &summary, "--weight", "b,a=2", "--label", "a=A", NULL), 0);
  assert_string_equal (summary, "nodes=2 edges=1\n");
  g_free (summary);
  g_free (path);
}

static void
add_document (ActnetCooccur *cooccur, const guint *actors, guint n)
{
  GArray *mentions = g_array_new (FALSE, TRUE, sizeof (ActnetMention));
  for (guint i = 0; i < n; i++)
    {
      ActnetMention mention = { .start = 10 * i, .end = 10 * i + 5, .word = 2 * i,
                                .actor = actors[i], .alias = actors[i] };
      g_array_append_val (mentions, mention);
    }
  actnet_cooccur_add_document (cooccur, mentions, NULL);
  g_array_unref (mentions);
}

static ActnetGazetteer *
make_gazetteer (const TestNode *nodes, guint n)
{
  ActnetGazetteer *gazetteer = actnet_gazetteer_new ();
  for (guint i = 0; i < n; i++)
    {
      GError *error = NULL;
      guint actor = actnet_gazetteer_add_actor (gazetteer, nodes[i].id, nodes[i].type,
                                                nodes[i].label, &error);
      if (error != NULL)
        fail_msg ("add_actor %s: %s", nodes[i].id, error->message);
      assert_int_equal (actor, i);
    }
  return gazetteer;
}

static void
test_from_cooccur (void **state)
{
  Fixture *fixture = *state;
  const TestNode actors[] = {
    { "a", "Alpha", "person" }, { "b", "Beta", "organization" },
    { "c", "Gamma", "place" }, { "d", "Delta", "place" },
  };
  ActnetGazetteer *gazetteer = make_gazetteer (actors, 4);
  ActnetWindow window = { ACTNET_WINDOW_DOCUMENT, 0 };
  ActnetCooccur *cooccur = actnet_cooccur_new (4, window);
  /* c is never mentioned: no node. Pairs: a-b in two documents, a-d and
   * b-d in one. */
  add_document (cooccur, (const guint[]) { 0, 1, 3, 0 }, 4);
  add_document (cooccur, (const guint[]) { 1, 0 }, 2);
  add_document (cooccur, (const guint[]) { 0 }, 1);

  GError *error = NULL;
  ActnetGraph *graph = actnet_graph_new_from_cooccur (cooccur, gazetteer, &error);
  assert_null (error);
  assert_non_null (graph);
  assert_int_equal (actnet_graph_get_n_nodes (graph), 3);
  assert_int_equal (actnet_graph_get_n_edges (graph), 3);
  const char *ids[] = { "a", "b", "d" }, *labels[] = { "Alpha", "Beta", "Delta" };
  const char *types[] = { "person", "organization", "place" };
  const double mentions[] = { 4, 2, 1 }, documents[] = { 3, 2, 1 };
  for (guint v = 0; v < 3; v++)
    {
      assert_string_equal (actnet_graph_get_node_id (graph, v), ids[v]);
      assert_string_equal (actnet_graph_get_node_label (graph, v), labels[v]);
      assert_string_equal (actnet_graph_get_node_type (graph, v), types[v]);
    }
  assert_measure (graph, "mentions", mentions, 0);
  assert_measure (graph, "documents", documents, 0);
  const guint ends[][2] = { { 0, 1 }, { 0, 2 }, { 1, 2 } };
  const double weights[] = { 2, 1, 1 };
  for (guint e = 0; e < 3; e++)
    {
      guint from, to;
      actnet_graph_get_edge (graph, e, &from, &to);
      assert_int_equal (from, ends[e][0]);
      assert_int_equal (to, ends[e][1]);
      assert_close (actnet_graph_get_edge_value (graph, e, "weight"), weights[e], 0);
      assert_close (actnet_graph_get_edge_value (graph, e, "documents"), weights[e], 0);
    }

  assert_true (actnet_graph_compute_centralities (graph, &error));
  /* A triangle with a-b twice as strong: a and b at distance 1/2, d at 1
   * from both, so d lies on no shortest path and nobody else does either. */
  const double strength[] = { 3, 3, 2 }, betweenness[] = { 0, 0, 0 };
  const double closeness[] = { 2 / 1.5, 2 / 1.5, 1 };
  assert_measure (graph, "strength", strength, 0);
  assert_measure (graph, "betweenness", betweenness, 1e-12);
  assert_measure (graph, "closeness", closeness, 1e-12);

  char *path = g_build_filename (fixture->dir, "cooccur.graphml", NULL);
  write_ok (graph, path);
  assert_xmllint_ok (path);
  if (have_networkx ())
    {
      char *summary = NULL;
      assert_int_equal (check_graphml (path, &summary, "--nodes", "3", "--edges", "3",
                                       "--label", "d=Delta", "--weight", "b,a=2", NULL), 0);
      g_free (summary);
    }
  g_free (path);
  actnet_graph_free (graph);

  /* Counts over another number of actors are refused. */
  ActnetCooccur *other = actnet_cooccur_new (3, window);
  assert_null (actnet_graph_new_from_cooccur (other, gazetteer, &error));
  assert_true (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT));
  g_clear_error (&error);
  actnet_cooccur_free (other);

  /* Nothing mentioned: an empty graph. */
  ActnetCooccur *none = actnet_cooccur_new (4, window);
  graph = actnet_graph_new_from_cooccur (none, gazetteer, &error);
  assert_null (error);
  assert_int_equal (actnet_graph_get_n_nodes (graph), 0);
  assert_true (actnet_graph_compute_centralities (graph, &error));
  actnet_graph_free (graph);
  actnet_cooccur_free (none);

  actnet_cooccur_free (cooccur);
  actnet_gazetteer_free (gazetteer);
}

static void
test_dirty_strings (void **state)
{
  Fixture *fixture = *state;
  /* C0 controls, TAB/LF/CR, invalid UTF-8, U+FFFF and XML metacharacters. */
  const TestNode actors[] = {
    { "id\x01one", "Ctl\x01\t\n\rLabel \xff\xfe end", "ty\x1fpe" },
    { "two", "A & B <c> \"q\" 'z' \xef\xbf\xbf \xc3\xa9", "person" },
  };
  ActnetGazetteer *gazetteer = make_gazetteer (actors, 2);
  ActnetWindow window = { ACTNET_WINDOW_DOCUMENT, 0 };
  ActnetCooccur *cooccur = actnet_cooccur_new (2, window);
  add_document (cooccur, (const guint[]) { 0, 1 }, 2);

  GError *error = NULL;
  ActnetGraph *graph = actnet_graph_new_from_cooccur (cooccur, gazetteer, &error);
  assert_null (error);
  assert_string_equal (actnet_graph_get_node_id (graph, 0), "id one");
  assert_string_equal (actnet_graph_get_node_label (graph, 0),
                       "Ctl    Label \xef\xbf\xbd\xef\xbf\xbd end");
  assert_string_equal (actnet_graph_get_node_type (graph, 0), "ty pe");
  assert_string_equal (actnet_graph_get_node_label (graph, 1),
                       "A & B <c> \"q\" 'z' \xef\xbf\xbd \xc3\xa9");
  assert_true (actnet_graph_compute_centralities (graph, &error));

  char *path = g_build_filename (fixture->dir, "dirty.graphml", NULL);
  write_ok (graph, path);
  assert_xmllint_ok (path);
  gsize length;
  char *bytes = read_bytes (path, &length);
  assert_true (g_utf8_validate (bytes, length, NULL));
  for (gsize i = 0; i < length; i++)
    if ((guchar) bytes[i] < 0x20 && bytes[i] != '\n' && bytes[i] != ' ')
      fail_msg ("control byte 0x%02x at %zu", (guchar) bytes[i], i);
  g_free (bytes);
  if (have_networkx ())
    {
      char *summary = NULL;
      assert_int_equal (check_graphml (path, &summary, "--nodes", "2", "--edges", "1",
                                       "--label", "two=A & B <c> \"q\" 'z' \xef\xbf\xbd \xc3\xa9",
                                       "--weight", "id one,two=1", NULL), 0);
      g_free (summary);
    }
  /* And it reads back as written. */
  ActnetGraph *back = actnet_graph_read_graphml (path, &error);
  assert_null (error);
  assert_string_equal (actnet_graph_get_node_label (back, 0),
                       actnet_graph_get_node_label (graph, 0));
  assert_string_equal (actnet_graph_get_node_label (back, 1),
                       actnet_graph_get_node_label (graph, 1));
  actnet_graph_free (back);
  g_free (path);
  actnet_graph_free (graph);
  actnet_cooccur_free (cooccur);
  actnet_gazetteer_free (gazetteer);
}

static void
test_deterministic (void **state)
{
  Fixture *fixture = *state;
  char *paths[3];
  for (guint i = 0; i < 3; i++)
    {
      /* Each graph is new, but the igraph RNG has moved on in between. */
      ActnetGraph *graph = make_computed (fixture->dir, cc_nodes, 6, cc_edges, 3);
      if (i == 2)
        {
          GError *error = NULL;
          assert_true (actnet_graph_compute_centralities (graph, &error));
        }
      char *name = g_strdup_printf ("det%u.graphml", i);
      paths[i] = g_build_filename (fixture->dir, name, NULL);
      write_ok (graph, paths[i]);
      g_free (name);
      actnet_graph_free (graph);
    }
  gsize l0, l1, l2;
  char *b0 = read_bytes (paths[0], &l0);
  char *b1 = read_bytes (paths[1], &l1);
  char *b2 = read_bytes (paths[2], &l2);
  assert_int_equal (l0, l1);
  assert_int_equal (l0, l2);
  assert_memory_equal (b0, b1, l0);
  assert_memory_equal (b0, b2, l0);
  for (guint i = 0; i < 3; i++)
    g_free (paths[i]);
  g_free (b0);
  g_free (b1);
  g_free (b2);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Lists the directory's entries, sorted, joined by spaces. */
static char *
list_dir (const char *dir)
{
  GDir *handle = g_dir_open (dir, 0, NULL);
  assert_non_null (handle);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (handle);
  g_ptr_array_sort (names, compare_names);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (out, "%s%s", i ? " " : "", (char *) names->pdata[i]);
  g_ptr_array_unref (names);
  return g_string_free (out, FALSE);
}

static void
test_write_errors (void **state)
{
  Fixture *fixture = *state;
  ActnetGraph *graph = make_computed (fixture->dir, tp_nodes, 4, tp_edges, 4);
  GError *error = NULL;

  /* A directory that does not exist. */
  char *missing = g_build_filename (fixture->dir, "no-such-dir", "out.graphml", NULL);
  assert_false (actnet_graph_write_graphml (graph, missing, &error));
  assert_non_null (error);
  assert_true (error->domain == G_FILE_ERROR);
  assert_non_null (strstr (error->message, missing));
  g_clear_error (&error);
  assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* The destination is a directory: the rename fails, the temporary file
   * goes, the directory stays. */
  char *sub = g_build_filename (fixture->dir, "sub", NULL);
  assert_int_equal (g_mkdir (sub, 0755), 0);
  char *before = list_dir (fixture->dir);
  assert_false (actnet_graph_write_graphml (graph, sub, &error));
  assert_non_null (error);
  g_clear_error (&error);
  assert_true (g_file_test (sub, G_FILE_TEST_IS_DIR));
  char *after = list_dir (fixture->dir);
  assert_string_equal (after, before);
  g_free (after);

  /* A read-only directory (root ignores the mode). An existing file there
   * keeps its contents. */
  if (geteuid () != 0)
    {
      char *kept = actnet_test_write_file (sub, "kept.graphml", "old", -1);
      assert_int_equal (g_chmod (sub, 0555), 0);
      assert_false (actnet_graph_write_graphml (graph, kept, &error));
      assert_non_null (error);
      g_clear_error (&error);
      assert_int_equal (g_chmod (sub, 0755), 0);
      gsize length;
      char *contents = read_bytes (kept, &length);
      assert_string_equal (contents, "old");
      char *listing = list_dir (sub);
      assert_string_equal (listing, "kept.graphml");
      g_free (listing);
      g_free (contents);
      g_free (kept);
    }
  g_free (before);
  g_free (sub);
  g_free (missing);
  actnet_graph_free (graph);
}

static void
assert_read_fails (const char *dir, const char *name, const char *contents,
                   gssize length, GQuark domain, int code)
{
  char *path = actnet_test_write_file (dir, name, contents, length);
  GError *error = NULL;
  ActnetGraph *graph = actnet_graph_read_graphml (path, &error);
  if (graph != NULL || error == NULL)
    fail_msg ("%s was read without an error", name);
  if (error->domain != domain || error->code != code)
    fail_msg ("%s: unexpected error %s/%d: %s", name,
              g_quark_to_string (error->domain), error->code, error->message);
  assert_non_null (strstr (error->message, path));
  assert_int_equal (IGRAPH_FINALLY_STACK_SIZE (), 0);
  g_error_free (error);
  g_free (path);
}

static void
test_read_garbage (void **state)
{
  Fixture *fixture = *state;
  assert_read_fails (fixture->dir, "garbage.graphml", "garbage\n", -1,
                     ACTNET_ERROR, ACTNET_ERROR_PARSE);
  assert_read_fails (fixture->dir, "empty.graphml", "", 0,
                     ACTNET_ERROR, ACTNET_ERROR_PARSE);
  assert_read_fails (fixture->dir, "binary.graphml", "\x00\x01\x02\xff\xfe", 5,
                     ACTNET_ERROR, ACTNET_ERROR_PARSE);
  assert_read_fails (fixture->dir, "other.xml",
                     "<?xml version=\"1.0\"?><html><body/></html>", -1,
                     ACTNET_ERROR, ACTNET_ERROR_PARSE);
  assert_read_fails (fixture->dir, "truncated.graphml",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
                     "<graph edgedefault=\"undirected\"><node id=\"a\"/><node", -1,
                     ACTNET_ERROR, ACTNET_ERROR_PARSE);
  assert_read_fails (fixture->dir, "zero-weight.graphml",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
                     "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"
                     "<graph edgedefault=\"undirected\"><node id=\"a\"/><node id=\"b\"/>"
                     "<edge source=\"a\" target=\"b\"><data key=\"w\">0</data></edge>"
                     "</graph></graphml>", -1,
                     ACTNET_ERROR, ACTNET_ERROR_PARSE);

  GError *error = NULL;
  char *missing = g_build_filename (fixture->dir, "missing.graphml", NULL);
  assert_null (actnet_graph_read_graphml (missing, &error));
  assert_non_null (error);
  assert_true (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT));
  assert_non_null (strstr (error->message, missing));
  g_error_free (error);
  g_free (missing);
  assert_int_equal (IGRAPH_FINALLY_STACK_SIZE (), 0);
}

static void
test_read_foreign (void **state)
{
  Fixture *fixture = *state;
  /* Directed, no actor_id/type keys, a label on one node only, a numeric
   * attribute on some nodes, reciprocal and parallel edges, a self-loop,
   * an edge without weight, a graph-level key. */
  const char *text =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "<key id=\"g\" for=\"graph\" attr.name=\"title\" attr.type=\"string\"/>\n"
    "<key id=\"lab\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "<key id=\"m\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>\n"
    "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "<graph edgedefault=\"directed\"><data key=\"g\">t</data>\n"
    "<node id=\"alpha\"><data key=\"lab\">Line&#10;break&#9;tab</data><data key=\"m\">4</data></node>\n"
    "<node id=\"beta\"/>\n"
    "<node id=\"gamma\"><data key=\"m\">2</data></node>\n"
    "<edge source=\"alpha\" target=\"beta\"><data key=\"w\">2</data></edge>\n"
    "<edge source=\"beta\" target=\"alpha\"><data key=\"w\">3</data></edge>\n"
    "<edge source=\"gamma\" target=\"gamma\"><data key=\"w\">9</data></edge>\n"
    "<edge source=\"beta\" target=\"gamma\"/>\n"
    "</graph></graphml>\n";
  ActnetGraph *graph = read_text (fixture->dir, "foreign.graphml", text);
  assert_int_equal (actnet_graph_get_n_nodes (graph), 3);
  assert_int_equal (actnet_graph_get_n_edges (graph), 2);
  assert_string_equal (actnet_graph_get_node_id (graph, 0), "alpha");
  assert_string_equal (actnet_graph_get_node_label (graph, 0), "Line break tab");
  assert_string_equal (actnet_graph_get_node_label (graph, 1), "beta");
  assert_string_equal (actnet_graph_get_node_label (graph, 2), "gamma");
  assert_string_equal (actnet_graph_get_node_type (graph, 1), "");
  assert_close (actnet_graph_get_node_value (graph, 0, "mentions"), 4, 0);
  assert_close (actnet_graph_get_node_value (graph, 1, "mentions"), 0, 0);
  assert_close (actnet_graph_get_node_value (graph, 2, "mentions"), 2, 0);
  /* alpha-beta merged (2 + 3), beta-gamma without weight reads as 1. */
  double weight[2] = { -1, -1 };
  for (guint e = 0; e < 2; e++)
    {
      guint from, to;
      actnet_graph_get_edge (graph, e, &from, &to);
      assert_true (from < to);
      if (from == 0 && to == 1)
        weight[0] = actnet_graph_get_edge_value (graph, e, "weight");
      else if (from == 1 && to == 2)
        weight[1] = actnet_graph_get_edge_value (graph, e, "weight");
    }
  assert_close (weight[0], 5, 0);
  assert_close (weight[1], 1, 0);

  char *path = g_build_filename (fixture->dir, "foreign-out.graphml", NULL);
  write_ok (graph, path);
  assert_xmllint_ok (path);
  gsize length;
  char *bytes = read_bytes (path, &length);
  assert_non_null (strstr (bytes, "edgedefault=\"undirected\""));
  assert_null (strstr (bytes, "for=\"graph\""));
  g_free (bytes);
  if (have_networkx ())
    {
      char *summary = NULL;
      assert_int_equal (check_graphml (path, &summary, "--nodes", "3", "--edges", "2",
                                       "--label", "beta=beta",
                                       "--weight", "alpha,beta=5", NULL), 0);
      g_free (summary);
    }
  g_free (path);

  /* GraphML without any keys at all: labels from the node ids. */
  ActnetGraph *bare = read_text (fixture->dir, "bare.graphml",
                                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                 "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
                                 "<graph edgedefault=\"undirected\"><node id=\"one\"/><node id=\"two\"/>"
                                 "<edge source=\"one\" target=\"two\"/></graph></graphml>\n");
  assert_string_equal (actnet_graph_get_node_label (bare, 1), "two");
  assert_string_equal (actnet_graph_get_node_id (bare, 1), "two");
  assert_close (actnet_graph_get_edge_value (bare, 0, "weight"), 1, 0);
  assert_close (actnet_graph_get_edge_value (bare, 0, "documents"), 0, 0);
  actnet_graph_free (bare);

  /* igraph makes a node for an edge's undeclared, empty endpoint; with no
   * id to show it is labelled by its index. */
  ActnetGraph *dangling = read_text (fixture->dir, "dangling.graphml",
                                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                     "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
                                     "<graph edgedefault=\"undirected\"><node id=\"a\"/>"
                                     "<edge source=\"a\" target=\"\"/></graph></graphml>");
  assert_int_equal (actnet_graph_get_n_nodes (dangling), 2);
  assert_string_equal (actnet_graph_get_node_label (dangling, 1), "n1");
  assert_string_equal (actnet_graph_get_node_id (dangling, 1), "n1");
  actnet_graph_free (dangling);
  actnet_graph_free (graph);
}

static void
assert_ranking (const ActnetGraph *graph, const char *measure, const char *type,
                guint top, const char *expected)
{
  GError *error = NULL;
  GArray *ranked = actnet_graph_rank (graph, measure, type, top, &error);
  assert_null (error);
  assert_non_null (ranked);
  GString *ids = g_string_new (NULL);
  for (guint i = 0; i < ranked->len; i++)
    g_string_append_printf (ids, "%s%s", i ? " " : "",
                            actnet_graph_get_node_id (graph, g_array_index (ranked, guint, i)));
  assert_string_equal (ids->str, expected);
  g_string_free (ids, TRUE);
  g_array_unref (ranked);
}

static void
test_rank (void **state)
{
  Fixture *fixture = *state;
  /* Star around "hub"; the leaves tie on most measures and are told
   * apart by label, then (same label "Same") by id in byte order. */
  const TestNode nodes[] = {
    { "k2", "Same", "person" }, { "hub", "Hub", "organization" },
    { "k1", "Same", "person" }, { "b", "Bravo", "person" },
    { "a", "alpha", "place" }, { "Z", "Zulu", "place" },
  };
  const TestEdge edges[] = {
    { 1, 0, 1 }, { 1, 2, 1 }, { 1, 3, 1 }, { 1, 4, 1 }, { 1, 5, 2 },
  };
  ActnetGraph *graph = make_computed (fixture->dir, nodes, 6, edges, 5);
  /* Degree: hub 5, the rest 1, ordered by label: "Bravo" < "Same" (k1 <
   * k2) < "Zulu" < "alpha" (upper case sorts first). */
  assert_ranking (graph, "degree", NULL, 0, "hub b k1 k2 Z a");
  /* Strength: Z's edge weighs 2. */
  assert_ranking (graph, "strength", NULL, 0, "hub Z b k1 k2 a");
  assert_ranking (graph, "strength", NULL, 3, "hub Z b");
  assert_ranking (graph, "degree", NULL, 100, "hub b k1 k2 Z a");
  assert_ranking (graph, "degree", "person", 0, "b k1 k2");
  assert_ranking (graph, "degree", "place", 1, "Z");
  assert_ranking (graph, "degree", "nobody", 0, "");
  assert_ranking (graph, "betweenness", "organization", 0, "hub");
  /* All zero: label order. */
  assert_ranking (graph, "mentions", NULL, 0, "b hub k1 k2 Z a");

  GError *error = NULL;
  assert_null (actnet_graph_rank (graph, "fame", NULL, 0, &error));
  assert_true (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT));
  assert_non_null (strstr (error->message, "fame"));
  const char *const *names = actnet_measure_names ();
  for (guint k = 0; names[k] != NULL; k++)
    assert_non_null (strstr (error->message, names[k]));
  g_clear_error (&error);
  /* Attribute names that exist but are not measures are refused too. */
  assert_null (actnet_graph_rank (graph, "label", NULL, 0, &error));
  assert_true (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT));
  g_clear_error (&error);
  actnet_graph_free (graph);
}

/* ---- GraphML writer against igraph's ---------------------------------- */

static guint64 random_state = G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

static guint64
next_random (void)
{
  random_state ^= random_state << 13;
  random_state ^= random_state >> 7;
  random_state ^= random_state << 17;
  return random_state;
}

static void
assert_formats_as_printf (double x)
{
  char fast[ACTNET_I_REAL_BUF_SIZE], slow[64];
  gsize length = actnet_i_format_real (x, fast);
  g_snprintf (slow, sizeof slow, "%.15g", x);
  if (strcmp (fast, slow) != 0)
    fail_msg ("%.17g: formatted '%s', printf gives '%s'", x, fast, slow);
  assert_int_equal (length, strlen (slow));
}

/* The formatter against printf (exact, round half to even) on values of
 * every kind: random bit patterns, fractions of every magnitude, ratios of
 * small integers, exact halfway cases at the fifteenth digit, edges of the
 * fixed/exponent switch. */
static void
test_format_real_matches_printf (void **state)
{
  (void) state;
  static const double special[] = {
    0.0, 1.0, 1e15, 1e15 - 1, 999999999999999.9, 999999999999999.5,
    100000000000000.5, 100000000000001.5, 123456789012345.5, 0.0001, 0.00001,
    9.9999999999999995e-5, 1e-8, 9.99999999999999e-9, 0.1, 0.2, 0.3, 1.0 / 3,
    2.0 / 3, 1.5, 99999.99999999995, 1e300, 5e-324, 2.2250738585072014e-308,
    9007199254740993.0, 0.00009999999999999995
  };
  for (gsize i = 0; i < G_N_ELEMENTS (special); i++)
    {
      assert_formats_as_printf (special[i]);
      assert_formats_as_printf (-special[i]);
    }
  assert_formats_as_printf (-0.0);
  for (int i = 0; i < 40000; i++)
    {
      guint64 bits = next_random ();
      double x;
      memcpy (&x, &bits, sizeof x);
      if (isfinite (x))
        assert_formats_as_printf (x);
      double unit = (double) (next_random () >> 11) / 9007199254740992.0;
      assert_formats_as_printf (unit);
      assert_formats_as_printf (unit * pow (10, (int) (next_random () % 40) - 20));
      assert_formats_as_printf ((double) (next_random () % 1000) / (double) (next_random () % 1000 + 1));
      assert_formats_as_printf (1e14 + (double) (next_random () % G_GUINT64_CONSTANT (900000000000000)) + 0.5);
      assert_formats_as_printf (ldexp ((double) (next_random () >> 11), -(int) (next_random () % 120)));
    }
}

/* What the previous writer produced: igraph's GraphML with the node
 * declarations of whole "community" and "coreness" columns typed int. */
static char *
igraph_graphml (const igraph_t *graph, gsize *size)
{
  char *buffer = NULL;
  size_t length = 0;
  FILE *memory = open_memstream (&buffer, &length);
  assert_non_null (memory);
  igraph_safelocale_t locale;
  assert_int_equal (igraph_enter_safelocale (&locale), IGRAPH_SUCCESS);
  assert_int_equal (igraph_write_graph_graphml (graph, memory, TRUE), IGRAPH_SUCCESS);
  igraph_exit_safelocale (&locale);
  fclose (memory);
  GString *text = g_string_new_len (buffer, (gssize) length);
  free (buffer);
  static const char *const whole[] = { "community", "coreness" };
  for (gsize i = 0; i < G_N_ELEMENTS (whole); i++)
    {
      g_autofree char *from = g_strdup_printf ("for=\"node\" attr.name=\"%s\" attr.type=\"double\"",
                                               whole[i]);
      g_autofree char *to = g_strdup_printf ("for=\"node\" attr.name=\"%s\" attr.type=\"int\"",
                                             whole[i]);
      igraph_vector_t values;
      igraph_vector_init (&values, 0);
      gboolean all_whole = igraph_cattribute_has_attr (graph, IGRAPH_ATTRIBUTE_VERTEX, whole[i])
                           && igraph_cattribute_VANV (graph, whole[i], igraph_vss_all (), &values) == IGRAPH_SUCCESS;
      for (igraph_integer_t v = 0; all_whole && v < igraph_vector_size (&values); v++)
        all_whole = isnan (VECTOR (values)[v]) || VECTOR (values)[v] == floor (VECTOR (values)[v]);
      igraph_vector_destroy (&values);
      if (all_whole)
        g_string_replace (text, from, to, 1);
    }
  *size = text->len;
  return g_string_free (text, FALSE);
}

static void
assert_writers_agree (const char *dir, const igraph_t *graph)
{
  g_autofree char *path = g_build_filename (dir, "writer.graphml", NULL);
  GError *error = NULL;
  ActnetAtomicFile *file = actnet_i_atomic_file_open (path, &error);
  assert_non_null (file);
  assert_true (actnet_i_write_graphml (graph, file, &error));
  assert_null (error);
  assert_true (actnet_i_atomic_file_commit (file, &error));
  g_autofree char *ours = NULL;
  gsize our_size = 0, their_size = 0;
  assert_true (g_file_get_contents (path, &ours, &our_size, NULL));
  g_autofree char *theirs = igraph_graphml (graph, &their_size);
  if (our_size != their_size || memcmp (ours, theirs, our_size) != 0)
    {
      gsize at = 0;
      while (at < MIN (our_size, their_size) && ours[at] == theirs[at])
        at++;
      fail_msg ("GraphML differs from igraph's at byte %zu: ...%.60s... against ...%.60s...",
                at, ours + (at > 20 ? at - 20 : 0), theirs + (at > 20 ? at - 20 : 0));
    }
}

static double
random_value (void)
{
  switch (next_random () % 8)
    {
    case 0:
      return (double) (next_random () % 100);
    case 1:
      return (double) (next_random () % 1000) / 7.0;
    case 2:
      return -((double) (next_random () >> 11) / 9007199254740992.0);
    case 3:
      return ldexp ((double) (next_random () >> 11), (int) (next_random () % 200) - 150);
    case 4:
      return NAN;
    case 5:
      return next_random () % 2 ? INFINITY : -INFINITY;
    case 6:
      return next_random () % 2 ? 0.0 : -0.0;
    default:
      return 1e20 * (double) (next_random () % 1000);
    }
}

/* A graph with attributes of every type on every element, strings with
 * the characters XML escapes and multi-byte UTF-8. */
static void
fill_graph (igraph_t *graph, igraph_integer_t n, igraph_integer_t m, gboolean directed,
            gboolean whole_community)
{
  static const char *const texts[] = {
    "", "plain", "AT&T <Ltd> \"quoted\" 'single'", "tab\there\nline\rcr",
    "Benghazi – بنغازي", "&amp; already", ">>", "café ü ß 東京"
  };
  igraph_vector_int_t edges;
  igraph_vector_int_init (&edges, 2 * m);
  for (igraph_integer_t i = 0; i < 2 * m; i++)
    VECTOR (edges)[i] = (igraph_integer_t) (next_random () % (guint64) n);
  assert_int_equal (igraph_create (graph, &edges, n, directed), IGRAPH_SUCCESS);
  igraph_vector_int_destroy (&edges);

  igraph_cattribute_GAS_set (graph, "title", "Libya & \"friends\"");
  igraph_cattribute_GAN_set (graph, "year", 2011.5);
  igraph_cattribute_GAB_set (graph, "directed?", directed);
  for (igraph_integer_t v = 0; v < n; v++)
    {
      igraph_cattribute_VAS_set (graph, "label", v, texts[next_random () % G_N_ELEMENTS (texts)]);
      igraph_cattribute_VAN_set (graph, "score", v, random_value ());
      igraph_cattribute_VAN_set (graph, "community", v,
                                 whole_community ? (double) (v % 5) : v + 0.25);
      igraph_cattribute_VAN_set (graph, "coreness", v, v % 3 == 0 ? NAN : (double) v);
      igraph_cattribute_VAB_set (graph, "flag", v, next_random () % 2);
      igraph_cattribute_VAS_set (graph, "we<ird>&'name\"", v, texts[v % G_N_ELEMENTS (texts)]);
    }
  for (igraph_integer_t e = 0; e < m; e++)
    {
      igraph_cattribute_EAN_set (graph, "weight", e, random_value ());
      igraph_cattribute_EAS_set (graph, "first_date", e, texts[next_random () % G_N_ELEMENTS (texts)]);
      igraph_cattribute_EAB_set (graph, "kept", e, next_random () % 2);
      igraph_cattribute_EAN_set (graph, "community", e, 0.5);
    }
}

static void
test_graphml_matches_igraph (void **state)
{
  Fixture *fixture = *state;
  actnet_i_igraph_init ();
  for (int round = 0; round < 8; round++)
    {
      igraph_t graph;
      fill_graph (&graph, round == 0 ? 1 : 40 + round * 13, round * 57, round % 2 == 1,
                  round % 3 != 2);
      assert_writers_agree (fixture->dir, &graph);
      igraph_destroy (&graph);
    }
  /* No attributes at all, and no nodes. */
  igraph_t bare;
  assert_int_equal (igraph_empty (&bare, 0, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
  assert_writers_agree (fixture->dir, &bare);
  assert_int_equal (igraph_add_vertices (&bare, 3, NULL), IGRAPH_SUCCESS);
  assert_int_equal (igraph_add_edge (&bare, 0, 2), IGRAPH_SUCCESS);
  assert_writers_agree (fixture->dir, &bare);
  igraph_destroy (&bare);

  /* A graph actnet computed, with every measure (labels are XML text in
   * the fixture). */
  const TestNode nodes[] = {
    { "a", "Alpha &amp; Co", "person" }, { "b", "B&lt;b&gt;", "place" },
    { "c", "C'c", "organization" },
    { "d", "Dé", "person" },
  };
  const TestEdge edges[] = { { 0, 1, 1 }, { 1, 2, 2.5 }, { 2, 0, 3 }, { 2, 3, 1 } };
  ActnetGraph *computed = make_computed (fixture->dir, nodes, 4, edges, 4);
  assert_writers_agree (fixture->dir, actnet_i_graph_get_igraph_const (computed));
  actnet_graph_free (computed);
}

/* A control character XML cannot carry fails the write, names the
 * attribute and leaves no file behind. */
static void
test_graphml_control_character (void **state)
{
  Fixture *fixture = *state;
  actnet_i_igraph_init ();
  igraph_t graph;
  assert_int_equal (igraph_empty (&graph, 2, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
  igraph_cattribute_VAS_set (&graph, "label", 0, "fine");
  igraph_cattribute_VAS_set (&graph, "label", 1, "bell\a");
  g_autofree char *path = g_build_filename (fixture->dir, "control.graphml", NULL);
  GError *error = NULL;
  ActnetAtomicFile *file = actnet_i_atomic_file_open (path, &error);
  assert_non_null (file);
  assert_false (actnet_i_write_graphml (&graph, file, &error));
  assert_non_null (error);
  assert_non_null (strstr (error->message, "'label'"));
  assert_non_null (strstr (error->message, "0x07"));
  g_clear_error (&error);
  assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_autoptr (GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  assert_null (g_dir_read_name (dir));
  igraph_destroy (&graph);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_measure_names),
    cmocka_unit_test_setup_teardown (test_triangle_pendant, setup, teardown),
    cmocka_unit_test_setup_teardown (test_weighted_square, setup, teardown),
    cmocka_unit_test_setup_teardown (test_components_isolated, setup, teardown),
    cmocka_unit_test_setup_teardown (test_no_edges, setup, teardown),
    cmocka_unit_test_setup_teardown (test_empty_graph, setup, teardown),
    cmocka_unit_test_setup_teardown (test_round_trip, setup, teardown),
    cmocka_unit_test_setup_teardown (test_checker_rejects, setup, teardown),
    cmocka_unit_test_setup_teardown (test_deterministic, setup, teardown),
    cmocka_unit_test_setup_teardown (test_from_cooccur, setup, teardown),
    cmocka_unit_test_setup_teardown (test_dirty_strings, setup, teardown),
    cmocka_unit_test_setup_teardown (test_write_errors, setup, teardown),
    cmocka_unit_test_setup_teardown (test_read_garbage, setup, teardown),
    cmocka_unit_test_setup_teardown (test_read_foreign, setup, teardown),
    cmocka_unit_test_setup_teardown (test_rank, setup, teardown),
    cmocka_unit_test (test_format_real_matches_printf),
    cmocka_unit_test_setup_teardown (test_graphml_matches_igraph, setup, teardown),
    cmocka_unit_test_setup_teardown (test_graphml_control_character, setup, teardown),
  };
  return cmocka_run_group_tests_name ("graph", tests, NULL, NULL);
}
