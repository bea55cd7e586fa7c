/* Helpers shared by the cmocka suites.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <glib.h>

/* Debian 12's cmocka 1.1.5 has no assert_double_equal. */
#define assert_close(a, b, eps) \
  actnet_test_assert_close ((a), (b), (eps), #a, #b, __FILE__, __LINE__)
void actnet_test_assert_close (double a, double b, double eps, const char *sa,
                               const char *sb, const char *file, int line);

/* Source tree path of a file (ACTNET_SOURCE_DIR/REL); new string. */
char *actnet_test_source_path (const char *relative);
/* ../shared path of a file, or NULL when ../shared is absent. */
char *actnet_test_shared_path (const char *relative);
/* A fresh temporary directory, removed by actnet_test_rmdir(). */
char *actnet_test_mkdtemp (void);
void actnet_test_rmdir (const char *path);
/* Writes @contents to DIR/NAME and returns the new path. */
char *actnet_test_write_file (const char *dir, const char *name, const char *contents, gssize length);
/* The start of a GraphML document in the shape actnet writes: node keys
 * actor_id, label and, when @with_type, type; the edge key weight; the
 * open <graph>. The caller appends nodes and edges and closes it. */
GString *actnet_test_graphml_begin (gboolean with_type);
