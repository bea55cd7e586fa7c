/* actnet merge: partial counts files -> the graph build would give on the
 * whole corpus (README, "Batch runs across machines").
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

/* Reads every part and adds it into the first one's counters. The windows
 * must agree, in order: adding a paragraph count to a sentence count
 * would be meaningless. With @evidence (nullable) every part must hold
 * its evidence, which is appended to *@evidence in the order of the parts.
 * New GPtrArray of ActnetCooccur. */
static GPtrArray *
read_parts (char **parts, const ActnetGazetteer *gazetteer, ActnetEvidence **evidence,
            GError **error)
{
  g_autoptr (GPtrArray) total = g_ptr_array_new_with_free_func ((GDestroyNotify) actnet_cooccur_free);
  for (guint p = 0; parts[p] != NULL; p++)
    {
      ActnetCooccur **scopes = NULL;
      guint n_scopes = 0;
      g_autoptr (ActnetEvidence) part_evidence = NULL;
      if (!actnet_counts_read_full (parts[p], gazetteer, &scopes, &n_scopes,
                                    evidence != NULL ? &part_evidence : NULL, error))
        return NULL;
      if (evidence != NULL && part_evidence == NULL)
        {
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                       "%s: no evidence in this part: count it with --evidence for "
                       "merge --evidence", parts[p]);
          actnet_counts_scopes_free (scopes, n_scopes);
          return NULL;
        }
      gboolean same = p == 0 || n_scopes == total->len;
      for (guint s = 0; same && p > 0 && s < n_scopes; s++)
        same = actnet_window_equal (actnet_cooccur_get_window (scopes[s]),
                                    actnet_cooccur_get_window (g_ptr_array_index (total, s)));
      if (!same)
        {
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                       "%s: counted with other windows than %s: every part of a merge must be "
                       "counted with the same --window", parts[p], parts[0]);
          actnet_counts_scopes_free (scopes, n_scopes);
          return NULL;
        }
      for (guint s = 0; s < n_scopes; s++)
        {
          if (p == 0)
            g_ptr_array_add (total, scopes[s]);
          else
            {
              actnet_cooccur_merge (g_ptr_array_index (total, s), scopes[s]);
              actnet_cooccur_free (scopes[s]);
            }
        }
      g_free (scopes);
      if (evidence != NULL && *evidence == NULL)
        *evidence = g_steal_pointer (&part_evidence);
      else if (evidence != NULL)
        actnet_evidence_append (*evidence, part_evidence);
    }
  return g_steal_pointer (&total);
}

int
actnet_cmd_merge (int argc, char **argv)
{
  g_auto (GStrv) gazetteers = NULL;
  g_auto (GStrv) parts = NULL;
  g_autofree char *output = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *color = NULL;
  g_autofree char *size = NULL;
  gint top = 10;
  gboolean quiet = FALSE;
  g_autofree char *evidence_path = NULL;
  g_auto (CliNetworkArgs) network_args = CLI_NETWORK_ARGS_INIT;
  const GOptionEntry entries[] = {
    { "gazetteer", 'g', 0, G_OPTION_ARG_FILENAME_ARRAY, &gazetteers,
      "Gazetteer TSV the parts were counted with (repeatable; default: the bundled one)", "GAZ" },
    CLI_GAZETTEER_FORMAT_OPTION,
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
    { "evidence", 0, 0, G_OPTION_ARG_FILENAME, &evidence_path,
      "Write the text units behind each edge to FILE (JSONL, as build --evidence; the parts "
      "must be counted with --evidence)", "FILE" },
    CLI_NETWORK_OPTION_ENTRIES (network_args),
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &parts, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = cli_context_new (
    "PART.counts... -o OUTPUT",
    "Add up the partial counts of 'actnet count' and write the actor graph, as build does.",
    "The parts must come from the same gazetteer and --window. The weight, filters and\n"
    "output options are build's; the graph equals build's on the whole corpus.\n"
    "Prints one summary line (documents, mentions, actors, edges) and the top actors by degree.\n"
    "Exit status: 0 ok, 1 failure, 2 usage error.",
    entries);
  if (!cli_parse (context, &argc, &argv, &parts, "PART.counts", top))
    return ACTNET_EXIT_USAGE;
  if (network_args.project_text != NULL)
    {
      cli_error ("--project changes what is counted: give it to 'actnet count'");
      return ACTNET_EXIT_USAGE;
    }
  /* The windows come from the parts; the parse only reads the network options. */
  g_auto (CliNetwork) network = { 0 };
  if (!cli_parse_network_options (NULL, &network_args, &network))
    return ACTNET_EXIT_USAGE;
  ActnetExportFormat format;
  if (!cli_parse_export_format (output, format_text, &format))
    return ACTNET_EXIT_USAGE;

  GError *error = NULL;
  g_autoptr (ActnetGazetteer) gazetteer = cli_load_gazetteers (gazetteers, &error);
  if (gazetteer == NULL)
    return cli_fail (error);
  g_autoptr (ActnetEvidence) evidence = NULL;
  g_autoptr (GPtrArray) scopes = read_parts (parts, gazetteer,
                                             evidence_path != NULL ? &evidence : NULL, &error);
  if (scopes == NULL)
    return cli_fail (error);
  /* The same constructor and centralities as cli_build_network(): the
   * graph is the one build gives. */
  g_autoptr (ActnetGraph) graph = actnet_graph_new_from_scopes ((ActnetCooccur *const *) scopes->pdata,
                                                                scopes->len, gazetteer,
                                                                &network.options, &error);
  if (graph == NULL || !actnet_graph_compute_measures (graph, network.measures, &error))
    return cli_fail (error);
  if (evidence != NULL
      && !actnet_evidence_write_jsonl (evidence, graph, gazetteer, evidence_path, &error))
    return cli_fail (error);
  const ActnetExportOptions export_options = { color, size };
  if (output != NULL && !actnet_graph_write (graph, output, format, &export_options, &error))
    return cli_fail (error);

  gboolean graph_on_stdout = output != NULL && strcmp (output, "-") == 0;
  if (quiet || graph_on_stdout)
    return cli_finish_stdout (ACTNET_EXIT_OK);
  const ActnetCooccur *primary = g_ptr_array_index (scopes, 0);
  printf ("%" G_GUINT64_FORMAT " documents, %" G_GUINT64_FORMAT " mentions, %u actors, %u edges%s%s\n",
          actnet_cooccur_get_n_documents (primary), actnet_cooccur_get_n_mentions (primary),
          actnet_graph_get_n_nodes (graph), actnet_graph_get_n_edges (graph),
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
