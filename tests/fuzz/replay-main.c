/* Replays fuzz inputs without libFuzzer: each argument is a file or a
 * directory of files (the seed corpus, crashers included), each file is
 * passed once to LLVMFuzzerTestOneInput. Prints TAP, one case a file, so
 * the seeds run as a meson test in any build (gcc, ASan, valgrind).
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
compare_paths (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static void
collect (const char *path, GPtrArray *files)
{
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      fprintf (stderr, "replay: %s\n", error->message);
      exit (1);
    }
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (files, g_build_filename (path, name, NULL));
}

int
main (int argc, char **argv)
{
  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FILE|DIR...\n", argv[0]);
      return 2;
    }
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  for (int i = 1; i < argc; i++)
    collect (argv[i], files);
  qsort (files->pdata, files->len, sizeof (char *), compare_paths);
  if (files->len == 0)
    {
      /* A seed directory that lost its files would otherwise pass silently. */
      printf ("not ok 1 - no inputs in %s\n1..1\n", argv[1]);
      return 1;
    }

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = files->pdata[i];
      g_autofree char *data = NULL;
      gsize size = 0;
      g_autoptr (GError) error = NULL;
      if (!g_file_get_contents (path, &data, &size, &error))
        {
          printf ("not ok %u - %s # %s\n", i + 1, path, error->message);
          continue;
        }
      /* Named on stderr first: a crash leaves the TAP stream cut short,
       * and the log shows which input did it. */
      fprintf (stderr, "replaying %s (%zu bytes)\n", path, (size_t) size);
      /* An exact-size copy, as libFuzzer passes, so ASan and valgrind see a
       * read past the end. */
      uint8_t *copy = g_malloc (MAX (size, 1));
      memcpy (copy, data, size);
      LLVMFuzzerTestOneInput (copy, size);
      g_free (copy);
      g_autofree char *base = g_path_get_basename (path);
      printf ("ok %u - %s\n", i + 1, base);
    }
  printf ("1..%u\n", files->len);
  return 0;
}
