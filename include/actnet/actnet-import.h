/* Gazetteers in the formats users already have, loaded into an
 * ActnetGazetteer like the native TSV:
 *
 *   NATIVE    actnet's TSV (actnet-gazetteer.h)
 *   PETRARCH  PETRARCH/TABARI CAMEO actor dictionaries (.actors, *.actors.txt)
 *   SPACY     spaCy EntityRuler patterns, one JSON object a line (.jsonl)
 *   GATE      a GATE gazetteer: its lists.def and the .lst lists it names
 *   CSV       place lists in CSV or TSV with a header line (GeoNames
 *             cities, any spreadsheet export)
 *
 * Importers survive imperfect files: an entry they cannot use is skipped
 * with a "FILE:LINE: message" warning in actnet_gazetteer_get_warnings();
 * only an unreadable file, a file that is not in the format at all (a line
 * of a .jsonl that is not JSON) or unusable options fail, and then nothing
 * from the file is kept. Ids of every format follow the native rules for
 * combining files: an id from an earlier file is merged, not duplicated.
 * The README ("Importing gazetteers") documents each mapping.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <actnet/actnet-gazetteer.h>

G_BEGIN_DECLS

typedef enum {
  ACTNET_GAZETTEER_FORMAT_AUTO,     /* from the file name, then the content */
  ACTNET_GAZETTEER_FORMAT_NATIVE,
  ACTNET_GAZETTEER_FORMAT_PETRARCH,
  ACTNET_GAZETTEER_FORMAT_SPACY,
  ACTNET_GAZETTEER_FORMAT_GATE,
  ACTNET_GAZETTEER_FORMAT_CSV
} ActnetGazetteerFormat;

/* "auto", "native" (or "tsv"), "petrarch" (or "tabari", "cameo"), "spacy",
 * "gate", "csv" (any case) -> @format. Fails with
 * ACTNET_ERROR_INVALID_ARGUMENT naming the accepted names. */
gboolean actnet_gazetteer_format_from_string (const char *name,
                                              ActnetGazetteerFormat *format,
                                              GError **error);
/* The canonical name of @format ("auto", "native", ...); static. */
const char *actnet_gazetteer_format_to_string (ActnetGazetteerFormat format);

/* What AUTO reads @path as, from its name and the first bytes of @data
 * (@length bytes; @data may be NULL): *.tsv is NATIVE unless its header is
 * a place list's (cityId/geonameid, or name with lat/latitude); *.actors and
 * *.actors.txt PETRARCH; *.jsonl SPACY; lists.def and *.def GATE; *.csv
 * CSV; any other name by its content. Never returns AUTO. */
ActnetGazetteerFormat actnet_gazetteer_format_detect (const char *path,
                                                      const char *data,
                                                      gsize length);

/* Options of the importers; zero-initialise, then set what you need. */
typedef struct {
  /* CSV/TSV: "KEY=COLUMN,..." where KEY is id, label, aliases, type or
   * the name of an attribute, and COLUMN a header name (any case) or a
   * 1-based column number. NULL: the default mapping (README). Given to
   * AUTO, any .tsv/.csv/.txt file is read as a place list. */
  const char *columns;
  /* The type of every imported actor; NULL: what the format says (a CSV
   * list without a type column: place). */
  const char *type;
  /* CSV/TSV: separator of the names in the aliases column; NULL: ",". */
  const char *alias_separator;
} ActnetImportOptions;

/* Loads @path in @format into @gazetteer. @options may be NULL. For GATE,
 * @path is the lists.def; its .lst files are read from its directory. Errors
 * are G_FILE_ERROR (unreadable file, naming it) or ACTNET_ERROR with
 * "FILE:LINE: " prefixes; on error nothing from the file is kept. */
gboolean actnet_gazetteer_import_file (ActnetGazetteer *gazetteer, const char *path,
                                       ActnetGazetteerFormat format,
                                       const ActnetImportOptions *options,
                                       GError **error);
/* The same from memory; @name stands for the path in messages and in format
 * detection (and, for GATE, locates the .lst files). */
gboolean actnet_gazetteer_import_data (ActnetGazetteer *gazetteer, const char *data,
                                       gssize length, const char *name,
                                       ActnetGazetteerFormat format,
                                       const ActnetImportOptions *options,
                                       GError **error);

/* actnet_gazetteer_import_file() with default options. With
 * ACTNET_GAZETTEER_FORMAT_NATIVE it is actnet_gazetteer_load_file(). */
gboolean actnet_gazetteer_load_file_format (ActnetGazetteer *gazetteer,
                                            const char *path,
                                            ActnetGazetteerFormat format,
                                            GError **error);

G_END_DECLS
