/* Importers: PETRARCH/TABARI actor dictionaries, spaCy EntityRuler
 * patterns, GATE gazetteers and CSV/TSV place lists, loaded through the
 * same per-file rules as the native TSV (actnet-gazetteer-private.h).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet.h>
#include "actnet-gazetteer-private.h"
#include "input-limits.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

/* A warning of the text clean-up, given out in line order among the
 * warnings of the format's reader. */
typedef struct {
  guint line;
  char *message;
} Pending;

/* One import: the target, the load (file rules, warnings) and the options. */
typedef struct {
  ActnetGazetteer *gaz;
  ActnetGazetteerLoad *load;
  const ActnetImportOptions *options;
  const char *path;          /* the file given, for messages and lookups */
  GArray *pending;           /* Pending, by line */
  guint next_pending;
} Import;

/* Gives out the clean-up warnings of lines up to @line. */
static void
flush_pending (Import *imp, guint line)
{
  for (; imp->next_pending < imp->pending->len; imp->next_pending++)
    {
      Pending *pending = &g_array_index (imp->pending, Pending, imp->next_pending);
      if (pending->line > line)
        break;
      actnet_i_gazetteer_load_warn (imp->load, pending->line, "%s", pending->message);
      g_clear_pointer (&pending->message, g_free);
    }
  if (imp->next_pending == imp->pending->len)
    {
      g_array_set_size (imp->pending, 0);
      imp->next_pending = 0;
    }
}

G_GNUC_PRINTF (3, 4) static void
import_warn (Import *imp, guint line, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  char *message = g_strdup_vprintf (format, args);
  va_end (args);
  flush_pending (imp, line);
  actnet_i_gazetteer_load_warn (imp->load, line, "%s", message);
  g_free (message);
}

G_GNUC_PRINTF (3, 4) static void
pending_warn (Import *imp, guint line, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  Pending pending = { line, g_strdup_vprintf (format, args) };
  va_end (args);
  g_array_append_val (imp->pending, pending);
}

/* ---- format names and detection ----------------------------------------- */

static const struct {
  const char *name;
  ActnetGazetteerFormat format;
} format_names[] = {
  { "auto", ACTNET_GAZETTEER_FORMAT_AUTO },
  { "native", ACTNET_GAZETTEER_FORMAT_NATIVE },
  { "petrarch", ACTNET_GAZETTEER_FORMAT_PETRARCH },
  { "spacy", ACTNET_GAZETTEER_FORMAT_SPACY },
  { "gate", ACTNET_GAZETTEER_FORMAT_GATE },
  { "csv", ACTNET_GAZETTEER_FORMAT_CSV },
  /* synonyms, after the canonical names */
  { "tsv", ACTNET_GAZETTEER_FORMAT_NATIVE },
  { "tabari", ACTNET_GAZETTEER_FORMAT_PETRARCH },
  { "cameo", ACTNET_GAZETTEER_FORMAT_PETRARCH },
};

gboolean
actnet_gazetteer_format_from_string (const char *name, ActnetGazetteerFormat *format,
                                     GError **error)
{
  g_return_val_if_fail (name != NULL && format != NULL, FALSE);
  for (gsize i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (name, format_names[i].name) == 0)
      {
        *format = format_names[i].format;
        return TRUE;
      }
  g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
               "unknown gazetteer format '%s' (expected auto, native, petrarch, spacy, gate or csv)",
               name);
  return FALSE;
}

const char *
actnet_gazetteer_format_to_string (ActnetGazetteerFormat format)
{
  for (gsize i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (format_names[i].format == format)
      return format_names[i].name;
  g_return_val_if_reached (NULL);
}

static gboolean
has_suffix_ci (const char *text, const char *suffix)
{
  gsize n = strlen (text), m = strlen (suffix);
  return n >= m && g_ascii_strcasecmp (text + n - m, suffix) == 0;
}

/* A header line naming place-list columns: GeoNames' cityId or geonameid,
 * or a name column beside a latitude. */
static gboolean
is_place_list_header (const char *line, gsize length, char separator)
{
  char *copy = g_strndup (line, length);
  char sep[2] = { separator, '\0' };
  char **fields = g_strsplit (copy, sep, -1);
  gboolean name = FALSE, lat = FALSE, geonames = FALSE;
  for (char **f = fields; *f != NULL; f++)
    {
      char *field = g_strstrip (*f);
      if (*field == '"')
        {
          field++;
          if (*field != '\0' && field[strlen (field) - 1] == '"')
            field[strlen (field) - 1] = '\0';
        }
      if (g_ascii_strcasecmp (field, "cityId") == 0
          || g_ascii_strcasecmp (field, "geonameid") == 0)
        geonames = TRUE;
      else if (g_ascii_strcasecmp (field, "name") == 0)
        name = TRUE;
      else if (g_ascii_strcasecmp (field, "lat") == 0
               || g_ascii_strcasecmp (field, "latitude") == 0)
        lat = TRUE;
    }
  g_strfreev (fields);
  g_free (copy);
  return geonames || (name && lat);
}

/* The first line that is neither blank nor a '#' comment, or NULL. */
static const char *
first_content_line (const char *data, gsize length, gsize *line_length)
{
  const char *p = data, *end = data + length;
  p += actnet_i_bom_length (p, length);
  while (p < end)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      if (eol == NULL)
        eol = end;
      const char *q = p;
      while (q < eol && g_ascii_isspace (*q))
        q++;
      if (q < eol && *q != '#')
        {
          *line_length = (gsize) (eol - p);
          if (*line_length > 0 && p[*line_length - 1] == '\r')
            (*line_length)--;
          return p;
        }
      p = eol + 1;
    }
  return NULL;
}

/* Signs of a PETRARCH dictionary in its first lines: synonym lines, indented
 * [CODE] lines, or a PHRASE_ followed by [CODE]. */
static gboolean
looks_like_petrarch (const char *data, gsize length)
{
  const char *p = data, *end = data + MIN (length, (gsize) 65536);
  for (guint n = 0; p < end && n < 400; n++)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      if (eol == NULL)
        eol = end;
      if (*p == '+' && eol - p > 1 && p[1] != '\t')
        return TRUE;
      if (*p == '\t' || *p == ' ')
        {
          const char *q = p;
          while (q < eol && (*q == '\t' || *q == ' '))
            q++;
          if (q < eol && *q == '[')
            return TRUE;
        }
      const char *bracket = memchr (p, '[', (gsize) (eol - p));
      if (*p != '#' && bracket != NULL)
        {
          const char *q = bracket;
          while (q > p && (q[-1] == ' ' || q[-1] == '\t'))
            q--;
          if (q > p && q[-1] == '_')
            return TRUE;
        }
      p = eol + 1;
    }
  return FALSE;
}

ActnetGazetteerFormat
actnet_gazetteer_format_detect (const char *path, const char *data, gsize length)
{
  g_return_val_if_fail (path != NULL, ACTNET_GAZETTEER_FORMAT_NATIVE);
  char *base = g_path_get_basename (path);
  ActnetGazetteerFormat format = ACTNET_GAZETTEER_FORMAT_AUTO;
  if (has_suffix_ci (base, ".actors") || has_suffix_ci (base, ".actors.txt"))
    format = ACTNET_GAZETTEER_FORMAT_PETRARCH;
  else if (has_suffix_ci (base, ".jsonl"))
    format = ACTNET_GAZETTEER_FORMAT_SPACY;
  else if (has_suffix_ci (base, ".def"))
    format = ACTNET_GAZETTEER_FORMAT_GATE;
  else if (has_suffix_ci (base, ".csv"))
    format = ACTNET_GAZETTEER_FORMAT_CSV;
  g_free (base);
  if (format != ACTNET_GAZETTEER_FORMAT_AUTO)
    return format;
  if (data == NULL)
    return ACTNET_GAZETTEER_FORMAT_NATIVE;

  gsize line_length = 0;
  const char *line = first_content_line (data, length, &line_length);
  if (line == NULL)
    return ACTNET_GAZETTEER_FORMAT_NATIVE;
  if (line[0] == '{')
    return ACTNET_GAZETTEER_FORMAT_SPACY;
  if (memchr (line, '\t', line_length) != NULL)
    return is_place_list_header (line, line_length, '\t')
             ? ACTNET_GAZETTEER_FORMAT_CSV : ACTNET_GAZETTEER_FORMAT_NATIVE;
  const char *colon = memchr (line, ':', line_length);
  if (colon != NULL && colon - line > 4 && g_ascii_strncasecmp (colon - 4, ".lst", 4) == 0)
    return ACTNET_GAZETTEER_FORMAT_GATE;
  if (looks_like_petrarch (data, length))
    return ACTNET_GAZETTEER_FORMAT_PETRARCH;
  if (is_place_list_header (line, line_length, ','))
    return ACTNET_GAZETTEER_FORMAT_CSV;
  return ACTNET_GAZETTEER_FORMAT_NATIVE;
}

/* ---- shared helpers ------------------------------------------------------ */

/* A copy of @data that is valid UTF-8 without NUL or Ctrl-Z bytes and
 * without a byte order mark; each line that needed a repair, or that
 * carries U+FFFD (a character lost before the file was written), gets one
 * warning. A NUL byte means a binary file: an error. */
