/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <utime.h>
#include <glib/gstdio.h>

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
  /* Every command takes --config (taken out of argv before parsing). */
  static const GOptionEntry config_entries[] = {
    { "config", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, (gpointer) cli_config_option,
      "Read options from FILE first: group [actnet] and the command's group (README, "
      "\"Config files\"); the command line wins", "FILE" },
    G_OPTION_ENTRY_NULL
  };
  g_option_context_add_main_entries (context, config_entries, NULL);
  cli_config_remember_entries (context, entries);
  return context;
}

gboolean
cli_parse (GOptionContext *context, int *argc, char ***argv,
           char ***operands, const char *operands_name, int top)
{
  GError *error = NULL;
  if (!cli_option_context_parse (context, argc, argv, &error))
    {
      cli_error ("%s (see '%s --help')", error->message, g_get_prgname ());
      g_error_free (error);
      return FALSE;
    }
  /* --files-from may name every input: no operand then. */
  if ((*operands == NULL || (*operands)[0] == NULL) && cli_batch_has_inputs ())
    {
      if (*operands == NULL)
        *operands = g_new0 (char *, 1);
    }
  else if (*operands == NULL || (*operands)[0] == NULL)
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

char **
cli_default_gazetteer_paths (GError **error)
{
  /* The bundled gazetteers: the actors, and beside them the news media
   * (type media) so that "New York Times" is not read as New York. Their
   * few ambiguous aliases are deliberate, so their warnings stay quiet. */
  g_autofree char *path = actnet_default_gazetteer_path (error);
  if (path == NULL)
    return NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  char *media = g_build_filename (dir, "media.tsv", NULL);
  GStrvBuilder *builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);
  if (g_file_test (media, G_FILE_TEST_IS_REGULAR))
    g_strv_builder_add (builder, media);
  g_free (media);
  char **paths = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return paths;
}

/* Loads @paths, the -g files in --gazetteer-format with their warnings
 * printed, or (@bundled) cli_default_gazetteer_paths() as they are. */
static ActnetGazetteer *
load_gazetteer_files (char **paths, gboolean bundled, GError **error)
{
  g_autoptr (ActnetGazetteer) gazetteer = actnet_gazetteer_new ();
  actnet_gazetteer_set_max_alias_length (gazetteer, cli_get_max_alias_length ());
  for (char **p = paths; *p != NULL; p++)
    if (!(bundled ? actnet_gazetteer_load_file (gazetteer, *p, error)
                  : actnet_gazetteer_load_file_format (gazetteer, *p, gazetteer_format, error)))
      return NULL;
  if (!bundled)
    cli_print_gazetteer_warnings (gazetteer);
  return g_steal_pointer (&gazetteer);
}

ActnetGazetteer *
cli_load_gazetteers (char **paths, GError **error)
{
  if (paths != NULL && paths[0] != NULL)
    return load_gazetteer_files (paths, FALSE, error);
  g_auto (GStrv) defaults = cli_default_gazetteer_paths (error);
  if (defaults == NULL)
    return NULL;
  return load_gazetteer_files (defaults, TRUE, error);
}

const char *
cli_file_sha256 (const char *path, GError **error)
{
  static GHashTable *digests;  /* path -> hex SHA-256, for the run */
  if (digests == NULL)
    digests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *known = g_hash_table_lookup (digests, path);
  if (known != NULL)
    return known;
  g_autofree char *contents = NULL;
  gsize length = 0;
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  g_hash_table_insert (digests, g_strdup (path), sum);
  return sum;
}

/* Smaller gazetteers compile in a few milliseconds, about what hashing
 * them and reading the compiled file back costs. The bundled ones (88 KB)
 * compile in 10 ms and load compiled in 1. */
#define CACHE_MIN_BYTES (64 * 1024)
/* The cache's bound when $ACTNET_CACHE_MAX_MB is unset: some twenty
 * compiled GeoNames-sized gazetteers (42 MB each). */
#define CACHE_DEFAULT_MAX_MB 1024
/* A warm run marks its file used at most this often (seconds), so that
 * pruning goes by last use without a write on every run. */
