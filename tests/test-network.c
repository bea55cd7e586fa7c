/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"
#include <math.h>
#include <string.h>
#include <actnet/actnet.h>

/* A gazetteer of actors "id:type" (label = id). */
static ActnetGazetteer *
make_gazetteer (const char *const *specs)
{
  ActnetGazetteer *gazetteer = actnet_gazetteer_new ();
  for (guint i = 0; specs[i] != NULL; i++)
    {
      GError *error = NULL;
      g_auto (GStrv) parts = g_strsplit (specs[i], ":", 2);
      guint actor = actnet_gazetteer_add_actor (gazetteer, parts[0], parts[1], parts[0], &error);
      g_assert_no_error (error);
      assert_int_equal (actor, i);
    }
  return gazetteer;
}

/* One document in document scope holding @actors (G_MAXUINT-terminated). */
static void
add_document (ActnetCooccur *cooccur, const guint *actors)
{
  g_autoptr (GArray) mentions = g_array_new (FALSE, TRUE, sizeof (ActnetMention));
  for (guint i = 0; actors[i] != G_MAXUINT; i++)
    {
      ActnetMention mention = { .start = 10 * i, .end = 10 * i + 5, .word = 2 * i,
                                .actor = actors[i], .alias = actors[i] };
      g_array_append_val (mentions, mention);
    }
  actnet_cooccur_add_document (cooccur, mentions, NULL);
}

/* Document-scope counts where pair (x, y) co-occurs in w documents, from
 * (x, y, w) triples. */
static ActnetCooccur *
counts_from_edges (guint n_actors, const guint (*edges)[3], guint n_edges)
{
  ActnetWindow window = { ACTNET_WINDOW_DOCUMENT, 0 };
  ActnetCooccur *cooccur = actnet_cooccur_new (n_actors, window);
  for (guint e = 0; e < n_edges; e++)
    for (guint k = 0; k < edges[e][2]; k++)
      add_document (cooccur, (const guint[]) { edges[e][0], edges[e][1], G_MAXUINT });
  return cooccur;
}

static ActnetGraph *
build (ActnetCooccur *cooccur, const ActnetGazetteer *gazetteer, const ActnetNetworkOptions *options)
{
  GError *error = NULL;
  ActnetGraph *graph = actnet_graph_new_from_scopes (&cooccur, 1, gazetteer, options, &error);
  g_assert_no_error (error);
  assert_non_null (graph);
  return graph;
}

/* The edges of @graph as "id-id" joined by spaces, in edge order. */
static char *
edge_list (const ActnetGraph *graph)
{
  GString *out = g_string_new (NULL);
  for (guint e = 0; e < actnet_graph_get_n_edges (graph); e++)
    {
      guint from, to;
      actnet_graph_get_edge (graph, e, &from, &to);
      g_string_append_printf (out, "%s%s-%s", e > 0 ? " " : "",
                              actnet_graph_get_node_id (graph, from),
                              actnet_graph_get_node_id (graph, to));
    }
  return g_string_free (out, FALSE);
}

static char *
node_list (const ActnetGraph *graph)
{
  GString *out = g_string_new (NULL);
  for (guint v = 0; v < actnet_graph_get_n_nodes (graph); v++)
    g_string_append_printf (out, "%s%s", v > 0 ? " " : "", actnet_graph_get_node_id (graph, v));
  return g_string_free (out, FALSE);
}

#define assert_edges(graph, expected)                                         \
  G_STMT_START {                                                              \
    g_autofree char *edges_ = edge_list (graph);                              \
    assert_string_equal (edges_, (expected));                                 \
  } G_STMT_END
#define assert_nodes(graph, expected)                                         \
  G_STMT_START {                                                              \
    g_autofree char *nodes_ = node_list (graph);                              \
    assert_string_equal (nodes_, (expected));                                 \
  } G_STMT_END

