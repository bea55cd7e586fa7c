/* Entity matcher: one Aho–Corasick automaton over the symbol keys of every
 * alias in a gazetteer, run once over a text's symbols (linear in the text).
 *
 * Semantics (README, "Matching"): whole symbols only; case policy per alias;
 * leftmost-longest, non-overlapping; an alias listed under several actors
 * resolves to the candidate mentioned most recently in the same text by an
 * unambiguous alias, else to the first listed.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <actnet/actnet-gazetteer.h>
#include <actnet/actnet-text.h>

G_BEGIN_DECLS

/* One mention. Lifetime: an element of the GArray returned by
 * actnet_matcher_find(), owned by the caller. */
typedef struct {
  gsize start;   /* byte offset into the original text, inclusive */
  gsize end;     /* exclusive; a possessive 's is never included */
  gsize word;    /* index of the first word of the mention among the text's words */
  guint actor;   /* actor index in the gazetteer */
  guint alias;   /* alias index in the gazetteer */
} ActnetMention;

typedef struct _ActnetMatcher ActnetMatcher;

/* Compiles @gazetteer (borrowed; must outlive the matcher and not change).
 * Time complexity: O(total alias length). An empty gazetteer gives a
 * matcher that finds nothing. */
ActnetMatcher *actnet_matcher_new (const ActnetGazetteer *gazetteer, GError **error);
void actnet_matcher_free (ActnetMatcher *matcher);
const ActnetGazetteer *actnet_matcher_get_gazetteer (const ActnetMatcher *matcher);

/* Finds the mentions in @text (@length bytes of valid UTF-8, -1 if
 * NUL-terminated), in text order. Reentrant: one matcher may serve many
 * threads. Returns a new GArray of ActnetMention. */
GArray *actnet_matcher_find (const ActnetMatcher *matcher, const char *text, gssize length);

/* The same on text already tokenised (lets callers reuse the tokens). */
GArray *actnet_matcher_find_tokens (const ActnetMatcher *matcher, const ActnetTokens *tokens);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActnetMatcher, actnet_matcher_free)

G_END_DECLS
