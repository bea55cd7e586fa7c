/* actnet count: corpus shard -> partial counts file (README, "Batch runs
 * across machines"); actnet merge turns the parts into the graph.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

int
actnet_cmd_count (int argc, char **argv)
{
  g_auto (GStrv) gazetteers = NULL;
  g_auto (GStrv) inputs = NULL;
  g_autofree char *window_text = NULL;
  g_autofree char *overlaps_text = NULL;
  gboolean no_short_forms = FALSE;
  gboolean keep_media = FALSE;
  g_autofree char *output = NULL;
  gboolean quiet = FALSE;
  g_auto (CliNetworkArgs) network_args = CLI_NETWORK_ARGS_INIT;
  g_auto (CliDatingArgs) dating_args = { NULL, NULL, NULL };
  gboolean no_manifest = FALSE;
  gboolean evidence = FALSE;
  /* The manifest records the arguments as given; parsing consumes argv. */
  g_auto (GStrv) given = g_strdupv (argv + 1);
  const GOptionEntry entries[] = {
    { "gazetteer", 'g', 0, G_OPTION_ARG_FILENAME_ARRAY, &gazetteers,
      "Gazetteer TSV (repeatable; default: the bundled Libya gazetteer); merge needs the same",
      "GAZ" },
    CLI_GAZETTEER_FORMAT_OPTION,
    { "window", 'w', 0, G_OPTION_ARG_STRING, &window_text,
      "Co-occurrence units, a list counted in one pass: sentence (default), paragraph, document "
      "or a number of words; the first gives the weight", "W[,W...]" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write the partial counts to FILE (required; - for standard output)", "FILE" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Print nothing but errors", NULL },
    CLI_MATCH_OPTION_ENTRIES (overlaps_text, no_short_forms),
    { "keep-media", 0, 0, G_OPTION_ARG_NONE, &keep_media,
      "Count news media (type media) as actors; by default they are found but not linked", NULL },
    { "project", 0, 0, G_OPTION_ARG_STRING, &network_args.project_text,
      "Count only actors of these types (other mentions removed before counting)", "TYPES" },
    CLI_DATING_OPTION_ENTRIES (dating_args),
    CLI_BATCH_OPTION_ENTRIES,
    { "evidence", 0, 0, G_OPTION_ARG_NONE, &evidence,
      "Keep the text units behind every pair of the first window in the counts (format "
      "version 2), for 'merge --evidence FILE'", NULL },
    { "no-manifest", 0, 0, G_OPTION_ARG_NONE, &no_manifest,
      "Do not write FILE.manifest.json beside -o FILE (what the run read and counted)", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = cli_context_new (
    "-o PART.counts INPUT...",
    "Count which actors are mentioned together in INPUT... and write the counts, not a graph.",
    "Counts one shard of a corpus exactly as build does; 'actnet merge' adds the parts up and\n"
    "builds the graph. The network options (--weight, filters) go to merge.\n"
    "Prints one summary line (documents, mentions).\n"
    "Exit status: 0 ok, 1 failure, 2 usage error.",
    entries);
  if (!cli_parse (context, &argc, &argv, &inputs, "INPUT", 0))
    return ACTNET_EXIT_USAGE;
  cli_batch_set_quiet (quiet);
  if (output == NULL)
    {
      cli_error ("count needs -o PART.counts (see '%s --help')", g_get_prgname ());
      return ACTNET_EXIT_USAGE;
    }
  ActnetMatchOptions match_options;
  if (!cli_parse_match_options (overlaps_text, no_short_forms, &match_options))
    return ACTNET_EXIT_USAGE;
  match_options.count_media = keep_media;
  g_auto (CliNetwork) network = { 0 };
  if (!cli_parse_network_options (window_text, &network_args, &network))
    return ACTNET_EXIT_USAGE;
  if (!cli_parse_dating_options (&dating_args))
    return ACTNET_EXIT_USAGE;

  GError *error = NULL;
  g_autoptr (ActnetGazetteer) gazetteer = NULL;
  g_autoptr (ActnetEvidence) units = evidence ? actnet_evidence_new (network.windows[0]) : NULL;
  g_autoptr (GPtrArray) scopes = cli_count_scopes (gazetteers, &network, &match_options, inputs,
                                                   units, &gazetteer, &error);
  if (scopes == NULL)
    return cli_fail (error);
  if (!actnet_counts_write_full ((ActnetCooccur *const *) scopes->pdata, scopes->len, units,
                                 gazetteer, output, &error))
    return cli_fail (error);
  const ActnetCooccur *primary = g_ptr_array_index (scopes, 0);
  if (strcmp (output, "-") != 0 && !no_manifest)
    {
      CliManifestCounts counts = {
        actnet_cooccur_get_n_documents (primary), cli_batch_get_n_skipped (), cli_get_n_undated (),
        actnet_cooccur_get_n_mentions (primary), 0, 0, 0, TRUE
      };
      if (!cli_write_manifest (output, given, gazetteers, inputs, &counts, &error))
        return cli_fail (error);
    }
  /* With the counts on stdout, the summary must not corrupt them. */
  if (quiet || strcmp (output, "-") == 0)
    {
      cli_report_dating (NULL);
      return cli_finish_stdout (ACTNET_EXIT_OK);
    }
  printf ("%" G_GUINT64_FORMAT " documents, %" G_GUINT64_FORMAT " mentions -> %s\n",
          actnet_cooccur_get_n_documents (primary), actnet_cooccur_get_n_mentions (primary), output);
  cli_report_dating (stdout);
  return cli_finish_stdout (ACTNET_EXIT_OK);
}
