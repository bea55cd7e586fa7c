/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"

#include <math.h>
#include <string.h>

#include <actnet/actnet.h>

/* Small graphs are written as GraphML and read back, through the public
 * API only. Node i has id "v<i>", label "V<i>" and the type given. */
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

static ActnetGraph *
make_graph (void **state, const char *const *types, guint n, const TestEdge *edges, guint m)
{
  Fixture *fixture = *state;
  GString *xml = actnet_test_graphml_begin (TRUE);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (xml,
                            "<node id=\"n%u\"><data key=\"v_actor_id\">v%u</data>"
                            "<data key=\"v_label\">V%u</data><data key=\"v_type\">%s</data></node>\n",
                            i, i, i, types != NULL ? types[i] : "person");
  for (guint i = 0; i < m; i++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_string_append_printf (xml,
                              "<edge source=\"n%u\" target=\"n%u\"><data key=\"e_weight\">%s</data></edge>\n",
                              edges[i].a, edges[i].b, g_ascii_dtostr (buf, sizeof buf, edges[i].weight));
    }
  g_string_append (xml, "</graph>\n</graphml>\n");
  char *path = actnet_test_write_file (fixture->dir, "fixture.graphml", xml->str, -1);
  g_string_free (xml, TRUE);
  GError *error = NULL;
  ActnetGraph *graph = actnet_graph_read_graphml (path, &error);
  g_free (path);
  assert_null (error);
  assert_int_equal (actnet_graph_get_n_nodes (graph), n);
  assert_int_equal (actnet_graph_get_n_edges (graph), m);
  return graph;
}

static ActnetGraph *
make_computed (void **state, const char *const *types, guint n, const TestEdge *edges, guint m)
{
  ActnetGraph *graph = make_graph (state, types, n, edges, m);
  GError *error = NULL;
  assert_true (actnet_graph_compute_centralities (graph, &error));
  assert_null (error);
  return graph;
}

static void
assert_measure (const ActnetGraph *graph, const char *measure, const double *expected)
{
  for (guint v = 0; v < actnet_graph_get_n_nodes (graph); v++)
    assert_close (actnet_graph_get_node_value (graph, v, measure), expected[v], 1e-12);
}

static void
test_measure_names (void **state)
{
  const char *const *names = actnet_measure_names ();
  assert_true (g_strv_contains (names, "harmonic"));
  assert_true (g_strv_contains (names, "coreness"));
  assert_false (g_strv_contains (names, "community"));
}

/* Path v0 -(2)- v1 -(1)- v2 and an isolated v3: distances 1/2 and 1.
 * Harmonic = sum of 1/d over the others, divided by n - 1 = 3:
 * v0 (2 + 1/1.5) / 3 = 8/9, v1 (2 + 1) / 3 = 1, v2 (1 + 1/1.5) / 3 = 5/9. */
static void
test_harmonic (void **state)
{
  const TestEdge edges[] = { { 0, 1, 2 }, { 1, 2, 1 } };
  ActnetGraph *graph = make_computed (state, NULL, 4, edges, 2);
  const double expected[] = { 8.0 / 9, 1, 5.0 / 9, 0 };
  assert_measure (graph, "harmonic", expected);
  actnet_graph_free (graph);

  /* Unit weights: v0 (1 + 1/2) / 3 = 1/2, v1 2/3. */
  const TestEdge unit[] = { { 0, 1, 1 }, { 1, 2, 1 } };
  graph = make_computed (state, NULL, 4, unit, 2);
  const double expected_unit[] = { 0.5, 2.0 / 3, 0.5, 0 };
  assert_measure (graph, "harmonic", expected_unit);
  actnet_graph_free (graph);
}

/* K4 on v0..v3; triangle v3-v4-v5; v6 isolated; v7 a leaf on v0. Heavy
 * weights change nothing: coreness counts edges. */