static char *
clean_text (Import *imp, const char *data, gsize length, gsize *clean_length,
            GError **error)
{
  gsize bom = actnet_i_bom_length (data, length);
  data += bom;
  length -= bom;
  const char *nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      guint line = 1;
      for (const char *p = data; p < nul; p++)
        line += *p == '\n';
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_ENCODING,
                   "%s: binary data (NUL byte on line %u), not a gazetteer",
                   actnet_i_gazetteer_load_get_name (imp->load), line);
      return NULL;
    }
  /* The common case, a clean file, costs one validation pass and a copy. */
  if (g_utf8_validate_len (data, length, NULL) && memchr (data, 0x1A, length) == NULL
      && g_strstr_len (data, (gssize) length, "\xEF\xBF\xBD") == NULL)
    {
      *clean_length = length;
      return g_strndup (data, length);
    }

  GString *out = g_string_sized_new (length + 16);
  const char *p = data, *end = data + length;
  for (guint line = 1; p < end; line++)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      const char *next = eol != NULL ? eol + 1 : end;
      gsize n = (gsize) ((eol != NULL ? eol : end) - p);
      GString *text = g_string_new_len (p, (gssize) n);
      guint ctrl_z = 0;
      for (gsize i = 0; i < text->len;)
        if (text->str[i] == 0x1A)
          {
            g_string_erase (text, (gssize) i, 1);
            ctrl_z++;
          }
        else
          i++;
      if (ctrl_z > 0)
        pending_warn (imp, line, "Ctrl-Z (0x1A) byte skipped");
      const char *bad;
      if (!g_utf8_validate_len (text->str, text->len, &bad))
        {
          pending_warn (imp, line, "invalid UTF-8 (byte 0x%02X) replaced by U+FFFD",
                        (guint) (guchar) *bad);
          char *valid = g_utf8_make_valid (text->str, (gssize) text->len);
          g_string_assign (text, valid);
          g_free (valid);
        }
      else if (strstr (text->str, "\xEF\xBF\xBD") != NULL)
        pending_warn (imp, line,
                      "U+FFFD (a character lost before this file was written) kept as it is");
      g_string_append_len (out, text->str, (gssize) text->len);
      if (eol != NULL)
        g_string_append_c (out, '\n');
      g_string_free (text, TRUE);
      p = next;
    }
  *clean_length = out->len;
  return g_string_free (out, FALSE);
}

/* Calls @fn on each line of @text (without its line end and \r). The line
 * is writable and NUL-terminated; returning FALSE stops. */
typedef gboolean (*LineFunc) (Import *imp, char *line, guint number, gpointer data,
                              GError **error);

static gboolean
for_each_line (Import *imp, char *text, gsize length, LineFunc fn, gpointer data,
               GError **error)
{
  char *p = text, *end = text + length;
  for (guint number = 1; p < end; number++)
    {
      char *eol = memchr (p, '\n', (gsize) (end - p));
      char *next = eol != NULL ? eol + 1 : end;
      if (eol == NULL)
        eol = end;
      if (eol > p && eol[-1] == '\r')
        eol--;
      *eol = '\0';
      if (!fn (imp, p, number, data, error))
        return FALSE;
      p = next;
    }
  return TRUE;
}

/* Whitespace runs (tabs and line breaks too) as one space, trimmed; valid
 * UTF-8 (json-glib lets some lone surrogate escapes through as CESU-8). */
static char *
clean_space (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));
  gboolean space = FALSE;
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      if (g_unichar_isspace (ch))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

/* ASCII snake_case of a name: letters transliterated ("Benghāzī" ->
 * "benghazi"), anything else one '_'. */
static char *
make_id (const char *name)
{
  char *ascii = g_str_to_ascii (name, "C");
  GString *id = g_string_sized_new (strlen (ascii));
  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (id, g_ascii_tolower (*p));
    else if (id->len > 0 && id->str[id->len - 1] != '_')
      g_string_append_c (id, '_');
  while (id->len > 0 && id->str[id->len - 1] == '_')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_assign (id, "actor");
  g_free (ascii);
  return g_string_free (id, FALSE);
}

/* @base, or @base_2, @base_3 ... : the first id this load has not used.
 * An id of an earlier file is not avoided: the same name merges. */
static char *
unique_id (Import *imp, const char *base, GHashTable *reserved)
{
  if (!actnet_i_gazetteer_load_has_id (imp->load, base)
      && (reserved == NULL || !g_hash_table_contains (reserved, base)))
    return g_strdup (base);
  for (guint n = 2;; n++)
    {
      char *id = g_strdup_printf ("%s_%u", base, n);
      if (!actnet_i_gazetteer_load_has_id (imp->load, id)
          && (reserved == NULL || !g_hash_table_contains (reserved, id)))
        return id;
      g_free (id);
    }
}

/* An id given by a file, made a single TSV field. */
static char *
sanitize_id (const char *text)
{
  /* A leading '#' would read back as a comment. */
  const char *start = text;
  while (*start == '#' || g_ascii_isspace (*start))
    start++;
  char *id = clean_space (start);
  for (char *p = id; *p != '\0'; p++)
    if (*p == ' ')
      *p = '_';
  return id;
}

/* A type word: lower case, no spaces. */
static char *
sanitize_type (const char *text)
{
  char *clean = clean_space (text);
  char *type = actnet_type_canonicalize (clean);
  for (char *p = type; *p != '\0'; p++)
    if (*p == ' ' || *p == '-')
      *p = '_';
  g_free (clean);
  return type;
}

/* An error turned into a warning: its message already has the prefix. */
static void
warn_error (Import *imp, GError *error)
{
  g_ptr_array_add ((GPtrArray *) actnet_gazetteer_get_warnings (imp->gaz),
                   g_strdup (error->message));
  g_error_free (error);
}

/* Adds an actor, or warns and returns G_MAXUINT. --type wins over @type. */
static guint
add_actor (Import *imp, guint line, const char *id, const char *type, const char *label)
{
  GError *error = NULL;
  flush_pending (imp, line);
  if (imp->options != NULL && imp->options->type != NULL)
    type = imp->options->type;
  guint actor = actnet_i_gazetteer_load_actor (imp->load, line, id, type, label, &error);
  if (actor == G_MAXUINT)
    warn_error (imp, error);
  return actor;
}

/* Adds an alias, or warns. */
static void
add_alias (Import *imp, guint line, guint actor, const char *text, ActnetCasePolicy policy)
{
  /* the label is an alias already */
  if (policy == ACTNET_CASE_POLICY_DEFAULT
      && strcmp (text, actnet_gazetteer_get_label (imp->gaz, actor)) == 0)
    return;
  if (strchr (text, '|') != NULL)
    {
      import_warn (imp, line,
                   "alias '%s' holds '|', the alias separator of the native "
                   "format; skipped", text);
      return;
    }
  GError *error = NULL;
  flush_pending (imp, line);
  if (!actnet_i_gazetteer_load_alias (imp->load, line, actor, text, policy, &error))
    warn_error (imp, error);
}

/* ---- names in capitals: acronyms and title case ------------------------- */

/* Acronyms that keep their capitals in labels even with vowels. */
static const char *const known_acronyms[] = {
  "AFRICOM", "ANC", "APEC", "ASEAN", "AU", "BBC", "CIA", "CNN", "DPRK", "DRC", "ECB",
  "ECOWAS", "ETA", "EU", "FARC", "FBI", "GCC", "GNA", "HRW", "IAEA", "ICC", "ICJ", "ICRC",
  "IDF", "IGAD", "IMF", "IRA", "IRGC", "ISAF", "ISIL", "ISIS", "KFOR", "KGB", "LNA", "MONUC",
  "MONUSCO", "NAFTA", "NATO", "NGO", "NSA", "NTC", "OAS", "OAU", "OECD", "OPEC", "OSCE",
  "PKK", "PLO", "PRC", "ROK", "SADC", "SPLA", "SPLM", "TNC", "UAE", "UK", "UN", "UNAMID",
  "UNDP", "UNESCO", "UNHCR", "UNICEF", "UNIFIL", "UNITA", "UNSC", "US", "USA", "USSR",
  "WTO", NULL,
};

/* Words without a vowel that are abbreviations, not acronyms (Mr, St). */
static const char *const abbreviations[] = {
  "CPL", "CDR", "DR", "FT", "JR", "LT", "MR", "MRS", "MS", "MT", "PVT", "SGT", "SR", "ST",
  NULL,
};

static gboolean
is_vowel (char c)
{
  return strchr ("AEIOUaeiou", c) != NULL;
}

/* A word written in capitals that stays so: dotted letters (U.N.), a
 * known acronym, up to 5 letters without a vowel (PKK), a roman numeral
 * (II), or, in the name of an organization that is a single word, up to
 * @org_letters letters (IAEA, UNHCR). */
static gboolean
is_acronym (const char *word, gboolean single_word_org, guint org_letters)
{
  guint letters = 0, dots = 0, vowels = 0, roman = 0;
  gsize n = strlen (word);
  for (const char *p = word; *p != '\0'; p++)
    {
      if (g_ascii_isalpha (*p))
        {
          letters++;
          vowels += is_vowel (*p);
          roman += strchr ("IVXLC", g_ascii_toupper (*p)) != NULL;
        }
      else if (*p == '.')
        dots++;
      else if (!g_ascii_isdigit (*p))
        return FALSE;
    }
  if (letters < 2)
    return FALSE;
  if (dots > 0)
    {
      /* L.L. or L.L: each letter followed by a dot */
      for (gsize i = 0; i < n; i++)
        if ((i % 2 == 0) != (g_ascii_isalpha (word[i]) != 0))
          return FALSE;
      return TRUE;
    }
  char *upper = g_ascii_strup (word, -1);
  gboolean known = g_strv_contains (known_acronyms, upper);
  gboolean abbreviation = g_strv_contains (abbreviations, upper);
  g_free (upper);
  if (known)
    return TRUE;
  if (abbreviation)
    return FALSE;
  if (letters <= 5 && vowels == 0)
    return TRUE;
  if (roman == letters && letters == n)
    return TRUE;
  return single_word_org && letters <= org_letters && letters == n;
}

static gboolean
is_small_word (const char *lower, gboolean first)
{
  static const char *const small[] = {
    "of", "the", "and", "for", "in", "on", "at", "to", "by", "an", "de", "du", "da",
    "des", "del", "al", "el", "bin", "ibn", "van", "von", "der", NULL,
  };
  return !first && g_strv_contains (small, lower);
}

/* Whether @acronym (one word, 2 to 6 letters) is made of the initials of
 * words of @name, in order, some words skipped (MILF: Moro Islamic
 * Liberation Front; MEK: Mujahedin-e Khalq). "(USA)" after a company's
 * name is a qualifier, not its acronym. */
