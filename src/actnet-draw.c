/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet-draw.h>

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <cairo.h>
#include <cairo-svg.h>

#include <actnet/actnet-error.h>
#include "atomic-file.h"
#include "igraph-bridge.h"
#include "actnet-graph-private.h"

/* The picture, in pixels of a canvas W x H. Every length below is in
 * "units" u = min(W, H) / 1200 clamped to [0.5, 2], so the default
 * 1600 x 1200 canvas draws at u = 1 and a small canvas keeps readable
 * text. The canvas is: a margin of 30u, an optional title band at the top
 * (64u), a legend column on the right (300u, at most W/3), and the
 * network area, where the layout is scaled to fill both directions.
 *
 * Scales (documented in the README, "Drawing"):
 *   - node area proportional to the size_by measure: radius
 *     r = 4u + 32u * sqrt(value / max value), so a node of value 0 keeps a
 *     visible 4u dot;
 *   - edge width 0.6u + 3.4u * ln(weight) / ln(max weight) (all 0.6u when
 *     every weight is 1), grey, more opaque for heavier edges;
 *   - label font size 13u + 7u * sqrt(value / max value). */

#define LAYOUT_SEED 42
#define LAYOUT_ITERATIONS 1000
#define MAX_OVERLAP_NODES 2000
#define N_COMMUNITY_COLORS 10

typedef struct {
  double r, g, b;
} Rgb;

/* Tableau 10: distinct for the common forms of colour blindness and in
 * greyscale print. The last type colour is for any other type. */
static const char *const type_names[] = { "person", "organization", "place", "media", NULL };
static const char *const type_titles[] = { "Person", "Organization", "Place", "Media", "Other" };
static const Rgb type_colors[] = {
  { 0x4E / 255.0, 0x79 / 255.0, 0xA7 / 255.0 }, /* person: blue */
  { 0xF2 / 255.0, 0x8E / 255.0, 0x2B / 255.0 }, /* organization: orange */
  { 0x59 / 255.0, 0xA1 / 255.0, 0x4F / 255.0 }, /* place: green */
  { 0xB0 / 255.0, 0x7A / 255.0, 0xA1 / 255.0 }, /* media: purple */
  { 0x9C / 255.0, 0x9C / 255.0, 0x9C / 255.0 }, /* other: grey */
};
/* Communities: the ten largest with two actors or more get Tableau 10 in
 * order (largest blue), the rest share the grey of "other communities". */
static const Rgb community_colors[N_COMMUNITY_COLORS] = {
  { 0x4E / 255.0, 0x79 / 255.0, 0xA7 / 255.0 }, { 0xF2 / 255.0, 0x8E / 255.0, 0x2B / 255.0 },
  { 0xE1 / 255.0, 0x57 / 255.0, 0x59 / 255.0 }, { 0x76 / 255.0, 0xB7 / 255.0, 0xB2 / 255.0 },
  { 0x59 / 255.0, 0xA1 / 255.0, 0x4F / 255.0 }, { 0xED / 255.0, 0xC9 / 255.0, 0x48 / 255.0 },
  { 0xB0 / 255.0, 0x7A / 255.0, 0xA1 / 255.0 }, { 0xFF / 255.0, 0x9D / 255.0, 0xA7 / 255.0 },
  { 0x9C / 255.0, 0x75 / 255.0, 0x5F / 255.0 }, { 0x5B / 255.0, 0x5B / 255.0, 0x5B / 255.0 },
};
static const Rgb other_community_color = { 0xC8 / 255.0, 0xC8 / 255.0, 0xC8 / 255.0 };

#define FONT "DejaVu Sans"

void
actnet_draw_options_init (ActnetDrawOptions *options)
{
  g_return_if_fail (options != NULL);
  options->width = 1600;
  options->height = 1200;
  options->color_by = "type";
  options->size_by = "pagerank";
  options->labels = 20;
  options->title = NULL;
}

gboolean
actnet_draw_options_validate (const ActnetDrawOptions *options, GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (options == NULL)
    return TRUE;
  if (options->width < 200 || options->height < 200 || options->width > 20000
      || options->height > 20000)
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                   "canvas %ux%u out of range (each side 200 to 20000 px)", options->width,
                   options->height);
      return FALSE;
    }
  if (options->color_by != NULL && strcmp (options->color_by, "type") != 0
      && strcmp (options->color_by, "community") != 0)
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                   "unknown colouring '%s' (expected type or community)", options->color_by);
      return FALSE;
    }
  if (options->size_by != NULL
      && !g_strv_contains (actnet_measure_names (), options->size_by))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) actnet_measure_names ());
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                   "unknown measure '%s' (expected one of: %s)", options->size_by, known);
      return FALSE;
    }
  return TRUE;
}

