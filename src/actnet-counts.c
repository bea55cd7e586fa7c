/* Partial counts files (format in actnet-counts.h).
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet-counts.h>
#include <actnet/actnet-error.h>
#include <actnet/actnet-dates.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "atomic-file.h"

/* ---- Writing ------------------------------------------------------------ */

/* The window as the files spell it: the token actnet_window_parse() reads
 * back ("20", not "20 words"). */
static char *
window_token (ActnetWindow window)
{
  if (window.kind == ACTNET_WINDOW_WORDS)
    return g_strdup_printf ("%u", window.words);
  return actnet_window_to_string (window);
}

static void
write_date (FILE *stream, ActnetDate date)
{
  if (date == ACTNET_DATE_NONE)
    {
      fputs ("\t-", stream);
      return;
    }
  g_autofree char *iso = actnet_date_to_iso (date);
  fprintf (stream, "\t%s", iso);
}

static void
write_scope (FILE *stream, const ActnetCooccur *scope, const ActnetGazetteer *gazetteer)
{
  g_autofree char *token = window_token (actnet_cooccur_get_window (scope));
  fprintf (stream, "scope\t%s\n", token);
  fprintf (stream, "totals\t%" G_GUINT64_FORMAT "\t%" G_GUINT64_FORMAT "\t%" G_GUINT64_FORMAT
           "\t%d\n", actnet_cooccur_get_n_documents (scope), actnet_cooccur_get_n_mentions (scope),
           actnet_cooccur_get_n_units (scope), actnet_cooccur_has_dates (scope) ? 1 : 0);
  guint n_actors = actnet_cooccur_get_n_actors (scope);
  for (guint i = 0; i < n_actors; i++)
    {
      guint64 mentions = actnet_cooccur_get_actor_mentions (scope, i);
      guint64 documents = actnet_cooccur_get_actor_documents (scope, i);
      guint64 units = actnet_cooccur_get_actor_units (scope, i);
      ActnetDate first, last;
      actnet_cooccur_get_actor_dates (scope, i, &first, &last);
      /* Most actors of a large gazetteer never occur in a shard: zeros are
       * implied, which keeps parts small. */
      if (mentions == 0 && documents == 0 && units == 0 && first == ACTNET_DATE_NONE
          && last == ACTNET_DATE_NONE)
        continue;
      fprintf (stream, "a\t%s\t%" G_GUINT64_FORMAT "\t%" G_GUINT64_FORMAT "\t%" G_GUINT64_FORMAT,
               actnet_gazetteer_get_id (gazetteer, i), mentions, documents, units);
      write_date (stream, first);
      write_date (stream, last);
      fputc ('\n', stream);
    }
  g_autoptr (GArray) pairs = actnet_cooccur_get_pairs (scope);
  for (guint i = 0; i < pairs->len; i++)
    {
      const ActnetPair *pair = &g_array_index (pairs, ActnetPair, i);
      ActnetDate first, last;
      actnet_cooccur_get_pair_dates (scope, pair->a, pair->b, &first, &last);
      fprintf (stream, "p\t%s\t%s\t%" G_GUINT64_FORMAT "\t%" G_GUINT64_FORMAT,
               actnet_gazetteer_get_id (gazetteer, pair->a),
               actnet_gazetteer_get_id (gazetteer, pair->b), pair->weight, pair->documents);
      write_date (stream, first);
      write_date (stream, last);
      fputc ('\n', stream);
    }
}

