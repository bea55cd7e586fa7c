/* Text normalisation and tokenisation with offsets into the original bytes.
 *
 * The matcher never compares raw bytes. Text is cut into symbols — words,
 * whitespace runs and single punctuation marks — and each symbol carries a
 * normalised key plus the byte span it came from. Normalisation of a key:
 * Unicode compatibility decomposition (NFKC's K), combining marks dropped
 * (diacritics folded), case folded; every apostrophe variant becomes ',
 * every double-quote variant ", every hyphen/dash variant -, any run of
 * whitespace (newlines included) one space symbol.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  ACTNET_SYMBOL_WORD,   /* letters, digits and marks */
  ACTNET_SYMBOL_SPACE,  /* one run of whitespace; key is " " */
  ACTNET_SYMBOL_PUNCT   /* one punctuation or symbol character; key normalised */
} ActnetSymbolKind;

/* Case facts about the original characters of a word symbol. */
typedef enum {
  ACTNET_CASE_FIRST_UPPER = 1 << 0, /* first cased letter is upper/title case */
  ACTNET_CASE_HAS_UPPER   = 1 << 1,
  ACTNET_CASE_HAS_LOWER   = 1 << 2
} ActnetCaseFlags;

/* One symbol. Lifetime: owned by its ActnetTokens. */
typedef struct {
  gsize start;          /* byte offset into the original text, inclusive */
  gsize end;            /* byte offset, exclusive */
  guint32 key_offset;   /* offset of the normalised key in actnet_tokens_get_keys() */
  guint32 key_length;   /* bytes of the key (not NUL-terminated inside the buffer) */
  guint8 kind;          /* ActnetSymbolKind */
  guint8 case_flags;    /* ActnetCaseFlags, words only */
} ActnetSymbol;

typedef struct _ActnetTokens ActnetTokens;

/* Cuts @text (@length bytes of valid UTF-8; -1 for NUL-terminated) into
 * symbols. Invalid UTF-8 is not checked here (validate on input); an
 * invalid byte is treated as a punctuation symbol of its own.
 * Time complexity: O(length). */
ActnetTokens *actnet_tokens_new (const char *text, gssize length);
void actnet_tokens_free (ActnetTokens *tokens);
guint actnet_tokens_get_count (const ActnetTokens *tokens);
const ActnetSymbol *actnet_tokens_get_symbols (const ActnetTokens *tokens);
/* The key buffer; each key is followed by a NUL byte, so
 * keys + symbol->key_offset is a C string. */
const char *actnet_tokens_get_keys (const ActnetTokens *tokens);

/* The matching key of a whole string: its symbol keys joined, with a hyphen
 * between two words written as a space, since the matcher treats the two
 * as the same ("Khalifa  Haftar’s" -> "khalifa haftar's",
 * "Abdul-Jalil" -> "abdul jalil"). Leading/trailing space dropped. Newly
 * allocated; "" when nothing is left. */
char *actnet_text_normalize (const char *text, gssize length);

/* Appends @length bytes of @text (-1: NUL-terminated) to @out with every
 * run of ASCII whitespace (space, tab, newline, CR, VT, FF) written as one
 * space: how a surface or id is written into a TSV field, and how a name
 * broken across lines reads as one. */
void actnet_text_append_squeezed (GString *out, const char *text, gssize length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActnetTokens, actnet_tokens_free)

G_END_DECLS
