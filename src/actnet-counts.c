/* Partial counts files (format in actnet-counts.h).
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet-counts.h>
#include <actnet/actnet-error.h>
#include <actnet/actnet-dates.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "actnet-evidence-private.h"
#include "atomic-file.h"

/* Files without evidence keep the first version: older readers read them. */
#define VERSION_PLAIN 1
#define VERSION_EVIDENCE ACTNET_COUNTS_VERSION

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

/* A document id as one field: backslash, tab, line breaks and other
 * control bytes escaped, and bytes that are not UTF-8 as \xHH, so that
 * the file stays UTF-8 text of one line a record. */
static void
append_escaped_field (GString *out, const char *text)
{
  const char *p = text;
  while (*p != '\0')
    {
      guchar c = (guchar) *p;
      if (c >= 0x80)
        {
          gunichar ch = g_utf8_get_char_validated (p, -1);
          if (ch != (gunichar) -1 && ch != (gunichar) -2)
            {
              const char *next = g_utf8_next_char (p);
              g_string_append_len (out, p, next - p);
              p = next;
              continue;
            }
          g_string_append_printf (out, "\\x%02X", c);
        }
      else if (c == '\\')
        g_string_append (out, "\\\\");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x20 || c == 0x7F)
        g_string_append_printf (out, "\\x%02X", c);
      else
        g_string_append_c (out, (char) c);
      p++;
    }
}

typedef struct {
  FILE *stream;
  const ActnetGazetteer *gazetteer;
  guint32 *renumbered;   /* by document: its index in the file, or G_MAXUINT32 */
  guint32 n_used;
  guint64 n_units;
} EvidenceWriter;

/* First pass: number the documents that hold a unit, in corpus order. */
static void
mark_document (guint a, guint b, guint32 document, guint32 start, guint32 end, gpointer data)
{
  EvidenceWriter *writer = data;
  (void) a, (void) b, (void) start, (void) end;
  writer->renumbered[document] = 0;
  writer->n_units++;
}

static void
write_unit (guint a, guint b, guint32 document, guint32 start, guint32 end, gpointer data)
{
  EvidenceWriter *writer = data;
  fprintf (writer->stream, "u\t%s\t%s\t%u\t%u\t%u\n", actnet_gazetteer_get_id (writer->gazetteer, a),
           actnet_gazetteer_get_id (writer->gazetteer, b), writer->renumbered[document], start, end);
}

/* The evidence section: the documents that hold units, then the units. */
static void
write_evidence (FILE *stream, const ActnetEvidence *evidence, const ActnetGazetteer *gazetteer)
{
  guint n_documents = actnet_i_evidence_get_n_documents (evidence);
  g_autofree guint32 *renumbered = g_new (guint32, MAX (n_documents, 1));
  for (guint i = 0; i < n_documents; i++)
    renumbered[i] = G_MAXUINT32;
  EvidenceWriter writer = { stream, gazetteer, renumbered, 0, 0 };
  actnet_i_evidence_foreach_unit (evidence, mark_document, &writer);
  for (guint i = 0; i < n_documents; i++)
    if (renumbered[i] != G_MAXUINT32)
      renumbered[i] = writer.n_used++;
  fprintf (stream, "evidence\t%u\t%" G_GUINT64_FORMAT "\n", writer.n_used, writer.n_units);
  g_autoptr (GString) line = g_string_new (NULL);
  for (guint i = 0; i < n_documents; i++)
    {
      if (renumbered[i] == G_MAXUINT32)
        continue;
      ActnetDate day;
      const char *id = actnet_i_evidence_get_document (evidence, i, &day);
      g_string_assign (line, "d\t");
      append_escaped_field (line, id);
      fputs (line->str, stream);
      write_date (stream, day);
      fputc ('\n', stream);
    }
  actnet_i_evidence_foreach_unit (evidence, write_unit, &writer);
}

gboolean
actnet_counts_write (ActnetCooccur *const *scopes, guint n_scopes,
                     const ActnetGazetteer *gazetteer, const char *path, GError **error)
{
  return actnet_counts_write_full (scopes, n_scopes, NULL, gazetteer, path, error);
}

