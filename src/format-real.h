/* Numbers as text the way igraph writes them ("%.15g" in the C locale),
 * without printf in the common cases: every export writes hundreds of
 * thousands of them for a large graph.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>

#define ACTNET_I_REAL_BUF_SIZE 32

/* Writes @x as printf ("%.15g") does in the C locale, NUL-terminated, into
 * @buf (at least ACTNET_I_REAL_BUF_SIZE bytes); returns the length. Exact:
 * the same digits, rounding (half to even) and exponent form. */
gsize actnet_i_format_real (double x, char *buf);