/* The options with NULL fields replaced by their defaults. */
static ActnetDrawOptions
effective_options (const ActnetDrawOptions *options)
{
  ActnetDrawOptions o;
  actnet_draw_options_init (&o);
  if (options == NULL)
    return o;
  ActnetDrawOptions result = *options;
  if (result.color_by == NULL)
    result.color_by = o.color_by;
  if (result.size_by == NULL)
    result.size_by = o.size_by;
  return result;
}

/* Where things go on the canvas. */
typedef struct {
  double u;                      /* the length unit, see the top */
  double margin;
  double title_h;                /* 0 without a title */
  double legend_x, legend_w;     /* the legend column */
  double net_x0, net_y0, net_x1, net_y1; /* node centres stay inside */
} Frame;

static Frame
frame_for (const ActnetDrawOptions *o)
{
  Frame f;
  f.u = CLAMP (MIN (o->width, o->height) / 1200.0, 0.5, 2.0);
  f.margin = 30 * f.u;
  f.title_h = o->title != NULL && o->title[0] != '\0' ? 64 * f.u : 0;
  f.legend_w = MIN (300 * f.u, o->width / 3.0);
  f.legend_x = o->width - f.margin - f.legend_w;
  /* The largest circle has radius 36u: keep it whole inside the area. */
  double pad = 36 * f.u;
  f.net_x0 = f.margin + pad;
  f.net_x1 = MAX (f.net_x0, f.legend_x - 20 * f.u - pad);
  f.net_y0 = f.margin + f.title_h + pad;
  f.net_y1 = MAX (f.net_y0, o->height - f.margin - pad);
  return f;
}

static double
node_radius (double value, double max_value, double u)
{
  double t = max_value > 0 && value > 0 ? sqrt (value / max_value) : 0;
  return 4 * u + 32 * u * t;
}

/* The measure of every node, made finite and non-negative. */
static double *
node_values (const ActnetGraph *graph, const char *measure, double *max_value)
{
  guint n = actnet_graph_get_n_nodes (graph);
  double *values = g_new0 (double, MAX (n, 1));
  *max_value = 0;
  for (guint v = 0; v < n; v++)
    {
      double x = actnet_graph_get_node_value (graph, v, measure);
      values[v] = isfinite (x) && x > 0 ? x : 0;
      *max_value = MAX (*max_value, values[v]);
    }
  return values;
}

/* Pushes overlapping circles apart in canvas space, a few sweeps in a
 * fixed order (deterministic); FR packs hubs and their leaves tightly. */
static void
remove_overlaps (guint n, double *xs, double *ys, const double *radii, const Frame *f)
{
  if (n > MAX_OVERLAP_NODES)
    return; /* O(n^2) per sweep: large graphs keep the plain layout */
  double gap = 3 * f->u;
  for (guint sweep = 0; sweep < 60; sweep++)
    {
      gboolean moved = FALSE;
      for (guint i = 0; i < n; i++)
        for (guint j = i + 1; j < n; j++)
          {
            double dx = xs[j] - xs[i], dy = ys[j] - ys[i];
            double d = sqrt (dx * dx + dy * dy);
            double need = radii[i] + radii[j] + gap;
            if (d >= need)
              continue;
            if (d < 1e-9)
              {
                /* Same spot: separate along a direction fixed by the
                 * indices, not by chance. */
                double a = (i * 7 + j * 13) % 360 * G_PI / 180;
                dx = cos (a), dy = sin (a), d = 1;
              }
            double push = (need - d) / 2 / d;
            xs[i] -= dx * push, ys[i] -= dy * push;
            xs[j] += dx * push, ys[j] += dy * push;
            moved = TRUE;
          }
      for (guint i = 0; i < n; i++)
        {
          xs[i] = CLAMP (xs[i], f->net_x0, f->net_x1);
          ys[i] = CLAMP (ys[i], f->net_y0, f->net_y1);
        }
      if (!moved)
        break;
    }
}

