/* The actnet command line: a thin client of libactnet.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <math.h>
#include <stdio.h>
#include <glib.h>
#include <actnet/actnet.h>

/* Exit statuses, listed in `actnet --help`. */
enum {
  ACTNET_EXIT_OK = 0,
  ACTNET_EXIT_FAILURE = 1, /* bad input, unreadable file, unwritable output */
  ACTNET_EXIT_USAGE = 2    /* unknown command or option, missing argument */
};

typedef struct {
  const char *name;
  const char *parameters;  /* shown after the command name in --help */
  const char *summary;
  int (*run) (int argc, char **argv);
} ActnetCommand;

int actnet_cmd_build (int argc, char **argv);
int actnet_cmd_rank (int argc, char **argv);
int actnet_cmd_mentions (int argc, char **argv);
int actnet_cmd_gazetteer (int argc, char **argv);
int actnet_cmd_gazetteer_import (int argc, char **argv);
int actnet_cmd_gazetteer_lint (int argc, char **argv);
int actnet_cmd_suggest (int argc, char **argv);
int actnet_cmd_eval (int argc, char **argv);
int actnet_cmd_stats (int argc, char **argv);
int actnet_cmd_draw (int argc, char **argv);
int actnet_cmd_export (int argc, char **argv);
int actnet_cmd_explain (int argc, char **argv);
int actnet_cmd_kwic (int argc, char **argv);
int actnet_cmd_count (int argc, char **argv);
int actnet_cmd_merge (int argc, char **argv);

/* Prints "actnet: MESSAGE" to stderr. */
void cli_error (const char *format, ...) G_GNUC_PRINTF (1, 2);
/* Prints the error's message and returns ACTNET_EXIT_FAILURE. */
int cli_fail (GError *error);

/* Parses argv with @entries; on a usage error (bad option, no operand in
 * @operands when it is required, a negative @top) prints it with a hint
 * and returns FALSE. @operands_name names the operands in the message. */
gboolean cli_parse (GOptionContext *context, int *argc, char ***argv,
                    char ***operands, const char *operands_name, int top);
GOptionContext *cli_context_new (const char *parameters,
                                 const char *summary, const char *description,
                                 const GOptionEntry *entries);

/* The gazetteers named with -g, or the bundled one; warnings of user
 * gazetteers go to stderr. The -g files are read in the format given with
 * --gazetteer-format (CLI_GAZETTEER_FORMAT_OPTION), by default found from
 * each file's name and content. */
/* The bundled gazetteers loaded without -g: libya.tsv and media.tsv beside
 * it (when present). New NULL-terminated array, or NULL with @error set. */
char **cli_default_gazetteer_paths (GError **error);

ActnetGazetteer *cli_load_gazetteers (char **paths, GError **error);

/* cli_load_gazetteers() and actnet_matcher_new() in one, through the cache
 * of compiled gazetteers when the gazetteers (the -g files, else the
 * bundled ones) weigh 64 KiB or more together: $ACTNET_CACHE_DIR (empty:
 * no cache), by default $XDG_CACHE_HOME/actnet. A file there is named by
 * the SHA-256 of the gazetteers' paths and bytes, the format and the alias
 * length limit, so an edited gazetteer is never read from an older
 * compile. Writing a file prunes the least recently used others beyond
 * $ACTNET_CACHE_MAX_MB (default 1024). A cache that cannot be read or
 * written is passed over in silence. Sets *@gazetteer (free the matcher
 * first). */
ActnetMatcher *cli_load_matcher (char **paths, ActnetGazetteer **gazetteer, GError **error);
/* The SHA-256 (hex) of @path's bytes, read once a run: the compiled-cache
 * key and the run manifest both record it. Owned by the CLI. */
const char *cli_file_sha256 (const char *path, GError **error);

/* --gazetteer-format FORMAT for commands that take -g: one line in their
 * option table. The option callback checks FORMAT (a bad one is a usage
 * error) and keeps it for cli_load_gazetteers(), so that cli_build_graph()
 * and the commands' calls stay as they are. */
