/* actnet suggest: name-like phrases that the gazetteer misses.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <string.h>

#define ACTNET_DEFAULT_WORDS "/usr/share/dict/american-english"

static void
print_table (const GArray *suggestions, const ActnetGazetteer *gazetteer)
{
  guint name_width = 4;
  for (guint i = 0; i < suggestions->len; i++)
    {
      glong chars = g_utf8_strlen (g_array_index (suggestions, ActnetSuggestion, i).label, -1);
      name_width = MAX (name_width, (guint) MIN (chars, 40));
    }
  g_autoptr (GString) line = g_string_new ("rank  ");
  cli_append_padded (line, "name", name_width, FALSE);
  g_string_append (line, "  type            count   docs  with");
  printf ("%s\n", line->str);
  for (guint i = 0; i < suggestions->len; i++)
    {
      const ActnetSuggestion *s = &g_array_index (suggestions, ActnetSuggestion, i);
      g_string_printf (line, "%4u  ", i + 1);
      cli_append_padded (line, s->label, name_width, FALSE);
      g_string_append (line, "  ");
      cli_append_padded (line, s->type, 12, FALSE);
      g_string_append_printf (line, "  %5u  %5u  ", s->count, s->documents);
      for (guint p = 0; p < s->n_peers; p++)
        g_string_append_printf (line, "%s%s (%u)", p > 0 ? ", " : "",
                                actnet_gazetteer_get_id (gazetteer, s->peers[p].actor), s->peers[p].count);
      /* No trailing blanks when there is no peer. */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      printf ("%s\n", line->str);
    }
}

int
actnet_cmd_suggest (int argc, char **argv)
{
  g_auto (GStrv) gazetteers = NULL;
  g_auto (GStrv) inputs = NULL;
  g_autofree char *format = NULL;
  g_autofree char *words = NULL;
  int min_count = 2;
  int top = 50;
  const GOptionEntry entries[] = {
    { "gazetteer", 'g', 0, G_OPTION_ARG_FILENAME_ARRAY, &gazetteers,
      "Gazetteer TSV whose names are known (repeatable; default: the bundled Libya gazetteer)", "GAZ" },
    { "min-count", 'm', 0, G_OPTION_ARG_INT, &min_count,
      "Only phrases seen at least N times (default 2)", "N" },
    { "top", 'n', 0, G_OPTION_ARG_INT, &top, "Show the N most frequent (default 50; 0: all)", "N" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      "table (default) or tsv (gazetteer lines to review and append)", "table|tsv" },
    { "words", 0, 0, G_OPTION_ARG_FILENAME, &words,
      "Dictionary: a lone word found in it is not a name (default: " ACTNET_DEFAULT_WORDS ")", "FILE" },
    CLI_MAX_ALIAS_LENGTH_OPTION,
    CLI_MAX_DOCUMENT_SIZE_OPTION,
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = cli_context_new (
    "INPUT...", "List name-like phrases that no gazetteer alias covers.",
    "A phrase is a run of capitalised words (connectors of, the, al, el, bin, ibn, abu, de\n"
    "inside; 'and' only inside organisation names), or an acronym (2-6 capitals, U.N.).\n"
    "Leading titles (President, Gen., Prime Minister ...) and sentence-opening function\n"
    "words (The, In, But ...) are stripped; a single word seen only at sentence starts,\n"
    "a single word found in the dictionary (--words), title-case lines (headlines, bylines)\n"
    "and words inside gazetteer mentions are left out.\n"
    "Ranked by count, then documents. 'with' lists the known actors met most often in the\n"
    "same sentence. type is a guess: title -> person; organization word (Army, Council,\n"
    "Party ...) or acronym -> organization; after in/at/from/near/to -> place; else misc.\n"
    "--format tsv prints, for each phrase, a comment line with its figures and a gazetteer\n"
    "line 'id type label aliases' (aliases: case variants the label would miss).\n"
    "Exit status: 0 ok, 1 failure, 2 usage error.",
    entries);
  if (!cli_parse (context, &argc, &argv, &inputs, "INPUT", top))
    return ACTNET_EXIT_USAGE;
  if (min_count < 1)
    {
      cli_error ("--min-count must be 1 or more");
      return ACTNET_EXIT_USAGE;
    }
  gboolean tsv = FALSE;
  if (format != NULL && strcmp (format, "tsv") == 0)
    tsv = TRUE;
  else if (format != NULL && strcmp (format, "table") != 0)
    {
      cli_error ("unknown format '%s' (expected table or tsv; see '%s --help')", format, g_get_prgname ());
      return ACTNET_EXIT_USAGE;
    }

  GError *error = NULL;
  g_autoptr (ActnetGazetteer) gazetteer = NULL;
  g_autoptr (ActnetMatcher) matcher = cli_load_matcher (gazetteers, &gazetteer, &error);
  if (matcher == NULL)
    return cli_fail (error);
  g_autoptr (ActnetSuggester) suggester = actnet_suggester_new (matcher);
  if (!actnet_suggester_load_words (suggester, words != NULL ? words : ACTNET_DEFAULT_WORDS, &error))
    {
      /* Still useful without it, with more adjectives among the names. */
      cli_error ("warning: cannot read the word list (%s); lone dictionary words are not left out%s",
                 error->message, words == NULL ? " (install wamerican or give --words FILE)" : "");
      g_clear_error (&error);
    }
  g_autoptr (ActnetCorpusReader) reader = actnet_corpus_reader_new ((const char *const *) inputs);
  if (!actnet_corpus_reader_set_batch (reader, cli_get_batch_options (), &error))
    return cli_fail (error);
  guint n_documents = 0;
  for (;;)
    {
      g_autoptr (ActnetDocument) document = actnet_corpus_reader_next (reader, &error);
      if (document == NULL)
        {
          if (error != NULL)
            return cli_fail (error);
          break;
        }
      actnet_suggester_add_document (suggester, document);
      n_documents++;
    }

  g_autoptr (GArray) suggestions = actnet_suggester_rank (suggester, (guint) min_count, (guint) top);
  if (tsv)
    {
      g_autofree char *text = actnet_suggestions_to_tsv (suggestions, gazetteer);
      printf ("# actnet suggest: %u phrases from %u documents (min count %d); review them, "
              "then append to a gazetteer\n%s", suggestions->len, n_documents, min_count, text);
    }
  else
    print_table (suggestions, gazetteer);
  return cli_finish_stdout (ACTNET_EXIT_OK);
}
