/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet-corpus.h>
#include <actnet/actnet-error.h>

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "input-limits.h"

#define NONE G_MAXSIZE

/* Bounds on how far a link or tag may reach, so that a stray '[' or '<'
 * in a long paragraph costs a bounded scan instead of a quadratic one. */
#define MAX_LINK_TEXT 2048
#define MAX_LINK_TARGET 2048
#define MAX_TAG 1024
#define MAX_COMMENT 4096

/* ------------------------------------------------------------------ */
/* Documents                                                           */

void
actnet_document_free (ActnetDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->id);
  g_free (document->path);
  g_free (document->title);
  g_free (document->date);
  g_free (document->source);
  g_free (document->text);
  g_free (document->clean);
  g_free (document);
}

static void markdown_blank (const char *s, char *buffer, gsize n);

/* Takes @id, @path and @text (NUL-terminated, @length bytes); builds clean. */
static ActnetDocument *
document_take (char *id, char *path, guint line, char *text, gsize length,
               gboolean markdown)
{
  ActnetDocument *document = g_new0 (ActnetDocument, 1);
  document->id = id;
  document->path = path;
  document->line = line;
  document->text = text;
  document->length = length;
  document->day = ACTNET_DATE_NONE;
  document->clean = g_malloc (length + 1);
  memcpy (document->clean, text, length);
  document->clean[length] = '\0';
  /* A byte-order mark is never text: blank it but keep offsets. */
  if (actnet_i_bom_length (text, length) > 0)
    {
      memset (document->clean, ' ', 3);
      /* Blanking then reads the text without its mark. */
      if (markdown)
        actnet_markdown_blank (document->clean, length);
    }
  else if (markdown)
    markdown_blank (text, document->clean, length);
  return document;
}

/* In-memory documents have no file: path is a copy of @id. */
ActnetDocument *
actnet_document_new (const char *id, const char *text, gssize length,
                     gboolean markdown)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  gsize n = length < 0 ? strlen (text) : (gsize) length;
  char *copy = g_malloc (n + 1);
  if (n > 0)
    memcpy (copy, text, n);
  copy[n] = '\0';
  return document_take (g_strdup (id), g_strdup (id), 0, copy, n, markdown);
}

/* ------------------------------------------------------------------ */
/* Markdown blanking                                                   */