gboolean cli_gazetteer_format_option (const char *name, const char *value,
                                      gpointer data, GError **error);
#define CLI_GAZETTEER_FORMAT_OPTION                                                  \
  { "gazetteer-format", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer) cli_gazetteer_format_option, \
    "Format of the -g files: auto (default), native, petrarch, spacy, gate, csv", "FORMAT" }, \
  CLI_MAX_ALIAS_LENGTH_OPTION

/* The limits that keep a hostile input from exhausting memory (README,
 * "Bad input"): --max-alias-length comes with CLI_GAZETTEER_FORMAT_OPTION,
 * --max-document-size with CLI_MATCH_OPTION_ENTRIES, so that every command
 * reading gazetteers or documents has them. The callback parses the value
 * (a bad one is a usage error) and keeps it: cli_load_gazetteers() applies
 * the alias length, cli_get_batch_options() carries the document size. */
gboolean cli_limit_option (const char *name, const char *value, gpointer data, GError **error);
#define CLI_MAX_ALIAS_LENGTH_OPTION                                                    \
  { "max-alias-length", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer) cli_limit_option,      \
    "Refuse gazetteers with an alias over N bytes (default 1000; 0: no limit)", "N" }
#define CLI_MAX_DOCUMENT_SIZE_OPTION                                                   \
  { "max-document-size", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer) cli_limit_option,     \
    "Refuse a text file or JSONL line over SIZE bytes, suffixes K, M, G (default 64M; "  \
    "0: no limit); --keep-going skips it", "SIZE" }
/* The --max-alias-length given, else ACTNET_DEFAULT_MAX_ALIAS_LENGTH. */
gsize cli_get_max_alias_length (void);

/* Prints a gazetteer's warnings to stderr ("actnet: warning: ..."), the
 * first 20 and then a count; returns how many there are. */
guint cli_print_gazetteer_warnings (const ActnetGazetteer *gazetteer);

/* Reads INPUT... into a graph with centralities: the common front half of
 * build and rank. */
/* Parses --window (NULL: sentence); prints a usage error and returns FALSE
 * when it is not a window. */
gboolean cli_parse_window (const char *text, ActnetWindow *window);

ActnetGraph *cli_build_graph (char **gazetteer_paths, ActnetWindow window,
                              char **inputs, guint64 *n_documents,
                              guint64 *n_mentions, GError **error);

/* --overlaps POLICY and --no-short-forms, for the commands that match:
 * two lines in their option table, read with cli_parse_match_options(). */
#define CLI_MATCH_OPTION_ENTRIES(overlaps_text, no_short_forms)                          \
  { "overlaps", 0, 0, G_OPTION_ARG_STRING, &(overlaps_text),                              \
    "Overlapping names: longest (default) keeps the longest, all reports nested ones too", \
    "POLICY" },                                                                           \
  { "no-short-forms", 0, 0, G_OPTION_ARG_NONE, &(no_short_forms),                         \
    "Do not match a person's bare surname after the full name", NULL },                   \
  CLI_MAX_DOCUMENT_SIZE_OPTION

/* Fills @options from --overlaps (NULL: longest) and --no-short-forms;
 * prints a usage error and returns FALSE on a bad policy. */
gboolean cli_parse_match_options (const char *overlaps_text, gboolean no_short_forms,
                                  ActnetMatchOptions *options);

/* cli_build_graph() under @options (NULL: the defaults). */
ActnetGraph *cli_build_graph_full (char **gazetteer_paths, ActnetWindow window,
                                   const ActnetMatchOptions *options, char **inputs,
                                   guint64 *n_documents, guint64 *n_mentions,
                                   GError **error);

/* The network options of build and rank (README, "Co-occurrence"): the
 * variables behind CLI_NETWORK_OPTION_ENTRIES. Initialise with
 * CLI_NETWORK_ARGS_INIT. */
