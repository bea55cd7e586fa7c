/* actnet gazetteer: dispatches to its own subcommands (import, lint).
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <string.h>

int
actnet_cmd_gazetteer (int argc, char **argv)
{
  static const ActnetCommand subcommands[] = {
    { "import", "--from FORMAT IN -o OUT.tsv", "convert a gazetteer to the native TSV", actnet_cmd_gazetteer_import },
    { "lint", "[--format text|tsv] GAZ...", "check gazetteers for errors and risky aliases", actnet_cmd_gazetteer_lint },
  };
  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      FILE *out = argc < 2 ? stderr : stdout;
      fprintf (out, "Usage: actnet gazetteer SUBCOMMAND [OPTION...]\n\nSubcommands:\n");
      for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
        fprintf (out, "  %-8s %s %s\n           %s\n", subcommands[i].name, subcommands[i].name,
                 subcommands[i].parameters, subcommands[i].summary);
      fprintf (out, "\nRun 'actnet gazetteer SUBCOMMAND --help' for its options.\n");
      return argc < 2 ? ACTNET_EXIT_USAGE : cli_finish_stdout (ACTNET_EXIT_OK);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (strcmp (subcommands[i].name, argv[1]) == 0)
      {
        g_autofree char *prgname = g_strdup_printf ("actnet gazetteer %s", argv[1]);
        g_set_prgname (prgname);
        return subcommands[i].run (argc - 1, argv + 1);
      }
  cli_error ("unknown gazetteer subcommand '%s' (see 'actnet gazetteer --help')", argv[1]);
  return ACTNET_EXIT_USAGE;
}
