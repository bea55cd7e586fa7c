/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet.h>
#include "actnet-gazetteer-private.h"
#include "actnet-text-private.h"
#include "atomic-file.h"
#include "compiled-io.h"
#include "input-limits.h"

#include <stdlib.h>
#include <string.h>

/* The strings of actors and aliases never change once added: they live in
 * the gazetteer's string chunk (one allocation per many, and no frees),
 * which matters for gazetteers of a hundred thousand names. */
typedef struct {
  const char *id;
  const char *type;
  const char *label;
  const char *origin;   /* "FILE:LINE" of the defining line, NULL when added by code */
  GPtrArray *attributes; /* key, value, key, value ... (char*), or NULL */
} Actor;

typedef struct {
  const char *text;     /* as written, case-policy prefix removed */
  const char *key;      /* actnet_text_normalize (text) */
  const char *sig;      /* case signature of the words, see alias_signature() */
  guint actor;
  guint next;     /* next alias with the same key, G_MAXUINT at the end */
  ActnetCasePolicy policy;
  gboolean dated; /* valid only from..to (inclusive; ACTNET_DATE_NONE: open end) */
  ActnetDate from;
  ActnetDate to;
} Alias;

struct _ActnetGazetteer {
  GPtrArray *actors;     /* Actor*, load order */
  GArray *aliases;       /* Alias, load order */
  GHashTable *ids;       /* id (borrowed from Actor) -> index */
  GHashTable *keys;      /* alias key (borrowed from the first Alias) -> its index */
  GPtrArray *warnings;   /* char* */
  gsize max_alias_length; /* bytes; longer aliases and labels are refused */
  GStringChunk *strings; /* of the actors and aliases; types once each */
  char *type_written;    /* the last type added as written, and ... */
  const char *type;      /* ... its canonical form, in strings */
  /* A restored gazetteer fills ids and keys on first use (matching needs
   * neither, and they are a third of a restore): until then, the aliases
   * that start a key's chain. Read through ids_table()/keys_table(). */
  GArray *pending_heads; /* guint32, or NULL once the tables are full */
  GMutex tables_lock;
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
  if (actor == NULL)  /* a slot a failed restore did not fill */
    return;
  if (actor->attributes != NULL)
    g_ptr_array_unref (actor->attributes);
  g_free (actor);
}

ActnetGazetteer *
actnet_gazetteer_new (void)
{
  ActnetGazetteer *gaz = g_new0 (ActnetGazetteer, 1);
  gaz->actors = g_ptr_array_new_with_free_func (actor_free);
  gaz->aliases = g_array_new (FALSE, FALSE, sizeof (Alias));
  gaz->ids = g_hash_table_new (g_str_hash, g_str_equal);
  gaz->keys = g_hash_table_new (g_str_hash, g_str_equal);
  gaz->warnings = g_ptr_array_new_with_free_func (g_free);
  gaz->max_alias_length = ACTNET_DEFAULT_MAX_ALIAS_LENGTH;
  gaz->strings = g_string_chunk_new (64 * 1024);
  g_mutex_init (&gaz->tables_lock);
  return gaz;
}

/* Fills the tables of a restored gazetteer, once, whichever thread asks
 * first. */
static void
fill_tables (const ActnetGazetteer *gazetteer)
{
  ActnetGazetteer *gaz = (ActnetGazetteer *) gazetteer;
  if (g_atomic_pointer_get (&gaz->pending_heads) == NULL)
    return;
  g_mutex_lock (&gaz->tables_lock);
  GArray *heads = gaz->pending_heads;
  if (heads != NULL)
    {
      for (guint i = 0; i < gaz->actors->len; i++)
        {
          const Actor *actor = g_ptr_array_index (gaz->actors, i);
          g_hash_table_insert (gaz->ids, (gpointer) actor->id, GUINT_TO_POINTER (i));
        }
      for (guint k = 0; k < heads->len; k++)
        {
          guint32 i = g_array_index (heads, guint32, k);
          g_hash_table_insert (gaz->keys, (gpointer) g_array_index (gaz->aliases, Alias, i).key,
                               GUINT_TO_POINTER (i));
        }
      g_atomic_pointer_set (&gaz->pending_heads, NULL);
      g_array_unref (heads);
    }
  g_mutex_unlock (&gaz->tables_lock);
}

/* id -> actor index */
static GHashTable *
ids_table (const ActnetGazetteer *gaz)
{
  fill_tables (gaz);
  return gaz->ids;
}

/* alias key -> its first alias */
static GHashTable *
keys_table (const ActnetGazetteer *gaz)
{
  fill_tables (gaz);
  return gaz->keys;
}

void
actnet_gazetteer_set_max_alias_length (ActnetGazetteer *gazetteer, gsize max_length)
{
  g_return_if_fail (gazetteer != NULL);
  gazetteer->max_alias_length = max_length != 0 ? max_length : ACTNET_DEFAULT_MAX_ALIAS_LENGTH;
}

gsize
actnet_gazetteer_get_max_alias_length (const ActnetGazetteer *gazetteer)
{
  g_return_val_if_fail (gazetteer != NULL, 0);
  return gazetteer->max_alias_length;
}

/* Checked before the text is normalised or tokenised, which cost memory
 * in proportion to it. */
static gboolean
check_alias_length (const ActnetGazetteer *gaz, const char *text, const Origin *origin,
                    GError **error);

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
  g_string_chunk_free (gazetteer->strings);
  g_free (gazetteer->type_written);
  if (gazetteer->pending_heads != NULL)
    g_array_unref (gazetteer->pending_heads);
  g_mutex_clear (&gazetteer->tables_lock);
  g_free (gazetteer);
}

/* ---- messages ---------------------------------------------------------- */

/* "NAME:LINE" followed by @suffix ("NAME" + @suffix for line 0 unless
 * @zero_line), built without printf: a large gazetteer makes one per
 * actor. */
static char *
origin_format (const Origin *origin, gboolean zero_line, const char *suffix)
{
  char digits[16];
  char *d = digits + sizeof digits;
  *--d = '\0';
  guint line = origin->line;
  do
    *--d = (char) ('0' + line % 10);
  while ((line /= 10) > 0);
  gboolean with_line = origin->line > 0 || zero_line;
  return g_strconcat (origin->name, with_line ? ":" : "", with_line ? d : "", suffix, NULL);
}

