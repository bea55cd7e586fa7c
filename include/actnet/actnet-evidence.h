/* Evidence: the text behind every edge. For a pair of actors and a
 * co-occurrence window, the units (sentences, paragraphs, documents or
 * N-word windows) that the counter counted for that pair, with their byte
 * ranges. One unit enumerator serves `actnet explain` and
 * `actnet build --evidence`, so the evidence of a pair always numbers
 * exactly its count in that window (README, "Evidence").
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <actnet/actnet-dates.h>
#include <actnet/actnet-corpus.h>
#include <actnet/actnet-cooccur.h>
#include <actnet/actnet-gazetteer.h>
#include <actnet/actnet-graph.h>

G_BEGIN_DECLS

/* The actor named @name: an id (exact), else a label or alias compared by
 * actnet_text_normalize() (case, hyphens and spacing ignored; a leading
 * '='/'~' case mark of an alias is not part of it). Returns the actor
 * index, or G_MAXUINT with ACTNET_ERROR_NOT_FOUND (unknown; the message
 * suggests ids that contain the name or share its first word) or
 * ACTNET_ERROR_INVALID_ARGUMENT (a name of several actors; the message
 * lists their ids). Time: O(aliases). */
guint actnet_gazetteer_resolve_name (const ActnetGazetteer *gazetteer, const char *name,
                                     GError **error);

/* One unit supporting a pair. Lifetime: element of a GArray owned by the
 * caller. Mentions: indices into the mentions array given to
 * actnet_evidence_find_units(); the unit's mentions of either actor are
 * those of [first, last) whose actor is a or b. */
typedef struct {
  gsize start;   /* byte range of the unit in the document's text */
  gsize end;     /* exclusive */
  guint first;   /* the unit's mentions: [first, last) */
  guint last;
} ActnetEvidenceUnit;

/* The units of one document in which the counter of @window counts the
 * pair (@a, @b) (a != b), in text order: for sentence/paragraph windows
 * each sentence/paragraph holding a mention of both (its span as range);
 * for the document window the whole document (first to last non-blank
 * byte) when it mentions both; for N-word windows every mention of a or b
 * whose unit (it and the mentions starting fewer than N words before it)
 * holds a mention of the other actor, the range running from the first
 * mention of a or b in the unit to the end of the last. @mentions are those
 * counted (ActnetMention, text order); @segmentation may be NULL for
 * document and N-word windows; @text/@length are the document's original
 * bytes (used for the document range). New GArray of ActnetEvidenceUnit.
 * Time: O(mentions) plus the span lookups. */
GArray *actnet_evidence_find_units (ActnetWindow window, const char *text, gsize length,
                                    const GArray *mentions,
                                    const ActnetSegmentation *segmentation,
                                    guint a, guint b);

/* A collector of the evidence of every pair over a corpus, for one window:
 * feed it each counted document (actnet_evidence_pipeline_func() is an
 * ActnetPipelineDocumentFunc doing that), then write it per edge. Memory:
 * each document's id is kept once (interned) with its date; each
 * (pair, unit) costs 12 bytes in a per-pair array, plus one hash entry per
 * pair. */
typedef struct _ActnetEvidence ActnetEvidence;

ActnetEvidence *actnet_evidence_new (ActnetWindow window);
void actnet_evidence_free (ActnetEvidence *evidence);
ActnetWindow actnet_evidence_get_window (const ActnetEvidence *evidence);
/* Records the units of every pair of @document (mentions as counted).
 * Documents must be added in corpus order. Offsets above 4 GiB are not
 * supported (a document that long is refused with a warning). */
void actnet_evidence_add_document (ActnetEvidence *evidence, const ActnetDocument *document,
                                   const GArray *mentions,
                                   const ActnetSegmentation *segmentation);
/* The same with the argument order of ActnetPipelineDocumentFunc
 * (@user_data: the ActnetEvidence). */
void actnet_evidence_pipeline_func (const ActnetDocument *document, const GArray *mentions,
                                    const ActnetSegmentation *segmentation, gpointer user_data);
/* Adds @part's documents after @evidence's and its units to theirs: the
 * evidence of a corpus counted in parts, in the order of the parts (both
 * collected with the same window and gazetteer). */
void actnet_evidence_append (ActnetEvidence *evidence, const ActnetEvidence *part);
/* Units recorded for the actor pair (@a, @b) (either order). */
guint64 actnet_evidence_get_n_units (const ActnetEvidence *evidence, guint a, guint b);

/* Writes one JSON line per edge of @graph, in edge order:
 * {"source": ID, "target": ID, "weight": W, "units": [{"doc": ..., "date":
 * "YYYY-MM-DD" or null, "start": S, "end": E}, ...]}, units sorted by
 * document order then start. Node ids are looked up in @gazetteer (the
 * one counted). Atomic; "-" writes to stdout. Fails with G_FILE_ERROR. */
gboolean actnet_evidence_write_jsonl (const ActnetEvidence *evidence, const ActnetGraph *graph,
                                      const ActnetGazetteer *gazetteer, const char *path,
                                      GError **error);

/* Keyword in context: up to @width characters of @text (@length bytes of
 * UTF-8) before @start and after @end, each whitespace run written as one
 * space; a context never ends inside a UTF-8 sequence. New strings in
 * *@left and *@right ("" at the text's start or end). */
void actnet_evidence_context (const char *text, gsize length, gsize start, gsize end,
                              guint width, char **left, char **right);
/* @text[@start, @end) with each whitespace run as one space: a new string. */
char *actnet_evidence_collapse (const char *text, gsize start, gsize end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActnetEvidence, actnet_evidence_free)

G_END_DECLS
