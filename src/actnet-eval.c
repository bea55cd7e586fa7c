/* Gold annotations (TSV, CoNLL) and the scoring of mentions against them.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet.h>

#include "input-limits.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct _ActnetGold {
  char *name;              /* the file, for messages */
  ActnetGoldFormat format;
  gboolean has_ids;
  gboolean has_surfaces;
  GStringChunk *strings;   /* every string a mention points to */
  GPtrArray *doc_ids;      /* const char *, in strings */
  GPtrArray *doc_texts;    /* GString *, CoNLL only */
  GPtrArray *doc_mentions; /* GArray of guint (mention indices), one per document */
  GHashTable *docs;        /* id -> index */
  GHashTable *basenames;   /* basename (owned) -> index, G_MAXUINT when shared */
  GArray *mentions;        /* ActnetEvalMention */
  GPtrArray *types;        /* const char *, in strings, NULL-terminated */
};

struct _ActnetEval {
  const ActnetGold *gold;
  GStringChunk *strings;
  GArray *predictions;     /* ActnetEvalMention */
};

struct _ActnetEvalReport {
  GArray *scores;          /* ActnetEvalScore */
  GArray *misses;          /* ActnetEvalMismatch */
  GArray *false_alarms;    /* ActnetEvalMismatch */
};

static void set_error (GError **error, ActnetError code, const char *name, guint line,
                       const char *format, ...) G_GNUC_PRINTF (5, 6);

static void
set_error (GError **error, ActnetError code, const char *name, guint line,
           const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  if (line > 0)
    g_set_error (error, ACTNET_ERROR, code, "%s:%u: %s", name, line, message);
  else
    g_set_error (error, ACTNET_ERROR, code, "%s: %s", name, message);
}

gboolean
actnet_gold_format_parse (const char *name, ActnetGoldFormat *format, GError **error)
{
  g_return_val_if_fail (name != NULL && format != NULL, FALSE);
  static const struct {
    const char *name;
    ActnetGoldFormat format;
  } formats[] = {
    { "auto", ACTNET_GOLD_FORMAT_AUTO },
    { "tsv", ACTNET_GOLD_FORMAT_TSV },
    { "conll", ACTNET_GOLD_FORMAT_CONLL },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }
  g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
               "unknown gold format '%s' (expected tsv, conll or auto)", name);
  return FALSE;
}

/* ---- the gold set ------------------------------------------------------ */

static void
free_gstring (gpointer string)
{
  g_string_free (string, TRUE);
}

static ActnetGold *
gold_new (const char *name, ActnetGoldFormat format)
{
  ActnetGold *gold = g_new0 (ActnetGold, 1);
  gold->name = g_strdup (name);
  gold->format = format;
  gold->strings = g_string_chunk_new (4096);
  gold->doc_ids = g_ptr_array_new ();
  gold->doc_texts = g_ptr_array_new_with_free_func (free_gstring);
  gold->doc_mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  gold->docs = g_hash_table_new (g_str_hash, g_str_equal);
  gold->basenames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gold->mentions = g_array_new (FALSE, FALSE, sizeof (ActnetEvalMention));
  gold->types = g_ptr_array_new ();
  return gold;
}

void
actnet_gold_free (ActnetGold *gold)
{
  if (gold == NULL)
    return;
  g_free (gold->name);
  g_string_chunk_free (gold->strings);
  g_ptr_array_unref (gold->doc_ids);
  g_ptr_array_unref (gold->doc_texts);
  g_ptr_array_unref (gold->doc_mentions);
  g_hash_table_unref (gold->docs);
  g_hash_table_unref (gold->basenames);
  g_array_unref (gold->mentions);
  g_ptr_array_unref (gold->types);
  g_free (gold);
}

static guint
gold_add_document (ActnetGold *gold, const char *id)
{
  guint index = gold->doc_ids->len;
  const char *interned = g_string_chunk_insert_const (gold->strings, id);
  g_ptr_array_add (gold->doc_ids, (gpointer) interned);
  g_ptr_array_add (gold->doc_mentions, g_array_new (FALSE, FALSE, sizeof (guint)));
  g_hash_table_insert (gold->docs, (gpointer) interned, GUINT_TO_POINTER (index));
  /* A basename shared by two documents names neither. */
  char *base = g_path_get_basename (id);
  guint value = g_hash_table_contains (gold->basenames, base) ? G_MAXUINT : index;
  g_hash_table_insert (gold->basenames, base, GUINT_TO_POINTER (value));
  return index;
}

static guint
gold_find_document (const ActnetGold *gold, const char *id)
{
  gpointer value;
  if (g_hash_table_lookup_extended (gold->docs, id, NULL, &value))
    return GPOINTER_TO_UINT (value);
  return G_MAXUINT;
}