static char *
origin_prefix (const Origin *origin)
{
  if (origin == NULL || origin->name == NULL)
    return g_strdup ("");
  return origin_format (origin, FALSE, ": ");
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

  /* Types are ASCII words nearly always: g_utf8_strdown() would give the
   * same, at the price of a Unicode case table walk per actor. */
  gboolean ascii = TRUE;
  for (const char *p = type; *p != '\0' && ascii; p++)
    ascii = (guchar) *p < 0x80;
  char *lower = ascii ? g_ascii_strdown (type, -1) : g_utf8_strdown (type, -1);
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

/* The next character of @p and its end in *@next; an invalid byte (actors
 * added by code may hold invalid UTF-8, which the graph cleans later) is
 * skipped alone, so no walk runs past the NUL. */
static gunichar
next_char_safe (const char *p, const char **next)
{
  gunichar c = g_utf8_get_char_validated (p, -1);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *next = p + 1;
      return 0xFFFD;
    }
  *next = g_utf8_next_char (p);
  return c;
}

static gboolean
has_alnum (const char *text)
{
  for (const char *p = text, *next; *p != '\0'; p = next)
    if (g_unichar_isalnum (next_char_safe (p, &next)))
      return TRUE;
  return FALSE;
}

/* Two aliases of one actor with the same key match the same text when their
 * policy is the same and their words carry the same case facts (DEFAULT) or
 * the same letters (EXACT); the signature captures exactly that, so that
 * "Abdul-Jalil" and "Abdul Jalil" are one alias but "Haftar" and "haftar"
 * are not. */
static char *
alias_signature (const char *text, const ActnetTokens *tokens, ActnetCasePolicy policy)
{
  GString *sig = g_string_new (NULL);
  g_string_append_c (sig, (char) ('0' + (int) policy));
  if (policy == ACTNET_CASE_POLICY_ANY)
    return g_string_free (sig, FALSE);

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
  return g_string_free (sig, FALSE);
}

/* Validates and appends one alias. Returns FALSE with @error set when the
 * alias is unusable; a duplicate of one of the actor's own aliases is
 * dropped silently, one shared with another actor gives a warning. */
/* Whether two validity periods share a day (an undated alias is valid on
 * every day). */
static gboolean
periods_overlap (const Alias *a, gboolean dated, ActnetDate from, ActnetDate to)
{
  if (!a->dated || !dated)
    return TRUE;
  ActnetDate start = MAX (a->from, from); /* ACTNET_DATE_NONE is the minimum */
  ActnetDate end_a = a->to == ACTNET_DATE_NONE ? G_MAXINT32 : a->to;
  ActnetDate end_b = to == ACTNET_DATE_NONE ? G_MAXINT32 : to;
  return start <= MIN (end_a, end_b);
}

static gboolean
add_alias_period_internal (ActnetGazetteer *gaz, guint actor, const char *text,
                           ActnetCasePolicy policy, gboolean dated, ActnetDate from,
                           ActnetDate to, const Origin *origin, GError **error);

static gboolean
add_alias_internal (ActnetGazetteer *gaz, guint actor, const char *text,
                    ActnetCasePolicy policy, const Origin *origin,
                    GError **error)
{
  return add_alias_period_internal (gaz, actor, text, policy, FALSE, ACTNET_DATE_NONE,
                                    ACTNET_DATE_NONE, origin, error);
}

static gboolean
check_alias_length (const ActnetGazetteer *gaz, const char *text, const Origin *origin,
                    GError **error)
{
  gsize length = strlen (text);
  if (length <= gaz->max_alias_length)
    return TRUE;
  set_error (error, ACTNET_ERROR_LIMIT, origin,
             "alias longer than the maximum alias length (%" G_GSIZE_FORMAT " bytes > %"
             G_GSIZE_FORMAT "; see --max-alias-length)", length, gaz->max_alias_length);
  return FALSE;
}

static gboolean
add_alias_period_internal (ActnetGazetteer *gaz, guint actor, const char *text,
                           ActnetCasePolicy policy, gboolean dated, ActnetDate from,
                           ActnetDate to, const Origin *origin, GError **error)
{
  if (*text == '\0')
    {
      set_error (error, ACTNET_ERROR_GAZETTEER, origin, "empty alias");
      return FALSE;
    }
  if (!check_alias_length (gaz, text, origin, error))
    return FALSE;
  /* One tokenisation gives both the key and the signature. */
  ActnetTokens *tokens = actnet_tokens_new (text, -1);
  char *key = tokens != NULL ? actnet_i_tokens_normalize (tokens) : NULL;
  if (key == NULL || *key == '\0' || !has_alnum (text))
    {
      set_error (error, ACTNET_ERROR_GAZETTEER, origin,
                 "alias has no letters or digits: '%s'", text);
      g_free (key);
      actnet_tokens_free (tokens);
      return FALSE;
    }
  char *sig = alias_signature (text, tokens, policy);
  actnet_tokens_free (tokens);

  gpointer head_ptr;
  guint head = G_MAXUINT;
  if (g_hash_table_lookup_extended (keys_table (gaz), key, NULL, &head_ptr))
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
          /* A copy is dropped when the alias already there is valid
           * whenever it is: undated, or dated alike. */
          if ((a->policy == ACTNET_CASE_POLICY_ANY || strcmp (a->sig, sig) == 0)
              && (!a->dated || (dated && a->from == from && a->to == to)))
            {
              g_free (key);
              g_free (sig);
              return TRUE;
            }
        }
      /* Successive holders of one title ("Prime Minister" with disjoint
       * periods) are not ambiguous. */
      else if (other == G_MAXUINT && periods_overlap (a, dated, from, to))
        other = a->actor;
    }

  if (other != G_MAXUINT && !own)
    {
      const Actor *o = g_ptr_array_index (gaz->actors, other);
      /* Up to one per alias in a large gazetteer: no printf. */
      char *prefix = origin_prefix (origin);
      g_ptr_array_add (gaz->warnings, g_strconcat (prefix, "ambiguous alias '", text,
                                                   "' is also an alias of '", o->id, "'",
                                                   NULL));
      g_free (prefix);
    }

  Alias alias = {
    .text = g_string_chunk_insert (gaz->strings, text),
    .key = g_string_chunk_insert (gaz->strings, key),
    .sig = g_string_chunk_insert_const (gaz->strings, sig),
    .actor = actor, .next = G_MAXUINT, .policy = policy,
    .dated = dated, .from = from, .to = to,
  };
  g_free (key);
  g_free (sig);
  g_array_append_val (gaz->aliases, alias);
  guint index = gaz->aliases->len - 1;
  if (tail == G_MAXUINT)
    g_hash_table_insert (keys_table (gaz), (gpointer) alias.key, GUINT_TO_POINTER (index));
  else
    g_array_index (gaz->aliases, Alias, tail).next = index;
  return TRUE;
}