static void
test_weight_formulas (void **state)
{
  double v[ACTNET_N_WEIGHTS];
  /* c_ab 2, 1 document, c_a 4, c_b 5, N 20. */
  actnet_weights_compute (2, 1, 4, 5, 20, v);
  assert_close (v[ACTNET_WEIGHT_COUNT], 2, 0);
  assert_close (v[ACTNET_WEIGHT_DOCUMENTS], 1, 0);
  assert_close (v[ACTNET_WEIGHT_JACCARD], 2.0 / 7, 1e-15);
  assert_close (v[ACTNET_WEIGHT_DICE], 4.0 / 9, 1e-15);
  assert_close (v[ACTNET_WEIGHT_COSINE], 2 / sqrt (20), 1e-15);
  assert_close (v[ACTNET_WEIGHT_ASSOCIATION], 2, 1e-15);
  assert_close (v[ACTNET_WEIGHT_PMI], log (2), 1e-15);
  assert_close (v[ACTNET_WEIGHT_NPMI], log (2) / log (10), 1e-15);
  /* Less often than chance: 1 * 10 / (4 * 5) = 1/2. */
  actnet_weights_compute (1, 1, 4, 5, 10, v);
  assert_close (v[ACTNET_WEIGHT_ASSOCIATION], 0.5, 1e-15);
  assert_close (v[ACTNET_WEIGHT_PMI], -log (2), 1e-15);
  assert_close (v[ACTNET_WEIGHT_NPMI], -log (2) / log (10), 1e-15);
  /* In every unit: PMI 0, NPMI 1 (not 0/0). */
  actnet_weights_compute (3, 3, 3, 3, 3, v);
  assert_close (v[ACTNET_WEIGHT_PMI], 0, 0);
  assert_close (v[ACTNET_WEIGHT_NPMI], 1, 0);
  assert_close (v[ACTNET_WEIGHT_JACCARD], 1, 0);
  for (guint w = 0; w < ACTNET_N_WEIGHTS; w++)
    assert_true (isfinite (v[w]));

  ActnetWeight weight;
  GError *error = NULL;
  for (guint w = 0; w < ACTNET_N_WEIGHTS; w++)
    {
      assert_true (actnet_weight_parse (actnet_weight_name ((ActnetWeight) w), &weight, &error));
      assert_int_equal (weight, w);
    }
  assert_false (actnet_weight_parse ("PMI", &weight, &error));
  assert_true (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT));
  g_clear_error (&error);
  ActnetBackbone backbone;
  assert_true (actnet_backbone_parse ("disparity", &backbone, NULL));
  assert_int_equal (backbone, ACTNET_BACKBONE_DISPARITY);
  assert_false (actnet_backbone_parse ("mst", &backbone, NULL));
}

/* Documents {a,b} {a,b} {a,c} {b,d} {b} {}: N 6, c_a 3, c_b 4, c_c 1, c_d 1.
 *   a-b: 2;  jaccard 2/5, dice 4/7, cosine 2/sqrt 12, association 1, PMI 0
 *   a-c: 1;  jaccard 1/3, dice 1/2, cosine 1/sqrt 3, association 2, PMI ln 2
 *   b-d: 1;  jaccard 1/4, dice 2/5, cosine 1/2, association 3/2, PMI ln 1.5 */
static const char *const abcd[] = { "a:person", "b:organization", "c:place", "d:person", NULL };

static ActnetCooccur *
abcd_counts (void)
{
  ActnetWindow window = { ACTNET_WINDOW_DOCUMENT, 0 };
  ActnetCooccur *c = actnet_cooccur_new (4, window);
  add_document (c, (const guint[]) { 0, 1, G_MAXUINT });
  add_document (c, (const guint[]) { 1, 0, 1, G_MAXUINT });
  add_document (c, (const guint[]) { 0, 2, G_MAXUINT });
  add_document (c, (const guint[]) { 1, 3, G_MAXUINT });
  add_document (c, (const guint[]) { 1, G_MAXUINT });
  add_document (c, (const guint[]) { G_MAXUINT });
  return c;
}

