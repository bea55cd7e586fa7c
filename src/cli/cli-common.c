/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

void
cli_error (const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "actnet: %s\n", message);
}

int
cli_fail (GError *error)
{
  cli_error ("%s", error->message);
  g_error_free (error);
  return ACTNET_EXIT_FAILURE;
}

GOptionContext *
cli_context_new (const char *parameters, const char *summary,
                 const char *description, const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);
  g_option_context_set_summary (context, summary);
  if (description != NULL)
    g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, NULL);
  return context;
}

gboolean
cli_parse (GOptionContext *context, int *argc, char ***argv,
           char ***operands, const char *operands_name, int top)
{
  GError *error = NULL;
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      cli_error ("%s (see '%s --help')", error->message, g_get_prgname ());
      g_error_free (error);
      return FALSE;
    }
  if (*operands == NULL || (*operands)[0] == NULL)
    {
      cli_error ("no %s given (see '%s --help')", operands_name, g_get_prgname ());
      return FALSE;
    }
  if (top < 0)
    {
      cli_error ("--top must be 0 or more");
      return FALSE;
    }
  return TRUE;
}

/* Set by --gazetteer-format; a CLI run parses its options once. */
static ActnetGazetteerFormat gazetteer_format = ACTNET_GAZETTEER_FORMAT_AUTO;

gboolean
cli_gazetteer_format_option (const char *name, const char *value, gpointer data,
                             GError **error)
{
  GError *format_error = NULL;
  if (!actnet_gazetteer_format_from_string (value, &gazetteer_format, &format_error))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "%s: %s", name,
                   format_error->message);
      g_error_free (format_error);
      return FALSE;
    }
  return TRUE;
}

guint
cli_print_gazetteer_warnings (const ActnetGazetteer *gazetteer)
{
  /* A large place list can carry thousands of ambiguous names; show the
   * first ones and a count rather than flooding the terminal. */
  const guint shown = 20;
  const GPtrArray *warnings = actnet_gazetteer_get_warnings (gazetteer);
  guint n_warnings = warnings != NULL ? warnings->len : 0;
  for (guint i = 0; i < n_warnings && i < shown; i++)
    cli_error ("warning: %s", (const char *) g_ptr_array_index (warnings, i));
  if (n_warnings > shown)
    cli_error ("warning: ... and %u more gazetteer warnings", n_warnings - shown);
  return n_warnings;
}

ActnetGazetteer *
cli_load_gazetteers (char **paths, GError **error)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  if (paths == NULL || paths[0] == NULL)
    {
      /* The bundled gazetteers: the actors, and beside them the news media
       * (type media) so that "New York Times" is not read as New York.
       * Their few ambiguous aliases are deliberate, so warnings stay quiet. */
      g_autofree char *path = actnet_default_gazetteer_path (error);
      if (path == NULL || !actnet_gazetteer_load_file (gazetteer, path, error))
        return NULL;
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *media = g_build_filename (dir, "media.tsv", NULL);
      if (g_file_test (media, G_FILE_TEST_IS_REGULAR)
          && !actnet_gazetteer_load_file (gazetteer, media, error))
        return NULL;
      return g_steal_pointer (&gazetteer);
    }
  for (char **p = paths; *p != NULL; p++)
    if (!actnet_gazetteer_load_file_format (gazetteer, *p, gazetteer_format, error))
      return NULL;
  cli_print_gazetteer_warnings (gazetteer);
  return g_steal_pointer (&gazetteer);
}

gboolean
cli_parse_window (const char *text, ActnetWindow *window)
{
  *window = (ActnetWindow) { ACTNET_WINDOW_SENTENCE, 0 };
  GError *error = NULL;
  if (text != NULL && !actnet_window_parse (text, window, &error))
    {
      cli_error ("%s (see '%s --help')", error->message, g_get_prgname ());
      g_error_free (error);
      return FALSE;
    }
  return TRUE;
}