/* The layout in canvas pixels, radii known (for the overlap pass). */
static gboolean
layout_canvas (const ActnetGraph *graph, const ActnetDrawOptions *o, const Frame *f,
               const double *radii, double **xs_out, double **ys_out, GError **error)
{
  const igraph_t *g = actnet_i_graph_get_igraph_const (graph);
  guint n = actnet_graph_get_n_nodes (graph);
  guint m = actnet_graph_get_n_edges (graph);
  *xs_out = NULL;
  *ys_out = NULL;
  if (n == 0)
    return TRUE;

  double *xs = g_new (double, n);
  double *ys = g_new (double, n);
  double cx = (f->net_x0 + f->net_x1) / 2, cy = (f->net_y0 + f->net_y1) / 2;
  if (n <= 2)
    {
      /* FR has nothing to balance: one node in the middle, two side by
       * side. */
      double half = n == 2 ? MIN ((f->net_x1 - f->net_x0) / 4, 200 * f->u) : 0;
      xs[0] = cx - half, ys[0] = cy;
      if (n == 2)
        xs[1] = cx + half, ys[1] = cy;
      *xs_out = xs, *ys_out = ys;
      return TRUE;
    }

  igraph_matrix_t coords;
  igraph_vector_t weights;
  gboolean have_coords = FALSE, have_weights = FALSE, ok = FALSE;
  igraph_error_t rc;

  actnet_i_igraph_begin ();
  rc = igraph_matrix_init (&coords, 0, 0);
  if (!actnet_i_igraph_end (rc, "allocating the layout", error))
    goto out;
  have_coords = TRUE;
  actnet_i_igraph_begin ();
  rc = igraph_vector_init (&weights, m);
  if (!actnet_i_igraph_end (rc, "allocating the layout", error))
    goto out;
  have_weights = TRUE;
  /* FR multiplies the attraction by the weight: the log keeps a pair
   * mentioned together 50 times from collapsing onto one spot. */
  for (guint e = 0; e < m; e++)
    {
      double w = actnet_graph_get_edge_value (graph, e, "weight");
      VECTOR (weights)[e] = 1 + log (isfinite (w) && w > 1 ? w : 1);
    }
  /* The start positions come from igraph's RNG: seeding makes the
   * layout depend on the graph alone. */
  actnet_i_igraph_begin ();
  rc = igraph_rng_seed (igraph_rng_default (), LAYOUT_SEED);
  if (!actnet_i_igraph_end (rc, "seeding the RNG", error))
    goto out;
  actnet_i_igraph_begin ();
  rc = igraph_layout_fruchterman_reingold (g, &coords, FALSE, LAYOUT_ITERATIONS, sqrt (n),
                                           IGRAPH_LAYOUT_AUTOGRID, m > 0 ? &weights : NULL,
                                           NULL, NULL, NULL, NULL);
  if (!actnet_i_igraph_end (rc, "computing the layout", error))
    goto out;

  /* Scaled to fill the network area in each direction: the picture is
   * about who is close to whom, not about absolute distances. */
  double minx = INFINITY, maxx = -INFINITY, miny = INFINITY, maxy = -INFINITY;
  for (guint v = 0; v < n; v++)
    {
      double x = MATRIX (coords, v, 0), y = MATRIX (coords, v, 1);
      if (!isfinite (x) || !isfinite (y))
        x = 0, y = 0; /* never seen; keeps the promise of finite output */
      MATRIX (coords, v, 0) = x, MATRIX (coords, v, 1) = y;
      minx = MIN (minx, x), maxx = MAX (maxx, x);
      miny = MIN (miny, y), maxy = MAX (maxy, y);
    }
  /* FR leaves small components and pendants far out, which would
   * squeeze the core into the middle of the canvas: distances from the
   * centroid are compressed (d -> dmax * (d / dmax)^0.6), keeping every
   * node's direction and the order of distances. */
  double mx = 0, my = 0, dmax = 0;
  for (guint v = 0; v < n; v++)
    mx += MATRIX (coords, v, 0) / n, my += MATRIX (coords, v, 1) / n;
  for (guint v = 0; v < n; v++)
    dmax = MAX (dmax, hypot (MATRIX (coords, v, 0) - mx, MATRIX (coords, v, 1) - my));
  minx = INFINITY, maxx = -INFINITY, miny = INFINITY, maxy = -INFINITY;
  for (guint v = 0; v < n; v++)
    {
      double dx = MATRIX (coords, v, 0) - mx, dy = MATRIX (coords, v, 1) - my;
      double d = hypot (dx, dy);
      double k = d > 0 && dmax > 0 ? dmax * pow (d / dmax, 0.6) / d : 1;
      double x = mx + dx * k, y = my + dy * k;
      MATRIX (coords, v, 0) = x, MATRIX (coords, v, 1) = y;
      minx = MIN (minx, x), maxx = MAX (maxx, x);
      miny = MIN (miny, y), maxy = MAX (maxy, y);
    }
  for (guint v = 0; v < n; v++)
    {
      double tx = maxx > minx ? (MATRIX (coords, v, 0) - minx) / (maxx - minx) : 0.5;
      double ty = maxy > miny ? (MATRIX (coords, v, 1) - miny) / (maxy - miny) : 0.5;
      xs[v] = f->net_x0 + tx * (f->net_x1 - f->net_x0);
      ys[v] = f->net_y0 + ty * (f->net_y1 - f->net_y0);
    }
  remove_overlaps (n, xs, ys, radii, f);
  (void) o;
  *xs_out = g_steal_pointer (&xs);
  *ys_out = g_steal_pointer (&ys);
  ok = TRUE;
out:
  if (have_coords)
    igraph_matrix_destroy (&coords);
  if (have_weights)
    igraph_vector_destroy (&weights);
  g_free (xs);
  g_free (ys);
  return ok;
}

