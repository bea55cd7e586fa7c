/* Calendar dates of documents: parsing the forms news text uses, finding a
 * plain-text document's date in its dateline or byline, and time slices.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A day as the number of days since 1970-01-01 (proleptic Gregorian);
 * ACTNET_DATE_NONE when unknown. Plain integers compare and subtract. */
typedef gint32 ActnetDate;
#define ACTNET_DATE_NONE G_MININT32

ActnetDate actnet_date_from_ymd (int year, int month, int day);
void actnet_date_to_ymd (ActnetDate date, int *year, int *month, int *day);
/* "YYYY-MM-DD" (new string); "" for ACTNET_DATE_NONE. */
char *actnet_date_to_iso (ActnetDate date);

/* Parses one date written as a whole string: ISO "2011-07-05" (also with a
 * time "2011-07-05T10:00:00Z" or "2011-07-05 10:00"), "5 July 2011",
 * "July 5, 2011", "Jul 5 2011", "5-JUL-1987" … Returns ACTNET_DATE_NONE
 * when it is not a date. */
ActnetDate actnet_date_parse (const char *text);

G_END_DECLS