#define CACHE_TOUCH_INTERVAL 3600
/* Temporary files older than this (seconds) were left by a killed run. */
#define CACHE_STALE_TEMP_AGE (24 * 3600)

/* The cache file for @paths, or NULL when they are small (loading them is
 * quicker than hashing them), unreadable, or the cache is off. @bundled:
 * they are the defaults, read without a format. */
static char *
compiled_cache_path (char **paths, gboolean bundled)
{
  if (paths == NULL || paths[0] == NULL)
    return NULL;
  const char *dir = g_getenv ("ACTNET_CACHE_DIR");
  if (dir != NULL && dir[0] == '\0')
    return NULL;
  guint64 total = 0;
  for (char **p = paths; *p != NULL; p++)
    {
      GStatBuf st;
      if (g_stat (*p, &st) != 0 || !S_ISREG (st.st_mode))
        return NULL;
      total += (guint64) st.st_size;
    }
  if (total < CACHE_MIN_BYTES)
    return NULL;

  g_autoptr (GChecksum) key = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *options =
    g_strdup_printf ("actnet-compiled 1|format %s|max-alias %" G_GSIZE_FORMAT "|",
                     bundled ? "bundled" : actnet_gazetteer_format_to_string (gazetteer_format),
                     cli_get_max_alias_length ());
  g_checksum_update (key, (const guchar *) options, -1);
  for (char **p = paths; *p != NULL; p++)
    {
      const char *sum = cli_file_sha256 (*p, NULL);
      if (sum == NULL)
        return NULL;
      /* The path as given (messages quote it) and the bytes. */
      g_checksum_update (key, (const guchar *) *p, (gssize) strlen (*p) + 1);
      g_checksum_update (key, (const guchar *) sum, -1);
    }
  g_autofree char *base = dir != NULL ? g_strdup (dir)
                                      : g_build_filename (g_get_user_cache_dir (), "actnet", NULL);
  g_autofree char *name = g_strconcat (g_checksum_get_string (key), ".compiled", NULL);
  return g_build_filename (base, name, NULL);
}

/* $ACTNET_CACHE_MAX_MB in bytes, the default when unset or not a number. */
static guint64
cache_max_bytes (void)
{
  const char *text = g_getenv ("ACTNET_CACHE_MAX_MB");
  guint64 mb = CACHE_DEFAULT_MAX_MB;
  if (text != NULL && *text != '\0'
      && !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64 / (1024 * 1024), &mb, NULL))
    {
      cli_error ("warning: ACTNET_CACHE_MAX_MB='%s' is not a number of megabytes; "
                 "the cache keeps %d MB", text, CACHE_DEFAULT_MAX_MB);
      mb = CACHE_DEFAULT_MAX_MB;
    }
  return mb * 1024 * 1024;
}

typedef struct {
  char *path;
  gint64 mtime;
  guint64 size;
} CacheEntry;

static void
cache_entry_clear (CacheEntry *entry)
{
  g_free (entry->path);
}

/* Most recently used first, then by name: which files go does not
 * depend on the order of the directory. */
static gint
cache_entry_compare (gconstpointer a, gconstpointer b)
{
  const CacheEntry *x = a, *y = b;
  if (x->mtime != y->mtime)
    return x->mtime > y->mtime ? -1 : 1;
  return strcmp (x->path, y->path);
}

/* Keeps the cache directory of @written within $ACTNET_CACHE_MAX_MB:
 * @written stays, and of the other compiled files the most recently
 * used that fit beside it; temporary files of killed runs go. Files
 * another run is reading stay readable (POSIX keeps an unlinked file's
 * bytes for whoever has it open). */