/* The checks every new or repeated actor definition passes; the id's
 * uniqueness is the caller's business. */
static gboolean
check_actor_fields (const char *id, const char *type, const char *label,
                    const Origin *origin, GError **error)
{
  if (*id == '\0')
    {
      set_error (error, ACTNET_ERROR_PARSE, origin, "empty id");
      return FALSE;
    }
  if (*type == '\0')
    {
      set_error (error, ACTNET_ERROR_PARSE, origin, "empty type for '%s'", id);
      return FALSE;
    }
  for (const char *p = type, *next; *p != '\0'; p = next)
    if (g_unichar_isspace (next_char_safe (p, &next)))
      {
        set_error (error, ACTNET_ERROR_PARSE, origin,
                   "type '%s' of '%s' must be a single word", type, id);
        return FALSE;
      }
  if (*label == '\0')
    {
      set_error (error, ACTNET_ERROR_PARSE, origin, "empty label for '%s'", id);
      return FALSE;
    }
  /* The label is checked as an alias before the actor exists, so a failure
   * leaves nothing behind. */
  if (!has_alnum (label))
    {
      set_error (error, ACTNET_ERROR_GAZETTEER, origin,
                 "alias has no letters or digits: '%s'", label);
      return FALSE;
    }
  return TRUE;
}