static gboolean
is_space_byte (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static gboolean
is_blank_char (char c)
{
  return c == ' ' || c == '\t';
}

typedef enum { CHAR_SPACE, CHAR_PUNCT, CHAR_OTHER } CharClass;

static CharClass
classify (gunichar c)
{
  if (c < 0x80)
    {
      if (is_space_byte ((char) c))
        return CHAR_SPACE;
      return g_ascii_ispunct ((char) c) ? CHAR_PUNCT : CHAR_OTHER;
    }
  if (g_unichar_isspace (c))
    return CHAR_SPACE;
  /* Like CommonMark, symbols count as punctuation for flanking. */
  return g_unichar_ispunct (c) ? CHAR_PUNCT : CHAR_OTHER;
}

/* Class of the character ending just before @i (start of text: space). */
static CharClass
class_before (const char *s, gsize i)
{
  if (i == 0)
    return CHAR_SPACE;
  gsize p = i - 1;
  while (p > 0 && i - p < 4 && ((guchar) s[p] & 0xC0) == 0x80)
    p--;
  gunichar c = g_utf8_get_char_validated (s + p, (gssize) (i - p));
  return c >= 0x80000000u ? CHAR_OTHER : classify (c);
}

/* Class of the character starting at @i (end of text: space). */
static CharClass
class_at (const char *s, gsize n, gsize i)
{
  if (i >= n)
    return CHAR_SPACE;
  gunichar c = g_utf8_get_char_validated (s + i, (gssize) MIN (n - i, 4));
  return c >= 0x80000000u ? CHAR_OTHER : classify (c);
}

static void
blank (char *buf, gsize from, gsize to)
{
  for (gsize i = from; i < to; i++)
    if (buf[i] != '\n' && buf[i] != '\r')
      buf[i] = ' ';
}

/* TRUE when the newline at @i is followed by a blank line (or the end). */
static gboolean
blank_line_follows (const char *s, gsize n, gsize i)
{
  gsize j = i + 1;
  while (j < n && (is_blank_char (s[j]) || s[j] == '\r' || s[j] == '\f' || s[j] == '\v'))
    j++;
  return j >= n || s[j] == '\n';
}

/* Line-level syntax in [start, end): blockquote '>', heading hashes,
 * thematic breaks, bullet markers, reference definitions. */
static void
blank_line_syntax (const char *s, char *buf, gsize start, gsize end)
{
  gsize p = start;
  while (p < end && is_blank_char (s[p]))
    p++;
  while (p < end && s[p] == '>')
    {
      buf[p++] = ' ';
      while (p < end && is_blank_char (s[p]))
        p++;
    }
  if (p >= end)
    return;

  gsize content_end = end;
  while (content_end > p && is_space_byte (s[content_end - 1]))
    content_end--;

  /* ATX heading: 1-6 '#' then a blank or the end of the line; an optional
   * closing run of '#' after a blank goes too. */
  gsize h = p;
  while (h < content_end && s[h] == '#')
    h++;
  if (h > p && h - p <= 6 && (h == content_end || is_blank_char (s[h])))
    {
      blank (buf, p, h);
      gsize c = content_end;
      while (c > h && s[c - 1] == '#')
        c--;
      if (c < content_end && (c == h || is_blank_char (s[c - 1])))
        blank (buf, c, content_end);
      return;
    }

  /* Thematic break (or setext underline): only one of * - _ = and blanks. */
  char mark = s[p];
  if (mark == '*' || mark == '-' || mark == '_' || mark == '=')
    {
      gsize q = p;
      while (q < content_end && (s[q] == mark || is_blank_char (s[q])))
        q++;
      if (q == content_end)
        {
          blank (buf, p, content_end);
          return;
        }
    }

  /* Bullet list marker. */
  if ((mark == '*' || mark == '-' || mark == '+') && p + 1 < end
      && is_blank_char (s[p + 1]))
    {
      buf[p] = ' ';
      return;
    }

  /* Reference definition "[label]: target" is not prose at all. */
  if (mark == '[')
    {
      gsize q = p + 1;
      while (q < content_end && s[q] != ']' && s[q] != '[' && q - p < 1000)
        q++;
      if (q < content_end && s[q] == ']' && q > p + 1 && q + 1 < content_end
          && s[q + 1] == ':' && (q + 2 >= content_end || is_blank_char (s[q + 2])))
        blank (buf, p, content_end);
    }
}

/* Positions cached across a blanking pass so that repeated searches for
 * the same closing mark ("[[[[..." without ']') cost O(n) in total. */
typedef struct {
  gsize next_close;     /* first ']' after the last search start, or n */
  gsize next_comment;   /* first "-->" at or after the last search start, or n */
} ScanCache;

/* Index of the ']' closing the '[' at @open, or NONE. */
static gsize
find_bracket_close (const char *s, gsize n, gsize open, ScanCache *cache)
{
  gsize limit = MIN (n, open + MAX_LINK_TEXT);
  if (cache->next_close <= open)
    {
      const char *p = open + 1 < n ? memchr (s + open + 1, ']', n - open - 1) : NULL;
      cache->next_close = p != NULL ? (gsize) (p - s) : n;
    }
  if (cache->next_close >= limit)
    return NONE;

  int depth = 0;
  for (gsize i = open + 1; i < limit; i++)
    {
      char c = s[i];
      if (c == '\\')
        i++;
      else if (c == '\n' && blank_line_follows (s, n, i))
        return NONE;
      else if (c == '[')
        {
          /* Link texts nest brackets a little ("[![img](a)](b)"), never
           * deeply: giving up keeps "[[[[..." linear. */
          if (++depth > 2)
            return NONE;
        }
      else if (c == ']')
        {
          if (depth == 0)
            return i;
          depth--;
        }
    }
  return NONE;
}

/* End (exclusive) of a link target "(...)" or "[ref]" starting at @i, or NONE. */
static gsize
find_link_target_end (const char *s, gsize n, gsize i)
{
  if (i >= n)
    return NONE;
  gsize limit = MIN (n, i + MAX_LINK_TARGET);
  if (s[i] == '(')
    {
      int depth = 0;
      for (gsize j = i + 1; j < limit; j++)
        {
          char c = s[j];
          if (c == '\\')
            j++;
          else if (c == '\n' && blank_line_follows (s, n, j))
            return NONE;
          else if (c == '(')
            {
              /* One level of nesting: "(https://x/wiki/A_(b))". */
              if (++depth > 1)
                return NONE;
            }
          else if (c == ')')
            {
              if (depth == 0)
                return j + 1;
              depth--;
            }
        }
      return NONE;
    }
  if (s[i] == '[')
    {
      for (gsize j = i + 1; j < limit && j - i <= 1000; j++)
        {
          if (s[j] == ']')
            return j + 1;
          if (s[j] == '[' || s[j] == '\n')
            return NONE;
        }
    }
  return NONE;
}

static gboolean
is_html_element (const char *name, gsize length)
{
  /* Most '<' start no name at all ("<GM>" in newswire text). */
  if (length == 0 || length > 10)
    return FALSE;
  static const char *const elements[] = {
    "a", "abbr", "article", "aside", "audio", "b", "blockquote", "body", "br",
    "button", "caption", "center", "cite", "code", "dd", "del", "details",
    "div", "dl", "dt", "em", "embed", "figcaption", "figure", "font",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
    "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "li",
    "link", "main", "mark", "meta", "nav", "noscript", "ol", "p", "picture",
    "pre", "q", "s", "script", "section", "small", "source", "span", "strike",
    "strong", "style", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "time", "title", "tr", "tt", "u", "ul", "video",
    "wbr",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (elements); i++)
    if (elements[i][0] == name[0] && strlen (elements[i]) == length
        && memcmp (elements[i], name, length) == 0)
      return TRUE;
  return FALSE;
}

/* Bytes of an autolink's scheme or address: letters, digits, the
 * symbols below, and NUL (which the strchr() this replaces found too). */
static gboolean
is_autolink_byte (char c)
{
  static const guint8 table[256] = {
    [0] = 1, ['+'] = 1, ['.'] = 1, ['-'] = 1, ['_'] = 1, ['%'] = 1, ['!'] = 1,
    ['#'] = 1, ['$'] = 1, ['&'] = 1, ['\''] = 1, ['*'] = 1, ['/'] = 1, ['='] = 1,
    ['?'] = 1, ['^'] = 1, ['`'] = 1, ['{'] = 1, ['|'] = 1, ['}'] = 1, ['~'] = 1,
    ['@'] = 1,
  };
  return g_ascii_isalnum (c) || table[(guchar) c];
}

/* End of an autolink, HTML tag or comment starting with '<' at @i, or NONE. */
static gsize
find_angle_end (const char *s, gsize n, gsize i, ScanCache *cache)
{
  gsize j = i + 1;
  if (j >= n)
    return NONE;

  if (n - j >= 3 && memcmp (s + j, "!--", 3) == 0)
    {
      gsize from = j + 3;
      if (cache->next_comment < from)
        {
          gsize k = from;
          cache->next_comment = n;
          while (k + 3 <= n)
            {
              const char *dash = memchr (s + k, '-', n - k);
              if (dash == NULL)
                break;
              k = (gsize) (dash - s);
              if (k + 3 <= n && memcmp (s + k, "-->", 3) == 0)
                {
                  cache->next_comment = k;
                  break;
                }
              k++;
            }
        }
      gsize end = cache->next_comment + 3;
      return cache->next_comment < n && end <= i + MAX_COMMENT ? end : NONE;
    }

  /* Autolink: <scheme:...> or <user@host>. */
  gsize k = j;
  while (k < n && k - j < 64 && is_autolink_byte (s[k]))
    k++;
  if (k < n && k > j && g_ascii_isalpha (s[j]))
    {
      gboolean scheme = s[k] == ':';
      gboolean email = s[k] == '>' && memchr (s + j, '@', k - j) != NULL;
      if (email)
        return k + 1;
      if (scheme)
        {
          gsize m = k + 1;
          while (m < n && m - i < MAX_TAG && (guchar) s[m] > ' ' && s[m] != '<' && s[m] != '>')
            m++;
          if (m < n && s[m] == '>')
            return m + 1;
        }
    }

  /* HTML tag: <name ...>, </name>, <name/>, for lower-case HTML element
   * names only: newswire text marks companies as "<GM>" or "<Woodco Inc>",
   * which are prose. */
  k = j;
  if (k < n && s[k] == '/')
    k++;
  gsize name = k;
  while (k < n && (g_ascii_islower (s[k]) || g_ascii_isdigit (s[k])))
    k++;
  if (k >= n || !is_html_element (s + name, k - name))
    return NONE;
  if (s[k] == '>')
    return k + 1;
  if (s[k] != '/' && !is_space_byte (s[k]))
    return NONE;
  gsize limit = MIN (n, i + MAX_TAG);
  for (; k < limit; k++)
    {
      if (s[k] == '>')
        return k + 1;
      if (s[k] == '<' || (s[k] == '\n' && blank_line_follows (s, n, k)))
        return NONE;
    }
  return NONE;
}

/* End of a bare http(s) URL starting at @i, or NONE. */
static gsize
find_url_end (const char *s, gsize n, gsize i)
{
  gsize k = i;
  if (n - i >= 7 && g_ascii_strncasecmp (s + i, "http://", 7) == 0)
    k += 7;
  else if (n - i >= 8 && g_ascii_strncasecmp (s + i, "https://", 8) == 0)
    k += 8;
  else
    return NONE;
  if (class_before (s, i) == CHAR_OTHER)   /* "ahttp://" is a word */
    return NONE;
  /* Non-ASCII ends the URL: closing curly quotes follow URLs in prose. */
  while (k < n && (guchar) s[k] > ' ' && (guchar) s[k] < 0x80
         && strchr ("<>\"`[]", s[k]) == NULL)
    k++;
  /* Trailing sentence punctuation and an unbalanced ')' belong to prose. */
  gssize balance = 0;
  for (gsize m = i; m < k; m++)
    balance += s[m] == '(' ? 1 : s[m] == ')' ? -1 : 0;
  for (;;)
    {
      char c = s[k - 1];
      if (strchr (".,;:!?'*_", c) != NULL)
        k--;
      else if (c == ')' && balance < 0)
        {
          balance++;
          k--;
        }
      else
        break;
    }
  return k;
}

/* Whether the run of @length emphasis characters at [i, i+length) opens or
 * closes emphasis (CommonMark's flanking rules, minus delimiter pairing:
 * an unpaired marker is not prose either). */
static gboolean
is_emphasis_run (const char *s, gsize n, gsize i, gsize length)
{
  CharClass before = class_before (s, i);
  CharClass after = class_at (s, n, i + length);
  gboolean left = after != CHAR_SPACE
                  && (after != CHAR_PUNCT || before != CHAR_OTHER);
  gboolean right = before != CHAR_SPACE
                   && (before != CHAR_PUNCT || after != CHAR_OTHER);
  if (s[i] == '_')
    return (left && (!right || before == CHAR_PUNCT))
           || (right && (!left || after == CHAR_PUNCT));
  /* '*' between two word characters ("2*3") is left alone. */
  return (left || right) && !(before == CHAR_OTHER && after == CHAR_OTHER);
}

typedef struct {
  gsize close;    /* position of the ']' of a link being walked */
  gsize resume;   /* end of its target; blanked [close, resume) */
} LinkJump;

/* Bytes that may start inline syntax; all others are skipped at once. */
static const guint8 inline_start[256] = {
  ['\\'] = 1, ['['] = 1, ['!'] = 1, ['<'] = 1, ['h'] = 1, ['H'] = 1, ['*'] = 1, ['_'] = 1,
};

/* Whether "http" (any case) starts at @i, the only way into find_url_end(). */
static inline gboolean
http_at (const char *s, gsize n, gsize i)
{
  return n - i >= 7 && (s[i + 1] | 0x20) == 't' && (s[i + 2] | 0x20) == 't'
         && (s[i + 3] | 0x20) == 'p';
}

/* Every construct is recognised on the original bytes @s; only @buffer is
 * written (@s != @buffer, same @n bytes), so earlier blanking never changes
 * a later decision. Blanked ranges start and end on ASCII syntax bytes and
 * contain whole characters, so @buffer stays valid UTF-8 when @s was. */
static void
markdown_blank (const char *s, char *buffer, gsize n)
{
  if (n == 0)
    return;

  for (gsize line = 0; line < n;)
    {
      const char *nl = memchr (s + line, '\n', n - line);
      gsize end = nl != NULL ? (gsize) (nl - s) : n;
      blank_line_syntax (s, buffer, line, end);
      line = end + 1;
    }

  GArray *jumps = NULL;
  ScanCache cache = { 0, 0 };
  gsize i = 0;
  while (i < n)
    {
      gsize limit = n;
      if (jumps != NULL && jumps->len > 0)
        {
          LinkJump *top = &g_array_index (jumps, LinkJump, jumps->len - 1);
          if (i >= top->close)
            {
              blank (buffer, top->close, top->resume);
              i = MAX (i, top->resume);
              g_array_set_size (jumps, jumps->len - 1);
              continue;
            }
          limit = top->close;
        }
      while (i < limit && !inline_start[(guchar) s[i]])
        i++;
      if (i >= limit)
        continue;

      char c = s[i];
      if (c == '\\' && i + 1 < n && g_ascii_ispunct (s[i + 1]))
        {
          /* An escaped character is literal; the backslash is syntax. */
          buffer[i] = ' ';
          i += 2;
        }
      else if (c == '[' || (c == '!' && i + 1 < n && s[i + 1] == '['))
        {
          gsize open = c == '!' ? i + 1 : i;
          gsize close = find_bracket_close (s, n, open, &cache);
          gsize resume = close == NONE ? NONE : find_link_target_end (s, n, close + 1);
          if (jumps == NULL)
            jumps = g_array_new (FALSE, FALSE, sizeof (LinkJump));
          gsize outer = jumps->len > 0
                        ? g_array_index (jumps, LinkJump, jumps->len - 1).close : n;
          if (resume != NONE && resume <= outer)
            {
              blank (buffer, i, open + 1);
              LinkJump jump = { close, resume };
              g_array_append_val (jumps, jump);
            }
          i = open + 1;
        }
      else if (c == '<')
        {
          gsize end = find_angle_end (s, n, i, &cache);
          if (end != NONE)
            {
              blank (buffer, i, end);
              i = end;
            }
          else
            i++;
        }
      else if ((c == 'h' || c == 'H') && http_at (s, n, i))
        {
          gsize end = find_url_end (s, n, i);
          if (end != NONE)
            {
              blank (buffer, i, end);
              i = end;
            }
          else
            i++;
        }
      else if (c == '*' || c == '_')
        {
          gsize run = 1;
          while (i + run < n && s[i + run] == c)
            run++;
          if (run <= 3 && is_emphasis_run (s, n, i, run))
            blank (buffer, i, i + run);
          i += run;
        }
      else
        i++;
    }
  if (jumps != NULL)
    g_array_free (jumps, TRUE);
}

void
actnet_markdown_blank (char *buffer, gsize length)
{
  g_return_if_fail (buffer != NULL || length == 0);
  if (length == 0)
    return;
  char *s = g_malloc (length);
  memcpy (s, buffer, length);
  markdown_blank (s, buffer, length);
  g_free (s);
}

/* ------------------------------------------------------------------ */
/* Reader                                                              */

typedef struct {
  char *path;
  gboolean top;   /* named by the caller: any extension, "-" allowed */
  char *relative; /* path below the directory given (NULL when top), for --include/--exclude */
  guint64 size;   /* st_size when queued as a file to read, else 0 (input position) */
} Pending;

struct _ActnetCorpusReader {
  GQueue pending;          /* Pending *, head first */
  GHashTable *visited;     /* "dev:ino" of directories of the current input */
  FILE *stream;            /* open JSONL stream, or NULL */
  GDataInputStream *gz;    /* open *.jsonl.gz stream (decompressed), or NULL */
  char *stream_path;
  gboolean stream_is_stdin;
  guint line;              /* lines consumed from stream */
  char *buffer;            /* the current line (reader_read_line()) */
  gsize buffer_size;
  gsize line_length;
  gboolean skip_line;      /* the rest of an over-long line is still to be read past */
  char *chunk;             /* bytes of the gzip stream (decompressed) or of a regular JSONL
                            * file, [chunk_pos, chunk_length) unread */
  gboolean stream_chunked; /* stream is a regular file, read in chunks */
  gsize chunk_pos, chunk_length;
  /* Bad input (README, "Bad input"). */
  guint64 max_document_size;
  char *walk_root;         /* the input directory being walked, or NULL */
  guint walk_files;        /* corpus files found below it so far */
  guint64 n_empty;         /* documents without text, reported at the end */
  char *first_empty;       /* the id of the first */
  JsonParser *parser;
  /* Parallel decoding of JSONL lines (ActnetBatchOptions.jobs > 1). */
  GThreadPool *decode_pool;
  GQueue prefetched;       /* Prefetched *, in line order */
  gboolean prefetch_end;   /* the stream ends after the prefetched lines */
  GError *prefetch_error;  /* ... with this error */
  GMutex decode_lock;
  GCond decode_done;
  guint decode_pending;    /* chunks being decoded */
  /* Dating (actnet_corpus_reader_set_dating()). */
  ActnetDatingMode dating;
  char *date_field;        /* NULL: "date" */
  GHashTable *sidecar;     /* path or id as written -> date */
  GHashTable *sidecar_base;/* basename -> date, or ACTNET_DATE_NONE when two rows disagree */
  GPtrArray *warnings;     /* char * */
  guint bad_dates;         /* in the open JSONL stream */
  guint bad_line;          /* the first of them */
  char *bad_text;
  /* Batch input (actnet_corpus_reader_set_batch()). */
  GPtrArray *include;      /* GPatternSpec *, or NULL */
  GPtrArray *exclude;      /* GPatternSpec *, or NULL */
  gboolean keep_going;
  guint64 n_skipped;
  /* Input position (actnet_corpus_reader_get_input_position()). */
  guint64 input_total;     /* sizes of the files queued so far */
  guint64 input_done;      /* sizes of the files finished */
  guint64 stream_size;     /* size of the open stream's file, added to input_done on close */
};

static void
pending_free (Pending *pending)
{
  g_free (pending->path);
  g_free (pending->relative);
  g_free (pending);
}

static void
pending_push_tail (ActnetCorpusReader *reader, char *path, gboolean top)
{
  Pending *pending = g_new (Pending, 1);
  pending->path = path;
  pending->top = top;
  pending->relative = NULL;
  /* Sizes as queued give the total for an ETA; "-" and pipes add nothing. */
  struct stat st;
  pending->size = strcmp (path, "-") != 0 && stat (path, &st) == 0 && S_ISREG (st.st_mode)
                    ? (guint64) st.st_size : 0;
  reader->input_total += pending->size;
  g_queue_push_tail (&reader->pending, pending);
}

ActnetCorpusReader *
actnet_corpus_reader_new (const char *const *inputs)
{
  ActnetCorpusReader *reader = g_new0 (ActnetCorpusReader, 1);
  g_queue_init (&reader->pending);
  reader->visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader->dating = ACTNET_DATING_FIELD;
  reader->warnings = g_ptr_array_new_with_free_func (g_free);
  reader->max_document_size = ACTNET_DEFAULT_MAX_DOCUMENT_SIZE;
  for (gsize i = 0; inputs != NULL && inputs[i] != NULL; i++)
    pending_push_tail (reader, g_strdup (inputs[i]), TRUE);
  return reader;
}

/* One warning per file, not per line: a feed with a foreign date format
 * would otherwise bury everything else. */
static void
reader_flush_bad_dates (ActnetCorpusReader *reader)
{
  if (reader->bad_dates == 0)
    return;
  g_ptr_array_add (reader->warnings,
                   g_strdup_printf ("%s: %u date%s not understood in \"%s\", left undated "
                                    "(first at line %u: \"%s\")",
                                    reader->stream_path, reader->bad_dates,
                                    reader->bad_dates == 1 ? "" : "s",
                                    reader->date_field != NULL ? reader->date_field : "date",
                                    reader->bad_line, reader->bad_text));
  reader->bad_dates = 0;
  g_clear_pointer (&reader->bad_text, g_free);
}

static void reader_clear_prefetched (ActnetCorpusReader *reader);

static void
reader_close_stream (ActnetCorpusReader *reader)
{
  reader_flush_bad_dates (reader);
  if (reader->stream != NULL && !reader->stream_is_stdin)
    fclose (reader->stream);
  reader->stream = NULL;
  reader->input_done += reader->stream_size;
  reader->stream_size = 0;
  g_clear_object (&reader->gz);
  reader->chunk_pos = reader->chunk_length = 0;
  reader->skip_line = FALSE;
  reader->stream_is_stdin = FALSE;
  reader->stream_chunked = FALSE;
  g_clear_pointer (&reader->stream_path, g_free);
  reader->line = 0;
  reader_clear_prefetched (reader);
}

void
actnet_corpus_reader_free (ActnetCorpusReader *reader)
{
  if (reader == NULL)
    return;
  reader_close_stream (reader);
  if (reader->decode_pool != NULL)
    {
      g_thread_pool_free (reader->decode_pool, FALSE, TRUE);
      g_mutex_clear (&reader->decode_lock);
      g_cond_clear (&reader->decode_done);
    }
  g_queue_clear_full (&reader->pending, (GDestroyNotify) pending_free);
  g_hash_table_unref (reader->visited);
  g_free (reader->buffer);
  g_free (reader->chunk);
  g_free (reader->walk_root);
  g_free (reader->first_empty);
  g_clear_object (&reader->parser);
  g_free (reader->date_field);
  g_clear_pointer (&reader->sidecar, g_hash_table_unref);
  g_clear_pointer (&reader->sidecar_base, g_hash_table_unref);
  g_ptr_array_unref (reader->warnings);
  g_free (reader->bad_text);
  g_clear_pointer (&reader->include, g_ptr_array_unref);
  g_clear_pointer (&reader->exclude, g_ptr_array_unref);
  g_free (reader);
}

static void
set_errno_error (GError **error, int saved_errno, const char *path)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "%s: %s", path, g_strerror (saved_errno));
}

