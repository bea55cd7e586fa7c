/* Evaluation: mentions scored against gold annotations.
 *
 * A gold standard (ActnetGold) is loaded from
 *   - a TSV file in the `actnet mentions` layout: a header naming the
 *     columns, of which doc, start, end and type are required and surface,
 *     id, label optional (any order, extra columns ignored); byte offsets,
 *     end exclusive; or
 *   - a CoNLL-2003 column file: one token a line, the last column its NER
 *     tag, a blank line between sentences, a "-DOCSTART-" line before each
 *     document. IOB1 and IOB2 are both read: an entity starts at B-X, or at
 *     I-X when the previous tag is not B-X/I-X of the same type. Types are
 *     canonicalised (PER -> person, ORG -> organization, LOC -> place,
 *     others lower-cased: MISC -> misc). The text is rebuilt from the tokens
 *     (one space between tokens, a newline after each sentence) and the
 *     entities get byte offsets into it, so the gold carries its own texts.
 *
 * Predictions are added to an ActnetEval per gold document, then an
 * ActnetEvalReport scores them:
 *   - exact: same document, start, end and id (TSV gold, which has ids) or
 *     type (CoNLL gold, which has none); one-to-one;
 *   - overlap: a prediction counts when it overlaps a gold mention of the
 *     same id/type in the same document; a gold mention counts when such a
 *     prediction overlaps it;
 *   - precision = matched predictions / predictions, recall = matched gold
 *     / gold (1 when the denominator is 0), F1 their harmonic mean (0 when
 *     both are 0).
 * Scopes: "all" covers the actor types, i.e. every gold type except
 * "media" and "byline"; then one scope per gold type (person,
 * organization, place first, then the others by name, media and byline
 * last). Media outlets and bylines are marked in a gold set so that an
 * evaluation can show what a matcher does with them, but they are not
 * actors of the network: a place found inside "New York Times" is a false
 * alarm of "all", and a media outlet found is scored on the "media" row
 * only. Predictions whose type is not a gold type are not scored at all
 * (a gold set without media says nothing about media).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <actnet/actnet-gazetteer.h>
#include <actnet/actnet-matcher.h>

G_BEGIN_DECLS

typedef enum {
  ACTNET_GOLD_FORMAT_AUTO,   /* sniffed from the first line, see actnet_gold_load_data() */
  ACTNET_GOLD_FORMAT_TSV,
  ACTNET_GOLD_FORMAT_CONLL
} ActnetGoldFormat;

/* One gold mention or prediction. Lifetime: owned by the ActnetGold or
 * ActnetEval it belongs to (strings too), valid until that is freed or, for
 * predictions, until the next prediction is added. */
typedef struct {
  guint doc;            /* index of the gold document */
  gsize start;          /* byte offset, inclusive */
  gsize end;            /* byte offset, exclusive */
  const char *surface;  /* the covered text, whitespace runs as one space; "" when unknown */
  const char *id;       /* actor id; "" when the gold has no ids (CoNLL) */
  const char *type;     /* canonical type */
  guint line;           /* line of the gold file; 0 for a prediction */
} ActnetEvalMention;

/* Parses "auto", "tsv" or "conll" (ACTNET_ERROR_INVALID_ARGUMENT otherwise). */
gboolean actnet_gold_format_parse (const char *name, ActnetGoldFormat *format, GError **error);

typedef struct _ActnetGold ActnetGold;

/* Loads gold annotations. With ACTNET_GOLD_FORMAT_AUTO a file whose first
 * line starts with "doc<TAB>", or looks like a mention without a header
 * (four or more tab-separated fields, the second and third numbers: then
 * the missing header is reported), is TSV; anything else is CoNLL.
 * Errors (ACTNET_ERROR_PARSE / ACTNET_ERROR_ENCODING, "NAME:LINE: ..."):
 * invalid UTF-8; TSV: missing header or required column, wrong field count,
 * an offset that is not a number, start >= end, an empty doc, id or type, a
 * mention listed twice; CoNLL: a line without a tag, a tag that is not O,
 * B-TYPE or I-TYPE, a document id used twice. File errors are G_FILE_ERROR. */
ActnetGold *actnet_gold_load_file (const char *path, ActnetGoldFormat format, GError **error);
/* The same from memory; @name stands for the path in messages. */
ActnetGold *actnet_gold_load_data (const char *data, gssize length, const char *name,
                                   ActnetGoldFormat format, GError **error);
void actnet_gold_free (ActnetGold *gold);

/* The format actually read (never AUTO). */
ActnetGoldFormat actnet_gold_get_format (const ActnetGold *gold);
/* TRUE when mentions carry actor ids (TSV with an id column). */
gboolean actnet_gold_has_ids (const ActnetGold *gold);

/* Documents, in order of first appearance. Their ids are the TSV `doc`
 * values, or for CoNLL the -DOCSTART- line's second column when it is
 * neither "-X-" nor "O", else "conll:N", N counting the -DOCSTART-
 * sections from 1 (tokens before the first one make section 1). A CoNLL
 * section without tokens gives no document. */