typedef struct {
  char *weight_text;
  double min_weight;
  gint min_documents;
  gint top_edges;
  char *types_text;
  char *backbone_text;
  double alpha;             /* NAN: not given */
  gboolean keep_isolates;
  char *project_text;
  char *measures_text;
} CliNetworkArgs;
#define CLI_NETWORK_ARGS_INIT { NULL, 0.0, 0, 0, NULL, NULL, NAN, FALSE, NULL, NULL }
#define CLI_NETWORK_OPTION_ENTRIES(args)                                                       \
  { "weight", 0, 0, G_OPTION_ARG_STRING, &(args).weight_text,                                 \
    "Edge weight: count (default), documents, jaccard, dice, cosine, pmi, npmi, association", \
    "W" },                                                                                    \
  { "min-weight", 0, 0, G_OPTION_ARG_DOUBLE, &(args).min_weight,                              \
    "Keep edges whose weight is at least X", "X" },                                          \
  { "min-documents", 0, 0, G_OPTION_ARG_INT, &(args).min_documents,                           \
    "Keep edges seen in at least N documents", "N" },                                         \
  { "top-edges-per-node", 0, 0, G_OPTION_ARG_INT, &(args).top_edges,                          \
    "Keep an edge when it is among the K heaviest of either end", "K" },                     \
  { "types", 0, 0, G_OPTION_ARG_STRING, &(args).types_text,                                   \
    "Keep only nodes of these types (person,organization,...)", "TYPES" },                    \
  { "backbone", 0, 0, G_OPTION_ARG_STRING, &(args).backbone_text,                             \
    "Keep the backbone: disparity (Serrano et al. 2009)", "METHOD" },                        \
  { "alpha", 0, 0, G_OPTION_ARG_DOUBLE, &(args).alpha,                                        \
    "Significance level of the disparity backbone (default 0.05)", "A" },                    \
  { "keep-isolates", 0, 0, G_OPTION_ARG_NONE, &(args).keep_isolates,                          \
    "Keep the nodes the filters leave without an edge", NULL },                               \
  { "project", 0, 0, G_OPTION_ARG_STRING, &(args).project_text,                               \
    "Count only actors of these types (other mentions removed before counting)", "TYPES" }, \
  { "measures", 0, 0, G_OPTION_ARG_STRING, &(args).measures_text,                             \
    "Node measures: all (default), fast (all but betweenness, closeness and harmonic, "      \
    "which take hours on 100k-actor graphs) or a list (degree,pagerank,community,...)", "LIST" }

void cli_network_args_clear (CliNetworkArgs *args);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliNetworkArgs, cli_network_args_clear)

/* Parsed network options; cli_network_clear() frees them. */
typedef struct {
  const ActnetWindow *windows;   /* the scopes, the first the primary */
  guint n_windows;
  ActnetNetworkOptions options;
  char **project;                /* NULL: every actor counted */
  GArray *window_list;           /* owned storage behind windows */
  char **types;                  /* owned storage behind options.types */
  ActnetMeasures measures;       /* --measures (default: all) */
} CliNetwork;

/* Parses --window (a list; NULL: sentence) and the network options; prints
 * a usage error and returns FALSE when one is bad. */
gboolean cli_parse_network_options (const char *window_text, const CliNetworkArgs *args,
                                    CliNetwork *network);
void cli_network_clear (CliNetwork *network);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliNetwork, cli_network_clear)

/* INPUT... counted in every scope of @network in one pass, then weighted,
 * filtered and given centralities: the front half of build and rank.
 * cli_build_graph_full() is its one-scope, default-options case. */
ActnetGraph *cli_build_network (char **gazetteer_paths, const CliNetwork *network,
                                const ActnetMatchOptions *options, char **inputs,
                                guint64 *n_documents, guint64 *n_mentions, GError **error);

/* actnet count: the counting half of cli_build_network() (same gazetteer
 * loading, matching, dating, projection and batch options; dating figures
 * and skipped documents kept for cli_report_dating()). New GPtrArray of
 * ActnetCooccur, one per scope; @evidence (nullable) collects the units of
 * the first; @gazetteer (nullable) receives the gazetteer used. */