static gboolean
has_suffix (const char *name, const char *suffix)
{
  gsize n = strlen (name), m = strlen (suffix);
  return n >= m && g_ascii_strcasecmp (name + n - m, suffix) == 0;
}

static gboolean
is_gzip_jsonl_name (const char *name)
{
  return has_suffix (name, ".jsonl.gz");
}

static gboolean
is_jsonl_name (const char *name)
{
  return has_suffix (name, ".jsonl") || is_gzip_jsonl_name (name);
}

static gboolean
is_corpus_name (const char *name)
{
  return has_suffix (name, ".txt") || has_suffix (name, ".md")
         || has_suffix (name, ".markdown") || is_jsonl_name (name);
}

static gboolean batch_excluded (const ActnetCorpusReader *reader, const char *relative,
                                gboolean is_dir);

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Queues the entries of directory @path (sorted, hidden ones skipped)
 * ahead of everything else, so a tree is read depth-first in name order.
 * @relative is @path below the directory given (NULL: it is that one). */
static gboolean
reader_expand_directory (ActnetCorpusReader *reader, const char *path, const char *relative,
                         GError **error)
{
  DIR *dir = opendir (path);
  if (dir == NULL)
    {
      set_errno_error (error, errno, path);
      return FALSE;
    }
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  struct dirent *entry;
  errno = 0;
  while ((entry = readdir (dir)) != NULL)
    {
      if (entry->d_name[0] != '.')
        g_ptr_array_add (names, g_strdup (entry->d_name));
      errno = 0;
    }
  int saved = errno;
  closedir (dir);
  if (saved != 0)
    {
      g_ptr_array_unref (names);
      set_errno_error (error, saved, path);
      return FALSE;
    }
  g_ptr_array_sort (names, compare_names);
  for (guint i = names->len; i-- > 0;)
    {
      Pending *pending = g_new (Pending, 1);
      const char *name = g_ptr_array_index (names, i);
      pending->path = g_build_filename (path, name, NULL);
      pending->top = FALSE;
      /* '/' whatever the platform: the globs are written that way. */
      pending->relative = relative != NULL ? g_strconcat (relative, "/", name, NULL) : g_strdup (name);
      /* Counted only when reader_open() will read it. */
      struct stat st;
      pending->size = is_corpus_name (name) && !batch_excluded (reader, pending->relative, FALSE)
                          && stat (pending->path, &st) == 0 && S_ISREG (st.st_mode)
                        ? (guint64) st.st_size : 0;
      reader->input_total += pending->size;
      g_queue_push_head (&reader->pending, pending);
    }
  g_ptr_array_unref (names);
  return TRUE;
}

/* Appends what is left of @stream to @bytes, but no more than @max bytes
 * in all: *@too_big (nullable) when there was more (the rest unread). FALSE
 * on a read error (errno set). */
static gboolean
read_bounded (FILE *stream, GByteArray *bytes, guint64 max, gboolean *too_big)
{
  guint8 chunk[65536];
  size_t got;
  if (too_big != NULL)
    *too_big = FALSE;
  while ((got = fread (chunk, 1, sizeof chunk, stream)) > 0)
    {
      if (bytes->len + (guint64) got > max)
        {
          if (too_big != NULL)
            *too_big = TRUE;
          return TRUE;
        }
      g_byte_array_append (bytes, chunk, (guint) got);
    }
  return !ferror (stream);
}

static gboolean
read_all (FILE *stream, GByteArray *bytes)
{
  return read_bounded (stream, bytes, G_MAXUINT64, NULL);
}

/* "64.0 MiB", with a plain space (GLib puts a no-break space there, which
 * nobody types into grep). */
static char *
format_size (guint64 size)
{
  g_autofree char *glib = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  GString *text = g_string_new (glib);
  g_string_replace (text, "\xC2\xA0", " ", 0);
  return g_string_free (text, FALSE);
}

/* The limit error of a document over @max bytes; @size 0: not known. */
static void
set_size_error (GError **error, const char *path, guint64 size, guint64 max)
{
  g_autofree char *limit = format_size (max);
  if (size == 0)
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_LIMIT,
                   "%s: document larger than the maximum document size (%s; see "
                   "--max-document-size)", path, limit);
      return;
    }
  g_autofree char *have = format_size (size);
  g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_LIMIT,
               "%s: document larger than the maximum document size (%s > %s; see "
               "--max-document-size)", path, have, limit);
}

/* 1-based line and column of byte @offset of @text. */
static void
locate (const char *text, gsize offset, guint *line, gsize *column)
{
  guint lines = 1;
  gsize line_start = 0;
  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n')
      {
        lines++;
        line_start = i + 1;
      }
  *line = lines;
  *column = offset - line_start + 1;
}

/* A whole-file document from @bytes (consumed). */
static ActnetDocument *
text_document (const char *path, GByteArray *bytes, GError **error)
{
  gsize length = bytes->len;
  const char *data = (const char *) bytes->data;
  const char *nul = length > 0 ? memchr (data, '\0', length) : NULL;
  if (nul != NULL)
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_ENCODING,
                   "%s: binary data (NUL byte at offset %" G_GSIZE_FORMAT ")",
                   path, (gsize) (nul - data));
      g_byte_array_unref (bytes);
      return NULL;
    }
  const char *end;
  if (length > 0 && !g_utf8_validate_len (data, length, &end))
    {
      guint line;
      gsize column;
      locate (data, (gsize) (end - data), &line, &column);
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_ENCODING,
                   "%s:%u: invalid UTF-8 (byte 0x%02X at column %" G_GSIZE_FORMAT ")",
                   path, line, (guchar) *end, column);
      g_byte_array_unref (bytes);
      return NULL;
    }
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  char *text = (char *) g_byte_array_free (bytes, FALSE);
  return document_take (g_strdup (path), g_strdup (path), 0, text, length, TRUE);
}

/* A whole text file (or a pipe: its size is found out by reading, up to
 * the limit). */
static ActnetDocument *
read_text_file (const char *path, guint64 max, GError **error)
{
  FILE *stream = fopen (path, "rb");
  if (stream == NULL)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }
  GByteArray *bytes = g_byte_array_new ();
  gboolean too_big;
  gboolean ok = read_bounded (stream, bytes, max, &too_big);
  int saved = errno;
  fclose (stream);
  if (!ok || too_big)
    {
      g_byte_array_unref (bytes);
      if (too_big)
        set_size_error (error, path, 0, max);
      else
        set_errno_error (error, saved, path);
      return NULL;
    }
  return text_document (path, bytes, error);
}

/* Standard input: JSONL when its first non-blank byte is '{'. Leading
 * whitespace is consumed but its newlines still count as lines. */