guint actnet_gold_get_n_documents (const ActnetGold *gold);
const char *actnet_gold_get_document_id (const ActnetGold *gold, guint doc);
/* The text rebuilt from a CoNLL document's tokens (@length set when not
 * NULL); NULL for TSV gold, whose texts are the annotated files. */
const char *actnet_gold_get_document_text (const ActnetGold *gold, guint doc, gsize *length);
/* The gold document a predicted document id names: the one with that
 * exact id, else the one whose basename equals @doc's basename (when
 * exactly one does). G_MAXUINT when none. */
guint actnet_gold_lookup_document (const ActnetGold *gold, const char *doc);

/* Gold mentions, in file order. */
guint actnet_gold_get_n_mentions (const ActnetGold *gold);
const ActnetEvalMention *actnet_gold_get_mention (const ActnetGold *gold, guint i);
/* The distinct gold types in report order (see the top of this file);
 * NULL-terminated, borrowed. */
const char *const *actnet_gold_get_types (const ActnetGold *gold);

/* Checks that the gold spans of document @doc cut @text (@length bytes) at
 * their surfaces (whitespace runs compared as one space): a gold file that
 * does not fit its text would give meaningless scores. Fails with
 * ACTNET_ERROR_PARSE "NAME:LINE: ..." on the first span past the end of
 * the text or with another surface (compared only when the gold has
 * surfaces). */
gboolean actnet_gold_check_text (const ActnetGold *gold, guint doc, const char *text,
                                 gsize length, GError **error);

typedef struct _ActnetEval ActnetEval;

/* A scorer for predictions against @gold (borrowed: must outlive it). */
ActnetEval *actnet_eval_new (const ActnetGold *gold);
void actnet_eval_free (ActnetEval *eval);
const ActnetGold *actnet_eval_get_gold (const ActnetEval *eval);

/* Adds one predicted mention of gold document @doc. @type is canonicalised;
 * a prediction whose type is not a gold type is not scored and FALSE is
 * returned. @surface and @id may be NULL. */
gboolean actnet_eval_add_prediction (ActnetEval *eval, guint doc, gsize start, gsize end,
                                     const char *surface, const char *id, const char *type);
/* Adds matcher output: @mentions (ActnetMention) found in @text, the text
 * of gold document @doc, with ids and types from @gazetteer. Returns the
 * number of mentions scored. */
guint actnet_eval_add_mentions (ActnetEval *eval, guint doc, const char *text,
                                const GArray *mentions, const ActnetGazetteer *gazetteer);
guint actnet_eval_get_n_predictions (const ActnetEval *eval);
const ActnetEvalMention *actnet_eval_get_prediction (const ActnetEval *eval, guint i);

/* Figures of one scope. Lifetime: owned by the ActnetEvalReport. */
typedef struct {
  const char *scope;          /* "all" or a type */
  guint n_gold;
  guint n_predicted;
  guint exact;                /* exact matches (one-to-one) */
  guint overlap_predicted;    /* predictions overlapping a gold mention of the same id/type */
  guint overlap_gold;         /* gold mentions overlapped by a prediction of the same id/type */
  double precision, recall, f1;
  double overlap_precision, overlap_recall, overlap_f1;
} ActnetEvalScore;

/* A miss (a gold mention no prediction matches exactly) or a false alarm
 * (a prediction that matches no gold mention exactly), with the first
 * mention of the other side that overlaps it, whatever its id and type
 * (NULL when none): it tells a wrong span or id from a plain miss. */
typedef struct {
  const ActnetEvalMention *mention;
  const ActnetEvalMention *overlap;
} ActnetEvalMismatch;

typedef struct _ActnetEvalReport ActnetEvalReport;

/* Scores the predictions added so far: O((g + p) log (g + p)). The report
 * borrows the mentions of @eval and its gold: free it before them, and
 * before adding more predictions. */
ActnetEvalReport *actnet_eval_report_new (const ActnetEval *eval);
void actnet_eval_report_free (ActnetEvalReport *report);

/* Scores: "all" first, then one per gold type. */
guint actnet_eval_report_get_n_scores (const ActnetEvalReport *report);
const ActnetEvalScore *actnet_eval_report_get_score (const ActnetEvalReport *report, guint i);
/* The score of @scope, or NULL. */
const ActnetEvalScore *actnet_eval_report_lookup_score (const ActnetEvalReport *report,
                                                        const char *scope);

/* Misses and false alarms of "all", media and byline, sorted by document,
 * start, end, id and type. */
guint actnet_eval_report_get_n_misses (const ActnetEvalReport *report);
const ActnetEvalMismatch *actnet_eval_report_get_miss (const ActnetEvalReport *report, guint i);
guint actnet_eval_report_get_n_false_alarms (const ActnetEvalReport *report);
const ActnetEvalMismatch *actnet_eval_report_get_false_alarm (const ActnetEvalReport *report,
                                                              guint i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActnetGold, actnet_gold_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActnetEval, actnet_eval_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActnetEvalReport, actnet_eval_report_free)

G_END_DECLS