GPtrArray *cli_count_scopes (char **gazetteer_paths, const CliNetwork *network,
                             const ActnetMatchOptions *options, char **inputs,
                             ActnetEvidence *evidence, ActnetGazetteer **gazetteer,
                             GError **error);

/* build --evidence: makes cli_build_network() record the units behind
 * every edge of the first scope and write them as JSONL to @path (NULL:
 * off) once the graph is built (README, "Evidence"). */
void cli_set_evidence_output (const char *path);

/* --dates, --date-field, --dates-file (README, "Dates"): three lines in
 * the option table of build and rank, read with cli_parse_dating_options(). */
typedef struct {
  char *mode_text;
  char *field;
  char *file;
} CliDatingArgs;
#define CLI_DATING_OPTION_ENTRIES(args)                                                        \
  { "dates", 0, 0, G_OPTION_ARG_STRING, &(args).mode_text,                                    \
    "Date the documents: field (default: the JSONL date), auto (also the dateline or byline " \
    "of text files), none", "HOW" },                                                          \
  { "date-field", 0, 0, G_OPTION_ARG_STRING, &(args).field,                                   \
    "JSONL member that holds the date (default: date)", "NAME" },                             \
  { "dates-file", 0, 0, G_OPTION_ARG_FILENAME, &(args).file,                                  \
    "CSV of path,date rows whose dates win over the others", "FILE" }
void cli_dating_args_clear (CliDatingArgs *args);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliDatingArgs, cli_dating_args_clear)

/* Checks the dating options (a bad --dates, an empty --date-field, or
 * --dates none with a field or file is a usage error, printed) and keeps
 * them for cli_build_network(), like cli_set_evidence_output(). */
gboolean cli_parse_dating_options (const CliDatingArgs *args);
/* The dating options kept (defaults when none were given). */
const ActnetDatingOptions *cli_get_dating_options (void);
/* After cli_build_network(): prints the reader's date warnings to stderr
 * and, when dating was asked for, "K documents without a date" to @out
 * (nullable) and, with --dates auto or --dates-file, their first 10 ids to
 * stderr. */
void cli_report_dating (FILE *out);

/* --include, --exclude, --files-from, --keep-going, --progress, --jobs
 * (README, "Batch input"): lines in the option table of build, rank,
 * mentions and count. The option callback keeps them for
 * cli_build_network(), like the dating options; cli_get_batch_options()
 * gives them to other readers, with jobs resolved (0: one per core) and
 * the progress display on stderr set when it is wanted: --progress, or
 * stderr a terminal; never after cli_batch_set_quiet (TRUE). */
gboolean cli_batch_option (const char *name, const char *value, gpointer data, GError **error);
#define CLI_BATCH_OPTION_ENTRIES                                                               \
  { "include", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer) cli_batch_option,                      \
    "In directories, read only files matching GLOB (path below the directory or basename; "  \
    "repeatable)", "GLOB" },                                                                  \
  { "exclude", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer) cli_batch_option,                      \
    "In directories, leave out files and directories matching GLOB (repeatable)", "GLOB" },   \
  { "files-from", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, (gpointer) cli_batch_option, \
    "Also read the inputs listed in LIST, one a line (- for standard input)", "LIST" },       \
  { "keep-going", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, (gpointer) cli_batch_option, \
    "Skip unreadable or invalid documents with a warning instead of failing", NULL },          \
  { "progress", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, (gpointer) cli_batch_option,  \
    "Show progress on stderr even when it is not a terminal (default: on a terminal)", NULL }, \
  { "jobs", 'j', 0, G_OPTION_ARG_CALLBACK, (gpointer) cli_batch_option,                       \
    "Threads that match and count (default and 0: one per core; same results for any N)", "N" }
const ActnetBatchOptions *cli_get_batch_options (void);
/* --quiet of the command: no progress display. Call before reading. */
void cli_batch_set_quiet (gboolean quiet);
/* FALSE: no progress on a terminal unless --progress is given (a command
 * whose output streams to the same terminal). */