gboolean
cli_parse_match_options (const char *overlaps_text, gboolean no_short_forms,
                         ActnetMatchOptions *options)
{
  actnet_match_options_init (options);
  options->short_forms = !no_short_forms;
  GError *error = NULL;
  if (overlaps_text != NULL
      && !actnet_overlap_policy_parse (overlaps_text, &options->overlaps, &error))
    {
      cli_error ("%s (see '%s --help')", error->message, g_get_prgname ());
      g_error_free (error);
      return FALSE;
    }
  return TRUE;
}

ActnetGraph *
cli_build_graph (char **gazetteer_paths, ActnetWindow window, char **inputs,
                 guint64 *n_documents, guint64 *n_mentions, GError **error)
{
  return cli_build_graph_full (gazetteer_paths, window, NULL, inputs, n_documents,
                               n_mentions, error);
}

ActnetGraph *
cli_build_graph_full (char **gazetteer_paths, ActnetWindow window,
                      const ActnetMatchOptions *options, char **inputs,
                      guint64 *n_documents, guint64 *n_mentions, GError **error)
{
  g_autoptr (ActnetGazetteer) gazetteer = cli_load_gazetteers (gazetteer_paths, error);
  if (gazetteer == NULL)
    return NULL;
  g_autoptr (ActnetMatcher) matcher = actnet_matcher_new (gazetteer, error);
  if (matcher == NULL)
    return NULL;
  g_autoptr (ActnetCooccur) cooccur = actnet_pipeline_count_full (matcher, (const char *const *) inputs,
                                                                  window, options, NULL, error);
  if (cooccur == NULL)
    return NULL;
  g_autoptr (ActnetGraph) graph = actnet_graph_new_from_cooccur (cooccur, gazetteer, error);
  if (graph == NULL || !actnet_graph_compute_centralities (graph, error))
    return NULL;
  if (n_documents != NULL)
    *n_documents = actnet_cooccur_get_n_documents (cooccur);
  if (n_mentions != NULL)
    *n_mentions = actnet_cooccur_get_n_mentions (cooccur);
  return g_steal_pointer (&graph);
}

int
cli_finish_stdout (int status)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      cli_error ("error writing to standard output: %s", g_strerror (errno));
      return ACTNET_EXIT_FAILURE;
    }
  return status;
}

/* Integers print without a fraction; other values with @digits significant
 * digits. The C locale is in force for numbers (see main). */
static void
format_number (GString *out, double value, int digits)
{
  if (value == (double) (gint64) value && value > -1e15 && value < 1e15)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
  else
    g_string_append_printf (out, "%.*g", digits, value);
}

void
cli_append_padded (GString *out, const char *text, guint width, gboolean right)
{
  glong chars = g_utf8_strlen (text, -1);
  guint pad = chars < (glong) width ? width - (guint) chars : 0;
  if (right)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
}

static void
append_csv_field (GString *out, const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
cli_append_json_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if (*p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, (char) *p);
    }
  g_string_append_c (out, '"');
}

void
cli_append_tsv_field (GString *out, const char *text, gssize length)
{
  gsize n = length < 0 ? strlen (text) : (gsize) length;
  gboolean in_space = FALSE;
  for (gsize i = 0; i < n; i++)
    {
      char c = text[i];
      gboolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
      if (!space)
        g_string_append_c (out, c);
      else if (!in_space)
        g_string_append_c (out, ' ');
      in_space = space;
    }
}