static guint
add_actor_internal (ActnetGazetteer *gaz, const char *id, const char *type,
                    const char *label, const Origin *origin, GError **error)
{
  if (!check_actor_fields (id, type, label, origin, error))
    return G_MAXUINT;
  gpointer found;
  if (g_hash_table_lookup_extended (ids_table (gaz), id, NULL, &found))
    {
      const Actor *first = g_ptr_array_index (gaz->actors, GPOINTER_TO_UINT (found));
      if (first->origin != NULL)
        set_error (error, ACTNET_ERROR_GAZETTEER, origin,
                   "duplicate id '%s' (first defined at %s)", id, first->origin);
      else
        set_error (error, ACTNET_ERROR_GAZETTEER, origin, "duplicate id '%s'", id);
      return G_MAXUINT;
    }

  Actor *actor = g_new0 (Actor, 1);
  actor->id = g_string_chunk_insert (gaz->strings, id);
  /* Actors come in runs of one type: canonicalise each run once. */
  if (gaz->type_written == NULL || strcmp (type, gaz->type_written) != 0)
    {
      char *canonical = actnet_type_canonicalize (type);
      gaz->type = g_string_chunk_insert_const (gaz->strings, canonical);
      g_free (canonical);
      g_free (gaz->type_written);
      gaz->type_written = g_strdup (type);
    }
  actor->type = gaz->type;
  actor->label = g_string_chunk_insert (gaz->strings, label);
  if (origin != NULL && origin->name != NULL)
    {
      char *where = origin_format (origin, TRUE, "");
      actor->origin = g_string_chunk_insert (gaz->strings, where);
      g_free (where);
    }
  g_ptr_array_add (gaz->actors, actor);
  guint index = gaz->actors->len - 1;
  g_hash_table_insert (ids_table (gaz), (gpointer) actor->id, GUINT_TO_POINTER (index));

  if (!add_alias_internal (gaz, index, label, ACTNET_CASE_POLICY_DEFAULT,
                           origin, error))
    {
      /* Unreachable after has_alnum() unless normalisation drops every
       * letter; undo the actor all the same. */
      g_hash_table_remove (ids_table (gaz), actor->id);
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
      guint head = GPOINTER_TO_UINT (g_hash_table_lookup (keys_table (gaz), alias->key));
      if (head == i)
        {
          g_hash_table_remove (keys_table (gaz), alias->key);
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
    g_hash_table_remove (ids_table (gaz), ((Actor *) g_ptr_array_index (gaz->actors, i))->id);
  g_ptr_array_set_size (gaz->actors, n_actors);
  g_ptr_array_set_size (gaz->warnings, n_warnings);
}

/* ---- loads: one file's worth of definitions ----------------------------- */

struct _ActnetGazetteerLoad {
  ActnetGazetteer *gaz;
  char *name;
  /* Sizes when the load began, for the rollback. */
  guint n_actors;
  guint n_aliases;
  guint n_warnings;
  /* Earlier actors this load merged into: index -> line of the merge. */
  GHashTable *merged;
  /* Earlier actors whose attributes this load extended: index -> their
   * attribute count before (attributes are only ever appended to them). */
  GHashTable *extended;
};

ActnetGazetteerLoad *
actnet_i_gazetteer_load_begin (ActnetGazetteer *gazetteer, const char *name)
{
  g_return_val_if_fail (gazetteer != NULL, NULL);
  ActnetGazetteerLoad *load = g_new0 (ActnetGazetteerLoad, 1);
  load->gaz = gazetteer;
  load->name = g_strdup (name != NULL ? name : "<data>");
  load->n_actors = gazetteer->actors->len;
  load->n_aliases = gazetteer->aliases->len;
  load->n_warnings = gazetteer->warnings->len;
  load->merged = g_hash_table_new (g_direct_hash, g_direct_equal);
  load->extended = g_hash_table_new (g_direct_hash, g_direct_equal);
  return load;
}

void
actnet_i_gazetteer_load_set_name (ActnetGazetteerLoad *load, const char *name)
{
  g_return_if_fail (load != NULL && name != NULL);
  g_free (load->name);
  load->name = g_strdup (name);
}

const char *
actnet_i_gazetteer_load_get_name (const ActnetGazetteerLoad *load)
{
  g_return_val_if_fail (load != NULL, NULL);
  return load->name;
}

void
actnet_i_gazetteer_load_warn (ActnetGazetteerLoad *load, guint line,
                              const char *format, ...)
{
  g_return_if_fail (load != NULL);
  va_list args;
  va_start (args, format);
  char *message = g_strdup_vprintf (format, args);
  va_end (args);
  Origin origin = { load->name, line };
  char *prefix = origin_prefix (&origin);
  g_ptr_array_add (load->gaz->warnings, g_strconcat (prefix, message, NULL));
  g_free (prefix);
  g_free (message);
}

gboolean
actnet_i_gazetteer_load_has_id (const ActnetGazetteerLoad *load, const char *id)
{
  g_return_val_if_fail (load != NULL && id != NULL, FALSE);
  gpointer found;
  if (!g_hash_table_lookup_extended (ids_table (load->gaz), id, NULL, &found))
    return FALSE;
  guint index = GPOINTER_TO_UINT (found);
  return index >= load->n_actors || g_hash_table_contains (load->merged, found);
}

/* A later file's definition of an actor we have: its label becomes an
 * alias; the first type and label stay. */
static guint
merge_actor (ActnetGazetteerLoad *load, guint index, const char *type,
             const char *label, const Origin *origin, GError **error)
{
  ActnetGazetteer *gaz = load->gaz;
  const Actor *actor = g_ptr_array_index (gaz->actors, index);
  char *canonical = actnet_type_canonicalize (type);
  gboolean type_differs = strcmp (canonical, actor->type) != 0;
  if (type_differs || strcmp (label, actor->label) != 0)
    {
      char *where = actor->origin != NULL
                      ? g_strdup_printf ("also defined at %s", actor->origin)
                      : g_strdup ("also added by the program");
      char *conflict = type_differs
                         ? g_strdup_printf ("; conflicting type '%s' ignored (kept '%s')",
                                            canonical, actor->type)
                         : g_strdup ("");
      actnet_i_gazetteer_load_warn (load, origin->line, "actor '%s' %s; aliases merged%s",
                                    actor->id, where, conflict);
      g_free (where);
      g_free (conflict);
    }
  g_free (canonical);
  if (!add_alias_internal (gaz, index, label, ACTNET_CASE_POLICY_DEFAULT, origin, error))
    return G_MAXUINT;
  g_hash_table_insert (load->merged, GUINT_TO_POINTER (index), GUINT_TO_POINTER (origin->line));
  return index;
}

guint
actnet_i_gazetteer_load_actor (ActnetGazetteerLoad *load, guint line, const char *id,
                               const char *type, const char *label, GError **error)
{
  g_return_val_if_fail (load != NULL, G_MAXUINT);
  g_return_val_if_fail (id != NULL && type != NULL && label != NULL, G_MAXUINT);
  ActnetGazetteer *gaz = load->gaz;
  Origin origin = { load->name, line };

  gpointer found;
  if (!g_hash_table_lookup_extended (ids_table (gaz), id, NULL, &found))
    return add_actor_internal (gaz, id, type, label, &origin, error);

  if (!check_actor_fields (id, type, label, &origin, error))
    return G_MAXUINT;
  guint index = GPOINTER_TO_UINT (found);
  const Actor *first = g_ptr_array_index (gaz->actors, index);
  gpointer merged_line;
  if (index >= load->n_actors)
    {
      set_error (error, ACTNET_ERROR_GAZETTEER, &origin,
                 "duplicate id '%s' (first defined at %s)", id, first->origin);
      return G_MAXUINT;
    }
  if (g_hash_table_lookup_extended (load->merged, found, NULL, &merged_line))
    {
      set_error (error, ACTNET_ERROR_GAZETTEER, &origin,
                 "duplicate id '%s' (first defined at %s:%u)", id, load->name,
                 GPOINTER_TO_UINT (merged_line));
      return G_MAXUINT;
    }
  return merge_actor (load, index, type, label, &origin, error);
}

gboolean
actnet_i_gazetteer_load_alias (ActnetGazetteerLoad *load, guint line, guint actor,
                               const char *text, ActnetCasePolicy policy,
                               GError **error)
{
  g_return_val_if_fail (load != NULL && text != NULL, FALSE);
  g_return_val_if_fail (actor < load->gaz->actors->len, FALSE);
  Origin origin = { load->name, line };
  return add_alias_internal (load->gaz, actor, text, policy, &origin, error);
}

void
actnet_i_gazetteer_load_attribute (ActnetGazetteerLoad *load, guint line, guint actor,
                                   const char *key, const char *value)
{
  g_return_if_fail (load != NULL);
  g_return_if_fail (actor < load->gaz->actors->len);
  if (actor >= load->n_actors)
    {
      actnet_gazetteer_set_attribute (load->gaz, actor, key, value);
      return;
    }
  /* An actor of an earlier file keeps what that file said. */
  const Actor *a = g_ptr_array_index (load->gaz->actors, actor);
  const char *old = actnet_gazetteer_get_attribute (load->gaz, actor, key);
  if (old != NULL)
    {
      if (strcmp (old, value) != 0)
        actnet_i_gazetteer_load_warn (load, line,
                                      "attribute '%s' of '%s' is '%s' already; '%s' ignored",
                                      key, a->id, old, value);
      return;
    }
  gpointer key_ptr = GUINT_TO_POINTER (actor);
  if (!g_hash_table_contains (load->extended, key_ptr))
    g_hash_table_insert (load->extended, key_ptr,
                         GUINT_TO_POINTER (actnet_gazetteer_get_n_attributes (load->gaz, actor)));
  actnet_gazetteer_set_attribute (load->gaz, actor, key, value);
}

gboolean
actnet_i_gazetteer_load_end (ActnetGazetteerLoad *load, gboolean keep)
{
  g_return_val_if_fail (load != NULL, FALSE);
  if (!keep)
    {
      GHashTableIter iter;
      gpointer actor, n_attributes;
      g_hash_table_iter_init (&iter, load->extended);
      while (g_hash_table_iter_next (&iter, &actor, &n_attributes))
        {
          Actor *a = g_ptr_array_index (load->gaz->actors, GPOINTER_TO_UINT (actor));
          g_ptr_array_set_size (a->attributes, 2 * GPOINTER_TO_UINT (n_attributes));
        }
      rollback (load->gaz, load->n_actors, load->n_aliases, load->n_warnings);
    }
  g_hash_table_destroy (load->merged);
  g_hash_table_destroy (load->extended);
  g_free (load->name);
  g_free (load);
  return keep;
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
  static const char *const names[] = { "id", "type", "label", "aliases", "attributes" };
  for (guint i = 0; i < n; i++)
    if (g_ascii_strcasecmp (g_strstrip (fields[i]), names[i]) != 0)
      return FALSE;
  return TRUE;
}

/* Reads "key=value;key=value" into the actor. A backslash escapes ';', '='
 * and itself; \t, \n and \r stand for the control characters, so that any
 * value fits on the line (see actnet_gazetteer_write_tsv()). Empty pairs
 * are ignored. */
static gboolean
parse_attributes (ActnetGazetteerLoad *load, guint actor, const char *text,
                  const Origin *origin, GError **error)
{
  GString *key = g_string_new (NULL);
  GString *value = g_string_new (NULL);
  GString *pair = g_string_new (NULL);   /* as written, for messages */
  gboolean in_value = FALSE;
  gboolean ok = TRUE;
  for (const char *p = text;; p++)
    {
      if (*p == ';' || *p == '\0')
        {
          char *k = g_strstrip (key->str);
          if (!in_value && *k == '\0' && *g_strstrip (pair->str) == '\0')
            ; /* an empty pair, as after a trailing ';' */
          else if (!in_value || *k == '\0')
            {
              set_error (error, ACTNET_ERROR_PARSE, origin,
                         "malformed attribute '%s' (expected key=value)",
                         g_strstrip (pair->str));
              ok = FALSE;
              break;
            }
          else
            actnet_i_gazetteer_load_attribute (load, origin->line, actor, k,
                                               g_strstrip (value->str));
          if (*p == '\0')
            break;
          g_string_truncate (key, 0);
          g_string_truncate (value, 0);
          g_string_truncate (pair, 0);
          in_value = FALSE;
          continue;
        }
      GString *target = in_value ? value : key;
      if (*p == '\\' && p[1] != '\0')
        {
          g_string_append_len (pair, p, 2);
          p++;
          g_string_append_c (target, *p == 't' ? '\t' : *p == 'n' ? '\n'
                                     : *p == 'r' ? '\r' : *p);
          continue;
        }
      g_string_append_c (pair, *p);
      if (*p == '=' && !in_value)
        in_value = TRUE;
      else
        g_string_append_c (target, *p);
    }
  g_string_free (key, TRUE);
  g_string_free (value, TRUE);
  g_string_free (pair, TRUE);
  return ok;
}

/* Parses one data line (already without its line end). */
/* One ISO date "YYYY-MM-DD" of a validity period; "" is an open end. */
static gboolean
parse_period_date (const char *text, ActnetDate *date)
{
  *date = ACTNET_DATE_NONE;
  if (*text == '\0')
    return TRUE;
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  int year = atoi (text), month = atoi (text + 5), day = atoi (text + 8);
  if (month < 1 || month > 12 || day < 1 || day > g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year))
    return FALSE;
  *date = actnet_date_from_ymd (year, month, day);
  return TRUE;
}

/* Splits a validity period "@FROM..TO" (ISO dates, either side empty for
 * an open end) off the end of @text, in place. An '@' not followed by a
 * period is part of the alias ("@UNSMILibya"), unless what follows starts
 * with a digit: then it is a period written wrong. */
static gboolean
split_period (char *text, gboolean *dated, ActnetDate *from, ActnetDate *to,
              const Origin *origin, GError **error)
{
  *dated = FALSE;
  *from = *to = ACTNET_DATE_NONE;
  char *at = strrchr (text, '@');
  if (at == NULL || at == text)
    return TRUE;
  char *dots = strstr (at + 1, "..");
  if (dots == NULL)
    {
      if (!g_ascii_isdigit (at[1]))
        return TRUE;
      set_error (error, ACTNET_ERROR_GAZETTEER, origin,
                 "invalid validity period '%s' of alias (expected @FROM..TO, "
                 "ISO dates, either side may be left open)", at);
      return FALSE;
    }
  g_autofree char *first = g_strndup (at + 1, (gsize) (dots - at - 1));
  const char *second = dots + 2;
  if (!parse_period_date (g_strstrip (first), from) || strstr (second, "..") != NULL
      || !parse_period_date (second, to))
    {
      set_error (error, ACTNET_ERROR_GAZETTEER, origin,
                 "invalid date in validity period '%s' (expected YYYY-MM-DD..YYYY-MM-DD, "
                 "either side may be left open)", at);
      return FALSE;
    }
  if (*from == ACTNET_DATE_NONE && *to == ACTNET_DATE_NONE)
    {
      set_error (error, ACTNET_ERROR_GAZETTEER, origin,
                 "empty validity period '%s' (leave it out for an alias valid at any date)", at);
      return FALSE;
    }
  if (*from != ACTNET_DATE_NONE && *to != ACTNET_DATE_NONE && *from > *to)
    {
      set_error (error, ACTNET_ERROR_GAZETTEER, origin,
                 "validity period '%s' ends before it starts", at);
      return FALSE;
    }
  *dated = TRUE;
  *at = '\0';
  g_strchomp (text);
  return TRUE;
}

static gboolean
parse_line (ActnetGazetteerLoad *load, char *line, const Origin *origin,
            gboolean *header_allowed, GError **error)
{
  const char *first = line;
  while (*first == ' ' || *first == '\t' || *first == '\r' || *first == '\f'
         || *first == '\v')
    first++;
  if (*first == '\0' || *first == '#')
    return TRUE;

  /* The fields are cut in place: the line is a copy of ours. */
  guint n = 1;
  for (const char *p = line; *p != '\0'; p++)
    n += *p == '\t';
  char *fields[5];
  gboolean ok = FALSE;
  if (n >= 3 && n <= 5)
    {
      char *p = line;
      for (guint i = 0; i < n; i++)
        {
          fields[i] = p;
          char *tab = strchr (p, '\t');
          if (tab != NULL)
            {
              *tab = '\0';
              p = tab + 1;
            }
        }
    }
  else
    {
      set_error (error, ACTNET_ERROR_PARSE, origin,
                 "expected 3 or 4 tab-separated columns (id, type, label, aliases; "
                 "a 5th for attributes), found %u%s",
                 n, n < 3 && (has_space_run (line) || (n == 1 && strchr (line, ' ') != NULL))
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
  /* A tab typed as spaces before the aliases still loads, as a label
   * nobody writes: say so. */
  if (has_space_run (fields[2]))
    actnet_i_gazetteer_load_warn (load, origin->line,
                                  "run of spaces in the label column ('%s'): a tab typed as "
                                  "spaces?", fields[2]);

  guint actor = actnet_i_gazetteer_load_actor (load, origin->line, fields[0], fields[1],
                                               fields[2], error);
  if (actor == G_MAXUINT)
    goto out;

  if (n >= 4 && fields[3][0] != '\0')
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
          gboolean dated;
          ActnetDate from, to;
          if (!split_period (text, &dated, &from, &to, origin, error))
            {
              g_strfreev (aliases);
              goto out;
            }
          if (!(dated ? add_alias_period_internal (load->gaz, actor, text, policy, TRUE, from, to,
                                                   origin, error)
                      : actnet_i_gazetteer_load_alias (load, origin->line, actor, text, policy,
                                                       error)))
            {
              g_strfreev (aliases);
              goto out;
            }
        }
      g_strfreev (aliases);
    }
  if (n == 5 && !parse_attributes (load, actor, fields[4], origin, error))
    goto out;
  ok = TRUE;

out:
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
  p += actnet_i_bom_length (p, len);

  ActnetGazetteerLoad *load = actnet_i_gazetteer_load_begin (gazetteer, name);
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
      ok = parse_line (load, line->str, &origin, &header_allowed, error);
      p = next;
    }
  g_string_free (line, TRUE);
  return actnet_i_gazetteer_load_end (load, ok);
}

