/* actnet mentions: every mention as TSV, with byte offsets into the input.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <string.h>
#include <unistd.h>

int
actnet_cmd_mentions (int argc, char **argv)
{
  g_auto (GStrv) gazetteers = NULL;
  g_auto (GStrv) inputs = NULL;
  g_autofree char *overlaps_text = NULL;
  gboolean no_short_forms = FALSE;
  gboolean verbose = FALSE;
  const GOptionEntry entries[] = {
    { "gazetteer", 'g', 0, G_OPTION_ARG_FILENAME_ARRAY, &gazetteers,
      "Gazetteer TSV (repeatable; default: the bundled Libya gazetteer)", "GAZ" },
    CLI_GAZETTEER_FORMAT_OPTION,
    CLI_MATCH_OPTION_ENTRIES (overlaps_text, no_short_forms),
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
      "Report on stderr how many overlapping names were left out and how many short forms found", NULL },
    CLI_BATCH_OPTION_ENTRIES,
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = cli_context_new (
    "INPUT...", "Print every actor mention as TSV.",
    "Columns: doc start end surface id label type. start/end are byte offsets (end exclusive)\n"
    "into the original file, or into the UTF-8 bytes of the \"text\" field for JSONL; doc is\n"
    "the path as given, or the JSONL \"id\". Whitespace inside a surface is written as one space.\n"
    "With --overlaps all an 8th column, nested, is 1 for a name inside another reported one.\n"
    "Exit status: 0 ok, 1 failure, 2 usage error.",
    entries);
  if (!cli_parse (context, &argc, &argv, &inputs, "INPUT", 0))
    return ACTNET_EXIT_USAGE;
  ActnetMatchOptions match_options;
  if (!cli_parse_match_options (overlaps_text, no_short_forms, &match_options))
    return ACTNET_EXIT_USAGE;
  gboolean all = match_options.overlaps == ACTNET_OVERLAPS_ALL;

  GError *error = NULL;
  g_autoptr (ActnetGazetteer) gazetteer = NULL;
  g_autoptr (ActnetMatcher) matcher = cli_load_matcher (gazetteers, &gazetteer, &error);
  if (matcher == NULL)
    return cli_fail (error);
  g_autoptr (ActnetCorpusReader) reader = actnet_corpus_reader_new ((const char *const *) inputs);
  /* Mentions on the terminal would be torn by a redrawn progress line. */
  cli_batch_set_progress_default (!isatty (STDOUT_FILENO));
  const ActnetBatchOptions *batch = cli_get_batch_options ();
  if (!actnet_corpus_reader_set_batch (reader, batch, &error))
    return cli_fail (error);
  /* This loop reads for itself: it reports progress as the pipeline does. */
  ActnetProgress progress = { 0, 0, 0, 0, FALSE };

  printf ("doc\tstart\tend\tsurface\tid\tlabel\ttype%s\n", all ? "\tnested" : "");
  ActnetMatchStats totals = { 0, 0, 0 };
  g_autoptr (GString) line = g_string_new (NULL);
  for (;;)
    {
      g_autoptr (ActnetDocument) document = actnet_corpus_reader_next (reader, &error);
      if (document == NULL)
        {
          if (error != NULL)
            return cli_fail (error);
          break;
        }
      progress.documents++;
      progress.text_bytes += document->length;
      /* Every few documents: the position costs a system call. */
      if (batch->progress != NULL && progress.documents % 32 == 0)
        {
          actnet_corpus_reader_get_input_position (reader, &progress.input_bytes,
                                                   &progress.input_total);
          batch->progress (&progress, batch->progress_data);
        }
      ActnetMatchStats stats;
      g_autoptr (GArray) mentions = actnet_document_find_mentions_full (matcher, document,
                                                                        &match_options, &stats);
      totals.suppressed += stats.suppressed;
      totals.short_forms += stats.short_forms;
      totals.out_of_period += stats.out_of_period;
      for (guint i = 0; i < mentions->len; i++)
        {
          const ActnetMention *m = &g_array_index (mentions, ActnetMention, i);
          const char *label = actnet_gazetteer_get_label (gazetteer, m->actor);
          const char *id = actnet_gazetteer_get_id (gazetteer, m->actor);
          const char *type = actnet_gazetteer_get_type (gazetteer, m->actor);
          g_string_set_size (line, 0);
          cli_append_tsv_field (line, document->id, -1);
          g_string_append_printf (line, "\t%" G_GSIZE_FORMAT "\t%" G_GSIZE_FORMAT "\t", m->start, m->end);
          cli_append_tsv_field (line, document->text + m->start, m->end - m->start);
          g_string_append_c (line, '\t');
          cli_append_tsv_field (line, id, -1);
          g_string_append_c (line, '\t');
          cli_append_tsv_field (line, label, -1);
          g_string_append_c (line, '\t');
          cli_append_tsv_field (line, type, -1);
          if (all)
            g_string_append (line, (m->flags & ACTNET_MENTION_NESTED) ? "\t1" : "\t0");
          g_string_append_c (line, '\n');
          fwrite (line->str, 1, line->len, stdout);
        }
    }
  if (batch->progress != NULL)
    {
      progress.finished = TRUE;
      actnet_corpus_reader_get_input_position (reader, &progress.input_bytes, &progress.input_total);
      batch->progress (&progress, batch->progress_data);
    }
  /* Skipped and empty documents, in reading order, after the mentions of
   * the others (undated ones do not matter here). */
  const GPtrArray *warnings = actnet_corpus_reader_get_warnings (reader);
  for (guint i = 0; i < warnings->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (warnings, i), "skipped ")
        || strstr (g_ptr_array_index (warnings, i), "empty document") != NULL)
      cli_error ("warning: %s", (const char *) g_ptr_array_index (warnings, i));
  cli_batch_set_n_skipped (actnet_corpus_reader_get_n_skipped (reader));
  cli_report_skipped ();
  if (verbose && totals.out_of_period > 0)
    cli_error ("%u candidate%s of dated aliases skipped (document undated or outside the alias's "
               "validity period)", totals.out_of_period, totals.out_of_period == 1 ? "" : "s");
  if (verbose && totals.suppressed > 0)
    cli_error ("%u overlapping candidate%s suppressed (longest-match policy; see --overlaps all)",
               totals.suppressed, totals.suppressed == 1 ? "" : "s");
  if (verbose && totals.short_forms > 0)
    cli_error ("%u mention%s by short form (a surname after the full name; see --no-short-forms)",
               totals.short_forms, totals.short_forms == 1 ? "" : "s");
  return cli_finish_stdout (ACTNET_EXIT_OK);
}
