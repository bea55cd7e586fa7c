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
  if (y < 0 || y > 9999)
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  /* Two per edge of a graph: no printf. */
  char *iso = g_malloc (11);
  iso[0] = (char) ('0' + y / 1000);
  iso[1] = (char) ('0' + y / 100 % 10);
  iso[2] = (char) ('0' + y / 10 % 10);
  iso[3] = (char) ('0' + y % 10);
  iso[4] = '-';
  iso[5] = (char) ('0' + m / 10);
  iso[6] = (char) ('0' + m % 10);
  iso[7] = '-';
  iso[8] = (char) ('0' + d / 10);
  iso[9] = (char) ('0' + d % 10);
  iso[10] = '\0';
  return iso;
}

int
actnet_date_days_in_month (int year, int month)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  if (month < 1 || month > 12)
    return 0;
  gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return days[month - 1] + (month == 2 && leap);
}

/* A date is only ever built from checked parts, so no parse can produce a
 * day that does not exist. */
static ActnetDate
checked_date (int year, int month, int day)
{
  if (year < 1000 || year > 9999 || day < 1 || day > actnet_date_days_in_month (year, month))
    return ACTNET_DATE_NONE;
  return actnet_date_from_ymd (year, month, day);
}

/* The parsers below read from @s (@n bytes) and return the bytes a date
 * takes, 0 when there is none there. They never look past @n, so
 * actnet_date_find() can run them on any text. */

static gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static gboolean
is_alpha (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Word characters for the boundaries of a found date; bytes >= 0x80 (the
 * rest of a UTF-8 letter) count as word characters, so "é5 July 2011"
 * is not a date start. */
static gboolean
is_word (char c)
{
  return is_digit (c) || is_alpha (c) || (guchar) c >= 0x80;
}

/* @min..@max digits at @s[*i] as a number, advancing *i; -1 when absent or
 * followed by another digit. */
static int
read_number (const char *s, gsize n, gsize *i, int min, int max)
{
  int value = 0, digits = 0;
  gsize j = *i;
  while (j < n && is_digit (s[j]) && digits < max)
    {
      value = value * 10 + (s[j] - '0');
      j++;
      digits++;
    }
  if (digits < min || (j < n && is_digit (s[j])))
    return -1;
  *i = j;
  return value;
}

static const char *const month_names[] = {
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december"
};

/* An English month name at @s[*i]: full, its first three letters, or
 * "Sept", any case, then an optional "." after an abbreviation. Returns
 * 1-12 and advances *i, or 0. */
static int
read_month (const char *s, gsize n, gsize *i)
{
  gsize j = *i;
  while (j < n && is_alpha (s[j]))
    j++;
  gsize length = j - *i;
  if (length < 3)
    return 0;
  for (int m = 0; m < 12; m++)
    {
      const char *name = month_names[m];
      gsize full = strlen (name);
      gboolean abbreviation = length == 3 || (m == 8 && length == 4);
      if ((length == full || abbreviation) && g_ascii_strncasecmp (s + *i, name, length) == 0)
        {
          if (abbreviation && length != full && j < n && s[j] == '.')
            j++;
          *i = j;
          return m + 1;
        }
    }
  return 0;
}

static gsize
skip_spaces (const char *s, gsize n, gsize i)
{
  while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
    i++;
  return i;
}

/* One or more blanks, or none when @i is at punctuation already consumed. */
static gboolean
read_gap (const char *s, gsize n, gsize *i)
{
  gsize j = skip_spaces (s, n, *i);
  if (j == *i)
    return FALSE;
  *i = j;
  return TRUE;
}

/* An optional time after a date: [T or one space]HH:MM[:SS[.frac]] and a
 * zone Z, +HH, +HH:MM or +HHMM. Returns the bytes it takes, 0 for none
 * (the date then ends before it). The time of day does not change the
 * day: news dates are local days, so the zone is not applied. */
static gsize
read_time (const char *s, gsize n, gsize start)
{
  gsize i = start;
  if (i < n && (s[i] == 'T' || s[i] == ' '))
    i++;
  else
    return 0;
  int hour = read_number (s, n, &i, 2, 2);
  if (hour < 0 || hour > 23 || i >= n || s[i] != ':')
    return 0;
  i++;
  int minute = read_number (s, n, &i, 2, 2);
  if (minute < 0 || minute > 59)
    return 0;
  if (i + 1 < n && s[i] == ':' && is_digit (s[i + 1]))
    {
      i++;
      int second = read_number (s, n, &i, 2, 2);
      if (second < 0 || second > 60)
        return 0;
      if (i + 1 < n && (s[i] == '.' || s[i] == ',') && is_digit (s[i + 1]))
        {
          i++;
          while (i < n && is_digit (s[i]))
            i++;
        }
    }
  if (i < n && s[i] == 'Z')
    i++;
  else if (i + 2 < n && (s[i] == '+' || s[i] == '-') && is_digit (s[i + 1]) && is_digit (s[i + 2]))
    {
      /* +HH, +HH:MM or +HHMM; the zone only has to be well formed. */
      gsize j = i + 3;
      if (j + 2 < n && s[j] == ':' && is_digit (s[j + 1]) && is_digit (s[j + 2]))
        j += 3;
      else if (j + 1 < n && is_digit (s[j]) && is_digit (s[j + 1]))
        j += 2;
      i = j;
    }
  return i - start;
}

/* "2011-07-05" (two-digit month and day) or "2011/7/5", then a time. */
static gsize
read_iso (const char *s, gsize n, ActnetDate *date)
{
  gsize i = 0;
  int year = read_number (s, n, &i, 4, 4);
  if (year < 0 || i >= n || (s[i] != '-' && s[i] != '/'))
    return 0;
  char separator = s[i++];
  int width = separator == '-' ? 2 : 1;
  int month = read_number (s, n, &i, width, 2);
  if (month < 0 || i >= n || s[i] != separator)
    return 0;
  i++;
  int day = read_number (s, n, &i, width, 2);
  if (day < 0)
    return 0;
  if (month < 1 || month > 12 || (*date = checked_date (year, month, day)) == ACTNET_DATE_NONE)
    return 0;
  return i + read_time (s, n, i);
}

/* A day number with an optional ordinal suffix ("5th", "22nd"). */
static int
read_day (const char *s, gsize n, gsize *i)
{
  int day = read_number (s, n, i, 1, 2);
  if (day < 0)
    return -1;
  static const char *const suffixes[] = { "st", "nd", "rd", "th" };
  for (gsize k = 0; k < G_N_ELEMENTS (suffixes); k++)
    if (*i + 2 <= n && g_ascii_strncasecmp (s + *i, suffixes[k], 2) == 0
        && (*i + 2 == n || !is_alpha (s[*i + 2])))
      {
        *i += 2;
        break;
      }
  return day;
}

/* "5 July 2011", "5 Jul. 2011", "5 July, 2011" or Reuters' "26-FEB-1987"
 * (then a time). */
static gsize
read_day_first (const char *s, gsize n, ActnetDate *date)
{
  gsize i = 0;
  int day = read_day (s, n, &i);
  if (day < 0)
    return 0;
  gboolean dashed = i < n && s[i] == '-';
  if (dashed)
    i++;
  else if (!read_gap (s, n, &i))
    return 0;
  int month = read_month (s, n, &i);
  if (month == 0)
    return 0;
  if (dashed)
    {
      if (i >= n || s[i] != '-')
        return 0;
      i++;
    }
  else
    {
      if (i < n && s[i] == ',')
        i++;
      if (!read_gap (s, n, &i))
        return 0;
    }
  int year = read_number (s, n, &i, 4, 4);
  if (year < 0 || (*date = checked_date (year, month, day)) == ACTNET_DATE_NONE)
    return 0;
  return i + (dashed ? read_time (s, n, i) : 0);
}

/* "July 5, 2011", "July 5 2011", "Jul. 5, 2011", "March 09, 2016". */
static gsize
read_month_first (const char *s, gsize n, ActnetDate *date)
{
  gsize i = 0;
  int month = read_month (s, n, &i);
  if (month == 0 || !read_gap (s, n, &i))
    return 0;
  int day = read_day (s, n, &i);
  if (day < 0)
    return 0;
  if (i < n && s[i] == ',')
    i++;
  if (!read_gap (s, n, &i))
    return 0;
  int year = read_number (s, n, &i, 4, 4);
  if (year < 0 || (*date = checked_date (year, month, day)) == ACTNET_DATE_NONE)
    return 0;
  return i;
}

/* A date of any form starting at @s. */
static gsize
read_date (const char *s, gsize n, ActnetDate *date)
{
  if (n == 0)
    return 0;
  if (is_alpha (s[0]))
    return read_month_first (s, n, date);
  if (!is_digit (s[0]))
    return 0;
  gsize used = read_iso (s, n, date);
  return used > 0 ? used : read_day_first (s, n, date);
}

static const char *const weekdays[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
};

/* A leading weekday, full or three letters, with an optional "." and ",". */
static gsize
skip_weekday (const char *s, gsize n)
{
  gsize j = 0;
  while (j < n && is_alpha (s[j]))
    j++;
  for (gsize w = 0; w < G_N_ELEMENTS (weekdays); w++)
    if ((j == 3 || j == strlen (weekdays[w])) && g_ascii_strncasecmp (s, weekdays[w], j) == 0)
      {
        if (j == 3 && j < n && s[j] == '.')
          j++;
        if (j < n && s[j] == ',')
          j++;
        gsize k = skip_spaces (s, n, j);
        return k > j ? k : 0;
      }
  return 0;
}

ActnetDate
actnet_date_parse (const char *text)
{
  g_return_val_if_fail (text != NULL, ACTNET_DATE_NONE);
  gsize n = strlen (text);
  gsize start = skip_spaces (text, n, 0);
  while (n > start && (text[n - 1] == ' ' || text[n - 1] == '\t' || text[n - 1] == '\n'
                       || text[n - 1] == '\r'))
    n--;
  start += skip_weekday (text + start, n - start);
  ActnetDate date = ACTNET_DATE_NONE;
  gsize used = read_date (text + start, n - start, &date);
  /* The whole string must be the date: "5 July 2011 or later" is not one. */
  if (used == 0 || start + used != n)
    return ACTNET_DATE_NONE;
  return date;
}

gboolean
actnet_date_find (const char *text, gsize length, ActnetDate *date, gsize *offset)
{
  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  for (gsize i = 0; i < length; i++)
    {
      if (!is_digit (text[i]) && !is_alpha (text[i]))
        continue;
      if (i > 0 && is_word (text[i - 1]))
        continue;
      ActnetDate found = ACTNET_DATE_NONE;
      gsize used = read_date (text + i, length - i, &found);
      /* A date ends at a word boundary: "2011-07-05x" or "5 July 20111"
       * is not one. A trailing "." after "Jul." is part of the date. */
      if (used > 0 && (i + used == length || !is_word (text[i + used])))
        {
          if (date != NULL)
            *date = found;
          if (offset != NULL)
            *offset = i;
          return TRUE;
        }
    }
  return FALSE;
}