gboolean
actnet_graph_layout (const ActnetGraph *graph, const ActnetDrawOptions *options,
                     double **xs, double **ys, GError **error)
{
  g_return_val_if_fail (graph != NULL && xs != NULL && ys != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  *xs = NULL;
  *ys = NULL;
  if (!actnet_draw_options_validate (options, error))
    return FALSE;
  ActnetDrawOptions o = effective_options (options);
  Frame f = frame_for (&o);
  double max_value;
  g_autofree double *values = node_values (graph, o.size_by, &max_value);
  guint n = actnet_graph_get_n_nodes (graph);
  for (guint v = 0; v < n; v++)
    values[v] = node_radius (values[v], max_value, f.u);
  return layout_canvas (graph, &o, &f, values, xs, ys, error);
}

/* --- drawing ------------------------------------------------------- */

typedef struct {
  guint community;  /* the attribute's value */
  guint size;
  guint top;        /* its node with the largest measure */
} Community;

static int
compare_communities (gconstpointer a, gconstpointer b)
{
  const Community *x = a, *y = b;
  if (x->size != y->size)
    return x->size > y->size ? -1 : 1;
  return x->community < y->community ? -1 : x->community > y->community;
}

typedef struct {
  const ActnetGraph *graph;
  ActnetDrawOptions o;
  Frame f;
  guint n;
  double *values, max_value;
  double *radii;
  double *xs, *ys;
  Rgb *fill;          /* per node */
  GArray *communities; /* of Community, largest first; NULL when by type */
  guint n_colored;     /* the first n_colored communities have a colour */
  guint type_counts[G_N_ELEMENTS (type_titles)];
} Picture;

static guint
type_index (const char *type)
{
  for (guint i = 0; type_names[i] != NULL; i++)
    if (type != NULL && strcmp (type, type_names[i]) == 0)
      return i;
  return G_N_ELEMENTS (type_titles) - 1;
}

static gboolean
assign_colors (Picture *p, GError **error)
{
  p->fill = g_new0 (Rgb, MAX (p->n, 1));
  if (strcmp (p->o.color_by, "type") == 0)
    {
      for (guint v = 0; v < p->n; v++)
        {
          guint t = type_index (actnet_graph_get_node_type (p->graph, v));
          p->fill[v] = type_colors[t];
          p->type_counts[t]++;
        }
      return TRUE;
    }

  const igraph_t *g = actnet_i_graph_get_igraph_const (p->graph);
  if (p->n > 0 && !igraph_cattribute_has_attr (g, IGRAPH_ATTRIBUTE_VERTEX, "community"))
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_NOT_FOUND,
                   "the graph has no 'community' node attribute to colour by "
                   "(compute the centralities first, or use --color type)");
      return FALSE;
    }
  /* Colours go by community size, not by the attribute's number, so the
   * biggest groups get the strongest colours whatever the numbering. */
  g_autoptr (GHashTable) index = g_hash_table_new (g_direct_hash, g_direct_equal);
  p->communities = g_array_new (FALSE, FALSE, sizeof (Community));
  guint *of_node = g_new (guint, MAX (p->n, 1));
  for (guint v = 0; v < p->n; v++)
    {
      double c = actnet_graph_get_node_value (p->graph, v, "community");
      guint id = isfinite (c) && c >= 0 && c < G_MAXINT ? (guint) c : 0;
      gpointer slot;
      guint k;
      if (g_hash_table_lookup_extended (index, GUINT_TO_POINTER (id + 1), NULL, &slot))
        k = GPOINTER_TO_UINT (slot);
      else
        {
          k = p->communities->len;
          Community fresh = { .community = id, .size = 0, .top = v };
          g_array_append_val (p->communities, fresh);
          g_hash_table_insert (index, GUINT_TO_POINTER (id + 1), GUINT_TO_POINTER (k));
        }
      Community *com = &g_array_index (p->communities, Community, k);
      com->size++;
      if (p->values[v] > p->values[com->top])
        com->top = v;
      of_node[v] = id;
    }
  g_array_sort (p->communities, compare_communities);
  /* A colour says "these belong together": a community of one actor gets
   * the grey of the rest. */
  while (p->n_colored < MIN (p->communities->len, N_COMMUNITY_COLORS)
         && g_array_index (p->communities, Community, p->n_colored).size > 1)
    p->n_colored++;
  g_hash_table_remove_all (index);
  for (guint k = 0; k < p->communities->len; k++)
    g_hash_table_insert (index,
                         GUINT_TO_POINTER (g_array_index (p->communities, Community, k).community + 1),
                         GUINT_TO_POINTER (k));
  for (guint v = 0; v < p->n; v++)
    {
      guint k = GPOINTER_TO_UINT (g_hash_table_lookup (index, GUINT_TO_POINTER (of_node[v] + 1)));
      p->fill[v] = k < p->n_colored ? community_colors[k] : other_community_color;
    }
  g_free (of_node);
  return TRUE;
}

