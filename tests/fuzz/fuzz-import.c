/* Fuzz target: the gazetteer importers from memory (PETRARCH/TABARI
 * actors, spaCy EntityRuler JSONL, CSV/TSV place lists, and format
 * detection). The first byte picks the format and the options; the rest
 * is the file. Whatever loads must compile into a matcher.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  fuzz_init ();
  if (size < 1)
    return 0;
  static const struct {
    ActnetGazetteerFormat format;
    const char *name;
  } formats[] = {
    { ACTNET_GAZETTEER_FORMAT_PETRARCH, "fuzz.actors" },
    { ACTNET_GAZETTEER_FORMAT_SPACY, "fuzz.jsonl" },
    { ACTNET_GAZETTEER_FORMAT_CSV, "fuzz.csv" },
    { ACTNET_GAZETTEER_FORMAT_AUTO, "fuzz.txt" },
    { ACTNET_GAZETTEER_FORMAT_CSV, "fuzz.tsv" },
    { ACTNET_GAZETTEER_FORMAT_AUTO, "fuzz.tsv" },
    { ACTNET_GAZETTEER_FORMAT_PETRARCH, "fuzz.actors.txt" },
    { ACTNET_GAZETTEER_FORMAT_SPACY, "patterns" },
  };
  guint8 selector = data[0];
  const char *text = (const char *) data + 1;
  gsize length = size - 1;

  ActnetImportOptions options = { 0 };
  if (selector & 0x08)
    options.columns = "id=1,label=name,aliases=altName,country=4";
  if (selector & 0x10)
    options.type = "organization";
  if (selector & 0x20)
    options.alias_separator = ";";

  ActnetGazetteerFormat format = formats[selector & 7].format;
  const char *name = formats[selector & 7].name;
  FUZZ_CHECK (actnet_gazetteer_format_detect (name, text, length) != ACTNET_GAZETTEER_FORMAT_AUTO);

  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  g_autoptr (GError) error = NULL;
  if (!actnet_gazetteer_import_data (gaz, text, length, name, format, &options, &error))
    {
      FUZZ_CHECK (error != NULL && g_utf8_validate (error->message, -1, NULL));
      FUZZ_CHECK (actnet_gazetteer_get_n_actors (gaz) == 0);
      FUZZ_CHECK (actnet_gazetteer_get_n_aliases (gaz) == 0);
      return 0;
    }
  FUZZ_CHECK (error == NULL);
  guint n_actors = actnet_gazetteer_get_n_actors (gaz);
  for (guint i = 0; i < n_actors; i++)
    {
      const char *id = actnet_gazetteer_get_id (gaz, i);
      FUZZ_CHECK (id != NULL && id[0] != '\0' && g_utf8_validate (id, -1, NULL));
      FUZZ_CHECK (actnet_gazetteer_lookup (gaz, id) == i);
      FUZZ_CHECK (g_utf8_validate (actnet_gazetteer_get_label (gaz, i), -1, NULL));
      FUZZ_CHECK (g_utf8_validate (actnet_gazetteer_get_type (gaz, i), -1, NULL));
    }
  for (guint a = 0; a < actnet_gazetteer_get_n_aliases (gaz); a++)
    {
      const char *alias = actnet_gazetteer_get_alias_text (gaz, a);
      FUZZ_CHECK (alias != NULL && alias[0] != '\0' && g_utf8_validate (alias, -1, NULL));
      FUZZ_CHECK (actnet_gazetteer_get_alias_actor (gaz, a) < n_actors);
    }
  const GPtrArray *warnings = actnet_gazetteer_get_warnings (gaz);
  for (guint w = 0; warnings != NULL && w < warnings->len; w++)
    FUZZ_CHECK (g_utf8_validate (g_ptr_array_index (warnings, w), -1, NULL));

  g_autoptr (ActnetMatcher) matcher = actnet_matcher_new (gaz, &error);
  FUZZ_CHECK (matcher != NULL || error != NULL);
  if (matcher != NULL && g_utf8_validate (text, length, NULL))
    {
      g_autoptr (GArray) mentions = actnet_matcher_find (matcher, text, length);
      fuzz_check_mentions (mentions, text, length, gaz, TRUE);
    }
  return 0;
}
