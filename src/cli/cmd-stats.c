/* actnet stats: whole-graph statistics of a GraphML file or a corpus.
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

typedef enum { VALUE_COUNT, VALUE_REAL } ValueKind;

typedef struct {
  const char *key;    /* tsv and json */
  const char *name;   /* table */
  ValueKind kind;
  double value;       /* NaN: undefined (table and tsv "n/a", json null) */
} StatRow;

/* Table: 6 significant digits; tsv and json: 12, enough for a check to
 * 1e-6 and free of float noise. */
static void
append_value (GString *out, const StatRow *row, int digits, const char *undefined)
{
  if (isnan (row->value))
    g_string_append (out, undefined);
  else if (row->kind == VALUE_COUNT)
    g_string_append_printf (out, "%.0f", row->value);
  else
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_string_append (out, g_ascii_formatd (buf, sizeof buf, digits == 6 ? "%.6g" : "%.12g",
                                             row->value));
    }
}

int
actnet_cmd_stats (int argc, char **argv)
{
  g_auto (GStrv) gazetteers = NULL;
  g_auto (GStrv) inputs = NULL;
  g_autofree char *window_text = NULL;
  g_autofree char *overlaps_text = NULL;
  gboolean no_short_forms = FALSE;
  gboolean keep_media = FALSE;
  g_autofree char *format = NULL;
  g_autofree char *communities_text = NULL;
  double resolution = 1.0;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "table (default), tsv, csv or json", "FORMAT" },
    { "communities", 0, 0, G_OPTION_ARG_STRING, &communities_text,
      "Recompute the communities: leiden or louvain (default: those of the graph)", "METHOD" },
    { "resolution", 0, 0, G_OPTION_ARG_DOUBLE, &resolution,
      "Modularity resolution (default 1); given, the communities are recomputed", "R" },
    { "gazetteer", 'g', 0, G_OPTION_ARG_FILENAME_ARRAY, &gazetteers,
      "With INPUT...: gazetteer TSV (repeatable; default: bundled)", "GAZ" },
    CLI_GAZETTEER_FORMAT_OPTION,
    { "window", 'w', 0, G_OPTION_ARG_STRING, &window_text,
      "With INPUT...: sentence (default), paragraph, document or N words", "W" },
    CLI_MATCH_OPTION_ENTRIES (overlaps_text, no_short_forms),
    { "keep-media", 0, 0, G_OPTION_ARG_NONE, &keep_media,
      "Count news media (type media) as actors", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = cli_context_new (
    "GRAPH.graphml|INPUT...", "Print whole-graph statistics.",
    "Reads a GraphML file written by 'actnet build', or builds the graph from INPUT... first.\n"
    "Density 2m/(n(n-1)); components and the largest one's share of the nodes; average local\n"
    "clustering (nodes of degree < 2 count as 0) and global transitivity, both unweighted;\n"
    "assortativity by type (n/a when undefined); modularity (weighted) of the 'community'\n"
    "attribute and the number of communities; mean degree and strength.\n"
    "Exit status: 0 ok, 1 failure, 2 usage error.",
    entries);
  if (!cli_parse (context, &argc, &argv, &inputs, "GRAPH.graphml or INPUT", 0))
    return ACTNET_EXIT_USAGE;
  ActnetWindow window;
  if (!cli_parse_window (window_text, &window))
    return ACTNET_EXIT_USAGE;
  ActnetMatchOptions match_options;
  if (!cli_parse_match_options (overlaps_text, no_short_forms, &match_options))
    return ACTNET_EXIT_USAGE;
  match_options.count_media = keep_media;
  const char *out_format = format != NULL ? format : "table";
  if (strcmp (out_format, "table") != 0 && strcmp (out_format, "tsv") != 0
      && strcmp (out_format, "csv") != 0 && strcmp (out_format, "json") != 0)
    {
      cli_error ("unknown format '%s' (expected table, tsv, csv or json)", out_format);
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

  GError *error = NULL;
  g_autoptr (ActnetGraph) graph = NULL;
  if (inputs[1] == NULL && is_graphml_path (inputs[0]))
    graph = actnet_graph_read_graphml (inputs[0], &error);
  else
    graph = cli_build_graph_full (gazetteers, window, &match_options, inputs, NULL, NULL,
                                  &error);
  if (graph == NULL)
    return cli_fail (error);
  if ((communities_text != NULL || resolution != 1.0)
      && !actnet_graph_compute_communities (graph, &community_options, NULL, NULL, &error))
    return cli_fail (error);

  ActnetGraphStats st;
  if (!actnet_graph_compute_stats (graph, resolution, &st, &error))
    return cli_fail (error);

  const StatRow rows[] = {
    { "nodes", "nodes", VALUE_COUNT, st.n_nodes },
    { "edges", "edges", VALUE_COUNT, st.n_edges },
    { "density", "density", VALUE_REAL, st.density },
    { "components", "components", VALUE_COUNT, st.n_components },
    { "largest_component", "largest component (nodes)", VALUE_COUNT, st.largest_component },
    { "largest_component_share", "largest component share", VALUE_REAL,
      st.largest_component_share },
    { "average_clustering", "average clustering", VALUE_REAL, st.average_clustering },
    { "transitivity", "transitivity", VALUE_REAL, st.transitivity },
    { "type_assortativity", "assortativity by type", VALUE_REAL, st.type_assortativity },
    { "modularity", "modularity", VALUE_REAL, st.modularity },
    { "communities", "communities", VALUE_COUNT, st.n_communities },
    { "mean_degree", "mean degree", VALUE_REAL, st.mean_degree },
    { "mean_strength", "mean strength", VALUE_REAL, st.mean_strength },
  };
  g_autoptr (GString) out = g_string_new (NULL);
  if (strcmp (out_format, "json") == 0)
    {
      g_string_append (out, "{");
      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        {
          g_string_append_printf (out, "%s\n  \"%s\": ", i > 0 ? "," : "", rows[i].key);
          /* JSON has no NaN. */
          append_value (out, &rows[i], 12, "null");
        }
      g_string_append (out, "\n}\n");
    }
  else
    {
      /* tsv and csv: the keys need no quoting, the values are numbers. */
      char separator = strcmp (out_format, "csv") == 0 ? ',' : '\t';
      gboolean tsv = strcmp (out_format, "table") != 0;
      if (tsv)
        g_string_append_printf (out, "statistic%cvalue\n", separator);
      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        {
          if (tsv)
            g_string_append_printf (out, "%s%c", rows[i].key, separator);
          else
            cli_append_padded (out, rows[i].name, 26, FALSE);
          append_value (out, &rows[i], tsv ? 12 : 6, "n/a");
          g_string_append_c (out, '\n');
        }
    }
  fwrite (out->str, 1, out->len, stdout);
  return cli_finish_stdout (ACTNET_EXIT_OK);
}
