/* Fuzz target: the corpus reader on a file holding the input: JSONL (one
 * article a line) or a markdown/plain text file, under the dating and
 * keep-going options the first byte picks; every document read is matched
 * and segmented. Invariants: documents hold valid UTF-8 without NUL, the
 * blanked copy differs from the text only by spaces, errors and warnings
 * are valid UTF-8, and nothing half-read is returned.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "fuzz.h"

#include <string.h>

static void
check_document (const ActnetDocument *doc)
{
  FUZZ_CHECK (doc->id != NULL && g_utf8_validate (doc->id, -1, NULL));
  FUZZ_CHECK (doc->path != NULL);
  FUZZ_CHECK (doc->text != NULL && doc->clean != NULL);
  FUZZ_CHECK (strlen (doc->text) == doc->length);
  FUZZ_CHECK (g_utf8_validate (doc->text, doc->length, NULL));
  FUZZ_CHECK (g_utf8_validate (doc->clean, doc->length, NULL));
  FUZZ_CHECK (doc->clean[doc->length] == '\0');
  for (gsize i = 0; i < doc->length; i++)
    FUZZ_CHECK (doc->clean[i] == doc->text[i] || doc->clean[i] == ' ');
  FUZZ_CHECK (doc->title == NULL || g_utf8_validate (doc->title, -1, NULL));
  FUZZ_CHECK (doc->source == NULL || g_utf8_validate (doc->source, -1, NULL));

  g_autoptr (GArray) mentions = actnet_document_find_mentions (fuzz_matcher (), doc);
  fuzz_check_mentions (mentions, doc->text, doc->length, fuzz_gazetteer (), TRUE);
  g_autoptr (ActnetSegmentation) seg = actnet_segment_document (doc, mentions);
  FUZZ_CHECK (seg != NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  fuzz_init ();
  if (size < 1)
    return 0;
  static const char *const names[] = { "in.jsonl", "in.jsonl", "in.md", "in.txt" };
  guint8 flags = data[0];
  g_autofree char *path = fuzz_scratch_path (names[flags & 3]);
  fuzz_write_file (path, data + 1, size - 1);

  const char *inputs[] = { path, NULL };
  g_autoptr (ActnetCorpusReader) reader = actnet_corpus_reader_new (inputs);
  g_autoptr (GError) error = NULL;
  ActnetDatingOptions dating = ACTNET_DATING_OPTIONS_INIT;
  if (flags & 4)
    dating.mode = ACTNET_DATING_AUTO;
  else if (flags & 8)
    dating.mode = ACTNET_DATING_NONE;
  if (flags & 16)
    dating.field = "published";
  FUZZ_CHECK (actnet_corpus_reader_set_dating (reader, &dating, &error));
  ActnetBatchOptions batch = ACTNET_BATCH_OPTIONS_INIT;
  batch.keep_going = (flags & 32) != 0;
  FUZZ_CHECK (actnet_corpus_reader_set_batch (reader, &batch, &error));

  guint n = 0;
  for (;;)
    {
      g_autoptr (ActnetDocument) doc = actnet_corpus_reader_next (reader, &error);
      if (doc == NULL)
        {
          if (error != NULL)
            {
              FUZZ_CHECK (!batch.keep_going);
              FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
            }
          break;
        }
      FUZZ_CHECK (error == NULL);
      check_document (doc);
      if (dating.mode == ACTNET_DATING_NONE)
        FUZZ_CHECK (doc->day == ACTNET_DATE_NONE);
      if (dating.mode == ACTNET_DATING_FIELD && doc->date != NULL)
        FUZZ_CHECK (doc->day == actnet_date_parse (doc->date));
      n++;
      /* A plain text file is one document. */
      if ((flags & 3) >= 2)
        FUZZ_CHECK (n == 1);
    }
  const GPtrArray *warnings = actnet_corpus_reader_get_warnings (reader);
  FUZZ_CHECK (warnings != NULL);
  for (guint i = 0; i < warnings->len; i++)
    FUZZ_CHECK (g_utf8_validate (g_ptr_array_index (warnings, i), -1, NULL));
  if (!batch.keep_going)
    FUZZ_CHECK (actnet_corpus_reader_get_n_skipped (reader) == 0);
  return 0;
}
