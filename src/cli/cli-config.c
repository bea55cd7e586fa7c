/* --config FILE: the options a user repeats, kept in a key file (README,
 * "Config files"). Group [actnet] applies to every command, [build],
 * [rank] ... to that command; each key is a long option name. The file's
 * options are inserted into argv ahead of the user's arguments, so the
 * command line wins, and parsed by the command's own GOptionContext: a
 * config value is checked exactly as the same option typed by hand.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <stdarg.h>
#include <string.h>

/* A CLI run parses its options once: plain statics suffice. */
static char *config_path;            /* as given */
static char *config_sha256;          /* set once the file is read */
static GOptionContext *entries_context;
static const GOptionEntry *entries_table;
static char **config_arguments;      /* owns the strings added to argv */
static char **parsed_argv;           /* the argv GOption reorders (strings borrowed) */

/* Options whose values are input paths: a relative one is taken from the
 * config file's directory, so the file works from any directory. */
static const char *const path_options[] = { "gazetteer", "dates-file", "files-from", NULL };
/* Repeatable options read by a callback (the others are *_ARRAY). */
static const char *const repeatable_callbacks[] = { "include", "exclude", NULL };

void
cli_config_set_path (const char *path)
{
  g_free (config_path);
  config_path = g_strdup (path);
}

const char *
cli_config_get_path (void)
{
  return config_sha256 != NULL ? config_path : NULL;
}

const char *
cli_config_get_sha256 (void)
{
  return config_sha256;
}

void
cli_config_remember_entries (GOptionContext *context, const GOptionEntry *entries)
{
  entries_context = context;
  entries_table = entries;
}

gboolean
cli_config_option (const char *name, const char *value, gpointer data, GError **error)
{
  (void) value;
  (void) data;
  /* cli_option_context_parse() takes it out of argv before GOption sees it. */
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "%s is not accepted here", name);
  return FALSE;
}

static const GOptionEntry *
find_entry (const char *key)
{
  for (const GOptionEntry *e = entries_table; e != NULL && e->long_name != NULL; e++)
    if (*e->long_name != '\0' && strcmp (e->long_name, key) == 0)
      return e;
  return NULL;
}

static gboolean
is_flag (const GOptionEntry *entry)
{
  return entry->arg == G_OPTION_ARG_NONE
         || (entry->arg == G_OPTION_ARG_CALLBACK && (entry->flags & G_OPTION_FLAG_NO_ARG));
}

static gboolean
is_repeatable (const GOptionEntry *entry)
{
  return entry->arg == G_OPTION_ARG_STRING_ARRAY || entry->arg == G_OPTION_ARG_FILENAME_ARRAY
         || (entry->arg == G_OPTION_ARG_CALLBACK
             && g_strv_contains (repeatable_callbacks, entry->long_name));
}

/* TRUE when the user's arguments (before "--") hold @entry. */
static gboolean
user_gave (const GOptionEntry *entry, int argc, char **argv)
{
  gsize n = strlen (entry->long_name);
  for (int i = 1; i < argc && strcmp (argv[i], "--") != 0; i++)
    {
      const char *arg = argv[i];
      if (g_str_has_prefix (arg, "--") && strncmp (arg + 2, entry->long_name, n) == 0
          && (arg[2 + n] == '\0' || arg[2 + n] == '='))
        return TRUE;
      if (entry->short_name != '\0' && arg[0] == '-' && arg[1] == entry->short_name)
        return TRUE;
    }
  return FALSE;
}

/* GKeyFile's parse errors say what is wrong, not where: the first line
 * that is neither blank, a comment, a [group] nor a key=value (or a key
 * before any group), 1-based, or 0. */
static guint
find_bad_line (const char *contents)
{
  g_auto (GStrv) lines = g_strsplit (contents, "\n", -1);
  gboolean in_group = FALSE;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);
      if (*line == '\0' || *line == '#')
        continue;
      if (*line == '[' && g_str_has_suffix (line, "]"))
        in_group = TRUE;
      else if (!in_group || strchr (line, '=') == NULL)
        return i + 1;
    }
  return 0;
}