static void
set_rgb (cairo_t *cr, Rgb c, double alpha)
{
  cairo_set_source_rgba (cr, c.r, c.g, c.b, alpha);
}

static void
set_font (cairo_t *cr, double size, gboolean bold)
{
  cairo_select_font_face (cr, FONT, CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
}

/* Text with its left baseline at (x, y); a white halo keeps it readable
 * over edges and nodes. */
static void
draw_text (cairo_t *cr, double x, double y, const char *text, double halo, Rgb color)
{
  cairo_move_to (cr, x, y);
  cairo_text_path (cr, text);
  if (halo > 0)
    {
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_set_line_width (cr, halo);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke_preserve (cr);
    }
  set_rgb (cr, color, 1);
  cairo_fill (cr);
}

/* @text cut with an ellipsis to fit @width at the current font. New string. */
static char *
fit_text (cairo_t *cr, const char *text, double width)
{
  cairo_text_extents_t ext;
  cairo_text_extents (cr, text, &ext);
  if (ext.x_advance <= width)
    return g_strdup (text);
  glong len = g_utf8_strlen (text, -1);
  for (glong keep = len - 1; keep > 0; keep--)
    {
      g_autofree char *head = g_utf8_substring (text, 0, keep);
      char *candidate = g_strconcat (head, "…", NULL);
      cairo_text_extents (cr, candidate, &ext);
      if (ext.x_advance <= width)
        return candidate;
      g_free (candidate);
    }
  return g_strdup ("…");
}

static void
draw_edges (cairo_t *cr, const Picture *p)
{
  guint m = actnet_graph_get_n_edges (p->graph);
  double max_weight = 1;
  for (guint e = 0; e < m; e++)
    {
      double w = actnet_graph_get_edge_value (p->graph, e, "weight");
      if (isfinite (w))
        max_weight = MAX (max_weight, w);
    }
  /* Light edges first, so heavy ones stay visible on top. */
  g_autofree guint *order = g_new (guint, MAX (m, 1));
  g_autofree double *ts = g_new (double, MAX (m, 1));
  for (guint e = 0; e < m; e++)
    {
      double w = actnet_graph_get_edge_value (p->graph, e, "weight");
      w = isfinite (w) && w > 1 ? w : 1;
      ts[e] = max_weight > 1 ? log (w) / log (max_weight) : 0;
      order[e] = e;
    }
  for (guint i = 1; i < m; i++) /* insertion sort by t, stable */
    {
      guint e = order[i];
      guint j = i;
      while (j > 0 && ts[order[j - 1]] > ts[e])
        {
          order[j] = order[j - 1];
          j--;
        }
      order[j] = e;
    }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < m; i++)
    {
      guint e = order[i], from, to;
      actnet_graph_get_edge (p->graph, e, &from, &to);
      cairo_set_line_width (cr, (0.6 + 3.4 * ts[e]) * p->f.u);
      cairo_set_source_rgba (cr, 0.45, 0.45, 0.45, 0.22 + 0.38 * ts[e]);
      cairo_move_to (cr, p->xs[from], p->ys[from]);
      cairo_line_to (cr, p->xs[to], p->ys[to]);
      cairo_stroke (cr);
    }
}

static void
draw_nodes (cairo_t *cr, const Picture *p)
{
  /* Largest first, so small nodes on top of a hub stay visible. */
  g_autofree guint *order = g_new (guint, MAX (p->n, 1));
  for (guint v = 0; v < p->n; v++)
    order[v] = v;
  for (guint i = 1; i < p->n; i++)
    {
      guint v = order[i];
      guint j = i;
      while (j > 0 && p->radii[order[j - 1]] < p->radii[v])
        {
          order[j] = order[j - 1];
          j--;
        }
      order[j] = v;
    }
  for (guint i = 0; i < p->n; i++)
    {
      guint v = order[i];
      cairo_new_path (cr);
      cairo_arc (cr, p->xs[v], p->ys[v], p->radii[v], 0, 2 * G_PI);
      set_rgb (cr, p->fill[v], 0.92);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1.2 * p->f.u);
      cairo_stroke (cr);
    }
}