static ActnetDocument *
reader_open_stdin (ActnetCorpusReader *reader, GError **error)
{
  GByteArray *bytes = g_byte_array_new ();
  guint newlines = 0;
  int c;
  while ((c = getc (stdin)) != EOF && is_space_byte ((char) c)
         && bytes->len < reader->max_document_size)
    {
      guint8 byte = (guint8) c;
      g_byte_array_append (bytes, &byte, 1);
      newlines += c == '\n';
    }
  if (c == '{')
    {
      ungetc (c, stdin);
      g_byte_array_unref (bytes);
      reader->stream = stdin;
      reader->stream_is_stdin = TRUE;
      reader->stream_path = g_strdup ("-");
      reader->line = newlines;
      return NULL;
    }
  if (c != EOF)
    {
      guint8 byte = (guint8) c;
      g_byte_array_append (bytes, &byte, 1);
    }
  gboolean too_big;
  if (!read_bounded (stdin, bytes, reader->max_document_size, &too_big))
    {
      g_byte_array_unref (bytes);
      set_errno_error (error, errno, "-");
      return NULL;
    }
  if (too_big || bytes->len > reader->max_document_size)
    {
      g_byte_array_unref (bytes);
      set_size_error (error, "-", 0, reader->max_document_size);
      return NULL;
    }
  return text_document ("-", bytes, error);
}

/* Name of the top-level member among the ones read whose string value
 * holds a \u0000 escape (json-glib would silently cut the string there),
 * or NULL. @line has been accepted by the JSON parser, so a plain scan of
 * strings and nesting depth suffices. */
static char *
find_nul_member (const char *line, gsize length)
{
  static const char *const used[] = { "text", "id", "title", "date", "source" };
  int depth = 0;
  const char *key = NULL;
  gsize key_length = 0;
  for (gsize i = 0; i < length; i++)
    {
      char c = line[i];
      if (c == '"')
        {
          gsize start = ++i;
          gboolean nul = FALSE;
          while (i < length && line[i] != '"')
            {
              if (line[i] == '\\')
                {
                  if (length - i >= 6 && memcmp (line + i + 1, "u0000", 5) == 0)
                    nul = TRUE;
                  i += 2;
                }
              else
                i++;
            }
          gsize j = i + 1;
          while (j < length && is_space_byte (line[j]))
            j++;
          if (depth != 1)
            continue;
          if (j < length && line[j] == ':')
            {
              key = line + start;
              key_length = i - start;
            }
          else if (nul && key != NULL)
            for (gsize u = 0; u < G_N_ELEMENTS (used); u++)
              if (strlen (used[u]) == key_length && memcmp (used[u], key, key_length) == 0)
                return g_strdup (used[u]);
        }
      else if (c == '{' || c == '[')
        depth++;
      else if (c == '}' || c == ']')
        depth--;
    }
  return NULL;
}

static char *
string_member (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node)
      && json_node_get_value_type (node) == G_TYPE_STRING)
    /* json-glib lets some lone surrogate escapes through as CESU-8 bytes;
     * a title or date is kept, made valid (U+FFFD). */
    return g_utf8_make_valid (json_node_get_string (node), -1);
  return NULL;
}

static void
set_json_syntax_error (GError **error, const char *path, guint line, const GError *cause)
{
  /* json-glib says "<data>:1:10: Parse error: unexpected ..."; keep the
   * column and the reason. It quotes the bad token as it decoded it (a
   * lone surrogate escape as CESU-8), cut at a byte count: make it UTF-8. */
  g_autofree char *valid = g_utf8_make_valid (cause->message, -1);
  const char *message = valid;
  if (g_str_has_prefix (message, "<data>:"))
    {
      char *rest;
      strtoul (message + 7, &rest, 10);
      if (*rest == ':')
        {
          unsigned long column = strtoul (rest + 1, &rest, 10);
          if (g_str_has_prefix (rest, ": "))
            {
              rest += 2;
              if (g_str_has_prefix (rest, "Parse error: "))
                rest += strlen ("Parse error: ");
              g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_PARSE,
                           "%s:%u: invalid JSON at column %lu: %s",
                           path, line, column, rest);
              return;
            }
        }
    }
  g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_PARSE,
               "%s:%u: invalid JSON: %s", path, line, message);
}

/* ---- JSONL fast path ----------------------------------------------- */

/* Most JSONL lines are plain objects of strings and numbers. This parser
 * reads them without building a tree; anything it is not sure to read as
 * json-glib does (escaped keys, surrogate escapes, \u0000, deep nesting,
 * unusual numbers, repeated members, any syntax error) makes it give up,
 * and the line goes through json-glib, which decides and words the
 * errors. */

#define FAST_JSON_MAX_DEPTH 32

typedef struct {
  const char *p;
  const char *end;
} JsonCursor;

/* 1: '"' or '\\'; 2: a control character (not allowed raw); 3: a byte
 * of a non-ASCII character, validated here so that the parser never
 * relies on its caller for it. */
static const guint8 json_string_byte[256] = {
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
};

static inline void
json_skip_space (JsonCursor *c)
{
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
    c->p++;
}

/* Length of the well-formed UTF-8 character at @p (before @end), or 0. */
static gsize
utf8_char_length (const guchar *p, const guchar *end)
{
  gsize avail = (gsize) (end - p);
  guchar c = p[0];
  if (c >= 0xC2 && c <= 0xDF)
    return avail >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF)
    {
      if (avail < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
        return 0;
      if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F))
        return 0;
      return 3;
    }
  if (c >= 0xF0 && c <= 0xF4)
    {
      if (avail < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
        return 0;
      if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F))
        return 0;
      return 4;
    }
  return 0;
}

static gint
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
    return (c | 0x20) - 'a' + 10;
  return -1;
}

/* The four hex digits at @p as a code unit, or -1. */
static gint32
hex4 (const char *p)
{
  gint32 value = 0;
  for (int i = 0; i < 4; i++)
    {
      gint d = hex_value (p[i]);
      if (d < 0)
        return -1;
      value = value << 4 | d;
    }
  return value;
}

/* Reads the string whose opening quote is at c->p. With @out (room for
 * as many bytes as the raw string has) decodes it there and sets
 * *@out_length; without, only checks it. FALSE: give up. */
static gboolean
json_read_string (JsonCursor *c, char *out, gsize *out_length)
{
  const guchar *p = (const guchar *) c->p + 1;
  const guchar *end = (const guchar *) c->end;
  char *o = out;
  for (;;)
    {
      const guchar *run = p;
      while (p < end && json_string_byte[*p] == 0)
        p++;
      if (o != NULL)
        {
          memcpy (o, run, (gsize) (p - run));
          o += p - run;
        }
      if (p >= end)
        return FALSE;
      guint kind = json_string_byte[*p];
      if (kind == 3)
        {
          gsize w = utf8_char_length (p, end);
          if (w == 0)
            return FALSE;
          if (o != NULL)
            {
              memcpy (o, p, w);
              o += w;
            }
          p += w;
          continue;
        }
      if (kind == 2)
        return FALSE;
      if (*p == '"')
        break;
      /* A backslash. */
      if (end - p < 2)
        return FALSE;
      char e = (char) p[1];
      char plain;
      switch (e)
        {
        case '"': plain = '"'; break;
        case '\\': plain = '\\'; break;
        case '/': plain = '/'; break;
        case 'b': plain = '\b'; break;
        case 'f': plain = '\f'; break;
        case 'n': plain = '\n'; break;
        case 'r': plain = '\r'; break;
        case 't': plain = '\t'; break;
        case 'u':
          {
            gint32 unit = end - p >= 6 ? hex4 ((const char *) p + 2) : -1;
            /* NUL is json-glib's business (it ends strings there);
             * surrogates too. */
            if (unit <= 0 || (unit >= 0xD800 && unit <= 0xDFFF))
              return FALSE;
            if (o != NULL)
              o += g_unichar_to_utf8 ((gunichar) unit, o);
            p += 6;
            continue;
          }
        default:
          return FALSE;
        }
      if (o != NULL)
        *o++ = plain;
      p += 2;
    }
  c->p = (const char *) p + 1;
  if (o != NULL)
    {
      *o = '\0';
      *out_length = (gsize) (o - out);
    }
  return TRUE;
}

/* A decoded copy of the string at c->p, or NULL: give up. A @large
 * string (the text) gets the rest of the line as room, trimmed after;
 * others are measured first. */
static char *
json_dup_string (JsonCursor *c, gboolean large, gsize *length)
{
  const char *body = c->p + 1;
  const char *q = c->end;
  if (!large)
    for (q = body; q < c->end && *q != '"'; q++)
      if (*q == '\\' && q + 1 < c->end)
        q++;
  /* Decoding never lengthens. */
  gsize room = (gsize) (MIN (q, c->end) - body) + 1;
  char *out = g_malloc (room);
  if (!json_read_string (c, out, length))
    {
      g_free (out);
      return NULL;
    }
  if (room - *length > 4096)
    out = g_realloc (out, *length + 1);
  return out;
}

/* Skips a number; *@integer is set when it is a plain integer that fits
 * (then in *@value). FALSE: give up (including forms json-glib might
 * read differently, such as very long or far-out numbers). */
static gboolean
json_skip_number (JsonCursor *c, gboolean *integer, gint64 *value)
{
  const char *p = c->p;
  gboolean negative = p < c->end && *p == '-';
  if (negative)
    p++;
  const char *digits = p;
  while (p < c->end && g_ascii_isdigit (*p))
    p++;
  gsize n_digits = (gsize) (p - digits);
  if (n_digits == 0 || n_digits > 18 || (n_digits > 1 && *digits == '0'))
    return FALSE;
  *integer = TRUE;
  if (p < c->end && *p == '.')
    {
      const char *fraction = ++p;
      while (p < c->end && g_ascii_isdigit (*p))
        p++;
      if (p == fraction || p - fraction > 18)
        return FALSE;
      *integer = FALSE;
    }
  if (p < c->end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < c->end && (*p == '+' || *p == '-'))
        p++;
      const char *exponent = p;
      while (p < c->end && g_ascii_isdigit (*p))
        p++;
      if (p == exponent || p - exponent > 2)
        return FALSE;
      *integer = FALSE;
    }
  if (*integer)
    {
      gint64 v = 0;
      for (const char *d = digits; d < digits + n_digits; d++)
        v = v * 10 + (*d - '0');
      *value = negative ? -v : v;
    }
  c->p = p;
  return TRUE;
}

static gboolean
json_skip_literal (JsonCursor *c, const char *word)
{
  gsize n = strlen (word);
  if ((gsize) (c->end - c->p) < n || memcmp (c->p, word, n) != 0)
    return FALSE;
  c->p += n;
  return TRUE;
}