static void
compiled_cache_prune (const char *written)
{
  g_autofree char *dir_path = g_path_get_dirname (written);
  GDir *dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return;
  guint64 limit = cache_max_bytes ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr (GArray) entries = g_array_new (FALSE, FALSE, sizeof (CacheEntry));
  g_array_set_clear_func (entries, (GDestroyNotify) cache_entry_clear);
  guint64 total = 0;
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    {
      gboolean temporary = strstr (name, ".compiled.tmp-") != NULL;
      if (!temporary && !g_str_has_suffix (name, ".compiled"))
        continue;
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      GStatBuf st;
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      if (temporary)
        {
          if (now - (gint64) st.st_mtime > CACHE_STALE_TEMP_AGE)
            g_unlink (path);
          continue;
        }
      if (strcmp (path, written) == 0)
        {
          total += (guint64) st.st_size;
          continue;
        }
      CacheEntry entry = { g_steal_pointer (&path), (gint64) st.st_mtime, (guint64) st.st_size };
      g_array_append_val (entries, entry);
    }
  g_dir_close (dir);
  g_array_sort (entries, cache_entry_compare);
  for (guint i = 0; i < entries->len; i++)
    {
      const CacheEntry *entry = &g_array_index (entries, CacheEntry, i);
      if (total + entry->size <= limit)
        total += entry->size;
      else
        g_unlink (entry->path);
    }
}

/* Marks @path used now, at most once in CACHE_TOUCH_INTERVAL. */
static void
compiled_cache_touch (const char *path)
{
  GStatBuf st;
  if (g_stat (path, &st) == 0
      && g_get_real_time () / G_USEC_PER_SEC - (gint64) st.st_mtime > CACHE_TOUCH_INTERVAL)
    g_utime (path, NULL);
}

ActnetMatcher *
cli_load_matcher (char **paths, ActnetGazetteer **gazetteer, GError **error)
{
  gboolean bundled = paths == NULL || paths[0] == NULL;
  g_auto (GStrv) defaults = bundled ? cli_default_gazetteer_paths (error) : NULL;
  if (bundled && defaults == NULL)
    return NULL;
  char **sources = bundled ? defaults : paths;
  g_autofree char *cache = compiled_cache_path (sources, bundled);
  /* The file name is the key: the hash of everything compiled. */
  g_autofree char *key = cache != NULL ? g_path_get_basename (cache) : NULL;
  if (cache != NULL)
    {
      ActnetGazetteer *restored = NULL;
      ActnetMatcher *matcher = actnet_compiled_load (cache, key, &restored, NULL);
      if (matcher != NULL)
        {
          compiled_cache_touch (cache);
          /* As load_gazetteer_files(): the bundled files' warnings stay quiet. */
          if (!bundled)
            cli_print_gazetteer_warnings (restored);
          *gazetteer = restored;
          return matcher;
        }
    }
  g_autoptr (ActnetGazetteer) loaded = load_gazetteer_files (sources, bundled, error);
  if (loaded == NULL)
    return NULL;
  ActnetMatcher *matcher = actnet_matcher_new (loaded, error);
  if (matcher == NULL)
    return NULL;
  if (cache != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (cache);
      if (g_mkdir_with_parents (dir, 0700) == 0 && actnet_compiled_save (matcher, key, cache, NULL))
        compiled_cache_prune (cache);
    }
  *gazetteer = g_steal_pointer (&loaded);
  return matcher;
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
  CliNetwork network = { .windows = &window, .n_windows = 1 };
  actnet_network_options_init (&network.options);
  return cli_build_network (gazetteer_paths, &network, options, inputs, n_documents, n_mentions,
                            error);
}

/* A comma-separated list as a new NULL-terminated vector, blanks trimmed;
 * NULL when an item is empty. */
