/* Entity matcher: one Aho–Corasick automaton over the symbol keys of every
 * alias in a gazetteer, run once over a text's symbols (linear in the text).
 *
 * Semantics (README, "Matching"): whole symbols only; case policy per alias;
 * leftmost-longest, non-overlapping by default (every candidate with
 * ACTNET_OVERLAPS_ALL); an alias listed under several actors resolves to the
 * candidate mentioned most recently in the same text by a longer unambiguous
 * alias, else to the first listed. A person's leading title is not part of
 * an alias ("Gen. Khalifa Haftar" compiles as "Khalifa Haftar"); a trailing
 * "[s,ish]" list adds inflected forms of an alias's last word; a person's
 * surname is an implicit alias once a full name of that person has been
 * seen in the text ("short forms").
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <actnet/actnet-gazetteer.h>
#include <actnet/actnet-text.h>
#include <actnet/actnet-dates.h>

G_BEGIN_DECLS

/* Facts about one mention (ActnetMention.flags). */
typedef enum {
  /* Inside another reported mention (only with ACTNET_OVERLAPS_ALL). */
  ACTNET_MENTION_NESTED = 1 << 0,
  /* Found by an implicit short form ("Haftar" after "Khalifa Haftar");
   * .alias is the gazetteer alias it was derived from. */
  ACTNET_MENTION_SHORT_FORM = 1 << 1,
  /* The name fits several actors; the context chose one. */
  ACTNET_MENTION_AMBIGUOUS = 1 << 2,
  /* Nested inside a reported mention of the same actor ("Haftar" inside
   * "Khalifa Haftar"; only with ACTNET_OVERLAPS_ALL). Counting it would count
   * one name twice, so co-occurrence skips it. */
  ACTNET_MENTION_REDUNDANT = 1 << 3
} ActnetMentionFlags;

/* One mention. Lifetime: an element of the GArray returned by
 * actnet_matcher_find(), owned by the caller. */
typedef struct {
  gsize start;   /* byte offset into the original text, inclusive */
  gsize end;     /* exclusive; a possessive 's is never included */
  gsize word;    /* index of the first word of the mention among the text's words */
  guint actor;   /* actor index in the gazetteer */
  guint alias;   /* alias index in the gazetteer */
  guint flags;   /* ActnetMentionFlags */
} ActnetMention;

typedef enum {
  ACTNET_OVERLAPS_LONGEST, /* leftmost-longest, non-overlapping (default) */
  ACTNET_OVERLAPS_ALL      /* every candidate, nested ones flagged */
} ActnetOverlapPolicy;

/* Options of actnet_matcher_find_full(). Initialise with
 * actnet_match_options_init(), then set fields. */
typedef struct {
  ActnetOverlapPolicy overlaps; /* default ACTNET_OVERLAPS_LONGEST */
  gboolean short_forms;         /* implicit surnames of persons; default TRUE */
  /* For actnet_pipeline_count_full(): count mentions of actors of type
   * "media" (news outlets, sources rather than actors) in co-occurrence.
   * Default FALSE: they are still found, and still block nested matches
   * ("New York" inside "New York Times"), but make no nodes or edges. */
  gboolean count_media;
  /* The date of the text: an alias with a validity period
   * (actnet_gazetteer_get_alias_period()) matches only when it is inside
   * the period, never when it is ACTNET_DATE_NONE (the default).
   * actnet_document_find_mentions_full() fills it from the document's day
   * when left ACTNET_DATE_NONE. */
  ActnetDate date;
  /* For the pipeline (actnet_pipeline_count_scopes() and its variants):
   * documents this deduper (nullable; default NULL) finds to be near
   * duplicates of earlier ones are folded into them and not counted
   * (actnet-dedup.h). The deduper is updated: one per run. */
  struct _ActnetDeduper *deduper;
} ActnetMatchOptions;

/* What a call of actnet_matcher_find_full() left out or inferred. */
typedef struct {
  /* Candidates the longest-match policy dropped that would have named an
   * actor other than the mention covering their start ("Iraq" inside
   * "Islamic State in Iraq and Syria"; not "Haftar" inside "Khalifa
   * Haftar"). With ACTNET_OVERLAPS_ALL they are reported instead: 0. */
  guint suppressed;
  /* Reported mentions found by a short form. */
  guint short_forms;
  /* Candidates of aliases with a validity period left out because the
   * text's date is outside it or unknown. */
  guint out_of_period;
} ActnetMatchStats;

typedef struct _ActnetMatcher ActnetMatcher;

/* Compiles @gazetteer (borrowed; must outlive the matcher and not change).
 * Time complexity: O(total alias length). An empty gazetteer gives a
 * matcher that finds nothing. */
ActnetMatcher *actnet_matcher_new (const ActnetGazetteer *gazetteer, GError **error);
void actnet_matcher_free (ActnetMatcher *matcher);
const ActnetGazetteer *actnet_matcher_get_gazetteer (const ActnetMatcher *matcher);

/* Finds the mentions in @text (@length bytes of valid UTF-8, -1 if
 * NUL-terminated), in text order, with the default options. Reentrant: one
 * matcher may serve many threads. Returns a new GArray of ActnetMention. */
GArray *actnet_matcher_find (const ActnetMatcher *matcher, const char *text, gssize length);

/* The same on text already tokenised (lets callers reuse the tokens). */
GArray *actnet_matcher_find_tokens (const ActnetMatcher *matcher, const ActnetTokens *tokens);

/* Sets the defaults: longest-match overlaps, short forms on. */
void actnet_match_options_init (ActnetMatchOptions *options);

/* Parses "longest" or "all"; ACTNET_ERROR_INVALID_ARGUMENT otherwise. */
gboolean actnet_overlap_policy_parse (const char *text, ActnetOverlapPolicy *policy,
                                      GError **error);

/* Finds the mentions in @tokens under @options (NULL: the defaults), sorted
 * by start, then longest first. @stats (nullable) is overwritten with this
 * call's counts. Returns a new GArray of ActnetMention. Time: linear in the
 * text plus the number of candidates. */
GArray *actnet_matcher_find_full (const ActnetMatcher *matcher, const ActnetTokens *tokens,
                                  const ActnetMatchOptions *options, ActnetMatchStats *stats);

/* The implicit short forms compiled for @actor ("Haftar", "al-Sarraj",
 * "Sarraj"), in derivation order: a new NULL-terminated array, empty when
 * none (not a person, short forms already explicit aliases, ...). */
char **actnet_matcher_dup_short_forms (const ActnetMatcher *matcher, guint actor);

/* The surface forms an alias text compiles to: without a leading title when
 * @type is "person" ("Gen. Khalifa Haftar" -> "Khalifa Haftar"), and the base
 * followed by each inflection of a trailing "[s,ish]" list ("Kurd[s,ish]" ->
 * "Kurd", "Kurds", "Kurdish"). A new NULL-terminated array, never empty. */
char **actnet_alias_expand (const char *text, const char *type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActnetMatcher, actnet_matcher_free)

G_END_DECLS
