/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet.h>

#include "input-limits.h"

#include <string.h>

/* A surface form an alias compiles to (actnet_alias_expand(): a person's
 * leading title dropped, each "[s,ish]" inflection). */
typedef struct {
  char *text;
  char *key;            /* actnet_text_normalize (text) */
  guint n_words;
  /* What the matcher checks of each word's case (see its compile step):
   * DEFAULT, one letter a word: 'u' no lower case (acronyms), 'f' first
   * letter upper, 'n' nothing; EXACT: the words as written. */
  char *sig;
} LintForm;

/* One alias of a linted actor, the label included, where it was written. */
typedef struct {
  char *written;        /* as written, trimmed, case prefix kept */
  const char *text;     /* inside written, after the prefix */
  ActnetCasePolicy policy;
  gboolean is_label;
  LintForm *forms;      /* the base form first */
  guint n_forms;
  guint actor;          /* index into ActnetLint.actors */
  guint file;           /* index into ActnetLint.files */
  guint line;
} LintAlias;

/* An actor; a later file's line with the same id merges into it, as the
 * loader does. */
typedef struct {
  char *id;
  char *type;           /* canonical */
  char *label;
  guint file;           /* where first defined */
  guint line;
  GArray *aliases;      /* guint indices into ActnetLint.aliases, load order */
} LintActor;

/* Every actor that has an alias with a given key, in load order. */
typedef struct {
  GArray *actors;       /* guint actor index, each once */
  gboolean reported;    /* ambiguous-alias already said */
} KeyEntry;

typedef struct {
  ActnetLintFinding pub;
  guint file;
  guint seq;
} Finding;

struct _ActnetLint {
  GPtrArray *files;      /* char* names, in the order added */
  GPtrArray *actors;     /* LintActor* */
  GArray *aliases;       /* LintAlias, in load order over all files */
  GHashTable *ids;       /* id (borrowed) -> actor index + 1 */
  GHashTable *words;     /* normalised word -> NULL; NULL when no list */
  ActnetGazetteer *loaded; /* the loader's view, for the `load` safety net */
  GArray *findings;      /* Finding */
  gboolean finished;
};

static const char *const column_names[] = { "id", "type", "label", "aliases", "attributes" };

static void
lint_alias_clear (gpointer data)
{
  LintAlias *alias = data;
  g_free (alias->written);
  for (guint i = 0; i < alias->n_forms; i++)
    {
      g_free (alias->forms[i].text);
      g_free (alias->forms[i].key);
      g_free (alias->forms[i].sig);
    }
  g_free (alias->forms);
}

static void
lint_actor_free (gpointer data)
{
  LintActor *actor = data;
  g_free (actor->id);
  g_free (actor->type);
  g_free (actor->label);
  g_array_unref (actor->aliases);
  g_free (actor);
}

static void
finding_clear (gpointer data)
{
  Finding *f = data;
  g_free ((char *) f->pub.actor);
  g_free ((char *) f->pub.alias);
  g_free ((char *) f->pub.message);
}

static void
key_entry_free (gpointer data)
{
  KeyEntry *entry = data;
  g_array_unref (entry->actors);
  g_free (entry);
}

ActnetLint *
actnet_lint_new (void)
{
  ActnetLint *lint = g_new0 (ActnetLint, 1);
  lint->files = g_ptr_array_new_with_free_func (g_free);
  lint->actors = g_ptr_array_new_with_free_func (lint_actor_free);
  lint->aliases = g_array_new (FALSE, FALSE, sizeof (LintAlias));
  g_array_set_clear_func (lint->aliases, lint_alias_clear);
  lint->ids = g_hash_table_new (g_str_hash, g_str_equal);
  lint->loaded = actnet_gazetteer_new ();
  lint->findings = g_array_new (FALSE, FALSE, sizeof (Finding));
  g_array_set_clear_func (lint->findings, finding_clear);
  return lint;
}

void
actnet_lint_free (ActnetLint *lint)
{
  if (lint == NULL)
    return;
  g_hash_table_destroy (lint->ids);
  g_ptr_array_unref (lint->actors);
  g_array_unref (lint->aliases);
  if (lint->words != NULL)
    g_hash_table_destroy (lint->words);
  actnet_gazetteer_free (lint->loaded);
  g_array_unref (lint->findings);
  g_ptr_array_unref (lint->files);
  g_free (lint);
}

const char *
actnet_lint_severity_to_string (ActnetLintSeverity severity)
{
  switch (severity)
    {
    case ACTNET_LINT_ERROR:
      return "error";
    case ACTNET_LINT_WARNING:
      return "warning";
    case ACTNET_LINT_NOTE:
    default:
      return "note";
    }
}

G_GNUC_PRINTF (7, 8) static void
add_finding (ActnetLint *lint, ActnetLintSeverity severity, guint file,
             guint line, const char *code, const char *actor_alias[2],
             const char *format, ...)
{
  va_list args;
  va_start (args, format);
  Finding f = {
    .pub = {
      .severity = severity,
      .file = g_ptr_array_index (lint->files, file),
      .line = line,
      .code = code,
      .actor = actor_alias != NULL && actor_alias[0] != NULL ? g_strdup (actor_alias[0]) : NULL,
      .alias = actor_alias != NULL && actor_alias[1] != NULL ? g_strdup (actor_alias[1]) : NULL,
      .message = g_strdup_vprintf (format, args),
    },
    .file = file,
    .seq = lint->findings->len,
  };
  va_end (args);
  g_array_append_val (lint->findings, f);
}