static gboolean
is_initials (const char *acronym, const char *name)
{
  gsize n = strlen (acronym);
  if (n < 2 || n > 6 || strchr (acronym, ' ') != NULL)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalpha (acronym[i]))
      return FALSE;
  gsize matched = 0;
  gboolean word_start = TRUE;
  for (const char *p = name; *p != '\0' && matched < n; p++)
    {
      if (word_start && g_ascii_isalpha (*p)
          && g_ascii_toupper (*p) == g_ascii_toupper (acronym[matched]))
        matched++;
      word_start = *p == ' ' || *p == '-';
    }
  return matched == n;
}

/* Appends one word in title case; hyphenated parts each get a capital
 * except small words such as "al" inside a name. */
static void
title_case_word (GString *out, const char *word, gboolean first_word)
{
  char *lower = g_utf8_strdown (word, -1);
  char **parts = g_strsplit (lower, "-", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, '-');
      const char *part = parts[i];
      if (is_small_word (part, first_word && i == 0))
        {
          g_string_append (out, part);
          continue;
        }
      gboolean capital = TRUE;
      glong position = 0;
      for (const char *p = part; *p != '\0'; p = g_utf8_next_char (p), position++)
        {
          gunichar ch = g_utf8_get_char (p);
          if (capital && g_unichar_isalpha (ch))
            {
              g_string_append_unichar (out, g_unichar_totitle (ch));
              capital = FALSE;
              /* Mc + capital: McCain */
              if (position == 0 && ch == 'm' && p[1] == 'c' && g_ascii_isalpha (p[2]))
                {
                  g_string_append_c (out, 'c');
                  p++;
                  position++;
                  capital = TRUE;
                }
              continue;
            }
          g_string_append_unichar (out, ch);
          /* O'Brien, D'Ivoire: a single letter before the apostrophe */
          if (ch == '\'' && position == 1 && g_utf8_strlen (p, -1) > 2)
            capital = TRUE;
        }
    }
  g_strfreev (parts);
  g_free (lower);
}

/* "MUAMMAR QADDAFI" -> "Muammar Qaddafi", "SECRETARY GENERAL OF THE UN" ->
 * "Secretary General of the UN", "AL-QAEDA" -> "Al-Qaeda", "O'BRIEN" ->
 * "O'Brien", "SAIF AL-ISLAM" -> "Saif al-Islam", "MCCAIN" -> "McCain". */
static char *
title_case (const char *name, gboolean org)
{
  char **words = g_strsplit (name, " ", -1);
  guint n_words = g_strv_length (words);
  GString *out = g_string_new (NULL);
  for (guint w = 0; w < n_words; w++)
    {
      if (w > 0)
        g_string_append_c (out, ' ');
      /* "(AAIA)" and "CONGO," are words with brackets and punctuation */
      const char *written = words[w];
      gsize length = strlen (written);
      gsize lead = strspn (written, "(\"[");
      gsize trail = 0;
      while (length - trail > lead && strchr (")\",;:]", written[length - 1 - trail]) != NULL)
        trail++;
      char *word = g_strndup (written + lead, length - lead - trail);
      g_string_append_len (out, written, (gssize) lead);
      /* "(AAIA)" after "ADEN ABYAN ISLAMIC ARMY" is its acronym */
      gboolean initials = FALSE;
      if (lead > 0 && written[0] == '(' && w > 0)
        {
          char *saved = words[w];
          words[w] = NULL;
          char *before = g_strjoinv (" ", words);
          words[w] = saved;
          initials = is_initials (word, before);
          g_free (before);
        }
      if (initials || is_acronym (word, org && n_words == 1, 5))
        {
          char *upper = g_utf8_strup (word, -1);
          g_string_append (out, upper);
          g_free (upper);
        }
      else
        title_case_word (out, word, w == 0);
      g_string_append (out, written + length - trail);
      g_free (word);
    }
  g_strfreev (words);
  return g_string_free (out, FALSE);
}

/* ---- PETRARCH / TABARI actor dictionaries ------------------------------- */

typedef struct {
  char *written;  /* the phrase as written, for messages */
  guint line;
} Phrase;

typedef struct {
  GPtrArray *phrases;  /* Phrase* */
  GPtrArray *codes;    /* "CODE" or "CODE RESTRICTION" */
  gboolean roster;     /* generated from a leader roster (CountryInfo, IGOrulers) */
} Record;

typedef struct {
  Record *record;
  GHashTable *phrases;  /* upper-case name -> first line */
  gboolean in_comment;  /* inside <!-- ... --> */
  gboolean stopped;     /* after ---STOP--- */
} Petrarch;

static void
phrase_free (gpointer data)
{
  Phrase *phrase = data;
  g_free (phrase->written);
  g_free (phrase);
}

static Record *
record_new (void)
{
  Record *record = g_new0 (Record, 1);
  record->phrases = g_ptr_array_new_with_free_func (phrase_free);
  record->codes = g_ptr_array_new_with_free_func (g_free);
  return record;
}

static void
record_free (Record *record)
{
  if (record == NULL)
    return;
  g_ptr_array_unref (record->phrases);
  g_ptr_array_unref (record->codes);
  g_free (record);
}

