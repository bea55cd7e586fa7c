/* actnet draw: a picture (SVG or PNG) of the network, from a GraphML file
 * or a corpus.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <string.h>

static gboolean
has_suffix_ci (const char *path, const char *suffix)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  return g_str_has_suffix (lower, suffix);
}

int
actnet_cmd_draw (int argc, char **argv)
{
  g_auto (GStrv) gazetteers = NULL;
  g_auto (GStrv) inputs = NULL;
  g_autofree char *window_text = NULL;
  g_autofree char *overlaps_text = NULL;
  gboolean no_short_forms = FALSE;
  gboolean keep_media = FALSE;
  g_autofree char *output = NULL;
  g_autofree char *color = NULL;
  g_autofree char *size = NULL;
  g_autofree char *title = NULL;
  gint labels = 20, width = 1600, height = 1200;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "The picture: OUT.svg or OUT.png (required)", "OUT" },
    { "color", 'c', 0, G_OPTION_ARG_STRING, &color,
      "Colour the nodes by type (default) or community", "BY" },
    { "size", 's', 0, G_OPTION_ARG_STRING, &size,
      "Circle area by this measure (default pagerank; see 'actnet rank --help')", "MEASURE" },
    { "labels", 'l', 0, G_OPTION_ARG_INT, &labels,
      "Label the top N actors by the size measure (default 20; 0: none)", "N" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Picture width in px (default 1600)", "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Picture height in px (default 1200)", "H" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, "A title at the top", "TITLE" },
    { "gazetteer", 'g', 0, G_OPTION_ARG_FILENAME_ARRAY, &gazetteers,
      "With INPUT...: gazetteer TSV (repeatable; default: bundled)", "GAZ" },
    CLI_GAZETTEER_FORMAT_OPTION,
    { "window", 'w', 0, G_OPTION_ARG_STRING, &window_text,
      "With INPUT...: sentence (default), paragraph, document or N words", "W" },
    CLI_MATCH_OPTION_ENTRIES (overlaps_text, no_short_forms),
    { "keep-media", 0, 0, G_OPTION_ARG_NONE, &keep_media,
      "Count news media (type media) as actors; by default they are found but not linked", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = cli_context_new (
    "GRAPH.graphml|INPUT... -o OUT.svg|OUT.png", "Draw the network as a picture.",
    "Draws a GraphML file written by 'actnet build', or builds the graph from INPUT... first:\n"
    "a force-directed layout, circle area by a measure, colour by actor type or community,\n"
    "line width by co-occurrences (log scale), the top actors labelled, a legend.\n"
    "The format follows the name of -o: .svg or .png. The same input gives the same bytes.\n"
    "Exit status: 0 ok, 1 failure, 2 usage error.",
    entries);
  if (!cli_parse (context, &argc, &argv, &inputs, "GRAPH.graphml or INPUT", labels))
    return ACTNET_EXIT_USAGE;
  if (output == NULL)
    {
      cli_error ("missing -o OUT.svg or -o OUT.png (try 'actnet draw --help')");
      return ACTNET_EXIT_USAGE;
    }
  if (!has_suffix_ci (output, ".svg") && !has_suffix_ci (output, ".png"))
    {
      cli_error ("%s: unknown picture format (the name must end in .svg or .png)", output);
      return ACTNET_EXIT_USAGE;
    }
  if (width <= 0 || height <= 0)
    {
      cli_error ("--width and --height must be positive");
      return ACTNET_EXIT_USAGE;
    }
  ActnetWindow window;
  if (!cli_parse_window (window_text, &window))
    return ACTNET_EXIT_USAGE;
  ActnetMatchOptions match_options;
  if (!cli_parse_match_options (overlaps_text, no_short_forms, &match_options))
    return ACTNET_EXIT_USAGE;
  match_options.count_media = keep_media;

  ActnetDrawOptions options;
  actnet_draw_options_init (&options);
  options.width = (guint) width;
  options.height = (guint) height;
  options.labels = (guint) labels;
  options.title = title;
  if (color != NULL)
    options.color_by = color;
  if (size != NULL)
    options.size_by = size;
  GError *error = NULL;
  /* Checked before the graph is built: a typo should not cost a corpus run. */
  if (!actnet_draw_options_validate (&options, &error))
    {
      cli_error ("%s", error->message);
      g_error_free (error);
      return ACTNET_EXIT_USAGE;
    }

  g_autoptr (ActnetGraph) graph = NULL;
  if (inputs[1] == NULL && has_suffix_ci (inputs[0], ".graphml"))
    {
      graph = actnet_graph_read_graphml (inputs[0], &error);
      if (graph == NULL || !actnet_graph_compute_centralities (graph, &error))
        return cli_fail (error);
    }
  else
    {
      graph = cli_build_graph_full (gazetteers, window, &match_options, inputs, NULL, NULL,
                                    &error);
      if (graph == NULL)
        return cli_fail (error);
    }
  /* A GraphML file from elsewhere may have no communities: find them
   * (Leiden, the library's defaults) rather than refuse. */
  if (strcmp (options.color_by, "community") == 0 && actnet_graph_get_n_nodes (graph) > 0
      && actnet_graph_get_node_community (graph, 0) < 0
      && !actnet_graph_compute_communities (graph, NULL, NULL, NULL, &error))
    return cli_fail (error);
  if (!actnet_graph_draw (graph, output, &options, &error))
    return cli_fail (error);
  return ACTNET_EXIT_OK;
}