gboolean
actnet_gazetteer_load_file (ActnetGazetteer *gazetteer, const char *path,
                            GError **error)
{
  g_return_val_if_fail (gazetteer != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  struct stat st;
  if (stat (path, &st) == 0 && !actnet_i_check_input_type (path, st.st_mode, error))
    return FALSE;
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

static const Alias *get_alias (const ActnetGazetteer *gazetteer, guint alias);

gboolean
actnet_gazetteer_add_alias_dated (ActnetGazetteer *gazetteer, guint actor,
                                  const char *alias, ActnetCasePolicy policy,
                                  ActnetDate from, ActnetDate to, GError **error)
{
  g_return_val_if_fail (gazetteer != NULL, FALSE);
  g_return_val_if_fail (actor < gazetteer->actors->len, FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);
  g_return_val_if_fail (policy <= ACTNET_CASE_POLICY_ANY, FALSE);
  if (from != ACTNET_DATE_NONE && to != ACTNET_DATE_NONE && from > to)
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                   "validity period of alias '%s' ends before it starts", alias);
      return FALSE;
    }
  char *text = g_strstrip (g_strdup (alias));
  gboolean dated = from != ACTNET_DATE_NONE || to != ACTNET_DATE_NONE;
  gboolean ok = add_alias_period_internal (gazetteer, actor, text, policy, dated, from, to,
                                           NULL, error);
  g_free (text);
  return ok;
}