static void
test_weights_in_graph (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = make_gazetteer (abcd);
  g_autoptr (ActnetCooccur) c = abcd_counts ();
  assert_int_equal (actnet_cooccur_get_n_units (c), 6);

  /* Default: weight = count, every variant beside it, units = c_a. */
  g_autoptr (ActnetGraph) graph = build (c, gazetteer, NULL);
  assert_edges (graph, "a-b a-c b-d");
  const double units[] = { 3, 4, 1, 1 };
  for (guint v = 0; v < 4; v++)
    assert_close (actnet_graph_get_node_value (graph, v, "units"), units[v], 0);
  const struct { const char *name; double values[3]; } expected[] = {
    { "weight", { 2, 1, 1 } },
    { "count", { 2, 1, 1 } },
    { "documents", { 2, 1, 1 } },
    { "w_document", { 2, 1, 1 } },
    { "jaccard", { 2.0 / 5, 1.0 / 3, 1.0 / 4 } },
    { "dice", { 4.0 / 7, 1.0 / 2, 2.0 / 5 } },
    { "cosine", { 2 / sqrt (12), 1 / sqrt (3), 1.0 / 2 } },
    { "association", { 1, 2, 1.5 } },
    { "pmi", { 0, log (2), log (1.5) } },
    { "npmi", { 0, log (2) / log (6), log (1.5) / log (6) } },
  };
  for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
    for (guint e = 0; e < 3; e++)
      assert_close (actnet_graph_get_edge_value (graph, e, expected[k].name), expected[k].values[e], 1e-12);

  /* --weight jaccard changes weight only. */
  ActnetNetworkOptions options;
  actnet_network_options_init (&options);
  options.weight = ACTNET_WEIGHT_JACCARD;
  g_autoptr (ActnetGraph) jaccard = build (c, gazetteer, &options);
  assert_edges (jaccard, "a-b a-c b-d");
  assert_close (actnet_graph_get_edge_value (jaccard, 0, "weight"), 0.4, 1e-15);
  assert_close (actnet_graph_get_edge_value (jaccard, 0, "count"), 2, 0);

  /* --weight pmi: a-b (PMI 0, as often as chance) is dropped; a and b keep
   * other edges, so every node stays. NPMI drops the same edges. */
  options.weight = ACTNET_WEIGHT_PMI;
  g_autoptr (ActnetGraph) pmi = build (c, gazetteer, &options);
  assert_edges (pmi, "a-c b-d");
  assert_nodes (pmi, "a b c d");
  assert_close (actnet_graph_get_edge_value (pmi, 0, "weight"), log (2), 1e-15);
  assert_close (actnet_graph_get_edge_value (pmi, 1, "count"), 1, 0);
  assert_true (actnet_graph_compute_centralities (pmi, NULL));
  options.weight = ACTNET_WEIGHT_NPMI;
  g_autoptr (ActnetGraph) npmi = build (c, gazetteer, &options);
  assert_edges (npmi, "a-c b-d");
  options.weight = ACTNET_WEIGHT_ASSOCIATION;
  g_autoptr (ActnetGraph) association = build (c, gazetteer, &options);
  assert_edges (association, "a-b a-c b-d");
  assert_close (actnet_graph_get_edge_value (association, 2, "weight"), 1.5, 1e-15);
}

static void
test_filters (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = make_gazetteer (abcd);
  g_autoptr (ActnetCooccur) c = abcd_counts ();
  ActnetNetworkOptions options;

  /* min-weight on the chosen weight: b-d (jaccard 1/4) goes, d with it. */
  actnet_network_options_init (&options);
  options.weight = ACTNET_WEIGHT_JACCARD;
  options.min_weight = 0.3;
  g_autoptr (ActnetGraph) g1 = build (c, gazetteer, &options);
  assert_edges (g1, "a-b a-c");
  assert_nodes (g1, "a b c");
  options.keep_isolates = TRUE;
  g_autoptr (ActnetGraph) g2 = build (c, gazetteer, &options);
  assert_edges (g2, "a-b a-c");
  assert_nodes (g2, "a b c d");

  /* min-documents. */
  actnet_network_options_init (&options);
  options.min_documents = 2;
  g_autoptr (ActnetGraph) g3 = build (c, gazetteer, &options);
  assert_edges (g3, "a-b");
  assert_nodes (g3, "a b");

  /* types, with synonyms: c (a place) and a-c go. */
  actnet_network_options_init (&options);
  const char *types[] = { "PER", "ORG", NULL };
  options.types = types;
  g_autoptr (ActnetGraph) g4 = build (c, gazetteer, &options);
  assert_edges (g4, "a-b b-d");
  assert_nodes (g4, "a b d");
  /* Marginals are those of the whole count (types filters, not projects). */
  assert_close (actnet_graph_get_node_value (g4, 1, "units"), 4, 0);
}

/* Star with a triangle, plus a lone pair (counts):
 *   h-a 6, h-b 1, a-b 2, h-l 1, h-m 1, x-y 5.
 * h: k 4, s 9;  a: k 2, s 8;  b: k 2, s 3;  l, m, x, y: k 1.
 *   h-a: for h (1 - 6/9)^3 = 1/27 = 0.037; for a (1 - 6/8) = 0.25
 *   a-b: for a (1 - 2/8) = 0.75;          for b (1 - 2/3) = 0.333
 *   h-b: for h (8/9)^3 = 0.702;           for b (1 - 1/3) = 0.667
 *   h-l, h-m: for h 0.702; the leaves give no evidence; x-y: none. */
