/* Fuzz target: the native TSV gazetteer parser (from memory), then the
 * matcher compiled from what it loaded, and the TSV writer, whose output
 * must load back into the same actors, aliases and attributes.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "fuzz.h"

#include <string.h>

static void
check_loaded (const ActnetGazetteer *gaz)
{
  guint n_actors = actnet_gazetteer_get_n_actors (gaz);
  for (guint i = 0; i < n_actors; i++)
    {
      const char *id = actnet_gazetteer_get_id (gaz, i);
      FUZZ_CHECK (id != NULL && id[0] != '\0' && g_utf8_validate (id, -1, NULL));
      FUZZ_CHECK (actnet_gazetteer_lookup (gaz, id) == i);
      const char *type = actnet_gazetteer_get_type (gaz, i);
      FUZZ_CHECK (type != NULL && g_utf8_validate (type, -1, NULL));
      const char *label = actnet_gazetteer_get_label (gaz, i);
      FUZZ_CHECK (label != NULL && g_utf8_validate (label, -1, NULL));
      for (guint k = 0; k < actnet_gazetteer_get_n_attributes (gaz, i); k++)
        {
          const char *key = actnet_gazetteer_get_attribute_key (gaz, i, k);
          const char *value = actnet_gazetteer_get_attribute_value (gaz, i, k);
          FUZZ_CHECK (key != NULL && g_utf8_validate (key, -1, NULL));
          FUZZ_CHECK (value != NULL && g_utf8_validate (value, -1, NULL));
        }
    }
  for (guint a = 0; a < actnet_gazetteer_get_n_aliases (gaz); a++)
    {
      const char *text = actnet_gazetteer_get_alias_text (gaz, a);
      FUZZ_CHECK (text != NULL && text[0] != '\0' && g_utf8_validate (text, -1, NULL));
      FUZZ_CHECK (actnet_gazetteer_get_alias_actor (gaz, a) < n_actors);
      ActnetDate from, to;
      if (actnet_gazetteer_get_alias_period (gaz, a, &from, &to))
        FUZZ_CHECK (from == ACTNET_DATE_NONE || to == ACTNET_DATE_NONE || from <= to);
    }
  const GPtrArray *warnings = actnet_gazetteer_get_warnings (gaz);
  for (guint w = 0; warnings != NULL && w < warnings->len; w++)
    FUZZ_CHECK (g_utf8_validate (g_ptr_array_index (warnings, w), -1, NULL));
}

static gboolean
same_string (const char *a, const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

/* @b was loaded from what actnet_gazetteer_write_tsv() wrote of @a. */
static void
check_same (const ActnetGazetteer *a, const ActnetGazetteer *b)
{
  FUZZ_CHECK (actnet_gazetteer_get_n_actors (a) == actnet_gazetteer_get_n_actors (b));
  for (guint i = 0; i < actnet_gazetteer_get_n_actors (a); i++)
    {
      FUZZ_CHECK (same_string (actnet_gazetteer_get_id (a, i), actnet_gazetteer_get_id (b, i)));
      FUZZ_CHECK (same_string (actnet_gazetteer_get_type (a, i), actnet_gazetteer_get_type (b, i)));
      FUZZ_CHECK (same_string (actnet_gazetteer_get_label (a, i), actnet_gazetteer_get_label (b, i)));
      guint n = actnet_gazetteer_get_n_attributes (a, i);
      FUZZ_CHECK (n == actnet_gazetteer_get_n_attributes (b, i));
      for (guint k = 0; k < n; k++)
        {
          FUZZ_CHECK (same_string (actnet_gazetteer_get_attribute_key (a, i, k),
                                   actnet_gazetteer_get_attribute_key (b, i, k)));
          FUZZ_CHECK (same_string (actnet_gazetteer_get_attribute_value (a, i, k),
                                   actnet_gazetteer_get_attribute_value (b, i, k)));
        }
    }
  FUZZ_CHECK (actnet_gazetteer_get_n_aliases (a) == actnet_gazetteer_get_n_aliases (b));
  for (guint k = 0; k < actnet_gazetteer_get_n_aliases (a); k++)
    {
      FUZZ_CHECK (same_string (actnet_gazetteer_get_alias_text (a, k),
                               actnet_gazetteer_get_alias_text (b, k)));
      FUZZ_CHECK (actnet_gazetteer_get_alias_actor (a, k) == actnet_gazetteer_get_alias_actor (b, k));
      FUZZ_CHECK (actnet_gazetteer_get_alias_policy (a, k) == actnet_gazetteer_get_alias_policy (b, k));
      ActnetDate fa, ta, fb, tb;
      gboolean da = actnet_gazetteer_get_alias_period (a, k, &fa, &ta);
      gboolean db = actnet_gazetteer_get_alias_period (b, k, &fb, &tb);
      FUZZ_CHECK (da == db && fa == fb && ta == tb);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  fuzz_init ();
  const char *text = (const char *) data;
  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  g_autoptr (GError) error = NULL;
  if (!actnet_gazetteer_load_data (gaz, text, size, "fuzz.tsv", &error))
    {
      FUZZ_CHECK (error != NULL && g_utf8_validate (error->message, -1, NULL));
      /* On error nothing from the file is kept. */
      FUZZ_CHECK (actnet_gazetteer_get_n_actors (gaz) == 0);
      FUZZ_CHECK (actnet_gazetteer_get_n_aliases (gaz) == 0);
      return 0;
    }
  FUZZ_CHECK (error == NULL);
  check_loaded (gaz);

  g_autoptr (ActnetMatcher) matcher = actnet_matcher_new (gaz, &error);
  if (matcher == NULL)
    {
      FUZZ_CHECK (error != NULL);
      return 0;
    }
  /* The file itself is valid UTF-8 now: match it against its own names. */
  g_autoptr (GArray) mentions = actnet_matcher_find (matcher, text, size);
  fuzz_check_mentions (mentions, text, size, gaz, TRUE);
  for (guint i = 0; i < actnet_gazetteer_get_n_actors (gaz); i++)
    g_strfreev (actnet_matcher_dup_short_forms (matcher, i));

  g_autofree char *path = fuzz_scratch_path ("round.tsv");
  if (!actnet_gazetteer_write_tsv (gaz, path, &error))
    {
      /* Only a field the format cannot hold may stop the writer. */
      FUZZ_CHECK (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT));
      return 0;
    }
  g_autoptr (ActnetGazetteer) again = actnet_gazetteer_new ();
  if (!actnet_gazetteer_load_file (again, path, &error))
    fuzz_fail (__FILE__, __LINE__, error->message);
  check_same (gaz, again);
  return 0;
}
