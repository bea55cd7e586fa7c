/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet.h>

#include <string.h>

typedef struct {
  char *id;
  char *type;
  char *label;
  char *origin;   /* "FILE:LINE" of the defining line, NULL when added by code */
  GPtrArray *attributes; /* key, value, key, value ... (char*), or NULL */
} Actor;

typedef struct {
  char *text;     /* as written, case-policy prefix removed */
  char *key;      /* actnet_text_normalize (text) */
  char *sig;      /* case signature of the words, see alias_signature() */
  guint actor;
  guint next;     /* next alias with the same key, G_MAXUINT at the end */
  ActnetCasePolicy policy;
} Alias;

struct _ActnetGazetteer {
  GPtrArray *actors;     /* Actor*, load order */
  GArray *aliases;       /* Alias, load order */
  GHashTable *ids;       /* id (borrowed from Actor) -> index */
  GHashTable *keys;      /* alias key (borrowed from the first Alias) -> its index */
  GPtrArray *warnings;   /* char* */
};

/* Where a line came from, for messages; name == NULL for code callers. */
typedef struct {
  const char *name;
  guint line;
} Origin;

static void
actor_free (gpointer data)
{
  Actor *actor = data;
  g_free (actor->id);
  g_free (actor->type);
  g_free (actor->label);
  g_free (actor->origin);
  if (actor->attributes != NULL)
    g_ptr_array_unref (actor->attributes);
  g_free (actor);
}

static void
alias_clear (gpointer data)
{
  Alias *alias = data;
  g_free (alias->text);
  g_free (alias->key);
  g_free (alias->sig);
}

ActnetGazetteer *
actnet_gazetteer_new (void)
{
  ActnetGazetteer *gaz = g_new0 (ActnetGazetteer, 1);
  gaz->actors = g_ptr_array_new_with_free_func (actor_free);
  gaz->aliases = g_array_new (FALSE, FALSE, sizeof (Alias));
  g_array_set_clear_func (gaz->aliases, alias_clear);
  gaz->ids = g_hash_table_new (g_str_hash, g_str_equal);
  gaz->keys = g_hash_table_new (g_str_hash, g_str_equal);
  gaz->warnings = g_ptr_array_new_with_free_func (g_free);
  return gaz;
}

void
actnet_gazetteer_free (ActnetGazetteer *gazetteer)
{
  if (gazetteer == NULL)
    return;
  /* The hash tables borrow their keys: drop them first. */
  g_hash_table_destroy (gazetteer->ids);
  g_hash_table_destroy (gazetteer->keys);
  g_array_unref (gazetteer->aliases);
  g_ptr_array_unref (gazetteer->actors);
  g_ptr_array_unref (gazetteer->warnings);
  g_free (gazetteer);
}

/* ---- messages ---------------------------------------------------------- */

static char *
origin_prefix (const Origin *origin)
{
  if (origin == NULL || origin->name == NULL)
    return g_strdup ("");
  if (origin->line == 0)
    return g_strdup_printf ("%s: ", origin->name);
  return g_strdup_printf ("%s:%u: ", origin->name, origin->line);
}

G_GNUC_PRINTF (4, 5) static void
set_error (GError **error, ActnetError code, const Origin *origin,
           const char *format, ...)
{
  va_list args;
  va_start (args, format);
  char *message = g_strdup_vprintf (format, args);
  va_end (args);
  char *prefix = origin_prefix (origin);
  g_set_error (error, ACTNET_ERROR, code, "%s%s", prefix, message);
  g_free (prefix);
  g_free (message);
}

/* ---- types ------------------------------------------------------------- */

char *
actnet_type_canonicalize (const char *type)
{
  g_return_val_if_fail (type != NULL, NULL);

  static const struct {
    const char *written;
    const char *canonical;
  } synonyms[] = {
    { "person", "person" }, { "per", "person" },
    { "organization", "organization" }, { "organisation", "organization" },
    { "org", "organization" },
    { "place", "place" }, { "loc", "place" }, { "location", "place" },
    { "gpe", "place" },
  };

  char *lower = g_utf8_strdown (type, -1);
  g_strstrip (lower);
  for (gsize i = 0; i < G_N_ELEMENTS (synonyms); i++)
    if (strcmp (lower, synonyms[i].written) == 0)
      {
        g_free (lower);
        return g_strdup (synonyms[i].canonical);
      }
  return lower;
}

