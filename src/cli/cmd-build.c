/* actnet build: corpus -> graph file + summary + top actors.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

/* build --slice: one pass counts every slice (actnet-slices.h); each slice
 * graph is built under the same network options and written as
 * DIR/LABEL.graphml, all of them together as DIR/dynamic.gexf. */
static int
build_slices (char **gazetteer_paths, const CliNetwork *network,
              const ActnetMatchOptions *options, char **inputs, const char *slice_text,
              const char *step_text, const char *directory, gboolean quiet, char **given,
              gboolean no_manifest)
{
  GError *error = NULL;
  ActnetSliceSpec spec;
  if (!actnet_slice_spec_parse (slice_text, step_text, &spec, &error))
    {
      cli_error ("%s", error->message);
      g_error_free (error);
      return ACTNET_EXIT_USAGE;
    }
  if (directory == NULL || strcmp (directory, "-") == 0)
    {
      cli_error ("--slice needs -o DIRECTORY (one GraphML file per slice is written there)");
      return ACTNET_EXIT_USAGE;
    }
  g_autoptr (ActnetGazetteer) gazetteer = NULL;
  g_autoptr (ActnetMatcher) matcher = cli_load_matcher (gazetteer_paths, &gazetteer, &error);
  if (matcher == NULL)
    return cli_fail (error);
  g_autoptr (ActnetSlicer) slicer = actnet_slicer_new (&spec, actnet_gazetteer_get_n_actors (gazetteer),
                                                       network->windows, network->n_windows);
  guint64 n_skipped = 0;
  g_autoptr (GPtrArray) scopes = actnet_pipeline_count_scopes_batch (
    matcher, (const char *const *) inputs, network->windows, network->n_windows, options,
    (const char *const *) network->project, actnet_slicer_observe, slicer,
    cli_get_dating_options (), cli_get_batch_options (), NULL, &n_skipped, NULL, &error);
  if (scopes == NULL)
    return cli_fail (error);
  cli_batch_set_n_skipped (n_skipped);
  cli_report_skipped ();
  if (g_mkdir_with_parents (directory, 0777) != 0)
    {
      cli_error ("%s: cannot create directory: %s", directory, g_strerror (errno));
      return ACTNET_EXIT_FAILURE;
    }
  g_autoptr (GPtrArray) slices = actnet_slicer_finish (slicer);
  g_autoptr (GPtrArray) graphs = g_ptr_array_new_with_free_func ((GDestroyNotify) actnet_graph_free);
  for (guint i = 0; i < slices->len; i++)
    {
      const ActnetSlice *slice = g_ptr_array_index (slices, i);
      ActnetGraph *graph = actnet_graph_new_from_scopes ((ActnetCooccur *const *) slice->scopes->pdata,
                                                         slice->scopes->len, gazetteer,
                                                         &network->options, &error);
      if (graph == NULL)
        return cli_fail (error);
      g_ptr_array_add (graphs, graph);
      if (!actnet_graph_compute_measures (graph, network->measures, &error))
        return cli_fail (error);
      g_autofree char *name = g_strconcat (slice->label, ".graphml", NULL);
      g_autofree char *path = g_build_filename (directory, name, NULL);
      if (!actnet_graph_write_graphml (graph, path, &error))
        return cli_fail (error);
      const ActnetCooccur *primary = g_ptr_array_index (slice->scopes, 0);
      if (!quiet)
        printf ("%s: %" G_GUINT64_FORMAT " documents, %" G_GUINT64_FORMAT " mentions, "
                "%u actors, %u edges\n", slice->label, actnet_cooccur_get_n_documents (primary),
                actnet_cooccur_get_n_mentions (primary), actnet_graph_get_n_nodes (graph),
                actnet_graph_get_n_edges (graph));
    }
  g_autofree char *gexf = g_build_filename (directory, "dynamic.gexf", NULL);
  if (!actnet_slices_write_dynamic_gexf ((const ActnetSlice *const *) slices->pdata,
                                         (ActnetGraph *const *) graphs->pdata, slices->len, gexf,
                                         &error))
    return cli_fail (error);
  if (!no_manifest)
    {
      const ActnetCooccur *all = g_ptr_array_index (scopes, 0);
      CliManifestCounts counts = {
        actnet_cooccur_get_n_documents (all), n_skipped, actnet_slicer_get_n_undated (slicer),
        actnet_cooccur_get_n_mentions (all), 0, 0, slices->len, FALSE
      };
      g_autofree char *manifest = g_build_filename (directory, "manifest.json", NULL);
      if (!cli_write_manifest_to (manifest, given, gazetteer_paths, inputs, &counts, &error))
        return cli_fail (error);
    }
  if (!quiet)
    printf ("%u slices, %" G_GUINT64_FORMAT " undated documents (in no slice) -> %s\n",
            slices->len, actnet_slicer_get_n_undated (slicer), directory);
  return cli_finish_stdout (ACTNET_EXIT_OK);
}

