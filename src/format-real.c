/* Exact "%.15g" without printf.
 *
 * A finite x is m / 2^s with m < 2^53. For 1e-8 <= x < 1e15 the fifteen
 * significant digits are m * 10^p / 2^s rounded half to even, with
 * p = 14 - floor(log10 x) at most 22, so m * 10^p stays below 2^127 and a
 * 128-bit integer holds it exactly. Other values (and compilers without
 * 128-bit integers) take printf's path.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "format-real.h"

#include <math.h>
#include <string.h>

#define SIGNIFICANT 15

/* Writes @value's decimal digits at @p; returns how many. */
static gsize
put_unsigned (guint64 value, char *p)
{
  char reversed[20];
  gsize n = 0;
  do
    {
      reversed[n++] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value != 0);
  for (gsize i = 0; i < n; i++)
    p[i] = reversed[n - 1 - i];
  return n;
}

#ifdef __SIZEOF_INT128__
__extension__ typedef unsigned __int128 Wide;

/* The fifteen significant digits of @x (1e-8 <= x < 1e15) in @digits and
 * the decimal exponent of the first, after rounding; FALSE when @x is out
 * of the exact range. */
static gboolean
significant_digits (double x, char digits[SIGNIFICANT], int *exponent)
{
  static const guint64 low15 = G_GUINT64_CONSTANT (100000000000000);
  static const guint64 high15 = G_GUINT64_CONSTANT (1000000000000000);
  static const guint64 powers[20] = {
    G_GUINT64_CONSTANT (1), G_GUINT64_CONSTANT (10),
    G_GUINT64_CONSTANT (100), G_GUINT64_CONSTANT (1000),
    G_GUINT64_CONSTANT (10000), G_GUINT64_CONSTANT (100000),
    G_GUINT64_CONSTANT (1000000), G_GUINT64_CONSTANT (10000000),
    G_GUINT64_CONSTANT (100000000), G_GUINT64_CONSTANT (1000000000),
    G_GUINT64_CONSTANT (10000000000), G_GUINT64_CONSTANT (100000000000),
    G_GUINT64_CONSTANT (1000000000000), G_GUINT64_CONSTANT (10000000000000),
    G_GUINT64_CONSTANT (100000000000000), G_GUINT64_CONSTANT (1000000000000000),
    G_GUINT64_CONSTANT (10000000000000000), G_GUINT64_CONSTANT (100000000000000000),
    G_GUINT64_CONSTANT (1000000000000000000), G_GUINT64_CONSTANT (10000000000000000000)
  };
  int e2;
  double fraction = frexp (x, &e2);
  guint64 mantissa = (guint64) ldexp (fraction, 53);
  int shift = 53 - e2;                  /* x = mantissa / 2^shift */
  int e10 = (int) floor (log10 (x));    /* may be one off; corrected below */

  for (int attempt = 0; attempt < 3; attempt++)
    {
      int p = SIGNIFICANT - 1 - e10;
      if (p < 0 || p > 22 || shift <= 0 || shift >= 127)
        return FALSE;
      Wide power = p <= 19 ? powers[p] : (Wide) powers[19] * powers[p - 19];
      Wide scaled = (Wide) mantissa * power;
      guint64 whole = (guint64) (scaled >> shift);
      if (whole < low15)
        {
          e10--;
          continue;
        }
      if (whole >= high15)
        {
          e10++;
          continue;
        }
      Wide rest = scaled - ((Wide) whole << shift);
      Wide half = (Wide) 1 << (shift - 1);
      if (rest > half || (rest == half && (whole & 1) != 0))
        whole++;
      if (whole == high15)
        {
          whole = low15;
          e10++;
        }
      for (int i = SIGNIFICANT - 1; i >= 0; i--)
        {
          digits[i] = (char) ('0' + whole % 10);
          whole /= 10;
        }
      *exponent = e10;
      return TRUE;
    }
  return FALSE;
}

/* %g's layout of the digits: fixed for exponents -4 to 14, else
 * d.ddde±XX; trailing zeros and a bare point dropped. */
static gsize
lay_out (const char digits[SIGNIFICANT], int exponent, char *p)
{
  char *start = p;
  int n = SIGNIFICANT;
  while (n > 1 && digits[n - 1] == '0')
    n--;
  if (exponent >= -4 && exponent < SIGNIFICANT)
    {
      if (exponent >= 0)
        {
          memcpy (p, digits, (gsize) exponent + 1);
          p += exponent + 1;
          if (n > exponent + 1)
            {
              *p++ = '.';
              memcpy (p, digits + exponent + 1, (gsize) (n - exponent - 1));
              p += n - exponent - 1;
            }
        }
      else
        {
          *p++ = '0';
          *p++ = '.';
          for (int i = 0; i < -exponent - 1; i++)
            *p++ = '0';
          memcpy (p, digits, (gsize) n);
          p += n;
        }
    }
  else
    {
      *p++ = digits[0];
      if (n > 1)
        {
          *p++ = '.';
          memcpy (p, digits + 1, (gsize) n - 1);
          p += n - 1;
        }
      *p++ = 'e';
      *p++ = exponent < 0 ? '-' : '+';
      int magnitude = exponent < 0 ? -exponent : exponent;
      if (magnitude < 10)
        *p++ = '0';
      p += put_unsigned ((guint64) magnitude, p);
    }
  return (gsize) (p - start);
}
#endif

gsize
actnet_i_format_real (double x, char *buf)
{
  if (isfinite (x))
    {
      char *p = buf;
      double magnitude = fabs (x);
      if (signbit (x))
        *p++ = '-';
      /* Whole numbers below 10^15 have at most fifteen digits: %.15g
       * prints them as they are (counts, degrees, weights). */
      if (magnitude < 1e15 && magnitude == floor (magnitude))
        {
          p += put_unsigned ((guint64) magnitude, p);
          *p = '\0';
          return (gsize) (p - buf);
        }
#ifdef __SIZEOF_INT128__
      char digits[SIGNIFICANT];
      int exponent;
      if (magnitude >= 1e-8 && magnitude < 1e15
          && significant_digits (magnitude, digits, &exponent))
        {
          p += lay_out (digits, exponent, p);
          *p = '\0';
          return (gsize) (p - buf);
        }
#endif
    }
  g_ascii_formatd (buf, ACTNET_I_REAL_BUF_SIZE, "%.15g", x);
  return strlen (buf);
}