static void
test_coreness (void **state)
{
  const TestEdge edges[] = {
    { 0, 1, 1 }, { 0, 2, 1 }, { 0, 3, 9 }, { 1, 2, 1 }, { 1, 3, 1 }, { 2, 3, 1 },
    { 3, 4, 1 }, { 4, 5, 5 }, { 3, 5, 1 }, { 0, 7, 8 },
  };
  ActnetGraph *graph = make_computed (state, NULL, 8, edges, G_N_ELEMENTS (edges));
  const double expected[] = { 3, 3, 3, 3, 2, 2, 0, 1 };
  assert_measure (graph, "coreness", expected);
  actnet_graph_free (graph);
}

/* Two K4 on interleaved nodes, A = {1,3,5,7} and B = {0,2,4,6}, joined by
 * 7-6. m = 13; each clique: 6 inner edges, degree sum 13, so
 * Q = 2 (6/13 - gamma (13/26)^2) = 12/13 - gamma/2. */
static const TestEdge two_k4[] = {
  { 1, 3, 1 }, { 1, 5, 1 }, { 1, 7, 1 }, { 3, 5, 1 }, { 3, 7, 1 }, { 5, 7, 1 },
  { 0, 2, 1 }, { 0, 4, 1 }, { 0, 6, 1 }, { 2, 4, 1 }, { 2, 6, 1 }, { 4, 6, 1 },
  { 7, 6, 1 },
};

static void
assert_two_k4 (const ActnetGraph *graph)
{
  /* Same size: the community holding node 0 comes first. */
  for (guint v = 0; v < 8; v++)
    assert_int_equal (actnet_graph_get_node_community (graph, v), v % 2 == 0 ? 0 : 1);
}

static void
test_two_cliques (void **state)
{
  ActnetGraph *graph = make_graph (state, NULL, 8, two_k4, G_N_ELEMENTS (two_k4));
  const ActnetCommunityMethod methods[] = { ACTNET_COMMUNITY_LEIDEN, ACTNET_COMMUNITY_LOUVAIN };
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      ActnetCommunityOptions options;
      actnet_community_options_init (&options);
      options.method = methods[i];
      guint k = 0;
      double q = 0;
      GError *error = NULL;
      assert_true (actnet_graph_compute_communities (graph, &options, &k, &q, &error));
      assert_null (error);
      assert_int_equal (k, 2);
      assert_close (q, 12.0 / 13 - 0.5, 1e-12);
      assert_two_k4 (graph);
      /* Recomputed from the attribute, at another resolution too. */
      assert_true (actnet_graph_get_modularity (graph, 1, &q, &k, &error));
      assert_close (q, 12.0 / 13 - 0.5, 1e-12);
      assert_int_equal (k, 2);
      assert_true (actnet_graph_get_modularity (graph, 0.5, &q, NULL, &error));
      assert_close (q, 12.0 / 13 - 0.25, 1e-12);
    }
  actnet_graph_free (graph);

  /* compute_centralities computes the default partition. */
  graph = make_computed (state, NULL, 8, two_k4, G_N_ELEMENTS (two_k4));
  assert_two_k4 (graph);
  actnet_graph_free (graph);
}

/* K3 {v0,v1,v2} and K5 {v3..v7} joined by v2-v3: the larger is community
 * 0. m = 14, degree sums 7 and 21:
 * Q = 3/14 - (7/28)^2 + 10/14 - (21/28)^2 = 17/56. */