gboolean
actnet_counts_write (ActnetCooccur *const *scopes, guint n_scopes,
                     const ActnetGazetteer *gazetteer, const char *path, GError **error)
{
  g_return_val_if_fail (scopes != NULL && n_scopes >= 1, FALSE);
  g_return_val_if_fail (gazetteer != NULL && path != NULL, FALSE);

  guint n_actors = actnet_gazetteer_get_n_actors (gazetteer);
  for (guint s = 0; s < n_scopes; s++)
    if (actnet_cooccur_get_n_actors (scopes[s]) != n_actors)
      {
        g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                     "counts of %u actors do not fit a gazetteer of %u",
                     actnet_cooccur_get_n_actors (scopes[s]), n_actors);
        return FALSE;
      }
  /* An id with a tab or line break would be read back as other fields. */
  for (guint i = 0; i < n_actors; i++)
    if (strpbrk (actnet_gazetteer_get_id (gazetteer, i), "\t\r\n") != NULL)
      {
        g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                     "actor id '%s' holds a tab or line break", actnet_gazetteer_get_id (gazetteer, i));
        return FALSE;
      }

  ActnetAtomicFile *file = actnet_i_atomic_file_open (path, error);
  if (file == NULL)
    return FALSE;
  FILE *stream = actnet_i_atomic_file_get_stream (file);
  fprintf (stream, "actnet-counts %d\nwindows\t", ACTNET_COUNTS_VERSION);
  for (guint s = 0; s < n_scopes; s++)
    {
      g_autofree char *token = window_token (actnet_cooccur_get_window (scopes[s]));
      fprintf (stream, "%s%s", s > 0 ? "," : "", token);
    }
  fprintf (stream, "\nactors\t%u\n", n_actors);
  for (guint i = 0; i < n_actors; i++)
    fprintf (stream, "actor\t%s\n", actnet_gazetteer_get_id (gazetteer, i));
  for (guint s = 0; s < n_scopes; s++)
    write_scope (stream, scopes[s], gazetteer);
  fprintf (stream, "end\t%u\n", n_scopes);
  return actnet_i_atomic_file_commit (file, error);
}

/* ---- Reading ------------------------------------------------------------ */

typedef struct {
  const char *path;
  const char *cursor;    /* start of the next line */
  const char *end;
  guint line;            /* number of the line in fields (1-based) */
  char **fields;         /* the current line split at tabs */
  guint n_fields;
} Reader;

static gboolean G_GNUC_PRINTF (3, 4)
reader_fail (Reader *reader, GError **error, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_PARSE, "%s:%u: %s", reader->path, reader->line,
               message);
  return FALSE;
}

/* Moves to the next line; FALSE with @error set at the end of the data,
 * where @expected was due (every section ends before "end", so running
 * out of lines always means a truncated file). */
static gboolean
reader_next (Reader *reader, const char *expected, GError **error)
{
  g_clear_pointer (&reader->fields, g_strfreev);
  reader->n_fields = 0;
  reader->line++;
  if (reader->cursor >= reader->end)
    return reader_fail (reader, error, "truncated file: expected %s", expected);
  const char *newline = memchr (reader->cursor, '\n', (gsize) (reader->end - reader->cursor));
  const char *stop = newline != NULL ? newline : reader->end;
  g_autofree char *text = g_strndup (reader->cursor, (gsize) (stop - reader->cursor));
  /* The writer ends every line, "end" included: a missing last newline is
   * a cut-off copy. */
  if (newline == NULL)
    return reader_fail (reader, error, "truncated file: last line has no line break");
  reader->cursor = newline + 1;
  reader->fields = g_strsplit (text, "\t", -1);
  reader->n_fields = g_strv_length (reader->fields);
  return TRUE;
}

/* Checks that the current line is "@tag" followed by @n_values fields. */
static gboolean
reader_expect (Reader *reader, const char *tag, guint n_values, GError **error)
{
  if (strcmp (reader->fields[0], tag) != 0)
    return reader_fail (reader, error, "expected a '%s' line, not '%s'", tag, reader->fields[0]);
  if (reader->n_fields != n_values + 1)
    return reader_fail (reader, error, "'%s' line with %u fields (expected %u)", tag,
                        reader->n_fields - 1, n_values);
  return TRUE;
}

static gboolean
parse_count (Reader *reader, guint field, const char *what, guint64 *value, GError **error)
{
  if (!g_ascii_string_to_unsigned (reader->fields[field], 10, 0, G_MAXUINT64, value, NULL))
    return reader_fail (reader, error, "invalid %s '%s' (expected a non-negative integer)", what,
                        reader->fields[field]);
  return TRUE;
}