/* Skips any value at c->p (after blanks). */
static gboolean
json_skip_value (JsonCursor *c, guint depth)
{
  if (c->p >= c->end || depth > FAST_JSON_MAX_DEPTH)
    return FALSE;
  char first = *c->p;
  if (first == '"')
    return json_read_string (c, NULL, NULL);
  if (first == '{' || first == '[')
    {
      char close = first == '{' ? '}' : ']';
      c->p++;
      json_skip_space (c);
      if (c->p < c->end && *c->p == close)
        {
          c->p++;
          return TRUE;
        }
      for (;;)
        {
          if (first == '{')
            {
              if (c->p >= c->end || *c->p != '"' || !json_read_string (c, NULL, NULL))
                return FALSE;
              json_skip_space (c);
              if (c->p >= c->end || *c->p != ':')
                return FALSE;
              c->p++;
              json_skip_space (c);
            }
          if (!json_skip_value (c, depth + 1))
            return FALSE;
          json_skip_space (c);
          if (c->p >= c->end)
            return FALSE;
          if (*c->p == close)
            {
              c->p++;
              return TRUE;
            }
          if (*c->p != ',')
            return FALSE;
          c->p++;
          json_skip_space (c);
        }
    }
  if (first == '-' || g_ascii_isdigit (first))
    {
      gboolean integer;
      gint64 value;
      return json_skip_number (c, &integer, &value);
    }
  return json_skip_literal (c, "true") || json_skip_literal (c, "false")
         || json_skip_literal (c, "null");
}

enum {
  MEMBER_TEXT = 1 << 0,
  MEMBER_ID = 1 << 1,
  MEMBER_TITLE = 1 << 2,
  MEMBER_DATE = 1 << 3,
  MEMBER_SOURCE = 1 << 4
};

static gboolean
key_is (const char *key, gsize length, const char *name)
{
  return strlen (name) == length && memcmp (key, name, length) == 0;
}

/* jsonl_decode() without json-glib, or NULL when json-glib must read
 * the line. */
static ActnetDocument *
jsonl_decode_fast (const ActnetCorpusReader *reader, guint number, const char *line,
                   gsize length, gboolean *bad_date)
{
  JsonCursor c = { line, line + length };
  const char *date_field = reader->date_field != NULL ? reader->date_field : "date";
  char *text = NULL, *id = NULL, *title = NULL, *date = NULL, *source = NULL;
  gsize text_length = 0;
  guint seen = 0;
  gboolean ok = FALSE;

  json_skip_space (&c);
  if (c.p >= c.end || *c.p != '{')
    return NULL;
  c.p++;
  json_skip_space (&c);
  while (c.p < c.end && *c.p == '"')
    {
      const char *key = c.p + 1;
      if (!json_read_string (&c, NULL, NULL))
        goto out;
      gsize key_length = (gsize) (c.p - 1 - key);
      if (memchr (key, '\\', key_length) != NULL)
        goto out;
      guint member = (key_is (key, key_length, "text") ? MEMBER_TEXT : 0)
                     | (key_is (key, key_length, "id") ? MEMBER_ID : 0)
                     | (key_is (key, key_length, "title") ? MEMBER_TITLE : 0)
                     | (key_is (key, key_length, date_field) ? MEMBER_DATE : 0)
                     | (key_is (key, key_length, "source") ? MEMBER_SOURCE : 0);
      /* A repeated member: which copy counts is json-glib's call. */
      if (seen & member)
        goto out;
      seen |= member;
      json_skip_space (&c);
      if (c.p >= c.end || *c.p != ':')
        goto out;
      c.p++;
      json_skip_space (&c);
      if (c.p >= c.end)
        goto out;
      if (member != 0 && *c.p == '"')
        {
          gsize n;
          char *value = json_dup_string (&c, (member & MEMBER_TEXT) != 0, &n);
          if (value == NULL)
            goto out;
          /* --date-field may name one of the others: the first member
           * takes the value, the others a copy. */
          char *spare = value;
          if (member & MEMBER_TEXT)
            {
              text = g_steal_pointer (&spare);
              text_length = n;
            }
          if (member & MEMBER_ID)
            id = spare != NULL ? g_steal_pointer (&spare) : g_strdup (value);
          if (member & MEMBER_TITLE)
            title = spare != NULL ? g_steal_pointer (&spare) : g_strdup (value);
          if (member & MEMBER_DATE)
            date = spare != NULL ? g_steal_pointer (&spare) : g_strdup (value);
          if (member & MEMBER_SOURCE)
            source = spare != NULL ? g_steal_pointer (&spare) : g_strdup (value);
        }
      else if (member & (MEMBER_TEXT | MEMBER_ID))
        {
          /* "text" must be a string, "id" a string, an integer or null:
           * anything else is an error json-glib words. */
          if (member & MEMBER_TEXT)
            goto out;
          gboolean integer;
          gint64 value;
          if (json_skip_literal (&c, "null"))
            ;
          else if ((*c.p == '-' || g_ascii_isdigit (*c.p)) && json_skip_number (&c, &integer, &value)
                   && integer)
            id = g_strdup_printf ("%" G_GINT64_FORMAT, value);
          else
            goto out;
        }
      else if (!json_skip_value (&c, 1))
        goto out;
      json_skip_space (&c);
      if (c.p < c.end && *c.p == ',')
        {
          c.p++;
          json_skip_space (&c);
          if (c.p >= c.end || *c.p != '"')
            goto out;
          continue;
        }
      break;
    }
  if (c.p >= c.end || *c.p != '}')
    goto out;
  c.p++;
  json_skip_space (&c);
  ok = c.p == c.end && text != NULL;

out:
  if (!ok)
    {
      g_free (text);
      g_free (id);
      g_free (title);
      g_free (date);
      g_free (source);
      return NULL;
    }
  const char *path = reader->stream_path;
  if (id == NULL)
    id = g_strdup_printf ("%s:%u", path, number);
  ActnetDocument *document = document_take (id, g_strdup (path), number, text, text_length, TRUE);
  document->title = title;
  document->date = date;
  document->source = source;
  if (document->date != NULL && reader->dating != ACTNET_DATING_NONE)
    {
      document->day = actnet_date_parse (document->date);
      *bad_date = document->day == ACTNET_DATE_NONE;
    }
  return document;
}

/* Line @number of the open stream (@line, without its newline) into a
 * document. Reads the reader and writes nothing to it, so that several
 * threads decode lines of one stream at once (each with its @parser);
 * *@bad_date is set when the date is there but not understood. */
static ActnetDocument *
jsonl_decode (const ActnetCorpusReader *reader, JsonParser *parser, guint number,
              const char *line, gsize length, gboolean *bad_date, GError **error)
{
  /* A byte-order mark opens the stream, not the record. */
  gsize bom = number == 1 ? actnet_i_bom_length (line, length) : 0;
  /* The fast path takes only well-formed lines (valid UTF-8, no NUL),
   * so the checks below, in this order, word every error. */
  ActnetDocument *fast = jsonl_decode_fast (reader, number, line + bom, length - bom, bad_date);
  if (fast != NULL)
    return fast;

  const char *path = reader->stream_path;
  const char *nul = memchr (line, '\0', length);
  if (nul != NULL)
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_ENCODING,
                   "%s:%u: binary data (NUL byte at column %" G_GSIZE_FORMAT ")",
                   path, number, (gsize) (nul - line) + 1);
      return NULL;
    }
  const char *end;
  if (!g_utf8_validate_len (line, length, &end))
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_ENCODING,
                   "%s:%u: invalid UTF-8 (byte 0x%02X at column %" G_GSIZE_FORMAT ")",
                   path, number, (guchar) *end, (gsize) (end - line) + 1);
      return NULL;
    }
  line += bom;
  length -= bom;
  /* json-glib recurses once a level: deep nesting would overflow the
   * stack (the fast path gives up long before). */
  if (actnet_i_json_too_deep (line, length, ACTNET_I_JSON_MAX_DEPTH))
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_LIMIT,
                   "%s:%u: JSON nested deeper than %u levels", path, number,
                   (guint) ACTNET_I_JSON_MAX_DEPTH);
      return NULL;
    }
  GError *local = NULL;
  if (!json_parser_load_from_data (parser, line, (gssize) length, &local))
    {
      set_json_syntax_error (error, path, number, local);
      g_error_free (local);
      return NULL;
    }
  JsonNode *root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_PARSE,
                   "%s:%u: not a JSON object", path, number);
      return NULL;
    }
  JsonObject *object = json_node_get_object (root);
  JsonNode *text_node = json_object_get_member (object, "text");
  if (text_node == NULL)
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_PARSE,
                   "%s:%u: missing \"text\"", path, number);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (text_node)
      || json_node_get_value_type (text_node) != G_TYPE_STRING)
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_PARSE,
                   "%s:%u: \"text\" is not a string", path, number);
      return NULL;
    }

  char *id = NULL;
  JsonNode *id_node = json_object_get_member (object, "id");
  if (id_node != NULL && !JSON_NODE_HOLDS_NULL (id_node))
    {
      GType type = JSON_NODE_HOLDS_VALUE (id_node)
                   ? json_node_get_value_type (id_node) : G_TYPE_INVALID;
      if (type == G_TYPE_STRING)
        id = g_utf8_make_valid (json_node_get_string (id_node), -1);
      else if (type == G_TYPE_INT64)
        id = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (id_node));
      else
        {
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_PARSE,
                       "%s:%u: \"id\" is not a string or an integer", path, number);
          return NULL;
        }
    }

  char *nul_member = find_nul_member (line, length);
  if (nul_member != NULL)
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_ENCODING,
                   "%s:%u: NUL character in \"%s\"", path, number, nul_member);
      g_free (nul_member);
      g_free (id);
      return NULL;
    }

  const char *text = json_node_get_string (text_node);
  gsize text_length = strlen (text);
  if (!g_utf8_validate_len (text, text_length, NULL))
    {
      /* json-glib 1.6 lets a lone surrogate escape through ("\ud800"). */
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_ENCODING,
                   "%s:%u: invalid UTF-8 in \"text\"", path, number);
      g_free (id);
      return NULL;
    }
  if (id == NULL)
    id = g_strdup_printf ("%s:%u", path, number);
  ActnetDocument *document = document_take (id, g_strdup (path), number,
                                            g_strndup (text, text_length),
                                            text_length, TRUE);
  document->title = string_member (object, "title");
  document->date = string_member (object, reader->date_field != NULL ? reader->date_field : "date");
  if (document->date != NULL && reader->dating != ACTNET_DATING_NONE)
    {
      document->day = actnet_date_parse (document->date);
      *bad_date = document->day == ACTNET_DATE_NONE;
    }
  document->source = string_member (object, "source");
  return document;
}

/* Counts a date not understood in the open stream (in line order: the
 * first one is quoted in the warning). */
static void
note_bad_date (ActnetCorpusReader *reader, const ActnetDocument *document)
{
  if (reader->bad_dates++ > 0)
    return;
  reader->bad_line = document->line;
  /* Quoted in a one-line warning: bounded, whitespace flattened. */
  reader->bad_text = g_utf8_substring (document->date, 0,
                                       MIN (g_utf8_strlen (document->date, -1), 40));
  g_strdelimit (reader->bad_text, "\t\r\n\"", ' ');
}

/* The current line of the open stream into a document. */
static ActnetDocument *
jsonl_document (ActnetCorpusReader *reader, const char *line, gsize length, GError **error)
{
  if (reader->parser == NULL)
    reader->parser = json_parser_new ();
  gboolean bad_date = FALSE;
  ActnetDocument *document = jsonl_decode (reader, reader->parser, reader->line, line, length,
                                           &bad_date, error);
  if (document != NULL && bad_date)
    note_bad_date (reader, document);
  return document;
}

