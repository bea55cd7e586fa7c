/* actnet explain: the units of text behind one edge.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <string.h>
#include <unistd.h>

typedef enum { FORMAT_TEXT, FORMAT_TSV, FORMAT_JSON } Format;

/* Highlighting: ANSI on a terminal, else plain marks a reader and a
 * script can both find. */
typedef struct {
  const char *open[2];
  const char *close;
} Marks;

static const Marks ansi_marks = { { "\033[1;31m", "\033[1;34m" }, "\033[0m" };
static const Marks plain_marks = { { "[[A:", "[[B:" }, "]]" };

typedef struct {
  Format format;
  const Marks *marks;
  guint a, b;
  guint max;              /* units to print; 0: all */
  guint64 n_units;
  guint64 n_documents;
  GString *out;
  const ActnetGazetteer *gazetteer;
  ActnetWindow window;
} Explain;

/* Appends @text[start, end) with each whitespace run as one space. */
static void
append_collapsed (GString *out, const char *text, gsize start, gsize end, gboolean *in_space)
{
  for (gsize i = start; i < end; i++)
    {
      if (g_ascii_isspace (text[i]))
        {
          if (!*in_space)
            g_string_append_c (out, ' ');
          *in_space = TRUE;
        }
      else
        {
          g_string_append_c (out, text[i]);
          *in_space = FALSE;
        }
    }
}

/* The unit's text, mentions of a and b wrapped in @marks (NULL: none). A
 * mention overlapping one already marked (nested, --overlaps all) is not
 * marked again. */
static void
append_unit_text (GString *out, const ActnetDocument *document, const GArray *mentions,
                  const ActnetEvidenceUnit *unit, guint a, guint b, const Marks *marks)
{
  gsize at = unit->start;
  gboolean in_space = FALSE;
  for (guint k = unit->first; k < unit->last && marks != NULL; k++)
    {
      const ActnetMention *m = &g_array_index (mentions, ActnetMention, k);
      if ((m->actor != a && m->actor != b) || m->start < at || m->end > unit->end)
        continue;
      append_collapsed (out, document->text, at, m->start, &in_space);
      g_string_append (out, marks->open[m->actor == a ? 0 : 1]);
      append_collapsed (out, document->text, m->start, m->end, &in_space);
      g_string_append (out, marks->close);
      at = m->end;
    }
  append_collapsed (out, document->text, at, unit->end, &in_space);
}

/* "s-e,s-e" (tsv) or [[s, e], ...] (json) for the mentions of @actor. */
static void
append_offsets (GString *out, const GArray *mentions, const ActnetEvidenceUnit *unit,
                guint actor, gboolean json, gsize range_start, gsize range_end)
{
  gboolean first = TRUE;
  if (json)
    g_string_append_c (out, '[');
  for (guint k = unit->first; k < unit->last; k++)
    {
      const ActnetMention *m = &g_array_index (mentions, ActnetMention, k);
      if (m->actor != actor || m->start < range_start || m->end > range_end)
        continue;
      if (json)
        g_string_append_printf (out, "%s[%" G_GSIZE_FORMAT ", %" G_GSIZE_FORMAT "]",
                                first ? "" : ", ", m->start, m->end);
      else
        g_string_append_printf (out, "%s%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT,
                                first ? "" : ",", m->start, m->end);
      first = FALSE;
    }
  if (json)
    g_string_append_c (out, ']');
}