typedef struct {
  double x0, y0, x1, y1;
} Box;

static double
overlap (Box a, Box b)
{
  double w = MIN (a.x1, b.x1) - MAX (a.x0, b.x0);
  double h = MIN (a.y1, b.y1) - MAX (a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

/* Labels of the top nodes, placed greedily in rank order: of eight spots
 * around the circle (right, left, above, below, then the diagonals) the
 * one covering the
 * fewest already placed labels and other circles wins; the first spot on
 * a tie, so the result is deterministic. */
static gboolean
draw_labels (cairo_t *cr, const Picture *p, GError **error)
{
  if (p->o.labels == 0 || p->n == 0)
    return TRUE;
  g_autoptr (GArray) ranked = actnet_graph_rank (p->graph, p->o.size_by, NULL, p->o.labels, error);
  if (ranked == NULL)
    return FALSE;
  g_autoptr (GArray) placed = g_array_new (FALSE, FALSE, sizeof (Box));
  Rgb ink = { 0.13, 0.13, 0.13 };
  double u = p->f.u;
  for (guint i = 0; i < ranked->len; i++)
    {
      guint v = g_array_index (ranked, guint, i);
      double t = p->max_value > 0 ? sqrt (p->values[v] / p->max_value) : 0;
      double size = (13 + 7 * t) * u;
      set_font (cr, size, i < 5);
      const char *label = actnet_graph_get_node_label (p->graph, v);
      cairo_text_extents_t ext;
      cairo_font_extents_t fext;
      cairo_text_extents (cr, label, &ext);
      cairo_font_extents (cr, &fext);
      double w = ext.x_advance, asc = fext.ascent * 0.8, desc = fext.descent * 0.6;
      double r = p->radii[v] + 3 * u, x = p->xs[v], y = p->ys[v];
      /* Baseline-left corners of the four candidate spots. */
      double d = r * 0.75;
      double spots[8][2] = {
        { x + r, y + asc / 2 - desc / 2 },
        { x - r - w, y + asc / 2 - desc / 2 },
        { x - w / 2, y - r - desc },
        { x - w / 2, y + r + asc },
        { x + d, y - d - desc },
        { x + d, y + d + asc },
        { x - d - w, y - d - desc },
        { x - d - w, y + d + asc },
      };
      double best_score = INFINITY;
      Box best = { 0, 0, 0, 0 };
      double bx = 0, by = 0;
      for (guint s = 0; s < G_N_ELEMENTS (spots); s++)
        {
          double sx = CLAMP (spots[s][0], p->f.margin, p->f.legend_x - 10 * u - w);
          double sy = CLAMP (spots[s][1], p->f.margin + asc, p->o.height - p->f.margin - desc);
          Box box = { sx - 2 * u, sy - asc - 2 * u, sx + w + 2 * u, sy + desc + 2 * u };
          double score = 0;
          for (guint k = 0; k < placed->len; k++)
            score += 4 * overlap (box, g_array_index (placed, Box, k));
          for (guint k = 0; k < p->n; k++)
            {
              double rk = p->radii[k];
              Box circle = { p->xs[k] - rk, p->ys[k] - rk, p->xs[k] + rk, p->ys[k] + rk };
              score += (k == v ? 2 : 1) * overlap (box, circle);
            }
          if (score < best_score)
            best_score = score, best = box, bx = sx, by = sy;
        }
      g_array_append_val (placed, best);
      draw_text (cr, bx, by, label, 3.5 * u, ink);
    }
  return TRUE;
}

static const char *
measure_title (const char *measure)
{
  static const char *const titles[][2] = {
    { "degree", "degree (number of partners)" },
    { "strength", "strength (co-occurrences)" },
    { "betweenness", "betweenness" },
    { "closeness", "closeness" },
    { "eigenvector", "eigenvector centrality" },
    { "pagerank", "PageRank" },
    { "mentions", "mentions" },
    { "documents", "documents" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (strcmp (titles[i][0], measure) == 0)
      return titles[i][1];
  return measure;
}

static void
draw_legend (cairo_t *cr, const Picture *p)
{
  double u = p->f.u, x = p->f.legend_x, w = p->f.legend_w;
  double line = 24 * u, y = p->f.margin + p->f.title_h + 24 * u;
  Rgb ink = { 0.13, 0.13, 0.13 }, grey = { 0.4, 0.4, 0.4 };
  double swatch = 7 * u, text_x = x + 16 * u + 2 * swatch + 8 * u;
  double text_w = x + w - 12 * u - text_x;

  /* Entries first into a list, to size the box. */
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) colors = g_array_new (FALSE, FALSE, sizeof (Rgb));
  const char *heading;
  if (p->communities == NULL)
    {
      heading = "Actor type";
      for (guint t = 0; t < G_N_ELEMENTS (type_titles); t++)
        if (p->type_counts[t] > 0)
          {
            g_ptr_array_add (texts, g_strdup_printf ("%s (%u)", type_titles[t], p->type_counts[t]));
            g_array_append_val (colors, type_colors[t]);
          }
    }
  else
    {
      heading = "Community (largest actor)";
      guint shown = p->n_colored;
      for (guint k = 0; k < shown; k++)
        {
          const Community *c = &g_array_index (p->communities, Community, k);
          g_ptr_array_add (texts, g_strdup_printf ("%s (%u)",
                                                   actnet_graph_get_node_label (p->graph, c->top),
                                                   c->size));
          g_array_append_val (colors, community_colors[k]);
        }
      if (p->communities->len > shown)
        {
          guint rest = 0;
          for (guint k = shown; k < p->communities->len; k++)
            rest += g_array_index (p->communities, Community, k).size;
          guint others = p->communities->len - shown;
          g_ptr_array_add (texts, g_strdup_printf ("%u smaller communit%s (%u)", others,
                                                   others == 1 ? "y" : "ies", rest));
          g_array_append_val (colors, other_community_color);
        }
    }
  g_autofree char *area = g_strdup_printf ("Circle area: %s", measure_title (p->o.size_by));
  g_autofree char *counts = g_strdup_printf ("%u actors, %u links", p->n,
                                             actnet_graph_get_n_edges (p->graph));
  const char *notes[] = { area, "Line width: co-occurrences (log scale)",
                          p->o.labels > 0 ? "Labels: the top actors by circle area" : NULL,
                          counts };
  guint n_notes = G_N_ELEMENTS (notes);

  double box_h = 16 * u + line * (1.3 + texts->len + 0.6 + n_notes) + 8 * u;
  cairo_rectangle (cr, x, y - 16 * u, w, box_h);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.92);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
  cairo_set_line_width (cr, 1 * u);
  cairo_stroke (cr);

  y += 8 * u;
  set_font (cr, 16 * u, TRUE);
  g_autofree char *head = fit_text (cr, heading, w - 24 * u);
  draw_text (cr, x + 12 * u, y, head, 0, ink);
  y += line * 1.3;
  set_font (cr, 14 * u, FALSE);
  for (guint i = 0; i < texts->len; i++)
    {
      cairo_new_path (cr);
      cairo_arc (cr, x + 16 * u + swatch, y - 5 * u, swatch, 0, 2 * G_PI);
      set_rgb (cr, g_array_index (colors, Rgb, i), 0.92);
      cairo_fill (cr);
      g_autofree char *fitted = fit_text (cr, g_ptr_array_index (texts, i), text_w);
      draw_text (cr, text_x, y, fitted, 0, ink);
      y += line;
    }
  y += line * 0.6;
  set_font (cr, 13 * u, FALSE);
  for (guint i = 0; i < n_notes; i++)
    {
      if (notes[i] == NULL)
        continue;
      g_autofree char *fitted = fit_text (cr, notes[i], w - 24 * u);
      draw_text (cr, x + 12 * u, y, fitted, 0, grey);
      y += line;
    }
  g_ptr_array_free (texts, TRUE);
}

static gboolean
draw_picture (cairo_t *cr, Picture *p, GError **error)
{
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw_edges (cr, p);
  draw_nodes (cr, p);
  if (!draw_labels (cr, p, error))
    return FALSE;
  draw_legend (cr, p);
  Rgb ink = { 0.1, 0.1, 0.1 };
  if (p->f.title_h > 0)
    {
      set_font (cr, 30 * p->f.u, TRUE);
      g_autofree char *title = fit_text (cr, p->o.title, p->o.width - 2 * p->f.margin);
      draw_text (cr, p->f.margin, p->f.margin + 34 * p->f.u, title, 0, ink);
    }
  if (p->n == 0)
    {
      set_font (cr, 20 * p->f.u, FALSE);
      draw_text (cr, p->f.net_x0, (p->f.net_y0 + p->f.net_y1) / 2, "No actors to draw", 0, ink);
    }
  return TRUE;
}

static cairo_status_t
write_stream (void *closure, const unsigned char *data, unsigned int length)
{
  return fwrite (data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS
                                                     : CAIRO_STATUS_WRITE_ERROR;
}

static cairo_status_t
write_buffer (void *closure, const unsigned char *data, unsigned int length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* cairo numbers SVG surfaces with a counter global to the process, so the
 * second picture drawn by one program would say id="surface8" where the
 * first said id="surface3". The root group is renamed "surface1" (every
 * occurrence of its name) so the bytes depend on the graph alone. */
static void
normalize_svg_ids (GString *svg)
{
  const char *start = strstr (svg->str, "id=\"surface");
  if (start == NULL)
    return;
  start += strlen ("id=\"");
  gsize len = strspn (start + strlen ("surface"), "0123456789") + strlen ("surface");
  g_autofree char *name = g_strndup (start, len);
  if (strcmp (name, "surface1") == 0)
    return;
  g_autofree char *pattern = g_strdup_printf ("\\b%s\\b", name);
  g_autoptr (GRegex) regex = g_regex_new (pattern, G_REGEX_RAW, 0, NULL);
  g_autofree char *fixed = g_regex_replace_literal (regex, svg->str, (gssize) svg->len, 0,
                                                    "surface1", 0, NULL);
  if (fixed != NULL)
    g_string_assign (svg, fixed);
}

static void
picture_clear (Picture *p)
{
  g_free (p->values);
  g_free (p->radii);
  g_free (p->xs);
  g_free (p->ys);
  g_free (p->fill);
  if (p->communities != NULL)
    g_array_unref (p->communities);
}

static gboolean
cairo_failed (cairo_status_t status, const char *path, GError **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return FALSE;
  g_set_error (error, ACTNET_ERROR, status == CAIRO_STATUS_WRITE_ERROR ? ACTNET_ERROR_IO
                                                                       : ACTNET_ERROR_FAILED,
               "%s: cannot draw: %s", path, cairo_status_to_string (status));
  return TRUE;
}

gboolean
actnet_graph_draw (const ActnetGraph *graph, const char *path,
                   const ActnetDrawOptions *options, GError **error)
{
  g_return_val_if_fail (graph != NULL && path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_autofree char *lower = g_ascii_strdown (path, -1);
  gboolean svg = g_str_has_suffix (lower, ".svg");
  if (!svg && !g_str_has_suffix (lower, ".png"))
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                   "%s: unknown picture format (the name must end in .svg or .png)", path);
      return FALSE;
    }
  if (!actnet_draw_options_validate (options, error))
    return FALSE;

  Picture p = { .graph = graph };
  p.o = effective_options (options);
  p.f = frame_for (&p.o);
  p.n = actnet_graph_get_n_nodes (graph);
  p.values = node_values (graph, p.o.size_by, &p.max_value);
  p.radii = g_new (double, MAX (p.n, 1));
  for (guint v = 0; v < p.n; v++)
    p.radii[v] = node_radius (p.values[v], p.max_value, p.f.u);
  gboolean ok = FALSE;
  ActnetAtomicFile *file = NULL;
  cairo_surface_t *surface = NULL;
  cairo_t *cr = NULL;
  GString *svg_text = NULL;
  if (!assign_colors (&p, error)
      || !layout_canvas (graph, &p.o, &p.f, p.radii, &p.xs, &p.ys, error))
    goto out;

  /* Opened only now, so a bad option never creates a temporary file. */
  file = actnet_i_atomic_file_open (path, error);
  if (file == NULL)
    goto out;
  FILE *stream = actnet_i_atomic_file_get_stream (file);
  if (svg)
    {
      svg_text = g_string_new (NULL);
      surface = cairo_svg_surface_create_for_stream (write_buffer, svg_text, p.o.width,
                                                     p.o.height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
    }
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) p.o.width,
                                          (int) p.o.height);
  cr = cairo_create (surface);
  if (!draw_picture (cr, &p, error))
    goto out;
  if (cairo_failed (cairo_status (cr), path, error))
    goto out;
  g_clear_pointer (&cr, cairo_destroy);
  if (svg)
    {
      cairo_surface_finish (surface);
      if (cairo_failed (cairo_surface_status (surface), path, error))
        goto out;
      normalize_svg_ids (svg_text);
      if (cairo_failed (write_stream (stream, (const unsigned char *) svg_text->str,
                                      (unsigned int) svg_text->len),
                        path, error))
        goto out;
    }
  else if (cairo_failed (cairo_surface_write_to_png_stream (surface, write_stream, stream),
                         path, error))
    goto out;
  if (cairo_failed (cairo_surface_status (surface), path, error))
    goto out;
  ok = actnet_i_atomic_file_commit (g_steal_pointer (&file), error);

out:
  if (cr != NULL)
    cairo_destroy (cr);
  if (surface != NULL)
    cairo_surface_destroy (surface);
  actnet_i_atomic_file_abort (file);
  if (svg_text != NULL)
    g_string_free (svg_text, TRUE);
  picture_clear (&p);
  return ok;
}