static void
test_numbering_by_size (void **state)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (TestEdge));
  for (guint a = 0; a < 3; a++)
    for (guint b = a + 1; b < 3; b++)
      g_array_append_val (list, ((TestEdge) { a, b, 1 }));
  for (guint a = 3; a < 8; a++)
    for (guint b = a + 1; b < 8; b++)
      g_array_append_val (list, ((TestEdge) { a, b, 1 }));
  g_array_append_val (list, ((TestEdge) { 2, 3, 1 }));
  ActnetGraph *graph = make_computed (state, NULL, 8, (const TestEdge *) list->data, list->len);
  for (guint v = 0; v < 8; v++)
    assert_int_equal (actnet_graph_get_node_community (graph, v), v < 3 ? 1 : 0);
  double q = 0;
  guint k = 0;
  GError *error = NULL;
  assert_true (actnet_graph_get_modularity (graph, 1, &q, &k, &error));
  assert_close (q, 17.0 / 56, 1e-12);
  assert_int_equal (k, 2);

  /* Ranking within a community. */
  GArray *ranked = actnet_graph_rank_in_community (graph, "degree", NULL, 1, 0, &error);
  assert_non_null (ranked);
  assert_int_equal (ranked->len, 3);
  assert_int_equal (g_array_index (ranked, guint, 0), 2);  /* degree 3 */
  g_array_unref (ranked);
  ranked = actnet_graph_rank_in_community (graph, "degree", NULL, 0, 2, &error);
  assert_int_equal (ranked->len, 2);
  assert_int_equal (g_array_index (ranked, guint, 0), 3);  /* degree 5 */
  g_array_unref (ranked);
  ranked = actnet_graph_rank_in_community (graph, "degree", NULL, 7, 0, &error);
  assert_int_equal (ranked->len, 0);
  g_array_unref (ranked);

  actnet_graph_free (graph);
  g_array_unref (list);
}

static void
test_bad_options (void **state)
{
  ActnetGraph *graph = make_graph (state, NULL, 8, two_k4, G_N_ELEMENTS (two_k4));
  GError *error = NULL;
  double q;
  /* No community attribute yet. */
  assert_false (actnet_graph_get_modularity (graph, 1, &q, NULL, &error));
  assert_true (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT));
  g_clear_error (&error);
  ActnetCommunityOptions options;
  actnet_community_options_init (&options);
  options.resolution = 0;
  assert_false (actnet_graph_compute_communities (graph, &options, NULL, NULL, &error));
  assert_true (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT));
  g_clear_error (&error);
  ActnetCommunityMethod method;
  assert_true (actnet_community_method_from_string ("Louvain", &method));
  assert_int_equal (method, ACTNET_COMMUNITY_LOUVAIN);
  assert_false (actnet_community_method_from_string ("walktrap", &method));
  actnet_graph_free (graph);
}

/* Triangle v0 v1 v2, leaf v3 on v2, isolated v4; types P P O L P. */
static void
test_stats (void **state)
{
  const char *const types[] = { "person", "person", "organization", "place", "person" };
  const TestEdge edges[] = { { 0, 1, 1 }, { 0, 2, 1 }, { 1, 2, 1 }, { 2, 3, 2 } };
  ActnetGraph *graph = make_computed (state, types, 5, edges, 4);
  ActnetGraphStats st;
  GError *error = NULL;
  assert_true (actnet_graph_compute_stats (graph, 1, &st, &error));
  assert_null (error);
  assert_int_equal (st.n_nodes, 5);
  assert_int_equal (st.n_edges, 4);
  assert_close (st.density, 8.0 / 20, 1e-12);
  assert_int_equal (st.n_components, 2);
  assert_int_equal (st.largest_component, 4);
  assert_close (st.largest_component_share, 0.8, 1e-12);
  /* Local: 1, 1, 1/3, 0 (degree 1), 0 (isolated). */
  assert_close (st.average_clustering, (2 + 1.0 / 3) / 5, 1e-12);
  /* 3 x 1 triangle / 5 connected triples. */
  assert_close (st.transitivity, 0.6, 1e-12);
  /* e_PP = 2/8, a = (4/8, 3/8, 1/8): r = (1/4 - 26/64) / (1 - 26/64) = -5/19. */
  assert_close (st.type_assortativity, -5.0 / 19, 1e-12);
  assert_close (st.mean_degree, 8.0 / 5, 1e-12);
  assert_close (st.mean_strength, 10.0 / 5, 1e-12);
  assert_true (isfinite (st.modularity));
  assert_true (st.n_communities >= 2);
  actnet_graph_free (graph);

  /* One type: assortativity undefined. */
  graph = make_computed (state, NULL, 5, edges, 4);
  assert_true (actnet_graph_compute_stats (graph, 1, &st, &error));
  assert_true (isnan (st.type_assortativity));
  actnet_graph_free (graph);

  /* No edges: density 0, every node alone, modularity undefined. Stats
   * computes the communities itself when the graph has none. */
  graph = make_graph (state, types, 3, NULL, 0);
  assert_true (actnet_graph_compute_stats (graph, 1, &st, &error));
  assert_close (st.density, 0, 0);
  assert_int_equal (st.n_components, 3);
  assert_close (st.average_clustering, 0, 0);
  assert_close (st.transitivity, 0, 0);
  assert_true (isnan (st.type_assortativity));
  assert_true (isnan (st.modularity));
  assert_int_equal (st.n_communities, 3);
  assert_close (st.mean_degree, 0, 0);
  actnet_graph_free (graph);

  /* A single node and an empty graph. */
  graph = make_graph (state, types, 1, NULL, 0);
  assert_true (actnet_graph_compute_stats (graph, 1, &st, &error));
  assert_close (st.density, 0, 0);
  assert_close (st.largest_component_share, 1, 0);
  actnet_graph_free (graph);
  graph = make_graph (state, types, 0, NULL, 0);
  assert_true (actnet_graph_compute_stats (graph, 1, &st, &error));
  assert_int_equal (st.n_components, 0);
  assert_close (st.largest_component_share, 0, 0);
  actnet_graph_free (graph);
}

