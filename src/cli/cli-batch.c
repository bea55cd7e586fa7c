/* Batch input for build, rank and mentions (README, "Batch input"):
 * --include, --exclude, --files-from, --keep-going, kept here when they
 * are parsed so that cli_build_network() applies them (like the dating
 * options), and the run manifest of build -o.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"
#include "actnet-config.h"
#include "../atomic-file.h"

#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

/* A CLI run parses its options once: plain statics suffice. */
static GPtrArray *include_globs;  /* char *, NULL-terminated once used */
static GPtrArray *exclude_globs;
static char *files_from;
static gboolean keep_going;
static ActnetBatchOptions batch_options = ACTNET_BATCH_OPTIONS_INIT;
static guint64 n_skipped;
static guint jobs;                /* --jobs; 0: one per core */
static gboolean progress_forced;  /* --progress */
static gboolean progress_quiet;   /* --quiet of the command */
static gboolean progress_off_by_default;

/* More threads than this is a typo, not a machine. */
#define CLI_MAX_JOBS 1024

static void
add_glob (GPtrArray **globs, const char *value)
{
  if (*globs == NULL)
    {
      *globs = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (*globs, NULL);
    }
  /* Kept NULL-terminated: the array is the option's strv. */
  g_ptr_array_insert (*globs, (gint) (*globs)->len - 1, g_strdup (value));
}

gboolean
cli_batch_option (const char *name, const char *value, gpointer data, GError **error)
{
  (void) data;
  if (strcmp (name, "--keep-going") == 0)
    keep_going = TRUE;
  else if (strcmp (name, "--progress") == 0)
    progress_forced = TRUE;
  else if (*value == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "%s: empty value", name);
      return FALSE;
    }
  else if (strcmp (name, "--include") == 0)
    add_glob (&include_globs, value);
  else if (strcmp (name, "--exclude") == 0)
    add_glob (&exclude_globs, value);
  else if (strcmp (name, "--jobs") == 0 || strcmp (name, "-j") == 0)
    {
      gint64 n = 0;
      if (!g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, &n, NULL)
          || n < 0 || n > CLI_MAX_JOBS)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "%s: expected a number of threads from 0 (one per core) to %d, not '%s'",
                       name, CLI_MAX_JOBS, value);
          return FALSE;
        }
      jobs = (guint) n;
    }
  else
    {
      g_free (files_from);
      files_from = g_strdup (value);
    }
  batch_options.include = include_globs != NULL ? (const char *const *) include_globs->pdata : NULL;
  batch_options.exclude = exclude_globs != NULL ? (const char *const *) exclude_globs->pdata : NULL;
  batch_options.files_from = files_from;
  batch_options.keep_going = keep_going;
  return TRUE;
}

static guint
resolved_jobs (void)
{
  return jobs > 0 ? jobs : g_get_num_processors ();
}

/* ------------------------------------------------------------------ */
/* Progress                                                            */

typedef struct {
  gint64 start;   /* monotonic µs when the run began */
  gint64 last;    /* when the last line was printed (start: none yet) */
  gboolean tty;   /* stderr is a terminal: one line rewritten with \r */
  gboolean shown; /* a line is on the terminal */
  gsize width;    /* its length, to blank what a shorter line leaves */
} CliProgress;
static CliProgress progress_state;

/* 12,345 */
static void
append_count (GString *out, guint64 n)
{
  char digits[32];
  int length = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, n);
  for (int i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}

/* 512 B, 120.3 MB: decimal units, like disk sizes. */
static void
append_bytes (GString *out, double bytes)
{
  static const char *const units[] = { "kB", "MB", "GB", "TB" };
  if (bytes < 1000)
    {
      g_string_append_printf (out, "%.0f B", bytes);
      return;
    }
  guint u = 0;
  bytes /= 1000;
  while (bytes >= 1000 && u + 1 < G_N_ELEMENTS (units))
    {
      bytes /= 1000;
      u++;
    }
  g_string_append_printf (out, "%.1f %s", bytes, units[u]);
}

/* 0:42, 1:05:00 */
static void
append_duration (GString *out, double seconds)
{
  guint64 s = seconds > 0 ? (guint64) (seconds + 0.5) : 0;
  if (s >= 3600)
    g_string_append_printf (out, "%" G_GUINT64_FORMAT ":%02u:%02u", s / 3600,
                            (guint) (s / 60 % 60), (guint) (s % 60));
  else
    g_string_append_printf (out, "%u:%02u", (guint) (s / 60), (guint) (s % 60));
}

/* ActnetProgressFunc of --progress: one line on stderr, rewritten in
 * place on a terminal at most 5 times a second; in a log (stderr not a
 * terminal, --progress given) a plain line every 2 seconds and one at the
 * end. The pipeline calls it from the reading thread only. */