gboolean
actnet_gazetteer_get_alias_period (const ActnetGazetteer *gazetteer, guint alias,
                                   ActnetDate *from, ActnetDate *to)
{
  const Alias *a = get_alias (gazetteer, alias);
  gboolean dated = a != NULL && a->dated;
  if (from != NULL)
    *from = dated ? a->from : ACTNET_DATE_NONE;
  if (to != NULL)
    *to = dated ? a->to : ACTNET_DATE_NONE;
  return dated;
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
  if (!g_hash_table_lookup_extended (ids_table (gazetteer), id, NULL, &index))
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

/* ---- writing the native TSV -------------------------------------------- */

/* Why a field cannot be written as it is, or NULL when it can. */
static const char *
unwritable (const char *text, gboolean alias)
{
  if (strpbrk (text, "\t\n\r") != NULL)
    return "a tab or line break";
  if (alias && strchr (text, '|') != NULL)
    return "'|', the alias separator";
  return NULL;
}

static void
append_escaped (GString *out, const char *text, gboolean key)
{
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case ';': g_string_append (out, "\\;"); break;
      case '\t': g_string_append (out, "\\t"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      case '=':
        g_string_append (out, key ? "\\=" : "=");
        break;
      default:
        g_string_append_c (out, *p);
      }
}

/* Formats the whole file in memory: a failure is known before the output
 * file is touched. */
static GString *
format_tsv (const ActnetGazetteer *gaz, GError **error)
{
  guint n_actors = gaz->actors->len;
  gboolean any_attributes = FALSE;
  for (guint i = 0; i < n_actors && !any_attributes; i++)
    any_attributes = actnet_gazetteer_get_n_attributes (gaz, i) > 0;

  /* Each actor's aliases, in load order. */
  GPtrArray **aliases = g_new0 (GPtrArray *, n_actors);
  for (guint i = 0; i < gaz->aliases->len; i++)
    {
      Alias *alias = &g_array_index (gaz->aliases, Alias, i);
      if (aliases[alias->actor] == NULL)
        aliases[alias->actor] = g_ptr_array_new ();
      g_ptr_array_add (aliases[alias->actor], alias);
    }

  GString *out = g_string_new ("id\ttype\tlabel\taliases");
  g_string_append (out, any_attributes ? "\tattributes\n" : "\n");
  gboolean ok = TRUE;
  for (guint i = 0; i < n_actors && ok; i++)
    {
      const Actor *actor = g_ptr_array_index (gaz->actors, i);
      const char *fields[] = { actor->id, actor->type, actor->label };
      for (guint f = 0; f < G_N_ELEMENTS (fields) && ok; f++)
        {
          const char *why = unwritable (fields[f], FALSE);
          if (why != NULL || (f == 0 && fields[f][0] == '#'))
            {
              g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                           "actor '%s': its %s holds %s, which the TSV format cannot hold",
                           actor->id, f == 0 ? "id" : f == 1 ? "type" : "label",
                           why != NULL ? why : "a leading '#'");
              ok = FALSE;
            }
        }
      if (!ok)
        break;
      g_string_append_printf (out, "%s\t%s\t%s\t", actor->id, actor->type, actor->label);

      /* The label's own alias is implied by the label column. */
      gboolean label_seen = FALSE;
      gboolean first = TRUE;
      for (guint a = 0; aliases[i] != NULL && a < aliases[i]->len; a++)
        {
          const Alias *alias = g_ptr_array_index (aliases[i], a);
          if (!label_seen && alias->policy == ACTNET_CASE_POLICY_DEFAULT
              && strcmp (alias->text, actor->label) == 0)
            {
              label_seen = TRUE;
              continue;
            }
          const char *why = unwritable (alias->text, TRUE);
          if (why == NULL && alias->policy == ACTNET_CASE_POLICY_DEFAULT
              && (alias->text[0] == '=' || alias->text[0] == '~'))
            why = "a leading case-policy character";
          if (why != NULL)
            {
              g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                           "alias '%s' of '%s' holds %s, which the TSV format cannot hold",
                           alias->text, actor->id, why);
              ok = FALSE;
              break;
            }
          if (!first)
            g_string_append_c (out, '|');
          first = FALSE;
          if (alias->policy == ACTNET_CASE_POLICY_EXACT)
            g_string_append_c (out, '=');
          else if (alias->policy == ACTNET_CASE_POLICY_ANY)
            g_string_append_c (out, '~');
          g_string_append (out, alias->text);
          if (alias->dated)
            {
              g_autofree char *from = actnet_date_to_iso (alias->from);
              g_autofree char *to = actnet_date_to_iso (alias->to);
              g_string_append_printf (out, "@%s..%s", from, to);
            }
        }
      if (any_attributes)
        {
          g_string_append_c (out, '\t');
          guint n = actnet_gazetteer_get_n_attributes (gaz, i);
          for (guint k = 0; k < n; k++)
            {
              if (k > 0)
                g_string_append_c (out, ';');
              append_escaped (out, g_ptr_array_index (actor->attributes, 2 * k), TRUE);
              g_string_append_c (out, '=');
              append_escaped (out, g_ptr_array_index (actor->attributes, 2 * k + 1), FALSE);
            }
        }
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < n_actors; i++)
    if (aliases[i] != NULL)
      g_ptr_array_unref (aliases[i]);
  g_free (aliases);
  if (!ok)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return out;
}

