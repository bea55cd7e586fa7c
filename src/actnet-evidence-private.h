/* What the counts files (actnet-counts.c) need of an evidence collector to
 * write it and read it back: not public API.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <actnet/actnet-evidence.h>

/* The documents recorded, in corpus order: id and date of @index. */
guint actnet_i_evidence_get_n_documents (const ActnetEvidence *evidence);
const char *actnet_i_evidence_get_document (const ActnetEvidence *evidence, guint index,
                                            ActnetDate *day);

/* Every unit, pairs in (a, b) order with a < b, each pair's units sorted by
 * document, start and end (the order the JSONL gives; the records are
 * sorted in place). */
typedef void (*ActnetIEvidenceUnitFunc) (guint a, guint b, guint32 document, guint32 start,
                                         guint32 end, gpointer user_data);
void actnet_i_evidence_foreach_unit (const ActnetEvidence *evidence, ActnetIEvidenceUnitFunc func,
                                     gpointer user_data);

/* Reading back: a document (returns its index) and a unit of (@a, @b) in
 * it; the caller checks the indices. */
guint actnet_i_evidence_add_document_id (ActnetEvidence *evidence, const char *id, ActnetDate day);
void actnet_i_evidence_add_unit (ActnetEvidence *evidence, guint a, guint b, guint32 document,
                                 guint32 start, guint32 end);
