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

/* Parses one date written as a whole string (surrounding whitespace and a
 * leading weekday "Tuesday, " allowed):
 *   ISO "2011-07-05", "2011/07/05", also with a time: "2011-07-05T10:00:00Z",
 *     "2011-07-05 10:00", "2011-07-05T10:00:00.5+02:00";
 *   day first "5 July 2011", "5 Jul 2011", "5th July, 2011", "26-FEB-1987"
 *     (Reuters, also followed by a time "26-FEB-1987 15:01:01.79");
 *   month first "July 5, 2011", "July 5 2011", "Jul. 5, 2011", "March 09, 2016".
 * Month names in English, any case, full or abbreviated to three letters
 * (also "Sept"), an optional "." after an abbreviation; years have four
 * digits. Numeric day-month orders such as "05.07.2011" are ambiguous and
 * rejected, so are days that do not exist ("31 April 2011", "2011-02-29").
 * Total: any string gives a date or ACTNET_DATE_NONE. */
ActnetDate actnet_date_parse (const char *text);

/* The first date written in the @length bytes of @text, in
 * any form actnet_date_parse() accepts, starting and ending at word
 * boundaries: "Tripoli, 19 March 2011", "Global Research, December 22,
 * 2015", "By X | May 20, 2014", "(Reuters) 2011-03-19". On success sets
 * @date and @offset (nullable: byte offset of the date) and returns TRUE;
 * FALSE when there is none. Linear in @length. */
gboolean actnet_date_find (const char *text, gsize length, ActnetDate *date, gsize *offset);

/* Days in @month (1-12) of @year (proleptic Gregorian); 0 for a bad month. */
int actnet_date_days_in_month (int year, int month);

G_END_DECLS
