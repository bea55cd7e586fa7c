/* Loading one file into a gazetteer: the rules every format shares, for the
 * native loader (actnet-gazetteer.c) and the importers (actnet-import.c).
 *
 * A load is one file (a GATE lists.def and its .lst files count as one).
 * Within a load an id may be defined once; an id first defined by an
 * earlier load (or by code) is merged: the later definition adds its label
 * as an alias, its aliases and any attribute key not set yet, with a
 * warning when its label or type differ. Ending a load with keep = FALSE
 * undoes everything it did, warnings included.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <actnet/actnet-gazetteer.h>

G_BEGIN_DECLS

typedef struct _ActnetGazetteerLoad ActnetGazetteerLoad;

ActnetGazetteerLoad *actnet_i_gazetteer_load_begin (ActnetGazetteer *gazetteer,
                                                    const char *name);
/* The file named in messages and origins from now on (GATE's .lst files). */
void actnet_i_gazetteer_load_set_name (ActnetGazetteerLoad *load, const char *name);
const char *actnet_i_gazetteer_load_get_name (const ActnetGazetteerLoad *load);

/* Adds the actor defined at @line, or merges it into the actor of the same
 * id from an earlier load. Returns its index, or G_MAXUINT with @error set
 * (empty field, type of several words, label without letters, id already
 * defined in this load). */
guint actnet_i_gazetteer_load_actor (ActnetGazetteerLoad *load, guint line,
                                     const char *id, const char *type,
                                     const char *label, GError **error);
/* TRUE when this load has defined @id already. */
gboolean actnet_i_gazetteer_load_has_id (const ActnetGazetteerLoad *load,
                                         const char *id);
gboolean actnet_i_gazetteer_load_alias (ActnetGazetteerLoad *load, guint line,
                                        guint actor, const char *text,
                                        ActnetCasePolicy policy, GError **error);
/* Sets an attribute; on an actor of an earlier load, a key it already has
 * keeps its value (a warning says so when the values differ). */
void actnet_i_gazetteer_load_attribute (ActnetGazetteerLoad *load, guint line,
                                        guint actor, const char *key,
                                        const char *value);
void actnet_i_gazetteer_load_warn (ActnetGazetteerLoad *load, guint line,
                                   const char *format, ...) G_GNUC_PRINTF (3, 4);
/* Keeps (TRUE) or undoes (FALSE) the load, frees it and returns @keep. */
gboolean actnet_i_gazetteer_load_end (ActnetGazetteerLoad *load, gboolean keep);

G_END_DECLS
