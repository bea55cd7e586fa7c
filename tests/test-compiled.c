/* Compiled gazetteers: what is read back is what was saved (every getter,
 * every mention of a text that exercises case policies, inflections,
 * periods, short forms and ambiguity), and a file that is damaged,
 * truncated, keyed otherwise or not compiled at all is refused cleanly.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"

#include <string.h>
#include <glib/gstdio.h>
#include <actnet/actnet.h>
#include "compiled-io.h"

typedef struct {
  char *dir;
  ActnetGazetteer *gazetteer;
  ActnetMatcher *matcher;
  char *path;
} Fixture;

static const char first_tsv[] =
  "khalifa_haftar\tperson\tKhalifa Haftar\tHaftar|Hifter|=LNA chief\tcameo=LBYMIL;born=1943\n"
  "fayez_sarraj\tperson\tFayez al-Sarraj\tPrime Minister Sarraj@2016-03-30..2021-03-15\n"
  "lna\torganization\tLibyan National Army\tLNA|~libyan national army\n"
  "kurds\tgroup\tKurd[s,ish]\tNGO[s]\n"
  "tripoli\tplace\tTripoli\tTarabulus\n"
  "tripoli_lebanon\tplace\tTripoli Lebanon\tTripoli\n";

static const char second_tsv[] =
  "libya\tplace\tLibya\tLibyan Arab Jamahiriya\n"
  "lna\torganization\tLNA forces\tHaftar's army\n";

static const char *const texts[] = {
  "Khalifa Haftar met Prime Minister Sarraj in Tripoli. Haftar's army (the LNA) advanced; "
  "Hifter denied it. Kurds and Kurdish NGOs, lna and LNA, libyan national army.",
  "Tarabulus, Libya and the Libyan Arab Jamahiriya. Tripoli Lebanon is elsewhere.",
  "",
};

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  f->dir = actnet_test_mkdtemp ();
  g_autofree char *a = actnet_test_write_file (f->dir, "first.tsv", first_tsv, -1);
  g_autofree char *b = actnet_test_write_file (f->dir, "second.tsv", second_tsv, -1);
  GError *error = NULL;
  f->gazetteer = actnet_gazetteer_new ();
  assert_true (actnet_gazetteer_load_file (f->gazetteer, a, &error));
  assert_true (actnet_gazetteer_load_file (f->gazetteer, b, &error));
  g_assert_no_error (error);
  assert_true (actnet_gazetteer_get_warnings (f->gazetteer)->len > 0);
  f->matcher = actnet_matcher_new (f->gazetteer, &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "gaz.compiled", NULL);
  assert_true (actnet_compiled_save (f->matcher, "key-1", f->path, &error));
  g_assert_no_error (error);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;
  actnet_matcher_free (f->matcher);
  actnet_gazetteer_free (f->gazetteer);
  actnet_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f);
  return 0;
}

static void
assert_same_gazetteer (const ActnetGazetteer *a, const ActnetGazetteer *b)
{
  assert_int_equal (actnet_gazetteer_get_n_actors (a), actnet_gazetteer_get_n_actors (b));
  assert_int_equal (actnet_gazetteer_get_max_alias_length (a),
                    actnet_gazetteer_get_max_alias_length (b));
  for (guint i = 0; i < actnet_gazetteer_get_n_actors (a); i++)
    {
      assert_string_equal (actnet_gazetteer_get_id (a, i), actnet_gazetteer_get_id (b, i));
      assert_string_equal (actnet_gazetteer_get_type (a, i), actnet_gazetteer_get_type (b, i));
      assert_string_equal (actnet_gazetteer_get_label (a, i), actnet_gazetteer_get_label (b, i));
      assert_string_equal (actnet_gazetteer_get_origin (a, i), actnet_gazetteer_get_origin (b, i));
      assert_int_equal (actnet_gazetteer_lookup (b, actnet_gazetteer_get_id (a, i)), i);
      guint n = actnet_gazetteer_get_n_attributes (a, i);
      assert_int_equal (n, actnet_gazetteer_get_n_attributes (b, i));
      for (guint k = 0; k < n; k++)
        {
          assert_string_equal (actnet_gazetteer_get_attribute_key (a, i, k),
                               actnet_gazetteer_get_attribute_key (b, i, k));
          assert_string_equal (actnet_gazetteer_get_attribute_value (a, i, k),
                               actnet_gazetteer_get_attribute_value (b, i, k));
        }
    }
  assert_int_equal (actnet_gazetteer_get_n_aliases (a), actnet_gazetteer_get_n_aliases (b));
  for (guint i = 0; i < actnet_gazetteer_get_n_aliases (a); i++)
    {
      assert_string_equal (actnet_gazetteer_get_alias_text (a, i),
                           actnet_gazetteer_get_alias_text (b, i));
      assert_int_equal (actnet_gazetteer_get_alias_actor (a, i),
                        actnet_gazetteer_get_alias_actor (b, i));
      assert_int_equal (actnet_gazetteer_get_alias_policy (a, i),
                        actnet_gazetteer_get_alias_policy (b, i));
      ActnetDate fa, ta, fb, tb;
      assert_int_equal (actnet_gazetteer_get_alias_period (a, i, &fa, &ta),
                        actnet_gazetteer_get_alias_period (b, i, &fb, &tb));
      assert_int_equal (fa, fb);
      assert_int_equal (ta, tb);
    }
  const GPtrArray *wa = actnet_gazetteer_get_warnings (a), *wb = actnet_gazetteer_get_warnings (b);
  assert_int_equal (wa->len, wb->len);
  for (guint i = 0; i < wa->len; i++)
    assert_string_equal (g_ptr_array_index (wa, i), g_ptr_array_index (wb, i));
}

static char *
describe_mentions (const ActnetMatcher *matcher, const char *text, ActnetDate date,
                   ActnetOverlapPolicy overlaps, gboolean short_forms)
{
  ActnetMatchOptions options;
  actnet_match_options_init (&options);
  options.date = date;
  options.overlaps = overlaps;
  options.short_forms = short_forms;
  ActnetMatchStats stats;
  ActnetTokens *tokens = actnet_tokens_new (text, -1);
  g_autoptr (GArray) mentions = actnet_matcher_find_full (matcher, tokens, &options, &stats);
  actnet_tokens_free (tokens);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < mentions->len; i++)
    {
      const ActnetMention *m = &g_array_index (mentions, ActnetMention, i);
      g_string_append_printf (out, "%zu-%zu:%u/%u/%u ", m->start, m->end, m->actor, m->alias,
                              m->flags);
    }
  g_string_append_printf (out, "| %u %u %u", stats.suppressed, stats.short_forms,
                          stats.out_of_period);
  return g_string_free (out, FALSE);
}

static void
test_round_trip (void **state)
{
  Fixture *f = *state;
  GError *error = NULL;
  ActnetGazetteer *gazetteer = NULL;
  ActnetMatcher *matcher = actnet_compiled_load (f->path, "key-1", &gazetteer, &error);
  g_assert_no_error (error);
  assert_non_null (matcher);
  assert_ptr_equal (actnet_matcher_get_gazetteer (matcher), gazetteer);
  assert_same_gazetteer (f->gazetteer, gazetteer);

  ActnetDate in_office = actnet_date_parse ("2017-05-02");
  ActnetDate before = actnet_date_parse ("2012-01-01");
  assert_true (in_office != ACTNET_DATE_NONE && before != ACTNET_DATE_NONE);
  const ActnetDate dates[] = { ACTNET_DATE_NONE, in_office, before };
  guint found = 0;
  for (gsize t = 0; t < G_N_ELEMENTS (texts); t++)
    for (gsize d = 0; d < G_N_ELEMENTS (dates); d++)
      for (int all = 0; all < 2; all++)
        for (int short_forms = 0; short_forms < 2; short_forms++)
          {
            ActnetOverlapPolicy overlaps = all ? ACTNET_OVERLAPS_ALL : ACTNET_OVERLAPS_LONGEST;
            g_autofree char *want = describe_mentions (f->matcher, texts[t], dates[d], overlaps,
                                                       short_forms);
            g_autofree char *got = describe_mentions (matcher, texts[t], dates[d], overlaps,
                                                      short_forms);
            assert_string_equal (got, want);
            found += strlen (want) > 12;
          }
  for (guint i = 0; i < actnet_gazetteer_get_n_actors (gazetteer); i++)
    {
      g_auto (GStrv) want = actnet_matcher_dup_short_forms (f->matcher, i);
      g_auto (GStrv) got = actnet_matcher_dup_short_forms (matcher, i);
      g_autofree char *w = g_strjoinv ("|", want), *g = g_strjoinv ("|", got);
      assert_string_equal (g, w);
    }
  /* The texts do find things (the comparison is not of two empty lists). */
  assert_true (found >= 16);

  /* Saved again, the restored pair gives the same bytes. */
  g_autofree char *again = g_build_filename (f->dir, "again.compiled", NULL);
  assert_true (actnet_compiled_save (matcher, "key-1", again, &error));
  g_autofree char *a = NULL, *b = NULL;
  gsize la = 0, lb = 0;
  assert_true (g_file_get_contents (f->path, &a, &la, NULL));
  assert_true (g_file_get_contents (again, &b, &lb, NULL));
  assert_int_equal (la, lb);
  assert_memory_equal (a, b, la);

  /* A restored gazetteer takes further actors like any other. */
  guint added = actnet_gazetteer_add_actor (gazetteer, "new_actor", "person", "New Actor", &error);
  g_assert_no_error (error);
  assert_int_equal (actnet_gazetteer_lookup (gazetteer, "new_actor"), added);
  assert_false (actnet_gazetteer_add_actor (gazetteer, "lna", "organization", "X", &error) != G_MAXUINT);
  g_clear_error (&error);
  actnet_matcher_free (matcher);
  actnet_gazetteer_free (gazetteer);
}