static void
print_table (const ActnetGraph *graph, const GArray *ranked, const char *measure)
{
  gboolean show_mentions = strcmp (measure, "mentions") != 0;
  guint label_width = 5;
  for (guint i = 0; i < ranked->len; i++)
    {
      glong chars = g_utf8_strlen (actnet_graph_get_node_label (graph, g_array_index (ranked, guint, i)), -1);
      label_width = MAX (label_width, (guint) MIN (chars, 40));
    }
  g_autoptr (GString) line = g_string_new (NULL);
  g_string_append (line, "rank  ");
  cli_append_padded (line, "actor", label_width, FALSE);
  g_string_append (line, "  type          ");
  cli_append_padded (line, measure, 12, TRUE);
  if (show_mentions)
    g_string_append (line, "    mentions");
  printf ("%s\n", line->str);
  for (guint i = 0; i < ranked->len; i++)
    {
      guint node = g_array_index (ranked, guint, i);
      g_autoptr (GString) value = g_string_new (NULL);
      format_number (value, actnet_graph_get_node_value (graph, node, measure), 6);
      g_string_printf (line, "%4u  ", i + 1);
      cli_append_padded (line, actnet_graph_get_node_label (graph, node), label_width, FALSE);
      g_string_append (line, "  ");
      cli_append_padded (line, actnet_graph_get_node_type (graph, node), 12, FALSE);
      g_string_append (line, "  ");
      cli_append_padded (line, value->str, 12, TRUE);
      if (show_mentions)
        {
          g_string_set_size (value, 0);
          format_number (value, actnet_graph_get_node_value (graph, node, "mentions"), 6);
          g_string_append (line, "  ");
          cli_append_padded (line, value->str, 10, TRUE);
        }
      printf ("%s\n", line->str);
    }
}

gboolean
cli_print_ranking (const ActnetGraph *graph, const char *measure, const char *type,
                   guint top, const char *format, GError **error)
{
  static const char *const formats[] = { "table", "tsv", "csv", "json", NULL };
  if (!g_strv_contains (formats, format))
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                   "unknown format '%s' (expected table, tsv, csv or json)", format);
      return FALSE;
    }
  g_autoptr (GArray) ranked = actnet_graph_rank (graph, measure, type, top, error);
  if (ranked == NULL)
    return FALSE;
  if (strcmp (format, "table") == 0)
    {
      print_table (graph, ranked, measure);
      return TRUE;
    }

  const char *const *measures = actnet_measure_names ();
  gboolean json = strcmp (format, "json") == 0;
  char separator = strcmp (format, "csv") == 0 ? ',' : '\t';
  g_autoptr (GString) out = g_string_new (json ? "[\n" : "rank");
  if (!json)
    {
      const char *const header[] = { "id", "label", "type", NULL };
      for (guint c = 0; header[c] != NULL; c++)
        g_string_append_printf (out, "%c%s", separator, header[c]);
      for (guint m = 0; measures[m] != NULL; m++)
        g_string_append_printf (out, "%c%s", separator, measures[m]);
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < ranked->len; i++)
    {
      guint node = g_array_index (ranked, guint, i);
      const char *fields[] = { actnet_graph_get_node_id (graph, node),
                               actnet_graph_get_node_label (graph, node),
                               actnet_graph_get_node_type (graph, node) };
      const char *names[] = { "id", "label", "type" };
      if (json)
        {
          g_string_append_printf (out, "  {\"rank\": %u", i + 1);
          for (guint c = 0; c < G_N_ELEMENTS (fields); c++)
            {
              g_string_append_printf (out, ", \"%s\": ", names[c]);
              cli_append_json_string (out, fields[c]);
            }
        }
      else
        {
          g_string_append_printf (out, "%u", i + 1);
          for (guint c = 0; c < G_N_ELEMENTS (fields); c++)
            {
              g_string_append_c (out, separator);
              if (separator == ',')
                append_csv_field (out, fields[c]);
              else
                cli_append_tsv_field (out, fields[c], -1);
            }
        }
      for (guint m = 0; measures[m] != NULL; m++)
        {
          if (json)
            g_string_append_printf (out, ", \"%s\": ", measures[m]);
          else
            g_string_append_c (out, separator);
          format_number (out, actnet_graph_get_node_value (graph, node, measures[m]), 10);
        }
      g_string_append (out, json ? (i + 1 < ranked->len ? "},\n" : "}\n") : "\n");
    }
  if (json)
    g_string_append (out, "]\n");
  fwrite (out->str, 1, out->len, stdout);
  return TRUE;
}