static const char *const star[] = { "h:person", "a:person", "b:person", "l:place", "m:place",
                                    "x:person", "y:person", NULL };
static const guint star_edges[][3] = {
  { 0, 1, 6 }, { 0, 2, 1 }, { 1, 2, 2 }, { 0, 3, 1 }, { 0, 4, 1 }, { 5, 6, 5 },
};

static void
test_disparity_backbone (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = make_gazetteer (star);
  g_autoptr (ActnetCooccur) c = counts_from_edges (7, star_edges, G_N_ELEMENTS (star_edges));
  ActnetNetworkOptions options;
  actnet_network_options_init (&options);
  options.backbone = ACTNET_BACKBONE_DISPARITY;

  options.alpha = 0.05;
  g_autoptr (ActnetGraph) g1 = build (c, gazetteer, &options);
  assert_edges (g1, "h-a");
  assert_nodes (g1, "h a");
  options.keep_isolates = TRUE;
  g_autoptr (ActnetGraph) g2 = build (c, gazetteer, &options);
  assert_edges (g2, "h-a");
  assert_nodes (g2, "h a b l m x y");
  options.keep_isolates = FALSE;

  options.alpha = 0.3;
  g_autoptr (ActnetGraph) g3 = build (c, gazetteer, &options);
  assert_edges (g3, "h-a");
  options.alpha = 0.4;
  g_autoptr (ActnetGraph) g4 = build (c, gazetteer, &options);
  assert_edges (g4, "h-a a-b");
  /* alpha 1: every edge with an endpoint of degree > 1 passes; the lone
   * pair x-y never does (degree-1 convention). */
  options.alpha = 1;
  g_autoptr (ActnetGraph) g5 = build (c, gazetteer, &options);
  assert_edges (g5, "h-a h-b h-l h-m a-b");

  /* Order: min-weight runs before the backbone. With min-weight 2 only
   * h-a, a-b, x-y are left; a then has s 8, a-b scores 0.75 and b has
   * degree 1, so at alpha 0.4 a-b goes (backbone first would keep it). */
  options.alpha = 0.4;
  options.min_weight = 2;
  g_autoptr (ActnetGraph) g6 = build (c, gazetteer, &options);
  assert_edges (g6, "h-a");
}

/* c-x 1, c-y 1, c-w 1, x-y 3, gazetteer order c x y w. Top 1 per node: x
 * and y choose x-y, w its only edge; c's three edges tie at 1 and the
 * other end's id decides, "w" < "x" < "y" (not the node order). */
static void
test_top_edges_per_node (void **state)
{
  static const char *const specs[] = { "c:person", "x:person", "y:person", "w:person", NULL };
  static const guint edges[][3] = { { 0, 1, 1 }, { 0, 2, 1 }, { 0, 3, 1 }, { 1, 2, 3 } };
  g_autoptr (ActnetGazetteer) gazetteer = make_gazetteer (specs);
  g_autoptr (ActnetCooccur) c = counts_from_edges (4, edges, G_N_ELEMENTS (edges));
  ActnetNetworkOptions options;
  actnet_network_options_init (&options);
  options.top_edges_per_node = 1;
  g_autoptr (ActnetGraph) g1 = build (c, gazetteer, &options);
  assert_edges (g1, "c-w x-y");
  options.top_edges_per_node = 2;
  g_autoptr (ActnetGraph) g2 = build (c, gazetteer, &options);
  assert_edges (g2, "c-x c-y c-w x-y");

  /* On the star after the backbone (alpha 1): h keeps h-a, a keeps h-a,
   * b keeps a-b, l and m their only edge. */
  g_autoptr (ActnetGazetteer) star_gazetteer = make_gazetteer (star);
  g_autoptr (ActnetCooccur) s = counts_from_edges (7, star_edges, G_N_ELEMENTS (star_edges));
  options.top_edges_per_node = 1;
  options.backbone = ACTNET_BACKBONE_DISPARITY;
  options.alpha = 1;
  g_autoptr (ActnetGraph) g3 = build (s, star_gazetteer, &options);
  assert_edges (g3, "h-a h-l h-m a-b");
}

