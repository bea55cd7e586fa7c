/* Batch input for build, rank and mentions (README, "Batch input"):
 * --include, --exclude, --files-from, --keep-going, kept here when they
 * are parsed so that cli_build_network() applies them (like the dating
 * options), and the run manifest of build -o.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"
#include "actnet-config.h"
#include "../atomic-file.h"

#include <string.h>

/* A CLI run parses its options once: plain statics suffice. */
static GPtrArray *include_globs;  /* char *, NULL-terminated once used */
static GPtrArray *exclude_globs;
static char *files_from;
static gboolean keep_going;
static ActnetBatchOptions batch_options = ACTNET_BATCH_OPTIONS_INIT;
static guint64 n_skipped;

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
  else if (*value == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "%s: empty value", name);
      return FALSE;
    }
  else if (strcmp (name, "--include") == 0)
    add_glob (&include_globs, value);
  else if (strcmp (name, "--exclude") == 0)
    add_glob (&exclude_globs, value);
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

const ActnetBatchOptions *
cli_get_batch_options (void)
{
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
      g_autofree char *contents = NULL;
      gsize length = 0;
      if (!g_file_get_contents (paths[i], &contents, &length, error))
        return FALSE;
      g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                          (const guchar *) contents, length);
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
  g_autoptr (GString) out = g_string_new ("{\n  \"actnet\": ");
  cli_append_json_string (out, ACTNET_VERSION);
  g_string_append (out, ",\n");
  append_strv (out, "options", options, FALSE);
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
                          "    \"mentions\": %" G_GUINT64_FORMAT ",\n"
                          "    \"actors\": %u,\n"
                          "    \"edges\": %u\n  }\n}\n",
                          counts->documents, counts->skipped, counts->undated, counts->mentions,
                          counts->actors, counts->edges);

  g_autofree char *path = g_strconcat (output, ".manifest.json", NULL);
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