/* ---- word list ----------------------------------------------------------- */

void
actnet_lint_add_words (ActnetLint *lint, const char *data, gssize length)
{
  g_return_if_fail (lint != NULL);
  g_return_if_fail (data != NULL || length == 0);
  gsize len = length < 0 ? strlen (data) : (gsize) length;
  if (lint->words == NULL)
    lint->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *end = data + len;
  for (const char *p = data; p < end;)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      if (eol == NULL)
        eol = end;
      g_autofree char *word = g_strndup (p, (gsize) (eol - p));
      p = eol + 1;
      g_strstrip (word);
      if (*word == '\0' || !g_utf8_validate (word, -1, NULL))
        continue;
      /* Capitalised entries are proper nouns (Libya, Obama): names, which a
       * gazetteer is meant to hold. Possessives ("chad's") can never equal
       * a one-word alias. */
      gboolean keep = TRUE;
      for (const char *c = word; *c != '\0' && keep; c = g_utf8_next_char (c))
        {
          gunichar ch = g_utf8_get_char (c);
          if (g_unichar_isupper (ch) || g_unichar_istitle (ch) || ch == '\'')
            keep = FALSE;
        }
      if (keep)
        g_hash_table_add (lint->words, actnet_text_normalize (word, -1));
    }
}

gboolean
actnet_lint_load_words (ActnetLint *lint, const char *path, GError **error)
{
  g_return_val_if_fail (lint != NULL && path != NULL, FALSE);
  g_autofree char *contents = NULL;
  gsize length = 0;
  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  actnet_lint_add_words (lint, contents, (gssize) length);
  return TRUE;
}

gboolean
actnet_lint_has_words (const ActnetLint *lint)
{
  g_return_val_if_fail (lint != NULL, FALSE);
  return lint->words != NULL;
}

/* ---- line checks --------------------------------------------------------- */

