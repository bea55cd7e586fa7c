/* Gazetteer: actors (id, type, label) and the aliases that name them.
 *
 * Native format (UTF-8 TSV), one actor a line:
 *   id <TAB> type <TAB> label <TAB> aliases [<TAB> attributes]
 * aliases separated by '|'; the label is an alias too. '#' at the start of a
 * line makes a comment; blank lines are ignored; an optional header line
 * "id\ttype\tlabel\taliases[\tattributes]" is skipped. The aliases column
 * may be absent (three columns). Types person/organization/place (synonyms
 * PER/ORG/LOC, any case) are canonicalised; any other word is kept,
 * lower-cased. The optional fifth column holds attributes,
 * "key=value;key=value"; a backslash escapes ';', '=' (in keys) and itself,
 * and \t, \n, \r stand for tab, line feed and carriage return.
 *
 * Several files combine: an id defined twice in one file is an error, but
 * an id defined by an earlier file (or added by code) is merged — the later
 * label becomes an alias, the aliases are added, attribute keys not yet set
 * are added; the first type, label and attribute values stay. When the
 * label or type differ, a warning says so ("FILE:LINE: actor 'X' also
 * defined at FILE:LINE; aliases merged[; conflicting type ...]").
 *
 * Per-alias case override (see the README, "Case policy"): an alias written
 * "=Alias" matches only with exactly that case, "~alias" in any case.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <actnet/actnet-dates.h>

G_BEGIN_DECLS

typedef enum {
  ACTNET_CASE_POLICY_DEFAULT, /* capitals-only words stay capitals; Capitalised words need a capital; lower any */
  ACTNET_CASE_POLICY_EXACT,   /* every letter's case must match */
  ACTNET_CASE_POLICY_ANY      /* case ignored */
} ActnetCasePolicy;

typedef struct _ActnetGazetteer ActnetGazetteer;

ActnetGazetteer *actnet_gazetteer_new (void);
void actnet_gazetteer_free (ActnetGazetteer *gazetteer);

/* Loads a native TSV gazetteer and appends its actors (merging ids defined
 * by earlier files, see above). Errors (wrong column count, empty id or
 * alias, id defined twice in the file, malformed attribute, invalid UTF-8)
 * are reported as ACTNET_ERROR_PARSE / ACTNET_ERROR_GAZETTEER /
 * ACTNET_ERROR_ENCODING with "FILE:LINE: " prefixes; on error nothing from
 * the file is kept (merged aliases and attributes included). An alias
 * already listed under another id is a warning ("FILE:LINE: ambiguous
 * alias ...") added to actnet_gazetteer_get_warnings(). Other formats:
 * actnet_gazetteer_load_file_format() in actnet-import.h. */
gboolean actnet_gazetteer_load_file (ActnetGazetteer *gazetteer,
                                     const char *path, GError **error);
/* Same, from memory; @name is used in messages in place of a path. */
gboolean actnet_gazetteer_load_data (ActnetGazetteer *gazetteer,
                                     const char *data, gssize length,
                                     const char *name, GError **error);

/* The longest alias (or label) a gazetteer takes, in bytes, unless told
 * otherwise. A longer one fails its load (or add_alias) with
 * ACTNET_ERROR_LIMIT, "FILE:LINE: alias longer than the maximum alias
 * length ...", before it is normalised: names are short, and a hostile
 * gazetteer must not make matching cost gigabytes. */
#define ACTNET_DEFAULT_MAX_ALIAS_LENGTH 1000
/* Sets the limit for what is added from now on (0: the default). */
void actnet_gazetteer_set_max_alias_length (ActnetGazetteer *gazetteer, gsize max_length);
gsize actnet_gazetteer_get_max_alias_length (const ActnetGazetteer *gazetteer);

/* Programmatic construction. add_actor returns the new actor index, or
 * G_MAXUINT with @error set (duplicate or empty id). The label is added as
 * an alias with the default policy. */
guint actnet_gazetteer_add_actor (ActnetGazetteer *gazetteer, const char *id,
                                  const char *type, const char *label,
                                  GError **error);
gboolean actnet_gazetteer_add_alias (ActnetGazetteer *gazetteer, guint actor,
                                     const char *alias,
                                     ActnetCasePolicy policy, GError **error);