static void
assert_refused (const char *path, const char *key, const char *why)
{
  GError *error = NULL;
  ActnetGazetteer *gazetteer = NULL;
  ActnetMatcher *matcher = actnet_compiled_load (path, key, &gazetteer, &error);
  assert_null (matcher);
  assert_null (gazetteer);
  assert_non_null (error);
  if (why != NULL && strstr (error->message, why) == NULL)
    fail_msg ("'%s' does not say '%s'", error->message, why);
  g_error_free (error);
}

static void
test_refusals (void **state)
{
  Fixture *f = *state;
  assert_refused (f->path, "key-2", "other gazetteers or options");
  g_autofree char *missing = g_build_filename (f->dir, "missing.compiled", NULL);
  assert_refused (missing, "key-1", NULL);
  g_autofree char *text = actnet_test_write_file (f->dir, "text.compiled", first_tsv, -1);
  assert_refused (text, "key-1", "no compiled-gazetteer header");

  g_autofree char *bytes = NULL;
  gsize length = 0;
  assert_true (g_file_get_contents (f->path, &bytes, &length, NULL));
  g_autofree char *cut = g_build_filename (f->dir, "cut.compiled", NULL);
  /* Every length short of the whole, in steps that reach into each part. */
  for (gsize keep = 0; keep < length; keep += keep < 200 ? 1 : 97)
    {
      assert_true (g_file_set_contents (cut, bytes, (gssize) keep, NULL));
      assert_refused (cut, "key-1", NULL);
    }
  /* One flipped bit anywhere in the payload. */
  for (gsize at = length - 1; at > length / 2; at -= 131)
    {
      bytes[at] ^= 0x10;
      assert_true (g_file_set_contents (cut, bytes, (gssize) length, NULL));
      assert_refused (cut, "key-1", "damaged or truncated");
      bytes[at] ^= 0x10;
    }
  /* The same bytes unharmed still load. */
  assert_true (g_file_set_contents (cut, bytes, (gssize) length, NULL));
  GError *error = NULL;
  ActnetGazetteer *gazetteer = NULL;
  ActnetMatcher *matcher = actnet_compiled_load (cut, "key-1", &gazetteer, &error);
  g_assert_no_error (error);
  actnet_matcher_free (matcher);
  actnet_gazetteer_free (gazetteer);
}

