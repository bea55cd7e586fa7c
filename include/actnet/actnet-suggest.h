/* Discovery of missing actors: name-like phrases that no gazetteer alias
 * covers, counted over a corpus, with the known actors they appear with.
 *
 * A phrase is a maximal run of capitalised words (README, "Linting and
 * discovery", has the rules): lower-case connectors may join them inside
 * (of, the, al, el, bin, ibn, abu, de; al-/el- before a hyphen), "and" only
 * inside organisation names; an initial ("J.") or a title abbreviation
 * ("Gen.") does not end it. Leading titles (President, Gen., Prime
 * Minister ...) are stripped and mark a person; a function word opening a
 * sentence (The, In, But ...) is stripped; a single capitalised word seen
 * only at sentence starts is not a name; sentences in title case (headlines,
 * bylines, navigation) are skipped; words inside a gazetteer mention are
 * never part of a phrase. Acronyms are 2-6 capitals, optionally dotted
 * (U.N.).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <actnet/actnet-gazetteer.h>
#include <actnet/actnet-matcher.h>
#include <actnet/actnet-corpus.h>

G_BEGIN_DECLS

#define ACTNET_SUGGESTION_MAX_PEERS 3

/* A known actor seen in the same sentence as a suggestion. */
typedef struct {
  guint actor;   /* index in the matcher's gazetteer */
  guint count;   /* sentences shared */
} ActnetSuggestionPeer;

/* One suggestion. Lifetime: an element of the GArray returned by
 * actnet_suggester_rank(); its strings belong to the suggester and stay
 * valid until the next rank call or the suggester's free. */
typedef struct {
  const char *key;       /* actnet_text_normalize() of the phrase */
  const char *label;     /* the most frequent surface form */
  const char *type;      /* guessed: person, organization, place or misc */
  const char *id;        /* snake_case ASCII id, unique against the gazetteer
                            and the other suggestions of the same ranking */
  const char *const *variants; /* other surface forms the label would not
                                  match (case), NULL-terminated; may be empty */
  guint count;           /* occurrences */
  guint documents;       /* documents it occurs in */
  guint n_peers;         /* <= ACTNET_SUGGESTION_MAX_PEERS */
  ActnetSuggestionPeer peers[ACTNET_SUGGESTION_MAX_PEERS]; /* most shared first */
} ActnetSuggestion;

typedef struct _ActnetSuggester ActnetSuggester;

/* A suggester excluding what @matcher (borrowed, may be NULL for no
 * gazetteer) finds; it must outlive the suggester. */
ActnetSuggester *actnet_suggester_new (const ActnetMatcher *matcher);
void actnet_suggester_free (ActnetSuggester *suggester);

/* Dictionary for one-word phrases, one word a line (Debian's wamerican:
 * /usr/share/dict/american-english): a lone capitalised word found in it,
 * in any case ("Libyan", "Western", "Research"), is an adjective, a
 * demonym or a word capitalised for emphasis, not a name. Without a list
 * such words stay. Fails with G_FILE_ERROR when @path cannot be read. */
gboolean actnet_suggester_load_words (ActnetSuggester *suggester, const char *path,
                                      GError **error);
/* The same from memory. */
void actnet_suggester_add_words (ActnetSuggester *suggester, const char *data,
                                 gssize length);

/* Reads one document: its clean text is tokenised, matched and segmented.
 * Time: linear in the document. */
void actnet_suggester_add_document (ActnetSuggester *suggester,
                                    const ActnetDocument *document);

/* The phrases seen at least @min_count times (single words: at least once
 * away from a sentence start), by count, then documents, then key; at most
 * @top of them (0: all). New GArray of ActnetSuggestion. */
GArray *actnet_suggester_rank (ActnetSuggester *suggester, guint min_count, guint top);

/* The gazetteer lines of @suggestions, ready to append to a native TSV
 * gazetteer after review: each entry is a comment line with its figures
 * ("# n=12 docs=3 with=khalifa_haftar (5), tripoli (3)") followed by
 * "id TAB type TAB label TAB aliases" (aliases: the variants, '|'
 * separated). No header line, so the text can follow existing lines.
 * @gazetteer names the peers (may be NULL: peers left out). New string. */
char *actnet_suggestions_to_tsv (const GArray *suggestions,
                                 const ActnetGazetteer *gazetteer);

/* A snake_case ASCII id for @name: its words' normalised keys (diacritics
 * folded, case folded), letters and digits kept, joined by '_'
 * ("Ansar al-Sharia" -> "ansar_al_sharia"); "actor" when nothing is left.
 * New string. */
char *actnet_suggest_make_id (const char *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActnetSuggester, actnet_suggester_free)

G_END_DECLS
