/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "igraph-bridge.h"

#include <actnet/actnet-error.h>

#ifdef _OPENMP
#include <omp.h>
#endif

/* igraph calls the handler once per unwinding level; only the first call
 * carries the real message, so the first one wins. */
static char recorded_message[512];
static gboolean recorded;
static igraph_error_handler_t *previous_handler;

static void
recording_error_handler (const char *reason, const char *file, int line,
                         igraph_error_t igraph_errno)
{
  if (!recorded)
    {
      g_snprintf (recorded_message, sizeof recorded_message, "%s (%s)",
                  reason != NULL ? reason : "unknown error",
                  igraph_strerror (igraph_errno));
      recorded = TRUE;
    }
  /* Free what the failing function registered, as the default handler
   * would before aborting; otherwise the FINALLY stack leaks. */
  IGRAPH_FINALLY_FREE ();
}

static void
debug_warning_handler (const char *reason, const char *file, int line)
{
  g_debug ("igraph warning: %s (%s:%d)", reason, file, line);
}

void
actnet_i_igraph_init (void)
{
  static gsize initialised = 0;
  if (g_once_init_enter (&initialised))
    {
      igraph_set_attribute_table (&igraph_cattribute_table);
      igraph_set_warning_handler (debug_warning_handler);
      /* Fixed seed: any randomised igraph routine gives the same bytes. */
      igraph_rng_seed (igraph_rng_default (), 42);
      g_once_init_leave (&initialised, 1);
    }
}

void
actnet_i_igraph_begin (void)
{
  actnet_i_igraph_init ();
  recorded = FALSE;
  recorded_message[0] = '\0';
  previous_handler = igraph_set_error_handler (recording_error_handler);
#ifdef _OPENMP
  /* Debian's igraph computes PageRank (PRPACK) on OpenMP threads. One
   * thread keeps the sums, so the last digits, independent of the number
   * of cores, and stops idle OpenMP threads spinning through the rest of
   * the run (0.85 s of CPU on a 4,000-node graph). The setting is the
   * calling thread's, so it is made on every call, from any thread. */
  omp_set_num_threads (1);
#endif
}

gboolean
actnet_i_igraph_end (igraph_error_t rc, const char *what, GError **error)
{
  igraph_set_error_handler (previous_handler);
  if (rc == IGRAPH_SUCCESS)
    return TRUE;
  g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_IGRAPH, "%s: %s", what,
               recorded ? recorded_message : igraph_strerror (rc));
  return FALSE;
}
