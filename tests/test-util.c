/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"

#include <math.h>
#include <glib/gstdio.h>

void
actnet_test_assert_close (double a, double b, double eps, const char *sa,
                          const char *sb, const char *file, int line)
{
  if (!(fabs (a - b) <= eps))
    {
      print_error ("%s (%.17g) != %s (%.17g) within %g\n", sa, a, sb, b, eps);
      _fail (file, line);
    }
}

char *
actnet_test_source_path (const char *relative)
{
  const char *root = g_getenv ("ACTNET_SOURCE_DIR");
  return g_build_filename (root != NULL ? root : ".", relative, NULL);
}

char *
actnet_test_shared_path (const char *relative)
{
  const char *shared = g_getenv ("ACTNET_SHARED_DIR");
  if (shared == NULL)
    return NULL;
  char *path = g_build_filename (shared, relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      return NULL;
    }
  return path;
}

char *
actnet_test_mkdtemp (void)
{
  GError *error = NULL;
  char *dir = g_dir_make_tmp ("actnet-test-XXXXXX", &error);
  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      GDir *dir = g_dir_open (path, 0, NULL);
      const char *name;
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
          g_free (child);
        }
      if (dir != NULL)
        g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

void
actnet_test_rmdir (const char *path)
{
  if (path != NULL)
    remove_tree (path);
}

char *
actnet_test_write_file (const char *dir, const char *name, const char *contents, gssize length)
{
  char *path = g_build_filename (dir, name, NULL);
  GError *error = NULL;
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

GString *
actnet_test_graphml_begin (gboolean with_type)
{
  GString *xml = g_string_new (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "<key id=\"v_actor_id\" for=\"node\" attr.name=\"actor_id\" attr.type=\"string\"/>\n"
    "<key id=\"v_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n");
  if (with_type)
    g_string_append (xml, "<key id=\"v_type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n");
  g_string_append (xml,
    "<key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "<graph id=\"G\" edgedefault=\"undirected\">\n");
  return xml;
}