static void
gold_add_mention (ActnetGold *gold, guint doc, gsize start, gsize end, const char *surface,
                  gsize surface_length, const char *id, const char *type, guint line)
{
  ActnetEvalMention m = {
    .doc = doc,
    .start = start,
    .end = end,
    .surface = g_string_chunk_insert_len (gold->strings, surface, (gssize) surface_length),
    .id = g_string_chunk_insert_const (gold->strings, id),
    .type = g_string_chunk_insert_const (gold->strings, type),
    .line = line,
  };
  guint index = gold->mentions->len;
  g_array_append_val (gold->mentions, m);
  g_array_append_val (g_ptr_array_index (gold->doc_mentions, doc), index);
}

/* Report order: the three actor types of the README first, other types by
 * name, then media and byline, which are not actors. */
static int
type_rank (const char *type)
{
  static const char *const ranked[] = { "person", "organization", "place" };
  for (int i = 0; i < (int) G_N_ELEMENTS (ranked); i++)
    if (strcmp (type, ranked[i]) == 0)
      return i;
  if (strcmp (type, "media") == 0)
    return 4;
  if (strcmp (type, "byline") == 0)
    return 5;
  return 3;
}

static int
type_compare (gconstpointer a, gconstpointer b)
{
  const char *ta = *(const char *const *) a;
  const char *tb = *(const char *const *) b;
  int ra = type_rank (ta), rb = type_rank (tb);
  if (ra != rb)
    return ra < rb ? -1 : 1;
  return strcmp (ta, tb);
}

static void
gold_collect_types (ActnetGold *gold)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < gold->mentions->len; i++)
    {
      const ActnetEvalMention *m = &g_array_index (gold->mentions, ActnetEvalMention, i);
      if (g_hash_table_add (seen, (gpointer) m->type))
        g_ptr_array_add (gold->types, (gpointer) m->type);
    }
  g_ptr_array_sort (gold->types, type_compare);
  g_ptr_array_add (gold->types, NULL);
}

/* Lines of @data, without their end ("\n" or "\r\n"), numbered from 1. */
typedef struct {
  const char *p;
  const char *end;
  guint number;
  GString *line;
} LineReader;

static gboolean
line_reader_next (LineReader *reader)
{
  if (reader->p >= reader->end)
    return FALSE;
  const char *eol = memchr (reader->p, '\n', (gsize) (reader->end - reader->p));
  const char *next = eol != NULL ? eol + 1 : reader->end;
  if (eol == NULL)
    eol = reader->end;
  if (eol > reader->p && eol[-1] == '\r')
    eol--;
  g_string_truncate (reader->line, 0);
  g_string_append_len (reader->line, reader->p, eol - reader->p);
  reader->p = next;
  reader->number++;
  return TRUE;
}

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    if (*p != ' ' && *p != '\t')
      return FALSE;
  return TRUE;
}

/* ---- TSV --------------------------------------------------------------- */

static gboolean
parse_offset (const char *field, gsize *value)
{
  guint64 v;
  /* Digits only: g_ascii_string_to_unsigned() would accept a leading '+'. */
  if (*field < '0' || *field > '9')
    return FALSE;
  if (!g_ascii_string_to_unsigned (field, 10, 0, G_MAXSIZE, &v, NULL))
    return FALSE;
  *value = (gsize) v;
  return TRUE;
}

static int
column_of (char **header, const char *name)
{
  for (int i = 0; header[i] != NULL; i++)
    if (strcmp (header[i], name) == 0)
      return i;
  return -1;
}

