/* Time slices: one co-occurrence count and one graph per period, counted
 * in the same single pass as the whole corpus, and the dynamic GEXF that
 * puts them on Gephi's timeline (README, "Time slices").
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <actnet/actnet-dates.h>
#include <actnet/actnet-cooccur.h>
#include <actnet/actnet-corpus.h>
#include <actnet/actnet-graph.h>

G_BEGIN_DECLS

typedef enum {
  ACTNET_SLICE_YEAR,
  ACTNET_SLICE_QUARTER,
  ACTNET_SLICE_MONTH,
  ACTNET_SLICE_WEEK,     /* ISO weeks, Monday to Sunday */
  ACTNET_SLICE_DAYS      /* windows of N days anchored at the earliest document date */
} ActnetSliceUnit;

/* A slicing: windows of @length in @unit, one starting every @step units
 * of @step_unit. Tumbling when the step is the length, moving (a document
 * in every window covering its date) when it is shorter. */
typedef struct {
  ActnetSliceUnit unit;
  guint days;                /* window length for ACTNET_SLICE_DAYS */
  ActnetSliceUnit step_unit; /* == unit, or a calendar unit dividing it */
  guint step_days;           /* step for ACTNET_SLICE_DAYS (1..days) */
} ActnetSliceSpec;

/* Parses --slice ("year", "quarter", "month", "week" or a positive number
 * of days) and --step (NULL: the slice length; for calendar slices a unit
 * that divides the slice — year: year, quarter or month; quarter: quarter
 * or month; month: month; week: week — for DAYS slices a number of days
 * from 1 to the slice length). */
gboolean actnet_slice_spec_parse (const char *slice, const char *step,
                                  ActnetSliceSpec *spec, GError **error);

typedef struct _ActnetSlicer ActnetSlicer;

/* A counter of @n_windows scopes (as actnet_pipeline_count_scopes()) per
 * slice, for a corpus whose actors number @n_actors. */
ActnetSlicer *actnet_slicer_new (const ActnetSliceSpec *spec, guint n_actors,
                                 const ActnetWindow *windows, guint n_windows);
void actnet_slicer_free (ActnetSlicer *slicer);

/* Counts one document (dated @day; ACTNET_DATE_NONE: counted in no slice,
 * only in the undated figure). Call before actnet_slicer_finish(). */
void actnet_slicer_add_document (ActnetSlicer *slicer, ActnetDate day, const GArray *mentions,
                                 const ActnetSegmentation *segmentation);
/* An ActnetPipelineDocumentFunc: @user_data is the slicer. */
void actnet_slicer_observe (const ActnetDocument *document, const GArray *mentions,
                            const ActnetSegmentation *segmentation, gpointer user_data);

guint64 actnet_slicer_get_n_undated (const ActnetSlicer *slicer);

/* One slice: its label ("2011", "2011-Q3", "2011-07", "2011-W27", or the
 * start date "2011-07-05" for DAYS windows; a moving calendar window is
 * labelled by its start in the step's unit), its first and last day, and
 * its counts (one ActnetCooccur per window, in the order given). */
typedef struct {
  char *label;
  ActnetDate start, end;      /* inclusive */
  GPtrArray *scopes;          /* ActnetCooccur, owned */
} ActnetSlice;

/* Ends counting: the slices holding at least one document, by start date.
 * New GPtrArray of ActnetSlice (it frees them). Call once. */
GPtrArray *actnet_slicer_finish (ActnetSlicer *slicer);
void actnet_slice_free (ActnetSlice *slice);

/* Writes the slice graphs @graphs[i] of @slices[i] as one GEXF 1.3
 * dynamic graph (timeformat date, intervals): every actor present in a
 * slice, node id = actor_id, label and type static; node and edge
 * <spells>, one per slice holding it; the edge weight a dynamic
 * attribute. Atomic. */
gboolean actnet_slices_write_dynamic_gexf (const ActnetSlice *const *slices,
                                           ActnetGraph *const *graphs, guint n_slices,
                                           const char *path, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActnetSlicer, actnet_slicer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActnetSlice, actnet_slice_free)

G_END_DECLS
