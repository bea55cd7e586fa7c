/* Segmentation into paragraphs (blank lines) and sentences.
 *
 * Sentence ends: '.', '!', '?' (optionally followed by closing quotes or
 * brackets) then whitespace and an opening capital, digit or quote — except
 * after abbreviations (Mr. Gen. Col. Dr. St. months ...), dotted acronyms
 * (U.S., U.N.) and single-letter initials (J. Christopher Stevens). A break
 * never falls inside a mention span, so "Mike\n\nPompeo" stays one sentence.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <actnet/actnet-matcher.h>
#include <actnet/actnet-corpus.h>

G_BEGIN_DECLS

/* A unit of text. Lifetime: element of a GArray owned by its ActnetSegmentation. */
typedef struct {
  gsize start;      /* byte offset, inclusive (first non-space byte) */
  gsize end;        /* exclusive (after the last non-space byte) */
  guint paragraph;  /* for sentences: index of the enclosing paragraph */
} ActnetSpan;

typedef struct {
  GArray *paragraphs; /* ActnetSpan, in order, covering every non-blank byte */
  GArray *sentences;  /* ActnetSpan, in order, each inside one paragraph */
} ActnetSegmentation;

/* Segments @text; @mentions (may be NULL) are spans no break may cut. */
ActnetSegmentation *actnet_segment (const char *text, gsize length,
                                    const GArray *mentions);
void actnet_segmentation_free (ActnetSegmentation *segmentation);

/* Segments @document: blank lines and sentences are read from its clean
 * text, ATX headings ("# Title", whose hashes are blanked in clean) from
 * its original text, so a heading is a paragraph of its own even with no
 * blank line after it. actnet_segment (clean, ...) gives the same result
 * except for that. */
ActnetSegmentation *actnet_segment_document (const ActnetDocument *document,
                                             const GArray *mentions);

/* Index of the span in @spans (sorted) that contains @offset, or the last
 * one starting before it; G_MAXUINT when none. O(log n). */
guint actnet_spans_find (const GArray *spans, gsize offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActnetSegmentation, actnet_segmentation_free)

G_END_DECLS