static gboolean
is_date (const char *text, gsize n)
{
  if (n != 6 && n != 8)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  guint month = (guint) (text[n - 4] - '0') * 10 + (guint) (text[n - 3] - '0');
  guint day = (guint) (text[n - 2] - '0') * 10 + (guint) (text[n - 1] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/* <DATE, >DATE or DATE-DATE, dates YYMMDD or YYYYMMDD. */
static gboolean
is_restriction (const char *text)
{
  if (*text == '<' || *text == '>')
    return is_date (text + 1, strlen (text + 1));
  const char *dash = strchr (text, '-');
  if (dash == NULL || strchr (dash + 1, '-') != NULL)
    return FALSE;
  return is_date (text, (gsize) (dash - text)) && is_date (dash + 1, strlen (dash + 1));
}

/* Reads every [CODE ...] group of @text into the current record. */
static void
petrarch_codes (Import *imp, Petrarch *pt, const char *text, guint line)
{
  const char *p = text;
  while ((p = strchr (p, '[')) != NULL)
    {
      p++;
      const char *close = strchr (p, ']');
      char *inside;
      if (close == NULL)
        {
          inside = g_strdup (p);
          import_warn (imp, line, "unclosed '[%s'; read to the end of the line",
                       g_strstrip (inside));
        }
      else
        inside = g_strndup (p, (gsize) (close - p));
      g_strstrip (inside);
      if (*inside == '\0')
        import_warn (imp, line, "empty [] skipped");
      else if (pt->record == NULL)
        import_warn (imp, line, "[%s] before any phrase; skipped", inside);
      else
        {
          /* The code, then its restriction with blanks removed ("> 140608"
           * is PETRARCH's ">140608"). */
          gsize code_length = strcspn (inside, " \t");
          GString *restriction = g_string_new (NULL);
          for (const char *q = inside + code_length; *q != '\0'; q++)
            if (*q != ' ' && *q != '\t')
              g_string_append_c (restriction, *q);
          char *code;
          if (restriction->len == 0)
            code = g_strndup (inside, code_length);
          else
            {
              code = g_strdup_printf ("%.*s %s", (int) code_length, inside, restriction->str);
              if (!is_restriction (restriction->str))
                import_warn (imp, line,
                             "malformed date restriction '%s' in [%s]; "
                             "kept as written", restriction->str, inside);
            }
          gboolean seen = FALSE;
          for (guint i = 0; i < pt->record->codes->len && !seen; i++)
            seen = strcmp (g_ptr_array_index (pt->record->codes, i), code) == 0;
          if (seen)
            g_free (code);
          else
            g_ptr_array_add (pt->record->codes, code);
          g_string_free (restriction, TRUE);
        }
      g_free (inside);
      if (close == NULL)
        break;
      p = close + 1;
    }
}

/* A phrase as a name: underscores are spaces, a trailing '_' (PETRARCH's
 * word-boundary mark) goes. */
static char *
phrase_name (const char *written)
{
  char *copy = g_strdup (written);
  for (char *p = copy; *p != '\0'; p++)
    if (*p == '_')
      *p = ' ';
  char *name = clean_space (copy);
  g_free (copy);
  return name;
}

static void
record_add_phrase (Import *imp, Petrarch *pt, const char *written, guint line)
{
  char *text = g_strstrip (g_strdup (written));
  if (*text == '\0')
    {
      import_warn (imp, line, "empty phrase skipped");
      g_free (text);
      return;
    }
  /* "Source: MNC.MLH.actors" and the like are headings, not names. */
  const char *colon = strchr (text, ':');
  if (colon != NULL && (colon[1] == ' ' || colon[1] == '\t'))
    {
      import_warn (imp, line,
                   "'%s' is not a phrase (a heading?); skipped", text);
      g_free (text);
      return;
    }
  /* A '+' inside a phrase is a lost line break between two synonyms. */
  if (strchr (text, '+') != NULL)
    {
      char **parts = g_strsplit (text, "+", -1);
      guint n = 0;
      for (char **part = parts; *part != NULL; part++)
        n += *g_strstrip (*part) != '\0';
      import_warn (imp, line,
                   "'+' inside phrase '%s'; read as %u phrases", text, n);
      for (char **part = parts; *part != NULL; part++)
        if (**part != '\0')
          {
            Phrase *phrase = g_new0 (Phrase, 1);
            phrase->written = g_strdup (*part);
            phrase->line = line;
            g_ptr_array_add (pt->record->phrases, phrase);
          }
      g_strfreev (parts);
      g_free (text);
      return;
    }
  Phrase *phrase = g_new0 (Phrase, 1);
  phrase->written = text;
  phrase->line = line;
  g_ptr_array_add (pt->record->phrases, phrase);
}

/* CAMEO role, sector and religion codes: a code made of 3-letter groups
 * none of which is one of these names a country, a region or a dependency
 * (LBY, AFR, USAGUM, SUNRUS). */
static gboolean
is_sector_code (const char *group)
{
  static const char *const sectors[] = {
    "ADR", "AGR", "ALE", "ATH", "BAH", "BUD", "BUS", "CHR", "CON", "COP", "CPT", "CRM",
    "CTH", "CVL", "DEV", "DOX", "DRZ", "EDU", "ELI", "ENV", "GOV", "HIN", "HLH", "HRI",
    "HSD", "IGO", "IMG", "INS", "INT", "ITH", "JAI", "JEW", "JHW", "JUD", "LAB", "LDS",
    "LEG", "MED", "MIL", "MNC", "MOD", "MOS", "MRN", "MUS", "NGM", "NGO", "NRM", "OPP",
    "PAG", "PRO", "PTY", "RAD", "REB", "REF", "SEP", "SFI", "SHI", "SHN", "SIK", "SPY",
    "TAO", "UAF", "UDS", "UNO", "ZRO", NULL,
  };
  return g_strv_contains (sectors, group);
}

static gboolean
is_place_code (const char *code, gsize n)
{
  if (n == 0 || n % 3 != 0 || n > 6)
    return FALSE;
  for (gsize i = 0; i < n; i += 3)
    {
      char group[4] = { code[i], code[i + 1], code[i + 2], '\0' };
      for (guint k = 0; k < 3; k++)
        if (!g_ascii_isupper (group[k]))
          return FALSE;
      if (is_sector_code (group))
        return FALSE;
    }
  return TRUE;
}

/* The head word of an English noun phrase: the last word before "of",
 * "for", "in" ... ("MINISTRY OF DEFENSE" -> MINISTRY). */
static char *
head_word (const char *name)
{
  static const char *const cuts[] = {
    "OF", "FOR", "IN", "ON", "AT", "TO", "AGAINST", "FROM", "WITH", NULL,
  };
  char *upper = g_utf8_strup (name, -1);
  char **words = g_strsplit (upper, " ", -1);
  guint n = 0;
  while (words[n] != NULL && (n == 0 || !g_strv_contains (cuts, words[n])))
    n++;
  char *head = g_strdup (n > 0 ? words[n - 1] : "");
  g_strfreev (words);
  g_free (upper);
  /* ANARCHISTS' -> ANARCHISTS, (AAIA) -> AAIA */
  char *end = head + strlen (head);
  while (end > head && !g_ascii_isalnum (end[-1]))
    *--end = '\0';
  if (g_str_has_suffix (head, "'S"))
    head[strlen (head) - 2] = '\0';
  return head;
}

static const char *const place_heads[] = {
  "CITY", "PROVINCE", "PROVINCES", "REGION", "DISTRICT", "RIVER", "ISLAND", "ISLANDS",
  "DESERT", "VALLEY", "MOUNTAIN", "MOUNTAINS", "GULF", "SEA", "OCEAN", "STRAIT",
  "PENINSULA", "BAY", "LAKE", "CANAL", "TERRITORY", "TERRITORIES", "STRIP", "HEIGHTS",
  "COUNTY", "OBLAST", "GOVERNORATE", "AIRPORT", "PORT", "HARBOR", "HARBOUR", NULL,
};

static const char *const organization_heads[] = {
  "ADMINISTRATION", "AGENCY", "ALLIANCE", "ARMY", "ASSEMBLY", "ASSOCIATION", "AUTHORITY",
  "BANK", "BATTALION", "BOARD", "BRIGADE", "BRIGADES", "BUREAU", "CABINET", "CELL",
  "CELLS", "CENTER", "CENTRE", "CHAMBER", "COALITION", "COMMAND", "COMMISSION",
  "COMMITTEE", "COMPANY", "CONFERENCE", "CONGRESS", "CORP", "CORPORATION", "CORPS",
  "COUNCIL", "COURT", "DEPARTMENT", "DIVISION", "FACTION", "FEDERATION", "FORCE", "FORCES",
  "FOUNDATION", "FRONT", "FUND", "GOVERNMENT", "GROUP", "GROUPS", "GUARD", "GUARDS", "INC",
  "INSTITUTE", "JUNTA", "LEAGUE", "LTD", "MILITIA", "MILITIAS", "MINISTRY", "MISSION",
  "MOVEMENT", "NAVY", "NETWORK", "OFFICE", "ORGANISATION", "ORGANIZATION", "PARLIAMENT",
  "PARTY", "POLICE", "POLITBURO", "PRESIDIUM", "PROGRAM", "PROGRAMME", "REGIME",
  "REGIMENT", "SECRETARIAT", "SENATE", "SERVICE", "SERVICES", "SOCIETY", "SOVIET", "SQUAD",
  "STATE", "TRIBUNAL", "UNION", "UNIT", "UNITS", "UNIVERSITY", NULL,
};

/* Arabic words that open the names of armed groups and parties
 * ("JABHAT AL-NUSRA", "JAISH AL-ISLAM"): the head comes first there. */
static const char *const organization_openers[] = {
  "ALWIYAT", "ANSAR", "ASAIB", "FAYLAQ", "HARAKAT", "HARAKAH", "HIZB", "JABHAT", "JABHA",
  "JAISH", "JAYSH", "KATAIB", "KATIBAT", "LIWA", "MAJLIS", "SARAYA", "TANZIM", NULL,
};

/* The first word of @name, upper case, without a trailing hyphen part. */
static char *
first_word (const char *name)
{
  char *upper = g_utf8_strup (name, -1);
  upper[strcspn (upper, " -")] = '\0';
  return upper;
}

static const char *const person_heads[] = {
  "AMBASSADOR", "CHAIRMAN", "CHAIRWOMAN", "CHANCELLOR", "CHIEF", "COMMANDER", "DIRECTOR",
  "EMIR", "ENVOY", "GENERAL", "GOVERNOR", "KING", "LEADER", "MAYOR", "MINISTER", "MONARCH",
  "POPE", "PREMIER", "PRESIDENT", "PRINCE", "PRINCESS", "QUEEN", "RAPPORTEUR",
  "REPRESENTATIVE", "SECRETARY", "SPOKESMAN", "SPOKESPERSON", "SPOKESWOMAN", "SULTAN", NULL,
};

/* The type of an entry (README, "PETRARCH"), first rule that applies:
 * codes naming only countries, regions or dependencies -> place; a
 * company code (MNC) -> organization; an entry of a leader roster
 * (CountryInfo, IGOrulers) -> person; the head word of the first name (an
 * organization word, a title) or an Arabic group word opening it
 * (JABHAT, JAISH, KATAIB ...); dated roles or the elite role (ELI) ->
 * person; a geographic head word -> place; else organization. */
static const char *
petrarch_type (const Record *record, const char *first_name)
{
  gboolean place = FALSE, other = FALSE, dated = FALSE, company = FALSE, elite = FALSE;
  for (guint i = 0; i < record->codes->len; i++)
    {
      const char *code = g_ptr_array_index (record->codes, i);
      gsize n = strcspn (code, " ");
      if (strncmp (code, "---", 3) == 0)
        continue;
      dated |= code[n] != '\0';
      company |= strncmp (code, "MNC", 3) == 0;
      elite |= n >= 3 && strncmp (code + n - 3, "ELI", 3) == 0;
      if (is_place_code (code, n))
        place = TRUE;
      else
        other = TRUE;
    }
  if (place && !other)
    return "place";
  if (company)
    return "organization";
  if (record->roster)
    return "person";
  char *head = head_word (first_name);
  char *opener = first_word (first_name);
  const char *type = NULL;
  if (g_strv_contains (organization_heads, head) || g_strv_contains (organization_openers, opener))
    type = "organization";
  else if (g_strv_contains (person_heads, head))
    type = "person";
  else if (dated || elite)
    type = "person";
  else if (g_strv_contains (place_heads, head))
    type = "place";
  g_free (head);
  g_free (opener);
  return type != NULL ? type : "organization";
}

/* A one-word name of at most 4 letters that is an acronym: it keeps its
 * capitals-only policy (UN, LNA, U.N.); "IRAN" or "CHAD" do not qualify. */
static gboolean
is_short_acronym (const char *name, gboolean org, gboolean acronym)
{
  guint letters = 0;
  for (const char *p = name; *p != '\0'; p++)
    letters += g_ascii_isalpha (*p) != 0;
  return strchr (name, ' ') == NULL && letters <= 4
         && (acronym || is_acronym (name, org, 4));
}

/* One name of an entry, ready to be an alias. */
typedef struct {
  char *name;
  guint line;
  gboolean acronym;   /* taken from "(...)": an acronym whatever its letters */
} Name;

/* Turns the finished record into an actor. */
static void
petrarch_flush (Import *imp, Petrarch *pt)
{
  Record *record = pt->record;
  pt->record = NULL;
  if (record == NULL)
    return;

  /* Phrases -> names. A trailing "(...)" qualifies the name: the name
   * without it is what text says, and an acronym of the name's initials in
   * it, "ADEN ABYAN ISLAMIC ARMY (AAIA)", is a name too. A phrase seen
   * before in the file is dropped, as PETRARCH keeps the first; so are
   * names derived from a qualifier that the file already has. */
  GArray *names = g_array_new (FALSE, FALSE, sizeof (Name));
  char *first_full = NULL;
  for (guint i = 0; i < record->phrases->len; i++)
    {
      const Phrase *phrase = g_ptr_array_index (record->phrases, i);
      char *full = phrase_name (phrase->written);
      if (*full == '\0')
        {
          g_free (full);
          continue;
        }
      char *key = g_utf8_strup (full, -1);
      gpointer seen;
      if (g_hash_table_lookup_extended (pt->phrases, key, NULL, &seen))
        {
          import_warn (imp, phrase->line, "duplicate phrase '%s' (also at %u)",
                       phrase->written, GPOINTER_TO_UINT (seen));
          g_free (key);
          g_free (full);
          continue;
        }
      g_hash_table_insert (pt->phrases, key, GUINT_TO_POINTER (phrase->line));
      if (first_full == NULL)
        first_full = g_strdup (full);

      char *base = g_strdup (full);
      char *inner = NULL;
      gsize n = strlen (base);
      char *open = strchr (base, '(');
      if (n > 0 && base[n - 1] == ')' && open != NULL && open > base && open[-1] == ' '
          && strchr (open + 1, '(') == NULL)
        {
          inner = g_strndup (open + 1, n - (gsize) (open - base) - 2);
          open[-1] = '\0';
          g_strstrip (base);
          if (!is_initials (inner, base))
            g_clear_pointer (&inner, g_free);
        }
      char *derived[] = { base, inner };
      for (guint k = 0; k < G_N_ELEMENTS (derived); k++)
        {
          if (derived[k] == NULL || *derived[k] == '\0')
            continue;
          const char *text = derived[k];
          char *derived_key = g_utf8_strup (text, -1);
          if (k > 0 || strcmp (derived_key, key) != 0)
            {
              if (g_hash_table_contains (pt->phrases, derived_key))
                {
                  g_free (derived_key);
                  /* without a name of its own the phrase keeps its qualifier */
                  if (k > 0)
                    continue;
                  text = full;
                }
              else
                g_hash_table_insert (pt->phrases, derived_key, GUINT_TO_POINTER (phrase->line));
            }
          else
            g_free (derived_key);
          Name entry = { g_strdup (text), phrase->line, k > 0 };
          g_array_append_val (names, entry);
        }
      g_free (base);
      g_free (inner);
      g_free (full);
    }

  if (names->len > 0)
    {
      const Name *first = &g_array_index (names, Name, 0);
      if (record->codes->len == 0)
        import_warn (imp, first->line, "'%s' has no CAMEO code",
                     ((Phrase *) g_ptr_array_index (record->phrases, 0))->written);
      const char *type = petrarch_type (record, first->name);
      gboolean org = strcmp (type, "organization") == 0;
      /* The label and id keep the qualifier: "Congo (Brazzaville)". */
      char *label = title_case (first_full, org);
      char *base = make_id (first_full);
      char *id = unique_id (imp, base, NULL);
      guint actor = add_actor (imp, first->line, id, type, label);
      if (actor != G_MAXUINT)
        {
          for (guint i = 0; i < names->len; i++)
            {
              const Name *name = &g_array_index (names, Name, i);
              /* CAMEO writes everything in capitals, so capitals say
               * nothing about case, except in short acronyms. */
              if (is_short_acronym (name->name, org, name->acronym))
                add_alias (imp, name->line, actor, name->name, ACTNET_CASE_POLICY_DEFAULT);
              else if (name->acronym)
                add_alias (imp, name->line, actor, name->name, ACTNET_CASE_POLICY_ANY);
              else
                {
                  /* the case of an any-case alias is for the reader only */
                  char *text = title_case (name->name, FALSE);
                  add_alias (imp, name->line, actor, text, ACTNET_CASE_POLICY_ANY);
                  g_free (text);
                }
            }
          if (record->codes->len > 0)
            {
              GString *codes = g_string_new (NULL);
              for (guint i = 0; i < record->codes->len; i++)
                g_string_append_printf (codes, "%s%s", i > 0 ? ";" : "",
                                        (char *) g_ptr_array_index (record->codes, i));
              actnet_i_gazetteer_load_attribute (imp->load, first->line, actor, "cameo",
                                                 codes->str);
              g_string_free (codes, TRUE);
            }
        }
      g_free (label);
      g_free (base);
      g_free (id);
    }
  for (guint i = 0; i < names->len; i++)
    g_free (g_array_index (names, Name, i).name);
  g_array_unref (names);
  g_free (first_full);
  record_free (record);
}

/* Removes <!-- ... --> comments, also across lines. */
static void
strip_markup_comments (Petrarch *pt, char *line)
{
  char *p = line;
  for (;;)
    {
      if (pt->in_comment)
        {
          char *end = strstr (p, "-->");
          if (end == NULL)
            {
              *p = '\0';
              return;
            }
          memmove (p, end + 3, strlen (end + 3) + 1);
          pt->in_comment = FALSE;
        }
      char *start = strstr (p, "<!--");
      if (start == NULL)
        return;
      *start = '\0';
      char *rest = start + 4;
      char *end = strstr (rest, "-->");
      if (end == NULL)
        {
          pt->in_comment = TRUE;
          return;
        }
      memmove (start, end + 3, strlen (end + 3) + 1);
      p = start;
    }
}

/* Entries generated from leader rosters say so in a comment. */
static gboolean
is_roster_comment (const char *comment)
{
  return strstr (comment, "CountryInfo") != NULL || strstr (comment, "IGOrulers") != NULL;
}

static gboolean
petrarch_line (Import *imp, char *line, guint number, gpointer data, GError **error)
{
  Petrarch *pt = data;
  if (pt->stopped)
    return TRUE;
  strip_markup_comments (pt, line);
  char *hash = strchr (line, '#');
  const char *comment = "";
  if (hash != NULL)
    {
      *hash = '\0';
      comment = hash + 1;
    }
  if (strstr (line, "---STOP---") != NULL)
    {
      pt->stopped = TRUE;
      return TRUE;
    }
  const char *first = line;
  while (*first == ' ' || *first == '\t')
    first++;
  if (*first == '\0')
    return TRUE;
  if (*first == '<')   /* other markup (<ISSUE ...>, </ISSUE>) carries no actor */
    return TRUE;

  gboolean roster = is_roster_comment (comment);
  if (first != line)
    {
      /* an indented line: date restrictions */
      if (strchr (first, '[') == NULL)
        import_warn (imp, number,
                     "indented line without a [CODE] skipped");
      else
        petrarch_codes (imp, pt, first, number);
      if (pt->record != NULL)
        pt->record->roster |= roster;
      return TRUE;
    }

  gboolean synonym = *line == '+';
  char *phrase = synonym ? line + 1 : line;
  gsize phrase_length = strcspn (phrase, "[\t;");
  char *rest = phrase + phrase_length;
  /* TABARI's "; comment" after a phrase */
  char *semicolon = strchr (rest, ';');
  if (semicolon != NULL)
    {
      roster |= is_roster_comment (semicolon);
      *semicolon = '\0';
    }
  char saved = *rest;
  *rest = '\0';
  char *written = g_strdup (phrase);
  *rest = saved;

  if (synonym)
    {
      if (pt->record == NULL)
        import_warn (imp, number, "synonym '+%s' before any phrase; skipped",
                     g_strstrip (written));
      else
        record_add_phrase (imp, pt, written, number);
    }
  else
    {
      /* A primary phrase starts a new entry once the current one has a
       * code; until then it is one more name of it (PETRARCH shares the
       * codes that follow among such phrases). */
      if (pt->record != NULL && pt->record->codes->len > 0)
        petrarch_flush (imp, pt);
      if (pt->record == NULL)
        pt->record = record_new ();
      record_add_phrase (imp, pt, written, number);
    }
  g_free (written);
  petrarch_codes (imp, pt, rest, number);
  if (pt->record != NULL)
    pt->record->roster |= roster;
  return TRUE;
}

static gboolean
import_petrarch (Import *imp, char *text, gsize length, GError **error)
{
  Petrarch pt = { 0 };
  pt.phrases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean ok = for_each_line (imp, text, length, petrarch_line, &pt, error);
  petrarch_flush (imp, &pt);
  g_hash_table_destroy (pt.phrases);
  return ok;
}

/* ---- spaCy EntityRuler patterns ------------------------------------------ */

typedef struct {
  char *label;           /* the spaCy label, as written */
  char *id;              /* NULL without "id" */
  char *text;            /* the phrase */
  ActnetCasePolicy policy;
  gboolean cased;        /* the phrase shows its case (string or ORTH/TEXT) */
  guint line;
} SpacyEntry;

static void
spacy_entry_free (gpointer data)
{
  SpacyEntry *entry = data;
  g_free (entry->label);
  g_free (entry->id);
  g_free (entry->text);
  g_free (entry);
}

/* "PERSON" -> person ... (README, "spaCy"). */
static char *
spacy_type (const char *label)
{
  static const struct {
    const char *label;
    const char *type;
  } map[] = {
    { "PERSON", "person" }, { "PER", "person" }, { "ORG", "organization" },
    { "NORP", "group" }, { "GPE", "place" }, { "LOC", "place" }, { "FAC", "place" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_ascii_strcasecmp (label, map[i].label) == 0)
      return g_strdup (map[i].type);
  return sanitize_type (label);
}

/* Token texts joined as they were written: no space before punctuation or
 * a clitic ("'s"), none around a hyphen or slash (al - qaeda -> al-qaeda). */
static void
append_token (GString *out, const char *token)
{
  if (out->len > 0)
    {
      char last = out->str[out->len - 1];
      gboolean glue = last == '-' || last == '/' || token[0] == '-' || token[0] == '/'
                      || token[0] == '\'' || g_str_has_prefix (token, "\xE2\x80\x99")
                      || (g_ascii_ispunct (token[0]) && token[1] == '\0');
      if (!glue)
        g_string_append_c (out, ' ');
    }
  g_string_append (out, token);
}

/* Reads the "pattern" of one line into @entry, or says why not. */
static gboolean
spacy_pattern (JsonNode *pattern, SpacyEntry *entry, char **why)
{
  if (JSON_NODE_HOLDS_VALUE (pattern) && json_node_get_value_type (pattern) == G_TYPE_STRING)
    {
      entry->text = clean_space (json_node_get_string (pattern));
      entry->policy = ACTNET_CASE_POLICY_DEFAULT;
      entry->cased = TRUE;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (pattern))
    {
      *why = g_strdup ("\"pattern\" is neither a string nor a list of tokens");
      return FALSE;
    }
  JsonArray *tokens = json_node_get_array (pattern);
  guint n = json_array_get_length (tokens);
  GString *text = g_string_new (NULL);
  const char *kind = NULL;   /* "LOWER" or "ORTH" (TEXT counts as ORTH) */
  for (guint i = 0; i < n && *why == NULL; i++)
    {
      JsonNode *node = json_array_get_element (tokens, i);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          *why = g_strdup ("a token that is not an object");
          break;
        }
      JsonObject *token = json_node_get_object (node);
      GList *members = json_object_get_members (token);
      /* the first attribute that is not LOWER, ORTH or TEXT names the reason */
      const char *key = members != NULL ? members->data : NULL;
      for (GList *m = members; m != NULL; m = m->next)
        if (g_ascii_strcasecmp (m->data, "LOWER") != 0 && g_ascii_strcasecmp (m->data, "ORTH") != 0
            && g_ascii_strcasecmp (m->data, "TEXT") != 0)
          {
            key = m->data;
            break;
          }
      gboolean lower = key != NULL && g_ascii_strcasecmp (key, "LOWER") == 0;
      gboolean orth = key != NULL && (g_ascii_strcasecmp (key, "ORTH") == 0
                                      || g_ascii_strcasecmp (key, "TEXT") == 0);
      JsonNode *value = key != NULL ? json_object_get_member (token, key) : NULL;
      if (key == NULL)
        *why = g_strdup ("an empty token");
      else if (!lower && !orth)
        *why = g_strdup_printf ("uses '%s'", key);
      else if (json_object_get_size (token) != 1)
        *why = g_strdup ("a token with several attributes");
      else if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        *why = g_strdup_printf ("'%s' is not a plain string", key);
      else if (kind != NULL && strcmp (kind, lower ? "LOWER" : "ORTH") != 0)
        *why = g_strdup ("mixes LOWER with ORTH/TEXT");
      else
        {
          kind = lower ? "LOWER" : "ORTH";
          char *clean = clean_space (json_node_get_string (value));
          append_token (text, clean);
          g_free (clean);
        }
      g_list_free (members);
    }
  if (*why == NULL && n == 0)
    *why = g_strdup ("an empty token list");
  if (*why != NULL)
    {
      g_string_free (text, TRUE);
      return FALSE;
    }
  entry->text = g_string_free (text, FALSE);
  entry->cased = strcmp (kind, "ORTH") == 0;
  entry->policy = entry->cased ? ACTNET_CASE_POLICY_DEFAULT : ACTNET_CASE_POLICY_ANY;
  return TRUE;
}

typedef struct {
  JsonParser *parser;
  GPtrArray *entries;   /* SpacyEntry* */
} Spacy;

static gboolean
spacy_line (Import *imp, char *line, guint number, gpointer data, GError **error)
{
  Spacy *sp = data;
  const char *p = line;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '\0')
    return TRUE;
  /* json-glib recurses per level: a hostile line would overflow the stack. */
  if (actnet_i_json_too_deep (p, strlen (p), ACTNET_I_JSON_MAX_DEPTH))
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_LIMIT, "%s:%u: JSON nested deeper than %u levels",
                   actnet_i_gazetteer_load_get_name (imp->load), number,
                   (guint) ACTNET_I_JSON_MAX_DEPTH);
      return FALSE;
    }
  GError *json_error = NULL;
  if (!json_parser_load_from_data (sp->parser, line, -1, &json_error))
    {
      /* json-glib's own "<data>:1:4: " position is not the file's; it
       * quotes the bad token cut at a byte count, maybe inside a character. */
      g_autofree char *valid = g_utf8_make_valid (json_error->message, -1);
      const char *why = strstr (valid, "Parse error");
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_PARSE, "%s:%u: not JSON: %s",
                   actnet_i_gazetteer_load_get_name (imp->load), number,
                   why != NULL ? why : valid);
      g_error_free (json_error);
      return FALSE;
    }
  JsonNode *root = json_parser_get_root (sp->parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_PARSE,
                   "%s:%u: expected one JSON object a line (a spaCy pattern)",
                   actnet_i_gazetteer_load_get_name (imp->load), number);
      return FALSE;
    }
  JsonObject *object = json_node_get_object (root);
  JsonNode *label = json_object_get_member (object, "label");
  JsonNode *pattern = json_object_get_member (object, "pattern");
  JsonNode *id = json_object_get_member (object, "id");
  if (label == NULL || !JSON_NODE_HOLDS_VALUE (label)
      || json_node_get_value_type (label) != G_TYPE_STRING
      || *json_node_get_string (label) == '\0')
    {
      import_warn (imp, number, "no \"label\" string; skipped");
      return TRUE;
    }
  if (pattern == NULL)
    {
      import_warn (imp, number, "no \"pattern\"; skipped");
      return TRUE;
    }
  SpacyEntry *entry = g_new0 (SpacyEntry, 1);
  entry->line = number;
  char *why = NULL;
  if (!spacy_pattern (pattern, entry, &why))
    {
      import_warn (imp, number, "pattern is not a plain phrase (%s); skipped",
                   why);
      g_free (why);
      spacy_entry_free (entry);
      return TRUE;
    }
  if (*entry->text == '\0')
    {
      import_warn (imp, number, "empty pattern; skipped");
      spacy_entry_free (entry);
      return TRUE;
    }
  entry->label = g_utf8_make_valid (json_node_get_string (label), -1);
  if (id != NULL && JSON_NODE_HOLDS_VALUE (id))
    {
      GType type = json_node_get_value_type (id);
      if (type == G_TYPE_STRING)
        entry->id = sanitize_id (json_node_get_string (id));
      else if (type == G_TYPE_INT64)
        entry->id = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (id));
      if (entry->id != NULL && *entry->id == '\0')
        g_clear_pointer (&entry->id, g_free);
    }
  g_ptr_array_add (sp->entries, entry);
  return TRUE;
}