static void
explain_document (const ActnetDocument *document, const GArray *mentions,
                  const ActnetSegmentation *segmentation, gpointer user_data)
{
  Explain *explain = user_data;
  g_autoptr (GArray) units = actnet_evidence_find_units (explain->window, document->text,
                                                         document->length, mentions, segmentation,
                                                         explain->a, explain->b);
  if (units->len == 0)
    return;
  explain->n_documents++;
  g_autofree char *date = actnet_date_to_iso (document->day);
  GString *out = explain->out;
  for (guint i = 0; i < units->len; i++, explain->n_units++)
    {
      if (explain->max > 0 && explain->n_units >= explain->max)
        continue;
      const ActnetEvidenceUnit *unit = &g_array_index (units, ActnetEvidenceUnit, i);
      switch (explain->format)
        {
        case FORMAT_TEXT:
          cli_append_tsv_field (out, document->id, -1);
          g_string_append_printf (out, "%s%s [%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT "]\n  ",
                                  *date != '\0' ? " " : "", date, unit->start, unit->end);
          append_unit_text (out, document, mentions, unit, explain->a, explain->b, explain->marks);
          g_string_append (out, "\n\n");
          break;
        case FORMAT_TSV:
          cli_append_tsv_field (out, document->id, -1);
          g_string_append_printf (out, "\t%s\t%" G_GSIZE_FORMAT "\t%" G_GSIZE_FORMAT "\t",
                                  date, unit->start, unit->end);
          append_offsets (out, mentions, unit, explain->a, FALSE, unit->start, unit->end);
          g_string_append_c (out, '\t');
          append_offsets (out, mentions, unit, explain->b, FALSE, unit->start, unit->end);
          g_string_append_c (out, '\t');
          append_unit_text (out, document, mentions, unit, explain->a, explain->b, NULL);
          g_string_append_c (out, '\n');
          break;
        case FORMAT_JSON:
          {
            g_string_append (out, explain->n_units > 0 ? ",\n    {\"doc\": " : "\n    {\"doc\": ");
            cli_append_json_string (out, document->id);
            g_string_append (out, ", \"date\": ");
            if (*date != '\0')
              cli_append_json_string (out, date);
            else
              g_string_append (out, "null");
            g_string_append_printf (out, ", \"start\": %" G_GSIZE_FORMAT ", \"end\": %" G_GSIZE_FORMAT
                                    ", \"a\": ", unit->start, unit->end);
            append_offsets (out, mentions, unit, explain->a, TRUE, unit->start, unit->end);
            g_string_append (out, ", \"b\": ");
            append_offsets (out, mentions, unit, explain->b, TRUE, unit->start, unit->end);
            g_autoptr (GString) text = g_string_new (NULL);
            append_unit_text (text, document, mentions, unit, explain->a, explain->b, NULL);
            g_string_append (out, ", \"text\": ");
            cli_append_json_string (out, text->str);
            g_string_append_c (out, '}');
          }
          break;
        default:
          g_return_if_reached ();
        }
    }
  /* Stream: a large corpus must not pile up its output in memory. */
  fwrite (out->str, 1, out->len, stdout);
  g_string_truncate (out, 0);
}

