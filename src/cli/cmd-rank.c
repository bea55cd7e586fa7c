/* actnet rank: actors ranked by a centrality, from a GraphML file or a corpus.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <math.h>
#include <string.h>

static gboolean
is_graphml_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  return g_str_has_suffix (lower, ".graphml");
}

/* rank --slices DIR: one actor's rank in every slice graph. */
typedef struct {
  char *id, *label;
  guint *ranks;        /* per slice; 0: absent */
  guint best;
  int change;          /* previous - last rank (> 0: rose); valid when has_change */
  gboolean has_change;
} SliceRow;

static guint n_slice_columns;

static int
compare_slice_rows (const void *x, const void *y)
{
  const SliceRow *p = *(SliceRow *const *) x, *q = *(SliceRow *const *) y;
  guint a = p->ranks[n_slice_columns - 1], b = q->ranks[n_slice_columns - 1];
  /* Ranked in the last slice first, by that rank; the others by best rank. */
  if ((a == 0) != (b == 0))
    return a == 0 ? 1 : -1;
  if (a != b)
    return a < b ? -1 : 1;
  if (p->best != q->best)
    return p->best < q->best ? -1 : 1;
  return strcmp (p->id, q->id);
}

static int
compare_risers (const void *x, const void *y)
{
  const SliceRow *p = *(SliceRow *const *) x, *q = *(SliceRow *const *) y;
  if (p->change != q->change)
    return p->change > q->change ? -1 : 1;
  return compare_slice_rows (x, y);
}

static void
slice_row_free (SliceRow *row)
{
  g_free (row->id);
  g_free (row->label);
  g_free (row->ranks);
  g_free (row);
}

static void
append_cell (GString *out, const char *format, const char *text, gboolean first)
{
  if (!first)
    g_string_append_c (out, strcmp (format, "csv") == 0 ? ',' : '\t');
  if (strcmp (format, "csv") == 0 && strpbrk (text, ",\"\n") != NULL)
    {
      g_autofree char *quoted = NULL;
      g_auto (GStrv) parts = g_strsplit (text, "\"", -1);
      quoted = g_strjoinv ("\"\"", parts);
      g_string_append_printf (out, "\"%s\"", quoted);
    }
  else
    g_string_append (out, text);
}

