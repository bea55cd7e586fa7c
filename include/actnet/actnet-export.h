/* Exports of the actor graph for other tools: Gephi (GEXF, GraphML, CSV
 * spreadsheets), R and Python (GML, Pajek, adjacency matrix, node-link
 * JSON), Graphviz (DOT).
 *
 * Every exporter carries every node and edge attribute of the graph, in
 * the graph's attribute order, writes only valid UTF-8 without control
 * characters and only finite numbers (%.15g, C locale), and writes
 * atomically (a temporary file renamed into place; "-" is stdout). The
 * same graph always gives the same bytes.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <actnet/actnet-graph.h>

G_BEGIN_DECLS

typedef enum {
  ACTNET_EXPORT_GRAPHML,  /* .graphml — actnet_graph_write_graphml() */
  ACTNET_EXPORT_GEXF,     /* .gexf — GEXF 1.3 with viz: colours and sizes */
  ACTNET_EXPORT_GML,      /* .gml — igraph's GML writer */
  ACTNET_EXPORT_PAJEK,    /* .net, .pajek — igraph's Pajek writer */
  ACTNET_EXPORT_DOT,      /* .dot, .gv — igraph's DOT writer */
  ACTNET_EXPORT_CSV,      /* .csv — NAME.nodes.csv + NAME.edges.csv (Gephi spreadsheet) */
  ACTNET_EXPORT_JSON,     /* .json — node-link JSON (d3, networkx node_link_data) */
  ACTNET_EXPORT_MATRIX,   /* .matrix.csv — weighted adjacency matrix for R */
  ACTNET_EXPORT_UNKNOWN = -1
} ActnetExportFormat;

typedef struct {
  /* Node colour: "type" (a fixed palette, see README "Exports"),
   * "community" (the integer attribute community, a 10-colour palette
   * cycling) or NULL (no colour). */
  const char *color_by;
  /* Node size: a numeric node attribute (a measure) scaled linearly to
   * 5–50, or NULL (no size). */
  const char *size_by;
} ActnetExportOptions;

/* The format named by @path's extension (case-insensitive; ".matrix.csv"
 * before ".csv"), ACTNET_EXPORT_UNKNOWN when none matches. */
ActnetExportFormat actnet_export_format_from_path (const char *path);
/* The format named @name: graphml, gexf, gml, pajek (or net), dot (or gv),
 * csv, json, matrix; ACTNET_EXPORT_UNKNOWN otherwise. */
ActnetExportFormat actnet_export_format_from_string (const char *name);
/* The canonical name of @format ("gexf"...), static; NULL for UNKNOWN. */
const char *actnet_export_format_to_string (ActnetExportFormat format);

/* For ACTNET_EXPORT_CSV: the two files written for @path — "net.csv" (and
 * "net.nodes.csv", "net.edges.csv", "net") give "net.nodes.csv" and
 * "net.edges.csv". New strings. */
void actnet_export_csv_paths (const char *path, char **nodes_path, char **edges_path);

/* Writes @graph to @path in @format (ACTNET_EXPORT_UNKNOWN: from the
 * path's extension). @options (NULL: none) apply to GEXF only, the one
 * format with a standard place for colours and sizes. CSV writes two
 * files, both through temporary files renamed only once both are
 * complete; to stdout ("-") the nodes table, a blank line, the edges
 * table. Errors: ACTNET_ERROR_INVALID_ARGUMENT (unknown format, colour
 * scheme or size attribute, no community attribute), G_FILE_ERROR
 * (unwritable path; nothing is left behind), ACTNET_ERROR_IGRAPH. */
gboolean actnet_graph_write (const ActnetGraph *graph, const char *path,
                             ActnetExportFormat format,
                             const ActnetExportOptions *options, GError **error);

G_END_DECLS
