/* Drawing the actor network as a picture (SVG or PNG) with cairo.
 *
 * A force-directed layout (igraph's Fruchterman-Reingold, seeded, so the
 * same graph gives the same bytes), nodes as circles whose area follows a
 * measure, coloured by actor type or by community, edges under them, the
 * top actors labelled, a legend and an optional title.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <actnet/actnet-graph.h>

G_BEGIN_DECLS

typedef struct {
  guint width;            /* canvas in px; default 1600 (at least 200) */
  guint height;           /* default 1200 (at least 200) */
  const char *color_by;   /* "type" (default) or "community" */
  const char *size_by;    /* a measure of actnet_measure_names(); default "pagerank" */
  guint labels;           /* label the top N nodes by size_by; default 20; 0: none */
  const char *title;      /* drawn at the top left; NULL: none */
} ActnetDrawOptions;

/* Fills @options with the defaults above. The strings are borrowed: they
 * must outlive the calls that use @options. */
void actnet_draw_options_init (ActnetDrawOptions *options);

/* Checks @options (NULL: the defaults) without drawing: the colour mode,
 * the measure and the canvas size. Fails with
 * ACTNET_ERROR_INVALID_ARGUMENT naming the bad value. */
gboolean actnet_draw_options_validate (const ActnetDrawOptions *options, GError **error);

/* The node positions actnet_graph_draw() uses, in canvas pixels: every
 * coordinate is finite and inside the network area of the canvas (the
 * canvas minus its margins, the legend column and the title band).
 * *@xs and *@ys are new arrays of actnet_graph_get_n_nodes() values
 * (g_free them), NULL for an empty graph. Deterministic: igraph's RNG is
 * seeded before the layout. O(iterations * n^2). */
gboolean actnet_graph_layout (const ActnetGraph *graph, const ActnetDrawOptions *options,
                              double **xs, double **ys, GError **error);

/* Draws @graph to @path, an SVG (name ending in .svg) or a PNG (.png),
 * atomically (temporary file renamed into place). Node areas are
 * proportional to the size_by measure; edge widths grow with the log of
 * the weight. Colouring by community needs the "community" node attribute
 * (see actnet_graph_compute_centralities()). Fails with
 * ACTNET_ERROR_INVALID_ARGUMENT for another extension, a bad option or a
 * missing community attribute, with G_FILE_ERROR when @path cannot be
 * written, with ACTNET_ERROR_IGRAPH when the layout fails. */
gboolean actnet_graph_draw (const ActnetGraph *graph, const char *path,
                            const ActnetDrawOptions *options, GError **error);

G_END_DECLS