/* Entries -> actors: one per id, or per distinct (label, pattern). */
static void
spacy_build (Import *imp, GPtrArray *entries)
{
  /* Explicit ids are reserved first, so a made-up id never takes one. */
  GHashTable *reserved = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < entries->len; i++)
    {
      SpacyEntry *entry = g_ptr_array_index (entries, i);
      if (entry->id != NULL)
        g_hash_table_add (reserved, entry->id);
    }

  GHashTable *groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *order = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < entries->len; i++)
    {
      SpacyEntry *entry = g_ptr_array_index (entries, i);
      char *key = entry->id != NULL ? g_strconcat ("i\x1F", entry->id, NULL)
                                    : g_strconcat ("p\x1F", entry->label, "\x1F", entry->text, NULL);
      GPtrArray *group = g_hash_table_lookup (groups, key);
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_ptr_array_add (order, group);
          g_hash_table_insert (groups, key, group);
        }
      else
        g_free (key);
      g_ptr_array_add (group, entry);
    }

  for (guint g = 0; g < order->len; g++)
    {
      GPtrArray *group = g_ptr_array_index (order, g);
      SpacyEntry *first = g_ptr_array_index (group, 0);
      /* The label: the first name that shows its case. */
      SpacyEntry *named = NULL;
      for (guint i = 0; i < group->len && named == NULL; i++)
        if (((SpacyEntry *) g_ptr_array_index (group, i))->cased)
          named = g_ptr_array_index (group, i);
      char *label = named != NULL ? g_strdup (named->text) : title_case (first->text, FALSE);
      char *type = spacy_type (first->label);
      char *id;
      if (first->id != NULL)
        id = g_strdup (first->id);
      else
        {
          char *base = make_id (first->text);
          id = unique_id (imp, base, reserved);
          g_free (base);
        }
      guint actor = add_actor (imp, first->line, id, type, label);
      if (actor != G_MAXUINT)
        {
          for (guint i = 0; i < group->len; i++)
            {
              SpacyEntry *entry = g_ptr_array_index (group, i);
              char *entry_type = i > 0 ? spacy_type (entry->label) : NULL;
              if (entry_type != NULL && strcmp (entry_type, type) != 0)
                import_warn (imp, entry->line,
                             "label '%s' of '%s' conflicts with '%s' at line %u; "
                             "kept '%s'", entry->label, id, first->label,
                             first->line, first->label);
              g_free (entry_type);
              add_alias (imp, entry->line, actor, entry->text, entry->policy);
            }
          actnet_i_gazetteer_load_attribute (imp->load, first->line, actor, "spacy_label",
                                             first->label);
        }
      g_free (label);
      g_free (type);
      g_free (id);
    }
  g_ptr_array_unref (order);
  g_hash_table_destroy (groups);
  g_hash_table_destroy (reserved);
}

