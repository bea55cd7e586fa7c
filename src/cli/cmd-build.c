/* actnet build: corpus -> graph file + summary + top actors.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

int
actnet_cmd_build (int argc, char **argv)
{
  g_auto (GStrv) gazetteers = NULL;
  g_auto (GStrv) inputs = NULL;
  g_autofree char *window_text = NULL;
  g_autofree char *overlaps_text = NULL;
  gboolean no_short_forms = FALSE;
  gboolean keep_media = FALSE;
  g_autofree char *output = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *color = NULL;
  g_autofree char *size = NULL;
  gint top = 10;
  gboolean quiet = FALSE;
  g_auto (CliNetworkArgs) network_args = CLI_NETWORK_ARGS_INIT;
  const GOptionEntry entries[] = {
    { "gazetteer", 'g', 0, G_OPTION_ARG_FILENAME_ARRAY, &gazetteers,
      "Gazetteer TSV (repeatable; default: the bundled Libya gazetteer)", "GAZ" },
    CLI_GAZETTEER_FORMAT_OPTION,
    { "window", 'w', 0, G_OPTION_ARG_STRING, &window_text,
      "Co-occurrence units, a list counted in one pass: sentence (default), paragraph, document "
      "or a number of words; the first gives the weight", "W[,W...]" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write the graph to FILE, in the format its extension names (.graphml .gexf .gml .net "
      ".dot .csv .json .matrix.csv; - for GraphML on standard output)", "FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      "Output format when the extension does not say: graphml, gexf, gml, pajek, dot, csv, "
      "json, matrix", "F" },
    { "color", 0, 0, G_OPTION_ARG_STRING, &color, "GEXF node colours: type (default) or community", "BY" },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, "GEXF node sizes by this measure (e.g. pagerank)", "MEASURE" },
    { "top", 't', 0, G_OPTION_ARG_INT, &top, "Actors to list by degree (default 10; 0: none)", "N" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Print nothing but errors", NULL },
    CLI_MATCH_OPTION_ENTRIES (overlaps_text, no_short_forms),
    { "keep-media", 0, 0, G_OPTION_ARG_NONE, &keep_media,
      "Count news media (type media) as actors; by default they are found but not linked", NULL },
    CLI_NETWORK_OPTION_ENTRIES (network_args),
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = cli_context_new (
    "INPUT...", "Read a corpus, count which actors are mentioned together, and write the actor graph.",
    "Prints one summary line (documents, mentions, actors, edges) and the top actors by degree.\n"
    "Without -o the graph is not written. Filters run in this order: non-positive weights,\n"
    "--types, --min-documents and --min-weight, --backbone, --top-edges-per-node, isolates.\n"
    "Exit status: 0 ok, 1 failure, 2 usage error.",
    entries);
  if (!cli_parse (context, &argc, &argv, &inputs, "INPUT", top))
    return ACTNET_EXIT_USAGE;
  ActnetMatchOptions match_options;
  if (!cli_parse_match_options (overlaps_text, no_short_forms, &match_options))
    return ACTNET_EXIT_USAGE;
  g_auto (CliNetwork) network = { 0 };
  if (!cli_parse_network_options (window_text, &network_args, &network))
    return ACTNET_EXIT_USAGE;
  match_options.count_media = keep_media;
  ActnetExportFormat format;
  if (!cli_parse_export_format (output, format_text, &format))
    return ACTNET_EXIT_USAGE;

  GError *error = NULL;
  guint64 n_documents = 0, n_mentions = 0;
  g_autoptr (ActnetGraph) graph = cli_build_network (gazetteers, &network, &match_options, inputs,
                                                     &n_documents, &n_mentions, &error);
  if (graph == NULL)
    return cli_fail (error);
  const ActnetExportOptions export_options = { color, size };
  if (output != NULL && !actnet_graph_write (graph, output, format, &export_options, &error))
    return cli_fail (error);

  /* With the graph on stdout, the summary must not corrupt it. */
  gboolean graph_on_stdout = output != NULL && g_strcmp0 (output, "-") == 0;
  if (quiet || graph_on_stdout)
    return cli_finish_stdout (ACTNET_EXIT_OK);
  printf ("%" G_GUINT64_FORMAT " documents, %" G_GUINT64_FORMAT " mentions, %u actors, %u edges%s%s\n",
          n_documents, n_mentions, actnet_graph_get_n_nodes (graph), actnet_graph_get_n_edges (graph),
          output != NULL ? " -> " : "", output != NULL ? output : "");
  double modularity = 0;
  guint n_communities = 0;
  if (actnet_graph_get_n_edges (graph) > 0
      && actnet_graph_get_modularity (graph, 1.0, &modularity, &n_communities, NULL))
    printf ("modularity %.3f (%u communities, Leiden)\n", modularity, n_communities);
  if (top > 0 && actnet_graph_get_n_nodes (graph) > 0)
    {
      printf ("\n");
      if (!cli_print_ranking (graph, "degree", NULL, (guint) top, "table", &error))
        return cli_fail (error);
    }
  return cli_finish_stdout (ACTNET_EXIT_OK);
}