/* A pseudo-random graph (fixed LCG): every measure and the partition are
 * the same twice, with both methods. */
static void
test_determinism (void **state)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (TestEdge));
  guint32 x = 12345;
  for (guint a = 0; a < 40; a++)
    for (guint b = a + 1; b < 40; b++)
      {
        x = x * 1103515245u + 12345u;
        if ((x >> 16) % 100 < 9)
          g_array_append_val (list, ((TestEdge) { a, b, 1 + (x >> 8) % 5 }));
      }
  const ActnetCommunityMethod methods[] = { ACTNET_COMMUNITY_LEIDEN, ACTNET_COMMUNITY_LOUVAIN };
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      ActnetGraph *g1 = make_computed (state, NULL, 40, (const TestEdge *) list->data, list->len);
      ActnetGraph *g2 = make_computed (state, NULL, 40, (const TestEdge *) list->data, list->len);
      ActnetCommunityOptions options;
      actnet_community_options_init (&options);
      options.method = methods[i];
      options.resolution = 1.2;
      double q1, q2;
      guint k1, k2;
      GError *error = NULL;
      assert_true (actnet_graph_compute_communities (g1, &options, &k1, &q1, &error));
      assert_true (actnet_graph_compute_communities (g2, &options, &k2, &q2, &error));
      assert_int_equal (k1, k2);
      assert_true (q1 == q2);
      assert_true (k1 > 1);
      const char *const *names = actnet_measure_names ();
      for (guint v = 0; v < 40; v++)
        {
          assert_int_equal (actnet_graph_get_node_community (g1, v),
                            actnet_graph_get_node_community (g2, v));
          for (guint k = 0; names[k] != NULL; k++)
            assert_true (actnet_graph_get_node_value (g1, v, names[k])
                         == actnet_graph_get_node_value (g2, v, names[k]));
        }
      actnet_graph_free (g1);
      actnet_graph_free (g2);
    }
  g_array_unref (list);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_measure_names),
    cmocka_unit_test_setup_teardown (test_harmonic, setup, teardown),
    cmocka_unit_test_setup_teardown (test_coreness, setup, teardown),
    cmocka_unit_test_setup_teardown (test_two_cliques, setup, teardown),
    cmocka_unit_test_setup_teardown (test_numbering_by_size, setup, teardown),
    cmocka_unit_test_setup_teardown (test_bad_options, setup, teardown),
    cmocka_unit_test_setup_teardown (test_stats, setup, teardown),
    cmocka_unit_test_setup_teardown (test_determinism, setup, teardown),
  };
  return cmocka_run_group_tests_name ("analysis", tests, NULL, NULL);
}
