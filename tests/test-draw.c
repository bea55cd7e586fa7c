/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"

#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include <actnet/actnet.h>
#include "igraph-bridge.h"

/* Graphs are written as GraphML by hand and read back (public API only);
 * a community column is optional. */
typedef struct {
  const char *id, *label, *type;
  int community;
} TestNode;

typedef struct {
  guint a, b;
  double weight;
} TestEdge;

static const TestNode small_nodes[] = {
  { "haftar", "Khalifa Haftar", "person", 0 },
  { "lna", "Libyan National Army", "organization", 0 },
  { "tripoli", "Tripoli", "place", 1 },
  { "gna", "Government of National Accord", "organization", 1 },
  { "sarraj", "Fayez al-Sarraj", "person", 1 },
  { "un", "United Nations", "organization", 2 },
  { "bbc", "BBC", "media", 2 },
  { "misc", "Berlin Conference", "event", 3 },
  { "lonely", "Isolated Actor", "person", 4 },
};
static const TestEdge small_edges[] = {
  { 0, 1, 12 }, { 0, 2, 5 }, { 1, 2, 3 }, { 2, 3, 7 }, { 3, 4, 9 },
  { 2, 4, 2 }, { 4, 5, 1 }, { 5, 6, 1 }, { 0, 5, 2 }, { 7, 5, 1 },
};

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

static ActnetGraph *
make_graph (const char *dir, const TestNode *nodes, guint n_nodes, const TestEdge *edges,
            guint n_edges, gboolean with_community)
{
  GString *xml = g_string_new (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "<key id=\"v_actor_id\" for=\"node\" attr.name=\"actor_id\" attr.type=\"string\"/>\n"
    "<key id=\"v_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "<key id=\"v_type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "<key id=\"v_community\" for=\"node\" attr.name=\"community\" attr.type=\"int\"/>\n"
    "<key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "<graph id=\"G\" edgedefault=\"undirected\">\n");
  for (guint i = 0; i < n_nodes; i++)
    {
      g_string_append_printf (xml,
                              "<node id=\"n%u\"><data key=\"v_actor_id\">%s</data>"
                              "<data key=\"v_label\">%s</data><data key=\"v_type\">%s</data>",
                              i, nodes[i].id, nodes[i].label, nodes[i].type);
      if (with_community)
        g_string_append_printf (xml, "<data key=\"v_community\">%d</data>", nodes[i].community);
      g_string_append (xml, "</node>\n");
    }
  for (guint i = 0; i < n_edges; i++)
    g_string_append_printf (xml,
                            "<edge source=\"n%u\" target=\"n%u\"><data key=\"e_weight\">%g</data></edge>\n",
                            edges[i].a, edges[i].b, edges[i].weight);
  g_string_append (xml, "</graph>\n</graphml>\n");
  g_autofree char *path = actnet_test_write_file (dir, "g.graphml", xml->str, -1);
  g_string_free (xml, TRUE);
  GError *error = NULL;
  ActnetGraph *graph = actnet_graph_read_graphml (path, &error);
  assert_null (error);
  assert_non_null (graph);
  assert_true (actnet_graph_compute_centralities (graph, &error));
  assert_null (error);
  return graph;
}

static ActnetGraph *
small_graph (const char *dir, gboolean with_community)
{
  return make_graph (dir, small_nodes, G_N_ELEMENTS (small_nodes), small_edges,
                     G_N_ELEMENTS (small_edges), with_community);
}

static GBytes *
draw_bytes (const ActnetGraph *graph, const char *dir, const char *name,
            const ActnetDrawOptions *options)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GError *error = NULL;
  gboolean ok = actnet_graph_draw (graph, path, options, &error);
  if (error != NULL)
    fail_msg ("%s", error->message);
  assert_true (ok);
  char *contents;
  gsize length;
  assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_unlink (path);
  return g_bytes_new_take (contents, length);
}

static void
test_options_init (void **state)
{
  (void) state;
  ActnetDrawOptions o;
  actnet_draw_options_init (&o);
  assert_int_equal (o.width, 1600);
  assert_int_equal (o.height, 1200);
  assert_string_equal (o.color_by, "type");
  assert_string_equal (o.size_by, "pagerank");
  assert_int_equal (o.labels, 20);
  assert_null (o.title);
  assert_true (actnet_draw_options_validate (&o, NULL));
  assert_true (actnet_draw_options_validate (NULL, NULL));

  GError *error = NULL;
  o.size_by = "fame";
  assert_false (actnet_draw_options_validate (&o, &error));
  assert_true (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT));
  assert_non_null (strstr (error->message, "fame"));
  g_clear_error (&error);
  o.size_by = "degree";
  o.color_by = "party";
  assert_false (actnet_draw_options_validate (&o, &error));
  assert_non_null (strstr (error->message, "party"));
  g_clear_error (&error);
  o.color_by = "community";
  o.width = 10;
  assert_false (actnet_draw_options_validate (&o, &error));
  g_clear_error (&error);
}

