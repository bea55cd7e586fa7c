/* Gazetteer lint: every problem of native TSV gazetteers, not only the
 * first one the loader stops at.
 *
 * Line-level checks read the raw lines (the loader trims whitespace and
 * gives up at the first error, so it cannot see them); cross-actor checks
 * (duplicate ids, ambiguous aliases, aliases inside other aliases) run over
 * every well-formed line of every file added, so one bad line does not hide
 * the rest. The loader itself is run as well: a rejection that no lint
 * check explains is reported as `load`, so a lint run without errors means
 * the loader accepts the files.
 *
 * Files are linted together, as the loader combines them: an id defined
 * twice in one file is an error, one defined by an earlier file is merged
 * into it (merged-id).
 *
 * Codes, by severity:
 *   error    invalid-utf8, columns, spaces-for-tabs, empty-id, empty-type,
 *            empty-label, empty-alias, no-letters, type-not-word,
 *            duplicate-id, bad-attribute, load
 *   warning  padded-field, padded-alias, space-run, pipe-in-label,
 *            misplaced-header, duplicate-alias, duplicate-attribute,
 *            merged-id (label or type differ), ambiguous-alias, common-word
 *   note     custom-type, merged-id (same label and type), contains-alias
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <actnet/actnet-gazetteer.h>

G_BEGIN_DECLS

typedef enum {
  ACTNET_LINT_NOTE,     /* informational: deliberate more often than not */
  ACTNET_LINT_WARNING,  /* loads, but likely to cost precision or recall */
  ACTNET_LINT_ERROR     /* the loader rejects the file */
} ActnetLintSeverity;

/* One finding. Lifetime: owned by its ActnetLint. */
typedef struct {
  ActnetLintSeverity severity;
  const char *file;     /* the name the file was added under */
  guint line;           /* 1-based line number; 0 for the whole file */
  const char *code;     /* short stable code, see above */
  const char *actor;    /* the actor id, or NULL */
  const char *alias;    /* the alias (or label) as written, or NULL */
  const char *message;  /* one line, for people */
} ActnetLintFinding;

typedef struct _ActnetLint ActnetLint;

ActnetLint *actnet_lint_new (void);
void actnet_lint_free (ActnetLint *lint);

/* Word list for the common-word check, one word a line (Debian's
 * wamerican: /usr/share/dict/american-english). Only all-lowercase entries
 * count: the list also holds proper nouns (Libya, Tripoli), which are
 * names, not words. Without a word list the check is skipped. Several lists
 * add up. Fails with G_FILE_ERROR when @path cannot be read. */
gboolean actnet_lint_load_words (ActnetLint *lint, const char *path, GError **error);
/* The same from memory. */
void actnet_lint_add_words (ActnetLint *lint, const char *data, gssize length);
/* Whether a word list was given (a list without lowercase words counts). */
gboolean actnet_lint_has_words (const ActnetLint *lint);

/* Lints one gazetteer; files added later are checked against it (duplicate
 * ids and shared aliases across files, as with several -g). Fails only when
 * @path cannot be read (G_FILE_ERROR); problems in it are findings. */
gboolean actnet_lint_add_file (ActnetLint *lint, const char *path, GError **error);
/* The same from memory; @name stands for the path in findings. */
void actnet_lint_add_data (ActnetLint *lint, const char *data, gssize length,
                           const char *name);

/* Runs the cross-actor checks over everything added and sorts the findings
 * by file (in the order added), line, then order of detection. Call once,
 * after the last add; adding afterwards is a programmer error.
 * Time: about linear in the gazetteer size (hash look-ups; the
 * contains-alias check is quadratic in the words of each alias only). */
void actnet_lint_finish (ActnetLint *lint);

guint actnet_lint_get_n_findings (const ActnetLint *lint);
const ActnetLintFinding *actnet_lint_get_finding (const ActnetLint *lint, guint i);
/* Number of findings of @severity. */
guint actnet_lint_count (const ActnetLint *lint, ActnetLintSeverity severity);

/* "error", "warning" or "note". */
const char *actnet_lint_severity_to_string (ActnetLintSeverity severity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActnetLint, actnet_lint_free)

G_END_DECLS