static gboolean
parse_tsv (ActnetGold *gold, LineReader *reader, const char *name, GError **error)
{
  if (!line_reader_next (reader))
    {
      set_error (error, ACTNET_ERROR_PARSE, name, 1,
                 "empty file: expected the header line (doc, start, end, ..., type)");
      return FALSE;
    }
  g_auto (GStrv) header = g_strsplit (reader->line->str, "\t", -1);
  guint n_columns = g_strv_length (header);
  int c_doc = column_of (header, "doc"), c_start = column_of (header, "start");
  int c_end = column_of (header, "end"), c_type = column_of (header, "type");
  int c_id = column_of (header, "id"), c_surface = column_of (header, "surface");
  if (c_doc < 0 || c_start < 0 || c_end < 0 || c_type < 0)
    {
      set_error (error, ACTNET_ERROR_PARSE, name, reader->number,
                 "not a mentions TSV header: expected the columns doc, start, end and type "
                 "(as written by 'actnet mentions': doc start end surface id label type)");
      return FALSE;
    }
  gold->has_ids = c_id >= 0;
  gold->has_surfaces = c_surface >= 0;

  /* "doc\tstart\tend\tkey" -> first line, to refuse a mention listed twice. */
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GString) key = g_string_new (NULL);
  while (line_reader_next (reader))
    {
      const char *line = reader->line->str;
      if (*line == '\0' || *line == '#')
        continue;
      g_auto (GStrv) fields = g_strsplit (line, "\t", -1);
      guint n = g_strv_length (fields);
      if (n != n_columns)
        {
          set_error (error, ACTNET_ERROR_PARSE, name, reader->number,
                     "expected %u tab-separated fields as in the header, found %u", n_columns, n);
          return FALSE;
        }
      gsize start, end;
      if (!parse_offset (fields[c_start], &start) || !parse_offset (fields[c_end], &end))
        {
          set_error (error, ACTNET_ERROR_PARSE, name, reader->number,
                     "start and end must be byte offsets, found '%s' and '%s'",
                     fields[c_start], fields[c_end]);
          return FALSE;
        }
      if (start >= end)
        {
          set_error (error, ACTNET_ERROR_PARSE, name, reader->number,
                     "empty or reversed span %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT, start, end);
          return FALSE;
        }
      const char *missing = NULL;
      if (*fields[c_doc] == '\0')
        missing = "doc";
      else if (*g_strstrip (fields[c_type]) == '\0')
        missing = "type";
      else if (c_id >= 0 && *fields[c_id] == '\0')
        missing = "id";
      else if (c_surface >= 0 && *fields[c_surface] == '\0')
        missing = "surface";
      if (missing != NULL)
        {
          set_error (error, ACTNET_ERROR_PARSE, name, reader->number, "empty %s", missing);
          return FALSE;
        }
      g_autofree char *type = actnet_type_canonicalize (fields[c_type]);
      const char *id = c_id >= 0 ? fields[c_id] : "";
      g_string_printf (key, "%s\t%" G_GSIZE_FORMAT "\t%" G_GSIZE_FORMAT "\t%s", fields[c_doc],
                       start, end, c_id >= 0 ? id : type);
      gpointer first;
      if (g_hash_table_lookup_extended (seen, key->str, NULL, &first))
        {
          set_error (error, ACTNET_ERROR_PARSE, name, reader->number,
                     "the same mention as on line %u", GPOINTER_TO_UINT (first));
          return FALSE;
        }
      g_hash_table_insert (seen, g_strdup (key->str), GUINT_TO_POINTER (reader->number));

      guint doc = gold_find_document (gold, fields[c_doc]);
      if (doc == G_MAXUINT)
        doc = gold_add_document (gold, fields[c_doc]);
      const char *surface = c_surface >= 0 ? fields[c_surface] : "";
      gold_add_mention (gold, doc, start, end, surface, strlen (surface), id, type,
                        reader->number);
    }
  if (gold->mentions->len == 0)
    {
      set_error (error, ACTNET_ERROR_PARSE, name, 0, "no mentions after the header");
      return FALSE;
    }
  return TRUE;
}

/* ---- CoNLL ------------------------------------------------------------- */

typedef struct {
  ActnetGold *gold;
  const char *name;
  guint section;           /* -DOCSTART- sections seen (1 before the first) */
  char *pending_id;        /* the current section's -DOCSTART- id, or NULL */
  guint pending_line;      /* its line */
  GString *text;           /* the open document's text, or NULL */
  guint doc;
  gboolean in_sentence;    /* the open sentence has tokens */
  gboolean in_entity;
  gsize entity_start;
  gsize entity_end;
  const char *entity_type; /* canonical, interned: equal types are equal pointers */
  guint entity_line;
} Conll;

static void
conll_close_entity (Conll *c)
{
  if (!c->in_entity)
    return;
  gold_add_mention (c->gold, c->doc, c->entity_start, c->entity_end,
                    c->text->str + c->entity_start, c->entity_end - c->entity_start, "",
                    c->entity_type, c->entity_line);
  c->in_entity = FALSE;
}

static void
conll_end_sentence (Conll *c)
{
  conll_close_entity (c);
  if (c->text != NULL && c->in_sentence)
    g_string_append_c (c->text, '\n');
  c->in_sentence = FALSE;
}

static void
conll_end_document (Conll *c)
{
  conll_end_sentence (c);
  c->text = NULL;
}

static gboolean
conll_open_document (Conll *c, guint line, GError **error)
{
  if (c->section == 0)
    c->section = 1;
  g_autofree char *id = c->pending_id != NULL ? g_strdup (c->pending_id)
                                              : g_strdup_printf ("conll:%u", c->section);
  if (gold_find_document (c->gold, id) != G_MAXUINT)
    {
      set_error (error, ACTNET_ERROR_PARSE, c->name,
                 c->pending_id != NULL ? c->pending_line : line,
                 "document id '%s' used twice", id);
      return FALSE;
    }
  c->doc = gold_add_document (c->gold, id);
  c->text = g_string_new (NULL);
  g_ptr_array_add (c->gold->doc_texts, c->text);
  return TRUE;
}

/* A document id on a -DOCSTART- line: its second column, unless that is
 * CoNLL-2003's "-X-" placeholder or the tag "O". */
static void
conll_start_section (Conll *c, char **columns, guint line)
{
  conll_end_document (c);
  c->section++;
  g_clear_pointer (&c->pending_id, g_free);
  if (columns[1] != NULL && strcmp (columns[1], "-X-") != 0 && strcmp (columns[1], "O") != 0)
    c->pending_id = g_strdup (columns[1]);
  c->pending_line = line;
}

