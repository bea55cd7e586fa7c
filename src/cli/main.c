/* actnet — the command-line entry point: dispatches on argv[1].
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"
#include "actnet-config.h"
#include "../atomic-file.h"

#include <locale.h>
#include <signal.h>
#include <string.h>

static const ActnetCommand commands[] = {
  { "build", "[-g GAZ]... [--window W] [-o OUT.graphml] INPUT...",
    "read a corpus, write the actor graph, print a summary and the top actors", actnet_cmd_build },
  { "rank", "[--by MEASURE] [--top N] [--type TYPE] [--format F] GRAPH.graphml|INPUT...",
    "print actors ranked by a centrality measure", actnet_cmd_rank },
  { "mentions", "[-g GAZ]... INPUT...",
    "print every actor mention as TSV (doc, byte offsets, surface, actor)", actnet_cmd_mentions },
  { "gazetteer", "import|lint ...",
    "import gazetteers from other formats, lint them", actnet_cmd_gazetteer },
  { "suggest", "[-g GAZ]... INPUT...",
    "list name-like phrases missing from the gazetteer", actnet_cmd_suggest },
  { "eval", "--gold GOLD [-g GAZ]... [INPUT...]",
    "score mentions against gold annotations (TSV or CoNLL)", actnet_cmd_eval },
  { "stats", "[--format table|tsv|json] GRAPH",
    "whole-graph statistics: density, components, clustering, modularity", actnet_cmd_stats },
  { "draw", "GRAPH -o net.svg|net.png",
    "draw the graph: force-directed layout, colours by type or community", actnet_cmd_draw },
  { "export", "GRAPH.graphml -o OUT [--format F] [--color type|community] [--size MEASURE]",
    "convert a graph to GEXF, GML, Pajek, DOT, CSV, JSON or an adjacency matrix", actnet_cmd_export },
  { "explain", "[-g GAZ]... ACTOR_A ACTOR_B INPUT...",
    "print the sentences (units) that support the edge between two actors", actnet_cmd_explain },
  { "kwic", "[-g GAZ]... ACTOR INPUT...",
    "keyword-in-context lines for one actor", actnet_cmd_kwic },
  { "count", "[build options] -o PART.counts INPUT...",
    "count one shard of a corpus into a mergeable partial-count file", actnet_cmd_count },
  { "merge", "[build options] PART.counts... -o OUT.graphml",
    "merge partial counts into the graph a single run would give", actnet_cmd_merge },
};

gboolean
cli_command_exists (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return TRUE;
  return FALSE;
}

static void
print_usage (FILE *out)
{
  fprintf (out,
           "Usage: actnet COMMAND [OPTION...] [ARG...]\n"
           "Turn a corpus of news text into an actor network.\n\n"
           "Commands:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf (out,
           "\nRun 'actnet COMMAND --help' for a command's options.\n"
           "--config FILE (before or after COMMAND) reads options from a key file first.\n"
           "INPUT is a text or markdown file, a directory (searched recursively for\n"
           "*.txt, *.md, *.jsonl), a JSONL file (one article a line, \"text\" required),\n"
           "or - for standard input.\n\n"
           "Exit status: 0 success, 1 failure (bad input, unwritable output),\n"
           "2 usage error.\n");
}

/* An interrupted run leaves no temporary output behind: the handler
 * removes the files being written, then the signal is raised again with
 * its default action, so the parent sees how the process ended (a shell
 * reports 130 for SIGINT). Previous outputs are untouched: they are only
 * ever replaced by rename(). */
static void
on_fatal_signal (int signum)
{
  actnet_i_atomic_file_remove_all ();
  signal (signum, SIG_DFL);
  raise (signum);
}

static void
install_signal_handlers (void)
{
  static const int fatal[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE };
  for (gsize i = 0; i < G_N_ELEMENTS (fatal); i++)
    {
      struct sigaction action = { 0 };
      sigaction (fatal[i], NULL, &action);
      /* A signal ignored by whoever started us (nohup, a shell's
       * background job) stays ignored. */
      if (action.sa_handler == SIG_IGN)
        continue;
      action.sa_handler = on_fatal_signal;
      sigemptyset (&action.sa_mask);
      action.sa_flags = 0;
      sigaction (fatal[i], &action, NULL);
    }
  /* Over a file size limit (ulimit -f), write() then fails with EFBIG and
   * the output's error path runs, instead of the process dying with the
   * temporary file in place. */
  signal (SIGXFSZ, SIG_IGN);
}

int
main (int argc, char **argv)
{
  /* Messages in the user's locale; numbers are formatted by our own code
   * and igraph with the C conventions regardless (igraph uses its own
   * safe-locale handling for output). */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  install_signal_handlers ();

  /* actnet --config FILE COMMAND ...: as if given after COMMAND. */
  if (argc >= 2 && (strcmp (argv[1], "--config") == 0 || g_str_has_prefix (argv[1], "--config=")))
    {
      gboolean joined = argv[1][strlen ("--config")] == '=';
      if (!joined && argc < 3)
        {
          cli_error ("Missing argument for --config (see 'actnet --help')");
          return ACTNET_EXIT_USAGE;
        }
      const char *path = joined ? argv[1] + strlen ("--config=") : argv[2];
      if (*path == '\0')
        {
          cli_error ("--config: empty file name (see 'actnet --help')");
          return ACTNET_EXIT_USAGE;
        }
      cli_config_set_path (path);
      int shift = joined ? 1 : 2;
      argv[shift] = argv[0];
      argv += shift;
      argc -= shift;
    }
  if (argc < 2)
    {
      print_usage (stderr);
      return ACTNET_EXIT_USAGE;
    }
  const char *name = argv[1];
  if (strcmp (name, "--help") == 0 || strcmp (name, "-h") == 0 || strcmp (name, "help") == 0)
    {
      if (strcmp (name, "help") == 0 && argc > 2)
        {
          char *help_argv[] = { argv[2], (char *) "--help", NULL };
          for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
            if (strcmp (commands[i].name, argv[2]) == 0)
              {
                g_autofree char *prgname = g_strdup_printf ("actnet %s", commands[i].name);
                g_set_prgname (prgname);
                return commands[i].run (2, help_argv);
              }
          cli_error ("unknown command '%s' (see 'actnet --help')", argv[2]);
          return ACTNET_EXIT_USAGE;
        }
      print_usage (stdout);
      return cli_finish_stdout (ACTNET_EXIT_OK);
    }
  if (strcmp (name, "--version") == 0)
    {
      printf ("actnet %s\n", ACTNET_VERSION);
      return cli_finish_stdout (ACTNET_EXIT_OK);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      {
        g_autofree char *prgname = g_strdup_printf ("actnet %s", name);
        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }
  cli_error ("unknown command '%s' (see 'actnet --help')", name);
  return ACTNET_EXIT_USAGE;
}