static char **
split_list (const char *text)
{
  char **items = g_strsplit (text, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    if (*g_strstrip (items[i]) == '\0')
      {
        g_strfreev (items);
        return NULL;
      }
  if (items[0] == NULL)
    {
      g_strfreev (items);
      return NULL;
    }
  return items;
}

gboolean
cli_parse_network_options (const char *window_text, const CliNetworkArgs *args,
                           CliNetwork *network)
{
  memset (network, 0, sizeof *network);
  actnet_network_options_init (&network->options);
  GError *error = NULL;
  network->window_list = actnet_window_list_parse (window_text != NULL ? window_text : "sentence",
                                                   &error);
  if (network->window_list == NULL)
    goto usage;
  network->windows = (const ActnetWindow *) (void *) network->window_list->data;
  network->n_windows = network->window_list->len;
  if (args->weight_text != NULL
      && !actnet_weight_parse (args->weight_text, &network->options.weight, &error))
    goto usage;
  if (args->backbone_text != NULL
      && !actnet_backbone_parse (args->backbone_text, &network->options.backbone, &error))
    goto usage;
  if (!isnan (args->alpha))
    {
      if (!(args->alpha > 0 && args->alpha <= 1))
        {
          cli_error ("invalid --alpha %g (expected a number in (0, 1])", args->alpha);
          goto fail;
        }
      if (network->options.backbone != ACTNET_BACKBONE_DISPARITY)
        {
          cli_error ("--alpha needs --backbone disparity");
          goto fail;
        }
      network->options.alpha = args->alpha;
    }
  if (!(isfinite (args->min_weight) && args->min_weight >= 0))
    {
      cli_error ("invalid --min-weight %g (expected 0 or more)", args->min_weight);
      goto fail;
    }
  network->options.min_weight = args->min_weight;
  if (args->min_documents < 0 || args->top_edges < 0)
    {
      cli_error ("invalid %s %d (expected 0 or more)",
                 args->min_documents < 0 ? "--min-documents" : "--top-edges-per-node",
                 args->min_documents < 0 ? args->min_documents : args->top_edges);
      goto fail;
    }
  network->options.min_documents = (guint64) args->min_documents;
  network->options.top_edges_per_node = (guint) args->top_edges;
  network->options.keep_isolates = args->keep_isolates;
  network->measures = ACTNET_MEASURES_ALL;
  if (args->measures_text != NULL
      && !actnet_measures_parse (args->measures_text, &network->measures, &error))
    goto usage;
  if (args->types_text != NULL)
    {
      network->types = split_list (args->types_text);
      if (network->types == NULL)
        {
          cli_error ("invalid --types '%s' (expected a list such as person,organization)",
                     args->types_text);
          goto fail;
        }
      network->options.types = (const char *const *) network->types;
    }
  if (args->project_text != NULL)
    {
      network->project = split_list (args->project_text);
      if (network->project == NULL)
        {
          cli_error ("invalid --project '%s' (expected a list such as person,organization)",
                     args->project_text);
          goto fail;
        }
    }
  return TRUE;

usage:
  cli_error ("%s (see '%s --help')", error->message, g_get_prgname ());
  g_error_free (error);
fail:
  cli_network_clear (network);
  return FALSE;
}

void
cli_network_args_clear (CliNetworkArgs *args)
{
  g_clear_pointer (&args->weight_text, g_free);
  g_clear_pointer (&args->types_text, g_free);
  g_clear_pointer (&args->backbone_text, g_free);
  g_clear_pointer (&args->project_text, g_free);
  g_clear_pointer (&args->measures_text, g_free);
}

void
cli_network_clear (CliNetwork *network)
{
  if (network->window_list != NULL)
    g_array_unref (network->window_list);
  g_strfreev (network->types);
  g_strfreev (network->project);
  memset (network, 0, sizeof *network);
}

/* build --evidence FILE, kept here so that cli_build_network() records it
 * while it counts (the same one pass). */
static char *evidence_output;

void
cli_set_evidence_output (const char *path)
{
  g_free (evidence_output);
  evidence_output = g_strdup (path);
}

/* The dating options and what dating did, kept for the same reason. */
static ActnetDatingOptions dating_options = ACTNET_DATING_OPTIONS_INIT;
static gboolean dating_requested;
static char *dating_field, *dating_file;
static ActnetDatingStats dating_stats;

void
cli_dating_args_clear (CliDatingArgs *args)
{
  g_clear_pointer (&args->mode_text, g_free);
  g_clear_pointer (&args->field, g_free);
  g_clear_pointer (&args->file, g_free);
}

gboolean
cli_parse_dating_options (const CliDatingArgs *args)
{
  ActnetDatingMode mode = ACTNET_DATING_FIELD;
  if (args->mode_text != NULL && !actnet_dating_mode_parse (args->mode_text, &mode))
    {
      cli_error ("--dates: expected none, field or auto, not \"%s\"", args->mode_text);
      return FALSE;
    }
  if (args->field != NULL && *args->field == '\0')
    {
      cli_error ("--date-field: empty name");
      return FALSE;
    }
  if (mode == ACTNET_DATING_NONE && (args->field != NULL || args->file != NULL))
    {
      cli_error ("--dates none cannot be combined with --date-field or --dates-file");
      return FALSE;
    }
  g_free (dating_field);
  g_free (dating_file);
  dating_field = g_strdup (args->field);
  dating_file = g_strdup (args->file);
  dating_options.mode = mode;
  dating_options.field = dating_field;
  dating_options.dates_file = dating_file;
  dating_requested = args->mode_text != NULL || args->field != NULL || args->file != NULL;
  return TRUE;
}

const ActnetDatingOptions *
cli_get_dating_options (void)
{
  return &dating_options;
}

guint64
cli_get_n_undated (void)
{
  return dating_stats.n_undated;
}

void
cli_report_dating (FILE *out)
{
  for (guint i = 0; dating_stats.warnings != NULL && i < dating_stats.warnings->len; i++)
    cli_error ("warning: %s", (const char *) g_ptr_array_index (dating_stats.warnings, i));
  /* The skipped documents' messages are among those warnings. */
  cli_report_skipped ();
  if (!dating_requested || dating_options.mode == ACTNET_DATING_NONE)
    return;
  if (out != NULL)
    fprintf (out, "%" G_GUINT64_FORMAT " document%s without a date\n", dating_stats.n_undated,
             dating_stats.n_undated == 1 ? "" : "s");
  /* Listing them only pays when the user can fix them: a dateline the
   * auto search missed, a row missing from the dates file. */
  if (dating_options.mode != ACTNET_DATING_AUTO && dating_options.dates_file == NULL)
    return;
  guint n = dating_stats.undated_ids != NULL ? dating_stats.undated_ids->len : 0;
  for (guint i = 0; i < MIN (n, 10); i++)
    cli_error ("without a date: %s", (const char *) g_ptr_array_index (dating_stats.undated_ids, i));
  if (n > 10)
    cli_error ("... and %u more without a date", n - 10);
}

ActnetGraph *
cli_build_network (char **gazetteer_paths, const CliNetwork *network,
                   const ActnetMatchOptions *options, char **inputs,
                   guint64 *n_documents, guint64 *n_mentions, GError **error)
{
  /* Evidence of the first scope: the one that gives the weight. */
  g_autoptr (ActnetEvidence) evidence = evidence_output != NULL
                                          ? actnet_evidence_new (network->windows[0]) : NULL;
  g_autoptr (ActnetGazetteer) gazetteer = NULL;
  g_autoptr (GPtrArray) scopes = cli_count_scopes (gazetteer_paths, network, options, inputs,
                                                   evidence, &gazetteer, error);
  if (scopes == NULL)
    return NULL;
  g_autoptr (ActnetGraph) graph = actnet_graph_new_from_scopes ((ActnetCooccur *const *) scopes->pdata,
                                                                scopes->len, gazetteer,
                                                                &network->options, error);
  if (graph == NULL || !actnet_graph_compute_measures (graph, network->measures, error))
    return NULL;
  if (evidence != NULL
      && !actnet_evidence_write_jsonl (evidence, graph, gazetteer, evidence_output, error))
    return NULL;
  const ActnetCooccur *primary = g_ptr_array_index (scopes, 0);
  if (n_documents != NULL)
    *n_documents = actnet_cooccur_get_n_documents (primary);
  if (n_mentions != NULL)
    *n_mentions = actnet_cooccur_get_n_mentions (primary);
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
  actnet_text_append_squeezed (out, text, length);
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
  g_string_append (line, "  community");
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
      /* -1: a graph without communities (none computed). */
      gint community = actnet_graph_get_node_community (graph, node);
      g_string_set_size (value, 0);
      if (community >= 0)
        g_string_append_printf (value, "%d", community);
      else
        g_string_append_c (value, '-');
      g_string_append (line, "  ");
      cli_append_padded (line, value->str, 9, TRUE);
      printf ("%s\n", line->str);
    }
}