static gboolean
conll_add_token (Conll *c, const char *token, const char *tag, guint line, GError **error)
{
  const char *type_name = NULL;
  gboolean begin = FALSE;
  if (strcmp (tag, "O") != 0)
    {
      if ((tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-' || tag[2] == '\0')
        {
          set_error (error, ACTNET_ERROR_PARSE, c->name, line,
                     "'%s' is not an NER tag (expected O, B-TYPE or I-TYPE)", tag);
          return FALSE;
        }
      begin = tag[0] == 'B';
      type_name = tag + 2;
    }
  if (c->text == NULL && !conll_open_document (c, line, error))
    return FALSE;
  if (c->in_sentence)
    g_string_append_c (c->text, ' ');
  c->in_sentence = TRUE;
  gsize start = c->text->len;
  g_string_append (c->text, token);

  if (type_name == NULL)
    {
      conll_close_entity (c);
      return TRUE;
    }
  g_autofree char *canonical = actnet_type_canonicalize (type_name);
  const char *type = g_string_chunk_insert_const (c->gold->strings, canonical);
  /* IOB1 and IOB2 in one rule: I-X continues an open entity of type X;
   * B-X, or I-X after anything else, starts one. */
  if (!begin && c->in_entity && c->entity_type == type)
    {
      c->entity_end = c->text->len;
      return TRUE;
    }
  conll_close_entity (c);
  c->in_entity = TRUE;
  c->entity_start = start;
  c->entity_end = c->text->len;
  c->entity_type = type;
  c->entity_line = line;
  return TRUE;
}

static gboolean
parse_conll (ActnetGold *gold, LineReader *reader, const char *name, GError **error)
{
  Conll c = { .gold = gold, .name = name };
  gboolean ok = TRUE;
  while (ok && line_reader_next (reader))
    {
      const char *line = reader->line->str;
      if (is_blank (line))
        {
          conll_end_sentence (&c);
          continue;
        }
      g_auto (GStrv) split = g_strsplit_set (line, " \t", -1);
      /* Runs of separators give empty fields: squeeze them out. */
      guint n = 0;
      for (guint i = 0; split[i] != NULL; i++)
        if (*split[i] != '\0')
          split[n++] = split[i];
        else
          g_free (split[i]);
      split[n] = NULL;
      if (strcmp (split[0], "-DOCSTART-") == 0)
        {
          conll_start_section (&c, split, reader->number);
          continue;
        }
      if (n < 2)
        {
          set_error (error, ACTNET_ERROR_PARSE, name, reader->number,
                     "expected a token and its NER tag, found one column ('%s')", split[0]);
          ok = FALSE;
          break;
        }
      ok = conll_add_token (&c, split[0], split[n - 1], reader->number, error);
    }
  if (ok)
    conll_end_document (&c);
  g_free (c.pending_id);
  if (ok && gold->doc_ids->len == 0)
    {
      set_error (error, ACTNET_ERROR_PARSE, name, 0, "no tokens: not a CoNLL file");
      ok = FALSE;
    }
  return ok;
}

/* ---- loading ----------------------------------------------------------- */

static gboolean
all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    if (*text < '0' || *text > '9')
      return FALSE;
  return TRUE;
}

/* TSV when the first line is the mentions header, or a mention line
 * without it (so that the missing header is what gets reported). */
static ActnetGoldFormat
sniff (const char *data, gsize length)
{
  const char *eol = memchr (data, '\n', length);
  g_autofree char *first = g_strndup (data, eol != NULL ? (gsize) (eol - data) : length);
  if (g_str_has_prefix (first, "doc\t"))
    return ACTNET_GOLD_FORMAT_TSV;
  g_auto (GStrv) fields = g_strsplit (first, "\t", -1);
  if (g_strv_length (fields) >= 4 && all_digits (fields[1]) && all_digits (fields[2]))
    return ACTNET_GOLD_FORMAT_TSV;
  return ACTNET_GOLD_FORMAT_CONLL;
}

static guint
line_of (const char *data, const char *at)
{
  guint line = 1;
  for (const char *p = data; p < at; p++)
    if (*p == '\n')
      line++;
  return line;
}

ActnetGold *
actnet_gold_load_data (const char *data, gssize length, const char *name,
                       ActnetGoldFormat format, GError **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = "<gold>";
  gsize len = length < 0 ? strlen (data) : (gsize) length;
  const char *nul = memchr (data, '\0', len);
  if (nul != NULL)
    {
      set_error (error, ACTNET_ERROR_ENCODING, name, line_of (data, nul),
                 "binary data (NUL byte), not gold annotations");
      return NULL;
    }
  const char *bad;
  if (!g_utf8_validate_len (data, len, &bad))
    {
      set_error (error, ACTNET_ERROR_ENCODING, name, line_of (data, bad),
                 "invalid UTF-8 (byte 0x%02X)", (guint) (guchar) *bad);
      return NULL;
    }
  const char *p = data;
  p += actnet_i_bom_length (p, len);
  gsize rest = len - (gsize) (p - data);
  if (format == ACTNET_GOLD_FORMAT_AUTO)
    format = sniff (p, rest);

  g_autoptr (ActnetGold) gold = gold_new (name, format);
  g_autoptr (GString) line = g_string_new (NULL);
  LineReader reader = { p, p + rest, 0, line };
  gboolean ok = format == ACTNET_GOLD_FORMAT_TSV ? parse_tsv (gold, &reader, name, error)
                                                  : parse_conll (gold, &reader, name, error);
  if (!ok)
    return NULL;
  if (format == ACTNET_GOLD_FORMAT_CONLL)
    gold->has_surfaces = TRUE;
  gold_collect_types (gold);
  return g_steal_pointer (&gold);
}

ActnetGold *
actnet_gold_load_file (const char *path, ActnetGoldFormat format, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return actnet_gold_load_data (contents, (gssize) length, path, format, error);
}

ActnetGoldFormat
actnet_gold_get_format (const ActnetGold *gold)
{
  g_return_val_if_fail (gold != NULL, ACTNET_GOLD_FORMAT_AUTO);
  return gold->format;
}

gboolean
actnet_gold_has_ids (const ActnetGold *gold)
{
  g_return_val_if_fail (gold != NULL, FALSE);
  return gold->has_ids;
}

guint
actnet_gold_get_n_documents (const ActnetGold *gold)
{
  g_return_val_if_fail (gold != NULL, 0);
  return gold->doc_ids->len;
}

const char *
actnet_gold_get_document_id (const ActnetGold *gold, guint doc)
{
  g_return_val_if_fail (gold != NULL && doc < gold->doc_ids->len, NULL);
  return g_ptr_array_index (gold->doc_ids, doc);
}

const char *
actnet_gold_get_document_text (const ActnetGold *gold, guint doc, gsize *length)
{
  g_return_val_if_fail (gold != NULL && doc < gold->doc_ids->len, NULL);
  if (doc >= gold->doc_texts->len)
    {
      if (length != NULL)
        *length = 0;
      return NULL;
    }
  const GString *text = g_ptr_array_index (gold->doc_texts, doc);
  if (length != NULL)
    *length = text->len;
  return text->str;
}

guint
actnet_gold_lookup_document (const ActnetGold *gold, const char *doc)
{
  g_return_val_if_fail (gold != NULL && doc != NULL, G_MAXUINT);
  guint index = gold_find_document (gold, doc);
  if (index != G_MAXUINT)
    return index;
  /* `actnet mentions DIR` names documents by path while a gold set names
   * them by file name; a basename shared by two gold documents stays
   * unresolved (G_MAXUINT is stored for it). */
  g_autofree char *base = g_path_get_basename (doc);
  gpointer value;
  if (g_hash_table_lookup_extended (gold->basenames, base, NULL, &value))
    return GPOINTER_TO_UINT (value);
  return G_MAXUINT;
}

guint
actnet_gold_get_n_mentions (const ActnetGold *gold)
{
  g_return_val_if_fail (gold != NULL, 0);
  return gold->mentions->len;
}

const ActnetEvalMention *
actnet_gold_get_mention (const ActnetGold *gold, guint i)
{
  g_return_val_if_fail (gold != NULL && i < gold->mentions->len, NULL);
  return &g_array_index (gold->mentions, ActnetEvalMention, i);
}

const char *const *
actnet_gold_get_types (const ActnetGold *gold)
{
  g_return_val_if_fail (gold != NULL, NULL);
  return (const char *const *) gold->types->pdata;
}

gboolean
actnet_gold_check_text (const ActnetGold *gold, guint doc, const char *text, gsize length,
                        GError **error)
{
  g_return_val_if_fail (gold != NULL && doc < gold->doc_ids->len, FALSE);
  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  const GArray *indices = g_ptr_array_index (gold->doc_mentions, doc);
  g_autoptr (GString) got = g_string_new (NULL);
  g_autoptr (GString) want = g_string_new (NULL);
  for (guint i = 0; i < indices->len; i++)
    {
      const ActnetEvalMention *m = &g_array_index (gold->mentions, ActnetEvalMention,
                                                   g_array_index (indices, guint, i));
      if (m->end > length)
        {
          set_error (error, ACTNET_ERROR_PARSE, gold->name, m->line,
                     "span %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT
                     " is past the end of %s (%" G_GSIZE_FORMAT " bytes)",
                     m->start, m->end, actnet_gold_get_document_id (gold, doc), length);
          return FALSE;
        }
      if (!gold->has_surfaces)
        continue;
      g_string_truncate (got, 0);
      actnet_text_append_squeezed (got, text + m->start, m->end - m->start);
      g_string_truncate (want, 0);
      actnet_text_append_squeezed (want, m->surface, strlen (m->surface));
      if (strcmp (got->str, want->str) != 0)
        {
          g_autofree char *shown = g_utf8_make_valid (got->str, (gssize) got->len);
          set_error (error, ACTNET_ERROR_PARSE, gold->name, m->line,
                     "surface '%s' but %s has '%s' at %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT
                     " (gold made for another version of the text?)",
                     m->surface, actnet_gold_get_document_id (gold, doc), shown,
                     m->start, m->end);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- predictions ------------------------------------------------------- */

ActnetEval *
actnet_eval_new (const ActnetGold *gold)
{
  g_return_val_if_fail (gold != NULL, NULL);
  ActnetEval *eval = g_new0 (ActnetEval, 1);
  eval->gold = gold;
  eval->strings = g_string_chunk_new (4096);
  eval->predictions = g_array_new (FALSE, FALSE, sizeof (ActnetEvalMention));
  return eval;
}

void
actnet_eval_free (ActnetEval *eval)
{
  if (eval == NULL)
    return;
  g_string_chunk_free (eval->strings);
  g_array_unref (eval->predictions);
  g_free (eval);
}

const ActnetGold *
actnet_eval_get_gold (const ActnetEval *eval)
{
  g_return_val_if_fail (eval != NULL, NULL);
  return eval->gold;
}

/* The gold's own copy of @type, or NULL when the gold has no such type. */
static const char *
gold_type (const ActnetGold *gold, const char *type)
{
  for (guint i = 0; i + 1 < gold->types->len; i++)
    if (strcmp (g_ptr_array_index (gold->types, i), type) == 0)
      return g_ptr_array_index (gold->types, i);
  return NULL;
}

gboolean
actnet_eval_add_prediction (ActnetEval *eval, guint doc, gsize start, gsize end,
                            const char *surface, const char *id, const char *type)
{
  g_return_val_if_fail (eval != NULL && type != NULL, FALSE);
  g_return_val_if_fail (doc < eval->gold->doc_ids->len && start < end, FALSE);
  g_autofree char *canonical = actnet_type_canonicalize (type);
  const char *scored = gold_type (eval->gold, canonical);
  if (scored == NULL)
    return FALSE;
  ActnetEvalMention m = {
    .doc = doc,
    .start = start,
    .end = end,
    .surface = g_string_chunk_insert (eval->strings, surface != NULL ? surface : ""),
    .id = g_string_chunk_insert_const (eval->strings, id != NULL ? id : ""),
    .type = scored,
    .line = 0,
  };
  g_array_append_val (eval->predictions, m);
  return TRUE;
}

guint
actnet_eval_add_mentions (ActnetEval *eval, guint doc, const char *text,
                          const GArray *mentions, const ActnetGazetteer *gazetteer)
{
  g_return_val_if_fail (eval != NULL && text != NULL && mentions != NULL && gazetteer != NULL, 0);
  guint scored = 0;
  g_autoptr (GString) surface = g_string_new (NULL);
  for (guint i = 0; i < mentions->len; i++)
    {
      const ActnetMention *m = &g_array_index (mentions, ActnetMention, i);
      g_string_truncate (surface, 0);
      actnet_text_append_squeezed (surface, text + m->start, m->end - m->start);
      if (actnet_eval_add_prediction (eval, doc, m->start, m->end, surface->str,
                                      actnet_gazetteer_get_id (gazetteer, m->actor),
                                      actnet_gazetteer_get_type (gazetteer, m->actor)))
        scored++;
    }
  return scored;
}

guint
actnet_eval_get_n_predictions (const ActnetEval *eval)
{
  g_return_val_if_fail (eval != NULL, 0);
  return eval->predictions->len;
}

const ActnetEvalMention *
actnet_eval_get_prediction (const ActnetEval *eval, guint i)
{
  g_return_val_if_fail (eval != NULL && i < eval->predictions->len, NULL);
  return &g_array_index (eval->predictions, ActnetEvalMention, i);
}

/* ---- scoring ----------------------------------------------------------- */

/* A mention in one scope, with the label exact and overlap matches compare
 * (the id, or the type when the gold has no ids). */
typedef struct {
  const ActnetEvalMention *m;
  const char *key;
  guint index;             /* in the gold's mentions or the eval's predictions */
} Item;

static int
item_compare (gconstpointer a, gconstpointer b)
{
  const Item *x = a, *y = b;
  if (x->m->doc != y->m->doc)
    return x->m->doc < y->m->doc ? -1 : 1;
  int c = strcmp (x->key, y->key);
  if (c != 0)
    return c;
  if (x->m->start != y->m->start)
    return x->m->start < y->m->start ? -1 : 1;
  if (x->m->end != y->m->end)
    return x->m->end < y->m->end ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static int
group_compare (const Item *x, const Item *y)
{
  if (x->m->doc != y->m->doc)
    return x->m->doc < y->m->doc ? -1 : 1;
  return strcmp (x->key, y->key);
}

static guint
group_end (const GArray *items, guint from)
{
  const Item *first = &g_array_index (items, Item, from);
  guint i = from + 1;
  while (i < items->len && group_compare (&g_array_index (items, Item, i), first) == 0)
    i++;
  return i;
}

/* Index of the first of @n items (sorted by start, none longer than
 * @max_length bytes) overlapping [start, end), or -1: a binary search for
 * the items starting before @end, then a walk back over those that can
 * still reach @start. */
static gssize
find_overlap (const Item *items, guint n, gsize max_length, gsize start, gsize end)
{
  guint lo = 0, hi = n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (items[mid].m->start < end)
        lo = mid + 1;
      else
        hi = mid;
    }
  gssize found = -1;
  for (guint k = lo; k-- > 0;)
    {
      if (items[k].m->start + max_length <= start)
        break;
      if (items[k].m->end > start)
        found = (gssize) k;
    }
  return found;
}

static gsize
max_length (const Item *items, guint n)
{
  gsize longest = 0;
  for (guint i = 0; i < n; i++)
    longest = MAX (longest, items[i].m->end - items[i].m->start);
  return longest;
}

/* Matches one (document, key) group of gold against predictions. */
static void
match_group (const Item *gold, guint n_gold, const Item *pred, guint n_pred,
             ActnetEvalScore *score, gboolean *gold_hit, gboolean *pred_hit)
{
  /* Exact: both sides are sorted by (start, end), so a merge pairs equal
   * spans one to one. */
  for (guint i = 0, j = 0; i < n_gold && j < n_pred;)
    {
      const ActnetEvalMention *g = gold[i].m, *p = pred[j].m;
      if (g->start == p->start && g->end == p->end)
        {
          score->exact++;
          if (gold_hit != NULL)
            gold_hit[gold[i].index] = TRUE;
          if (pred_hit != NULL)
            pred_hit[pred[j].index] = TRUE;
          i++;
          j++;
        }
      else if (g->start < p->start || (g->start == p->start && g->end < p->end))
        i++;
      else
        j++;
    }
  gsize gold_longest = max_length (gold, n_gold), pred_longest = max_length (pred, n_pred);
  for (guint j = 0; j < n_pred; j++)
    if (find_overlap (gold, n_gold, gold_longest, pred[j].m->start, pred[j].m->end) >= 0)
      score->overlap_predicted++;
  for (guint i = 0; i < n_gold; i++)
    if (find_overlap (pred, n_pred, pred_longest, gold[i].m->start, gold[i].m->end) >= 0)
      score->overlap_gold++;
}

static void
ratios (guint matched_predicted, guint n_predicted, guint matched_gold, guint n_gold,
        double *precision, double *recall, double *f1)
{
  /* Nothing predicted is nothing wrong, nothing to find is nothing missed
   * (tests/eval-mentions.py uses the same conventions). */
  *precision = n_predicted > 0 ? (double) matched_predicted / n_predicted : 1.0;
  *recall = n_gold > 0 ? (double) matched_gold / n_gold : 1.0;
  *f1 = *precision + *recall > 0 ? 2 * *precision * *recall / (*precision + *recall) : 0.0;
}

static gboolean
is_actor_type (const char *type)
{
  return strcmp (type, "media") != 0 && strcmp (type, "byline") != 0;
}

static gboolean
in_scope (const char *type, const char *scope)
{
  return strcmp (scope, "all") == 0 ? is_actor_type (type) : strcmp (type, scope) == 0;
}

static GArray *
scope_items (const GArray *mentions, const char *scope, gboolean use_id)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (Item));
  for (guint i = 0; i < mentions->len; i++)
    {
      const ActnetEvalMention *m = &g_array_index (mentions, ActnetEvalMention, i);
      if (!in_scope (m->type, scope))
        continue;
      Item item = { m, use_id ? m->id : m->type, i };
      g_array_append_val (items, item);
    }
  g_array_sort (items, item_compare);
  return items;
}

static void
score_scope (const ActnetEval *eval, const char *scope, ActnetEvalScore *score,
             gboolean *gold_hit, gboolean *pred_hit)
{
  gboolean use_id = eval->gold->has_ids;
  g_autoptr (GArray) gold = scope_items (eval->gold->mentions, scope, use_id);
  g_autoptr (GArray) pred = scope_items (eval->predictions, scope, use_id);
  *score = (ActnetEvalScore) { .scope = scope, .n_gold = gold->len, .n_predicted = pred->len };
  guint gi = 0, pi = 0;
  while (gi < gold->len && pi < pred->len)
    {
      const Item *g = &g_array_index (gold, Item, gi), *p = &g_array_index (pred, Item, pi);
      int c = group_compare (g, p);
      if (c < 0)
        gi = group_end (gold, gi);
      else if (c > 0)
        pi = group_end (pred, pi);
      else
        {
          guint ge = group_end (gold, gi), pe = group_end (pred, pi);
          match_group (g, ge - gi, p, pe - pi, score, gold_hit, pred_hit);
          gi = ge;
          pi = pe;
        }
    }
  ratios (score->exact, score->n_predicted, score->exact, score->n_gold,
          &score->precision, &score->recall, &score->f1);
  ratios (score->overlap_predicted, score->n_predicted, score->overlap_gold, score->n_gold,
          &score->overlap_precision, &score->overlap_recall, &score->overlap_f1);
}

static int
span_compare (gconstpointer a, gconstpointer b)
{
  const ActnetEvalMention *x = ((const Item *) a)->m, *y = ((const Item *) b)->m;
  if (x->doc != y->doc)
    return x->doc < y->doc ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  int c = strcmp (x->id, y->id);
  return c != 0 ? c : strcmp (x->type, y->type);
}

/* Every mention of @mentions by (doc, start, end, id, type). */
static GArray *
span_items (const GArray *mentions)
{
  GArray *items = g_array_sized_new (FALSE, FALSE, sizeof (Item), mentions->len);
  for (guint i = 0; i < mentions->len; i++)
    {
      Item item = { &g_array_index (mentions, ActnetEvalMention, i), "", i };
      g_array_append_val (items, item);
    }
  g_array_sort (items, span_compare);
  return items;
}

/* The first item of @items (all documents, sorted by span_compare) in the
 * document of @m that overlaps it, whatever its key. */
static const ActnetEvalMention *
find_partner (const GArray *items, gsize longest, const ActnetEvalMention *m)
{
  if (items->len == 0)
    return NULL;
  const Item *all = (const Item *) (gconstpointer) items->data;
  guint lo = 0, hi = items->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (all[mid].m->doc < m->doc)
        lo = mid + 1;
      else
        hi = mid;
    }
  guint first = lo;
  hi = items->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (all[mid].m->doc <= m->doc)
        lo = mid + 1;
      else
        hi = mid;
    }
  gssize k = find_overlap (all + first, lo - first, longest, m->start, m->end);
  return k >= 0 ? all[first + (guint) k].m : NULL;
}