static ActnetMatcher *
make_matcher (ActnetGazetteer **out)
{
  GError *error = NULL;
  ActnetGazetteer *gazetteer = actnet_gazetteer_new ();
  const char *tsv = "haftar\tperson\tHaftar\n"
                    "libya\tplace\tLibya\n"
                    "sarraj\tperson\tSarraj\n"
                    "nato\torganization\tNATO\n";
  assert_true (actnet_gazetteer_load_data (gazetteer, tsv, -1, "inline.tsv", &error));
  ActnetMatcher *matcher = actnet_matcher_new (gazetteer, &error);
  g_assert_no_error (error);
  *out = gazetteer;
  return matcher;
}

static void
assert_same_counts (const ActnetCooccur *x, const ActnetCooccur *y)
{
  assert_int_equal (actnet_cooccur_get_n_units (x), actnet_cooccur_get_n_units (y));
  assert_int_equal (actnet_cooccur_get_n_mentions (x), actnet_cooccur_get_n_mentions (y));
  for (guint a = 0; a < actnet_cooccur_get_n_actors (x); a++)
    assert_int_equal (actnet_cooccur_get_actor_units (x, a), actnet_cooccur_get_actor_units (y, a));
  g_autoptr (GArray) p = actnet_cooccur_get_pairs (x);
  g_autoptr (GArray) q = actnet_cooccur_get_pairs (y);
  assert_int_equal (p->len, q->len);
  assert_memory_equal (p->data, q->data, p->len * sizeof (ActnetPair));
}