int
actnet_cmd_explain (int argc, char **argv)
{
  g_auto (GStrv) gazetteers = NULL;
  g_auto (GStrv) operands = NULL;
  g_autofree char *window_text = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *overlaps_text = NULL;
  gboolean no_short_forms = FALSE;
  gboolean keep_media = FALSE;
  gint max = 0;
  g_auto (CliDatingArgs) dating_args = { NULL, NULL, NULL };
  const GOptionEntry entries[] = {
    { "gazetteer", 'g', 0, G_OPTION_ARG_FILENAME_ARRAY, &gazetteers,
      "Gazetteer TSV (repeatable; default: the bundled Libya gazetteer)", "GAZ" },
    CLI_GAZETTEER_FORMAT_OPTION,
    { "window", 'w', 0, G_OPTION_ARG_STRING, &window_text,
      "Unit: sentence (default), paragraph, document or a number of words", "W" },
    { "max", 'n', 0, G_OPTION_ARG_INT, &max, "Print at most N units (default 0: all)", "N" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text, "text (default), tsv or json", "F" },
    CLI_MATCH_OPTION_ENTRIES (overlaps_text, no_short_forms),
    CLI_DATING_OPTION_ENTRIES (dating_args),
    { "keep-media", 0, 0, G_OPTION_ARG_NONE, &keep_media,
      "Count news media (type media) as actors, as build --keep-media", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &operands, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = cli_context_new (
    "ACTOR_A ACTOR_B INPUT...",
    "Show the units of text in which two actors co-occur: the evidence of their edge.",
    "An actor is named by id, label or alias. Each unit is printed with its document, date\n"
    "and byte range, then its text with the mentions marked [[A:...]] and [[B:...]] (in\n"
    "colour on a terminal unless NO_COLOR is set), then a count line. The units are those\n"
    "that build counts with the same options.\n"
    "Exit status: 0 ok (also with no unit), 1 failure (unknown actor, bad input), 2 usage error.",
    entries);
  if (!cli_parse (context, &argc, &argv, &operands, "ACTOR_A ACTOR_B INPUT", max))
    return ACTNET_EXIT_USAGE;
  if (g_strv_length (operands) < 3)
    {
      cli_error ("expected ACTOR_A ACTOR_B INPUT... (try 'actnet explain --help')");
      return ACTNET_EXIT_USAGE;
    }
  Explain explain = { 0 };
  explain.max = (guint) max;
  if (format_text == NULL || strcmp (format_text, "text") == 0)
    explain.format = FORMAT_TEXT;
  else if (strcmp (format_text, "tsv") == 0)
    explain.format = FORMAT_TSV;
  else if (strcmp (format_text, "json") == 0)
    explain.format = FORMAT_JSON;
  else
    {
      cli_error ("invalid --format '%s' (expected text, tsv or json)", format_text);
      return ACTNET_EXIT_USAGE;
    }
  if (!cli_parse_window (window_text, &explain.window))
    return ACTNET_EXIT_USAGE;
  ActnetMatchOptions match_options;
  if (!cli_parse_dating_options (&dating_args))
    return ACTNET_EXIT_USAGE;
  if (!cli_parse_match_options (overlaps_text, no_short_forms, &match_options))
    return ACTNET_EXIT_USAGE;
  match_options.count_media = keep_media;

  GError *error = NULL;
  g_autoptr (ActnetGazetteer) gazetteer = NULL;
  g_autoptr (ActnetMatcher) matcher = cli_load_matcher (gazetteers, &gazetteer, &error);
  if (matcher == NULL)
    return cli_fail (error);
  explain.a = actnet_gazetteer_resolve_name (gazetteer, operands[0], &error);
  if (explain.a == G_MAXUINT)
    return cli_fail (error);
  explain.b = actnet_gazetteer_resolve_name (gazetteer, operands[1], &error);
  if (explain.b == G_MAXUINT)
    return cli_fail (error);
  if (explain.a == explain.b)
    {
      cli_error ("'%s' and '%s' are the same actor (%s)", operands[0], operands[1],
                 actnet_gazetteer_get_id (gazetteer, explain.a));
      return ACTNET_EXIT_FAILURE;
    }
  const char *no_color = g_getenv ("NO_COLOR");
  explain.marks = isatty (STDOUT_FILENO) && (no_color == NULL || *no_color == '\0')
                    ? &ansi_marks : &plain_marks;
  g_autoptr (GString) out = g_string_new (NULL);
  explain.out = out;
  const char *id_a = actnet_gazetteer_get_id (gazetteer, explain.a);
  const char *id_b = actnet_gazetteer_get_id (gazetteer, explain.b);
  g_autofree char *window_name = actnet_window_to_string (explain.window);
  if (explain.format == FORMAT_TSV)
    fputs ("doc\tdate\tstart\tend\ta_mentions\tb_mentions\ttext\n", stdout);
  else if (explain.format == FORMAT_JSON)
    {
      g_string_append (out, "{\"a\": ");
      cli_append_json_string (out, id_a);
      g_string_append (out, ", \"b\": ");
      cli_append_json_string (out, id_b);
      g_string_append (out, ", \"window\": ");
      cli_append_json_string (out, window_name);
      g_string_append (out, ", \"units\": [");
      fwrite (out->str, 1, out->len, stdout);
      g_string_truncate (out, 0);
    }
  else
    printf ("%s (A) and %s (B), %s window\n\n", id_a, id_b, window_name);

  /* Dated like build, so the units are the ones build counts. */
  g_autoptr (GPtrArray) scopes = actnet_pipeline_count_scopes_batch (
    matcher, (const char *const *) operands + 2, &explain.window, 1, &match_options, NULL,
    explain_document, &explain, cli_get_dating_options (), cli_get_batch_options (), NULL, NULL,
    NULL, &error);
  if (scopes == NULL)
    {
      /* What was printed stays printed; the failure is reported last. */
      fflush (stdout);
      return cli_fail (error);
    }
  if (explain.format == FORMAT_JSON)
    printf ("%s], \"n_units\": %" G_GUINT64_FORMAT ", \"n_documents\": %" G_GUINT64_FORMAT "}\n",
            explain.n_units > 0 ? "\n  " : "",
            explain.n_units, explain.n_documents);
  else if (explain.format == FORMAT_TEXT)
    {
      if (explain.n_units == 0)
        printf ("0 units\n");
      else
        printf ("%" G_GUINT64_FORMAT " unit%s in %" G_GUINT64_FORMAT " document%s%s\n",
                explain.n_units, explain.n_units == 1 ? "" : "s", explain.n_documents,
                explain.n_documents == 1 ? "" : "s",
                explain.max > 0 && explain.n_units > explain.max ? " (first ones shown: --max)" : "");
    }
  return cli_finish_stdout (ACTNET_EXIT_OK);
}
