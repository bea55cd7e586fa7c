/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet-dates.h>

#include <stdio.h>
#include <string.h>

/* Days from civil (Howard Hinnant's algorithm): exact for every Gregorian
 * date, no table, no time zone. */
ActnetDate
actnet_date_from_ymd (int year, int month, int day)
{
  g_return_val_if_fail (month >= 1 && month <= 12 && day >= 1 && day <= 31, ACTNET_DATE_NONE);
  int y = year - (month <= 2);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (ActnetDate) (era * 146097 + doe - 719468);
}

void
actnet_date_to_ymd (ActnetDate date, int *year, int *month, int *day)
{
  int z = date + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  int d = doy - (153 * mp + 2) / 5 + 1;
  int m = mp + (mp < 10 ? 3 : -9);
  *year = yoe + era * 400 + (m <= 2);
  *month = m;
  *day = d;
}

char *
actnet_date_to_iso (ActnetDate date)
{
  if (date == ACTNET_DATE_NONE)
    return g_strdup ("");
  int y, m, d;
  actnet_date_to_ymd (date, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/* ISO only for now; the dates engineer extends this. */
ActnetDate
actnet_date_parse (const char *text)
{
  g_return_val_if_fail (text != NULL, ACTNET_DATE_NONE);
  int y, m, d;
  char rest;
  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &rest) >= 3 && m >= 1 && m <= 12 && d >= 1
      && d <= 31 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return actnet_date_from_ymd (y, m, d);
  return ACTNET_DATE_NONE;
}