/* Forged files: a word of the payload overwritten and the checksum made
 * to match, as a bug or a malicious file could. Each is refused or, when
 * the word was harmless, loads and matches without reading out of bounds
 * (ASan and valgrind watch this test in CI). */
static void
test_forged (void **state)
{
  Fixture *f = *state;
  g_autofree guint8 *bytes = NULL;
  gsize length = 0;
  assert_true (g_file_get_contents (f->path, (char **) &bytes, &length, NULL));
  /* The header: magic, format, byte order, two strings, size, hash. */
  gsize at = 16;
  for (int s = 0; s < 2; s++)
    {
      guint32 n;
      memcpy (&n, bytes + at, 4);
      at += 4 + n + 1;
    }
  gsize hash_at = at + 8, payload = at + 16;
  assert_true (payload < length);
  g_autofree char *forged = g_build_filename (f->dir, "forged.compiled", NULL);
  guint refused = 0, loaded = 0;
  static const guint32 values[] = { 0xFFFFFFFF, 1000000 };
  /* Every word of the matcher's last arrays, a sample of the rest. */
  for (gsize word = payload; word + 4 <= length; word += (length - word > 1500 ? 29 : 4))
    for (gsize v = 0; v < G_N_ELEMENTS (values); v++)
      {
        g_autofree guint8 *copy = g_memdup2 (bytes, length);
        memcpy (copy + word, &values[v], 4);
        guint64 hash = actnet_i_compiled_hash (copy + payload, length - payload);
        memcpy (copy + hash_at, &hash, 8);
        assert_true (g_file_set_contents (forged, (const char *) copy, (gssize) length, NULL));
        GError *error = NULL;
        ActnetGazetteer *gazetteer = NULL;
        ActnetMatcher *matcher = actnet_compiled_load (forged, "key-1", &gazetteer, &error);
        if (matcher == NULL)
          {
            assert_non_null (error);
            g_error_free (error);
            refused++;
            continue;
          }
        for (gsize t = 0; t < G_N_ELEMENTS (texts); t++)
          g_free (describe_mentions (matcher, texts[t], ACTNET_DATE_NONE, ACTNET_OVERLAPS_ALL, TRUE));
        actnet_matcher_free (matcher);
        actnet_gazetteer_free (gazetteer);
        loaded++;
      }
  /* Many forgeries hit an index or a length and are caught. */
  g_test_message ("%u refused, %u loaded", refused, loaded);
  if (refused * 4 < refused + loaded)
    fail_msg ("only %u of %u forgeries refused", refused, refused + loaded);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_round_trip, setup, teardown),
    cmocka_unit_test_setup_teardown (test_refusals, setup, teardown),
    cmocka_unit_test_setup_teardown (test_forged, setup, teardown),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