void cli_batch_set_progress_default (gboolean on);
/* TRUE when --files-from names inputs, so that no INPUT operand is needed. */
gboolean cli_batch_has_inputs (void);
/* Kept by cli_build_network(): documents skipped under --keep-going. */
void cli_batch_set_n_skipped (guint64 n);
guint64 cli_batch_get_n_skipped (void);
/* Prints "actnet: N documents skipped" to stderr when N > 0. */
void cli_report_skipped (void);
/* Documents without a date in the last cli_build_network() run. */
guint64 cli_get_n_undated (void);

/* What a run manifest counts. */
typedef struct {
  guint64 documents, skipped, undated, mentions;
  guint actors, edges;
  guint slices;        /* build --slice: the slices written (then no actors, edges) */
  gboolean no_graph;   /* count: no actors, edges */
} CliManifestCounts;
/* Writes @output.manifest.json (atomically; README, "Batch input"): the
 * actnet version, @options (the command's arguments as given), the
 * gazetteers (the bundled one when @gazetteer_paths is empty) with their
 * SHA-256, @inputs, the --files-from list and @counts. Nothing that varies
 * between identical runs (no time, host or user), so reruns compare equal. */
gboolean cli_write_manifest (const char *output, char **options, char **gazetteer_paths,
                             char **inputs, const CliManifestCounts *counts, GError **error);
/* The same written to @path (build --slice: DIR/manifest.json). The
 * manifest also names the command, the --config file with its SHA-256
 * and the number of threads (--jobs). */
gboolean cli_write_manifest_to (const char *path, char **options, char **gazetteer_paths,
                                char **inputs, const CliManifestCounts *counts, GError **error);

/* --config FILE (README, "Config files"), read by cli-config.c. Before
 * the command name, main() gives it with cli_config_set_path(); after
 * it, cli_option_context_parse() takes it out of argv. Either way, that
 * function inserts the file's options for the command being parsed
 * (those of its last cli_context_new()) ahead of the user's arguments
 * and then parses; errors in the file are usage errors. */
void cli_config_set_path (const char *path);
gboolean cli_option_context_parse (GOptionContext *context, int *argc, char ***argv,
                                   GError **error);
/* The config file read (as given) and its SHA-256, or NULL. */
const char *cli_config_get_path (void);
const char *cli_config_get_sha256 (void);
/* The help line of --config, added by cli_context_new(). */
gboolean cli_config_option (const char *name, const char *value, gpointer data, GError **error);
void cli_config_remember_entries (GOptionContext *context, const GOptionEntry *entries);
/* TRUE when @name is a command of main()'s table (config groups). */
gboolean cli_command_exists (const char *name);

/* Flushes stdout; a write error (disk full, closed pipe) is a failure. */
int cli_finish_stdout (int status);

/* Prints the actors of @graph ranked by @measure in @format (table, tsv,
 * csv or json). Fails on an unknown measure or format. */
gboolean cli_print_ranking (const ActnetGraph *graph, const char *measure,
                            const char *type, guint top, const char *format,
                            GError **error);
/* The same within community @community (-1: all). Every format shows each
 * actor's community (tsv, csv, json: a last "community" column). */
gboolean cli_print_ranking_in_community (const ActnetGraph *graph, const char *measure,
                                         const char *type, gint community, guint top,
                                         const char *format, GError **error);

/* Output helpers shared by the commands. */
/* Appends @text (@length bytes, -1: NUL-terminated) with every whitespace
 * run written as one space, so a TSV field never holds a tab or newline. */
void cli_append_tsv_field (GString *out, const char *text, gssize length);
/* Appends @text as a JSON string literal. */
void cli_append_json_string (GString *out, const char *text);
/* Appends @text padded with spaces to @width characters (right-aligned when @right). */
void cli_append_padded (GString *out, const char *text, guint width, gboolean right);

/* The export format for -o @output: --format @format_text when given, else
 * the file extension; "-" (stdout) without --format is GraphML. Prints a
 * usage error and returns FALSE when neither tells. */
gboolean cli_parse_export_format (const char *output, const char *format_text,
                                  ActnetExportFormat *format);
