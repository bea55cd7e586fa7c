/* actnet rank: actors ranked by a centrality, from a GraphML file or a corpus.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <math.h>
#include <string.h>

static gboolean
is_graphml_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  return g_str_has_suffix (lower, ".graphml");
}

int
actnet_cmd_rank (int argc, char **argv)
{
  g_auto (GStrv) gazetteers = NULL;
  g_auto (GStrv) inputs = NULL;
  g_autofree char *window_text = NULL;
  g_auto (CliNetworkArgs) network_args = CLI_NETWORK_ARGS_INIT;
  g_autofree char *overlaps_text = NULL;
  gboolean no_short_forms = FALSE;
  gboolean keep_media = FALSE;
  g_autofree char *by = NULL;
  g_autofree char *type = NULL;
  g_autofree char *format = NULL;
  gint top = 10;
  gint community = G_MININT;
  g_autofree char *communities_text = NULL;
  double resolution = 1.0;
  const GOptionEntry entries[] = {
    { "by", 'b', 0, G_OPTION_ARG_STRING, &by,
      "Measure: degree (default), strength, betweenness, closeness, harmonic, eigenvector, "
      "pagerank, coreness, mentions, documents", "MEASURE" },
    { "top", 't', 0, G_OPTION_ARG_INT, &top, "Show the first N actors (default 10; 0: all)", "N" },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type, "Only actors of this type (person, organization, place, ...)", "TYPE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "table (default), tsv, csv or json", "FORMAT" },
    { "community", 'c', 0, G_OPTION_ARG_INT, &community, "Only actors of community N (0: the largest)", "N" },
    { "communities", 0, 0, G_OPTION_ARG_STRING, &communities_text,
      "Community detection: leiden (default) or louvain", "METHOD" },
    { "resolution", 0, 0, G_OPTION_ARG_DOUBLE, &resolution,
      "Modularity resolution of the communities (default 1; higher: more, smaller)", "R" },
    { "gazetteer", 'g', 0, G_OPTION_ARG_FILENAME_ARRAY, &gazetteers,
      "With INPUT...: gazetteer TSV (repeatable; default: bundled)", "GAZ" },
    CLI_GAZETTEER_FORMAT_OPTION,
    { "window", 'w', 0, G_OPTION_ARG_STRING, &window_text,
      "With INPUT...: sentence (default), paragraph, document or N words; a list counts each, "
      "the first gives the weight", "W[,W...]" },
    CLI_MATCH_OPTION_ENTRIES (overlaps_text, no_short_forms),
    { "keep-media", 0, 0, G_OPTION_ARG_NONE, &keep_media,
      "Count news media (type media) as actors; by default they are found but not linked", NULL },
    CLI_NETWORK_OPTION_ENTRIES (network_args),
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = cli_context_new (
    "GRAPH.graphml|INPUT...", "Print actors ranked by a centrality measure.",
    "Ranks the nodes of a GraphML file written by 'actnet build', or builds the graph from INPUT...\n"
    "first. Ties are broken by label, then id. tsv, csv and json list every measure.\n"
    "Exit status: 0 ok, 1 failure, 2 usage error.",
    entries);
  if (!cli_parse (context, &argc, &argv, &inputs, "GRAPH.graphml or INPUT", top))
    return ACTNET_EXIT_USAGE;
  g_auto (CliNetwork) network = { 0 };
  if (!cli_parse_network_options (window_text, &network_args, &network))
    return ACTNET_EXIT_USAGE;
  ActnetMatchOptions match_options;
  if (!cli_parse_match_options (overlaps_text, no_short_forms, &match_options))
    return ACTNET_EXIT_USAGE;
  match_options.count_media = keep_media;
  const char *measure = by != NULL ? by : "degree";
  if (!g_strv_contains (actnet_measure_names (), measure))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) actnet_measure_names ());
      cli_error ("unknown measure '%s' (expected one of: %s)", measure, known);
      return ACTNET_EXIT_USAGE;
    }
  ActnetCommunityOptions community_options;
  actnet_community_options_init (&community_options);
  community_options.resolution = resolution;
  if (communities_text != NULL
      && !actnet_community_method_from_string (communities_text, &community_options.method))
    {
      cli_error ("unknown community method '%s' (expected leiden or louvain)", communities_text);
      return ACTNET_EXIT_USAGE;
    }
  if (!(isfinite (resolution) && resolution > 0))
    {
      cli_error ("invalid resolution %g (expected a positive number)", resolution);
      return ACTNET_EXIT_USAGE;
    }
  if (community != G_MININT && community < 0)
    {
      cli_error ("invalid community %d (expected 0 or more)", community);
      return ACTNET_EXIT_USAGE;
    }
  const char *out_format = format != NULL ? format : "table";
  if (strcmp (out_format, "table") != 0 && strcmp (out_format, "tsv") != 0
      && strcmp (out_format, "csv") != 0 && strcmp (out_format, "json") != 0)
    {
      cli_error ("unknown format '%s' (expected table, tsv, csv or json)", out_format);
      return ACTNET_EXIT_USAGE;
    }

  GError *error = NULL;
  g_autoptr (ActnetGraph) graph = NULL;
  if (inputs[1] == NULL && is_graphml_path (inputs[0]))
    {
      graph = actnet_graph_read_graphml (inputs[0], &error);
      if (graph == NULL || !actnet_graph_compute_centralities (graph, &error))
        return cli_fail (error);
    }
  else
    {
      graph = cli_build_network (gazetteers, &network, &match_options, inputs, NULL, NULL,
                                 &error);
      if (graph == NULL)
        return cli_fail (error);
    }
  /* The graph carries the default partition; other options redo it. */
  if ((communities_text != NULL || resolution != 1.0)
      && !actnet_graph_compute_communities (graph, &community_options, NULL, NULL, &error))
    return cli_fail (error);
  g_autofree char *canonical_type = type != NULL ? actnet_type_canonicalize (type) : NULL;
  if (!cli_print_ranking_in_community (graph, measure, canonical_type,
                                       community == G_MININT ? -1 : community,
                                       (guint) top, out_format, &error))
    return cli_fail (error);
  return cli_finish_stdout (ACTNET_EXIT_OK);
}