static void
test_scopes_one_pass (void **state)
{
  ActnetGazetteer *gazetteer = NULL;
  g_autoptr (ActnetMatcher) matcher = make_matcher (&gazetteer);
  g_autofree char *dir = actnet_test_mkdtemp ();
  g_autofree char *a = actnet_test_write_file (dir, "a.txt",
    "Haftar met Sarraj in Libya. NATO said nothing.\n\nNATO and Libya met. Quiet.\n\n"
    "Sarraj left Libya for a long visit to NATO.", -1);
  g_autofree char *b = actnet_test_write_file (dir, "b.txt", "Haftar. Sarraj.\n\nNothing here.", -1);
  const char *inputs[] = { dir, NULL };
  GError *error = NULL;
  g_autoptr (GArray) windows = actnet_window_list_parse ("sentence,paragraph,document,4", &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) scopes = actnet_pipeline_count_scopes (matcher, inputs,
                                                               (const ActnetWindow *) (void *) windows->data,
                                                               windows->len, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_int_equal (scopes->len, 4);
  for (guint w = 0; w < windows->len; w++)
    {
      g_autoptr (ActnetCooccur) alone = actnet_pipeline_count (matcher, inputs,
                                                               g_array_index (windows, ActnetWindow, w),
                                                               &error);
      g_assert_no_error (error);
      assert_same_counts (g_ptr_array_index (scopes, w), alone);
    }
  /* 2 + 2 + 1 sentences in a, 2 + 1 in b (those without a mention too);
   * 3 + 2 paragraphs; 2 documents. */
  assert_int_equal (actnet_cooccur_get_n_units (g_ptr_array_index (scopes, 0)), 8);
  assert_int_equal (actnet_cooccur_get_n_units (g_ptr_array_index (scopes, 1)), 5);
  assert_int_equal (actnet_cooccur_get_n_units (g_ptr_array_index (scopes, 2)), 2);

  /* The graph: edges of the first scope, one w_ attribute per scope.
   * haftar-sarraj: sentence 1, paragraph 2, document 2. */
  g_autoptr (ActnetGraph) graph = actnet_graph_new_from_scopes ((ActnetCooccur *const *) scopes->pdata,
                                                                scopes->len, gazetteer, NULL, &error);
  g_assert_no_error (error);
  assert_edges (graph, "haftar-libya haftar-sarraj libya-sarraj libya-nato sarraj-nato");
  assert_close (actnet_graph_get_edge_value (graph, 1, "w_sentence"), 1, 0);
  assert_close (actnet_graph_get_edge_value (graph, 1, "w_paragraph"), 2, 0);
  assert_close (actnet_graph_get_edge_value (graph, 1, "w_document"), 2, 0);
  assert_close (actnet_graph_get_edge_value (graph, 1, "weight"), 1, 0);
  /* sarraj-nato: sentence 1 (the last of a), paragraph 2, document 1. */
  assert_close (actnet_graph_get_edge_value (graph, 4, "w_sentence"), 1, 0);
  assert_close (actnet_graph_get_edge_value (graph, 4, "w_paragraph"), 2, 0);
  assert_close (actnet_graph_get_edge_value (graph, 4, "w_document"), 1, 0);
  actnet_matcher_free (g_steal_pointer (&matcher));
  actnet_gazetteer_free (gazetteer);
}

/* "Haftar Libya Sarraj NATO Haftar", 3-word windows.
 *   All actors: anchors {h} {l,h} {s,l,h} {n,s,l} {h,n,s}: N 5, c_h 4,
 *   c_s 3, c_hs 2 -> association 2*5/12 = 5/6.
 *   Projected on persons: anchors {h} {s,h} {h,s}: N 3, c_h 3, c_s 2,
 *   c_hs 2 -> association 1. */
static void
test_project_versus_types (void **state)
{
  ActnetGazetteer *gazetteer = NULL;
  g_autoptr (ActnetMatcher) matcher = make_matcher (&gazetteer);
  g_autofree char *dir = actnet_test_mkdtemp ();
  g_autofree char *a = actnet_test_write_file (dir, "a.txt", "Haftar Libya Sarraj NATO Haftar", -1);
  const char *inputs[] = { dir, NULL };
  const char *persons[] = { "PER", NULL };
  ActnetWindow window = { ACTNET_WINDOW_WORDS, 3 };
  GError *error = NULL;

  g_autoptr (GPtrArray) all = actnet_pipeline_count_scopes (matcher, inputs, &window, 1, NULL, NULL,
                                                            NULL, &error);
  g_assert_no_error (error);
  ActnetCooccur *c = g_ptr_array_index (all, 0);
  assert_int_equal (actnet_cooccur_get_n_units (c), 5);
  ActnetNetworkOptions options;
  actnet_network_options_init (&options);
  options.types = persons;
  g_autoptr (ActnetGraph) typed = actnet_graph_new_from_scopes (&c, 1, gazetteer, &options, &error);
  g_assert_no_error (error);
  assert_edges (typed, "haftar-sarraj");
  assert_close (actnet_graph_get_edge_value (typed, 0, "association"), 5.0 / 6, 1e-15);
  assert_close (actnet_graph_get_node_value (typed, 0, "units"), 4, 0);

  g_autoptr (GPtrArray) projected = actnet_pipeline_count_scopes (matcher, inputs, &window, 1, NULL,
                                                                  persons, NULL, &error);
  g_assert_no_error (error);
  c = g_ptr_array_index (projected, 0);
  assert_int_equal (actnet_cooccur_get_n_units (c), 3);
  assert_int_equal (actnet_cooccur_get_n_mentions (c), 3);
  g_autoptr (ActnetGraph) graph = actnet_graph_new_from_scopes (&c, 1, gazetteer, NULL, &error);
  g_assert_no_error (error);
  assert_edges (graph, "haftar-sarraj");
  assert_nodes (graph, "haftar sarraj");
  assert_close (actnet_graph_get_edge_value (graph, 0, "association"), 1, 1e-15);
  assert_close (actnet_graph_get_node_value (graph, 0, "units"), 3, 0);
  actnet_matcher_free (g_steal_pointer (&matcher));
  actnet_gazetteer_free (gazetteer);
}

static void
test_errors_and_empty (void **state)
{
  g_autoptr (ActnetGazetteer) gazetteer = make_gazetteer (abcd);
  ActnetWindow window = { ACTNET_WINDOW_SENTENCE, 0 };
  g_autoptr (ActnetCooccur) three = actnet_cooccur_new (3, window);
  g_autoptr (ActnetCooccur) four = actnet_cooccur_new (4, window);
  ActnetCooccur *scopes[] = { four, three };
  GError *error = NULL;
  assert_null (actnet_graph_new_from_scopes (scopes, 2, gazetteer, NULL, &error));
  assert_true (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT));
  g_clear_error (&error);
  g_autoptr (ActnetGraph) empty = actnet_graph_new_from_scopes (scopes, 1, gazetteer, NULL, &error);
  g_assert_no_error (error);
  assert_int_equal (actnet_graph_get_n_nodes (empty), 0);
  assert_int_equal (actnet_graph_get_n_edges (empty), 0);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_weight_formulas),
    cmocka_unit_test (test_weights_in_graph),
    cmocka_unit_test (test_filters),
    cmocka_unit_test (test_disparity_backbone),
    cmocka_unit_test (test_top_edges_per_node),
    cmocka_unit_test (test_scopes_one_pass),
    cmocka_unit_test (test_project_versus_types),
    cmocka_unit_test (test_errors_and_empty),
  };
  return cmocka_run_group_tests_name ("network", tests, NULL, NULL);
}