gboolean
actnet_counts_write_full (ActnetCooccur *const *scopes, guint n_scopes,
                          const ActnetEvidence *evidence, const ActnetGazetteer *gazetteer,
                          const char *path, GError **error)
{
  g_return_val_if_fail (scopes != NULL && n_scopes >= 1, FALSE);
  g_return_val_if_fail (gazetteer != NULL && path != NULL, FALSE);

  if (evidence != NULL)
    {
      ActnetWindow ours = actnet_evidence_get_window (evidence);
      ActnetWindow first = actnet_cooccur_get_window (scopes[0]);
      if (!actnet_window_equal (ours, first))
        {
          g_autofree char *a = actnet_window_to_string (ours);
          g_autofree char *b = actnet_window_to_string (first);
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                       "evidence of the %s window with counts whose first window is %s", a, b);
          return FALSE;
        }
    }

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
  fprintf (stream, "actnet-counts %d\nwindows\t", evidence != NULL ? VERSION_EVIDENCE : VERSION_PLAIN);
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
  if (evidence != NULL)
    write_evidence (stream, evidence, gazetteer);
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
  /* The writer never leaves a line empty (g_strsplit would give no field). */
  if (text[0] == '\0')
    return reader_fail (reader, error, "empty line where %s was expected", expected);
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