static GArray *
mismatches (const GArray *sorted, const gboolean *hit, const GArray *other, gsize other_longest)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (ActnetEvalMismatch));
  for (guint i = 0; i < sorted->len; i++)
    {
      const Item *item = &g_array_index (sorted, Item, i);
      if (hit[item->index])
        continue;
      ActnetEvalMismatch mismatch = { item->m, find_partner (other, other_longest, item->m) };
      g_array_append_val (list, mismatch);
    }
  return list;
}

ActnetEvalReport *
actnet_eval_report_new (const ActnetEval *eval)
{
  g_return_val_if_fail (eval != NULL, NULL);
  const ActnetGold *gold = eval->gold;
  ActnetEvalReport *report = g_new0 (ActnetEvalReport, 1);
  report->scores = g_array_new (FALSE, FALSE, sizeof (ActnetEvalScore));
  g_autofree gboolean *gold_hit = g_new0 (gboolean, gold->mentions->len + 1);
  g_autofree gboolean *pred_hit = g_new0 (gboolean, eval->predictions->len + 1);

  ActnetEvalScore score;
  score_scope (eval, "all", &score, gold_hit, pred_hit);
  g_array_append_val (report->scores, score);
  for (guint t = 0; t + 1 < gold->types->len; t++)
    {
      const char *type = g_ptr_array_index (gold->types, t);
      /* "all" decides the misses and false alarms of the actor types;
       * media and byline, outside it, decide their own. */
      gboolean own = !is_actor_type (type);
      score_scope (eval, type, &score, own ? gold_hit : NULL, own ? pred_hit : NULL);
      g_array_append_val (report->scores, score);
    }

  g_autoptr (GArray) gold_items = span_items (gold->mentions);
  g_autoptr (GArray) pred_items = span_items (eval->predictions);
  gsize gold_longest = max_length ((const Item *) (gconstpointer) gold_items->data, gold_items->len);
  gsize pred_longest = max_length ((const Item *) (gconstpointer) pred_items->data, pred_items->len);
  report->misses = mismatches (gold_items, gold_hit, pred_items, pred_longest);
  report->false_alarms = mismatches (pred_items, pred_hit, gold_items, gold_longest);
  return report;
}