gboolean
actnet_gazetteer_write_tsv (const ActnetGazetteer *gazetteer, const char *path,
                            GError **error)
{
  g_return_val_if_fail (gazetteer != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  GString *text = format_tsv (gazetteer, error);
  if (text == NULL)
    return FALSE;
  ActnetAtomicFile *file = actnet_i_atomic_file_open (path, error);
  if (file == NULL)
    {
      g_string_free (text, TRUE);
      return FALSE;
    }
  /* A short write leaves the stream in error: commit reports it. */
  fwrite (text->str, 1, text->len, actnet_i_atomic_file_get_stream (file));
  g_string_free (text, TRUE);
  return actnet_i_atomic_file_commit (file, error);
}

/* ---- compiled form (actnet-compiled.c) ----------------------------------
 *
 * Every string goes into one blob, restored with a single copy into the
 * string chunk; records hold offsets into it. Types are listed once, and
 * each alias says whether it heads its key's chain, so fill_tables() can
 * build the key table on first use without looking anything up. */

#define NO_STRING G_MAXUINT32

static guint32
blob_add (GByteArray *blob, const char *text)
{
  if (text == NULL)
    return NO_STRING;
  guint32 offset = blob->len;
  actnet_i_put (blob, text, strlen (text) + 1);
  return offset;
}

void
actnet_i_gazetteer_save (const ActnetGazetteer *gaz, GByteArray *out)
{
  GByteArray *blob = g_byte_array_new ();
  GByteArray *records = g_byte_array_new ();
  GPtrArray *types = g_ptr_array_new ();
  GHashTable *type_index = g_hash_table_new (g_str_hash, g_str_equal);

  actnet_i_put_u32 (records, gaz->actors->len);
  for (guint i = 0; i < gaz->actors->len; i++)
    {
      const Actor *actor = g_ptr_array_index (gaz->actors, i);
      gpointer found;
      if (!g_hash_table_lookup_extended (type_index, actor->type, NULL, &found))
        {
          found = GUINT_TO_POINTER (types->len);
          g_hash_table_insert (type_index, (gpointer) actor->type, found);
          g_ptr_array_add (types, (gpointer) actor->type);
        }
      guint n = actor->attributes != NULL ? actor->attributes->len : 0;
      guint32 fields[] = { blob_add (blob, actor->id), GPOINTER_TO_UINT (found),
                           blob_add (blob, actor->label), blob_add (blob, actor->origin), n };
      actnet_i_put (records, fields, sizeof fields);
      for (guint k = 0; k < n; k++)
        actnet_i_put_u32 (records, blob_add (blob, g_ptr_array_index (actor->attributes, k)));
    }
  actnet_i_put_u32 (records, gaz->aliases->len);
  for (guint i = 0; i < gaz->aliases->len; i++)
    {
      const Alias *alias = &g_array_index (gaz->aliases, Alias, i);
      gboolean head = GPOINTER_TO_UINT (g_hash_table_lookup (keys_table (gaz), alias->key)) == i;
      guint32 fields[] = { blob_add (blob, alias->text), blob_add (blob, alias->key),
                           blob_add (blob, alias->sig), alias->actor, alias->next,
                           (guint32) alias->policy, (guint32) alias->dated, (guint32) alias->from,
                           (guint32) alias->to, (guint32) head };
      actnet_i_put (records, fields, sizeof fields);
    }
  actnet_i_put_u32 (records, gaz->warnings->len);
  for (guint i = 0; i < gaz->warnings->len; i++)
    actnet_i_put_u32 (records, blob_add (blob, g_ptr_array_index (gaz->warnings, i)));
  guint32 n_types = types->len;
  for (guint t = 0; t < n_types; t++)
    g_ptr_array_index (types, t) = GUINT_TO_POINTER (blob_add (blob, g_ptr_array_index (types, t)));

  actnet_i_put_u64 (out, gaz->max_alias_length);
  actnet_i_put_array (out, blob->data, blob->len, 1);
  actnet_i_put_u32 (out, n_types);
  for (guint t = 0; t < n_types; t++)
    actnet_i_put_u32 (out, GPOINTER_TO_UINT (g_ptr_array_index (types, t)));
  actnet_i_put (out, records->data, records->len);
  g_hash_table_unref (type_index);
  g_ptr_array_unref (types);
  g_byte_array_unref (records);
  g_byte_array_unref (blob);
}

/* The blob string at @offset (NULL for NO_STRING when @nullable), or NULL
 * and @in failed when the offset is outside the blob. */
static const char *
blob_string (ActnetIReader *in, const char *blob, guint64 length, guint32 offset,
             gboolean nullable)
{
  if (offset == NO_STRING && nullable)
    return NULL;
  if (offset >= length)
    {
      in->failed = TRUE;
      return NULL;
    }
  return blob + offset;
}

ActnetGazetteer *
actnet_i_gazetteer_restore (ActnetIReader *in)
{
  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  gaz->max_alias_length = (gsize) actnet_i_get_u64 (in);
  guint64 length = actnet_i_get_u64 (in);
  const char *raw = actnet_i_get (in, (gsize) length);
  /* Every offset below the length then starts a NUL-terminated string. */
  if (raw == NULL || length == 0 || length >= G_MAXUINT32 || raw[length - 1] != '\0')
    return NULL;
  const char *blob = g_string_chunk_insert_len (gaz->strings, raw, (gssize) length);

  guint32 n_types = actnet_i_get_u32 (in);
  if (in->failed || n_types > length)
    return NULL;
  g_autofree const char **types = g_new (const char *, MAX (n_types, 1));
  for (guint32 t = 0; t < n_types; t++)
    {
      const char *type = blob_string (in, blob, length, actnet_i_get_u32 (in), FALSE);
      if (type == NULL)
        return NULL;
      types[t] = g_string_chunk_insert_const (gaz->strings, type);
    }

  guint32 n_actors = actnet_i_get_u32 (in);
  if (in->failed || n_actors > (in->end - in->p) / 20)
    return NULL;
  g_ptr_array_set_size (gaz->actors, n_actors);
  for (guint32 i = 0; i < n_actors; i++)
    {
      guint32 fields[5];
      const void *record = actnet_i_get (in, sizeof fields);
      if (record == NULL)
        return NULL;
      memcpy (fields, record, sizeof fields);
      Actor *actor = g_new0 (Actor, 1);
      g_ptr_array_index (gaz->actors, i) = actor;
      actor->id = blob_string (in, blob, length, fields[0], FALSE);
      actor->type = fields[1] < n_types ? types[fields[1]] : NULL;
      actor->label = blob_string (in, blob, length, fields[2], FALSE);
      actor->origin = blob_string (in, blob, length, fields[3], TRUE);
      if (in->failed || actor->type == NULL || fields[4] % 2 != 0
          || fields[4] > (in->end - in->p) / 4)
        return NULL;
      if (fields[4] > 0)
        actor->attributes = g_ptr_array_new_full (fields[4], g_free);
      for (guint32 k = 0; k < fields[4]; k++)
        {
          const char *text = blob_string (in, blob, length, actnet_i_get_u32 (in), FALSE);
          if (text == NULL)
            return NULL;
          g_ptr_array_add (actor->attributes, g_strdup (text));
        }
    }

  guint32 n_aliases = actnet_i_get_u32 (in);
  if (in->failed || n_aliases > (in->end - in->p) / 40)
    return NULL;
  g_array_set_size (gaz->aliases, n_aliases);
  GArray *heads = g_array_new (FALSE, FALSE, sizeof (guint32));
  gaz->pending_heads = heads;
  for (guint32 i = 0; i < n_aliases; i++)
    {
      guint32 fields[10];
      const void *record = actnet_i_get (in, sizeof fields);
      if (record == NULL)
        return NULL;
      memcpy (fields, record, sizeof fields);
      /* A key's chain runs forward (aliases join at its tail). */
      if (fields[3] >= n_actors
          || (fields[4] != G_MAXUINT && (fields[4] >= n_aliases || fields[4] <= i))
          || fields[5] > ACTNET_CASE_POLICY_ANY || fields[6] > 1 || fields[9] > 1)
        return NULL;
      Alias *alias = &g_array_index (gaz->aliases, Alias, i);
      *alias = (Alias) {
        .text = blob_string (in, blob, length, fields[0], FALSE),
        .key = blob_string (in, blob, length, fields[1], FALSE),
        .sig = blob_string (in, blob, length, fields[2], FALSE),
        .actor = fields[3], .next = fields[4], .policy = (ActnetCasePolicy) fields[5],
        .dated = (gboolean) fields[6], .from = (ActnetDate) fields[7], .to = (ActnetDate) fields[8],
      };
      if (in->failed)
        return NULL;
      if (fields[9])
        g_array_append_val (heads, i);
    }

  guint32 n_warnings = actnet_i_get_u32 (in);
  if (in->failed || n_warnings > (in->end - in->p) / 4)
    return NULL;
  for (guint32 i = 0; i < n_warnings; i++)
    {
      const char *text = blob_string (in, blob, length, actnet_i_get_u32 (in), FALSE);
      if (text == NULL)
        return NULL;
      g_ptr_array_add (gaz->warnings, g_strdup (text));
    }
  return in->failed ? NULL : g_steal_pointer (&gaz);
}