/* The inverse of append_escaped_field(); FALSE on a bad escape. */
static gboolean
unescape_field (const char *text, GString *out)
{
  g_string_truncate (out, 0);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      switch (*p)
        {
        case '\\': g_string_append_c (out, '\\'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 'x':
          {
            int high = g_ascii_xdigit_value (p[1]);
            int low = high >= 0 ? g_ascii_xdigit_value (p[2]) : -1;
            if (low < 0 || (high == 0 && low == 0))
              return FALSE;
            g_string_append_c (out, (char) (high * 16 + low));
            p += 2;
            break;
          }
        default:
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
parse_offset (Reader *reader, guint field, const char *what, guint32 *value, GError **error)
{
  guint64 wide;
  if (!parse_count (reader, field, what, &wide, error))
    return FALSE;
  if (wide > G_MAXUINT32)
    return reader_fail (reader, error, "%s %s out of range", what, reader->fields[field]);
  *value = (guint32) wide;
  return TRUE;
}

/* TRUE when @pair comes before the pair (@a, @b) in gazetteer order. */
static gboolean
pair_before (const ActnetPair *pair, guint a, guint b)
{
  return pair->a < a || (pair->a == a && pair->b < b);
}

/* Units (document, start, end) in the writer's order. */
static int
compare_units (const guint32 *x, const guint32 *y)
{
  for (guint i = 0; i < 3; i++)
    if (x[i] != y[i])
      return x[i] < y[i] ? -1 : 1;
  return 0;
}

/* Reads the evidence section, from its "evidence" line (current) to the
 * line after its last unit (current on return), into @evidence. Units
 * must come as the writer puts them (pairs in gazetteer order, each
 * pair's units by document, start and end), and no more for a pair than
 * its weight in @first, the scope they are evidence of. */
static gboolean
read_evidence (Reader *reader, const ActnetGazetteer *gazetteer, const ActnetCooccur *first,
               ActnetEvidence *evidence, GError **error)
{
  guint64 n_documents, n_units;
  if (!reader_expect (reader, "evidence", 2, error)
      || !parse_count (reader, 1, "document count", &n_documents, error)
      || !parse_count (reader, 2, "unit count", &n_units, error))
    return FALSE;
  if (n_documents > G_MAXUINT32)
    return reader_fail (reader, error, "document count %s out of range", reader->fields[1]);
  g_autoptr (GString) id = g_string_new (NULL);
  for (guint64 i = 0; i < n_documents; i++)
    {
      ActnetDate day;
      if (!reader_next (reader, "a 'd' line", error) || !reader_expect (reader, "d", 2, error))
        return FALSE;
      if (!unescape_field (reader->fields[1], id))
        return reader_fail (reader, error, "invalid escape in document id '%s'", reader->fields[1]);
      if (!parse_date (reader, 2, &day, error))
        return FALSE;
      actnet_i_evidence_add_document_id (evidence, id->str, day);
    }
  g_autoptr (GArray) pairs = actnet_cooccur_get_pairs (first);
  guint next_pair = 0;
  guint64 weight = 0, in_pair = 0;
  guint last_a = G_MAXUINT, last_b = G_MAXUINT;
  guint32 last[3] = { 0, 0, 0 };
  for (guint64 u = 0; u < n_units; u++)
    {
      guint a, b;
      guint32 unit[3];
      if (!reader_next (reader, "a 'u' line", error) || !reader_expect (reader, "u", 5, error)
          || !parse_actor (reader, 1, gazetteer, &a, error)
          || !parse_actor (reader, 2, gazetteer, &b, error)
          || !parse_offset (reader, 3, "document", &unit[0], error)
          || !parse_offset (reader, 4, "start", &unit[1], error)
          || !parse_offset (reader, 5, "end", &unit[2], error))
        return FALSE;
      if (unit[0] >= n_documents)
        return reader_fail (reader, error, "document %u of %" G_GUINT64_FORMAT, unit[0], n_documents);
      if (unit[1] > unit[2])
        return reader_fail (reader, error, "unit starts at %u after its end %u", unit[1], unit[2]);
      if (a == last_a && b == last_b)
        {
          if (compare_units (unit, last) < 0)
            return reader_fail (reader, error, "unit out of order (by document, start, end)");
        }
      else
        {
          /* The next pair: it must be one the first scope counted. Both
           * lists are in (a, b) order, so one walk finds every pair. */
          const ActnetPair *pair = NULL;
          while (next_pair < pairs->len
                 && pair_before (pair = &g_array_index (pairs, ActnetPair, next_pair), a, b))
            next_pair++;
          if (a >= b || next_pair == pairs->len || pair->a != a || pair->b != b)
            return reader_fail (reader, error, "units of pair '%s' '%s', which the first scope "
                                "does not hold (or out of order)", reader->fields[1], reader->fields[2]);
          next_pair++;
          weight = pair->weight;
          in_pair = 0;
          last_a = a;
          last_b = b;
        }
      if (++in_pair > weight)
        return reader_fail (reader, error, "more units for pair '%s' '%s' than its weight %"
                            G_GUINT64_FORMAT, reader->fields[1], reader->fields[2], weight);
      memcpy (last, unit, sizeof unit);
      actnet_i_evidence_add_unit (evidence, a, b, unit[0], unit[1], unit[2]);
    }
  return reader_next (reader, "the 'end' line", error);
}

static gboolean
read_counts (Reader *reader, const ActnetGazetteer *gazetteer, GPtrArray *scopes,
             ActnetEvidence **evidence, GError **error)
{
  if (!reader_next (reader, "the header 'actnet-counts 1'", error))
    return FALSE;
  g_autofree char *header = g_strjoinv ("\t", reader->fields);
  if (!g_str_has_prefix (header, "actnet-counts "))
    return reader_fail (reader, error, "not an actnet counts file (no 'actnet-counts' header)");
  const char *version_text = header + strlen ("actnet-counts ");
  int version = strcmp (version_text, G_STRINGIFY (VERSION_PLAIN)) == 0 ? VERSION_PLAIN
                : strcmp (version_text, G_STRINGIFY (VERSION_EVIDENCE)) == 0 ? VERSION_EVIDENCE : 0;
  if (version == 0)
    return reader_fail (reader, error, "unsupported counts format version '%s' (this actnet "
                        "reads versions %d and %d)", version_text, VERSION_PLAIN, VERSION_EVIDENCE);

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
  /* Version 2 is version 1 with an evidence section before "end". */
  if (version == VERSION_EVIDENCE)
    {
      *evidence = actnet_evidence_new (g_array_index (windows, ActnetWindow, 0));
      if (!read_evidence (reader, gazetteer, g_ptr_array_index (scopes, 0), *evidence, error))
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
  return actnet_counts_read_full (path, gazetteer, scopes, n_scopes, NULL, error);
}

gboolean
actnet_counts_read_full (const char *path, const ActnetGazetteer *gazetteer,
                         ActnetCooccur ***scopes, guint *n_scopes, ActnetEvidence **evidence,
                         GError **error)
{
  g_return_val_if_fail (path != NULL && gazetteer != NULL, FALSE);
  g_return_val_if_fail (scopes != NULL && n_scopes != NULL, FALSE);

  *scopes = NULL;
  *n_scopes = 0;
  if (evidence != NULL)
    *evidence = NULL;
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
  g_autoptr (ActnetEvidence) units = NULL;
  gboolean ok = read_counts (&reader, gazetteer, read, &units, error);
  g_strfreev (reader.fields);
  if (!ok)
    return FALSE;
  if (evidence != NULL)
    *evidence = g_steal_pointer (&units);
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