guint actnet_gazetteer_get_n_actors (const ActnetGazetteer *gazetteer);
const char *actnet_gazetteer_get_id (const ActnetGazetteer *gazetteer, guint actor);
const char *actnet_gazetteer_get_type (const ActnetGazetteer *gazetteer, guint actor);
const char *actnet_gazetteer_get_label (const ActnetGazetteer *gazetteer, guint actor);
/* Actor index for @id, or G_MAXUINT. */
guint actnet_gazetteer_lookup (const ActnetGazetteer *gazetteer, const char *id);

/* Aliases, in load order (an actor's label first, then its aliases). */
guint actnet_gazetteer_get_n_aliases (const ActnetGazetteer *gazetteer);
const char *actnet_gazetteer_get_alias_text (const ActnetGazetteer *gazetteer, guint alias);
guint actnet_gazetteer_get_alias_actor (const ActnetGazetteer *gazetteer, guint alias);
ActnetCasePolicy actnet_gazetteer_get_alias_policy (const ActnetGazetteer *gazetteer, guint alias);

/* Validity periods. In the TSV an alias may end with "@FROM..TO", ISO
 * dates, either side left open ("President Gaddafi@..2011-10-20",
 * "Prime Minister Sarraj@2016-03-30..2021-03-15"); a bad date, an empty
 * period or FROM after TO is an error with "FILE:LINE: ". Such an alias
 * matches only in texts dated inside the period, both ends included, and
 * never in undated ones (ActnetMatchOptions.date). */
/* TRUE when @alias has a period; @from and @to (nullable) get its ends,
 * ACTNET_DATE_NONE for an open end (and both when it has none). */
gboolean actnet_gazetteer_get_alias_period (const ActnetGazetteer *gazetteer, guint alias,
                                            ActnetDate *from, ActnetDate *to);
/* actnet_gazetteer_add_alias() valid from @from to @to (inclusive;
 * ACTNET_DATE_NONE: open; both: no period). Fails with
 * ACTNET_ERROR_INVALID_ARGUMENT when @from is after @to. */
gboolean actnet_gazetteer_add_alias_dated (ActnetGazetteer *gazetteer, guint actor,
                                           const char *alias, ActnetCasePolicy policy,
                                           ActnetDate from, ActnetDate to, GError **error);

/* "FILE:LINE" where the actor was defined, or NULL when added by code. */
const char *actnet_gazetteer_get_origin (const ActnetGazetteer *gazetteer, guint actor);

/* Free-form actor attributes (a CAMEO code, its date ranges, a GeoNames id),
 * kept in insertion order; setting an existing key replaces its value. */
void actnet_gazetteer_set_attribute (ActnetGazetteer *gazetteer, guint actor,
                                     const char *key, const char *value);
/* The value of @key, or NULL. */
const char *actnet_gazetteer_get_attribute (const ActnetGazetteer *gazetteer,
                                            guint actor, const char *key);
guint actnet_gazetteer_get_n_attributes (const ActnetGazetteer *gazetteer, guint actor);
const char *actnet_gazetteer_get_attribute_key (const ActnetGazetteer *gazetteer,
                                                guint actor, guint i);
const char *actnet_gazetteer_get_attribute_value (const ActnetGazetteer *gazetteer,
                                                  guint actor, guint i);

/* Warnings collected while loading ("FILE:LINE: message"), borrowed. */
const GPtrArray *actnet_gazetteer_get_warnings (const ActnetGazetteer *gazetteer);

/* Writes the gazetteer as native TSV to @path ("-": standard output),
 * atomically: a header line, one actor a line, aliases with their '='/'~'
 * prefixes (the label's own alias is implied by the label column), and the
 * attributes column when any actor has attributes. The file loads back into
 * the same actors, aliases, policies and attributes. Fails with
 * ACTNET_ERROR_INVALID_ARGUMENT, before touching @path, when a field cannot
 * be written (a tab or line break in a field, '|' in an alias, an id
 * starting with '#'), or with G_FILE_ERROR naming @path. */
gboolean actnet_gazetteer_write_tsv (const ActnetGazetteer *gazetteer,
                                     const char *path, GError **error);

/* Canonical type name for a user-written type ("PER" -> "person"); newly allocated. */
char *actnet_type_canonicalize (const char *type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActnetGazetteer, actnet_gazetteer_free)

G_END_DECLS