static gboolean
config_error (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
config_error (GError **error, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "%s: %s", config_path, message);
  return FALSE;
}

/* The command's group: "actnet build" -> "build". */
static const char *
command_group (void)
{
  const char *name = g_get_prgname () != NULL ? g_get_prgname () : "";
  return g_str_has_prefix (name, "actnet ") ? name + strlen ("actnet ") : name;
}

static char *
resolve_path (const char *key, const char *value, const char *directory)
{
  if (!g_strv_contains (path_options, key) || *value == '\0' || strcmp (value, "-") == 0
      || g_path_is_absolute (value))
    return g_strdup (value);
  return g_build_filename (directory, value, NULL);
}

/* Appends the arguments of group @group key @key of @file to @out. */
static gboolean
append_arguments (GKeyFile *file, const char *group, const char *key, const GOptionEntry *entry,
                  int argc, char **argv, const char *directory, GStrvBuilder *out, GError **error)
{
  GError *local = NULL;
  if (is_flag (entry))
    {
      gboolean on = g_key_file_get_boolean (file, group, key, &local);
      if (local != NULL)
        {
          g_autofree char *text = g_key_file_get_value (file, group, key, NULL);
          config_error (error, "[%s] %s: expected true or false, not '%s'", group, key, text);
          g_error_free (local);
          return FALSE;
        }
      if (on)
        {
          g_autofree char *argument = g_strconcat ("--", key, NULL);
          g_strv_builder_add (out, argument);
        }
      return TRUE;
    }
  if (is_repeatable (entry))
    {
      /* A list from the file would add to the user's own: it only
       * stands in when they give none. */
      if (user_gave (entry, argc, argv))
        return TRUE;
      gsize n = 0;
      g_auto (GStrv) items = g_key_file_get_string_list (file, group, key, &n, &local);
      if (local != NULL)
        {
          config_error (error, "[%s] %s: %s", group, key, local->message);
          g_error_free (local);
          return FALSE;
        }
      for (gsize i = 0; i < n; i++)
        {
          const char *item = g_strstrip (items[i]);
          if (*item == '\0')
            continue;
          g_autofree char *value = resolve_path (key, item, directory);
          g_autofree char *argument = g_strconcat ("--", key, "=", value, NULL);
          g_strv_builder_add (out, argument);
        }
      return TRUE;
    }
  g_autofree char *text = g_key_file_get_string (file, group, key, &local);
  if (local != NULL)
    {
      config_error (error, "[%s] %s: %s", group, key, local->message);
      g_error_free (local);
      return FALSE;
    }
  g_autofree char *value = resolve_path (key, g_strstrip (text), directory);
  g_autofree char *argument = g_strconcat ("--", key, "=", value, NULL);
  g_strv_builder_add (out, argument);
  return TRUE;
}

/* The config file's arguments for the command being parsed, in file
 * order, [actnet] first; a key of the command's group replaces the same
 * key of [actnet]. */