static gboolean
is_blank (char c)
{
  /* The loader's notion of blank around fields (g_strstrip minus '\n',
   * which never occurs inside a line). */
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static gboolean
is_padded (const char *text)
{
  size_t n = strlen (text);
  return n > 0 && (is_blank (text[0]) || is_blank (text[n - 1]));
}

static gboolean
has_space_run (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (p[0] == ' ' && p[1] == ' ')
      return TRUE;
  return FALSE;
}

static gboolean
has_alnum (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
has_whitespace (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
lint_form_init (LintForm *form, const char *text, ActnetCasePolicy policy)
{
  form->text = g_strdup (text);
  form->key = actnet_text_normalize (text, -1);
  form->n_words = 0;
  GString *sig = g_string_new (NULL);
  g_autoptr (ActnetTokens) tokens = actnet_tokens_new (text, -1);
  const ActnetSymbol *symbols = actnet_tokens_get_symbols (tokens);
  for (guint i = 0; i < actnet_tokens_get_count (tokens); i++)
    {
      const ActnetSymbol *s = &symbols[i];
      if (s->kind != ACTNET_SYMBOL_WORD)
        continue;
      form->n_words++;
      if (policy == ACTNET_CASE_POLICY_EXACT)
        {
          g_string_append_len (sig, text + s->start, (gssize) (s->end - s->start));
          g_string_append_c (sig, ' ');
          continue;
        }
      guint cased = 0;
      for (const char *c = text + s->start; c < text + s->end; c = g_utf8_next_char (c))
        {
          gunichar ch = g_utf8_get_char (c);
          if (g_unichar_isupper (ch) || g_unichar_islower (ch) || g_unichar_istitle (ch))
            cased++;
        }
      if (cased >= 2 && !(s->case_flags & ACTNET_CASE_HAS_LOWER))
        g_string_append_c (sig, 'u');
      else if (s->case_flags & ACTNET_CASE_FIRST_UPPER)
        g_string_append_c (sig, 'f');
      else
        g_string_append_c (sig, 'n');
    }
  form->sig = g_string_free (sig, FALSE);
}

/* Fills @alias from its written form and the actor's @type (for the forms);
 * the caller sets actor, file, line. */
static void
lint_alias_init (LintAlias *alias, const char *written, gsize prefix,
                 ActnetCasePolicy policy, gboolean is_label, const char *type)
{
  alias->written = g_strdup (written);
  alias->text = alias->written + prefix;
  while (is_blank (*alias->text))
    alias->text++;
  alias->policy = policy;
  alias->is_label = is_label;
  g_auto (GStrv) forms = actnet_alias_expand (alias->text, type);
  alias->n_forms = g_strv_length (forms);
  alias->forms = g_new0 (LintForm, MAX (alias->n_forms, 1));
  for (guint i = 0; i < alias->n_forms; i++)
    lint_form_init (&alias->forms[i], forms[i], policy);
  if (alias->n_forms == 0)
    {
      /* Documented never to happen; keep one form all the same. */
      lint_form_init (&alias->forms[0], alias->text, policy);
      alias->n_forms = 1;
    }
}

/* Whether @later matches no text that @earlier does not: then listing it
 * adds nothing. A different case policy on the same words is deliberate
 * (~government of national accord beside the label), so it never counts. */
static gboolean
alias_subsumes (const LintAlias *earlier, const LintAlias *later)
{
  const LintForm *e_form = &earlier->forms[0], *l_form = &later->forms[0];
  if (earlier->policy != later->policy || strcmp (e_form->key, l_form->key) != 0
      || earlier->n_forms < later->n_forms)
    return FALSE;
  switch (earlier->policy)
    {
    case ACTNET_CASE_POLICY_ANY:
      return TRUE;
    case ACTNET_CASE_POLICY_EXACT:
      return strcmp (e_form->sig, l_form->sig) == 0;
    default:
      break;
    }
  /* Same key, so the same number of words. 'n' accepts any case, 'f' any
   * word starting with a capital (acronyms included), 'u' only acronyms. */
  for (const char *e = e_form->sig, *l = l_form->sig; *e != '\0' && *l != '\0'; e++, l++)
    if (!(*e == 'n' || *e == *l || (*e == 'f' && *l == 'u')))
      return FALSE;
  return TRUE;
}

typedef struct {
  ActnetLint *lint;
  guint file;
  guint line;
  const char *id;       /* stripped id, for the actor column */
  const char *type;     /* canonical type, for the alias forms ("" unknown) */
} LineContext;

G_GNUC_PRINTF (5, 6) static void
line_finding (const LineContext *ctx, ActnetLintSeverity severity,
              const char *code, const char *alias, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  const char *actor_alias[2] = { ctx->id != NULL && *ctx->id != '\0' ? ctx->id : NULL, alias };
  add_finding (ctx->lint, severity, ctx->file, ctx->line, code, actor_alias, "%s", message);
}

/* Checks the aliases column of one line and appends the usable aliases to
 * @aliases. */
static void
lint_aliases_column (const LineContext *ctx, const char *column, GArray *aliases)
{
  g_autofree char *stripped = g_strstrip (g_strdup (column));
  if (*stripped == '\0')
    {
      if (*column != '\0')
        line_finding (ctx, ACTNET_LINT_WARNING, "padded-field", NULL,
                      "the aliases column holds only whitespace; leave it empty");
      return;
    }
  g_auto (GStrv) pieces = g_strsplit (column, "|", -1);
  guint n = g_strv_length (pieces);
  g_autoptr (GString) padded = g_string_new (NULL);
  const char *first_padded = NULL;
  guint n_padded = 0;
  for (guint i = 0; i < n; i++)
    {
      char *raw = pieces[i];
      /* The whole column's leading/trailing blanks belong to the first and
       * last alias; they are padding all the same. */
      gboolean pad = is_padded (raw);
      char *text = g_strstrip (raw);
      if (*text == '\0')
        {
          line_finding (ctx, ACTNET_LINT_ERROR, "empty-alias", NULL,
                        i == 0 ? "empty alias: the aliases column starts with '|'"
                        : i + 1 == n ? "empty alias: the aliases column ends with '|'"
                        : "empty alias: nothing between two '|'");
          continue;
        }
      ActnetCasePolicy policy = ACTNET_CASE_POLICY_DEFAULT;
      gsize prefix = 0;
      if (*text == '=' || *text == '~')
        {
          policy = *text == '=' ? ACTNET_CASE_POLICY_EXACT : ACTNET_CASE_POLICY_ANY;
          prefix = 1;
          if (is_blank (text[1]))
            pad = TRUE;
          const char *rest = text + 1;
          while (is_blank (*rest))
            rest++;
          if (*rest == '\0')
            {
              line_finding (ctx, ACTNET_LINT_ERROR, "empty-alias", text,
                            "empty alias: nothing after '%c'", *text);
              continue;
            }
        }
      if (pad)
        {
          if (first_padded == NULL)
            first_padded = text;
          else
            g_string_append (padded, ", ");
          g_string_append_printf (padded, "'%s'", text);
          n_padded++;
        }
      if (!has_alnum (text + prefix))
        {
          line_finding (ctx, ACTNET_LINT_ERROR, "no-letters", text,
                        "alias '%s' has no letters or digits", text);
          continue;
        }
      if (has_space_run (text))
        line_finding (ctx, ACTNET_LINT_WARNING, "space-run", text,
                      "alias '%s' holds a run of spaces (a tab typed as spaces?)", text);
      LintAlias alias;
      lint_alias_init (&alias, text, prefix, policy, FALSE, ctx->type);
      g_array_append_val (aliases, alias);
    }
  if (n_padded > 0)
    line_finding (ctx, ACTNET_LINT_WARNING, "padded-alias", first_padded,
                  n_padded == 1 ? "alias %s has spaces around it; the loader trims them"
                  : "aliases %s have spaces around them; the loader trims them",
                  padded->str);
}

/* The attributes column, read as the loader reads it: "key=value" pairs
 * separated by ';', a backslash escaping the next character, empty pairs
 * ignored. */
static void
lint_attributes_column (const LineContext *ctx, const char *column)
{
  g_autoptr (GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GString) key = g_string_new (NULL);
  g_autoptr (GString) pair = g_string_new (NULL);
  gboolean in_value = FALSE;
  for (const char *p = column;; p++)
    {
      if (*p == ';' || *p == '\0')
        {
          g_autofree char *k = g_strstrip (g_strdup (key->str));
          g_autofree char *written = g_strstrip (g_strdup (pair->str));
          if (!in_value && *written == '\0')
            ; /* an empty pair, as after a trailing ';' */
          else if (!in_value || *k == '\0')
            line_finding (ctx, ACTNET_LINT_ERROR, "bad-attribute", NULL,
                          "malformed attribute '%s' (expected key=value)", written);
          else if (!g_hash_table_add (keys, g_strdup (k)))
            line_finding (ctx, ACTNET_LINT_WARNING, "duplicate-attribute", NULL,
                          "attribute '%s' is set twice on this line; only one value is kept", k);
          if (*p == '\0')
            break;
          g_string_truncate (key, 0);
          g_string_truncate (pair, 0);
          in_value = FALSE;
          continue;
        }
      if (*p == '\\' && p[1] != '\0')
        {
          g_string_append_len (pair, p, 2);
          p++;
          if (!in_value)
            g_string_append_c (key, *p);
          continue;
        }
      g_string_append_c (pair, *p);
      if (*p == '=' && !in_value)
        in_value = TRUE;
      else if (!in_value)
        g_string_append_c (key, *p);
    }
}

static gboolean
is_header (char **fields, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *field = g_strstrip (g_strdup (fields[i]));
      if (g_ascii_strcasecmp (field, column_names[i]) != 0)
        return FALSE;
    }
  return TRUE;
}

/* The state of one file's scan. */
typedef struct {
  guint file;
  gboolean header_allowed;
  GHashTable *ids;      /* ids defined in this file (owned) -> line */
} FileScan;

/* Moves @pending into the gazetteer-wide alias list under @actor. */
static void
take_aliases (ActnetLint *lint, guint actor, guint file, guint line, GArray *pending)
{
  LintActor *a = g_ptr_array_index (lint->actors, actor);
  for (guint i = 0; i < pending->len; i++)
    {
      LintAlias alias = g_array_index (pending, LintAlias, i);
      alias.actor = actor;
      alias.file = file;
      alias.line = line;
      g_array_append_val (lint->aliases, alias);
      guint index = lint->aliases->len - 1;
      g_array_append_val (a->aliases, index);
    }
  /* The strings now belong to lint->aliases. */
  g_array_set_clear_func (pending, NULL);
}

static void
lint_line (ActnetLint *lint, FileScan *scan, guint line_number, const char *line, gsize length)
{
  LineContext ctx = { lint, scan->file, line_number, NULL, "" };

  const char *nul = memchr (line, '\0', length);
  if (nul != NULL)
    {
      line_finding (&ctx, ACTNET_LINT_ERROR, "invalid-utf8", NULL,
                    "NUL byte at column %u: binary data, not a text gazetteer",
                    (guint) (nul - line) + 1);
      return;
    }
  const char *bad;
  if (!g_utf8_validate_len (line, length, &bad))
    {
      line_finding (&ctx, ACTNET_LINT_ERROR, "invalid-utf8", NULL,
                    "invalid UTF-8 (byte 0x%02X at column %u)",
                    (guint) (guchar) *bad, (guint) (bad - line) + 1);
      return;
    }
  g_autofree char *text = g_strndup (line, length);
  const char *first = text;
  while (is_blank (*first))
    first++;
  if (*first == '\0' || *first == '#')
    return;

  g_auto (GStrv) fields = g_strsplit (text, "\t", -1);
  guint n = g_strv_length (fields);
  if (n == 1 && has_space_run (text))
    {
      line_finding (&ctx, ACTNET_LINT_ERROR, "spaces-for-tabs", NULL,
                    "no tab on this line but runs of spaces: columns must be separated by tabs");
      return;
    }
  if (n < 3 || n > 5)
    {
      gboolean runs = FALSE;
      for (guint i = 0; i < n; i++)
        runs = runs || has_space_run (fields[i]);
      g_autofree char *last = g_strstrip (g_strdup (fields[n - 1]));
      line_finding (&ctx, ACTNET_LINT_ERROR, "columns", NULL,
                    "expected 3 to 5 tab-separated columns (id, type, label, aliases, attributes), found %u%s",
                    n, runs ? "; some columns seem separated by spaces"
                       : n > 5 && *last == '\0' ? "; the line ends with a tab" : "");
      return;
    }
  if (is_header (fields, n))
    {
      if (!scan->header_allowed)
        line_finding (&ctx, ACTNET_LINT_WARNING, "misplaced-header", NULL,
                      "a header line after the first actor is read as an actor with id 'id' (files joined with cat?)");
      scan->header_allowed = FALSE;
      return;
    }
  scan->header_allowed = FALSE;

  char *stripped[3];
  for (guint i = 0; i < 3; i++)
    stripped[i] = g_strstrip (g_strdup (fields[i]));
  const char *id = stripped[0], *type = stripped[1], *label = stripped[2];
  ctx.id = id;
  gboolean usable = TRUE;

  for (guint i = 0; i < 3; i++)
    {
      if (is_padded (fields[i]) && *stripped[i] != '\0')
        line_finding (&ctx, ACTNET_LINT_WARNING, "padded-field", i == 2 ? label : NULL,
                      "the %s column '%s' has spaces around it (next to a tab?); the loader trims them",
                      column_names[i], stripped[i]);
      if (*stripped[i] == '\0')
        {
          line_finding (&ctx, ACTNET_LINT_ERROR,
                        i == 0 ? "empty-id" : i == 1 ? "empty-type" : "empty-label", NULL,
                        "empty %s%s", column_names[i], *fields[i] != '\0' ? " (only whitespace)" : "");
          usable = FALSE;
        }
    }
  if (has_space_run (id))
    line_finding (&ctx, ACTNET_LINT_WARNING, "space-run", NULL,
                  "id '%s' holds a run of spaces (a tab typed as spaces?)", id);
  g_autofree char *canonical = NULL;
  if (*type != '\0' && has_whitespace (type))
    {
      line_finding (&ctx, ACTNET_LINT_ERROR, "type-not-word", NULL,
                    "type '%s' must be a single word%s", type,
                    has_space_run (type) ? " (a tab typed as spaces?)" : "");
      usable = FALSE;
    }
  else if (*type != '\0')
    {
      canonical = actnet_type_canonicalize (type);
      if (strcmp (canonical, "person") != 0 && strcmp (canonical, "organization") != 0
          && strcmp (canonical, "place") != 0)
        line_finding (&ctx, ACTNET_LINT_NOTE, "custom-type", NULL,
                      "type '%s' is not person, organization or place; it is kept as '%s'",
                      type, canonical);
    }
  if (*label != '\0')
    {
      if (!has_alnum (label))
        {
          line_finding (&ctx, ACTNET_LINT_ERROR, "no-letters", label,
                        "label '%s' has no letters or digits", label);
          usable = FALSE;
        }
      if (has_space_run (label))
        line_finding (&ctx, ACTNET_LINT_WARNING, "space-run", label,
                      "label '%s' holds a run of spaces (a tab typed as spaces?)", label);
      if (strchr (label, '|') != NULL)
        line_finding (&ctx, ACTNET_LINT_WARNING, "pipe-in-label", label,
                      "label '%s' holds '|': aliases belong in the fourth column", label);
    }

  /* An id defined twice in one file is an error; one defined by an earlier
   * file is merged into it, as the loader does. */
  guint merge_into = G_MAXUINT;
  if (*id != '\0')
    {
      gpointer first_line;
      if (g_hash_table_lookup_extended (scan->ids, id, NULL, &first_line))
        {
          line_finding (&ctx, ACTNET_LINT_ERROR, "duplicate-id", NULL,
                        "duplicate id '%s' (first defined at %s:%u)", id,
                        (const char *) g_ptr_array_index (lint->files, scan->file),
                        GPOINTER_TO_UINT (first_line));
          usable = FALSE;
        }
      else
        merge_into = GPOINTER_TO_UINT (g_hash_table_lookup (lint->ids, id)) - 1;
    }

  /* The aliases are checked even when the actor is unusable: their own
   * problems are worth reporting at the same pass. */
  if (canonical != NULL)
    ctx.type = canonical;
  g_autoptr (GArray) pending = g_array_new (FALSE, FALSE, sizeof (LintAlias));
  g_array_set_clear_func (pending, lint_alias_clear);
  if (usable)
    {
      LintAlias alias;
      lint_alias_init (&alias, label, 0, ACTNET_CASE_POLICY_DEFAULT, TRUE, ctx.type);
      g_array_append_val (pending, alias);
    }
  if (n >= 4)
    lint_aliases_column (&ctx, fields[3], pending);
  if (n == 5)
    lint_attributes_column (&ctx, fields[4]);

  if (usable)
    {
      g_hash_table_insert (scan->ids, g_strdup (id), GUINT_TO_POINTER (line_number));
      guint actor = merge_into;
      if (actor != G_MAXUINT)
        {
          const LintActor *a = g_ptr_array_index (lint->actors, actor);
          gboolean type_differs = strcmp (a->type, canonical) != 0;
          if (type_differs || strcmp (a->label, label) != 0)
            line_finding (&ctx, ACTNET_LINT_WARNING, "merged-id", NULL,
                          "actor '%s' is also defined at %s:%u; its aliases are merged%s%s%s",
                          id, (const char *) g_ptr_array_index (lint->files, a->file), a->line,
                          type_differs ? "; the type stays '" : "",
                          type_differs ? a->type : "", type_differs ? "'" : "");
          else
            line_finding (&ctx, ACTNET_LINT_NOTE, "merged-id", NULL,
                          "actor '%s' is also defined at %s:%u; its aliases are merged", id,
                          (const char *) g_ptr_array_index (lint->files, a->file), a->line);
        }
      else
        {
          LintActor *a = g_new0 (LintActor, 1);
          a->id = g_strdup (id);
          a->type = g_strdup (canonical);
          a->label = g_strdup (label);
          a->file = scan->file;
          a->line = line_number;
          a->aliases = g_array_new (FALSE, FALSE, sizeof (guint));
          g_ptr_array_add (lint->actors, a);
          actor = lint->actors->len - 1;
          g_hash_table_insert (lint->ids, a->id, GUINT_TO_POINTER (actor + 1));
        }
      take_aliases (lint, actor, scan->file, line_number, pending);
    }
  for (guint i = 0; i < 3; i++)
    g_free (stripped[i]);
}

/* Whether an error finding already covers @line of @file (any line when
 * @line is 0), looking at the findings from @from on. */
static gboolean
has_error_at (const ActnetLint *lint, guint from, guint file, guint line)
{
  for (guint i = from; i < lint->findings->len; i++)
    {
      const Finding *f = &g_array_index (lint->findings, Finding, i);
      if (f->file == file && f->pub.severity == ACTNET_LINT_ERROR
          && (line == 0 || f->pub.line == line))
        return TRUE;
    }
  return FALSE;
}

void
actnet_lint_add_data (ActnetLint *lint, const char *data, gssize length,
                      const char *name)
{
  g_return_if_fail (lint != NULL && !lint->finished);
  g_return_if_fail (data != NULL || length == 0);
  if (name == NULL)
    name = "<data>";
  gsize len = length < 0 ? strlen (data) : (gsize) length;
  FileScan scan = { lint->files->len, TRUE, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  g_ptr_array_add (lint->files, g_strdup (name));
  guint first_finding = lint->findings->len;

  const char *p = data;
  const char *end = data + len;
  p += actnet_i_bom_length (p, len);
  guint line = 0;
  while (p < end)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      const char *next = eol != NULL ? eol + 1 : end;
      if (eol == NULL)
        eol = end;
      if (eol > p && eol[-1] == '\r')
        eol--;
      line++;
      lint_line (lint, &scan, line, p, (gsize) (eol - p));
      p = next;
    }
  g_hash_table_destroy (scan.ids);

  /* The safety net: whatever the loader rejects that no check above
   * explains is still an error. */
  GError *error = NULL;
  if (len > 0 && !actnet_gazetteer_load_data (lint->loaded, data, (gssize) len, name, &error))
    {
      const char *message = error->message;
      guint error_line = 0;
      gsize name_length = strlen (name);
      if (strncmp (message, name, name_length) == 0 && message[name_length] == ':')
        {
          const char *digits = message + name_length + 1;
          char *after = NULL;
          guint64 value = g_ascii_strtoull (digits, &after, 10);
          if (after != digits && after[0] == ':' && value <= G_MAXUINT)
            {
              error_line = (guint) value;
              message = after + 1;
            }
          else
            message = digits;
          while (*message == ' ')
            message++;
        }
      if (!has_error_at (lint, first_finding, scan.file, error_line))
        add_finding (lint, ACTNET_LINT_ERROR, scan.file, error_line, "load", NULL,
                     "the loader rejects the file: %s", message);
      g_error_free (error);
    }
}

gboolean
actnet_lint_add_file (ActnetLint *lint, const char *path, GError **error)
{
  g_return_val_if_fail (lint != NULL && path != NULL, FALSE);
  g_autofree char *contents = NULL;
  gsize length = 0;
  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  actnet_lint_add_data (lint, contents, (gssize) length, path);
  return TRUE;
}

/* ---- cross-actor checks ------------------------------------------------ */

static const LintAlias *
alias_at (const ActnetLint *lint, guint index)
{
  return &g_array_index (lint->aliases, LintAlias, index);
}

static void
alias_finding (ActnetLint *lint, const LintAlias *alias, ActnetLintSeverity severity,
               const char *code, const char *message)
{
  const LintActor *actor = g_ptr_array_index (lint->actors, alias->actor);
  const char *actor_alias[2] = { actor->id, alias->written };
  add_finding (lint, severity, alias->file, alias->line, code, actor_alias, "%s", message);
}

/* Aliases of one definition (one line) that add nothing to an earlier one
 * of the same line. A later file restating an alias while merging is not
 * flagged: restating is how a merge names its actor. */
static void
check_duplicate_aliases (ActnetLint *lint, const LintActor *actor)
{
  for (guint i = 1; i < actor->aliases->len; i++)
    {
      const LintAlias *a = alias_at (lint, g_array_index (actor->aliases, guint, i));
      for (guint j = 0; j < i; j++)
        {
          const LintAlias *b = alias_at (lint, g_array_index (actor->aliases, guint, j));
          if (b->file != a->file || b->line != a->line || !alias_subsumes (b, a))
            continue;
          g_autofree char *message = NULL;
          if (strcmp (a->written, b->written) == 0)
            message = g_strdup_printf ("alias '%s' is listed twice%s", a->written,
                                       b->is_label ? " (as the label and as an alias)" : "");
          else
            message = g_strdup_printf ("alias '%s' adds nothing: the %s '%s' already matches "
                                       "every text it matches", a->written,
                                       b->is_label ? "label" : "alias", b->written);
          alias_finding (lint, a, ACTNET_LINT_WARNING, "duplicate-alias", message);
          break;
        }
    }
}

/* "a, b, c" with at most 5 ids, then "and N more". */
static void
append_ids (GString *out, const ActnetLint *lint, const GArray *actors)
{
  const guint shown = 5;
  for (guint i = 0; i < actors->len && i < shown; i++)
    {
      const LintActor *a = g_ptr_array_index (lint->actors, g_array_index (actors, guint, i));
      g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", a->id);
    }
  if (actors->len > shown)
    g_string_append_printf (out, " and %u more", actors->len - shown);
}

static void
check_common_word (ActnetLint *lint, const LintAlias *alias)
{
  if (lint->words == NULL || alias->policy == ACTNET_CASE_POLICY_EXACT)
    return;
  for (guint f = 0; f < alias->n_forms; f++)
    {
      const LintForm *form = &alias->forms[f];
      /* An acronym ("US", "IS") already matches capitals only, which is
       * all '=' could ask for. */
      if (form->n_words != 1 || strcmp (form->sig, "u") == 0
          || !g_hash_table_contains (lint->words, form->key))
        continue;
      g_autofree char *what = strcmp (form->text, alias->text) == 0
                                ? g_strdup_printf ("'%s'", alias->policy == ACTNET_CASE_POLICY_ANY
                                                             ? alias->written : alias->text)
                                : g_strdup_printf ("'%s' (a form of '%s')", form->text, alias->written);
      g_autofree char *message = NULL;
      if (alias->is_label)
        message = g_strdup_printf ("label %s is an English word (%s); a label cannot take '=': "
                                   "to match only that exact case, use a longer label and list "
                                   "'=%s' as an alias", what, form->key, form->text);
      else if (alias->policy == ACTNET_CASE_POLICY_ANY)
        message = g_strdup_printf ("alias %s is an English word (%s) and '~' matches it in any case; "
                                   "prefix it with '=' instead to match only that exact case",
                                   what, form->key);
      else
        message = g_strdup_printf ("alias %s is an English word (%s); prefix it with '=' to match "
                                   "only that exact case", what, form->key);
      alias_finding (lint, alias, ACTNET_LINT_WARNING, "common-word", message);
    }
}

/* The other actors whose aliases occur as whole words inside one actor's
 * aliases, each with the contained surfaces. */
typedef struct {
  guint actor;
  GString *surfaces;    /* "'Sirte', 'Sirt'" */
  GHashTable *seen;     /* surfaces already listed, owned */
} Contained;

static void
contained_clear (gpointer data)
{
  Contained *c = data;
  g_string_free (c->surfaces, TRUE);
  g_hash_table_destroy (c->seen);
}

/* Adds to @contained the other actors whose aliases are whole-word parts
 * of @text, a form of an alias of actor @index. */
static void
collect_contained (GHashTable *keys, guint index, const char *text, GArray *contained)
{
  g_autoptr (ActnetTokens) tokens = actnet_tokens_new (text, -1);
  const ActnetSymbol *symbols = actnet_tokens_get_symbols (tokens);
  guint n = actnet_tokens_get_count (tokens);
  g_autoptr (GArray) words = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n; i++)
    if (symbols[i].kind == ACTNET_SYMBOL_WORD)
      g_array_append_val (words, i);
  for (guint i = 0; i < words->len; i++)
    for (guint j = i; j < words->len; j++)
      {
        if (i == 0 && j + 1 == words->len)
          continue;
        const ActnetSymbol *first = &symbols[g_array_index (words, guint, i)];
        const ActnetSymbol *last = &symbols[g_array_index (words, guint, j)];
        const char *surface = text + first->start;
        gsize surface_length = last->end - first->start;
        g_autofree char *key = actnet_text_normalize (surface, (gssize) surface_length);
        const KeyEntry *entry = g_hash_table_lookup (keys, key);
        for (guint k = 0; entry != NULL && k < entry->actors->len; k++)
          {
            guint other = g_array_index (entry->actors, guint, k);
            if (other == index)
              continue;
            Contained *c = NULL;
            for (guint m = 0; m < contained->len && c == NULL; m++)
              if (g_array_index (contained, Contained, m).actor == other)
                c = &g_array_index (contained, Contained, m);
            if (c == NULL)
              {
                Contained fresh = { other, g_string_new (NULL),
                                    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
                g_array_append_val (contained, fresh);
                c = &g_array_index (contained, Contained, contained->len - 1);
              }
            if (g_hash_table_add (c->seen, g_strndup (surface, surface_length)))
              g_string_append_printf (c->surfaces, "%s'%.*s'", c->surfaces->len > 0 ? ", " : "",
                                      (int) surface_length, surface);
          }
      }
}

/* One note an actor: the other actors whose aliases occur as whole words
 * inside its aliases (the matcher prefers the longer name, so there the
 * shorter one is not counted). */
static void
check_contains (ActnetLint *lint, GHashTable *keys, guint index)
{
  const LintActor *actor = g_ptr_array_index (lint->actors, index);
  g_autoptr (GArray) contained = g_array_new (FALSE, FALSE, sizeof (Contained));
  g_array_set_clear_func (contained, contained_clear);
  const LintAlias *first_alias = NULL;
  for (guint a = 0; a < actor->aliases->len; a++)
    {
      const LintAlias *alias = alias_at (lint, g_array_index (actor->aliases, guint, a));
      guint before = contained->len;
      for (guint f = 0; f < alias->n_forms; f++)
        if (alias->forms[f].n_words >= 2)
          collect_contained (keys, index, alias->forms[f].text, contained);
      if (first_alias == NULL && contained->len > before)
        first_alias = alias;
    }
  if (contained->len == 0)
    return;
  g_autoptr (GString) list = g_string_new (NULL);
  const guint shown = 5;
  for (guint m = 0; m < contained->len && m < shown; m++)
    {
      const Contained *c = &g_array_index (contained, Contained, m);
      g_string_append_printf (list, "%s%s (%s)", m > 0 ? ", " : "",
                              ((const LintActor *) g_ptr_array_index (lint->actors, c->actor))->id,
                              c->surfaces->str);
    }
  if (contained->len > shown)
    g_string_append_printf (list, " and %u more", contained->len - shown);
  g_autofree char *message = g_strdup_printf ("names of other actors inside its aliases: %s; "
                                              "where the longer name appears, only it is counted",
                                              list->str);
  alias_finding (lint, first_alias, ACTNET_LINT_NOTE, "contains-alias", message);
}

static gint
compare_findings (gconstpointer a, gconstpointer b)
{
  const Finding *x = a, *y = b;
  if (x->file != y->file)
    return x->file < y->file ? -1 : 1;
  if (x->pub.line != y->pub.line)
    return x->pub.line < y->pub.line ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
actnet_lint_finish (ActnetLint *lint)
{
  g_return_if_fail (lint != NULL);
  if (lint->finished)
    return;
  lint->finished = TRUE;

  /* Keys are borrowed from the aliases, which outlive the table. Built in
   * load order, so that an entry's first actor is the one the matcher
   * falls back on. */
  g_autoptr (GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, key_entry_free);
  for (guint i = 0; i < lint->aliases->len; i++)
    {
      const LintAlias *alias = alias_at (lint, i);
      for (guint f = 0; f < alias->n_forms; f++)
        {
          KeyEntry *entry = g_hash_table_lookup (keys, alias->forms[f].key);
          if (entry == NULL)
            {
              entry = g_new0 (KeyEntry, 1);
              entry->actors = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (keys, alias->forms[f].key, entry);
            }
          gboolean listed = FALSE;
          /* Entries are short but for ambiguous names; a linear scan is
           * fine (GeoNames' worst key has a few dozen actors). */
          for (guint k = 0; k < entry->actors->len && !listed; k++)
            listed = g_array_index (entry->actors, guint, k) == alias->actor;
          if (!listed)
            g_array_append_val (entry->actors, alias->actor);
        }
    }

  g_autoptr (GString) ids = g_string_new (NULL);
  for (guint i = 0; i < lint->aliases->len; i++)
    {
      const LintAlias *alias = alias_at (lint, i);
      for (guint f = 0; f < alias->n_forms; f++)
        {
          const LintForm *form = &alias->forms[f];
          KeyEntry *entry = g_hash_table_lookup (keys, form->key);
          /* Said once per key, where the second actor takes it up, as
           * the loader does. */
          if (entry->actors->len < 2 || entry->reported
              || g_array_index (entry->actors, guint, 1) != alias->actor)
            continue;
          entry->reported = TRUE;
          const LintActor *first = g_ptr_array_index (lint->actors, g_array_index (entry->actors, guint, 0));
          g_string_truncate (ids, 0);
          append_ids (ids, lint, entry->actors);
          g_autofree char *what = strcmp (form->text, alias->text) == 0
                                    ? g_strdup_printf ("'%s'", form->text)
                                    : g_strdup_printf ("'%s' (a form of '%s')", form->text, alias->written);
          g_autofree char *message = g_strdup_printf (
            "alias %s is listed under %u ids: %s; the matcher picks the one named in full "
            "most recently, else %s", what, entry->actors->len, ids->str, first->id);
          alias_finding (lint, alias, ACTNET_LINT_WARNING, "ambiguous-alias", message);
        }
      check_common_word (lint, alias);
    }
  for (guint a = 0; a < lint->actors->len; a++)
    {
      check_duplicate_aliases (lint, g_ptr_array_index (lint->actors, a));
      check_contains (lint, keys, a);
    }
  g_array_sort (lint->findings, compare_findings);
}

guint
actnet_lint_get_n_findings (const ActnetLint *lint)
{
  g_return_val_if_fail (lint != NULL, 0);
  return lint->findings->len;
}

const ActnetLintFinding *
actnet_lint_get_finding (const ActnetLint *lint, guint i)
{
  g_return_val_if_fail (lint != NULL && i < lint->findings->len, NULL);
  return &g_array_index (lint->findings, Finding, i).pub;
}

guint
actnet_lint_count (const ActnetLint *lint, ActnetLintSeverity severity)
{
  g_return_val_if_fail (lint != NULL, 0);
  guint count = 0;
  for (guint i = 0; i < lint->findings->len; i++)
    if (g_array_index (lint->findings, Finding, i).pub.severity == severity)
      count++;
  return count;
}
