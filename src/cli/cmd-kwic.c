/* actnet kwic: every mention of one actor in its context.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <string.h>
#include <unistd.h>

typedef struct {
  char *where;   /* "doc:offset" */
  char *line;    /* the rest of the line */
} KwicLine;

static void
kwic_line_clear (gpointer data)
{
  KwicLine *line = data;
  g_free (line->where);
  g_free (line->line);
}

int
actnet_cmd_kwic (int argc, char **argv)
{
  g_auto (GStrv) gazetteers = NULL;
  g_auto (GStrv) operands = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *overlaps_text = NULL;
  gboolean no_short_forms = FALSE;
  gint width = 40;
  g_auto (CliDatingArgs) dating_args = { NULL, NULL, NULL };
  const GOptionEntry entries[] = {
    { "gazetteer", 'g', 0, G_OPTION_ARG_FILENAME_ARRAY, &gazetteers,
      "Gazetteer TSV (repeatable; default: the bundled Libya gazetteer)", "GAZ" },
    CLI_GAZETTEER_FORMAT_OPTION,
    { "width", 'W', 0, G_OPTION_ARG_INT, &width,
      "Characters of context on each side (default 40)", "N" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text, "text (default) or tsv", "F" },
    CLI_MATCH_OPTION_ENTRIES (overlaps_text, no_short_forms),
    CLI_DATING_OPTION_ENTRIES (dating_args),
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &operands, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = cli_context_new (
    "ACTOR INPUT...", "List every mention of one actor with its context (keyword in context).",
    "The actor is named by id, label or alias. text: DOC:OFFSET, the left context\n"
    "right-aligned, the mention in [brackets] (bold on a terminal unless NO_COLOR is set),\n"
    "the right context; whitespace runs are shown as one space. tsv: doc start end left\n"
    "mention right, after a header line. OFFSET is the mention's first byte.\n"
    "Exit status: 0 ok, 1 failure (unknown actor, bad input), 2 usage error.",
    entries);
  if (!cli_parse (context, &argc, &argv, &operands, "ACTOR INPUT", width))
    return ACTNET_EXIT_USAGE;
  if (g_strv_length (operands) < 2)
    {
      cli_error ("expected ACTOR INPUT... (try 'actnet kwic --help')");
      return ACTNET_EXIT_USAGE;
    }
  gboolean tsv = FALSE;
  if (format_text != NULL && strcmp (format_text, "tsv") == 0)
    tsv = TRUE;
  else if (format_text != NULL && strcmp (format_text, "text") != 0)
    {
      cli_error ("invalid --format '%s' (expected text or tsv)", format_text);
      return ACTNET_EXIT_USAGE;
    }
  ActnetMatchOptions match_options;
  if (!cli_parse_dating_options (&dating_args))
    return ACTNET_EXIT_USAGE;
  if (!cli_parse_match_options (overlaps_text, no_short_forms, &match_options))
    return ACTNET_EXIT_USAGE;

  GError *error = NULL;
  g_autoptr (ActnetGazetteer) gazetteer = NULL;
  g_autoptr (ActnetMatcher) matcher = cli_load_matcher (gazetteers, &gazetteer, &error);
  if (matcher == NULL)
    return cli_fail (error);
  guint actor = actnet_gazetteer_resolve_name (gazetteer, operands[0], &error);
  if (actor == G_MAXUINT)
    return cli_fail (error);
  const char *no_color = g_getenv ("NO_COLOR");
  gboolean color = !tsv && isatty (STDOUT_FILENO) && (no_color == NULL || *no_color == '\0');

  /* Text lines are kept until the end so that the keyword column lines up
   * whatever the length of the document names. */
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (KwicLine));
  g_array_set_clear_func (lines, kwic_line_clear);
  guint where_width = 0;
  if (tsv)
    fputs ("doc\tstart\tend\tleft\tmention\tright\n", stdout);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (ActnetCorpusReader) reader = actnet_corpus_reader_new ((const char *const *) operands + 1);
  /* Dated like build, so dated aliases match where build finds them. */
  if (!actnet_corpus_reader_set_dating (reader, cli_get_dating_options (), &error)
      || !actnet_corpus_reader_set_batch (reader, cli_get_batch_options (), &error))
    return cli_fail (error);
  for (;;)
    {
      g_autoptr (ActnetDocument) document = actnet_corpus_reader_next (reader, &error);
      if (document == NULL)
        {
          if (error != NULL)
            return cli_fail (error);
          break;
        }
      g_autoptr (GArray) mentions = actnet_document_find_mentions_full (matcher, document,
                                                                        &match_options, NULL);
      for (guint i = 0; i < mentions->len; i++)
        {
          const ActnetMention *m = &g_array_index (mentions, ActnetMention, i);
          if (m->actor != actor || (m->flags & ACTNET_MENTION_REDUNDANT) != 0)
            continue;
          g_autofree char *left = NULL, *right = NULL;
          actnet_evidence_context (document->text, document->length, m->start, m->end,
                                   (guint) width, &left, &right);
          g_autofree char *mention = actnet_evidence_collapse (document->text, m->start, m->end);
          g_string_truncate (out, 0);
          if (tsv)
            {
              cli_append_tsv_field (out, document->id, -1);
              g_string_append_printf (out, "\t%" G_GSIZE_FORMAT "\t%" G_GSIZE_FORMAT "\t",
                                      m->start, m->end);
              g_string_append_printf (out, "%s\t%s\t%s\n", left, mention, right);
              fwrite (out->str, 1, out->len, stdout);
              continue;
            }
          cli_append_padded (out, left, (guint) width, TRUE);
          g_string_append_printf (out, color ? "\033[1m%s\033[0m%s" : "[%s]%s", mention, right);
          g_autoptr (GString) where = g_string_new (NULL);
          cli_append_tsv_field (where, document->id, -1);
          g_string_append_printf (where, ":%" G_GSIZE_FORMAT, m->start);
          where_width = MAX (where_width, (guint) g_utf8_strlen (where->str, -1));
          KwicLine line = { g_string_free (g_steal_pointer (&where), FALSE), g_strdup (out->str) };
          g_array_append_val (lines, line);
        }
    }
  for (guint i = 0; i < lines->len; i++)
    {
      const KwicLine *line = &g_array_index (lines, KwicLine, i);
      g_string_truncate (out, 0);
      cli_append_padded (out, line->where, where_width, FALSE);
      printf ("%s  %s\n", out->str, line->line);
    }
  return cli_finish_stdout (ACTNET_EXIT_OK);
}
