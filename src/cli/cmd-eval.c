/* actnet eval: the matcher's mentions scored against gold annotations.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <string.h>

/* TSV and table fields never hold a tab or newline. */

static const char *
id_or_dash (const char *id)
{
  return *id != '\0' ? id : "-";
}

/* The layout of tests/eval-mentions.py, so that the two can be compared
 * line by line. */
static void
print_table (const ActnetEvalReport *report, GString *out)
{
  g_string_append_printf (out, "%-14s%6s%6s  %6s%7s%7s   overlap P/R/F1\n",
                          "scope", "gold", "pred", "P", "R", "F1");
  for (guint i = 0; i < actnet_eval_report_get_n_scores (report); i++)
    {
      const ActnetEvalScore *s = actnet_eval_report_get_score (report, i);
      g_string_append_printf (out, "%-14s%6u%6u  %6.3f%7.3f%7.3f   %.3f/%.3f/%.3f\n",
                              s->scope, s->n_gold, s->n_predicted, s->precision, s->recall,
                              s->f1, s->overlap_precision, s->overlap_recall, s->overlap_f1);
    }
}

static void
print_table_details (const ActnetGold *gold, const char *kind, const ActnetEvalMismatch *x,
                     GString *out)
{
  const ActnetEvalMention *m = x->mention;
  g_string_append_printf (out, "%s\t", kind);
  cli_append_tsv_field (out, actnet_gold_get_document_id (gold, m->doc), -1);
  g_string_append_printf (out, "\t%" G_GSIZE_FORMAT "\t%" G_GSIZE_FORMAT "\t", m->start, m->end);
  cli_append_tsv_field (out, m->surface, -1);
  g_string_append_c (out, '\t');
  cli_append_tsv_field (out, id_or_dash (m->id), -1);
  g_string_append_c (out, '\t');
  cli_append_tsv_field (out, m->type, -1);
  if (x->overlap != NULL)
    {
      const ActnetEvalMention *o = x->overlap;
      g_string_append_printf (out, "\toverlaps %s %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT " '",
                              o->line > 0 ? "gold" : "prediction", o->start, o->end);
      cli_append_tsv_field (out, o->surface, -1);
      g_string_append (out, "' ");
      cli_append_tsv_field (out, *o->id != '\0' ? o->id : o->type, -1);
    }
  g_string_append_c (out, '\n');
}

static void
print_tsv (const ActnetEvalReport *report, GString *out)
{
  g_string_append (out, "scope\tgold\tpredicted\texact\tprecision\trecall\tf1\t"
                   "overlap_predicted\toverlap_gold\toverlap_precision\toverlap_recall\toverlap_f1\n");
  for (guint i = 0; i < actnet_eval_report_get_n_scores (report); i++)
    {
      const ActnetEvalScore *s = actnet_eval_report_get_score (report, i);
      cli_append_tsv_field (out, s->scope, -1);
      g_string_append_printf (out, "\t%u\t%u\t%u\t%.6f\t%.6f\t%.6f\t%u\t%u\t%.6f\t%.6f\t%.6f\n",
                              s->n_gold, s->n_predicted, s->exact, s->precision, s->recall,
                              s->f1, s->overlap_predicted, s->overlap_gold,
                              s->overlap_precision, s->overlap_recall, s->overlap_f1);
    }
}

static void
append_tsv_mention (GString *out, const ActnetGold *gold, const ActnetEvalMention *m)
{
  if (m == NULL)
    {
      g_string_append (out, "\t\t\t\t");
      return;
    }
  g_string_append_printf (out, "%" G_GSIZE_FORMAT "\t%" G_GSIZE_FORMAT "\t", m->start, m->end);
  cli_append_tsv_field (out, m->surface, -1);
  g_string_append_c (out, '\t');
  cli_append_tsv_field (out, m->id, -1);
  g_string_append_c (out, '\t');
  cli_append_tsv_field (out, m->type, -1);
}

static void
print_tsv_details (const ActnetGold *gold, const char *kind, const ActnetEvalMismatch *x,
                   GString *out)
{
  g_string_append_printf (out, "%s\t", kind);
  cli_append_tsv_field (out, actnet_gold_get_document_id (gold, x->mention->doc), -1);
  g_string_append_c (out, '\t');
  append_tsv_mention (out, gold, x->mention);
  g_string_append_c (out, '\t');
  append_tsv_mention (out, gold, x->overlap);
  g_string_append_c (out, '\n');
}