/* ---- Bounded line reading --------------------------------------------------
 *
 * A JSONL line is kept only up to the maximum document size, so a hostile
 * line (gigabytes without a newline) costs at most that much memory and
 * fails as soon as it is over; the rest of it is read past on the next
 * call, and the file goes on with the line after it. */

/* Bytes read at a time from a gzip stream or a regular JSONL file. */
#define READ_CHUNK 65536

/* Refills reader->chunk from the open gzip stream: bytes read, 0 at its
 * end, -1 with @error (nothing after a corrupt block can be trusted: the
 * file ends there). */
static gssize
gz_fill (ActnetCorpusReader *reader, GError **error)
{
  if (reader->chunk == NULL)
    reader->chunk = g_malloc (READ_CHUNK);
  GError *io_error = NULL;
  gssize got = g_input_stream_read (G_INPUT_STREAM (reader->gz), reader->chunk, READ_CHUNK,
                                    NULL, &io_error);
  reader->chunk_pos = 0;
  reader->chunk_length = got > 0 ? (gsize) got : 0;
  if (got >= 0)
    return got;
  const char *path = reader->stream_path;
  if (reader->line == 0)
    g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_ENCODING,
                 "%s: corrupt or truncated gzip data (%s)", path, io_error->message);
  else
    g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_ENCODING,
                 "%s: corrupt or truncated gzip data after line %u (%s)", path,
                 reader->line, io_error->message);
  g_error_free (io_error);
  return -1;
}

/* Refills reader->chunk from the open regular file: bytes read, 0 at its
 * end, -1 with @error. */
static gssize
file_fill (ActnetCorpusReader *reader, GError **error)
{
  if (reader->chunk == NULL)
    reader->chunk = g_malloc (READ_CHUNK);
  errno = 0;
  gsize got = fread (reader->chunk, 1, READ_CHUNK, reader->stream);
  reader->chunk_pos = 0;
  reader->chunk_length = got;
  if (got == 0 && ferror (reader->stream))
    {
      set_errno_error (error, errno != 0 ? errno : EIO, reader->stream_path);
      return -1;
    }
  return (gssize) got;
}

/* Appends @n bytes to the current line, at most up to @max in all; FALSE
 * when they did not all fit. */
static gboolean
line_append (ActnetCorpusReader *reader, const char *data, gsize n, gsize max)
{
  gsize room = max - reader->line_length;
  gsize take = MIN (n, room);
  if (reader->line_length + take + 1 > reader->buffer_size)
    {
      reader->buffer_size = MAX (MAX (reader->buffer_size * 2, 256),
                                 reader->line_length + take + 1);
      reader->buffer = g_realloc (reader->buffer, reader->buffer_size);
    }
  memcpy (reader->buffer + reader->line_length, data, take);
  reader->line_length += take;
  return take == n;
}

/* Reads the next line of the open stream into reader->buffer
 * (reader->line_length bytes, its '\n' dropped), keeping at most the
 * maximum document size: *@too_long when the line is longer. 1: a line,
 * 0: the end of the stream, -1: @error. */
static int
reader_read_line (ActnetCorpusReader *reader, gboolean *too_long, GError **error)
{
  gsize max = (gsize) MIN (reader->max_document_size, (guint64) G_MAXSIZE - 1);
  if (reader->buffer == NULL)
    reader->buffer = g_malloc (reader->buffer_size = 256);
  reader->line_length = 0;
  *too_long = FALSE;
  gboolean any = FALSE;
  if (reader->gz != NULL || reader->stream_chunked)
    for (;;)
      {
        if (reader->chunk_pos == reader->chunk_length)
          {
            gssize got = reader->gz != NULL ? gz_fill (reader, error) : file_fill (reader, error);
            if (got <= 0)
              return got < 0 ? -1 : any;
          }
        const char *start = reader->chunk + reader->chunk_pos;
        gsize available = reader->chunk_length - reader->chunk_pos;
        const char *newline = memchr (start, '\n', available);
        gsize n = newline != NULL ? (gsize) (newline - start) : available;
        reader->chunk_pos += n + (newline != NULL);
        if (reader->skip_line)
          {
            reader->skip_line = newline == NULL;
            continue;
          }
        any = TRUE;
        if (!line_append (reader, start, n, max))
          {
            *too_long = TRUE;
            reader->skip_line = newline == NULL;
            return 1;
          }
        if (newline != NULL)
          return 1;
      }

  /* Byte by byte through stdio's buffer: unlike fread(), a line of a pipe
   * is returned as soon as its newline arrives. */
  FILE *stream = reader->stream;
  int c;
  flockfile (stream);
  while ((c = getc_unlocked (stream)) != EOF)
    {
      if (reader->skip_line)
        {
          reader->skip_line = c != '\n';
          continue;
        }
      any = TRUE;
      if (c == '\n')
        break;
      if (reader->line_length + 1 >= reader->buffer_size || reader->line_length >= max)
        {
          char byte = (char) c;
          if (!line_append (reader, &byte, 1, max))
            {
              *too_long = TRUE;
              reader->skip_line = TRUE;
              break;
            }
        }
      else
        reader->buffer[reader->line_length++] = (char) c;
    }
  gboolean failed = c == EOF && ferror (stream);
  int saved = errno;
  funlockfile (stream);
  if (failed)
    {
      set_errno_error (error, saved != 0 ? saved : EIO, reader->stream_path);
      return -1;
    }
  return any;
}

/* The next non-blank line of the open JSONL stream, checked (no NUL,
 * valid UTF-8, not over the size and nesting limits) and without its
 * newline or byte-order mark, in *@line (valid until the next call); FALSE
 * with *@done at the stream's end or with @error (or both, for a corrupt
 * gzip stream). */
static gboolean
reader_next_raw_line (ActnetCorpusReader *reader, const char **line_out, gsize *length_out,
                      gboolean *done, GError **error)
{
  const char *path = reader->stream_path;
  for (;;)
    {
      gboolean too_long;
      errno = 0;
      int got = reader_read_line (reader, &too_long, error);
      if (got <= 0)
        {
          /* A read error of a plain file (G_FILE_ERROR) closes it too. */
          *done = got == 0 || reader->gz != NULL;
          return FALSE;
        }
      reader->line++;
      if (too_long)
        {
          g_autofree char *limit = format_size (reader->max_document_size);
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_LIMIT,
                       "%s:%u: line longer than the maximum document size (%s; see "
                       "--max-document-size)", path, reader->line, limit);
          return FALSE;
        }
      char *line = reader->buffer;
      gsize length = reader->line_length;
      while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r'))
        length--;
      /* NUL bytes, UTF-8 and nesting are checked by jsonl_decode(), on
       * the decoding threads when there are any. */
      gsize k = reader->line == 1 ? actnet_i_bom_length (line, length) : 0;
      while (k < length && is_space_byte (line[k]))
        k++;
      if (k == length)
        continue;
      /* The line with its byte-order mark, if any: columns in messages
       * count it. */
      *line_out = line;
      *length_out = length;
      return TRUE;
    }
}

/* ---- Parallel JSONL decoding ----------------------------------------------
 *
 * Parsing JSON is most of the cost of reading a JSONL corpus. With jobs > 2
 * the reader reads a block of lines ahead, decodes them on a thread pool
 * (jsonl_decode() touches no reader state) and hands the documents out in
 * line order; everything with state (bad-date counts, dating, skipping
 * under keep_going, closing the stream) still happens in line order in the
 * calling thread, so results and messages do not depend on the threads. */

#define PREFETCH_LINES 512
#define PREFETCH_BYTES (4 * 1024 * 1024)
#define DECODE_CHUNK 16

typedef struct {
  char *line;                /* raw line, owned */
  gsize length;
  guint number;
  ActnetDocument *document;  /* decoded, or NULL with error */
  GError *error;
  gboolean bad_date;
} Prefetched;

typedef struct {
  ActnetCorpusReader *reader;
  Prefetched **items;
  guint n_items;
} DecodeChunk;

static void
prefetched_free (Prefetched *item)
{
  g_free (item->line);
  if (item->document != NULL)
    actnet_document_free (item->document);
  g_clear_error (&item->error);
  g_free (item);
}

/* Drops what was read ahead of a stream being closed. */
static void
reader_clear_prefetched (ActnetCorpusReader *reader)
{
  g_queue_clear_full (&reader->prefetched, (GDestroyNotify) prefetched_free);
  reader->prefetch_end = FALSE;
  g_clear_error (&reader->prefetch_error);
}

static void
decode_chunk (gpointer data, gpointer user_data)
{
  (void) user_data;
  DecodeChunk *chunk = data;
  ActnetCorpusReader *reader = chunk->reader;
  g_autoptr (JsonParser) parser = json_parser_new ();
  for (guint i = 0; i < chunk->n_items; i++)
    {
      Prefetched *item = chunk->items[i];
      item->document = jsonl_decode (reader, parser, item->number, item->line, item->length,
                                     &item->bad_date, &item->error);
    }
  g_free (chunk);
  g_mutex_lock (&reader->decode_lock);
  if (--reader->decode_pending == 0)
    g_cond_signal (&reader->decode_done);
  g_mutex_unlock (&reader->decode_lock);
}

/* Reads up to a block of lines ahead and decodes them in parallel. */
static void
reader_prefetch (ActnetCorpusReader *reader)
{
  g_autoptr (GPtrArray) block = g_ptr_array_new ();
  gsize bytes = 0;
  while (block->len < PREFETCH_LINES && bytes < PREFETCH_BYTES)
    {
      const char *line;
      gsize length;
      gboolean done = FALSE;
      GError *local = NULL;
      if (!reader_next_raw_line (reader, &line, &length, &done, &local))
        {
          /* A line the reader rejects keeps its place; the end of the
           * stream, or an error that ends it, comes after the block. */
          if (local != NULL && !done && local->domain != G_FILE_ERROR)
            {
              Prefetched *item = g_new0 (Prefetched, 1);
              item->error = local;
              g_queue_push_tail (&reader->prefetched, item);
              continue;
            }
          reader->prefetch_end = done;
          reader->prefetch_error = local;
          break;
        }
      Prefetched *item = g_new0 (Prefetched, 1);
      item->line = g_strndup (line, length);
      item->length = length;
      item->number = reader->line;
      g_queue_push_tail (&reader->prefetched, item);
      g_ptr_array_add (block, item);
      bytes += length;
    }
  if (block->len == 0)
    return;
  reader->decode_pending = (block->len + DECODE_CHUNK - 1) / DECODE_CHUNK;
  for (guint first = 0; first < block->len; first += DECODE_CHUNK)
    {
      DecodeChunk *chunk = g_new (DecodeChunk, 1);
      chunk->reader = reader;
      chunk->items = (Prefetched **) block->pdata + first;
      chunk->n_items = MIN (DECODE_CHUNK, block->len - first);
      g_thread_pool_push (reader->decode_pool, chunk, NULL);
    }
  g_mutex_lock (&reader->decode_lock);
  while (reader->decode_pending > 0)
    g_cond_wait (&reader->decode_done, &reader->decode_lock);
  g_mutex_unlock (&reader->decode_lock);
}

