/* actnet gazetteer import: any supported gazetteer format -> native TSV.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <string.h>

int
actnet_cmd_gazetteer_import (int argc, char **argv)
{
  g_auto (GStrv) inputs = NULL;
  g_autofree char *from = NULL;
  g_autofree char *output = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *type = NULL;
  g_autofree char *alias_separator = NULL;
  const GOptionEntry entries[] = {
    { "from", 'f', 0, G_OPTION_ARG_STRING, &from,
      "Input format: auto (default), petrarch, spacy, gate, csv or native", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write the native TSV to FILE (default and -: standard output)", "FILE" },
    { "columns", 'c', 0, G_OPTION_ARG_STRING, &columns,
      "CSV/TSV lists: id=COL,label=COL,aliases=COL,type=COL,ATTRIBUTE=COL (COL: name or number)",
      "SPEC" },
    { "type", 't', 0, G_OPTION_ARG_STRING, &type,
      "Type of every imported actor (CSV/TSV lists default to place)", "TYPE" },
    { "alias-separator", 0, 0, G_OPTION_ARG_STRING, &alias_separator,
      "CSV/TSV lists: separator of the names in the aliases column (default ,)", "SEP" },
    CLI_MAX_ALIAS_LENGTH_OPTION,
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = cli_context_new (
    "IN...", "Convert gazetteers to actnet's native TSV.",
    "IN is a PETRARCH/TABARI .actors dictionary, a spaCy EntityRuler .jsonl, a GATE lists.def\n"
    "(its .lst files are read from its directory), a CSV/TSV place list with a header line\n"
    "(GeoNames cities.tsv is recognised) or a native TSV. Several IN combine into one output;\n"
    "an id defined again by a later IN is merged. Problems in entries are warnings: the first\n"
    "20 are printed, then a count, then 'N actors, M aliases, K warnings' (aliases include\n"
    "the labels). Exit status: 0 ok, 1 failure, 2 usage error.",
    entries);
  if (!cli_parse (context, &argc, &argv, &inputs, "IN", 0))
    return ACTNET_EXIT_USAGE;

  ActnetGazetteerFormat format = ACTNET_GAZETTEER_FORMAT_AUTO;
  GError *error = NULL;
  if (from != NULL && !actnet_gazetteer_format_from_string (from, &format, &error))
    {
      cli_error ("%s (see '%s --help')", error->message, g_get_prgname ());
      g_error_free (error);
      return ACTNET_EXIT_USAGE;
    }
  if (type != NULL)
    {
      g_autofree char *canonical = actnet_type_canonicalize (type);
      if (*canonical == '\0' || strpbrk (canonical, " \t\n") != NULL)
        {
          cli_error ("--type must be a single word (see '%s --help')", g_get_prgname ());
          return ACTNET_EXIT_USAGE;
        }
    }

  ActnetImportOptions options = { columns, type, alias_separator };
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  actnet_gazetteer_set_max_alias_length (gazetteer, cli_get_max_alias_length ());
  for (char **input = inputs; *input != NULL; input++)
    if (!actnet_gazetteer_import_file (gazetteer, *input, format, &options, &error))
      {
        /* A malformed --columns is the caller's mistake, like a bad option. */
        if (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT))
          {
            cli_error ("%s (see '%s --help')", error->message, g_get_prgname ());
            g_error_free (error);
            return ACTNET_EXIT_USAGE;
          }
        return cli_fail (error);
      }

  guint n_warnings = cli_print_gazetteer_warnings (gazetteer);
  if (!actnet_gazetteer_write_tsv (gazetteer, output != NULL ? output : "-", &error))
    return cli_fail (error);
  fprintf (stderr, "%u actors, %u aliases, %u warnings\n",
           actnet_gazetteer_get_n_actors (gazetteer), actnet_gazetteer_get_n_aliases (gazetteer),
           n_warnings);
  return cli_finish_stdout (ACTNET_EXIT_OK);
}