gboolean
cli_print_ranking (const ActnetGraph *graph, const char *measure, const char *type,
                   guint top, const char *format, GError **error)
{
  return cli_print_ranking_in_community (graph, measure, type, -1, top, format, error);
}

gboolean
cli_print_ranking_in_community (const ActnetGraph *graph, const char *measure,
                                const char *type, gint community, guint top,
                                const char *format, GError **error)
{
  static const char *const formats[] = { "table", "tsv", "csv", "json", NULL };
  if (!g_strv_contains (formats, format))
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                   "unknown format '%s' (expected table, tsv, csv or json)", format);
      return FALSE;
    }
  g_autoptr (GArray) ranked = actnet_graph_rank_in_community (graph, measure, type, community,
                                                              top, error);
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
      /* Last, so the columns before it keep their places. */
      g_string_append_printf (out, "%ccommunity", separator);
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
      /* -1 (JSON: null, TSV/CSV: empty) when the graph has no communities. */
      gint node_community = actnet_graph_get_node_community (graph, node);
      if (json)
        g_string_append (out, ", \"community\": ");
      else
        g_string_append_c (out, separator);
      if (node_community >= 0)
        g_string_append_printf (out, "%d", node_community);
      else if (json)
        g_string_append (out, "null");
      g_string_append (out, json ? (i + 1 < ranked->len ? "},\n" : "}\n") : "\n");
    }
  if (json)
    g_string_append (out, "]\n");
  fwrite (out->str, 1, out->len, stdout);
  return TRUE;
}