/* reader_next_line() from the decoded block, refilled when empty. */
static ActnetDocument *
reader_next_prefetched (ActnetCorpusReader *reader, gboolean *done, GError **error)
{
  if (g_queue_is_empty (&reader->prefetched) && !reader->prefetch_end
      && reader->prefetch_error == NULL)
    reader_prefetch (reader);
  Prefetched *item = g_queue_pop_head (&reader->prefetched);
  if (item == NULL)
    {
      *done = reader->prefetch_end;
      reader->prefetch_end = FALSE;
      if (reader->prefetch_error != NULL)
        g_propagate_error (error, g_steal_pointer (&reader->prefetch_error));
      return NULL;
    }
  ActnetDocument *document = g_steal_pointer (&item->document);
  if (item->error != NULL)
    g_propagate_error (error, g_steal_pointer (&item->error));
  else if (item->bad_date)
    note_bad_date (reader, document);
  prefetched_free (item);
  return document;
}

/* The next document of the open JSONL stream; NULL with *@done at its end. */
static ActnetDocument *
reader_next_line (ActnetCorpusReader *reader, gboolean *done, GError **error)
{
  if (reader->decode_pool != NULL)
    return reader_next_prefetched (reader, done, error);
  const char *line;
  gsize length;
  if (!reader_next_raw_line (reader, &line, &length, done, error))
    return NULL;
  return jsonl_document (reader, line, length, error);
}

/* TRUE when a file (@is_dir FALSE) or directory found below an input is
 * left out by --exclude, or (files only) not picked by --include. A glob
 * matches the path below the directory given or the basename. */
static gboolean
batch_excluded (const ActnetCorpusReader *reader, const char *relative, gboolean is_dir)
{
  if (relative == NULL)
    return FALSE;
  const char *base = strrchr (relative, '/');
  base = base != NULL ? base + 1 : relative;
  for (guint i = 0; reader->exclude != NULL && i < reader->exclude->len; i++)
    {
      GPatternSpec *spec = g_ptr_array_index (reader->exclude, i);
      if (g_pattern_spec_match_string (spec, relative) || g_pattern_spec_match_string (spec, base))
        return TRUE;
    }
  /* Directories are always walked: an include names the files wanted. */
  if (is_dir || reader->include == NULL || reader->include->len == 0)
    return FALSE;
  for (guint i = 0; i < reader->include->len; i++)
    {
      GPatternSpec *spec = g_ptr_array_index (reader->include, i);
      if (g_pattern_spec_match_string (spec, relative) || g_pattern_spec_match_string (spec, base))
        return FALSE;
    }
  return TRUE;
}

/* Opens *.jsonl.gz @path as a stream of decompressed lines: a corpus
 * of many gigabytes never needs to be unpacked on disk or in memory. */
static ActnetDocument *
reader_open_gzip (ActnetCorpusReader *reader, const char *path, GError **error)
{
  /* fopen() first for the same "PATH: reason" messages as other files. */
  FILE *probe = fopen (path, "rb");
  if (probe == NULL)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }
  fclose (probe);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GError *io_error = NULL;
  g_autoptr (GFileInputStream) raw = g_file_read (file, NULL, &io_error);
  if (raw == NULL)
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_IO, "%s: %s", path, io_error->message);
      g_error_free (io_error);
      return NULL;
    }
  g_autoptr (GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr (GInputStream) plain = g_converter_input_stream_new (G_INPUT_STREAM (raw),
                                                                 G_CONVERTER (decompressor));
  reader->gz = g_data_input_stream_new (plain);
  reader->stream_path = g_strdup (path);
  reader->line = 0;
  return NULL;
}

/* Starts on one queued item: may queue directory entries, open a JSONL
 * stream, or return a whole-file document. NULL without error: nothing
 * to return yet. */
static ActnetDocument *
reader_open (ActnetCorpusReader *reader, const Pending *pending, GError **error)
{
  const char *path = pending->path;
  if (pending->top && strcmp (path, "-") == 0)
    return reader_open_stdin (reader, error);

  struct stat st;
  if (stat (path, &st) != 0)
    {
      /* A dangling symlink in a directory only matters if it looks like
       * a corpus file. */
      if (pending->top || is_corpus_name (path))
        set_errno_error (error, errno, path);
      return NULL;
    }
  if (pending->top && !actnet_i_check_input_type (path, st.st_mode, error))
    return NULL;
  if (S_ISDIR (st.st_mode))
    {
      if (pending->top)
        {
          g_hash_table_remove_all (reader->visited);
          /* Checked when the walk is over (reader_end_walk()). */
          g_free (reader->walk_root);
          reader->walk_root = g_strdup (path);
          reader->walk_files = 0;
        }
      char *key = g_strdup_printf ("%ju:%ju", (uintmax_t) st.st_dev, (uintmax_t) st.st_ino);
      if (g_hash_table_contains (reader->visited, key))
        {
          /* A symlink back up the tree: already being walked. */
          g_free (key);
          return NULL;
        }
      g_hash_table_add (reader->visited, key);
      if (!pending->top && batch_excluded (reader, pending->relative, TRUE))
        return NULL;
      if (!reader_expand_directory (reader, path, pending->relative, error) && pending->top)
        g_clear_pointer (&reader->walk_root, g_free);   /* reported already */
      return NULL;
    }
  if (!pending->top && (!S_ISREG (st.st_mode) || !is_corpus_name (path)
                        || batch_excluded (reader, pending->relative, FALSE)))
    return NULL;
  if (!pending->top)
    reader->walk_files++;
  /* A whole text file over the limit fails before a byte is read. */
  if (S_ISREG (st.st_mode) && !is_jsonl_name (path)
      && (guint64) st.st_size > reader->max_document_size)
    {
      set_size_error (error, path, (guint64) st.st_size, reader->max_document_size);
      return NULL;
    }

  if (is_gzip_jsonl_name (path))
    return reader_open_gzip (reader, path, error);
  if (is_jsonl_name (path))
    {
      FILE *stream = fopen (path, "rb");
      if (stream == NULL)
        {
          set_errno_error (error, errno, path);
          return NULL;
        }
      reader->stream = stream;
      reader->stream_path = g_strdup (path);
      reader->line = 0;
      /* fread() of a pipe waits for a whole chunk: pipes go byte by byte. */
      struct stat opened;
      reader->stream_chunked = fstat (fileno (stream), &opened) == 0 && S_ISREG (opened.st_mode);
      return NULL;
    }
  return read_text_file (path, reader->max_document_size, error);
}

/* ------------------------------------------------------------------ */
/* Dating                                                              */

gboolean
actnet_dating_mode_parse (const char *text, ActnetDatingMode *mode)
{
  static const char *const names[] = { "none", "field", "auto" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *mode = (ActnetDatingMode) i;
        return TRUE;
      }
  return FALSE;
}

/* Splits one CSV line into fields ("..." quoting, "" inside quotes); FALSE
 * on an unterminated quote or text after a closing quote. */
static gboolean
csv_split (const char *line, GPtrArray *fields)
{
  const char *p = line;
  for (;;)
    {
      GString *field = g_string_new (NULL);
      while (*p == ' ' || *p == '\t')
        p++;
      if (*p == '"')
        {
          p++;
          for (;;)
            {
              if (*p == '\0')
                {
                  g_string_free (field, TRUE);
                  return FALSE;
                }
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p++);
            }
          while (*p == ' ' || *p == '\t')
            p++;
          if (*p != ',' && *p != '\0')
            {
              g_string_free (field, TRUE);
              return FALSE;
            }
        }
      else
        {
          while (*p != ',' && *p != '\0')
            g_string_append_c (field, *p++);
          while (field->len > 0 && (field->str[field->len - 1] == ' '
                                    || field->str[field->len - 1] == '\t'))
            g_string_truncate (field, field->len - 1);
        }
      g_ptr_array_add (fields, g_string_free (field, FALSE));
      if (*p == '\0')
        return TRUE;
      p++;
    }
}

/* Side files (--dates-file, --files-from) are read whole: not from a device. */
static gboolean
check_side_file (const char *path, GError **error)
{
  struct stat st;
  return stat (path, &st) != 0 || actnet_i_check_input_type (path, st.st_mode, error);
}

static gboolean
read_dates_file (ActnetCorpusReader *reader, const char *path, GError **error)
{
  if (!check_side_file (path, error))
    return FALSE;
  FILE *stream = fopen (path, "rb");
  if (stream == NULL)
    {
      set_errno_error (error, errno, path);
      return FALSE;
    }
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  gboolean ok = read_all (stream, bytes);
  int saved = errno;
  fclose (stream);
  if (!ok)
    {
      set_errno_error (error, saved, path);
      return FALSE;
    }
  gsize length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  const char *contents = (const char *) bytes->data;
  if (memchr (contents, '\0', length) != NULL || !g_utf8_validate_len (contents, length, NULL))
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_ENCODING,
                   "%s: not a UTF-8 text file", path);
      return FALSE;
    }
  g_autoptr (GHashTable) exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) base = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto (GStrv) lines = g_strsplit (contents, "\n", -1);
  for (guint number = 1; lines[number - 1] != NULL; number++)
    {
      char *line = lines[number - 1];
      gsize n = strlen (line);
      if (n > 0 && line[n - 1] == '\r')
        line[--n] = '\0';
      if (number == 1)
        line += actnet_i_bom_length (line, n);
      if (*g_strstrip (line) == '\0')
        continue;
      g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      if (!csv_split (line, fields) || fields->len != 2)
        {
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_PARSE,
                       "%s:%u: expected two fields, path,date", path, number);
          return FALSE;
        }
      const char *key = g_ptr_array_index (fields, 0);
      const char *value = g_ptr_array_index (fields, 1);
      if (g_hash_table_size (exact) == 0 && g_ascii_strcasecmp (key, "path") == 0
          && g_ascii_strcasecmp (value, "date") == 0)
        continue;
      if (*key == '\0')
        {
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_PARSE, "%s:%u: empty path", path, number);
          return FALSE;
        }
      ActnetDate date = actnet_date_parse (value);
      if (date == ACTNET_DATE_NONE)
        {
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_PARSE, "%s:%u: not a date: \"%s\"",
                       path, number, value);
          return FALSE;
        }
      gpointer old;
      if (g_hash_table_lookup_extended (exact, key, NULL, &old) && GPOINTER_TO_INT (old) != date)
        {
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_PARSE,
                       "%s:%u: \"%s\" already has another date", path, number, key);
          return FALSE;
        }
      g_hash_table_insert (exact, g_strdup (key), GINT_TO_POINTER (date));
      /* A basename two rows give different dates matches neither. */
      char *name = g_path_get_basename (key);
      if (g_hash_table_lookup_extended (base, name, NULL, &old) && GPOINTER_TO_INT (old) != date)
        date = ACTNET_DATE_NONE;
      g_hash_table_insert (base, name, GINT_TO_POINTER (date));
    }
  g_clear_pointer (&reader->sidecar, g_hash_table_unref);
  g_clear_pointer (&reader->sidecar_base, g_hash_table_unref);
  reader->sidecar = g_steal_pointer (&exact);
  reader->sidecar_base = g_steal_pointer (&base);
  return TRUE;
}

