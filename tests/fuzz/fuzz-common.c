/* Helpers shared by the fuzz targets (see fuzz.h).
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "fuzz.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

void
fuzz_fail (const char *file, int line, const char *what)
{
  fprintf (stderr, "%s:%d: invariant broken: %s\n", file, line, what);
  abort ();
}

void
fuzz_init (void)
{
  static gsize done = 0;
  if (g_once_init_enter (&done))
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      g_once_init_leave (&done, 1);
    }
}

static char *scratch_dir;

static void
remove_scratch (void)
{
  g_autoptr (GDir) dir = g_dir_open (scratch_dir, 0, NULL);
  const char *name;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (scratch_dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (scratch_dir);
  g_clear_pointer (&scratch_dir, g_free);
}

char *
fuzz_scratch_path (const char *name)
{
  if (scratch_dir == NULL)
    {
      g_autoptr (GError) error = NULL;
      scratch_dir = g_dir_make_tmp ("actnet-fuzz-XXXXXX", &error);
      if (scratch_dir == NULL)
        {
          fprintf (stderr, "fuzz: %s\n", error->message);
          abort ();
        }
      atexit (remove_scratch);
    }
  return g_build_filename (scratch_dir, name, NULL);
}

void
fuzz_write_file (const char *path, const uint8_t *data, size_t size)
{
  FILE *f = fopen (path, "wb");
  if (f == NULL || (size > 0 && fwrite (data, 1, size, f) != size) || fclose (f) != 0)
    {
      fprintf (stderr, "fuzz: cannot write %s: %s\n", path, g_strerror (errno));
      abort ();
    }
}

/* Every feature of the matcher the fuzzer should reach: titles before
 * persons, inflection lists, '=' and '~' case overrides, a dated alias, a
 * surname shared by two persons, diacritics, hyphens and apostrophes,
 * nested names and a media outlet. */
static const char gazetteer_tsv[] =
  "id\ttype\tlabel\taliases\tattributes\n"
  "haftar\tperson\tKhalifa Haftar\tGen. Khalifa Haftar|Hifter|Field Marshal Haftar\tcameo=LBYMIL\n"
  "muammar\tperson\tMuammar Gaddafi\tQaddafi|Col. Muammar al-Qaddafi|Brother Leader@1969-09-01..2011-10-20\n"
  "saif\tperson\tSaif al-Islam Gaddafi\tSaif|Gaddafi\n"
  "sarraj\tperson\tFayez al-Sarraj\tPrime Minister Sarraj@2016-03-30..2021-03-15|Fayez Mustafa al-Sarraj\n"
  "misrata\tplace\tMisrata\tMiṣrātah|Misurata|مصراتة\n"
  "libya\tplace\tLibya\tLibyan[s]|State of Libya\n"
  "kurds\tplace\tKurds\tKurd[s,ish]\n"
  "us\tplace\tUnited States\t=US|U.S.|~united states of america\n"
  "nato\torganization\tNATO\tNorth Atlantic Treaty Organization\n"
  "lna\torganization\tLibyan National Army\tLNA|~libyan national army\n"
  "un\torganization\tUnited Nations\tUN|U.N.|UN Security Council\n"
  "tripoli\tplace\tTripoli\tTarabulus|Ṭarābulus\n"
  "d_day\tevent\tD-Day\tO'Brien's Raid|“Operation Dawn”\n"
  "reuters\tmedia\tReuters\t\n";

static ActnetGazetteer *fixed_gazetteer;
static ActnetMatcher *fixed_matcher;

static void
free_fixed (void)
{
  g_clear_pointer (&fixed_matcher, actnet_matcher_free);
  g_clear_pointer (&fixed_gazetteer, actnet_gazetteer_free);
}

const ActnetGazetteer *
fuzz_gazetteer (void)
{
  if (fixed_gazetteer == NULL)
    {
      g_autoptr (GError) error = NULL;
      fixed_gazetteer = actnet_gazetteer_new ();
      if (!actnet_gazetteer_load_data (fixed_gazetteer, gazetteer_tsv, -1, "fuzz.tsv", &error)
          || (fixed_matcher = actnet_matcher_new (fixed_gazetteer, &error)) == NULL)
        {
          fprintf (stderr, "fuzz: the fixed gazetteer: %s\n", error->message);
          abort ();
        }
      atexit (free_fixed);
    }
  return fixed_gazetteer;
}

const ActnetMatcher *
fuzz_matcher (void)
{
  fuzz_gazetteer ();
  return fixed_matcher;
}

gboolean
fuzz_utf8_boundary (const char *text, gsize length, gsize offset)
{
  return offset == 0 || offset >= length || ((guchar) text[offset] & 0xC0) != 0x80;
}

void
fuzz_check_mentions (const GArray *mentions, const char *text, gsize length,
                     const ActnetGazetteer *gazetteer, gboolean longest)
{
  FUZZ_CHECK (mentions != NULL);
  guint n_actors = actnet_gazetteer_get_n_actors (gazetteer);
  guint n_aliases = actnet_gazetteer_get_n_aliases (gazetteer);
  gboolean valid = g_utf8_validate (text, length, NULL);
  gsize last_start = 0, last_end = 0;
  for (guint i = 0; i < mentions->len; i++)
    {
      const ActnetMention *m = &g_array_index (mentions, ActnetMention, i);
      FUZZ_CHECK (m->start < m->end);
      FUZZ_CHECK (m->end <= length);
      if (valid)
        {
          FUZZ_CHECK (fuzz_utf8_boundary (text, length, m->start));
          FUZZ_CHECK (fuzz_utf8_boundary (text, length, m->end));
        }
      FUZZ_CHECK (m->actor < n_actors);
      FUZZ_CHECK (m->alias < n_aliases);
      FUZZ_CHECK (actnet_gazetteer_get_alias_actor (gazetteer, m->alias) == m->actor);
      if (i > 0)
        {
          FUZZ_CHECK (m->start >= last_start);
          if (longest)
            FUZZ_CHECK (m->start >= last_end);
        }
      last_start = m->start;
      last_end = m->end;
    }
}