static gboolean
import_spacy (Import *imp, char *text, gsize length, GError **error)
{
  Spacy sp = { json_parser_new_immutable (), g_ptr_array_new_with_free_func (spacy_entry_free) };
  gboolean ok = for_each_line (imp, text, length, spacy_line, &sp, error);
  if (ok)
    spacy_build (imp, sp.entries);
  g_ptr_array_unref (sp.entries);
  g_object_unref (sp.parser);
  return ok;
}

/* ---- GATE gazetteers ------------------------------------------------------ */

/* GATE majorType -> our type (README, "GATE"). */
static char *
gate_type (const char *major)
{
  static const char *const places[] = {
    "country", "city", "province", "region", "state", "county", "continent", "airport",
    "facility", "location", NULL,
  };
  static const char *const organizations[] = {
    "company", "government", "organization", "organisation", NULL,
  };
  char *lower = g_ascii_strdown (major, -1);
  char *type;
  if (g_str_has_prefix (lower, "person"))
    type = g_strdup ("person");
  else if (g_str_has_prefix (lower, "org") || g_strv_contains (organizations, lower))
    type = g_strdup ("organization");
  else if (g_str_has_prefix (lower, "loc") || g_strv_contains (places, lower))
    type = g_strdup ("place");
  else
    type = sanitize_type (lower);
  g_free (lower);
  return type;
}

typedef struct {
  char *stem;
  char *fields[5];      /* file, majorType, minorType, language, annotationType */
  GHashTable *seen;     /* entry -> line */
} GateList;

