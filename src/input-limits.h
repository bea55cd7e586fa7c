/* Checks that keep a hostile input from crashing a reader or exhausting
 * memory, shared by the corpus reader and the gazetteer loaders.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <actnet/actnet-error.h>
#include <string.h>
#include <sys/stat.h>
#include <glib.h>

/* Bytes of the UTF-8 byte-order mark that opens @data, 3 or 0: a mark is
 * never text, in any input. */
static inline gsize
actnet_i_bom_length (const char *data, gsize length)
{
  return length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* How deep a JSON record may nest. json-glib's parser recurses once per
 * level and overflows an 8 MiB stack somewhere past 30,000 levels (less in
 * a thread); real records nest a handful. */
#define ACTNET_I_JSON_MAX_DEPTH 1000

/* TRUE when @data nests arrays and objects deeper than @max. No validation:
 * brackets inside strings are skipped, everything else is the parser's job.
 * O(length). */
static inline gboolean
actnet_i_json_too_deep (const char *data, gsize length, guint max)
{
  guint depth = 0;
  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];
      if (c == '"')
        {
          for (i++; i < length && data[i] != '"'; i++)
            if (data[i] == '\\')
              i++;
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > max)
            return TRUE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return FALSE;
}

/* Inputs are regular files, directories or pipes. A device never ends
 * (/dev/zero, /dev/urandom) or is not text at all, so it is refused with
 * "PATH: not a regular file (character device)" before a byte is read.
 * (The corpus reader's "-" reads standard input whatever it is.) */
static inline gboolean
actnet_i_check_input_type (const char *path, mode_t mode, GError **error)
{
  const char *kind = S_ISCHR (mode) ? "character device"
                     : S_ISBLK (mode) ? "block device"
                     : S_ISSOCK (mode) ? "socket"
                     : NULL;
  if (kind == NULL)
    return TRUE;
  g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_IO,
               "%s: not a regular file (%s)", path, kind);
  return FALSE;
}