int
actnet_cmd_build (int argc, char **argv)
{
  g_auto (GStrv) gazetteers = NULL;
  g_auto (GStrv) inputs = NULL;
  g_autofree char *window_text = NULL;
  g_autofree char *overlaps_text = NULL;
  gboolean no_short_forms = FALSE;
  gboolean keep_media = FALSE;
  gboolean dedup = FALSE;
  double dedup_threshold = NAN;
  g_autofree char *dedup_report = NULL;
  g_autofree char *output = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *color = NULL;
  g_autofree char *size = NULL;
  gint top = 10;
  gboolean quiet = FALSE;
  g_autofree char *evidence = NULL;
  g_auto (CliNetworkArgs) network_args = CLI_NETWORK_ARGS_INIT;
  g_auto (CliDatingArgs) dating_args = { NULL, NULL, NULL };
  g_autofree char *slice_text = NULL;
  g_autofree char *step_text = NULL;
  gboolean no_manifest = FALSE;
  /* The manifest records the arguments as given; parsing consumes argv. */
  g_auto (GStrv) given = g_strdupv (argv + 1);
  const GOptionEntry entries[] = {
    { "slice", 0, 0, G_OPTION_ARG_STRING, &slice_text,
      "One graph per time slice: year, quarter, month, week or a number of days; -o names "
      "a directory", "UNIT" },
    { "step", 0, 0, G_OPTION_ARG_STRING, &step_text,
      "Start a slice every STEP (moving windows; default: the slice length)", "STEP" },
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
    { "evidence", 0, 0, G_OPTION_ARG_FILENAME, &evidence,
      "Write the units behind every edge (first window) to FILE, one JSON line per edge", "FILE" },
    CLI_MATCH_OPTION_ENTRIES (overlaps_text, no_short_forms),
    { "dedup", 0, 0, G_OPTION_ARG_NONE, &dedup,
      "Fold near-duplicate documents (re-posted stories) into the first copy; count it once", NULL },
    { "dedup-threshold", 0, 0, G_OPTION_ARG_DOUBLE, &dedup_threshold,
      "Estimated Jaccard similarity of word 5-grams from which a document is a copy "
      "(default 0.8; implies --dedup)", "X" },
    { "dedup-report", 0, 0, G_OPTION_ARG_FILENAME, &dedup_report,
      "Write the folded documents as TSV (doc, kept_as, similarity) to FILE (implies --dedup)",
      "FILE" },
    { "keep-media", 0, 0, G_OPTION_ARG_NONE, &keep_media,
      "Count news media (type media) as actors; by default they are found but not linked", NULL },
    CLI_NETWORK_OPTION_ENTRIES (network_args),
    CLI_DATING_OPTION_ENTRIES (dating_args),
    CLI_BATCH_OPTION_ENTRIES,
    { "no-manifest", 0, 0, G_OPTION_ARG_NONE, &no_manifest,
      "With -o FILE, do not write FILE.manifest.json (with --slice: DIR/manifest.json), what "
      "the run read and counted", NULL },
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
  cli_batch_set_quiet (quiet);
  ActnetMatchOptions match_options;
  if (!cli_parse_match_options (overlaps_text, no_short_forms, &match_options))
    return ACTNET_EXIT_USAGE;
  g_auto (CliNetwork) network = { 0 };
  if (!cli_parse_network_options (window_text, &network_args, &network))
    return ACTNET_EXIT_USAGE;
  match_options.count_media = keep_media;
  if (!cli_parse_dating_options (&dating_args))
    return ACTNET_EXIT_USAGE;
  if (!isnan (dedup_threshold) && !(dedup_threshold > 0 && dedup_threshold <= 1))
    {
      cli_error ("invalid --dedup-threshold %g (expected a number in (0, 1])", dedup_threshold);
      return ACTNET_EXIT_USAGE;
    }
  /* The pipeline folds copies through the match options (actnet-dedup.h). */
  g_autoptr (ActnetDeduper) deduper = NULL;
  if (dedup || !isnan (dedup_threshold) || dedup_report != NULL)
    deduper = actnet_deduper_new (isnan (dedup_threshold) ? ACTNET_DEDUP_DEFAULT_THRESHOLD
                                                          : dedup_threshold);
  match_options.deduper = deduper;
  if (slice_text != NULL)
    return build_slices (gazetteers, &network, &match_options, inputs, slice_text, step_text,
                         output, quiet, given, no_manifest);
  if (step_text != NULL)
    {
      cli_error ("--step needs --slice");
      return ACTNET_EXIT_USAGE;
    }
  ActnetExportFormat format;
  if (!cli_parse_export_format (output, format_text, &format))
    return ACTNET_EXIT_USAGE;

  GError *error = NULL;
  guint64 n_documents = 0, n_mentions = 0;
  cli_set_evidence_output (evidence);
  g_autoptr (ActnetGraph) graph = cli_build_network (gazetteers, &network, &match_options, inputs,
                                                     &n_documents, &n_mentions, &error);
  if (graph == NULL)
    return cli_fail (error);
  const ActnetExportOptions export_options = { color, size };
  if (output != NULL && !actnet_graph_write (graph, output, format, &export_options, &error))
    return cli_fail (error);
  if (dedup_report != NULL && !actnet_deduper_write_report (deduper, dedup_report, &error))
    return cli_fail (error);
  if (output != NULL && strcmp (output, "-") != 0 && !no_manifest)
    {
      const CliManifestCounts counts = {
        n_documents, cli_batch_get_n_skipped (), cli_get_n_undated (), n_mentions,
        actnet_graph_get_n_nodes (graph), actnet_graph_get_n_edges (graph), 0, FALSE
      };
      if (!cli_write_manifest (output, given, gazetteers, inputs, &counts, &error))
        return cli_fail (error);
    }

  /* With the graph on stdout, the summary must not corrupt it. */
  gboolean graph_on_stdout = output != NULL && g_strcmp0 (output, "-") == 0;
  if (quiet || graph_on_stdout)
    {
      cli_report_dating (NULL);
      return cli_finish_stdout (ACTNET_EXIT_OK);
    }
  printf ("%" G_GUINT64_FORMAT " documents, %" G_GUINT64_FORMAT " mentions, %u actors, %u edges%s%s\n",
          n_documents, n_mentions, actnet_graph_get_n_nodes (graph), actnet_graph_get_n_edges (graph),
          output != NULL ? " -> " : "", output != NULL ? output : "");
  cli_report_dating (stdout);
  if (deduper != NULL)
    printf ("%u near-duplicate documents folded\n", actnet_deduper_get_n_folded (deduper));
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