/* Where the features of an entry start: at a '&' or tab followed by
 * "name=" ("AT&T" stays one entry), or NULL. */
static char *
gate_features_start (char *entry)
{
  for (char *p = entry; *p != '\0'; p++)
    if (*p == '&' || *p == '\t')
      {
        const char *q = p + 1;
        while (g_ascii_isalnum (*q) || *q == '_' || *q == '-' || *q == '.')
          q++;
        if (q > p + 1 && *q == '=')
          return p;
      }
  return NULL;
}

static gboolean
gate_entry (Import *imp, char *line, guint number, gpointer data, GError **error)
{
  GateList *list = data;
  char *features = gate_features_start (line);
  char separator[2] = { '\0', '\0' };
  if (features != NULL)
    {
      /* the separator found is the one used between all features */
      separator[0] = *features;
      *features++ = '\0';
    }
  char *entry = clean_space (line);
  if (*entry == '\0')
    {
      g_free (entry);
      return TRUE;
    }
  gpointer first;
  if (g_hash_table_lookup_extended (list->seen, entry, NULL, &first))
    {
      import_warn (imp, number, "duplicate entry '%s' (also at %u); skipped",
                   entry, GPOINTER_TO_UINT (first));
      g_free (entry);
      return TRUE;
    }
  g_hash_table_insert (list->seen, g_strdup (entry), GUINT_TO_POINTER (number));

  char *stem_id = make_id (list->stem);
  char *entry_id = make_id (entry);
  char *base = g_strconcat (stem_id, "_", entry_id, NULL);
  char *id = unique_id (imp, base, NULL);
  char *type = gate_type (list->fields[1]);
  guint actor = add_actor (imp, number, id, type, entry);
  if (actor != G_MAXUINT)
    {
      static const char *const keys[] = { NULL, "majorType", "minorType", "language",
                                          "annotationType" };
      for (guint i = 1; i < 5; i++)
        if (list->fields[i] != NULL && *list->fields[i] != '\0')
          actnet_i_gazetteer_load_attribute (imp->load, number, actor, keys[i], list->fields[i]);
      if (features != NULL)
        {
          char **pairs = g_strsplit (features, separator, -1);
          for (char **pair = pairs; *pair != NULL; pair++)
            {
              char *equals = strchr (*pair, '=');
              if (g_strstrip (*pair)[0] == '\0')
                continue;
              if (equals == NULL || equals == *pair)
                {
                  import_warn (imp, number,
                               "feature '%s' is not name=value; ignored", *pair);
                  continue;
                }
              *equals = '\0';
              actnet_i_gazetteer_load_attribute (imp->load, number, actor, g_strstrip (*pair),
                                                 g_strstrip (equals + 1));
            }
          g_strfreev (pairs);
        }
    }
  g_free (stem_id);
  g_free (entry_id);
  g_free (base);
  g_free (id);
  g_free (type);
  g_free (entry);
  return TRUE;
}

typedef struct {
  char *dir;
  char *def_name;
} Gate;

static gboolean
gate_definition (Import *imp, char *line, guint number, gpointer data, GError **error)
{
  Gate *gate = data;
  char *text = g_strstrip (line);
  if (*text == '\0' || *text == '#')
    return TRUE;
  GateList list = { 0 };
  char **fields = g_strsplit (text, ":", 5);
  guint n = g_strv_length (fields);
  for (guint i = 0; i < n; i++)
    list.fields[i] = g_strstrip (fields[i]);
  if (n < 2 || *list.fields[0] == '\0' || *list.fields[1] == '\0')
    {
      import_warn (imp, number,
                   "expected FILE.lst:majorType[:minorType[:language[:annotationType]]]; "
                   "skipped");
      g_strfreev (fields);
      return TRUE;
    }
  char *path = g_path_is_absolute (list.fields[0])
                 ? g_strdup (list.fields[0])
                 : g_build_filename (gate->dir, list.fields[0], NULL);
  char *contents = NULL;
  gsize length = 0;
  GError *read_error = NULL;
  gboolean ok = g_file_get_contents (path, &contents, &length, &read_error);
  if (!ok)
    {
      g_set_error (error, read_error->domain, read_error->code, "%s:%u: %s", gate->def_name,
                   number, read_error->message);
      g_error_free (read_error);
    }
  else
    {
      char *base = g_path_get_basename (list.fields[0]);
      char *dot = strrchr (base, '.');
      if (dot != NULL && dot != base)
        *dot = '\0';
      list.stem = base;
      list.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      /* The list's clean-up warnings name the list, the definition's
       * wait for their own turn. */
      flush_pending (imp, number);
      GArray *def_pending = imp->pending;
      guint def_next = imp->next_pending;
      imp->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
      imp->next_pending = 0;
      actnet_i_gazetteer_load_set_name (imp->load, path);
      gsize clean_length = 0;
      char *clean = clean_text (imp, contents, length, &clean_length, error);
      ok = clean != NULL && for_each_line (imp, clean, clean_length, gate_entry, &list, error);
      flush_pending (imp, G_MAXUINT);
      g_array_unref (imp->pending);
      imp->pending = def_pending;
      imp->next_pending = def_next;
      actnet_i_gazetteer_load_set_name (imp->load, gate->def_name);
      g_free (clean);
      g_hash_table_destroy (list.seen);
      g_free (base);
    }
  g_free (contents);
  g_free (path);
  g_strfreev (fields);
  return ok;
}

static gboolean
import_gate (Import *imp, char *text, gsize length, GError **error)
{
  Gate gate = { g_path_get_dirname (imp->path), g_strdup (imp->path) };
  gboolean ok = for_each_line (imp, text, length, gate_definition, &gate, error);
  g_free (gate.dir);
  g_free (gate.def_name);
  return ok;
}

/* ---- CSV and TSV place lists --------------------------------------------- */

/* Reads one record from *@p: fields split at @separator; with ',' or ';'
 * RFC 4180 quotes apply (a quoted field may hold separators, "" and line
 * breaks). Advances *@p and *@line past it. */
static GPtrArray *
csv_record (const char **p, const char *end, char separator, guint *line)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *q = *p;
  gboolean quotes = separator != '\t';
  for (;;)
    {
      if (quotes && q < end && *q == '"')
        {
          q++;
          while (q < end)
            {
              if (*q == '"')
                {
                  if (q + 1 < end && q[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      q += 2;
                      continue;
                    }
                  q++;
                  break;
                }
              if (*q == '\n')
                (*line)++;
              g_string_append_c (field, *q++);
            }
        }
      while (q < end && *q != separator && *q != '\n')
        g_string_append_c (field, *q++);
      if (field->len > 0 && field->str[field->len - 1] == '\r' && (q >= end || *q == '\n'))
        g_string_truncate (field, field->len - 1);
      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (q < end && *q == separator)
        {
          q++;
          continue;
        }
      break;
    }
  if (q < end)
    q++;   /* the line feed */
  (*line)++;
  *p = q;
  g_string_free (field, TRUE);
  return fields;
}

typedef struct {
  int id, label, aliases, type;   /* column indices, -1: none */
  GArray *attribute_columns;      /* int */
  GPtrArray *attribute_keys;      /* char* */
} Columns;

static int
find_column (GPtrArray *header, const char *name)
{
  for (guint i = 0; i < header->len; i++)
    if (g_ascii_strcasecmp (g_strstrip ((char *) g_ptr_array_index (header, i)), name) == 0)
      return (int) i;
  return -1;
}

static void
add_attribute_column (Columns *columns, int column, const char *key)
{
  g_array_append_val (columns->attribute_columns, column);
  g_ptr_array_add (columns->attribute_keys, g_strdup (key));
}

/* --columns "KEY=COLUMN,..." against the header. */
static gboolean
csv_columns_from_spec (Import *imp, const char *spec, GPtrArray *header, Columns *columns,
                       GError **error)
{
  char **items = g_strsplit (spec, ",", -1);
  gboolean ok = TRUE;
  for (char **item = items; *item != NULL && ok; item++)
    {
      char *text = g_strstrip (*item);
      if (*text == '\0')
        continue;
      char *equals = strchr (text, '=');
      if (equals == NULL || equals == text || equals[1] == '\0')
        {
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                       "invalid --columns item '%s' (expected KEY=COLUMN, such as label=name)", text);
          ok = FALSE;
          break;
        }
      *equals = '\0';
      char *key = g_strstrip (text);
      char *name = g_strstrip (equals + 1);
      int column = -1;
      gboolean number = TRUE;
      for (const char *c = name; *c != '\0'; c++)
        number &= g_ascii_isdigit (*c) != 0;
      if (number)
        column = atoi (name) - 1;
      else
        column = find_column (header, name);
      if (column < 0 || (guint) column >= header->len)
        {
          GString *names = g_string_new (NULL);
          for (guint i = 0; i < header->len; i++)
            g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                                    (char *) g_ptr_array_index (header, i));
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_NOT_FOUND,
                       "%s:1: no column '%s' (the header has %u: %s)",
                       actnet_i_gazetteer_load_get_name (imp->load), name, header->len, names->str);
          g_string_free (names, TRUE);
          ok = FALSE;
          break;
        }
      if (strcmp (key, "id") == 0)
        columns->id = column;
      else if (strcmp (key, "label") == 0 || strcmp (key, "name") == 0)
        columns->label = column;
      else if (strcmp (key, "aliases") == 0)
        columns->aliases = column;
      else if (strcmp (key, "type") == 0)
        columns->type = column;
      else
        add_attribute_column (columns, column, key);
    }
  g_strfreev (items);
  return ok;
}

/* Without --columns: id, label/name, aliases/altName, type by name; a
 * GeoNames list keeps country, population, lat and lon; any other list
 * keeps its other columns as attributes. */
