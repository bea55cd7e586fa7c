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
  char *date;      /* JSONL "date" (or the --date-field member) or NULL */
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
 * recursively in byte order of names for *.txt, *.md, *.markdown,
 * *.jsonl and *.jsonl.gz; *.jsonl files (and "-" when its first byte is
 * '{') hold one article per line, *.jsonl.gz the same gzip-compressed
 * (decompressed as it is read). Nothing is opened until the first next(). */
ActnetCorpusReader *actnet_corpus_reader_new (const char *const *inputs);
void actnet_corpus_reader_free (ActnetCorpusReader *reader);

/* The next document, or NULL at the end (error unset) or on failure (error
 * set: missing file "PATH: No such file", invalid UTF-8 "PATH:LINE: ...",
 * binary data, a JSONL line that is not an object with a string "text";
 * ACTNET_ERROR_IO for a device given as input, "PATH: not a regular file
 * (character device)"; ACTNET_ERROR_NOT_FOUND for an input directory
 * without corpus files, "DIR: no corpus files in this directory ...";
 * ACTNET_ERROR_LIMIT for a document over the maximum size (see
 * ACTNET_DEFAULT_MAX_DOCUMENT_SIZE) or a JSONL line nested deeper than 1000
 * levels). Pipes are read as streams. Documents without text are returned;
 * at the end one warning counts them ("N empty documents (no text), the
 * first ID", see actnet_corpus_reader_get_warnings()). */
ActnetDocument *actnet_corpus_reader_next (ActnetCorpusReader *reader, GError **error);

/* How documents get their `day` (README, "Dates"). */
typedef enum {
  ACTNET_DATING_NONE,   /* every document undated */
  ACTNET_DATING_FIELD,  /* the JSONL date field only (the default) */
  ACTNET_DATING_AUTO    /* the field, else the first date in the head of a text file */
} ActnetDatingMode;

typedef struct {
  ActnetDatingMode mode;
  const char *field;       /* JSONL member holding the date; NULL: "date" */
  const char *dates_file;  /* sidecar CSV "path,date" or NULL; its dates win */
} ActnetDatingOptions;
#define ACTNET_DATING_OPTIONS_INIT { ACTNET_DATING_FIELD, NULL, NULL }

/* "none", "field" or "auto" into @mode; FALSE for anything else. */
gboolean actnet_dating_mode_parse (const char *text, ActnetDatingMode *mode);

/* How far into a text file ACTNET_DATING_AUTO looks for its date: the first
 * 10 non-blank lines, at most 600 bytes, where datelines and bylines are and
 * captions further down are not. */
#define ACTNET_DATING_HEAD_LINES 10
#define ACTNET_DATING_HEAD_BYTES 600

/* Sets how @reader dates the documents it returns (before the first
 * next()); @options is copied. Reads the sidecar CSV now: one "path,date"
 * row per line (a first "path,date" header skipped, fields may be quoted,
 * blank lines ignored); the path is matched against a JSONL document's id,
 * else a file's path as given, else its basename. Fails with @error
 * "FILE:LINE: ..." on a malformed row or a date that does not parse. A
 * JSONL date that does not parse leaves its document undated and adds one
 * warning per file (see actnet_corpus_reader_get_warnings()). */
gboolean actnet_corpus_reader_set_dating (ActnetCorpusReader *reader,
                                          const ActnetDatingOptions *options,
                                          GError **error);

/* Warnings so far ("PATH: N dates not understood (first at line L: \"...\")"),
 * in order; borrowed, NUL-free strings, never NULL. A file's warning is
 * added when the reader is done with that file. */
const GPtrArray *actnet_corpus_reader_get_warnings (const ActnetCorpusReader *reader);

