/* Error domain shared by every actnet module.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ACTNET_ERROR (actnet_error_quark ())

typedef enum {
  ACTNET_ERROR_FAILED,        /* anything not covered below */
  ACTNET_ERROR_IO,            /* a file could not be read or written */
  ACTNET_ERROR_ENCODING,      /* invalid UTF-8 or binary data in text input */
  ACTNET_ERROR_PARSE,         /* malformed input: gazetteer line, JSONL record, GraphML */
  ACTNET_ERROR_GAZETTEER,     /* a gazetteer is semantically invalid (duplicate id, empty alias) */
  ACTNET_ERROR_INVALID_ARGUMENT, /* a caller-supplied option is out of range */
  ACTNET_ERROR_IGRAPH,        /* igraph reported an error (bridged, never aborts) */
  ACTNET_ERROR_NOT_FOUND,     /* a named actor, attribute or file is not there */
  ACTNET_ERROR_LIMIT          /* an input is over a size limit (document size, alias
                               * length, JSON nesting) */
} ActnetError;

GQuark actnet_error_quark (void);

G_END_DECLS