static void
append_json_mention (GString *out, const ActnetGold *gold, const ActnetEvalMention *m)
{
  g_string_append (out, "{\"doc\": ");
  cli_append_json_string (out, actnet_gold_get_document_id (gold, m->doc));
  g_string_append_printf (out, ", \"start\": %" G_GSIZE_FORMAT ", \"end\": %" G_GSIZE_FORMAT
                          ", \"surface\": ", m->start, m->end);
  cli_append_json_string (out, m->surface);
  g_string_append (out, ", \"id\": ");
  cli_append_json_string (out, m->id);
  g_string_append (out, ", \"type\": ");
  cli_append_json_string (out, m->type);
  if (m->line > 0)
    g_string_append_printf (out, ", \"line\": %u", m->line);
  g_string_append_c (out, '}');
}

static void
print_json_list (const ActnetGold *gold, const ActnetEvalReport *report, gboolean misses,
                 GString *out)
{
  guint n = misses ? actnet_eval_report_get_n_misses (report)
                   : actnet_eval_report_get_n_false_alarms (report);
  g_string_append_printf (out, ",\n  \"%s\": [", misses ? "misses" : "false_alarms");
  for (guint i = 0; i < n; i++)
    {
      const ActnetEvalMismatch *x = misses ? actnet_eval_report_get_miss (report, i)
                                           : actnet_eval_report_get_false_alarm (report, i);
      g_string_append (out, i > 0 ? ",\n    " : "\n    ");
      append_json_mention (out, gold, x->mention);
      /* The overlapping mention of the other side, nested. */
      g_string_truncate (out, out->len - 1);
      g_string_append (out, ", \"overlap\": ");
      if (x->overlap != NULL)
        append_json_mention (out, gold, x->overlap);
      else
        g_string_append (out, "null");
      g_string_append_c (out, '}');
    }
  g_string_append (out, n > 0 ? "\n  ]" : "]");
}

static void
print_json (const char *gold_path, const ActnetGold *gold, const ActnetEvalReport *report,
            gboolean details, GString *out)
{
  g_string_append (out, "{\n  \"gold\": ");
  cli_append_json_string (out, gold_path);
  g_string_append_printf (out, ",\n  \"format\": \"%s\",\n  \"documents\": %u,\n  \"scores\": [",
                          actnet_gold_get_format (gold) == ACTNET_GOLD_FORMAT_TSV ? "tsv" : "conll",
                          actnet_gold_get_n_documents (gold));
  for (guint i = 0; i < actnet_eval_report_get_n_scores (report); i++)
    {
      const ActnetEvalScore *s = actnet_eval_report_get_score (report, i);
      g_string_append (out, i > 0 ? ",\n    {\"scope\": " : "\n    {\"scope\": ");
      cli_append_json_string (out, s->scope);
      g_string_append_printf (out, ", \"gold\": %u, \"predicted\": %u, \"exact\": %u, "
                              "\"precision\": %.6g, \"recall\": %.6g, \"f1\": %.6g, "
                              "\"overlap_predicted\": %u, \"overlap_gold\": %u, "
                              "\"overlap_precision\": %.6g, \"overlap_recall\": %.6g, "
                              "\"overlap_f1\": %.6g}",
                              s->n_gold, s->n_predicted, s->exact, s->precision, s->recall, s->f1,
                              s->overlap_predicted, s->overlap_gold, s->overlap_precision,
                              s->overlap_recall, s->overlap_f1);
    }
  g_string_append (out, "\n  ]");
  if (details)
    {
      print_json_list (gold, report, TRUE, out);
      print_json_list (gold, report, FALSE, out);
    }
  g_string_append (out, "\n}\n");
}

/* Matches every INPUT document that the gold annotates. */
static gboolean
add_inputs (ActnetEval *eval, const ActnetMatcher *matcher, const ActnetMatchOptions *options,
            char **inputs, const char *gold_path, GError **error)
{
  const ActnetGold *gold = actnet_eval_get_gold (eval);
  const ActnetGazetteer *gazetteer = actnet_matcher_get_gazetteer (matcher);
  guint n_docs = actnet_gold_get_n_documents (gold);
  g_autofree gboolean *seen = g_new0 (gboolean, n_docs);
  g_autoptr (ActnetCorpusReader) reader = actnet_corpus_reader_new ((const char *const *) inputs);
  if (!actnet_corpus_reader_set_batch (reader, cli_get_batch_options (), error))
    return FALSE;
  for (;;)
    {
      g_autoptr (ActnetDocument) document = actnet_corpus_reader_next (reader, error);
      if (document == NULL)
        {
          if (error != NULL && *error != NULL)
            return FALSE;
          break;
        }
      guint doc = actnet_gold_lookup_document (gold, document->id);
      if (doc == G_MAXUINT)
        {
          cli_error ("warning: %s: not in the gold annotations, not scored", document->id);
          continue;
        }
      if (seen[doc])
        {
          cli_error ("warning: %s: gold document '%s' read a second time, not scored again",
                     document->id, actnet_gold_get_document_id (gold, doc));
          continue;
        }
      seen[doc] = TRUE;
      if (!actnet_gold_check_text (gold, doc, document->text, document->length, error))
        return FALSE;
      g_autoptr (GArray) mentions = actnet_document_find_mentions_full (matcher, document,
                                                                        options, NULL);
      actnet_eval_add_mentions (eval, doc, document->text, mentions, gazetteer);
    }
  for (guint doc = 0; doc < n_docs; doc++)
    if (!seen[doc])
      cli_error ("warning: %s: document '%s' is not among the inputs: its mentions count as misses",
                 gold_path, actnet_gold_get_document_id (gold, doc));
  return TRUE;
}