/* "-" or a strict YYYY-MM-DD of a day that exists. */
static gboolean
parse_date (Reader *reader, guint field, ActnetDate *date, GError **error)
{
  const char *text = reader->fields[field];
  *date = ACTNET_DATE_NONE;
  if (strcmp (text, "-") == 0)
    return TRUE;
  gboolean shape = strlen (text) == 10 && text[4] == '-' && text[7] == '-';
  for (guint i = 0; shape && i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      shape = FALSE;
  int year = shape ? atoi (text) : 0;
  int month = shape ? atoi (text + 5) : 0;
  int day = shape ? atoi (text + 8) : 0;
  if (!shape || day < 1 || day > actnet_date_days_in_month (year, month))
    return reader_fail (reader, error, "invalid date '%s' (expected YYYY-MM-DD or -)", text);
  *date = actnet_date_from_ymd (year, month, day);
  return TRUE;
}

static gboolean
parse_dates (Reader *reader, guint field, gboolean dated, ActnetDate *first, ActnetDate *last,
             GError **error)
{
  if (!parse_date (reader, field, first, error) || !parse_date (reader, field + 1, last, error))
    return FALSE;
  if ((*first == ACTNET_DATE_NONE) != (*last == ACTNET_DATE_NONE))
    return reader_fail (reader, error, "only one of the two dates is given");
  if (*first != ACTNET_DATE_NONE && !dated)
    return reader_fail (reader, error, "a date in a scope whose totals say it has none");
  if (*first > *last)
    return reader_fail (reader, error, "first date %s after last date %s",
                        reader->fields[field], reader->fields[field + 1]);
  return TRUE;
}

static gboolean
parse_actor (Reader *reader, guint field, const ActnetGazetteer *gazetteer, guint *actor,
             GError **error)
{
  *actor = actnet_gazetteer_lookup (gazetteer, reader->fields[field]);
  if (*actor == G_MAXUINT)
    return reader_fail (reader, error, "unknown actor '%s'", reader->fields[field]);
  return TRUE;
}

/* Reads one scope's section, from its "scope" line (current) to the line
 * after its last record (current on return). */
static gboolean
read_scope (Reader *reader, const ActnetGazetteer *gazetteer, ActnetCooccur *scope,
            GError **error)
{
  ActnetWindow window = actnet_cooccur_get_window (scope);
  g_autofree char *token = window_token (window);
  if (!reader_expect (reader, "scope", 1, error))
    return FALSE;
  if (strcmp (reader->fields[1], token) != 0)
    return reader_fail (reader, error, "scope '%s' where the windows line announces '%s'",
                        reader->fields[1], token);

  if (!reader_next (reader, "a 'totals' line", error) || !reader_expect (reader, "totals", 4, error))
    return FALSE;
  guint64 n_documents, n_mentions, n_units, dated;
  if (!parse_count (reader, 1, "document count", &n_documents, error)
      || !parse_count (reader, 2, "mention count", &n_mentions, error)
      || !parse_count (reader, 3, "unit count", &n_units, error)
      || !parse_count (reader, 4, "dated flag", &dated, error))
    return FALSE;
  if (dated > 1)
    return reader_fail (reader, error, "invalid dated flag '%s' (expected 0 or 1)", reader->fields[4]);
  actnet_cooccur_add_totals (scope, n_documents, n_mentions, n_units, dated == 1);

  /* Actors, then pairs, each in increasing gazetteer order: the order the
   * writer uses, and what makes a repeated record visible in one compare. */
  gint64 last_actor = -1, last_a = -1, last_b = -1;
  for (;;)
    {
      if (!reader_next (reader, "'a', 'p', 'scope' or 'end'", error))
        return FALSE;
      const char *tag = reader->fields[0];
      if (strcmp (tag, "a") == 0)
        {
          if (last_a >= 0)
            return reader_fail (reader, error, "actor record after the pair records");
          guint actor;
          guint64 mentions, documents, units;
          ActnetDate first, last;
          if (!reader_expect (reader, "a", 6, error)
              || !parse_actor (reader, 1, gazetteer, &actor, error)
              || !parse_count (reader, 2, "mention count", &mentions, error)
              || !parse_count (reader, 3, "document count", &documents, error)
              || !parse_count (reader, 4, "unit count", &units, error)
              || !parse_dates (reader, 5, dated == 1, &first, &last, error))
            return FALSE;
          if ((gint64) actor <= last_actor)
            return reader_fail (reader, error, "actor '%s' repeated or out of gazetteer order",
                                reader->fields[1]);
          if (units > n_units || documents > n_documents || mentions > n_mentions)
            return reader_fail (reader, error, "actor '%s' has more units, documents or "
                                "mentions than the scope's totals", reader->fields[1]);
          last_actor = actor;
          actnet_cooccur_add_actor_counts (scope, actor, mentions, documents, units, first, last);
        }
      else if (strcmp (tag, "p") == 0)
        {
          guint a, b;
          guint64 weight, documents;
          ActnetDate first, last;
          if (!reader_expect (reader, "p", 6, error)
              || !parse_actor (reader, 1, gazetteer, &a, error)
              || !parse_actor (reader, 2, gazetteer, &b, error)
              || !parse_count (reader, 3, "weight", &weight, error)
              || !parse_count (reader, 4, "document count", &documents, error)
              || !parse_dates (reader, 5, dated == 1, &first, &last, error))
            return FALSE;
          if (a >= b)
            return reader_fail (reader, error, "pair '%s' '%s' not in gazetteer order",
                                reader->fields[1], reader->fields[2]);
          if ((gint64) a < last_a || ((gint64) a == last_a && (gint64) b <= last_b))
            return reader_fail (reader, error, "pair '%s' '%s' repeated or out of order",
                                reader->fields[1], reader->fields[2]);
          /* The association weights divide by these marginals: counts that
           * counting cannot give would turn into NaN or infinities. */
          if (weight == 0 || documents == 0 || documents > weight
              || weight > actnet_cooccur_get_actor_units (scope, a)
              || weight > actnet_cooccur_get_actor_units (scope, b))
            return reader_fail (reader, error, "pair '%s' '%s': weight %" G_GUINT64_FORMAT
                                " and %" G_GUINT64_FORMAT " documents do not fit the actors' units",
                                reader->fields[1], reader->fields[2], weight, documents);
          last_a = a;
          last_b = b;
          actnet_cooccur_add_pair_counts (scope, a, b, weight, documents, first, last);
        }
      else
        return TRUE;
    }
}

static gboolean
read_counts (Reader *reader, const ActnetGazetteer *gazetteer, GPtrArray *scopes,
             GError **error)
{
  if (!reader_next (reader, "the header 'actnet-counts 1'", error))
    return FALSE;
  g_autofree char *header = g_strjoinv ("\t", reader->fields);
  if (!g_str_has_prefix (header, "actnet-counts "))
    return reader_fail (reader, error, "not an actnet counts file (no 'actnet-counts' header)");
  if (strcmp (header + strlen ("actnet-counts "), G_STRINGIFY (ACTNET_COUNTS_VERSION)) != 0)
    return reader_fail (reader, error, "unsupported counts format version '%s' (this actnet "
                        "reads version %d)", header + strlen ("actnet-counts "),
                        ACTNET_COUNTS_VERSION);

  if (!reader_next (reader, "a 'windows' line", error) || !reader_expect (reader, "windows", 1, error))
    return FALSE;
  GError *local = NULL;
  g_autoptr (GArray) windows = actnet_window_list_parse (reader->fields[1], &local);
  if (windows == NULL)
    {
      reader_fail (reader, error, "%s", local->message);
      g_error_free (local);
      return FALSE;
    }

  if (!reader_next (reader, "an 'actors' line", error) || !reader_expect (reader, "actors", 1, error))
    return FALSE;
  guint64 n_actors;
  if (!parse_count (reader, 1, "actor count", &n_actors, error))
    return FALSE;
  guint n_gazetteer = actnet_gazetteer_get_n_actors (gazetteer);
  if (n_actors != n_gazetteer)
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_GAZETTEER,
                   "%s:%u: counted with a gazetteer of %" G_GUINT64_FORMAT " actors, not this "
                   "one of %u: every part of a merge must use the same gazetteer", reader->path,
                   reader->line, n_actors, n_gazetteer);
      return FALSE;
    }
  for (guint i = 0; i < n_gazetteer; i++)
    {
      if (!reader_next (reader, "an 'actor' line", error) || !reader_expect (reader, "actor", 1, error))
        return FALSE;
      if (strcmp (reader->fields[1], actnet_gazetteer_get_id (gazetteer, i)) != 0)
        {
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_GAZETTEER,
                       "%s:%u: actor %u is '%s' here but '%s' in the gazetteer: the counts were "
                       "made with another gazetteer (every part of a merge must use the same one)",
                       reader->path, reader->line, i + 1, reader->fields[1],
                       actnet_gazetteer_get_id (gazetteer, i));
          return FALSE;
        }
    }

  if (!reader_next (reader, "a 'scope' line", error))
    return FALSE;
  for (guint s = 0; s < windows->len; s++)
    {
      ActnetCooccur *scope = actnet_cooccur_new (n_gazetteer, g_array_index (windows, ActnetWindow, s));
      g_ptr_array_add (scopes, scope);
      if (!read_scope (reader, gazetteer, scope, error))
        return FALSE;
    }
  if (!reader_expect (reader, "end", 1, error))
    return FALSE;
  guint64 n_end;
  if (!parse_count (reader, 1, "scope count", &n_end, error))
    return FALSE;
  if (n_end != windows->len)
    return reader_fail (reader, error, "'end' counts %" G_GUINT64_FORMAT " scopes, the file "
                        "holds %u", n_end, windows->len);
  if (reader->cursor < reader->end)
    {
      reader->line++;
      return reader_fail (reader, error, "data after the 'end' line");
    }
  return TRUE;
}

