/* actnet gazetteer lint: every problem of native TSV gazetteers.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <errno.h>
#include <string.h>

#define DEFAULT_WORDS "/usr/share/dict/american-english"

/* TSV fields never hold a tab or newline. */
static void
append_tsv_field (GString *out, const char *text)
{
  if (text == NULL)
    return;
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

static const char *
plural (guint n, const char *one, const char *many)
{
  return n == 1 ? one : many;
}

int
actnet_cmd_gazetteer_lint (int argc, char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *words = NULL;
  gboolean all = FALSE;
  g_auto (GStrv) inputs = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      "Output format: text (default) or tsv", "text|tsv" },
    { "words", 0, 0, G_OPTION_ARG_FILENAME, &words,
      "Word list for the common-word check (default: " DEFAULT_WORDS ")", "FILE" },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all,
      "Also show notes (custom types, aliases inside other aliases)", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = cli_context_new (
    "GAZ...", "Check native TSV gazetteers and report every problem.",
    "Each finding reads FILE:LINE: SEVERITY: CODE: message.\n"
    "Errors (the loader rejects the file): invalid-utf8, columns, spaces-for-tabs, empty-id,\n"
    "  empty-type, empty-label, empty-alias, no-letters, type-not-word, duplicate-id, load.\n"
    "Warnings: padded-field, padded-alias, space-run, pipe-in-label, misplaced-header,\n"
    "  duplicate-alias, ambiguous-alias, common-word (a one-word alias that is an English\n"
    "  word, without the exact-case '=' prefix).\n"
    "Notes (shown with --all): custom-type, contains-alias.\n"
    "--format tsv prints: file line severity code actor alias message, and no summary.\n"
    "Exit status: 0 no errors (warnings allowed), 1 errors or an unreadable file, 2 usage error.",
    entries);
  if (!cli_parse (context, &argc, &argv, &inputs, "GAZ", 0))
    return ACTNET_EXIT_USAGE;
  gboolean tsv = FALSE;
  if (format != NULL && strcmp (format, "tsv") == 0)
    tsv = TRUE;
  else if (format != NULL && strcmp (format, "text") != 0)
    {
      cli_error ("unknown format '%s' (expected text or tsv; see '%s --help')", format, g_get_prgname ());
      return ACTNET_EXIT_USAGE;
    }

  g_autoptr (ActnetLint) lint = actnet_lint_new ();
  const char *words_path = words != NULL ? words : DEFAULT_WORDS;
  GError *error = NULL;
  if (!actnet_lint_load_words (lint, words_path, &error))
    {
      /* Linting stays useful without the list; say so once. */
      cli_error ("warning: cannot read the word list (%s); common-word check skipped%s",
                 error->message, words == NULL ? " (install wamerican or give --words FILE)" : "");
      g_clear_error (&error);
    }

  int status = ACTNET_EXIT_OK;
  for (char **p = inputs; *p != NULL; p++)
    if (!actnet_lint_add_file (lint, *p, &error))
      {
        /* "PATH: No such file ...", as the other commands say it. */
        if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
          cli_error ("%s: %s", *p, g_strerror (ENOENT));
        else
          cli_error ("%s", error->message);
        g_clear_error (&error);
        status = ACTNET_EXIT_FAILURE;
      }
  actnet_lint_finish (lint);

  g_autoptr (GString) out = g_string_new (NULL);
  if (tsv)
    g_string_append (out, "file\tline\tseverity\tcode\tactor\talias\tmessage\n");
  guint n = actnet_lint_get_n_findings (lint);
  for (guint i = 0; i < n; i++)
    {
      const ActnetLintFinding *f = actnet_lint_get_finding (lint, i);
      if (f->severity == ACTNET_LINT_NOTE && !all)
        continue;
      const char *severity = actnet_lint_severity_to_string (f->severity);
      if (tsv)
        {
          append_tsv_field (out, f->file);
          g_string_append_printf (out, "\t%u\t%s\t%s\t", f->line, severity, f->code);
          append_tsv_field (out, f->actor);
          g_string_append_c (out, '\t');
          append_tsv_field (out, f->alias);
          g_string_append_c (out, '\t');
          append_tsv_field (out, f->message);
          g_string_append_c (out, '\n');
        }
      else if (f->line > 0)
        g_string_append_printf (out, "%s:%u: %s: %s: %s\n", f->file, f->line, severity, f->code, f->message);
      else
        g_string_append_printf (out, "%s: %s: %s: %s\n", f->file, severity, f->code, f->message);
      /* Large gazetteers give many findings: keep memory flat. */
      if (out->len > 65536)
        {
          fwrite (out->str, 1, out->len, stdout);
          g_string_truncate (out, 0);
        }
    }
  guint n_errors = actnet_lint_count (lint, ACTNET_LINT_ERROR);
  guint n_warnings = actnet_lint_count (lint, ACTNET_LINT_WARNING);
  guint n_notes = actnet_lint_count (lint, ACTNET_LINT_NOTE);
  if (!tsv)
    {
      g_string_append_printf (out, "%u %s, %u %s", n_errors, plural (n_errors, "error", "errors"),
                              n_warnings, plural (n_warnings, "warning", "warnings"));
      if (all)
        g_string_append_printf (out, ", %u %s\n", n_notes, plural (n_notes, "note", "notes"));
      else if (n_notes > 0)
        g_string_append_printf (out, " (%u %s not shown; --all shows %s)\n", n_notes,
                                plural (n_notes, "note", "notes"), plural (n_notes, "it", "them"));
      else
        g_string_append_c (out, '\n');
    }
  fwrite (out->str, 1, out->len, stdout);
  if (n_errors > 0)
    status = ACTNET_EXIT_FAILURE;
  return cli_finish_stdout (status);
}