static char **
config_arguments_new (int argc, char **argv, GError **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  GError *local = NULL;
  if (!g_file_get_contents (config_path, &contents, &length, &local))
    {
      /* Its message names the file. */
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, local->message);
      g_error_free (local);
      return NULL;
    }
  g_autoptr (GKeyFile) file = g_key_file_new ();
  if (!g_key_file_load_from_data (file, contents, length, G_KEY_FILE_NONE, &local))
    {
      guint line = find_bad_line (contents);
      if (line > 0)
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "%s:%u: %s", config_path, line,
                     local->message);
      else
        config_error (error, "%s", local->message);
      g_error_free (local);
      return NULL;
    }

  const char *command = command_group ();
  g_auto (GStrv) groups = g_key_file_get_groups (file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *first = g_strdup (groups[i]);
      char *space = strchr (first, ' ');
      if (space != NULL)
        *space = '\0';
      if (strcmp (groups[i], "actnet") != 0 && !cli_command_exists (first))
        {
          config_error (error, "unknown group [%s] (expected [actnet] or a command name such "
                        "as [build])", groups[i]);
          return NULL;
        }
    }

  /* (group, key) pairs in order; the command's group overrides. */
  g_autoptr (GPtrArray) pairs = g_ptr_array_new ();
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) key_lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *const applied[] = { "actnet", command };
  for (guint g = 0; g < G_N_ELEMENTS (applied); g++)
    {
      const char *group = applied[g];
      if (!g_key_file_has_group (file, group))
        continue;
      char **keys = g_key_file_get_keys (file, group, NULL, NULL);
      g_ptr_array_add (key_lists, keys);
      for (guint k = 0; keys[k] != NULL; k++)
        {
          const char *key = keys[k];
          if (strcmp (key, "config") == 0)
            {
              config_error (error, "[%s] config: a config file cannot name another", group);
              return NULL;
            }
          /* [actnet] serves every command: its keys apply where they
           * are options. A command's own group must only hold its own. */
          if (find_entry (key) == NULL)
            {
              if (g == 0)
                continue;
              config_error (error, "[%s] %s: not an option of 'actnet %s'", group, key, command);
              return NULL;
            }
          gpointer at;
          if (g_hash_table_lookup_extended (index, key, NULL, &at))
            g_ptr_array_index (pairs, GPOINTER_TO_UINT (at)) = (gpointer) group;
          else
            {
              g_hash_table_insert (index, (gpointer) key, GUINT_TO_POINTER (pairs->len));
              g_ptr_array_add (pairs, (gpointer) group);
              g_ptr_array_add (pairs, (gpointer) key);
            }
        }
    }

  g_autofree char *directory = g_path_get_dirname (config_path);
  g_autoptr (GStrvBuilder) out = g_strv_builder_new ();
  for (guint i = 0; i < pairs->len; i += 2)
    {
      const char *group = g_ptr_array_index (pairs, i);
      const char *key = g_ptr_array_index (pairs, i + 1);
      if (!append_arguments (file, group, key, find_entry (key), argc, argv, directory, out, error))
        return NULL;
    }
  config_sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  return g_strv_builder_end (out);
}

/* Takes --config FILE / --config=FILE out of @argv (in place). */
static gboolean
take_config_option (int *argc, char **argv, GError **error)
{
  int kept = 1;
  gboolean options = TRUE;
  for (int i = 1; i < *argc; i++)
    {
      const char *arg = argv[i];
      const char *value = NULL;
      if (options && strcmp (arg, "--") == 0)
        options = FALSE;
      else if (options && strcmp (arg, "--config") == 0)
        {
          if (i + 1 >= *argc)
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "Missing argument for --config");
              return FALSE;
            }
          value = argv[++i];
        }
      else if (options && g_str_has_prefix (arg, "--config="))
        value = arg + strlen ("--config=");
      if (value == NULL)
        {
          argv[kept++] = argv[i];
          continue;
        }
      if (*value == '\0' || config_path != NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       *value == '\0' ? "--config: empty file name" : "--config given twice");
          return FALSE;
        }
      cli_config_set_path (value);
    }
  argv[kept] = NULL;
  *argc = kept;
  return TRUE;
}

gboolean
cli_option_context_parse (GOptionContext *context, int *argc, char ***argv, GError **error)
{
  if (!take_config_option (argc, *argv, error))
    return FALSE;
  if (config_path != NULL)
    {
      if (context != entries_context)
        {
          /* Every command builds its context with cli_context_new(). */
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "--config is not supported here");
          return FALSE;
        }
      g_strfreev (config_arguments);
      config_arguments = config_arguments_new (*argc, *argv, error);
      if (config_arguments == NULL)
        return FALSE;
      guint n = g_strv_length (config_arguments);
      g_free (parsed_argv);
      parsed_argv = g_new0 (char *, (gsize) *argc + n + 1);
      parsed_argv[0] = (*argv)[0];
      for (guint i = 0; i < n; i++)
        parsed_argv[1 + i] = config_arguments[i];
      for (int i = 1; i < *argc; i++)
        parsed_argv[n + (guint) i] = (*argv)[i];
      *argc += (int) n;
      *argv = parsed_argv;
    }
  return g_option_context_parse (context, argc, argv, error);
}
