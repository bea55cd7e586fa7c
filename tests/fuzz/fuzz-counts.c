/* Fuzz target: the partial counts reader (actnet-counts.h), versions 1 and
 * 2 (evidence), on a file holding the input, against a gazetteer of three
 * actors. Invariants: a refusal names the file and leaves nothing behind;
 * what is read writes back as a file that reads again into the same bytes
 * (the reader accepts only what the writer's order and checks allow).
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "fuzz.h"

#include <string.h>

static const ActnetGazetteer *
counts_gazetteer (void)
{
  static ActnetGazetteer *gazetteer;
  if (gazetteer == NULL)
    {
      gazetteer = actnet_gazetteer_new ();
      static const char *const ids[] = { "alpha", "bravo", "charlie" };
      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        FUZZ_CHECK (actnet_gazetteer_add_actor (gazetteer, ids[i], "person", ids[i], NULL) == i);
    }
  return gazetteer;
}

static char *
slurp (const char *path)
{
  char *text = NULL;
  FUZZ_CHECK (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  fuzz_init ();
  const ActnetGazetteer *gazetteer = counts_gazetteer ();
  g_autofree char *path = fuzz_scratch_path ("in.counts");
  fuzz_write_file (path, data, size);

  ActnetCooccur **scopes = NULL;
  guint n_scopes = 0;
  ActnetEvidence *evidence = NULL;
  g_autoptr (GError) error = NULL;
  if (!actnet_counts_read_full (path, gazetteer, &scopes, &n_scopes, &evidence, &error))
    {
      FUZZ_CHECK (error != NULL && g_str_has_prefix (error->message, path));
      FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
      FUZZ_CHECK (scopes == NULL && n_scopes == 0 && evidence == NULL);
      return 0;
    }
  FUZZ_CHECK (error == NULL && scopes != NULL && n_scopes >= 1);
  g_autofree char *first = fuzz_scratch_path ("first.counts");
  g_autofree char *second = fuzz_scratch_path ("second.counts");
  FUZZ_CHECK (actnet_counts_write_full (scopes, n_scopes, evidence, gazetteer, first, NULL));
  actnet_counts_scopes_free (scopes, n_scopes);
  g_clear_pointer (&evidence, actnet_evidence_free);

  FUZZ_CHECK (actnet_counts_read_full (first, gazetteer, &scopes, &n_scopes, &evidence, NULL));
  FUZZ_CHECK (actnet_counts_write_full (scopes, n_scopes, evidence, gazetteer, second, NULL));
  g_autofree char *a = slurp (first);
  g_autofree char *b = slurp (second);
  FUZZ_CHECK (strcmp (a, b) == 0);
  actnet_counts_scopes_free (scopes, n_scopes);
  g_clear_pointer (&evidence, actnet_evidence_free);
  return 0;
}