void
actnet_eval_report_free (ActnetEvalReport *report)
{
  if (report == NULL)
    return;
  g_array_unref (report->scores);
  g_array_unref (report->misses);
  g_array_unref (report->false_alarms);
  g_free (report);
}

guint
actnet_eval_report_get_n_scores (const ActnetEvalReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->scores->len;
}

const ActnetEvalScore *
actnet_eval_report_get_score (const ActnetEvalReport *report, guint i)
{
  g_return_val_if_fail (report != NULL && i < report->scores->len, NULL);
  return &g_array_index (report->scores, ActnetEvalScore, i);
}

const ActnetEvalScore *
actnet_eval_report_lookup_score (const ActnetEvalReport *report, const char *scope)
{
  g_return_val_if_fail (report != NULL && scope != NULL, NULL);
  for (guint i = 0; i < report->scores->len; i++)
    {
      const ActnetEvalScore *score = &g_array_index (report->scores, ActnetEvalScore, i);
      if (strcmp (score->scope, scope) == 0)
        return score;
    }
  return NULL;
}

guint
actnet_eval_report_get_n_misses (const ActnetEvalReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->misses->len;
}

const ActnetEvalMismatch *
actnet_eval_report_get_miss (const ActnetEvalReport *report, guint i)
{
  g_return_val_if_fail (report != NULL && i < report->misses->len, NULL);
  return &g_array_index (report->misses, ActnetEvalMismatch, i);
}

guint
actnet_eval_report_get_n_false_alarms (const ActnetEvalReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->false_alarms->len;
}

const ActnetEvalMismatch *
actnet_eval_report_get_false_alarm (const ActnetEvalReport *report, guint i)
{
  g_return_val_if_fail (report != NULL && i < report->false_alarms->len, NULL);
  return &g_array_index (report->false_alarms, ActnetEvalMismatch, i);
}