/* How far a batch run is (ActnetBatchOptions.progress). */
typedef struct {
  guint64 documents;     /* documents read so far */
  guint64 text_bytes;    /* bytes of document text read so far */
  guint64 input_bytes;   /* bytes of the input files consumed (compressed bytes for .gz) */
  guint64 input_total;   /* sizes of the input files known so far (directories are walked
                          * as they are read, so it can grow); 0 when unknown (stdin) */
  gboolean finished;     /* the last call of the run */
} ActnetProgress;
typedef void (*ActnetProgressFunc) (const ActnetProgress *progress, gpointer user_data);

/* Input bytes consumed so far and the total size of the inputs known so
 * far (either nullable), for progress and ETA. Sizes come from stat() of
 * regular files as they are queued; stdin and pipes add nothing to the
 * total. */
void actnet_corpus_reader_get_input_position (const ActnetCorpusReader *reader,
                                              guint64 *consumed, guint64 *total);

/* Batch input (README, "Batch input"). Globs are g_pattern_spec globs
 * ('*' and '?', '*' also crosses '/'). */
typedef struct {
  const char *const *include;  /* NULL-terminated or NULL: files found in directories
                                * are read only when one matches */
  const char *const *exclude;  /* files and directories found in directories are
                                * left out when one matches */
  const char *files_from;      /* file listing more inputs, one a line ("#" comments,
                                * blank lines skipped), "-" for standard input; or NULL */
  gboolean keep_going;         /* skip a failing document (with a warning) instead of failing */
  /* Used by the pipeline (actnet-pipeline.h), and by the reader from 3 on: */
  guint jobs;                  /* threads that match and count; 0 or 1: the calling thread.
                                * From 3 on, as many threads decode JSONL lines ahead of
                                * them. Results are identical for any number. */
  ActnetProgressFunc progress; /* nullable: called in the calling thread as documents are read */
  gpointer progress_data;
  /* Used by the reader again: */
  guint64 max_document_size;   /* bytes of a text file or JSONL line; 0: the default,
                                * ACTNET_DEFAULT_MAX_DOCUMENT_SIZE; G_MAXUINT64: no limit */
} ActnetBatchOptions;
#define ACTNET_BATCH_OPTIONS_INIT { NULL, NULL, NULL, FALSE, 0, NULL, NULL, 0 }

/* The largest document a reader takes unless told otherwise: 64 MiB. A text
 * file (by its size, before reading it), a pipe or standard input (as it is
 * read) or a JSONL line (read in bounded pieces, never whole) over the limit
 * fails with ACTNET_ERROR_LIMIT, "PATH: document larger than the maximum
 * document size ..." or "PATH:LINE: line longer than ...", or is skipped
 * under keep_going (the rest of that line is read past, the file goes on).
 * Matching costs about 25 bytes of memory per byte of text, so one 64 MiB
 * document takes some 1.6 GB. */
#define ACTNET_DEFAULT_MAX_DOCUMENT_SIZE (G_GUINT64_CONSTANT (64) << 20)

/* Sets @reader's batch options (before the first next(); @options is
 * copied). Globs are matched against the path of a file or directory
 * below the directory given (with '/') and against its basename; inputs
 * named by the caller or in the list are never filtered. The files_from
 * paths are read now and queued after the inputs; fails with @error on
 * an unreadable list or a list on stdin when "-" is also an input.
 * With keep_going, a document that would fail next() (missing or
 * unreadable file, invalid UTF-8, binary data, a bad JSONL line, a
 * corrupt gzip stream: the rest of that file) is skipped instead: its
 * message is added to the warnings as "skipped MESSAGE" and counted. */
gboolean actnet_corpus_reader_set_batch (ActnetCorpusReader *reader,
                                         const ActnetBatchOptions *options,
                                         GError **error);
/* Documents (or unreadable inputs) skipped so far under keep_going. */
guint64 actnet_corpus_reader_get_n_skipped (const ActnetCorpusReader *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActnetDocument, actnet_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActnetCorpusReader, actnet_corpus_reader_free)

G_END_DECLS
