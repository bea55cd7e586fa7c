/* actnet export: converts a saved graph to another format.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <string.h>

int
actnet_cmd_export (int argc, char **argv)
{
  g_auto (GStrv) inputs = NULL;
  g_autofree char *output = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *color = NULL;
  g_autofree char *size = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Output file (required; - for stdout with --format)", "OUT" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      "graphml, gexf, gml, pajek, dot, csv, json or matrix (default: from OUT's extension)", "F" },
    { "color", 0, 0, G_OPTION_ARG_STRING, &color,
      "GEXF node colours: type or community", "SCHEME" },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size,
      "GEXF node sizes (5-50) from a numeric node attribute, e.g. pagerank", "MEASURE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = cli_context_new (
    "GRAPH.graphml -o OUT [--format F] [--color type|community] [--size MEASURE]",
    "Convert a graph written by 'actnet build' to another format.",
    "Formats by extension: .graphml .gexf .gml .net/.pajek .dot/.gv .json .matrix.csv,\n"
    ".csv (writes NAME.nodes.csv and NAME.edges.csv for Gephi's spreadsheet import).\n"
    "Exit status: 0 ok, 1 failure, 2 usage error.",
    entries);
  if (!cli_parse (context, &argc, &argv, &inputs, "GRAPH.graphml", 0))
    return ACTNET_EXIT_USAGE;
  if (inputs[1] != NULL)
    {
      cli_error ("export takes one GRAPH, got '%s' too", inputs[1]);
      return ACTNET_EXIT_USAGE;
    }
  if (output == NULL)
    {
      cli_error ("no output given (-o OUT)");
      return ACTNET_EXIT_USAGE;
    }
  ActnetExportFormat format;
  if (!cli_parse_export_format (output, format_text, &format))
    return ACTNET_EXIT_USAGE;
  if (color != NULL && strcmp (color, "type") != 0 && strcmp (color, "community") != 0)
    {
      cli_error ("unknown colour scheme '%s' (expected type or community)", color);
      return ACTNET_EXIT_USAGE;
    }

  GError *error = NULL;
  g_autoptr (ActnetGraph) graph = actnet_graph_read_graphml (inputs[0], &error);
  if (graph == NULL)
    return cli_fail (error);
  const ActnetExportOptions options = { color, size };
  if (!actnet_graph_write (graph, output, format, &options, &error))
    return cli_fail (error);
  return cli_finish_stdout (ACTNET_EXIT_OK);
}
