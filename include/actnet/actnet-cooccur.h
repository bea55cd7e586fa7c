/* Co-occurrence counting: which actors are mentioned together, per unit.
 *
 * Windows: a sentence, a paragraph, a whole document, or N words. Within a
 * sentence/paragraph/document unit each unordered pair of distinct actors
 * counts once. With an N-word window every mention anchors a unit made of
 * the mentions that start at most N words before it; each distinct other
 * actor in that unit counts once with it (README, "Co-occurrence").
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <actnet/actnet-segmenter.h>
#include <actnet/actnet-dates.h>

G_BEGIN_DECLS

typedef enum {
  ACTNET_WINDOW_SENTENCE,
  ACTNET_WINDOW_PARAGRAPH,
  ACTNET_WINDOW_DOCUMENT,
  ACTNET_WINDOW_WORDS
} ActnetWindowKind;

typedef struct {
  ActnetWindowKind kind;
  guint words;     /* window size for ACTNET_WINDOW_WORDS, >= 1 */
} ActnetWindow;

/* Parses "sentence", "paragraph", "document" or a positive integer. */
gboolean actnet_window_parse (const char *text, ActnetWindow *window, GError **error);
/* "sentence", ..., or "N words" written into a new string. */
char *actnet_window_to_string (ActnetWindow window);

/* TRUE when @a and @b are the same unit (the word count matters only for
 * ACTNET_WINDOW_WORDS). */
gboolean actnet_window_equal (ActnetWindow a, ActnetWindow b);
/* Parses a comma-separated list of windows ("sentence,paragraph,20"): the
 * scopes counted in one pass, the first one the primary. Fails on an
 * empty list, a bad item or a window listed twice. New GArray of
 * ActnetWindow. */
GArray *actnet_window_list_parse (const char *text, GError **error);
/* Name of the edge attribute holding the raw counts of @window:
 * "w_sentence", "w_paragraph", "w_document", "w_20words". New string. */
char *actnet_window_attribute_name (ActnetWindow window);

/* One actor pair. Lifetime: element of a GArray owned by the caller. */
typedef struct {
  guint a, b;          /* actor indices, a < b */
  guint64 weight;      /* units in which both occur */
  guint64 documents;   /* distinct documents in which they co-occur */
} ActnetPair;

typedef struct _ActnetCooccur ActnetCooccur;

ActnetCooccur *actnet_cooccur_new (guint n_actors, ActnetWindow window);
void actnet_cooccur_free (ActnetCooccur *cooccur);

/* Counts one document: @mentions (ActnetMention, text order) and the
 * document's segmentation (needed for sentence/paragraph windows). */
void actnet_cooccur_add_document (ActnetCooccur *cooccur, const GArray *mentions,
                                  const ActnetSegmentation *segmentation);
/* Adds the counts of @from (same actor count and window) into @into. */
void actnet_cooccur_merge (ActnetCooccur *into, const ActnetCooccur *from);

ActnetWindow actnet_cooccur_get_window (const ActnetCooccur *cooccur);
guint actnet_cooccur_get_n_actors (const ActnetCooccur *cooccur);
guint64 actnet_cooccur_get_n_documents (const ActnetCooccur *cooccur);
guint64 actnet_cooccur_get_n_mentions (const ActnetCooccur *cooccur);
guint64 actnet_cooccur_get_actor_mentions (const ActnetCooccur *cooccur, guint actor);
guint64 actnet_cooccur_get_actor_documents (const ActnetCooccur *cooccur, guint actor);
/* Marginals, for association measures (README, "Co-occurrence"). N: the
 * units counted — every sentence / paragraph / document of every document
 * (those without a mention too) or, for N-word windows, every mention (each
 * anchors one unit). c_a: the units in which @actor occurs (for N-word
 * windows: the anchors whose unit holds a mention of @actor). A pair's
 * weight never exceeds either actor's c_a, nor c_a exceeds N. */
guint64 actnet_cooccur_get_n_units (const ActnetCooccur *cooccur);
guint64 actnet_cooccur_get_actor_units (const ActnetCooccur *cooccur, guint actor);
/* Every pair with weight > 0, sorted by (a, b). New array of ActnetPair. */
GArray *actnet_cooccur_get_pairs (const ActnetCooccur *cooccur);

/* Dates (README, "Time slices"). actnet_cooccur_add_document() of a
 * document dated @day (ACTNET_DATE_NONE: undated, then the same as
 * actnet_cooccur_add_document()). Each pair and each actor keeps the
 * earliest and latest date among the dated documents in which it occurs;
 * undated documents never change them. actnet_cooccur_merge() combines
 * them. */
void actnet_cooccur_add_document_dated (ActnetCooccur *cooccur, const GArray *mentions,
                                        const ActnetSegmentation *segmentation, ActnetDate day);
/* The first and last date of pair (@a, @b) (either order); FALSE (and
 * both NONE) when the pair never co-occurs. Both are NONE when it
 * co-occurs only in undated documents. */
gboolean actnet_cooccur_get_pair_dates (const ActnetCooccur *cooccur, guint a, guint b,
                                        ActnetDate *first, ActnetDate *last);
void actnet_cooccur_get_actor_dates (const ActnetCooccur *cooccur, guint actor,
                                     ActnetDate *first, ActnetDate *last);
/* TRUE when at least one counted document had a date. */
gboolean actnet_cooccur_has_dates (const ActnetCooccur *cooccur);

/* Loading saved counts (actnet-counts.h): each call adds to what is
 * there, like actnet_cooccur_merge() of a counter holding only these
 * values. Dates widen the kept ranges (NONE: unknown). The caller keeps
 * the invariants of counting (c_ab <= c_a <= N, documents <= weight). */
void actnet_cooccur_add_totals (ActnetCooccur *cooccur, guint64 n_documents,
                                guint64 n_mentions, guint64 n_units, gboolean dated);
void actnet_cooccur_add_actor_counts (ActnetCooccur *cooccur, guint actor, guint64 mentions,
                                      guint64 documents, guint64 units,
                                      ActnetDate first, ActnetDate last);
/* @weight >= 1; @a != @b in either order. */
void actnet_cooccur_add_pair_counts (ActnetCooccur *cooccur, guint a, guint b, guint64 weight,
                                     guint64 documents, ActnetDate first, ActnetDate last);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActnetCooccur, actnet_cooccur_free)

G_END_DECLS
