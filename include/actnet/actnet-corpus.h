/* Corpus input: plain text / markdown files, directories, JSONL and stdin,
 * read one document at a time so corpora of any size stream through.
 *
 * A document keeps its original bytes (`text`, offsets refer to them) and a
 * same-length copy (`clean`) in which markdown syntax that is not prose —
 * link targets "(url)", the brackets of "[text]", emphasis markers, heading
 * hashes — is blanked to spaces. Matching and segmentation run on `clean`,
 * so offsets stay valid in `text`.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <actnet/actnet-dates.h>

G_BEGIN_DECLS

typedef struct {
  char *id;        /* path as given, or the JSONL "id" (else "PATH:LINE") */
  char *path;      /* the file it came from ("-" for stdin) */
  guint line;      /* JSONL line number, 0 for whole files */
  char *title;     /* JSONL "title" or NULL */
  char *date;      /* JSONL "date" or NULL */
  char *source;    /* JSONL "source" or NULL */
  char *text;      /* original UTF-8 bytes, NUL-terminated */
  char *clean;     /* same length as text, markdown syntax blanked */
  gsize length;    /* bytes of text and clean */
  ActnetDate day;  /* the document's date, ACTNET_DATE_NONE when unknown (see actnet-dates.h) */
} ActnetDocument;

void actnet_document_free (ActnetDocument *document);
/* A document from memory (markdown blanking applied when @markdown). */
ActnetDocument *actnet_document_new (const char *id, const char *text,
                                     gssize length, gboolean markdown);

/* Blanks markdown syntax in @buffer in place (same length, UTF-8 kept valid). */
void actnet_markdown_blank (char *buffer, gsize length);

typedef struct _ActnetCorpusReader ActnetCorpusReader;

/* A reader over @inputs (paths, directories, or "-"): directories are walked
 * recursively in byte order of names for *.txt, *.md, *.markdown and
 * *.jsonl; *.jsonl files (and "-" when its first byte is '{') hold one
 * article per line. Nothing is opened until the first next(). */
ActnetCorpusReader *actnet_corpus_reader_new (const char *const *inputs);
void actnet_corpus_reader_free (ActnetCorpusReader *reader);

/* The next document, or NULL at the end (error unset) or on failure (error
 * set: missing file "PATH: No such file", invalid UTF-8 "PATH:LINE: ...",
 * binary data, a JSONL line that is not an object with a string "text"). */
ActnetDocument *actnet_corpus_reader_next (ActnetCorpusReader *reader, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActnetDocument, actnet_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActnetCorpusReader, actnet_corpus_reader_free)

G_END_DECLS
