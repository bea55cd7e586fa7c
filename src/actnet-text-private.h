/* Internal view of ActnetTokens shared by actnet-text.c and actnet-matcher.c.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <actnet/actnet-text.h>

G_BEGIN_DECLS

/* One 64-bit case signature per symbol (parallel to the symbols; 0 for
 * non-words): a leading 1 bit, then one bit per cased character of the
 * original word in order, 1 for upper/title case, 0 for lower case. Two
 * words with equal keys and equal signatures have the same letters in the
 * same case, which is what an exact-case alias needs. Words with more than
 * 63 cased characters keep only the first 63. Borrowed. */
const guint64 *actnet_i_tokens_get_case_masks (const ActnetTokens *tokens);

/* The key buffer (actnet_tokens_get_keys()) is followed by this many
 * readable zero bytes, so that a key may be read a 64-bit word at a time
 * (bytes past its length masked off). */
#define ACTNET_I_KEYS_PADDING 8

/* actnet_text_normalize() of the text @tokens were made from. */
char *actnet_i_tokens_normalize (const ActnetTokens *tokens);

/* Number of cased characters recorded in a case signature. */
guint actnet_i_case_mask_count (guint64 mask);

G_END_DECLS