static void
append_json_text (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((unsigned char) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static int
rank_slices (int argc, char **argv)
{
  g_autofree char *directory = NULL;
  g_autofree char *by = NULL;
  g_autofree char *format = NULL;
  gint top = 10;
  const GOptionEntry entries[] = {
    { "slices", 0, 0, G_OPTION_ARG_FILENAME, &directory,
      "Directory of slice graphs (*.graphml, as 'build --slice' writes)", "DIR" },
    { "by", 'b', 0, G_OPTION_ARG_STRING, &by, "Measure (default degree)", "MEASURE" },
    { "top", 't', 0, G_OPTION_ARG_INT, &top, "Show the first N actors and N risers/fallers (default 10; 0: all)", "N" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "table (default), tsv, csv or json", "FORMAT" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = cli_context_new (
    "--slices DIR", "Print each actor's rank in every time slice, and the risers and fallers.",
    "Rows: the actors ranked in the last slice, by that rank, then the others by best rank;\n"
    "'-' where an actor is absent. Risers and fallers: the actors present in the last two\n"
    "slices whose rank improved (fell) the most between them.\n"
    "Exit status: 0 ok, 1 failure, 2 usage error.",
    entries);
  GError *error = NULL;
  if (!cli_option_context_parse (context, &argc, &argv, &error))
    {
      cli_error ("%s (see '%s --help')", error->message, g_get_prgname ());
      g_error_free (error);
      return ACTNET_EXIT_USAGE;
    }
  const char *measure = by != NULL ? by : "degree";
  if (argc > 1 || directory == NULL || top < 0 || !g_strv_contains (actnet_measure_names (), measure)
      || (format != NULL && !g_strv_contains ((const char *const[]) { "table", "tsv", "csv", "json", NULL },
                                              format)))
    {
      cli_error ("usage: rank --slices DIR [--by MEASURE] [--top N] [--format table|tsv|csv|json] "
                 "(no other operand; a known measure)");
      return ACTNET_EXIT_USAGE;
    }
  if (format == NULL)
    format = g_strdup ("table");
  g_autoptr (GDir) dir = g_dir_open (directory, 0, &error);
  if (dir == NULL)
    return cli_fail (error);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    if (g_str_has_suffix (name, ".graphml"))
      g_ptr_array_add (names, g_strdup (name));
  if (names->len == 0)
    {
      cli_error ("%s: no *.graphml slice graphs", directory);
      return ACTNET_EXIT_FAILURE;
    }
  /* Few files: a plain exchange sort by name keeps this simple. */
  for (guint i = 0; i + 1 < names->len; i++)
    for (guint j = i + 1; j < names->len; j++)
      if (strcmp (g_ptr_array_index (names, i), g_ptr_array_index (names, j)) > 0)
        {
          gpointer t = names->pdata[i];
          names->pdata[i] = names->pdata[j];
          names->pdata[j] = t;
        }
  guint n = names->len;
  GHashTable *by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) slice_row_free);
  for (guint s = 0; s < n; s++)
    {
      g_autofree char *path = g_build_filename (directory, g_ptr_array_index (names, s), NULL);
      g_autoptr (ActnetGraph) graph = actnet_graph_read_graphml (path, &error);
      if (graph == NULL)
        {
          g_hash_table_unref (by_id);
          return cli_fail (error);
        }
      g_autoptr (GArray) ranked = actnet_graph_rank (graph, measure, NULL, 0, &error);
      if (ranked == NULL)
        {
          g_hash_table_unref (by_id);
          return cli_fail (error);
        }
      for (guint r = 0; r < ranked->len; r++)
        {
          guint v = g_array_index (ranked, guint, r);
          const char *id = actnet_graph_get_node_id (graph, v);
          SliceRow *row = g_hash_table_lookup (by_id, id);
          if (row == NULL)
            {
              row = g_new0 (SliceRow, 1);
              row->id = g_strdup (id);
              row->label = g_strdup (actnet_graph_get_node_label (graph, v));
              row->ranks = g_new0 (guint, n);
              g_ptr_array_add (rows, row);
              g_hash_table_insert (by_id, row->id, row);
            }
          row->ranks[s] = r + 1;
          if (row->best == 0 || r + 1 < row->best)
            row->best = r + 1;
        }
    }
  g_hash_table_unref (by_id);
  n_slice_columns = n;
  g_autoptr (GPtrArray) risers = g_ptr_array_new ();
  g_autoptr (GPtrArray) fallers = g_ptr_array_new ();
  for (guint i = 0; i < rows->len; i++)
    {
      SliceRow *row = g_ptr_array_index (rows, i);
      if (n >= 2 && row->ranks[n - 2] > 0 && row->ranks[n - 1] > 0)
        {
          row->has_change = TRUE;
          row->change = (int) row->ranks[n - 2] - (int) row->ranks[n - 1];
          if (row->change > 0)
            g_ptr_array_add (risers, row);
          else if (row->change < 0)
            g_ptr_array_add (fallers, row);
        }
    }
  if (rows->len > 0)
    qsort (rows->pdata, rows->len, sizeof (gpointer), compare_slice_rows);
  if (risers->len > 0)
    qsort (risers->pdata, risers->len, sizeof (gpointer), compare_risers);
  if (fallers->len > 0)
    qsort (fallers->pdata, fallers->len, sizeof (gpointer), compare_risers);
  /* Fallers: the largest drop first. */
  for (guint i = 0, j = fallers->len; i + 1 < j; i++, j--)
    {
      gpointer t = fallers->pdata[i];
      fallers->pdata[i] = fallers->pdata[j - 1];
      fallers->pdata[j - 1] = t;
    }
  guint shown = top == 0 ? rows->len : MIN ((guint) top, rows->len);
  guint n_movers = top == 0 ? G_MAXUINT : (guint) top;
  g_autofree char **labels = g_new0 (char *, n + 1);
  for (guint s = 0; s < n; s++)
    {
      const char *name = g_ptr_array_index (names, s);
      labels[s] = g_strndup (name, strlen (name) - strlen (".graphml"));
    }
  GString *out = g_string_new (NULL);
  if (strcmp (format, "json") == 0)
    {
      g_string_append (out, "{\"measure\": ");
      append_json_text (out, measure);
      g_string_append (out, ", \"slices\": [");
      for (guint s = 0; s < n; s++)
        {
          g_string_append (out, s > 0 ? ", " : "");
          append_json_text (out, labels[s]);
        }
      g_string_append (out, "],\n \"actors\": [");
      for (guint i = 0; i < shown; i++)
        {
          const SliceRow *row = g_ptr_array_index (rows, i);
          g_string_append (out, i > 0 ? ",\n  {\"id\": " : "\n  {\"id\": ");
          append_json_text (out, row->id);
          g_string_append (out, ", \"label\": ");
          append_json_text (out, row->label);
          g_string_append (out, ", \"ranks\": [");
          for (guint s = 0; s < n; s++)
            {
              if (row->ranks[s] > 0)
                g_string_append_printf (out, "%s%u", s > 0 ? ", " : "", row->ranks[s]);
              else
                g_string_append_printf (out, "%snull", s > 0 ? ", " : "");
            }
          g_string_append (out, "]}");
        }
      for (guint k = 0; k < 2; k++)
        {
          GPtrArray *movers = k == 0 ? risers : fallers;
          g_string_append (out, k == 0 ? "],\n \"risers\": [" : "],\n \"fallers\": [");
          for (guint i = 0; i < movers->len && i < n_movers; i++)
            {
              const SliceRow *row = g_ptr_array_index (movers, i);
              g_string_append (out, i > 0 ? ",\n  {\"id\": " : "\n  {\"id\": ");
              append_json_text (out, row->id);
              g_string_append_printf (out, ", \"from\": %u, \"to\": %u, \"change\": %d}",
                                      row->ranks[n - 2], row->ranks[n - 1], row->change);
            }
        }
      g_string_append (out, "]}\n");
    }
  else if (strcmp (format, "table") != 0)
    {
      /* One row per actor; "change" is the rise between the last two
       * slices (empty when absent from either). */
      append_cell (out, format, "actor_id", TRUE);
      append_cell (out, format, "label", FALSE);
      for (guint s = 0; s < n; s++)
        append_cell (out, format, labels[s], FALSE);
      append_cell (out, format, "change", FALSE);
      g_string_append_c (out, '\n');
      for (guint i = 0; i < shown; i++)
        {
          const SliceRow *row = g_ptr_array_index (rows, i);
          append_cell (out, format, row->id, TRUE);
          append_cell (out, format, row->label, FALSE);
          for (guint s = 0; s < n; s++)
            {
              g_autofree char *cell = row->ranks[s] > 0 ? g_strdup_printf ("%u", row->ranks[s]) : g_strdup ("");
              append_cell (out, format, cell, FALSE);
            }
          g_autofree char *change = row->has_change ? g_strdup_printf ("%d", row->change) : g_strdup ("");
          append_cell (out, format, change, FALSE);
          g_string_append_c (out, '\n');
        }
    }
  else
    {
      guint width = 5;
      for (guint i = 0; i < shown; i++)
        width = MAX (width, (guint) g_utf8_strlen (((SliceRow *) g_ptr_array_index (rows, i))->label, -1));
      cli_append_padded (out, "actor", width, FALSE);
      for (guint s = 0; s < n; s++)
        {
          g_string_append (out, "  ");
          cli_append_padded (out, labels[s], MAX (4, (guint) strlen (labels[s])), TRUE);
        }
      g_string_append_c (out, '\n');
      for (guint i = 0; i < shown; i++)
        {
          const SliceRow *row = g_ptr_array_index (rows, i);
          cli_append_padded (out, row->label, width, FALSE);
          for (guint s = 0; s < n; s++)
            {
              g_autofree char *cell = row->ranks[s] > 0 ? g_strdup_printf ("%u", row->ranks[s]) : g_strdup ("-");
              g_string_append (out, "  ");
              cli_append_padded (out, cell, MAX (4, (guint) strlen (labels[s])), TRUE);
            }
          g_string_append_c (out, '\n');
        }
      if (n >= 2)
        for (guint k = 0; k < 2; k++)
          {
            GPtrArray *movers = k == 0 ? risers : fallers;
            g_string_append_printf (out, "\n%s %s -> %s:%s\n", k == 0 ? "Risers" : "Fallers",
                                    labels[n - 2], labels[n - 1], movers->len == 0 ? " none" : "");
            for (guint i = 0; i < movers->len && i < n_movers; i++)
              {
                const SliceRow *row = g_ptr_array_index (movers, i);
                g_string_append_printf (out, "  %s  %u -> %u (%+d)\n", row->label,
                                        row->ranks[n - 2], row->ranks[n - 1], row->change);
              }
          }
    }
  fputs (out->str, stdout);
  g_string_free (out, TRUE);
  for (guint s = 0; s < n; s++)
    g_free (labels[s]);
  return cli_finish_stdout (ACTNET_EXIT_OK);
}

int
actnet_cmd_rank (int argc, char **argv)
{
  /* --slices is a mode of its own, with its own options. */
  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "--slices") == 0 || g_str_has_prefix (argv[i], "--slices="))
      return rank_slices (argc, argv);
  g_auto (GStrv) gazetteers = NULL;
  g_auto (GStrv) inputs = NULL;
  g_autofree char *window_text = NULL;
  g_auto (CliNetworkArgs) network_args = CLI_NETWORK_ARGS_INIT;
  g_auto (CliDatingArgs) dating_args = { NULL, NULL, NULL };
  g_autofree char *overlaps_text = NULL;
  gboolean no_short_forms = FALSE;
  gboolean keep_media = FALSE;
  g_autofree char *by = NULL;
  g_autofree char *type = NULL;
  g_autofree char *format = NULL;
  gint top = 10;
  gint community = G_MININT;
  g_autofree char *communities_text = NULL;
  double resolution = 1.0;
  const GOptionEntry entries[] = {
    { "by", 'b', 0, G_OPTION_ARG_STRING, &by,
      "Measure: degree (default), strength, betweenness, closeness, harmonic, eigenvector, "
      "pagerank, coreness, mentions, documents", "MEASURE" },
    { "top", 't', 0, G_OPTION_ARG_INT, &top, "Show the first N actors (default 10; 0: all)", "N" },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type, "Only actors of this type (person, organization, place, ...)", "TYPE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "table (default), tsv, csv or json", "FORMAT" },
    { "community", 'c', 0, G_OPTION_ARG_INT, &community, "Only actors of community N (0: the largest)", "N" },
    { "communities", 0, 0, G_OPTION_ARG_STRING, &communities_text,
      "Community detection: leiden (default) or louvain", "METHOD" },
    { "resolution", 0, 0, G_OPTION_ARG_DOUBLE, &resolution,
      "Modularity resolution of the communities (default 1; higher: more, smaller)", "R" },
    { "gazetteer", 'g', 0, G_OPTION_ARG_FILENAME_ARRAY, &gazetteers,
      "With INPUT...: gazetteer TSV (repeatable; default: bundled)", "GAZ" },
    CLI_GAZETTEER_FORMAT_OPTION,
    { "window", 'w', 0, G_OPTION_ARG_STRING, &window_text,
      "With INPUT...: sentence (default), paragraph, document or N words; a list counts each, "
      "the first gives the weight", "W[,W...]" },
    CLI_MATCH_OPTION_ENTRIES (overlaps_text, no_short_forms),
    { "keep-media", 0, 0, G_OPTION_ARG_NONE, &keep_media,
      "Count news media (type media) as actors; by default they are found but not linked", NULL },
    CLI_NETWORK_OPTION_ENTRIES (network_args),
    CLI_DATING_OPTION_ENTRIES (dating_args),
    CLI_BATCH_OPTION_ENTRIES,
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = cli_context_new (
    "GRAPH.graphml|INPUT...", "Print actors ranked by a centrality measure.",
    "Ranks the nodes of a GraphML file written by 'actnet build', or builds the graph from INPUT...\n"
    "first. Ties are broken by label, then id. tsv, csv and json list every measure.\n"
    "Exit status: 0 ok, 1 failure, 2 usage error.",
    entries);
  if (!cli_parse (context, &argc, &argv, &inputs, "GRAPH.graphml or INPUT", top))
    return ACTNET_EXIT_USAGE;
  g_auto (CliNetwork) network = { 0 };
  if (!cli_parse_network_options (window_text, &network_args, &network))
    return ACTNET_EXIT_USAGE;
  ActnetMatchOptions match_options;
  if (!cli_parse_match_options (overlaps_text, no_short_forms, &match_options))
    return ACTNET_EXIT_USAGE;
  if (!cli_parse_dating_options (&dating_args))
    return ACTNET_EXIT_USAGE;
  match_options.count_media = keep_media;
  const char *measure = by != NULL ? by : "degree";
  if (!g_strv_contains (actnet_measure_names (), measure))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) actnet_measure_names ());
      cli_error ("unknown measure '%s' (expected one of: %s)", measure, known);
      return ACTNET_EXIT_USAGE;
    }
  /* What is ranked is computed whatever --measures leaves out. */
  network.measures |= actnet_measure_flag (measure);
  ActnetCommunityOptions community_options;
  actnet_community_options_init (&community_options);
  community_options.resolution = resolution;
  if (communities_text != NULL
      && !actnet_community_method_from_string (communities_text, &community_options.method))
    {
      cli_error ("unknown community method '%s' (expected leiden or louvain)", communities_text);
      return ACTNET_EXIT_USAGE;
    }
  if (!(isfinite (resolution) && resolution > 0))
    {
      cli_error ("invalid resolution %g (expected a positive number)", resolution);
      return ACTNET_EXIT_USAGE;
    }
  if (community != G_MININT)
    network.measures |= ACTNET_MEASURE_COMMUNITY;
  if (community != G_MININT && community < 0)
    {
      cli_error ("invalid community %d (expected 0 or more)", community);
      return ACTNET_EXIT_USAGE;
    }
  const char *out_format = format != NULL ? format : "table";
  if (strcmp (out_format, "table") != 0 && strcmp (out_format, "tsv") != 0
      && strcmp (out_format, "csv") != 0 && strcmp (out_format, "json") != 0)
    {
      cli_error ("unknown format '%s' (expected table, tsv, csv or json)", out_format);
      return ACTNET_EXIT_USAGE;
    }

  GError *error = NULL;
  g_autoptr (ActnetGraph) graph = NULL;
  if (inputs[0] != NULL && inputs[1] == NULL && is_graphml_path (inputs[0]))
    {
      graph = actnet_graph_read_graphml (inputs[0], &error);
      if (graph == NULL || !actnet_graph_compute_centralities (graph, &error))
        return cli_fail (error);
    }
  else
    {
      graph = cli_build_network (gazetteers, &network, &match_options, inputs, NULL, NULL,
                                 &error);
      if (graph == NULL)
        return cli_fail (error);
      /* stdout is the ranking (maybe parsed): the dating figures go to stderr. */
      cli_report_dating (stderr);
    }
  /* The graph carries the default partition; other options redo it. */
  if ((communities_text != NULL || resolution != 1.0)
      && !actnet_graph_compute_communities (graph, &community_options, NULL, NULL, &error))
    return cli_fail (error);
  g_autofree char *canonical_type = type != NULL ? actnet_type_canonicalize (type) : NULL;
  if (!cli_print_ranking_in_community (graph, measure, canonical_type,
                                       community == G_MININT ? -1 : community,
                                       (guint) top, out_format, &error))
    return cli_fail (error);
  return cli_finish_stdout (ACTNET_EXIT_OK);
}