/* PNG: the magic bytes; the same graph twice gives the same bytes. */
static void
test_png (void **state)
{
  Fixture *fixture = *state;
  g_autoptr (ActnetGraph) graph = small_graph (fixture->dir, FALSE);
  ActnetDrawOptions o;
  actnet_draw_options_init (&o);
  o.width = 640;
  o.height = 480;
  o.title = "A small network";
  g_autoptr (GBytes) a = draw_bytes (graph, fixture->dir, "a.png", &o);
  g_autoptr (GBytes) b = draw_bytes (graph, fixture->dir, "b.PNG", &o);
  gsize size;
  const guchar *data = g_bytes_get_data (a, &size);
  assert_true (size > 1000);
  assert_memory_equal (data, "\x89PNG\r\n\x1a\n", 8);
  assert_true (g_bytes_equal (a, b));
}

/* SVG: well-formed XML (xmllint when present), deterministic, canvas size
 * as asked, in px. */
static void
test_svg (void **state)
{
  Fixture *fixture = *state;
  g_autoptr (ActnetGraph) graph = small_graph (fixture->dir, FALSE);
  ActnetDrawOptions o;
  actnet_draw_options_init (&o);
  o.size_by = "degree";
  g_autoptr (GBytes) a = draw_bytes (graph, fixture->dir, "a.svg", NULL);
  g_autoptr (GBytes) b = draw_bytes (graph, fixture->dir, "a.svg", NULL);
  assert_true (g_bytes_equal (a, b));
  g_autoptr (GBytes) c = draw_bytes (graph, fixture->dir, "c.svg", &o);
  assert_false (g_bytes_equal (a, c)); /* the size measure shows */

  gsize size;
  const char *text = g_bytes_get_data (a, &size);
  g_autofree char *copy = g_strndup (text, size);
  assert_non_null (strstr (copy, "<svg"));
  assert_non_null (strstr (copy, "width=\"1600px\" height=\"1200px\""));
  assert_non_null (strstr (copy, "</svg>"));
  assert_non_null (strstr (copy, "id=\"surface1\""));

  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  if (xmllint == NULL)
    return;
  g_autofree char *path = actnet_test_write_file (fixture->dir, "lint.svg", copy, size);
  char *argv[] = { xmllint, "--noout", path, NULL };
  int status = -1;
  assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                             &status, NULL));
  assert_true (g_spawn_check_wait_status (status, NULL));
}

/* The layout: finite, inside the canvas, the same twice, nodes apart. */
static void
test_layout (void **state)
{
  Fixture *fixture = *state;
  g_autoptr (ActnetGraph) graph = small_graph (fixture->dir, FALSE);
  guint n = actnet_graph_get_n_nodes (graph);
  ActnetDrawOptions o;
  actnet_draw_options_init (&o);
  o.width = 800;
  o.height = 500;
  o.title = "t";
  g_autofree double *xs = NULL, *ys = NULL, *xs2 = NULL, *ys2 = NULL;
  GError *error = NULL;
  assert_true (actnet_graph_layout (graph, &o, &xs, &ys, &error));
  assert_null (error);
  assert_true (actnet_graph_layout (graph, &o, &xs2, &ys2, &error));
  for (guint v = 0; v < n; v++)
    {
      assert_true (isfinite (xs[v]) && isfinite (ys[v]));
      assert_true (xs[v] > 0 && xs[v] < o.width);
      assert_true (ys[v] > 0 && ys[v] < o.height);
      assert_true (xs[v] == xs2[v] && ys[v] == ys2[v]);
      for (guint w = 0; w < v; w++)
        assert_true (hypot (xs[v] - xs[w], ys[v] - ys[w]) > 1);
    }
  /* The legend column on the right stays free of nodes. */
  for (guint v = 0; v < n; v++)
    assert_true (xs[v] < o.width * 0.85);
}