gboolean
cli_parse_export_format (const char *output, const char *format_text,
                         ActnetExportFormat *format)
{
  *format = ACTNET_EXPORT_UNKNOWN;
  if (format_text != NULL)
    {
      *format = actnet_export_format_from_string (format_text);
      if (*format == ACTNET_EXPORT_UNKNOWN)
        {
          cli_error ("unknown format '%s' (expected graphml, gexf, gml, pajek, dot, csv, json or matrix)",
                     format_text);
          return FALSE;
        }
      return TRUE;
    }
  if (output == NULL)
    return TRUE;
  if (g_strcmp0 (output, "-") == 0)
    {
      *format = ACTNET_EXPORT_GRAPHML;
      return TRUE;
    }
  *format = actnet_export_format_from_path (output);
  if (*format == ACTNET_EXPORT_UNKNOWN)
    {
      cli_error ("cannot tell the format of '%s' (use --format or a known extension: "
                 ".graphml .gexf .gml .net .dot .csv .json .matrix.csv)", output);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
cli_count_scopes (char **gazetteer_paths, const CliNetwork *network,
                  const ActnetMatchOptions *options, char **inputs,
                  ActnetEvidence *evidence, ActnetGazetteer **gazetteer_out, GError **error)
{
  g_autoptr (ActnetGazetteer) gazetteer = NULL;
  g_autoptr (ActnetMatcher) matcher = cli_load_matcher (gazetteer_paths, &gazetteer, error);
  if (matcher == NULL)
    return NULL;
  actnet_dating_stats_clear (&dating_stats);
  guint64 n_skipped = 0;
  GPtrArray *scopes = actnet_pipeline_count_scopes_batch (
    matcher, (const char *const *) inputs, network->windows, network->n_windows, options,
    (const char *const *) network->project, evidence != NULL ? actnet_evidence_pipeline_func : NULL,
    evidence, &dating_options, cli_get_batch_options (), &dating_stats, &n_skipped, NULL, error);
  cli_batch_set_n_skipped (n_skipped);
  if (scopes != NULL && gazetteer_out != NULL)
    *gazetteer_out = g_steal_pointer (&gazetteer);
  return scopes;
}
