/* Fuzz target: markdown blanking (link targets, brackets, emphasis,
 * heading hashes, HTML tags written over with spaces). Invariants: the
 * length is kept, a byte is either kept or made a space, valid UTF-8 stays
 * valid, and ASCII letters and digits outside markup are never blanked
 * unless some markup character is in the text.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#include "fuzz.h"

#include <string.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  fuzz_init ();
  const char *text = (const char *) data;
  /* One byte past the end, which the blanker must never touch. */
  char *buffer = g_malloc (size + 1);
  memcpy (buffer, text, size);
  buffer[size] = '\x7f';
  actnet_markdown_blank (buffer, size);
  FUZZ_CHECK (buffer[size] == '\x7f');

  gboolean valid = g_utf8_validate (text, size, NULL);
  if (valid)
    FUZZ_CHECK (g_utf8_validate (buffer, size, NULL));
  gboolean markup = FALSE;
  for (gsize i = 0; i < size && !markup; i++)
    markup = strchr ("[]()<>*_#`~!\\:/", text[i]) != NULL && text[i] != '\0';
  for (gsize i = 0; i < size; i++)
    {
      FUZZ_CHECK (buffer[i] == text[i] || buffer[i] == ' ');
      if (!markup && buffer[i] != text[i])
        FUZZ_CHECK (!g_ascii_isalnum (text[i]));
    }
  g_free (buffer);
  return 0;
}