/* ---- aliases ----------------------------------------------------------- */

static gboolean
has_alnum (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Two aliases of one actor with the same key match the same text when their
 * policy is the same and their words carry the same case facts (DEFAULT) or
 * the same letters (EXACT); the signature captures exactly that, so that
 * "Abdul-Jalil" and "Abdul Jalil" are one alias but "Haftar" and "haftar"
 * are not. */
static char *
alias_signature (const char *text, ActnetCasePolicy policy)
{
  GString *sig = g_string_new (NULL);
  g_string_append_c (sig, (char) ('0' + (int) policy));
  if (policy == ACTNET_CASE_POLICY_ANY)
    return g_string_free (sig, FALSE);

  ActnetTokens *tokens = actnet_tokens_new (text, -1);
  const ActnetSymbol *symbols = actnet_tokens_get_symbols (tokens);
  guint n = actnet_tokens_get_count (tokens);
  for (guint i = 0; i < n; i++)
    {
      if (symbols[i].kind != ACTNET_SYMBOL_WORD)
        continue;
      if (policy == ACTNET_CASE_POLICY_EXACT)
        g_string_append_len (sig, text + symbols[i].start,
                             (gssize) (symbols[i].end - symbols[i].start));
      else
        g_string_append_c (sig, (char) ('a' + (symbols[i].case_flags & 7)));
      g_string_append_c (sig, ' ');
    }
  actnet_tokens_free (tokens);
  return g_string_free (sig, FALSE);
}

/* Validates and appends one alias. Returns FALSE with @error set when the
 * alias is unusable; a duplicate of one of the actor's own aliases is
 * dropped silently, one shared with another actor gives a warning. */
static gboolean
add_alias_internal (ActnetGazetteer *gaz, guint actor, const char *text,
                    ActnetCasePolicy policy, const Origin *origin,
                    GError **error)
{
  if (*text == '\0')
    {
      set_error (error, ACTNET_ERROR_GAZETTEER, origin, "empty alias");
      return FALSE;
    }
  char *key = actnet_text_normalize (text, -1);
  if (key == NULL || *key == '\0' || !has_alnum (text))
    {
      set_error (error, ACTNET_ERROR_GAZETTEER, origin,
                 "alias has no letters or digits: '%s'", text);
      g_free (key);
      return FALSE;
    }
  char *sig = alias_signature (text, policy);

  gpointer head_ptr;
  guint head = G_MAXUINT;
  if (g_hash_table_lookup_extended (gaz->keys, key, NULL, &head_ptr))
    head = GPOINTER_TO_UINT (head_ptr);

  /* One pass along the chain of aliases with this key: duplicate of our
   * own alias?  first other actor?  tail for the append. */
  guint other = G_MAXUINT;
  gboolean own = FALSE;
  guint tail = G_MAXUINT;
  for (guint i = head; i != G_MAXUINT;
       i = g_array_index (gaz->aliases, Alias, i).next)
    {
      const Alias *a = &g_array_index (gaz->aliases, Alias, i);
      tail = i;
      if (a->actor == actor)
        {
          own = TRUE;
          if (a->policy == ACTNET_CASE_POLICY_ANY || strcmp (a->sig, sig) == 0)
            {
              g_free (key);
              g_free (sig);
              return TRUE;
            }
        }
      else if (other == G_MAXUINT)
        other = a->actor;
    }

  if (other != G_MAXUINT && !own)
    {
      const Actor *o = g_ptr_array_index (gaz->actors, other);
      char *prefix = origin_prefix (origin);
      g_ptr_array_add (gaz->warnings,
                       g_strdup_printf ("%sambiguous alias '%s' is also an alias of '%s'",
                                        prefix, text, o->id));
      g_free (prefix);
    }

  Alias alias = {
    .text = g_strdup (text), .key = key, .sig = sig,
    .actor = actor, .next = G_MAXUINT, .policy = policy,
  };
  g_array_append_val (gaz->aliases, alias);
  guint index = gaz->aliases->len - 1;
  if (tail == G_MAXUINT)
    g_hash_table_insert (gaz->keys, g_array_index (gaz->aliases, Alias, index).key,
                         GUINT_TO_POINTER (index));
  else
    g_array_index (gaz->aliases, Alias, tail).next = index;
  return TRUE;
}

static guint
add_actor_internal (ActnetGazetteer *gaz, const char *id, const char *type,
                    const char *label, const Origin *origin, GError **error)
{
  if (*id == '\0')
    {
      set_error (error, ACTNET_ERROR_PARSE, origin, "empty id");
      return G_MAXUINT;
    }
  if (*type == '\0')
    {
      set_error (error, ACTNET_ERROR_PARSE, origin, "empty type for '%s'", id);
      return G_MAXUINT;
    }
  for (const char *p = type; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      {
        set_error (error, ACTNET_ERROR_PARSE, origin,
                   "type '%s' of '%s' must be a single word", type, id);
        return G_MAXUINT;
      }
  if (*label == '\0')
    {
      set_error (error, ACTNET_ERROR_PARSE, origin, "empty label for '%s'", id);
      return G_MAXUINT;
    }
  gpointer found;
  if (g_hash_table_lookup_extended (gaz->ids, id, NULL, &found))
    {
      const Actor *first = g_ptr_array_index (gaz->actors, GPOINTER_TO_UINT (found));
      if (first->origin != NULL)
        set_error (error, ACTNET_ERROR_GAZETTEER, origin,
                   "duplicate id '%s' (first defined at %s)", id, first->origin);
      else
        set_error (error, ACTNET_ERROR_GAZETTEER, origin, "duplicate id '%s'", id);
      return G_MAXUINT;
    }
  /* The label is checked as an alias before the actor exists, so a failure
   * leaves nothing behind. */
  if (!has_alnum (label))
    {
      set_error (error, ACTNET_ERROR_GAZETTEER, origin,
                 "alias has no letters or digits: '%s'", label);
      return G_MAXUINT;
    }

  Actor *actor = g_new0 (Actor, 1);
  actor->id = g_strdup (id);
  actor->type = actnet_type_canonicalize (type);
  actor->label = g_strdup (label);
  if (origin != NULL && origin->name != NULL)
    actor->origin = g_strdup_printf ("%s:%u", origin->name, origin->line);
  g_ptr_array_add (gaz->actors, actor);
  guint index = gaz->actors->len - 1;
  g_hash_table_insert (gaz->ids, actor->id, GUINT_TO_POINTER (index));

  if (!add_alias_internal (gaz, index, label, ACTNET_CASE_POLICY_DEFAULT,
                           origin, error))
    {
      /* Unreachable after has_alnum() unless normalisation drops every
       * letter; undo the actor all the same. */
      g_hash_table_remove (gaz->ids, actor->id);
      g_ptr_array_set_size (gaz->actors, index);
      return G_MAXUINT;
    }
  return index;
}

/* Undoes everything added since the gazetteer had the given sizes. */
static void
rollback (ActnetGazetteer *gaz, guint n_actors, guint n_aliases, guint n_warnings)
{
  /* Aliases are appended at the tail of their key chain, so removing them
   * newest first always removes a chain's current tail. */
  for (guint i = gaz->aliases->len; i-- > n_aliases;)
    {
      Alias *alias = &g_array_index (gaz->aliases, Alias, i);
      guint head = GPOINTER_TO_UINT (g_hash_table_lookup (gaz->keys, alias->key));
      if (head == i)
        {
          g_hash_table_remove (gaz->keys, alias->key);
          continue;
        }
      for (guint j = head; j != G_MAXUINT;
           j = g_array_index (gaz->aliases, Alias, j).next)
        if (g_array_index (gaz->aliases, Alias, j).next == i)
          {
            g_array_index (gaz->aliases, Alias, j).next = G_MAXUINT;
            break;
          }
    }
  g_array_set_size (gaz->aliases, n_aliases);
  for (guint i = n_actors; i < gaz->actors->len; i++)
    g_hash_table_remove (gaz->ids, ((Actor *) g_ptr_array_index (gaz->actors, i))->id);
  g_ptr_array_set_size (gaz->actors, n_actors);
  g_ptr_array_set_size (gaz->warnings, n_warnings);
}

/* ---- the TSV format ---------------------------------------------------- */

static gboolean
has_space_run (const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    if (p[0] == ' ' && p[1] == ' ')
      return TRUE;
  return FALSE;
}

static gboolean
is_header (char **fields, guint n)
{
  static const char *const names[] = { "id", "type", "label", "aliases" };
  for (guint i = 0; i < n; i++)
    if (g_ascii_strcasecmp (g_strstrip (fields[i]), names[i]) != 0)
      return FALSE;
  return TRUE;
}

/* Parses one data line (already without its line end). */
static gboolean
parse_line (ActnetGazetteer *gaz, char *line, const Origin *origin,
            gboolean *header_allowed, GError **error)
{
  const char *first = line;
  while (*first == ' ' || *first == '\t' || *first == '\r' || *first == '\f'
         || *first == '\v')
    first++;
  if (*first == '\0' || *first == '#')
    return TRUE;

  char **fields = g_strsplit (line, "\t", -1);
  guint n = g_strv_length (fields);
  gboolean ok = FALSE;
  if (n != 3 && n != 4)
    {
      set_error (error, ACTNET_ERROR_PARSE, origin,
                 "expected 3 or 4 tab-separated columns (id, type, label, aliases), found %u%s",
                 n, n == 1 && has_space_run (line)
                      ? "; columns must be separated by tabs" : "");
      goto out;
    }
  if (*header_allowed)
    {
      *header_allowed = FALSE;
      if (is_header (fields, n))
        {
          ok = TRUE;
          goto out;
        }
    }
  for (guint i = 0; i < n; i++)
    g_strstrip (fields[i]);

  guint actor = add_actor_internal (gaz, fields[0], fields[1], fields[2],
                                    origin, error);
  if (actor == G_MAXUINT)
    goto out;

  if (n == 4 && fields[3][0] != '\0')
    {
      char **aliases = g_strsplit (fields[3], "|", -1);
      for (char **a = aliases; *a != NULL; a++)
        {
          char *text = g_strstrip (*a);
          ActnetCasePolicy policy = ACTNET_CASE_POLICY_DEFAULT;
          if (*text == '=' || *text == '~')
            {
              char prefix = *text;
              policy = prefix == '=' ? ACTNET_CASE_POLICY_EXACT : ACTNET_CASE_POLICY_ANY;
              text = g_strstrip (text + 1);
              if (*text == '\0')
                {
                  set_error (error, ACTNET_ERROR_GAZETTEER, origin,
                             "empty alias after '%c'", prefix);
                  g_strfreev (aliases);
                  goto out;
                }
            }
          if (!add_alias_internal (gaz, actor, text, policy, origin, error))
            {
              g_strfreev (aliases);
              goto out;
            }
        }
      g_strfreev (aliases);
    }
  ok = TRUE;

out:
  g_strfreev (fields);
  return ok;
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

gboolean
actnet_gazetteer_load_data (ActnetGazetteer *gazetteer, const char *data,
                            gssize length, const char *name, GError **error)
{
  g_return_val_if_fail (gazetteer != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (name == NULL)
    name = "<data>";
  gsize len = length < 0 ? strlen (data) : (gsize) length;
  if (len == 0)
    return TRUE;
  Origin origin = { name, 0 };

  const char *nul = memchr (data, '\0', len);
  if (nul != NULL)
    {
      set_error (error, ACTNET_ERROR_ENCODING, &origin,
                 "binary data (NUL byte on line %u), not a text gazetteer",
                 line_of (data, nul));
      return FALSE;
    }
  const char *bad;
  if (!g_utf8_validate_len (data, len, &bad))
    {
      origin.line = line_of (data, bad);
      set_error (error, ACTNET_ERROR_ENCODING, &origin,
                 "invalid UTF-8 (byte 0x%02X)", (guint) (guchar) *bad);
      return FALSE;
    }

  const char *p = data;
  const char *end = data + len;
  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  guint n_actors = gazetteer->actors->len;
  guint n_aliases = gazetteer->aliases->len;
  guint n_warnings = gazetteer->warnings->len;
  gboolean header_allowed = TRUE;
  GString *line = g_string_new (NULL);
  gboolean ok = TRUE;
  while (p < end && ok)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      const char *next = eol != NULL ? eol + 1 : end;
      if (eol == NULL)
        eol = end;
      if (eol > p && eol[-1] == '\r')
        eol--;
      g_string_truncate (line, 0);
      g_string_append_len (line, p, eol - p);
      origin.line++;
      ok = parse_line (gazetteer, line->str, &origin, &header_allowed, error);
      p = next;
    }
  g_string_free (line, TRUE);
  if (!ok)
    rollback (gazetteer, n_actors, n_aliases, n_warnings);
  return ok;
}

gboolean
actnet_gazetteer_load_file (ActnetGazetteer *gazetteer, const char *path,
                            GError **error)
{
  g_return_val_if_fail (gazetteer != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  char *contents = NULL;
  gsize length = 0;
  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  gboolean ok = actnet_gazetteer_load_data (gazetteer, contents, (gssize) length,
                                            path, error);
  g_free (contents);
  return ok;
}

/* ---- programmatic construction ----------------------------------------- */

guint
actnet_gazetteer_add_actor (ActnetGazetteer *gazetteer, const char *id,
                            const char *type, const char *label, GError **error)
{
  g_return_val_if_fail (gazetteer != NULL, G_MAXUINT);
  g_return_val_if_fail (id != NULL && type != NULL && label != NULL, G_MAXUINT);

  char *i = g_strstrip (g_strdup (id));
  char *t = g_strstrip (g_strdup (type));
  char *l = g_strstrip (g_strdup (label));
  guint actor = add_actor_internal (gazetteer, i, t, l, NULL, error);
  g_free (i);
  g_free (t);
  g_free (l);
  return actor;
}

gboolean
actnet_gazetteer_add_alias (ActnetGazetteer *gazetteer, guint actor,
                            const char *alias, ActnetCasePolicy policy,
                            GError **error)
{
  g_return_val_if_fail (gazetteer != NULL, FALSE);
  g_return_val_if_fail (actor < gazetteer->actors->len, FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);
  g_return_val_if_fail (policy <= ACTNET_CASE_POLICY_ANY, FALSE);

  char *text = g_strstrip (g_strdup (alias));
  gboolean ok = add_alias_internal (gazetteer, actor, text, policy, NULL, error);
  g_free (text);
  return ok;
}

/* ---- getters ----------------------------------------------------------- */

guint
actnet_gazetteer_get_n_actors (const ActnetGazetteer *gazetteer)
{
  g_return_val_if_fail (gazetteer != NULL, 0);
  return gazetteer->actors->len;
}

static const Actor *
get_actor (const ActnetGazetteer *gazetteer, guint actor)
{
  g_return_val_if_fail (gazetteer != NULL, NULL);
  g_return_val_if_fail (actor < gazetteer->actors->len, NULL);
  return g_ptr_array_index (gazetteer->actors, actor);
}

const char *
actnet_gazetteer_get_id (const ActnetGazetteer *gazetteer, guint actor)
{
  const Actor *a = get_actor (gazetteer, actor);
  return a != NULL ? a->id : NULL;
}

const char *
actnet_gazetteer_get_type (const ActnetGazetteer *gazetteer, guint actor)
{
  const Actor *a = get_actor (gazetteer, actor);
  return a != NULL ? a->type : NULL;
}

const char *
actnet_gazetteer_get_label (const ActnetGazetteer *gazetteer, guint actor)
{
  const Actor *a = get_actor (gazetteer, actor);
  return a != NULL ? a->label : NULL;
}

guint
actnet_gazetteer_lookup (const ActnetGazetteer *gazetteer, const char *id)
{
  g_return_val_if_fail (gazetteer != NULL, G_MAXUINT);
  g_return_val_if_fail (id != NULL, G_MAXUINT);
  gpointer index;
  if (!g_hash_table_lookup_extended (gazetteer->ids, id, NULL, &index))
    return G_MAXUINT;
  return GPOINTER_TO_UINT (index);
}

guint
actnet_gazetteer_get_n_aliases (const ActnetGazetteer *gazetteer)
{
  g_return_val_if_fail (gazetteer != NULL, 0);
  return gazetteer->aliases->len;
}

static const Alias *
get_alias (const ActnetGazetteer *gazetteer, guint alias)
{
  g_return_val_if_fail (gazetteer != NULL, NULL);
  g_return_val_if_fail (alias < gazetteer->aliases->len, NULL);
  return &g_array_index (gazetteer->aliases, Alias, alias);
}

const char *
actnet_gazetteer_get_alias_text (const ActnetGazetteer *gazetteer, guint alias)
{
  const Alias *a = get_alias (gazetteer, alias);
  return a != NULL ? a->text : NULL;
}

guint
actnet_gazetteer_get_alias_actor (const ActnetGazetteer *gazetteer, guint alias)
{
  const Alias *a = get_alias (gazetteer, alias);
  return a != NULL ? a->actor : G_MAXUINT;
}

ActnetCasePolicy
actnet_gazetteer_get_alias_policy (const ActnetGazetteer *gazetteer, guint alias)
{
  const Alias *a = get_alias (gazetteer, alias);
  return a != NULL ? a->policy : ACTNET_CASE_POLICY_DEFAULT;
}

const GPtrArray *
actnet_gazetteer_get_warnings (const ActnetGazetteer *gazetteer)
{
  g_return_val_if_fail (gazetteer != NULL, NULL);
  return gazetteer->warnings;
}

/* ---- origins and attributes --------------------------------------------- */

const char *
actnet_gazetteer_get_origin (const ActnetGazetteer *gazetteer, guint actor)
{
  const Actor *a = get_actor (gazetteer, actor);
  return a != NULL ? a->origin : NULL;
}

void
actnet_gazetteer_set_attribute (ActnetGazetteer *gazetteer, guint actor,
                                const char *key, const char *value)
{
  g_return_if_fail (key != NULL && *key != '\0' && value != NULL);
  Actor *a = (Actor *) get_actor (gazetteer, actor);
  g_return_if_fail (a != NULL);
  if (a->attributes == NULL)
    a->attributes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < a->attributes->len; i += 2)
    if (strcmp (g_ptr_array_index (a->attributes, i), key) == 0)
      {
        g_free (g_ptr_array_index (a->attributes, i + 1));
        g_ptr_array_index (a->attributes, i + 1) = g_strdup (value);
        return;
      }
  g_ptr_array_add (a->attributes, g_strdup (key));
  g_ptr_array_add (a->attributes, g_strdup (value));
}

const char *
actnet_gazetteer_get_attribute (const ActnetGazetteer *gazetteer, guint actor, const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);
  const Actor *a = get_actor (gazetteer, actor);
  if (a == NULL || a->attributes == NULL)
    return NULL;
  for (guint i = 0; i < a->attributes->len; i += 2)
    if (strcmp (g_ptr_array_index (a->attributes, i), key) == 0)
      return g_ptr_array_index (a->attributes, i + 1);
  return NULL;
}

guint
actnet_gazetteer_get_n_attributes (const ActnetGazetteer *gazetteer, guint actor)
{
  const Actor *a = get_actor (gazetteer, actor);
  return a != NULL && a->attributes != NULL ? a->attributes->len / 2 : 0;
}

const char *
actnet_gazetteer_get_attribute_key (const ActnetGazetteer *gazetteer, guint actor, guint i)
{
  const Actor *a = get_actor (gazetteer, actor);
  g_return_val_if_fail (a != NULL && a->attributes != NULL && 2 * i < a->attributes->len, NULL);
  return g_ptr_array_index (a->attributes, 2 * i);
}

const char *
actnet_gazetteer_get_attribute_value (const ActnetGazetteer *gazetteer, guint actor, guint i)
{
  const Actor *a = get_actor (gazetteer, actor);
  g_return_val_if_fail (a != NULL && a->attributes != NULL && 2 * i < a->attributes->len, NULL);
  return g_ptr_array_index (a->attributes, 2 * i + 1);
}