static void
csv_default_columns (GPtrArray *header, Columns *columns)
{
  static const char *const ids[] = { "id", "cityId", "geonameid", NULL };
  static const char *const labels[] = { "label", "name", NULL };
  static const char *const aliases[] = { "aliases", "altName", "alternatenames",
                                         "alternate_names", NULL };
  for (guint i = 0; ids[i] != NULL && columns->id < 0; i++)
    columns->id = find_column (header, ids[i]);
  for (guint i = 0; labels[i] != NULL && columns->label < 0; i++)
    columns->label = find_column (header, labels[i]);
  for (guint i = 0; aliases[i] != NULL && columns->aliases < 0; i++)
    columns->aliases = find_column (header, aliases[i]);
  columns->type = find_column (header, "type");
  gboolean geonames = find_column (header, "cityId") >= 0 || find_column (header, "geonameid") >= 0;
  if (geonames)
    {
      static const char *const keep[] = { "country", "population", "lat", "lon", "latitude",
                                          "longitude", NULL };
      for (guint i = 0; keep[i] != NULL; i++)
        {
          int column = find_column (header, keep[i]);
          if (column >= 0)
            add_attribute_column (columns, column, g_ptr_array_index (header, column));
        }
      return;
    }
  for (guint i = 0; i < header->len; i++)
    if ((int) i != columns->id && (int) i != columns->label && (int) i != columns->aliases
        && (int) i != columns->type && *(char *) g_ptr_array_index (header, i) != '\0')
      add_attribute_column (columns, (int) i, g_ptr_array_index (header, i));
}

static const char *
field_at (GPtrArray *fields, int column)
{
  return column >= 0 && (guint) column < fields->len ? g_ptr_array_index (fields, column) : "";
}

static char
csv_separator (const char *path, const char *text, gsize length)
{
  if (has_suffix_ci (path, ".tsv") || has_suffix_ci (path, ".tab"))
    return '\t';
  if (has_suffix_ci (path, ".csv"))
    return ',';
  /* by the header: the most frequent of tab, comma, semicolon */
  const char *eol = memchr (text, '\n', length);
  gsize n = eol != NULL ? (gsize) (eol - text) : length;
  guint tabs = 0, commas = 0, semicolons = 0;
  for (gsize i = 0; i < n; i++)
    {
      tabs += text[i] == '\t';
      commas += text[i] == ',';
      semicolons += text[i] == ';';
    }
  if (tabs >= commas && tabs >= semicolons && tabs > 0)
    return '\t';
  return semicolons > commas ? ';' : ',';
}

static gboolean
import_csv (Import *imp, char *text, gsize length, GError **error)
{
  const char *p = text, *end = text + length;
  char separator = csv_separator (imp->path, text, length);
  guint line = 1;
  /* the header: the first line that is not blank */
  GPtrArray *header = NULL;
  while (p < end && header == NULL)
    {
      GPtrArray *record = csv_record (&p, end, separator, &line);
      if (record->len > 1 || *g_strstrip ((char *) g_ptr_array_index (record, 0)) != '\0')
        header = record;
      else
        g_ptr_array_unref (record);
    }
  if (header == NULL)
    return TRUE;

  Columns columns = { -1, -1, -1, -1, g_array_new (FALSE, FALSE, sizeof (int)),
                      g_ptr_array_new_with_free_func (g_free) };
  gboolean ok = TRUE;
  const char *spec = imp->options != NULL ? imp->options->columns : NULL;
  if (spec != NULL)
    ok = csv_columns_from_spec (imp, spec, header, &columns, error);
  else
    csv_default_columns (header, &columns);
  if (ok && columns.label < 0)
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_NOT_FOUND,
                   "%s:1: no label column (name or label); say which with --columns label=COLUMN",
                   actnet_i_gazetteer_load_get_name (imp->load));
      ok = FALSE;
    }
  const char *separators = imp->options != NULL && imp->options->alias_separator != NULL
                             && *imp->options->alias_separator != '\0'
                             ? imp->options->alias_separator : ",";

  while (ok && p < end)
    {
      guint number = line;
      GPtrArray *fields = csv_record (&p, end, separator, &line);
      if (fields->len == 1 && *g_strstrip ((char *) g_ptr_array_index (fields, 0)) == '\0')
        {
          g_ptr_array_unref (fields);
          continue;
        }
      if (fields->len != header->len)
        import_warn (imp, number, "%u fields, the header has %u",
                     fields->len, header->len);
      char *label = clean_space (field_at (fields, columns.label));
      if (*label == '\0')
        {
          import_warn (imp, number, "empty name; skipped");
          g_free (label);
          g_ptr_array_unref (fields);
          continue;
        }
      char *id = NULL;
      if (columns.id >= 0)
        {
          id = sanitize_id (field_at (fields, columns.id));
          if (*id == '\0')
            {
              import_warn (imp, number, "empty id; made from the name");
              g_clear_pointer (&id, g_free);
            }
          else if (actnet_i_gazetteer_load_has_id (imp->load, id))
            {
              guint first = actnet_gazetteer_lookup (imp->gaz, id);
              import_warn (imp, number,
                           "duplicate id '%s' (first defined at %s); skipped", id,
                           actnet_gazetteer_get_origin (imp->gaz, first));
              g_free (id);
              g_free (label);
              g_ptr_array_unref (fields);
              continue;
            }
        }
      if (id == NULL)
        {
          char *base = make_id (label);
          id = unique_id (imp, base, NULL);
          g_free (base);
        }
      const char *type_field = field_at (fields, columns.type);
      char *type = *type_field != '\0' ? sanitize_type (type_field) : g_strdup ("place");
      guint actor = add_actor (imp, number, id, type, label);
      if (actor != G_MAXUINT)
        {
          const char *aliases = field_at (fields, columns.aliases);
          if (*aliases != '\0')
            {
              char **names = g_strsplit (aliases, separators, -1);
              for (char **name = names; *name != NULL; name++)
                {
                  char *alias = clean_space (*name);
                  if (*alias != '\0')
                    add_alias (imp, number, actor, alias, ACTNET_CASE_POLICY_DEFAULT);
                  g_free (alias);
                }
              g_strfreev (names);
            }
          for (guint i = 0; i < columns.attribute_columns->len; i++)
            {
              int column = g_array_index (columns.attribute_columns, int, i);
              char *value = g_strstrip (g_strdup (field_at (fields, column)));
              if (*value != '\0')
                actnet_i_gazetteer_load_attribute (imp->load, number, actor,
                                                   g_ptr_array_index (columns.attribute_keys, i),
                                                   value);
              g_free (value);
            }
        }
      g_free (type);
      g_free (id);
      g_free (label);
      g_ptr_array_unref (fields);
    }
  g_array_unref (columns.attribute_columns);
  g_ptr_array_unref (columns.attribute_keys);
  g_ptr_array_unref (header);
  return ok;
}

/* ---- entry points -------------------------------------------------------- */

gboolean
actnet_gazetteer_import_data (ActnetGazetteer *gazetteer, const char *data, gssize length,
                              const char *name, ActnetGazetteerFormat format,
                              const ActnetImportOptions *options, GError **error)
{
  g_return_val_if_fail (gazetteer != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (name == NULL)
    name = "<data>";
  gsize len = length < 0 ? strlen (data) : (gsize) length;
  if (format == ACTNET_GAZETTEER_FORMAT_AUTO)
    {
      format = actnet_gazetteer_format_detect (name, data, len);
      /* --columns says the file is a list of names. */
      if (options != NULL && options->columns != NULL && format == ACTNET_GAZETTEER_FORMAT_NATIVE)
        format = ACTNET_GAZETTEER_FORMAT_CSV;
    }
  if (format == ACTNET_GAZETTEER_FORMAT_NATIVE)
    {
      if (options != NULL && options->type != NULL)
        {
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                       "%s: a native gazetteer has its own type column; --type applies to "
                       "the other formats", name);
          return FALSE;
        }
      return actnet_gazetteer_load_data (gazetteer, data, length, name, error);
    }

  Import imp = { gazetteer, actnet_i_gazetteer_load_begin (gazetteer, name), options, name,
                 g_array_new (FALSE, FALSE, sizeof (Pending)), 0 };
  gsize clean_length = 0;
  char *text = clean_text (&imp, data, len, &clean_length, error);
  gboolean ok = text != NULL;
  if (ok)
    switch (format)
      {
      case ACTNET_GAZETTEER_FORMAT_PETRARCH:
        ok = import_petrarch (&imp, text, clean_length, error);
        break;
      case ACTNET_GAZETTEER_FORMAT_SPACY:
        ok = import_spacy (&imp, text, clean_length, error);
        break;
      case ACTNET_GAZETTEER_FORMAT_GATE:
        ok = import_gate (&imp, text, clean_length, error);
        break;
      case ACTNET_GAZETTEER_FORMAT_CSV:
        ok = import_csv (&imp, text, clean_length, error);
        break;
      case ACTNET_GAZETTEER_FORMAT_AUTO:
      case ACTNET_GAZETTEER_FORMAT_NATIVE:
      default:
        g_assert_not_reached ();
      }
  g_free (text);
  flush_pending (&imp, G_MAXUINT);
  g_array_unref (imp.pending);
  return actnet_i_gazetteer_load_end (imp.load, ok);
}

gboolean
actnet_gazetteer_import_file (ActnetGazetteer *gazetteer, const char *path,
                              ActnetGazetteerFormat format, const ActnetImportOptions *options,
                              GError **error)
{
  g_return_val_if_fail (gazetteer != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A device (/dev/zero) would be read until memory runs out. */
  struct stat st;
  if (stat (path, &st) == 0 && !actnet_i_check_input_type (path, st.st_mode, error))
    return FALSE;
  char *contents = NULL;
  gsize length = 0;
  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  gboolean ok = actnet_gazetteer_import_data (gazetteer, contents, (gssize) length, path,
                                              format, options, error);
  g_free (contents);
  return ok;
}

gboolean
actnet_gazetteer_load_file_format (ActnetGazetteer *gazetteer, const char *path,
                                   ActnetGazetteerFormat format, GError **error)
{
  return actnet_gazetteer_import_file (gazetteer, path, format, NULL, error);
}
