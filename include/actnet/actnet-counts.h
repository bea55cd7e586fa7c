/* Partial counts: the co-occurrence counts of one shard of a corpus,
 * written to a file so that counting can run on many machines and the
 * parts be merged into one graph (README, "Batch runs across machines").
 *
 * Format "actnet-counts 1": UTF-8 text, one record a line, fields
 * separated by one tab, integers in decimal, dates ISO (YYYY-MM-DD) or
 * "-" when unknown:
 *
 *   actnet-counts 1
 *   windows  W[,W...]          the scopes, in order (sentence, paragraph,
 *                              document or a number of words)
 *   actors   N                 then N lines "actor ID": the gazetteer's
 *                              actor ids in gazetteer order
 *   scope    W                 once per scope, in the order of windows, then:
 *   totals   DOCS MENTIONS UNITS DATED   (DATED: 1 when a document had a date)
 *   a        ID MENTIONS DOCS UNITS FIRST LAST      actors with a count or
 *                                                  a date; others are zero
 *   p        ID_A ID_B WEIGHT DOCS FIRST LAST       pairs with WEIGHT >= 1
 *   end      S                 the number of scopes: a truncated file has none
 *
 * Format "actnet-counts 2" is version 1 with the evidence of the first
 * scope (actnet-evidence.h) between the last scope and "end":
 *
 *   evidence D U               then D document lines and U unit lines:
 *   d        ID DATE           the documents that hold a unit, corpus order;
 *                              in ID a backslash, tab, CR, LF, other control
 *                              bytes and bytes that are not UTF-8 are
 *                              written \\, \t, \r, \n and \xHH
 *   u        ID_A ID_B DOC START END   a unit of the pair: DOC indexes the
 *                              d lines (from 0), START and END are byte
 *                              offsets; pairs in gazetteer order, each
 *                              pair's units by DOC, START, END
 *
 * Files without evidence are written as version 1.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <actnet/actnet-cooccur.h>
#include <actnet/actnet-gazetteer.h>
#include <actnet/actnet-evidence.h>

G_BEGIN_DECLS

/* The newest version read and written. */
#define ACTNET_COUNTS_VERSION 2

/* Writes @scopes[0..n_scopes) (n_scopes >= 1, counted with @gazetteer,
 * e.g. by actnet_pipeline_count_scopes_dated()) to @path ("-": standard
 * output) through a temporary file renamed into place. Actors in
 * gazetteer order, pairs sorted by (a, b): the same counts give the same
 * bytes. Fails with ACTNET_ERROR_INVALID_ARGUMENT when a scope and
 * @gazetteer disagree on the number of actors, G_FILE_ERROR or
 * ACTNET_ERROR_IO when the file cannot be written. Linear in the actors
 * and pairs (plus the sort of the pairs). */
gboolean actnet_counts_write (ActnetCooccur *const *scopes, guint n_scopes,
                              const ActnetGazetteer *gazetteer, const char *path,
                              GError **error);

/* actnet_counts_write() with the units behind the first scope's pairs
 * (@evidence, nullable: collected in the same pass with that scope's
 * window, else ACTNET_ERROR_INVALID_ARGUMENT): a version 2 file that
 * actnet_counts_read_full() gives back for actnet_evidence_append(). */
gboolean actnet_counts_write_full (ActnetCooccur *const *scopes, guint n_scopes,
                                   const ActnetEvidence *evidence,
                                   const ActnetGazetteer *gazetteer, const char *path,
                                   GError **error);

/* Reads a file written by actnet_counts_write(). Every line is checked:
 * the version, the fields, the actor ids (they must be @gazetteer's, in
 * its order — the parts of one merge must come from one gazetteer), unknown
 * or repeated actors and pairs, counts that counting cannot give (a pair
 * weight above an actor's units, units above N, first date after the
 * last), and the closing "end" line. Errors carry "PATH:LINE: " and are
 * ACTNET_ERROR_PARSE (ACTNET_ERROR_GAZETTEER for another gazetteer's ids,
 * ACTNET_ERROR_IO / ACTNET_ERROR_ENCODING for an unreadable or binary
 * file). On success @scopes is a new array of @n_scopes new counters,
 * freed with actnet_counts_scopes_free(). */
gboolean actnet_counts_read (const char *path, const ActnetGazetteer *gazetteer,
                             ActnetCooccur ***scopes, guint *n_scopes, GError **error);

/* actnet_counts_read() that also gives the evidence of a version 2 file in
 * *@evidence (nullable; NULL for a version 1 file), checked as the counts
 * are: documents in range, units in the writer's order, no pair with units
 * that its weight in the first scope does not cover. */
gboolean actnet_counts_read_full (const char *path, const ActnetGazetteer *gazetteer,
                                  ActnetCooccur ***scopes, guint *n_scopes,
                                  ActnetEvidence **evidence, GError **error);

/* Frees an array returned by actnet_counts_read() (NULL is a no-op). */
void actnet_counts_scopes_free (ActnetCooccur **scopes, guint n_scopes);

G_END_DECLS