static void
report_progress (const ActnetProgress *progress, gpointer data)
{
  CliProgress *state = data;
  gint64 now = g_get_monotonic_time ();
  gint64 interval = state->tty ? G_USEC_PER_SEC / 5 : 2 * G_USEC_PER_SEC;
  if (progress->finished ? state->tty && !state->shown : now - state->last < interval)
    return;
  state->last = now;
  double elapsed = (double) (now - state->start) / G_USEC_PER_SEC;

  g_autoptr (GString) line = g_string_new ("actnet: ");
  append_count (line, progress->documents);
  g_string_append (line, progress->documents == 1 ? " document, " : " documents, ");
  append_bytes (line, (double) progress->text_bytes);
  if (progress->finished)
    {
      g_string_append (line, " in ");
      append_duration (line, elapsed);
    }
  if (elapsed > 0)
    {
      g_string_append (line, ", ");
      append_bytes (line, (double) progress->text_bytes / elapsed);
      g_string_append (line, "/s");
    }
  /* The ETA scales the time so far by the input still unread: sizes of
   * files, so it holds for compressed input too. */
  if (!progress->finished && progress->input_total > 0 && progress->input_bytes > 0
      && progress->input_bytes <= progress->input_total)
    {
      double done = (double) progress->input_bytes / (double) progress->input_total;
      g_string_append_printf (line, ", %.0f%%, ETA ", floor (100 * done));
      append_duration (line, elapsed * (1 - done) / done);
    }
  if (!state->tty)
    {
      fprintf (stderr, "%s\n", line->str);
      return;
    }
  gsize width = line->len;
  while (line->len < state->width)
    g_string_append_c (line, ' ');
  state->width = width;
  fprintf (stderr, "\r%s%s", line->str, progress->finished ? "\n" : "");
  fflush (stderr);
  state->shown = !progress->finished;
}

void
cli_batch_set_quiet (gboolean quiet)
{
  progress_quiet = quiet;
}

void
cli_batch_set_progress_default (gboolean on)
{
  progress_off_by_default = !on;
}

/* ------------------------------------------------------------------ */
/* Limits (README, "Bad input")                                        */

static gsize max_alias_length = ACTNET_DEFAULT_MAX_ALIAS_LENGTH;

/* "64M", "1g", "2KiB", "500000": bytes (K, M, G, T are powers of 1024). */
static gboolean
parse_size (const char *text, guint64 *bytes)
{
  if (!g_ascii_isdigit (*text))
    return FALSE;
  char *end;
  errno = 0;
  guint64 n = g_ascii_strtoull (text, &end, 10);
  if (errno != 0)
    return FALSE;
  const char *units = "KMGT";
  const char *unit = *end != '\0' ? strchr (units, g_ascii_toupper (*end)) : NULL;
  guint shift = unit != NULL ? 10 * (guint) (unit - units + 1) : 0;
  if (shift > 0)
    {
      end++;
      if (g_ascii_strcasecmp (end, "B") == 0 || g_ascii_strcasecmp (end, "iB") == 0)
        end += strlen (end);
    }
  if (*end != '\0' || (shift > 0 && n > (G_MAXUINT64 >> shift)))
    return FALSE;
  *bytes = n << shift;
  return TRUE;
}

gboolean
cli_limit_option (const char *name, const char *value, gpointer data, GError **error)
{
  (void) data;
  guint64 n;
  if (strcmp (name, "--max-document-size") == 0)
    {
      if (!parse_size (value, &n))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "%s: invalid size '%s' (bytes, or with a K, M or G suffix)", name, value);
          return FALSE;
        }
      batch_options.max_document_size = n == 0 ? G_MAXUINT64 : n;
      return TRUE;
    }
  char *end;
  errno = 0;
  n = g_ascii_strtoull (value, &end, 10);
  if (!g_ascii_isdigit (*value) || *end != '\0' || errno != 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "%s: invalid length '%s' (a number of bytes)", name, value);
      return FALSE;
    }
  max_alias_length = n == 0 || n > G_MAXSIZE ? G_MAXSIZE : (gsize) n;
  return TRUE;
}

gsize
cli_get_max_alias_length (void)
{
  return max_alias_length;
}

const ActnetBatchOptions *
cli_get_batch_options (void)
{
  batch_options.jobs = resolved_jobs ();
  gboolean tty = isatty (STDERR_FILENO) != 0;
  if (!progress_quiet && (progress_forced || (tty && !progress_off_by_default)))
    {
      /* Called once per run, before reading: the clock starts here. */
      if (progress_state.start == 0)
        {
          progress_state.start = g_get_monotonic_time ();
          progress_state.last = progress_state.start;
          progress_state.tty = tty;
        }
      batch_options.progress = report_progress;
      batch_options.progress_data = &progress_state;
    }
  else
    {
      batch_options.progress = NULL;
      batch_options.progress_data = NULL;
    }
  return &batch_options;
}

gboolean
cli_batch_has_inputs (void)
{
  return files_from != NULL;
}

void
cli_batch_set_n_skipped (guint64 n)
{
  n_skipped = n;
}