gboolean
actnet_corpus_reader_set_dating (ActnetCorpusReader *reader, const ActnetDatingOptions *options,
                                 GError **error)
{
  g_return_val_if_fail (reader != NULL && options != NULL, FALSE);
  reader->dating = options->mode;
  g_free (reader->date_field);
  reader->date_field = g_strdup (options->field);
  g_clear_pointer (&reader->sidecar, g_hash_table_unref);
  g_clear_pointer (&reader->sidecar_base, g_hash_table_unref);
  if (options->dates_file != NULL && options->mode != ACTNET_DATING_NONE)
    return read_dates_file (reader, options->dates_file, error);
  return TRUE;
}

const GPtrArray *
actnet_corpus_reader_get_warnings (const ActnetCorpusReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);
  return reader->warnings;
}

static gboolean
sidecar_lookup (GHashTable *table, const char *key, ActnetDate *date)
{
  gpointer value;
  if (table == NULL || !g_hash_table_lookup_extended (table, key, NULL, &value)
      || GPOINTER_TO_INT (value) == ACTNET_DATE_NONE)
    return FALSE;
  *date = GPOINTER_TO_INT (value);
  return TRUE;
}

/* The date in the head of a text file: its first ACTNET_DATING_HEAD_LINES
 * non-blank lines, at most ACTNET_DATING_HEAD_BYTES bytes. Searched in
 * `clean`, so a date inside a link target does not count. */
static ActnetDate
head_date (const ActnetDocument *document)
{
  gsize limit = MIN (document->length, ACTNET_DATING_HEAD_BYTES);
  gsize end = 0;
  guint lines = 0;
  while (end < limit && lines < ACTNET_DATING_HEAD_LINES)
    {
      gsize start = end;
      gboolean blank = TRUE;
      for (; end < limit && document->clean[end] != '\n'; end++)
        if (!is_space_byte (document->clean[end]))
          blank = FALSE;
      if (end < limit)
        end++;
      lines += !blank && end > start;
    }
  ActnetDate date;
  return actnet_date_find (document->clean, end, &date, NULL) ? date : ACTNET_DATE_NONE;
}

static void
reader_date_document (ActnetCorpusReader *reader, ActnetDocument *document)
{
  if (reader->dating == ACTNET_DATING_NONE)
    {
      document->day = ACTNET_DATE_NONE;
      return;
    }
  /* Sidecar first: it is the user's correction of everything else. */
  ActnetDate date;
  gboolean whole_file = document->line == 0;
  if (reader->sidecar != NULL)
    {
      if (sidecar_lookup (reader->sidecar, whole_file ? document->path : document->id, &date))
        {
          document->day = date;
          return;
        }
      g_autofree char *name = g_path_get_basename (document->path);
      if (whole_file && sidecar_lookup (reader->sidecar_base, name, &date))
        {
          document->day = date;
          return;
        }
    }
  if (reader->dating == ACTNET_DATING_AUTO && whole_file && document->day == ACTNET_DATE_NONE)
    document->day = head_date (document);
}

/* The end of the walk of an input directory: an error when it held no
 * corpus file at all, which is a wrong path or a wrong --include far more
 * often than an intended empty run. */
static ActnetDocument *
reader_end_walk (ActnetCorpusReader *reader, GError **error)
{
  g_autofree char *root = g_steal_pointer (&reader->walk_root);
  if (reader->walk_files == 0)
    g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_NOT_FOUND,
                 "%s: no corpus files in this directory (*.txt, *.md, *.markdown, *.jsonl, "
                 "*.jsonl.gz%s)", root,
                 reader->include != NULL ? ", matching --include" : "");
  return NULL;
}

/* Documents without text are read (they keep ids and counts stable) but
 * said: an empty file is more often a failed download than a story. */
static void
reader_note_empty (ActnetCorpusReader *reader, const ActnetDocument *document)
{
  gsize i = actnet_i_bom_length (document->text, document->length);
  while (i < document->length && is_space_byte (document->text[i]))
    i++;
  if (i < document->length)
    return;
  if (reader->n_empty++ == 0)
    reader->first_empty = g_strdup (document->id);
}

/* At the end: one warning for all the empty documents. */
static void
reader_report_empty (ActnetCorpusReader *reader)
{
  if (reader->n_empty == 0)
    return;
  if (reader->n_empty == 1)
    g_ptr_array_add (reader->warnings,
                     g_strdup_printf ("%s: empty document (no text)", reader->first_empty));
  else
    g_ptr_array_add (reader->warnings,
                     g_strdup_printf ("%" G_GUINT64_FORMAT " empty documents (no text), the "
                                      "first %s", reader->n_empty, reader->first_empty));
  reader->n_empty = 0;
  g_clear_pointer (&reader->first_empty, g_free);
}

/* After an error the reader stays usable: the next call goes on with the
 * next JSONL line or the next file. */
ActnetDocument *
actnet_corpus_reader_next (ActnetCorpusReader *reader, GError **error)
{
  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (;;)
    {
      GError *local = NULL;
      ActnetDocument *document;
      if (reader->stream != NULL || reader->gz != NULL)
        {
          gboolean done = FALSE;
          document = reader_next_line (reader, &done, &local);
          if (done || (local != NULL && local->domain == G_FILE_ERROR))
            reader_close_stream (reader);
        }
      else if (reader->walk_root != NULL
               && (g_queue_is_empty (&reader->pending)
                   || ((Pending *) g_queue_peek_head (&reader->pending))->top))
        document = reader_end_walk (reader, &local);
      else
        {
          Pending *pending = g_queue_pop_head (&reader->pending);
          if (pending == NULL)
            {
              reader_report_empty (reader);
              return NULL;
            }
          document = reader_open (reader, pending, &local);
          /* A whole file is done now; a stream when it is closed. */
          if (reader->stream != NULL || reader->gz != NULL)
            reader->stream_size = pending->size;
          else
            reader->input_done += pending->size;
          pending_free (pending);
        }
      if (local != NULL && reader->keep_going)
        {
          g_ptr_array_add (reader->warnings, g_strdup_printf ("skipped %s", local->message));
          reader->n_skipped++;
          g_error_free (local);
          continue;
        }
      if (local != NULL)
        {
          g_propagate_error (error, local);
          return NULL;
        }
      if (document != NULL)
        {
          reader_note_empty (reader, document);
          reader_date_document (reader, document);
          return document;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Batch input                                                         */

static GPtrArray *
compile_globs (const char *const *globs)
{
  if (globs == NULL || globs[0] == NULL)
    return NULL;
  GPtrArray *specs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_pattern_spec_free);
  for (gsize i = 0; globs[i] != NULL; i++)
    g_ptr_array_add (specs, g_pattern_spec_new (globs[i]));
  return specs;
}

/* Queues the paths listed in @list ("-": standard input). */
static gboolean
read_files_from (ActnetCorpusReader *reader, const char *list, GError **error)
{
  gboolean from_stdin = strcmp (list, "-") == 0;
  if (from_stdin)
    for (GList *l = reader->pending.head; l != NULL; l = l->next)
      if (strcmp (((Pending *) l->data)->path, "-") == 0)
        {
          g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT,
                       "standard input cannot be both the file list and an input");
          return FALSE;
        }
  if (!from_stdin && !check_side_file (list, error))
    return FALSE;
  FILE *stream = from_stdin ? stdin : fopen (list, "rb");
  if (stream == NULL)
    {
      set_errno_error (error, errno, list);
      return FALSE;
    }
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  gboolean ok = read_all (stream, bytes);
  int saved = errno;
  if (!from_stdin)
    fclose (stream);
  if (!ok)
    {
      set_errno_error (error, saved, list);
      return FALSE;
    }
  gsize length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  const char *contents = (const char *) bytes->data;
  if (memchr (contents, '\0', length) != NULL)
    {
      g_set_error (error, ACTNET_ERROR, ACTNET_ERROR_ENCODING, "%s: binary data in a file list", list);
      return FALSE;
    }
  g_auto (GStrv) lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* Paths are bytes (any encoding the file system uses); only the
       * surrounding blanks and a CRLF ending go. */
      char *line = g_strstrip (lines[i]);
      if (*line == '\0' || *line == '#')
        continue;
      pending_push_tail (reader, g_strdup (line), TRUE);
    }
  return TRUE;
}

gboolean
actnet_corpus_reader_set_batch (ActnetCorpusReader *reader, const ActnetBatchOptions *options,
                                GError **error)
{
  g_return_val_if_fail (reader != NULL && options != NULL, FALSE);
  g_clear_pointer (&reader->include, g_ptr_array_unref);
  g_clear_pointer (&reader->exclude, g_ptr_array_unref);
  reader->include = compile_globs (options->include);
  reader->exclude = compile_globs (options->exclude);
  reader->keep_going = options->keep_going;
  /* A document lives in one GByteArray: under 4 GiB whatever is asked. */
  reader->max_document_size = MIN (options->max_document_size != 0
                                     ? options->max_document_size
                                     : ACTNET_DEFAULT_MAX_DOCUMENT_SIZE,
                                   (guint64) G_MAXUINT - 1);
  /* Decoding (JSON, markdown) is a third of the work. With two jobs the
   * reading thread keeps pace with the two workers, and on two cores the
   * pool's copies and hand-offs cost more than they save (measured); from
   * three on, one reading thread would bound the run. */
  if (options->jobs > 2 && reader->decode_pool == NULL)
    {
      g_mutex_init (&reader->decode_lock);
      g_cond_init (&reader->decode_done);
      reader->decode_pool = g_thread_pool_new (decode_chunk, NULL, (gint) MIN (options->jobs, 1024),
                                               TRUE, NULL);
    }
  if (options->files_from != NULL)
    return read_files_from (reader, options->files_from, error);
  return TRUE;
}

guint64
actnet_corpus_reader_get_n_skipped (const ActnetCorpusReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);
  return reader->n_skipped;
}

void
actnet_corpus_reader_get_input_position (const ActnetCorpusReader *reader, guint64 *consumed,
                                         guint64 *total)
{
  g_return_if_fail (reader != NULL);
  guint64 position = 0;
  if (reader->gz != NULL)
    {
      /* The compressed bytes read so far: the file stream under the
       * decompressor (its read-ahead buffer is small). */
      GInputStream *plain = g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (reader->gz));
      GInputStream *raw = g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (plain));
      if (G_IS_SEEKABLE (raw))
        position = (guint64) MAX (g_seekable_tell (G_SEEKABLE (raw)), 0);
    }
  else if (reader->stream != NULL && !reader->stream_is_stdin)
    {
      long offset = ftell (reader->stream);
      /* Read ahead into the chunk is not consumed yet. */
      if (reader->stream_chunked && offset > 0)
        offset -= (long) (reader->chunk_length - reader->chunk_pos);
      position = offset > 0 ? (guint64) offset : 0;
    }
  /* A file that grew while it is read must not push past the total. */
  position = MIN (position, reader->stream_size);
  if (consumed != NULL)
    *consumed = reader->input_done + position;
  if (total != NULL)
    *total = reader->input_total;
}