/* Matches the texts a CoNLL gold rebuilds from its tokens. */
static void
add_gold_texts (ActnetEval *eval, const ActnetMatcher *matcher, const ActnetMatchOptions *options)
{
  const ActnetGold *gold = actnet_eval_get_gold (eval);
  const ActnetGazetteer *gazetteer = actnet_matcher_get_gazetteer (matcher);
  for (guint doc = 0; doc < actnet_gold_get_n_documents (gold); doc++)
    {
      gsize length;
      const char *text = actnet_gold_get_document_text (gold, doc, &length);
      /* Tokens are not markdown: nothing to blank. */
      g_autoptr (ActnetDocument) document = actnet_document_new (
        actnet_gold_get_document_id (gold, doc), text, (gssize) length, FALSE);
      g_autoptr (GArray) mentions = actnet_document_find_mentions_full (matcher, document,
                                                                        options, NULL);
      actnet_eval_add_mentions (eval, doc, document->text, mentions, gazetteer);
    }
}

int
actnet_cmd_eval (int argc, char **argv)
{
  g_autofree char *gold_path = NULL;
  g_autofree char *gold_format_name = NULL;
  g_autofree char *format = NULL;
  g_autofree char *min_f1_text = NULL;
  gboolean details = FALSE;
  g_autofree char *overlaps_text = NULL;
  gboolean no_short_forms = FALSE;
  g_auto (GStrv) gazetteers = NULL;
  g_auto (GStrv) inputs = NULL;
  const GOptionEntry entries[] = {
    { "gold", 0, 0, G_OPTION_ARG_FILENAME, &gold_path,
      "Gold annotations: mentions TSV or CoNLL-2003 file (required)", "GOLD" },
    { "gold-format", 0, 0, G_OPTION_ARG_STRING, &gold_format_name,
      "tsv, conll or auto (default: auto, from the first line)", "FORMAT" },
    { "gazetteer", 'g', 0, G_OPTION_ARG_FILENAME_ARRAY, &gazetteers,
      "Gazetteer TSV (repeatable; default: the bundled Libya gazetteer)", "GAZ" },
    CLI_GAZETTEER_FORMAT_OPTION,
    /* The matcher runs as `actnet mentions` does under the same options. */
    CLI_MATCH_OPTION_ENTRIES (overlaps_text, no_short_forms),
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, "table (default), tsv or json", "F" },
    { "details", 0, 0, G_OPTION_ARG_NONE, &details,
      "Also list the misses and false alarms", NULL },
    { "min-f1", 0, 0, G_OPTION_ARG_STRING, &min_f1_text,
      "Exit 1 when the exact F1 of 'all' is below X (0..1)", "X" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = cli_context_new (
    "--gold GOLD [INPUT...]", "Score the matcher's mentions against gold annotations.",
    "GOLD is a TSV in the layout of 'actnet mentions' (a header naming at least doc, start,\n"
    "end and type; byte offsets) annotating the INPUT files, whose documents are matched by\n"
    "id or basename; or a CoNLL-2003 file (token ... NER-tag per line, IOB1 or IOB2), whose\n"
    "text is rebuilt from its tokens: no INPUT then.\n"
    "Exact: same span and id (TSV) or type (CoNLL); overlap: overlapping span, same id/type.\n"
    "'all' covers every gold type but media and byline, which are scored on their own rows;\n"
    "predictions of a type the gold does not mark are not scored.\n"
    "Exit status: 0 ok, 1 failure or F1 below --min-f1, 2 usage error.",
    entries);
  GError *error = NULL;
  if (!cli_option_context_parse (context, &argc, &argv, &error))
    {
      cli_error ("%s (see '%s --help')", error->message, g_get_prgname ());
      g_error_free (error);
      return ACTNET_EXIT_USAGE;
    }
  if (gold_path == NULL)
    {
      cli_error ("no --gold given (see '%s --help')", g_get_prgname ());
      return ACTNET_EXIT_USAGE;
    }
  ActnetGoldFormat gold_format = ACTNET_GOLD_FORMAT_AUTO;
  if (gold_format_name != NULL && !actnet_gold_format_parse (gold_format_name, &gold_format, &error))
    {
      cli_error ("%s (see '%s --help')", error->message, g_get_prgname ());
      g_error_free (error);
      return ACTNET_EXIT_USAGE;
    }
  static const char *const formats[] = { "table", "tsv", "json", NULL };
  if (format != NULL && !g_strv_contains (formats, format))
    {
      cli_error ("unknown format '%s' (expected table, tsv or json)", format);
      return ACTNET_EXIT_USAGE;
    }
  ActnetMatchOptions match_options;
  if (!cli_parse_match_options (overlaps_text, no_short_forms, &match_options))
    return ACTNET_EXIT_USAGE;
  double min_f1 = 0.0;
  if (min_f1_text != NULL)
    {
      char *end = NULL;
      min_f1 = g_ascii_strtod (min_f1_text, &end);
      if (end == min_f1_text || *end != '\0' || !(min_f1 >= 0.0 && min_f1 <= 1.0))
        {
          cli_error ("--min-f1 must be a number from 0 to 1, not '%s'", min_f1_text);
          return ACTNET_EXIT_USAGE;
        }
    }

  g_autoptr (ActnetGold) gold = actnet_gold_load_file (gold_path, gold_format, &error);
  if (gold == NULL)
    return cli_fail (error);
  gboolean conll = actnet_gold_get_format (gold) == ACTNET_GOLD_FORMAT_CONLL;
  gboolean have_inputs = inputs != NULL && inputs[0] != NULL;
  if (conll && have_inputs)
    {
      cli_error ("a CoNLL gold carries its own text: give no INPUT (see '%s --help')",
                 g_get_prgname ());
      return ACTNET_EXIT_USAGE;
    }
  if (!conll && !have_inputs)
    {
      cli_error ("no INPUT given: a TSV gold annotates files to read (see '%s --help')",
                 g_get_prgname ());
      return ACTNET_EXIT_USAGE;
    }

  g_autoptr (ActnetGazetteer) gazetteer = NULL;
  g_autoptr (ActnetMatcher) matcher = cli_load_matcher (gazetteers, &gazetteer, &error);
  if (matcher == NULL)
    return cli_fail (error);
  g_autoptr (ActnetEval) eval = actnet_eval_new (gold);
  if (conll)
    add_gold_texts (eval, matcher, &match_options);
  else if (!add_inputs (eval, matcher, &match_options, inputs, gold_path, &error))
    return cli_fail (error);

  g_autoptr (ActnetEvalReport) report = actnet_eval_report_new (eval);
  g_autoptr (GString) out = g_string_new (NULL);
  if (format == NULL || strcmp (format, "table") == 0)
    {
      print_table (report, out);
      if (details)
        {
          for (guint i = 0; i < actnet_eval_report_get_n_misses (report); i++)
            print_table_details (gold, "miss", actnet_eval_report_get_miss (report, i), out);
          for (guint i = 0; i < actnet_eval_report_get_n_false_alarms (report); i++)
            print_table_details (gold, "false alarm",
                                 actnet_eval_report_get_false_alarm (report, i), out);
        }
    }
  else if (strcmp (format, "tsv") == 0)
    {
      print_tsv (report, out);
      if (details)
        {
          g_string_append (out, "\nkind\tdoc\tstart\tend\tsurface\tid\ttype\t"
                           "overlap_start\toverlap_end\toverlap_surface\toverlap_id\toverlap_type\n");
          for (guint i = 0; i < actnet_eval_report_get_n_misses (report); i++)
            print_tsv_details (gold, "miss", actnet_eval_report_get_miss (report, i), out);
          for (guint i = 0; i < actnet_eval_report_get_n_false_alarms (report); i++)
            print_tsv_details (gold, "false_alarm",
                               actnet_eval_report_get_false_alarm (report, i), out);
        }
    }
  else
    print_json (gold_path, gold, report, details, out);
  fwrite (out->str, 1, out->len, stdout);

  int status = ACTNET_EXIT_OK;
  const ActnetEvalScore *all = actnet_eval_report_lookup_score (report, "all");
  if (min_f1_text != NULL && all->f1 < min_f1)
    {
      cli_error ("exact F1 of 'all' is %.3f (P %.3f, R %.3f), below --min-f1 %s",
                 all->f1, all->precision, all->recall, min_f1_text);
      status = ACTNET_EXIT_FAILURE;
    }
  return cli_finish_stdout (status);
}