guint64
cli_batch_get_n_skipped (void)
{
  return n_skipped;
}

void
cli_report_skipped (void)
{
  if (n_skipped > 0)
    cli_error ("%" G_GUINT64_FORMAT " document%s skipped", n_skipped, n_skipped == 1 ? "" : "s");
}

/* ------------------------------------------------------------------ */
/* Manifest                                                            */

static void
append_strv (GString *out, const char *key, char **values, gboolean last)
{
  g_string_append_printf (out, "  \"%s\": [", key);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_string_append (out, i == 0 ? "\n    " : ",\n    ");
      cli_append_json_string (out, values[i]);
    }
  g_string_append (out, values != NULL && values[0] != NULL ? "\n  ]" : "]");
  g_string_append (out, last ? "\n" : ",\n");
}

/* The gazetteers with their SHA-256, so that a rerun can tell whether
 * the actor lists it reads are the ones this run read. */
static gboolean
append_gazetteers (GString *out, char **paths, GError **error)
{
  g_auto (GStrv) defaults = NULL;
  if (paths == NULL || paths[0] == NULL)
    {
      defaults = cli_default_gazetteer_paths (error);
      if (defaults == NULL)
        return FALSE;
      paths = defaults;
    }
  g_string_append (out, "  \"gazetteers\": [");
  for (guint i = 0; paths[i] != NULL; i++)
    {
      const char *sum = cli_file_sha256 (paths[i], error);
      if (sum == NULL)
        return FALSE;
      g_string_append (out, i == 0 ? "\n    { \"path\": " : ",\n    { \"path\": ");
      cli_append_json_string (out, paths[i]);
      g_string_append_printf (out, ", \"sha256\": \"%s\" }", sum);
    }
  g_string_append (out, "\n  ],\n");
  return TRUE;
}

gboolean
cli_write_manifest (const char *output, char **options, char **gazetteer_paths, char **inputs,
                    const CliManifestCounts *counts, GError **error)
{
  g_autofree char *path = g_strconcat (output, ".manifest.json", NULL);
  return cli_write_manifest_to (path, options, gazetteer_paths, inputs, counts, error);
}

gboolean
cli_write_manifest_to (const char *path, char **options, char **gazetteer_paths, char **inputs,
                       const CliManifestCounts *counts, GError **error)
{
  g_autoptr (GString) out = g_string_new ("{\n  \"actnet\": ");
  cli_append_json_string (out, ACTNET_VERSION);
  /* "actnet build" -> "build": the manifests of build and count differ. */
  const char *command = g_get_prgname () != NULL ? g_get_prgname () : "actnet";
  if (g_str_has_prefix (command, "actnet "))
    command += strlen ("actnet ");
  g_string_append (out, ",\n  \"command\": ");
  cli_append_json_string (out, command);
  g_string_append (out, ",\n");
  append_strv (out, "options", options, FALSE);
  g_string_append (out, "  \"config\": ");
  if (cli_config_get_path () != NULL)
    {
      g_string_append (out, "{ \"path\": ");
      cli_append_json_string (out, cli_config_get_path ());
      g_string_append_printf (out, ", \"sha256\": \"%s\" },\n", cli_config_get_sha256 ());
    }
  else
    g_string_append (out, "null,\n");
  /* The threads that ran (results do not depend on them). */
  g_string_append_printf (out, "  \"jobs\": %u,\n", resolved_jobs ());
  if (!append_gazetteers (out, gazetteer_paths, error))
    return FALSE;
  append_strv (out, "inputs", inputs, FALSE);
  g_string_append (out, "  \"files_from\": ");
  if (files_from != NULL)
    cli_append_json_string (out, files_from);
  else
    g_string_append (out, "null");
  g_string_append_printf (out, ",\n  \"counts\": {\n"
                          "    \"documents\": %" G_GUINT64_FORMAT ",\n"
                          "    \"skipped\": %" G_GUINT64_FORMAT ",\n"
                          "    \"undated\": %" G_GUINT64_FORMAT ",\n"
                          "    \"mentions\": %" G_GUINT64_FORMAT,
                          counts->documents, counts->skipped, counts->undated, counts->mentions);
  if (counts->slices > 0)
    g_string_append_printf (out, ",\n    \"slices\": %u", counts->slices);
  else if (!counts->no_graph)
    g_string_append_printf (out, ",\n    \"actors\": %u,\n    \"edges\": %u", counts->actors,
                            counts->edges);
  g_string_append (out, "\n  }\n}\n");

  ActnetAtomicFile *file = actnet_i_atomic_file_open (path, error);
  if (file == NULL)
    return FALSE;
  FILE *stream = actnet_i_atomic_file_get_stream (file);
  if (fwrite (out->str, 1, out->len, stream) != out->len)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, "%s: %s", path, g_strerror (errno));
      actnet_i_atomic_file_abort (file);
      return FALSE;
    }
  return actnet_i_atomic_file_commit (file, error);
}
