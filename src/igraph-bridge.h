/* The one place where igraph errors become GError.
 *
 * igraph's default error handler aborts the process. Every igraph call that
 * can fail is bracketed in three statements — never one expression, since
 * argument evaluation order is unspecified:
 *
 *     actnet_i_igraph_begin ();
 *     igraph_error_t rc = igraph_something (...);
 *     if (!actnet_i_igraph_end (rc, "computing betweenness", error))
 *       return FALSE;
 *
 * Debian's igraph is built without thread safety: call igraph from one
 * thread at a time.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <igraph.h>

/* Installs the C attribute table and the warning handler, once. */
void actnet_i_igraph_init (void);
void actnet_i_igraph_begin (void);
/* Restores the previous handler; on @rc != IGRAPH_SUCCESS sets
 * ACTNET_ERROR_IGRAPH "WHAT: igraph message" and returns FALSE. */
gboolean actnet_i_igraph_end (igraph_error_t rc, const char *what, GError **error);

/* The three statements above as one macro for functions that clean up at an
 * `out:` label: runs @call through the bridge and jumps to `out` with
 * @error (a GError ** in scope) set when it fails. */
#define BRIDGED(call, what)                                     \
  G_STMT_START {                                                \
    actnet_i_igraph_begin ();                                   \
    igraph_error_t bridged_rc_ = (call);                        \
    if (!actnet_i_igraph_end (bridged_rc_, (what), error))      \
      goto out;                                                 \
  } G_STMT_END