static void
test_tiny_graphs (void **state)
{
  Fixture *fixture = *state;
  const TestEdge one_edge[] = { { 0, 1, 4 } };
  for (guint n = 0; n <= 3; n++)
    {
      g_autoptr (ActnetGraph) graph
        = make_graph (fixture->dir, small_nodes, n, one_edge, n >= 2 ? 1 : 0, TRUE);
      assert_int_equal (actnet_graph_get_n_nodes (graph), n);
      g_autofree double *xs = NULL, *ys = NULL;
      assert_true (actnet_graph_layout (graph, NULL, &xs, &ys, NULL));
      assert_true (n > 0 || (xs == NULL && ys == NULL));
      for (guint v = 0; v < n; v++)
        assert_true (isfinite (xs[v]) && xs[v] > 0 && xs[v] < 1600 && ys[v] > 0 && ys[v] < 1200);
      ActnetDrawOptions o;
      actnet_draw_options_init (&o);
      o.color_by = "community";
      g_autoptr (GBytes) svg = draw_bytes (graph, fixture->dir, "t.svg", &o);
      g_autoptr (GBytes) png = draw_bytes (graph, fixture->dir, "t.png", NULL);
      assert_true (g_bytes_get_size (svg) > 0 && g_bytes_get_size (png) > 0);
    }
}

static void
test_community (void **state)
{
  Fixture *fixture = *state;
  ActnetDrawOptions o;
  actnet_draw_options_init (&o);
  o.color_by = "community";
  {
    g_autoptr (ActnetGraph) graph = small_graph (fixture->dir, TRUE);
    g_autoptr (GBytes) by_community = draw_bytes (graph, fixture->dir, "c.png", &o);
    g_autoptr (GBytes) by_type = draw_bytes (graph, fixture->dir, "t.png", NULL);
    assert_false (g_bytes_equal (by_community, by_type));
  }
  /* Without the attribute: an error naming it, and no file. Skipped when
   * compute_centralities computes communities itself. */
  g_autoptr (ActnetGraph) graph = small_graph (fixture->dir, FALSE);
  GError *error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "none.png", NULL);
  if (actnet_graph_draw (graph, path, &o, &error))
    {
      g_unlink (path);
      return;
    }
  assert_true (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_NOT_FOUND));
  assert_non_null (strstr (error->message, "community"));
  assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_error_free (error);
}

static void
test_errors (void **state)
{
  Fixture *fixture = *state;
  g_autoptr (ActnetGraph) graph = small_graph (fixture->dir, FALSE);
  GError *error = NULL;

  g_autofree char *jpg = g_build_filename (fixture->dir, "net.jpg", NULL);
  assert_false (actnet_graph_draw (graph, jpg, NULL, &error));
  assert_true (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT));
  assert_non_null (strstr (error->message, jpg));
  assert_false (g_file_test (jpg, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  assert_false (actnet_graph_draw (graph, "-", NULL, &error));
  g_clear_error (&error);

  g_autofree char *missing = g_build_filename (fixture->dir, "no", "such", "net.svg", NULL);
  assert_false (actnet_graph_draw (graph, missing, NULL, &error));
  assert_true (error != NULL && error->domain == G_FILE_ERROR);
  assert_non_null (strstr (error->message, missing));
  g_clear_error (&error);
  assert_int_equal (IGRAPH_FINALLY_STACK_SIZE (), 0);

  /* A failed draw leaves the previous picture alone and no temporary. */
  g_autofree char *kept = actnet_test_write_file (fixture->dir, "kept.png", "old", -1);
  ActnetDrawOptions o;
  actnet_draw_options_init (&o);
  o.size_by = "nonsense";
  assert_false (actnet_graph_draw (graph, kept, &o, &error));
  g_clear_error (&error);
  g_autofree char *contents = NULL;
  assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  assert_string_equal (contents, "old");

  /* Unwritable directory (meaningless as root, who may write anywhere). */
  if (geteuid () != 0)
    {
      g_autofree char *ro = g_build_filename (fixture->dir, "ro", NULL);
      assert_int_equal (g_mkdir (ro, 0555), 0);
      g_autofree char *inside = g_build_filename (ro, "net.png", NULL);
      assert_false (actnet_graph_draw (graph, inside, NULL, &error));
      assert_true (error != NULL && error->domain == G_FILE_ERROR);
      g_clear_error (&error);
      g_chmod (ro, 0755);
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_options_init),
    cmocka_unit_test_setup_teardown (test_png, setup, teardown),
    cmocka_unit_test_setup_teardown (test_svg, setup, teardown),
    cmocka_unit_test_setup_teardown (test_layout, setup, teardown),
    cmocka_unit_test_setup_teardown (test_tiny_graphs, setup, teardown),
    cmocka_unit_test_setup_teardown (test_community, setup, teardown),
    cmocka_unit_test_setup_teardown (test_errors, setup, teardown),
  };
  return cmocka_run_group_tests_name ("draw", tests, NULL, NULL);
}