gboolean
actnet_counts_read (const char *path, const ActnetGazetteer *gazetteer,
                    ActnetCooccur ***scopes, guint *n_scopes, GError **error)
{
  g_return_val_if_fail (path != NULL && gazetteer != NULL, FALSE);
  g_return_val_if_fail (scopes != NULL && n_scopes != NULL, FALSE);

  *scopes = NULL;
  *n_scopes = 0;
  g_autofree char *data = NULL;
  gsize length = 0;
  GError *local = NULL;
  if (!g_file_get_contents (path, &data, &length, &local))
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_IO, "%s", local->message);
      g_error_free (local);
      return FALSE;
    }
  if (memchr (data, '\0', length) != NULL || !g_utf8_validate (data, (gssize) length, NULL))
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_ENCODING,
                   "%s: binary data or invalid UTF-8: not an actnet counts file", path);
      return FALSE;
    }
  Reader reader = { path, data, data + length, 0, NULL, 0 };
  g_autoptr (GPtrArray) read = g_ptr_array_new_with_free_func ((GDestroyNotify) actnet_cooccur_free);
  gboolean ok = read_counts (&reader, gazetteer, read, error);
  g_strfreev (reader.fields);
  if (!ok)
    return FALSE;
  *n_scopes = read->len;
  g_ptr_array_set_free_func (read, NULL);
  *scopes = (ActnetCooccur **) g_ptr_array_free (g_steal_pointer (&read), FALSE);
  return TRUE;
}

void
actnet_counts_scopes_free (ActnetCooccur **scopes, guint n_scopes)
{
  if (scopes == NULL)
    return;
  for (guint i = 0; i < n_scopes; i++)
    actnet_cooccur_free (scopes[i]);
  g_free (scopes);
}
