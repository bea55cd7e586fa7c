/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"
#include <actnet/actnet.h>

#include <fcntl.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static char *
blanked (const char *input)
{
  gsize n = strlen (input);
  char *copy = g_strdup (input);
  actnet_markdown_blank (copy, n);
  assert_int_equal (strlen (copy), n);
  assert_true (g_utf8_validate (copy, -1, NULL));
  return copy;
}

#define assert_blank(input, expected)                                      \
  do {                                                                     \
    assert_int_equal (strlen (input), strlen (expected));                  \
    char *got_ = blanked (input);                                          \
    assert_string_equal (got_, expected);                                  \
    g_free (got_);                                                         \
  } while (0)

/* Every document of @inputs; fails on any error. */
static GPtrArray *
read_all_documents (const char *const *inputs)
{
  GPtrArray *documents = g_ptr_array_new_with_free_func ((GDestroyNotify) actnet_document_free);
  ActnetCorpusReader *reader = actnet_corpus_reader_new (inputs);
  GError *error = NULL;
  ActnetDocument *document;
  while ((document = actnet_corpus_reader_next (reader, &error)) != NULL)
    g_ptr_array_add (documents, document);
  if (error != NULL)
    fail_msg ("unexpected error: %s", error->message);
  actnet_corpus_reader_free (reader);
  return documents;
}

#define DOC(array, i) ((ActnetDocument *) g_ptr_array_index ((array), (i)))

/* Next document must fail with @domain/@code and exactly @message. */
static void
expect_error (ActnetCorpusReader *reader, GQuark domain, int code, const char *message)
{
  GError *error = NULL;
  ActnetDocument *document = actnet_corpus_reader_next (reader, &error);
  assert_null (document);
  assert_non_null (error);
  assert_string_equal (error->message, message);
  assert_int_equal (error->domain, domain);
  assert_int_equal (error->code, code);
  g_error_free (error);
}

/* Next document must succeed with id @id and text @text. */
static void
expect_document (ActnetCorpusReader *reader, const char *id, const char *text)
{
  GError *error = NULL;
  ActnetDocument *document = actnet_corpus_reader_next (reader, &error);
  if (error != NULL)
    fail_msg ("unexpected error: %s", error->message);
  assert_non_null (document);
  assert_string_equal (document->id, id);
  assert_string_equal (document->text, text);
  actnet_document_free (document);
}

static void
expect_end (ActnetCorpusReader *reader)
{
  GError *error = NULL;
  assert_null (actnet_corpus_reader_next (reader, &error));
  assert_null (error);
}

/* ------------------------------------------------------------------ */
/* Markdown blanking                                                   */

static void
test_blank_links (void **state)
{
  assert_blank ("By [Dr. Jane Doe](#)", "By  Dr. Jane Doe    ");
  assert_blank ("**[site.org/contact](http://site.org/contact)**",
                "   site.org/contact                            ");
  assert_blank ("Articles by: **[Jane Doe](#)**", "Articles by:    Jane Doe      ");
  assert_blank ("See ![a photo](img/x_(1).png) here", "See   a photo                 here");
  assert_blank ("[Jane\nDoe](#)", " Jane\nDoe    ");
  assert_blank ("[text][ref] and [other][] too", " text       and  other    too");
  /* Not links: editorial brackets, a space before "(", a blank line. */
  assert_blank ("Daesh [ISIS] and \"[W]e\" and [a] (b)", "Daesh [ISIS] and \"[W]e\" and [a] (b)");
  assert_blank ("[a](b\n\nc) d", "[a](b\n\nc) d");
  assert_blank ("[a\n\nb](c)", "[a\n\nb](c)");
  /* Nested parentheses deeper than one level do not make a target. */
  assert_blank ("[a](b(c(d)))", "[a](b(c(d)))");
  /* A link inside a link text (badge) and emphasis inside link text. */
  assert_blank ("[![img](a.png)](b)", "   img            ");
  assert_blank ("[*Times*](#)", "  Times     ");
}

static void
test_blank_emphasis (void **state)
{
  assert_blank ("The *Independent* said", "The  Independent  said");
  assert_blank ("the *Guardian* .", "the  Guardian  .");
  assert_blank ("__bold__ and _it_, ***both***", "  bold   and  it ,    both   ");
  assert_blank ("*Financial Times*, Italy", " Financial Times , Italy");
  /* Intra-word, spaced or long runs are not emphasis. */
  assert_blank ("snake_case_name and 2*3 and a * b and ****x",
                "snake_case_name and 2*3 and a * b and ****x");
  assert_blank ("“*quoted*” end", "“ quoted ” end");
  assert_blank ("\\*literal\\* \\_x", " *literal *  _x");
}

static void
test_blank_lines (void **state)
{
  assert_blank ("# Title\nText", "  Title\nText");
  assert_blank ("###### Six ##\n", "       Six   \n");
  assert_blank ("####### seven\n#hashtag\n", "####### seven\n#hashtag\n");
  assert_blank ("> quoted\n> > twice\n", "  quoted\n    twice\n");
  assert_blank ("text\n*\n***\n---\n- - -\n===\nend", "text\n \n   \n   \n     \n   \nend");
  assert_blank ("- one\n* two\n+ three\n-5 degrees", "  one\n  two\n  three\n-5 degrees");
  assert_blank ("[1]: http://example.com \"Title\"\nText", "                               \nText");
  assert_blank ("# Title\r\n\r\nText\r\n", "  Title\r\n\r\nText\r\n");
}

static void
test_blank_html_and_urls (void **state)
{
  assert_blank ("a<br>b</p>c<p class=\"x\">d", "a    b    c             d");
  assert_blank ("see <http://x.org/a> or <jane@x.org>.", "see                  or             .");
  assert_blank ("a <!-- note --> b", "a               b");
  assert_blank ("a < b > c and x<3", "a < b > c and x<3");
  /* Newswire company markup and upper-case or unknown tags are prose. */
  assert_blank ("General Motors Corp <GM> and <Woodco Inc> and <Sedio N.V.> <BR> <foo>",
                "General Motors Corp <GM> and <Woodco Inc> and <Sedio N.V.> <BR> <foo>");
  assert_blank ("x<div\nclass=\"a\">y<h2>z</h2>", "x    \n          y    z     ");
  assert_blank ("visit http://x.org/a_b_(c). Then https://y.org, or HTTP://Z.",
                "visit                     . Then              , or         .");
  assert_blank ("(see http://x.org/a) end", "(see               ) end");
  assert_blank ("ahttp://x.org www.x.org", "ahttp://x.org www.x.org");
  assert_blank ("“http://x.org/é”", "“             é”");
}

static void
test_blank_multibyte (void **state)
{
  assert_blank ("*Ñandú* [Łódź](#) — _Zürich_",
                " Ñandú   Łódź     —  Zürich ");
  assert_blank ("[x](http://ar.example/ليبيا) y", " x                                y");
  assert_blank ("", "");
}

/* Property: any mix of syntax and multibyte characters keeps its length,
 * stays valid UTF-8 and only turns ASCII bytes into spaces. */
static void
test_blank_fuzz (void **state)
{
  static const char *const pieces[] = {
    "[", "]", "(", ")", "*", "**", "_", "#", "# ", ">", "<", "<a>", "\n", "\n\n",
    " ", "!", "http://", "x", "Word", "é", "—", "“", "”", "’", "ليبيا", "\\", "`",
    "-", "---", "\r\n", ":", "[x](y)", "<http://a>", "_a_", "*b*",
  };
  GRand *rand = g_rand_new_with_seed (20240521);
  for (int round = 0; round < 2000; round++)
    {
      GString *s = g_string_new (NULL);
      int count = g_rand_int_range (rand, 0, 40);
      for (int i = 0; i < count; i++)
        g_string_append (s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      char *copy = g_strndup (s->str, s->len);
      actnet_markdown_blank (copy, s->len);
      assert_true (g_utf8_validate_len (copy, s->len, NULL));
      for (gsize i = 0; i < s->len; i++)
        if (copy[i] != s->str[i])
          {
            assert_int_equal (copy[i], ' ');
            assert_true ((guchar) s->str[i] < 0x80 || s->str[i] != copy[i]);
            assert_true (s->str[i] != '\n');
          }
      /* Multibyte characters come through whole or entirely blanked. */
      const char *p = copy;
      while (*p != '\0')
        p = g_utf8_next_char (p);
      assert_int_equal (p - copy, s->len);
      g_free (copy);
      g_string_free (s, TRUE);
    }
  g_rand_free (rand);
}

/* A document blanks its text without a copy of it (and with one when a
 * byte-order mark goes first): the same bytes as actnet_markdown_blank(). */
static void
test_blank_document_like_buffer (void **state)
{
  static const char *const pieces[] = {
    "[", "]", "(", ")", "*", "_", "# ", "> ", "<a>", "<GM>", "\n", "\n\n", " ", "![x](y)",
    "http://x.org/", "HTTP://Y.Z", "hat", "The", "\\*", "<!-- c -->", "[a][b]", "é",
  };
  GRand *rand = g_rand_new_with_seed (99);
  for (int round = 0; round < 1000; round++)
    {
      GString *s = g_string_new (round % 4 == 0 ? "\xEF\xBB\xBF" : "");
      int count = g_rand_int_range (rand, 0, 30);
      for (int i = 0; i < count; i++)
        g_string_append (s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      char *expected = g_strndup (s->str, s->len);
      if (round % 4 == 0)
        memset (expected, ' ', 3);
      actnet_markdown_blank (expected, s->len);
      ActnetDocument *d = actnet_document_new ("d", s->str, (gssize) s->len, TRUE);
      assert_int_equal (d->length, s->len);
      assert_memory_equal (d->clean, expected, s->len);
      assert_memory_equal (d->text, s->str, s->len);
      actnet_document_free (d);
      g_free (expected);
      g_string_free (s, TRUE);
    }
  g_rand_free (rand);
}

/* ------------------------------------------------------------------ */
/* Documents                                                           */

static void
test_document_new (void **state)
{
  ActnetDocument *d = actnet_document_new ("mem", "A *b* c", -1, TRUE);
  assert_string_equal (d->id, "mem");
  assert_string_equal (d->path, "mem");
  assert_int_equal (d->line, 0);
  assert_null (d->title);
  assert_null (d->date);
  assert_null (d->source);
  assert_int_equal (d->length, 7);
  assert_string_equal (d->text, "A *b* c");
  assert_string_equal (d->clean, "A  b  c");
  actnet_document_free (d);

  d = actnet_document_new ("plain", "A *b* cXYZ", 7, FALSE);
  assert_int_equal (d->length, 7);
  assert_string_equal (d->text, "A *b* c");
  assert_string_equal (d->clean, "A *b* c");
  actnet_document_free (d);

  d = actnet_document_new ("bom", "\xEF\xBB\xBFHi", -1, FALSE);
  assert_int_equal (d->length, 5);
  assert_string_equal (d->text, "\xEF\xBB\xBFHi");
  assert_string_equal (d->clean, "   Hi");
  actnet_document_free (d);

  d = actnet_document_new ("empty", "", 0, TRUE);
  assert_int_equal (d->length, 0);
  assert_string_equal (d->clean, "");
  actnet_document_free (d);

  actnet_document_free (NULL);
}

/* ------------------------------------------------------------------ */
/* Reader: files and directories                                       */

static void
test_text_file (void **state)
{
  char *dir = actnet_test_mkdtemp ();
  char *path = actnet_test_write_file (dir, "a.md", "\xEF\xBB\xBF# Title\n\nBy [X Y](#)\n", -1);
  const char *inputs[] = { path, NULL };
  GPtrArray *docs = read_all_documents (inputs);
  assert_int_equal (docs->len, 1);
  ActnetDocument *d = DOC (docs, 0);
  assert_string_equal (d->id, path);
  assert_string_equal (d->path, path);
  assert_int_equal (d->line, 0);
  assert_null (d->title);
  assert_int_equal (d->length, 24);
  assert_string_equal (d->text, "\xEF\xBB\xBF# Title\n\nBy [X Y](#)\n");
  assert_string_equal (d->clean, "     Title\n\nBy  X Y    \n");
  g_ptr_array_unref (docs);
  g_free (path);
  actnet_test_rmdir (dir);
  g_free (dir);
}

static void
test_explicit_extensions (void **state)
{
  char *dir = actnet_test_mkdtemp ();
  char *csv = actnet_test_write_file (dir, "notes.csv", "{\"text\":\"not json here\"}\n", -1);
  char *upper = actnet_test_write_file (dir, "X.JSONL", "{\"text\":\"json\"}\n", -1);
  char *empty = actnet_test_write_file (dir, "empty.txt", "", 0);
  const char *inputs[] = { csv, upper, empty, NULL };
  GPtrArray *docs = read_all_documents (inputs);
  assert_int_equal (docs->len, 3);
  assert_string_equal (DOC (docs, 0)->id, csv);
  assert_string_equal (DOC (docs, 0)->text, "{\"text\":\"not json here\"}\n");
  char *id = g_strdup_printf ("%s:1", upper);
  assert_string_equal (DOC (docs, 1)->id, id);
  assert_string_equal (DOC (docs, 1)->text, "json");
  assert_int_equal (DOC (docs, 1)->line, 1);
  assert_string_equal (DOC (docs, 2)->id, empty);
  assert_int_equal (DOC (docs, 2)->length, 0);
  g_free (id);
  g_ptr_array_unref (docs);
  g_free (csv);
  g_free (upper);
  g_free (empty);
  actnet_test_rmdir (dir);
  g_free (dir);
}

static void
test_directory_order (void **state)
{
  char *dir = actnet_test_mkdtemp ();
  char *sub = g_build_filename (dir, "sub", NULL);
  char *git = g_build_filename (dir, ".git", NULL);
  char *deep = g_build_filename (dir, "sub", "deep", NULL);
  assert_int_equal (g_mkdir (sub, 0755), 0);
  assert_int_equal (g_mkdir (git, 0755), 0);
  assert_int_equal (g_mkdir (deep, 0755), 0);
  const char *files[][2] = {
    { "b.txt", "b" }, { "a.md", "a" }, { "A.txt", "A" }, { "c.markdown", "c" },
    { "notes.csv", "no" }, { ".hidden.txt", "no" }, { "README", "no" },
    { "d.jsonl", "{\"text\":\"d1\"}\n{\"id\":\"d2\",\"text\":\"d2\"}\n" },
    { ".git/x.txt", "no" }, { "sub/z.txt", "z" }, { "sub/a.txt", "sa" },
    { "sub/deep/q.txt", "q" }, { "sub/m.TXT", "m" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    g_free (actnet_test_write_file (dir, files[i][0], files[i][1], -1));
  /* A symlink back up the tree must not loop; a dangling one is ignored. */
  char *loop = g_build_filename (deep, "up", NULL);
  assert_int_equal (symlink ("..", loop), 0);
  char *dangling = g_build_filename (dir, "gone", NULL);
  assert_int_equal (symlink ("nowhere", dangling), 0);

  const char *inputs[] = { dir, NULL };
  GPtrArray *docs = read_all_documents (inputs);
  const char *expected[][2] = {
    { "A.txt", "A" }, { "a.md", "a" }, { "b.txt", "b" }, { "c.markdown", "c" },
    { "d.jsonl:1", "d1" }, { NULL, "d2" },
    { "sub/a.txt", "sa" }, { "sub/deep/q.txt", "q" }, { "sub/m.TXT", "m" },
    { "sub/z.txt", "z" },
  };
  assert_int_equal (docs->len, G_N_ELEMENTS (expected));
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      char *id = expected[i][0] != NULL
                 ? g_strdup_printf ("%s/%s", dir, expected[i][0]) : g_strdup ("d2");
      assert_string_equal (DOC (docs, i)->id, id);
      assert_string_equal (DOC (docs, i)->text, expected[i][1]);
      g_free (id);
    }
  char *jsonl = g_build_filename (dir, "d.jsonl", NULL);
  assert_string_equal (DOC (docs, 5)->path, jsonl);
  assert_int_equal (DOC (docs, 5)->line, 2);
  g_free (jsonl);
  g_ptr_array_unref (docs);

  /* The same directory twice, with a trailing slash: walked twice. */
  char *slashed = g_strconcat (sub, "/", NULL);
  const char *twice[] = { slashed, sub, NULL };
  docs = read_all_documents (twice);
  assert_int_equal (docs->len, 8);
  char *first = g_strdup_printf ("%s/a.txt", sub);
  assert_string_equal (DOC (docs, 0)->id, first);
  assert_string_equal (DOC (docs, 4)->id, first);
  g_free (first);
  g_ptr_array_unref (docs);

  g_free (slashed);
  g_free (loop);
  g_free (dangling);
  g_free (deep);
  g_free (git);
  g_free (sub);
  actnet_test_rmdir (dir);
  g_free (dir);
}

static void
test_file_errors (void **state)
{
  char *dir = actnet_test_mkdtemp ();
  char *missing = g_build_filename (dir, "missing.txt", NULL);
  char *binary = actnet_test_write_file (dir, "bin.txt", "abc\n\0def", 8);
  char *bad = actnet_test_write_file (dir, "bad.txt", "ok line\nab\xFF" "c\n", -1);
  char *cut = actnet_test_write_file (dir, "cut.txt", "x\n\ny \xC3", -1);
  char *good = actnet_test_write_file (dir, "good.txt", "fine", -1);
  const char *inputs[] = { missing, binary, bad, cut, good, NULL };
  ActnetCorpusReader *reader = actnet_corpus_reader_new (inputs);

  char *message = g_strdup_printf ("%s: No such file or directory", missing);
  expect_error (reader, G_FILE_ERROR, G_FILE_ERROR_NOENT, message);
  g_free (message);
  message = g_strdup_printf ("%s: binary data (NUL byte at offset 4)", binary);
  expect_error (reader, ACTNET_ERROR, ACTNET_ERROR_ENCODING, message);
  g_free (message);
  message = g_strdup_printf ("%s:2: invalid UTF-8 (byte 0xFF at column 3)", bad);
  expect_error (reader, ACTNET_ERROR, ACTNET_ERROR_ENCODING, message);
  g_free (message);
  message = g_strdup_printf ("%s:3: invalid UTF-8 (byte 0xC3 at column 3)", cut);
  expect_error (reader, ACTNET_ERROR, ACTNET_ERROR_ENCODING, message);
  g_free (message);
  /* The reader goes on after an error. */
  expect_document (reader, good, "fine");
  expect_end (reader);
  expect_end (reader);
  actnet_corpus_reader_free (reader);

  g_free (missing);
  g_free (binary);
  g_free (bad);
  g_free (cut);
  g_free (good);
  actnet_test_rmdir (dir);
  g_free (dir);
}

static void
test_empty_inputs (void **state)
{
  const char *none[] = { NULL };
  ActnetCorpusReader *reader = actnet_corpus_reader_new (none);
  expect_end (reader);
  actnet_corpus_reader_free (reader);
  reader = actnet_corpus_reader_new (NULL);
  expect_end (reader);
  actnet_corpus_reader_free (reader);
  actnet_corpus_reader_free (NULL);
}

/* ------------------------------------------------------------------ */
/* Reader: JSONL                                                       */

static void
test_jsonl_fields (void **state)
{
  char *dir = actnet_test_mkdtemp ();
  char *path = actnet_test_write_file (dir, "c.jsonl",
    "\xEF\xBB\xBF{\"id\":\"a1\",\"title\":\"T\",\"date\":\"D\",\"source\":\"S\",\"text\":\"Hello *you*\",\"extra\":[1,{\"x\":null}]}\n"
    "\n"
    "   \r\n"
    "{\"id\": 42, \"text\": \"x\"}\r\n"
    "{\"text\": \"y\", \"title\": 5, \"date\": null, \"source\": [\"s\"], \"id\": null}\n"
    "{\"text\": \"a\\\\u0000b \\u00e9\", \"note\": \"z\\u0000\"}", -1);
  const char *inputs[] = { path, NULL };
  GPtrArray *docs = read_all_documents (inputs);
  assert_int_equal (docs->len, 4);

  ActnetDocument *d = DOC (docs, 0);
  assert_string_equal (d->id, "a1");
  assert_string_equal (d->path, path);
  assert_int_equal (d->line, 1);
  assert_string_equal (d->title, "T");
  assert_string_equal (d->date, "D");
  assert_string_equal (d->source, "S");
  assert_string_equal (d->text, "Hello *you*");
  assert_string_equal (d->clean, "Hello  you ");
  assert_int_equal (d->length, 11);

  d = DOC (docs, 1);
  assert_string_equal (d->id, "42");
  assert_int_equal (d->line, 4);
  assert_string_equal (d->text, "x");
  assert_null (d->title);

  d = DOC (docs, 2);
  char *id = g_strdup_printf ("%s:5", path);
  assert_string_equal (d->id, id);
  g_free (id);
  assert_int_equal (d->line, 5);
  assert_null (d->title);
  assert_null (d->date);
  assert_null (d->source);

  /* An escaped backslash before "u0000" is text; a NUL in an unused
   * member does not matter. */
  d = DOC (docs, 3);
  assert_int_equal (d->line, 6);
  assert_string_equal (d->text, "a\\u0000b \xC3\xA9");
  assert_int_equal (d->length, 11);

  g_ptr_array_unref (docs);
  g_free (path);
  actnet_test_rmdir (dir);
  g_free (dir);
}

static void
test_jsonl_errors (void **state)
{
  char *dir = actnet_test_mkdtemp ();
  char *path = actnet_test_write_file (dir, "e.jsonl",
    "{\"text\":\"ok\"}\n"                       /* 1 */
    "[1,2]\n"                                   /* 2 */
    "{\"id\":\"x\"}\n"                          /* 3 */
    "{\"text\": 5}\n"                           /* 4 */
    "{\"text\": \"a\" \n"                       /* 5 */
    "{\"text\":\"a\\u0000b\"}\n"                /* 6 */
    "{\"text\":\"\xFF\"}\n"                     /* 7 */
    "{\"id\": 1.5, \"text\":\"z\"}\n"           /* 8 */
    "{\"text\": null}\n"                        /* 9 */
    "\n"                                        /* 10 */
    "{\"title\":\"t\\u0000\", \"text\":\"q\"}\n" /* 11 */
    "\"just a string\"\n"                       /* 12 */
    "{\"text\":\"end\"}", -1);                  /* 13 */
  char *nul = actnet_test_write_file (dir, "nul.jsonl", "{\"text\":\"a\"}\n{\"te\0", 18);
  const char *inputs[] = { path, nul, NULL };
  ActnetCorpusReader *reader = actnet_corpus_reader_new (inputs);
  struct { int code; const char *message; } cases[] = {
    { ACTNET_ERROR_PARSE, ":2: not a JSON object" },
    { ACTNET_ERROR_PARSE, ":3: missing \"text\"" },
    { ACTNET_ERROR_PARSE, ":4: \"text\" is not a string" },
    { ACTNET_ERROR_PARSE, ":5: invalid JSON at column 12: invalid string constant \"a\", expected valid string constant" },
    { ACTNET_ERROR_ENCODING, ":6: NUL character in \"text\"" },
    { ACTNET_ERROR_ENCODING, ":7: invalid UTF-8 (byte 0xFF at column 10)" },
    { ACTNET_ERROR_PARSE, ":8: \"id\" is not a string or an integer" },
    { ACTNET_ERROR_PARSE, ":9: \"text\" is not a string" },
    { ACTNET_ERROR_ENCODING, ":11: NUL character in \"title\"" },
    { ACTNET_ERROR_PARSE, ":12: not a JSON object" },
  };
  char *id = g_strdup_printf ("%s:1", path);
  expect_document (reader, id, "ok");
  g_free (id);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *message = g_strconcat (path, cases[i].message, NULL);
      expect_error (reader, ACTNET_ERROR, cases[i].code, message);
      g_free (message);
    }
  id = g_strdup_printf ("%s:13", path);
  expect_document (reader, id, "end");
  g_free (id);
  id = g_strdup_printf ("%s:1", nul);
  expect_document (reader, id, "a");
  g_free (id);
  char *message = g_strdup_printf ("%s:2: binary data (NUL byte at column 5)", nul);
  expect_error (reader, ACTNET_ERROR, ACTNET_ERROR_ENCODING, message);
  g_free (message);
  expect_end (reader);
  actnet_corpus_reader_free (reader);

  g_free (path);
  g_free (nul);
  actnet_test_rmdir (dir);
  g_free (dir);
}

/* Random JSON values for test_jsonl_like_json_glib(). */
static void
random_json_string (GRand *rand, GString *out)
{
  static const char *const pieces[] = {
    "a", "Tripoli", " ", "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\r", "\\u00e9",
    "\\u00E9", "\\u0041", "\\u2028", "\\u00ad", "\\uFFFD", "\\ud83d\\ude00", "\\uD800\\uDC00",
    "\xC3\xA9", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80", "\x7F", "\xC2\x80", "*b*", "[x](y)",
    "http://x.org/", "<p>", "#", "'", "{", "}", "[", "]", ",", ":",
  };
  g_string_append_c (out, '"');
  guint n = (guint) g_rand_int_range (rand, 0, 9);
  for (guint i = 0; i < n; i++)
    g_string_append (out, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  g_string_append_c (out, '"');
}

static void
random_json_value (GRand *rand, GString *out, guint depth)
{
  static const char *const scalars[] = {
    "0", "-0", "7", "-12", "123456789012345678", "1.5", "-0.25", "1e3", "2E+10", "-1.25e-3",
    "true", "false", "null",
  };
  gint kind = g_rand_int_range (rand, 0, depth > 3 ? 2 : 4);
  if (kind == 0)
    random_json_string (rand, out);
  else if (kind == 1)
    g_string_append (out, scalars[g_rand_int_range (rand, 0, G_N_ELEMENTS (scalars))]);
  else
    {
      gboolean object = kind == 3;
      g_string_append_c (out, object ? '{' : '[');
      guint n = (guint) g_rand_int_range (rand, 0, 4);
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append (out, g_rand_boolean (rand) ? "," : " , ");
          if (object)
            {
              g_string_append_printf (out, "\"k%u\"", i);
              g_string_append (out, g_rand_boolean (rand) ? ":" : " : ");
            }
          random_json_value (rand, out, depth + 1);
        }
      g_string_append_c (out, object ? '}' : ']');
    }
}

static char *
json_string_member (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return NULL;
}

/* The reader reads common lines without json-glib: whatever the line,
 * its documents must be the ones json-glib's tree gives. */
static void
test_jsonl_like_json_glib (void **state)
{
  static const char *const members[] = { "text", "id", "title", "date", "source", "x", "body" };
  GRand *rand = g_rand_new_with_seed (7);
  GString *data = g_string_new (NULL);
  const guint n_lines = 2000;
  for (guint line = 0; line < n_lines; line++)
    {
      g_string_append (data, g_rand_int_range (rand, 0, 4) == 0 ? " {" : "{");
      guint n = (guint) g_rand_int_range (rand, 1, 6);
      gboolean has_text = FALSE;
      guint used = 0;
      for (guint i = 0; i < n; i++)
        {
          guint m = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (members));
          /* Repeated members are json-glib's business: the reader hands them
           * over; here each member comes once. */
          if (used & (1u << m))
            continue;
          used |= 1u << m;
          if (i > 0)
            g_string_append (data, g_rand_boolean (rand) ? "," : ",\t");
          g_string_append_printf (data, "\"%s\":%s", members[m], g_rand_boolean (rand) ? "" : " ");
          if (m == 0 || (m <= 4 && g_rand_int_range (rand, 0, 3) > 0))
            random_json_string (rand, data);
          else if (m == 1)
            g_string_append (data, g_rand_boolean (rand) ? "-42" : "null");
          else
            random_json_value (rand, data, 0);
          has_text |= m == 0;
        }
      if (!has_text)
        g_string_append (data, n > 0 && used != 0 ? ",\"text\":\"t\"" : "\"text\":\"t\"");
      g_string_append (data, g_rand_int_range (rand, 0, 4) == 0 ? "} \n" : "}\n");
    }

  char *dir = actnet_test_mkdtemp ();
  char *path = actnet_test_write_file (dir, "r.jsonl", data->str, (gssize) data->len);
  ActnetCorpusReader *reader = actnet_corpus_reader_new ((const char *[]) { path, NULL });
  JsonParser *parser = json_parser_new ();
  char **lines = g_strsplit (data->str, "\n", -1);
  for (guint line = 0; line < n_lines; line++)
    {
      GError *error = NULL;
      assert_true (json_parser_load_from_data (parser, lines[line], -1, &error));
      JsonObject *object = json_node_get_object (json_parser_get_root (parser));
      ActnetDocument *document = actnet_corpus_reader_next (reader, &error);
      assert_null (error);
      assert_non_null (document);

      JsonNode *id = json_object_get_member (object, "id");
      char *want_id = id == NULL || JSON_NODE_HOLDS_NULL (id)
                        ? g_strdup_printf ("%s:%u", path, line + 1)
                        : json_node_get_value_type (id) == G_TYPE_STRING
                            ? g_strdup (json_node_get_string (id))
                            : g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (id));
      assert_string_equal (document->id, want_id);
      const char *want_text = json_object_get_string_member (object, "text");
      assert_int_equal (document->length, strlen (want_text));
      assert_string_equal (document->text, want_text);
      const char *names[] = { "title", "date", "source" };
      char *got[] = { document->title, document->date, document->source };
      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          char *want = json_string_member (object, names[k]);
          if (want == NULL)
            assert_null (got[k]);
          else
            assert_string_equal (got[k], want);
          g_free (want);
        }
      g_free (want_id);
      actnet_document_free (document);
    }
  expect_end (reader);
  g_strfreev (lines);
  g_object_unref (parser);
  actnet_corpus_reader_free (reader);
  g_string_free (data, TRUE);
  g_rand_free (rand);
  g_free (path);
  actnet_test_rmdir (dir);
  g_free (dir);
}

/* Lines the reader leaves to json-glib give its documents and errors. */
static void
test_jsonl_unusual_lines (void **state)
{
  char *dir = actnet_test_mkdtemp ();
  char *path = actnet_test_write_file (dir, "u.jsonl",
    "{\"te\\u0078t\": \"escaped key\"}\n"                    /* 1 */
    "{\"text\": \"a\", \"text\": \"b\"}\n"                  /* 2 */
    "{\"text\": \"lone \\ud800 surrogate\"}\n"              /* 3 */
    "{\"text\": \"big\", \"n\": 123456789012345678901234}\n" /* 4 */
    "{\"id\": 12345678901234567, \"text\": \"long id\"}\n"  /* 5 */
    "{\"id\": \"x\", \"text\": \"deep\", \"d\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}\n" /* 6 */
    "{\"text\": \"trailing\"} x\n"                          /* 7 */
    "{\"text\": \"tab\tinside\"}\n"                         /* 8 */
    "{\"text\": \"\\u00e9\\ud83d\\ude00\\/\"}\n", -1);      /* 9 */
  JsonParser *parser = json_parser_new ();
  char *contents;
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  char **lines = g_strsplit (contents, "\n", -1);
  ActnetCorpusReader *reader = actnet_corpus_reader_new ((const char *[]) { path, NULL });
  for (guint i = 0; i < 9; i++)
    {
      GError *error = NULL;
      gboolean parsed = json_parser_load_from_data (parser, lines[i], -1, NULL);
      ActnetDocument *document = actnet_corpus_reader_next (reader, &error);
      /* Every line here is an object with a "text" when it parses; json-glib
       * lets a lone surrogate through, as invalid UTF-8 the reader refuses. */
      const char *text = parsed ? json_object_get_string_member (
                                    json_node_get_object (json_parser_get_root (parser)), "text")
                                : NULL;
      if (text != NULL && g_utf8_validate (text, -1, NULL))
        {
          assert_non_null (document);
          assert_string_equal (document->text, text);
          actnet_document_free (document);
        }
      else
        {
          assert_null (document);
          assert_true (g_error_matches (error, ACTNET_ERROR,
                                        parsed ? ACTNET_ERROR_ENCODING : ACTNET_ERROR_PARSE));
        }
      g_clear_error (&error);
    }
  expect_end (reader);
  actnet_corpus_reader_free (reader);
  g_object_unref (parser);
  g_strfreev (lines);
  g_free (contents);
  g_free (path);
  actnet_test_rmdir (dir);
  g_free (dir);
}

/* A reader freed halfway through a JSONL file releases it. */
static void
test_jsonl_free_midway (void **state)
{
  char *dir = actnet_test_mkdtemp ();
  char *path = actnet_test_write_file (dir, "m.jsonl", "{\"text\":\"1\"}\n{\"text\":\"2\"}\n", -1);
  const char *inputs[] = { path, dir, NULL };
  ActnetCorpusReader *reader = actnet_corpus_reader_new (inputs);
  char *id = g_strdup_printf ("%s:1", path);
  expect_document (reader, id, "1");
  actnet_corpus_reader_free (reader);
  g_free (id);
  g_free (path);
  actnet_test_rmdir (dir);
  g_free (dir);
}

/* ------------------------------------------------------------------ */
/* Reader: standard input                                              */

/* Runs the reader over "-" (and @extra) with @contents on fd 0. */
static ActnetCorpusReader *
reader_on_stdin (const char *dir, const char *contents, gssize length)
{
  char *path = actnet_test_write_file (dir, "stdin.data", contents, length);
  int fd = open (path, O_RDONLY);
  assert_true (fd >= 0);
  assert_int_equal (dup2 (fd, STDIN_FILENO), STDIN_FILENO);
  close (fd);
  clearerr (stdin);
  g_free (path);
  static const char *const inputs[] = { "-", NULL };
  return actnet_corpus_reader_new (inputs);
}

static void
test_stdin (void **state)
{
  int saved = dup (STDIN_FILENO);
  assert_true (saved >= 0);
  char *dir = actnet_test_mkdtemp ();

  /* JSONL: leading blank lines still count. */
  ActnetCorpusReader *reader = reader_on_stdin (dir, "\n \n  {\"text\":\"a\"}\n\n{\"id\":7,\"text\":\"b\"}\n{bad\n", -1);
  GError *error = NULL;
  ActnetDocument *d = actnet_corpus_reader_next (reader, &error);
  assert_null (error);
  assert_non_null (d);
  assert_string_equal (d->id, "-:3");
  assert_string_equal (d->path, "-");
  assert_int_equal (d->line, 3);
  assert_string_equal (d->text, "a");
  actnet_document_free (d);
  expect_document (reader, "7", "b");
  expect_error (reader, ACTNET_ERROR, ACTNET_ERROR_PARSE,
                "-:6: invalid JSON at column 1: unexpected character `{', expected string constant");
  expect_end (reader);
  actnet_corpus_reader_free (reader);

  /* Text: one document, leading whitespace kept. */
  reader = reader_on_stdin (dir, "  Hello *world*\n{not json}", -1);
  d = actnet_corpus_reader_next (reader, &error);
  assert_null (error);
  assert_non_null (d);
  assert_string_equal (d->id, "-");
  assert_string_equal (d->path, "-");
  assert_int_equal (d->line, 0);
  assert_string_equal (d->text, "  Hello *world*\n{not json}");
  assert_string_equal (d->clean, "  Hello  world \n{not json}");
  actnet_document_free (d);
  expect_end (reader);
  actnet_corpus_reader_free (reader);

  /* Empty input: one empty document; invalid UTF-8 is reported as "-". */
  reader = reader_on_stdin (dir, "", 0);
  expect_document (reader, "-", "");
  expect_end (reader);
  actnet_corpus_reader_free (reader);
  reader = reader_on_stdin (dir, "\n\nab\xFE", -1);
  expect_error (reader, ACTNET_ERROR, ACTNET_ERROR_ENCODING,
                "-:3: invalid UTF-8 (byte 0xFE at column 3)");
  expect_end (reader);
  actnet_corpus_reader_free (reader);

  assert_int_equal (dup2 (saved, STDIN_FILENO), STDIN_FILENO);
  close (saved);
  clearerr (stdin);
  actnet_test_rmdir (dir);
  g_free (dir);
}

/* ------------------------------------------------------------------ */
/* The real articles                                                   */

static void
test_libya_directory (void **state)
{
  char *libya = actnet_test_shared_path ("corpus/libya");
  if (libya == NULL)
    skip ();
  const char *inputs[] = { libya, NULL };
  GPtrArray *docs = read_all_documents (inputs);
  assert_int_equal (docs->len, 4);
  const char *names[] = {
    "2011-07-05-stalemate.txt", "2015-12-21-war-against-isis.txt",
    "2016-03-09-western-powers.txt", "2019-04-21-haftar-tripoli.txt",
  };
  for (guint i = 0; i < docs->len; i++)
    {
      ActnetDocument *d = DOC (docs, i);
      char *id = g_build_filename (libya, names[i], NULL);
      assert_string_equal (d->id, id);
      g_free (id);
      assert_true (d->length > 5000);
      assert_int_equal (strlen (d->text), d->length);
      assert_int_equal (strlen (d->clean), d->length);
      assert_true (g_utf8_validate_len (d->clean, d->length, NULL));
      /* No link syntax or emphasis markers survive. */
      assert_null (strstr (d->clean, "]("));
      assert_null (strstr (d->clean, "](#)"));
      assert_null (strstr (d->clean, "**"));
      assert_null (strstr (d->clean, "http://"));
      assert_non_null (strstr (d->text, "]("));
    }
  /* The bylines keep the names. */
  assert_non_null (strstr (DOC (docs, 1)->clean, "By  Thomas Gaist    \n"));
  assert_non_null (strstr (DOC (docs, 3)->clean, "By  Dr. Binoy Kampmark    \n"));
  g_ptr_array_unref (docs);
  g_free (libya);
}

/* ------------------------------------------------------------------ */
/* Batch input                                                         */

/* Every document under @options: ids (or "!" for an error) joined by ' '. */
static char *
batch_ids (const char *const *inputs, const ActnetBatchOptions *options, guint64 *n_skipped)
{
  g_autoptr (ActnetCorpusReader) reader = actnet_corpus_reader_new (inputs);
  GError *error = NULL;
  if (!actnet_corpus_reader_set_batch (reader, options, &error))
    fail_msg ("set_batch: %s", error->message);
  GString *ids = g_string_new (NULL);
  ActnetDocument *document;
  while ((document = actnet_corpus_reader_next (reader, &error)) != NULL)
    {
      g_string_append_printf (ids, "%s%s", ids->len > 0 ? " " : "", document->id);
      actnet_document_free (document);
    }
  if (error != NULL)
    {
      g_string_append (ids, " !");
      g_error_free (error);
    }
  if (n_skipped != NULL)
    *n_skipped = actnet_corpus_reader_get_n_skipped (reader);
  return g_string_free (ids, FALSE);
}

static void
test_batch_gzip (void **state)
{
  (void) state;
  g_autofree char *plain = actnet_test_source_path ("tests/data/batch-articles.jsonl");
  g_autofree char *gz = actnet_test_source_path ("tests/data/batch-articles.jsonl.gz");
  const char *plain_inputs[] = { plain, NULL };
  const char *gz_inputs[] = { gz, NULL };
  g_autoptr (GPtrArray) a = read_all_documents (plain_inputs);
  g_autoptr (GPtrArray) b = read_all_documents (gz_inputs);
  assert_int_equal (a->len, 2);
  assert_int_equal (b->len, a->len);
  for (guint i = 0; i < a->len; i++)
    {
      assert_string_equal (DOC (b, i)->text, DOC (a, i)->text);
      assert_int_equal (DOC (b, i)->line, DOC (a, i)->line);
      assert_int_equal (DOC (b, i)->day, DOC (a, i)->day);
      assert_string_equal (DOC (b, i)->path, gz);
    }
  assert_string_equal (DOC (b, 0)->id, "g1");
  g_autofree char *fallback_id = g_strdup_printf ("%s:3", gz);
  assert_string_equal (DOC (b, 1)->id, fallback_id);

  /* Directories pick up *.jsonl.gz; a truncated stream fails naming the file. */
  g_autofree char *dir = actnet_test_mkdtemp ();
  g_autofree char *contents = NULL;
  gsize length;
  assert_true (g_file_get_contents (gz, &contents, &length, NULL));
  g_free (actnet_test_write_file (dir, "a.jsonl.gz", contents, (gssize) length));
  g_free (actnet_test_write_file (dir, "b.jsonl.gz", contents, 60));
  const char *dir_inputs[] = { dir, NULL };
  g_autoptr (ActnetCorpusReader) reader = actnet_corpus_reader_new (dir_inputs);
  expect_document (reader, "g1", "Haftar moved on Tripoli. NATO watched.");
  g_autofree char *a_path = g_build_filename (dir, "a.jsonl.gz", NULL);
  g_autofree char *a_id = g_strdup_printf ("%s:3", a_path);
  expect_document (reader, a_id, "Libya and Chad. Pompeo met Haftar in Libya.");
  GError *error = NULL;
  assert_null (actnet_corpus_reader_next (reader, &error));
  assert_non_null (error);
  g_autofree char *b_path = g_build_filename (dir, "b.jsonl.gz", NULL);
  assert_true (g_str_has_prefix (error->message, b_path));
  assert_non_null (strstr (error->message, "corrupt or truncated gzip data"));
  g_clear_error (&error);
  assert_null (actnet_corpus_reader_next (reader, &error));
  assert_null (error);
  actnet_test_rmdir (dir);
}

static void
test_batch_globs (void **state)
{
  (void) state;
  g_autofree char *dir = actnet_test_mkdtemp ();
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *skip = g_build_filename (dir, "skip", NULL);
  assert_int_equal (g_mkdir (sub, 0777), 0);
  assert_int_equal (g_mkdir (skip, 0777), 0);
  g_free (actnet_test_write_file (dir, "a.txt", "A", -1));
  g_free (actnet_test_write_file (dir, "n.md", "N", -1));
  g_free (actnet_test_write_file (sub, "b.md", "B", -1));
  g_free (actnet_test_write_file (sub, "c.txt", "C", -1));
  g_free (actnet_test_write_file (skip, "d.txt", "D", -1));
  g_autofree char *a = g_build_filename (dir, "a.txt", NULL);
  const char *inputs[] = { dir, NULL };

  const char *txt[] = { "*.txt", NULL };
  const char *skip_dir[] = { "skip", NULL };
  ActnetBatchOptions options = ACTNET_BATCH_OPTIONS_INIT;
  options.include = txt;
  options.exclude = skip_dir;
  g_autofree char *got = batch_ids (inputs, &options, NULL);
  g_autofree char *want = g_strdup_printf ("%s %s/sub/c.txt", a, dir);
  assert_string_equal (got, want);

  /* The relative path: "sub/ *" (no blank) picks sub's files only; a basename glob
   * excludes wherever the file is. */
  const char *in_sub[] = { "sub/*", NULL };
  const char *no_c[] = { "c.txt", NULL };
  options.include = in_sub;
  options.exclude = no_c;
  g_free (got);
  got = batch_ids (inputs, &options, NULL);
  g_free (want);
  want = g_strdup_printf ("%s/sub/b.md", dir);
  assert_string_equal (got, want);

  /* Inputs named explicitly are never filtered. */
  const char *explicit_inputs[] = { a, NULL };
  options.include = in_sub;
  options.exclude = txt;
  g_free (got);
  got = batch_ids (explicit_inputs, &options, NULL);
  assert_string_equal (got, a);
  actnet_test_rmdir (dir);
}

static void
test_batch_files_from (void **state)
{
  (void) state;
  g_autofree char *dir = actnet_test_mkdtemp ();
  g_autofree char *a = actnet_test_write_file (dir, "a.txt", "A", -1);
  g_autofree char *b = actnet_test_write_file (dir, "b.md", "B", -1);
  g_autofree char *text = g_strdup_printf ("# corpus\n\n  %s  \r\n%s\n", b, a);
  g_autofree char *list = actnet_test_write_file (dir, "list", text, -1);
  const char *inputs[] = { a, NULL };
  ActnetBatchOptions options = ACTNET_BATCH_OPTIONS_INIT;
  options.files_from = list;
  g_autofree char *got = batch_ids (inputs, &options, NULL);
  g_autofree char *want = g_strdup_printf ("%s %s %s", a, b, a);
  assert_string_equal (got, want);

  /* A missing list fails at once, naming it. */
  g_autofree char *missing = g_build_filename (dir, "nope", NULL);
  options.files_from = missing;
  g_autoptr (ActnetCorpusReader) reader = actnet_corpus_reader_new (inputs);
  GError *error = NULL;
  assert_false (actnet_corpus_reader_set_batch (reader, &options, &error));
  g_autofree char *message = g_strdup_printf ("%s: No such file or directory", missing);
  assert_string_equal (error->message, message);
  g_clear_error (&error);

  /* The list and an input cannot both be standard input. */
  const char *stdin_inputs[] = { "-", NULL };
  options.files_from = "-";
  g_autoptr (ActnetCorpusReader) both = actnet_corpus_reader_new (stdin_inputs);
  assert_false (actnet_corpus_reader_set_batch (both, &options, &error));
  assert_int_equal (error->code, ACTNET_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  actnet_test_rmdir (dir);
}

static void
test_batch_keep_going (void **state)
{
  (void) state;
  g_autofree char *dir = actnet_test_mkdtemp ();
  g_free (actnet_test_write_file (dir, "a.txt", "A", -1));
  g_free (actnet_test_write_file (dir, "b.txt", "bad \xff", -1));
  g_free (actnet_test_write_file (dir, "c.jsonl", "{\"id\": \"c1\", \"text\": \"C\"}\n{oops\n"
                                                  "{\"id\": \"c3\", \"text\": \"C\"}\n", -1));
  g_free (actnet_test_write_file (dir, "d.txt", "bin\0ary", 7));
  g_autofree char *a = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  const char *inputs[] = { dir, missing, NULL };

  /* Default: the first error stops. */
  ActnetBatchOptions options = ACTNET_BATCH_OPTIONS_INIT;
  g_autoptr (ActnetCorpusReader) strict = actnet_corpus_reader_new (inputs);
  assert_true (actnet_corpus_reader_set_batch (strict, &options, NULL));
  expect_document (strict, a, "A");
  GError *error = NULL;
  assert_null (actnet_corpus_reader_next (strict, &error));
  assert_int_equal (error->code, ACTNET_ERROR_ENCODING);
  g_clear_error (&error);

  options.keep_going = TRUE;
  guint64 n_skipped = 0;
  g_autofree char *got = batch_ids (inputs, &options, &n_skipped);
  g_autofree char *want = g_strdup_printf ("%s c1 c3", a);
  assert_string_equal (got, want);
  assert_int_equal (n_skipped, 4);

  g_autoptr (ActnetCorpusReader) reader = actnet_corpus_reader_new (inputs);
  assert_true (actnet_corpus_reader_set_batch (reader, &options, NULL));
  ActnetDocument *document;
  while ((document = actnet_corpus_reader_next (reader, &error)) != NULL)
    actnet_document_free (document);
  assert_null (error);
  const GPtrArray *warnings = actnet_corpus_reader_get_warnings (reader);
  assert_int_equal (warnings->len, 4);
  g_autofree char *w0 = g_strdup_printf ("skipped %s/b.txt:1: invalid UTF-8 (byte 0xFF at column 5)", dir);
  assert_string_equal (g_ptr_array_index (warnings, 0), w0);
  g_autofree char *w1 = g_strdup_printf ("skipped %s/c.jsonl:2: invalid JSON", dir);
  assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 1), w1));
  g_autofree char *w3 = g_strdup_printf ("skipped %s: No such file or directory", missing);
  assert_string_equal (g_ptr_array_index (warnings, 3), w3);
  actnet_test_rmdir (dir);
}

/* Writes @length bytes of @data gzip-compressed to DIR/NAME; new path. */
static char *
write_gzip_file (const char *dir, const char *name, const char *data, gsize length)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileOutputStream) raw = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE,
                                                      NULL, NULL);
  assert_non_null (raw);
  g_autoptr (GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr (GOutputStream) out = g_converter_output_stream_new (G_OUTPUT_STREAM (raw),
                                                                 G_CONVERTER (compressor));
  assert_true (g_output_stream_write_all (out, data, length, NULL, NULL, NULL));
  assert_true (g_output_stream_close (out, NULL, NULL));
  return path;
}

static guint64
file_size (const char *path)
{
  GStatBuf st;
  assert_int_equal (g_stat (path, &st), 0);
  return (guint64) st.st_size;
}

static void
test_input_position (void **state)
{
  (void) state;
  g_autofree char *dir = actnet_test_mkdtemp ();
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *sub = g_build_filename (corpus, "sub", NULL);
  assert_int_equal (g_mkdir_with_parents (sub, 0777), 0);
  g_autofree char *c = actnet_test_write_file (dir, "c.md", "Tripoli, a top-level file.", -1);
  g_autofree char *d = actnet_test_write_file (dir, "d.txt", "Listed in the file list.", -1);
  g_autofree char *a = actnet_test_write_file (corpus, "a.txt", "Benghazi.", -1);
  const char *line1 = "{\"id\": \"b1\", \"text\": \"One.\"}\n";
  g_autofree char *b_text = g_strconcat (line1, "{\"id\": \"b2\", \"text\": \"Two.\"}\n"
                                         "{\"id\": \"b3\", \"text\": \"Three.\"}\n", NULL);
  g_autofree char *b = actnet_test_write_file (sub, "b.jsonl", b_text, -1);
  /* Neither is read, so neither counts: excluded, not a corpus file. */
  g_free (actnet_test_write_file (sub, "skip.txt", "Excluded, never read.", -1));
  g_free (actnet_test_write_file (corpus, "notes.csv", "a,b\n", -1));
  /* Random letters barely compress: the .gz is far larger than one read
   * buffer, so the position moves inside it. */
  g_autoptr (GRand) rand = g_rand_new_with_seed (6);
  g_autoptr (GString) lines = g_string_new (NULL);
  for (guint i = 0; i < 4000; i++)
    {
      g_string_append_printf (lines, "{\"id\": \"g%u\", \"text\": \"", i);
      for (guint k = 0; k < 60; k++)
        g_string_append_c (lines, (char) ('a' + g_rand_int_range (rand, 0, 26)));
      g_string_append (lines, "\"}\n");
    }
  g_autofree char *gz = write_gzip_file (corpus, "big.jsonl.gz", lines->str, lines->len);
  g_autofree char *list_text = g_strdup_printf ("%s\n", d);
  g_autofree char *list = actnet_test_write_file (dir, "list", list_text, -1);

  const char *inputs[] = { c, corpus, NULL };
  g_autoptr (ActnetCorpusReader) reader = actnet_corpus_reader_new (inputs);
  const char *exclude[] = { "skip.txt", NULL };
  ActnetBatchOptions options = ACTNET_BATCH_OPTIONS_INIT;
  options.exclude = exclude;
  options.files_from = list;
  assert_true (actnet_corpus_reader_set_batch (reader, &options, NULL));

  /* Before reading: the named files and the listed one; the directory is
   * walked later. */
  guint64 consumed = 1, total = 0;
  actnet_corpus_reader_get_input_position (reader, &consumed, &total);
  assert_int_equal (consumed, 0);
  assert_int_equal (total, file_size (c) + file_size (d));

  guint64 want_total = file_size (c) + file_size (d) + file_size (a) + file_size (b)
                       + file_size (gz);
  guint64 last = 0, gz_first = 0, gz_last = 0, gz_docs = 0;
  GError *error = NULL;
  ActnetDocument *document;
  while ((document = actnet_corpus_reader_next (reader, &error)) != NULL)
    {
      actnet_corpus_reader_get_input_position (reader, &consumed, &total);
      assert_true (consumed >= last);
      assert_true (consumed <= total);
      last = consumed;
      if (strcmp (document->path, c) == 0)
        assert_int_equal (consumed, file_size (c));
      else if (strcmp (document->path, gz) == 0)
        {
          if (gz_docs++ == 0)
            gz_first = consumed;
          gz_last = consumed;
        }
      else if (strcmp (document->id, "b1") == 0)
        /* Whole files before it, then one line of b.jsonl. */
        assert_int_equal (consumed, file_size (c) + file_size (a) + file_size (gz)
                                      + strlen (line1));
      else if (strcmp (document->path, d) == 0)
        assert_int_equal (consumed, want_total);
      actnet_document_free (document);
    }
  assert_null (error);
  assert_int_equal (gz_docs, 4000);
  assert_true (gz_first > file_size (c) + file_size (a));
  assert_true (gz_first < gz_last);
  actnet_corpus_reader_get_input_position (reader, &consumed, &total);
  assert_int_equal (total, want_total);
  assert_int_equal (consumed, want_total);
  /* Either pointer may be NULL. */
  actnet_corpus_reader_get_input_position (reader, NULL, NULL);
  actnet_test_rmdir (dir);
}

/* ------------------------------------------------------------------ */
/* Bad input: limits, devices, empty input, deep JSON                  */

static void
test_max_document_size (void **state)
{
  (void) state;
  g_autofree char *dir = actnet_test_mkdtemp ();
  g_autofree char *big = actnet_test_write_file (dir, "big.txt", "0123456789abcdefghij", -1);
  g_autofree char *small = actnet_test_write_file (dir, "small.txt", "0123456789", -1);
  g_autofree char *lines = actnet_test_write_file (
    dir, "lines.jsonl",
    "{\"id\": \"a\", \"text\": \"short\"}\n"
    "{\"id\": \"b\", \"text\": \"far too long for the limit\"}\n"
    "{\"id\": \"c\", \"text\": \"short\"}\n", -1);
  const char *inputs[] = { big, small, lines, NULL };
  ActnetBatchOptions options = ACTNET_BATCH_OPTIONS_INIT;
  options.max_document_size = 12;   /* a JSONL line counts whole */
  g_autoptr (ActnetCorpusReader) reader = actnet_corpus_reader_new (inputs);
  assert_true (actnet_corpus_reader_set_batch (reader, &options, NULL));
  g_autofree char *m1 = g_strdup_printf ("%s: document larger than the maximum document size "
                        "(20 bytes > 12 bytes; see --max-document-size)", big);
  expect_error (reader, ACTNET_ERROR, ACTNET_ERROR_LIMIT, m1);
  expect_document (reader, small, "0123456789");
  /* Lines over the limit fail one by one; the file goes on after them. */
  g_autofree char *m2 = g_strdup_printf ("%s:1: line longer than the maximum document size "
                                         "(12 bytes; see --max-document-size)", lines);
  expect_error (reader, ACTNET_ERROR, ACTNET_ERROR_LIMIT, m2);
  g_autofree char *m3 = g_strdup_printf ("%s:2: line longer than the maximum document size "
                                         "(12 bytes; see --max-document-size)", lines);
  expect_error (reader, ACTNET_ERROR, ACTNET_ERROR_LIMIT, m3);
  g_autofree char *m4 = g_strdup_printf ("%s:3: line longer than the maximum document size "
                                         "(12 bytes; see --max-document-size)", lines);
  expect_error (reader, ACTNET_ERROR, ACTNET_ERROR_LIMIT, m4);
  expect_end (reader);

  /* A limit between the short and the long lines, under keep_going: the
   * long one is skipped and counted, plain and gzip-compressed alike. */
  options.max_document_size = 40;
  options.keep_going = TRUE;
  guint64 n_skipped = 0;
  const char *jsonl_only[] = { lines, NULL };
  g_autofree char *got = batch_ids (jsonl_only, &options, &n_skipped);
  assert_string_equal (got, "a c");
  assert_int_equal (n_skipped, 1);
  g_autofree char *contents = NULL;
  gsize length;
  assert_true (g_file_get_contents (lines, &contents, &length, NULL));
  g_autofree char *gz = write_gzip_file (dir, "lines.jsonl.gz", contents, length);
  const char *gz_only[] = { gz, NULL };
  g_autofree char *got_gz = batch_ids (gz_only, &options, &n_skipped);
  assert_string_equal (got_gz, "a c");
  assert_int_equal (n_skipped, 1);

  /* 0 is the default (64 MiB); the default reader has it too. */
  options.max_document_size = 0;
  options.keep_going = FALSE;
  g_autofree char *all = batch_ids (inputs, &options, &n_skipped);
  g_autofree char *want = g_strdup_printf ("%s %s a b c", big, small);
  assert_string_equal (all, want);
  assert_int_equal (ACTNET_DEFAULT_MAX_DOCUMENT_SIZE, 64 * 1024 * 1024);
  actnet_test_rmdir (dir);
}

static void
test_devices_and_empty_directories (void **state)
{
  (void) state;
  g_autofree char *dir = actnet_test_mkdtemp ();
  g_autofree char *empty_dir = g_build_filename (dir, "empty", NULL);
  g_autofree char *other_dir = g_build_filename (dir, "other", NULL);
  assert_int_equal (g_mkdir (empty_dir, 0755), 0);
  assert_int_equal (g_mkdir (other_dir, 0755), 0);
  g_free (actnet_test_write_file (other_dir, "notes.pdf", "%PDF", -1));
  g_autofree char *text = actnet_test_write_file (other_dir, "sub.txt", "x", -1);
  g_autofree char *sub = g_build_filename (other_dir, "deeper", NULL);
  assert_int_equal (g_mkdir (sub, 0755), 0);
  g_free (actnet_test_write_file (sub, "a.txt", "A", -1));

  const char *inputs[] = { "/dev/null", empty_dir, other_dir, NULL };
  g_autoptr (ActnetCorpusReader) reader = actnet_corpus_reader_new (inputs);
  expect_error (reader, ACTNET_ERROR, ACTNET_ERROR_IO,
                "/dev/null: not a regular file (character device)");
  g_autofree char *m = g_strdup_printf ("%s: no corpus files in this directory (*.txt, *.md, "
                                        "*.markdown, *.jsonl, *.jsonl.gz)", empty_dir);
  expect_error (reader, ACTNET_ERROR, ACTNET_ERROR_NOT_FOUND, m);
  /* Files in subdirectories count: no error for other/. */
  g_autofree char *deep = g_build_filename (sub, "a.txt", NULL);
  expect_document (reader, deep, "A");
  expect_document (reader, text, "x");
  expect_end (reader);

  /* --include that picks nothing says so. */
  const char *include[] = { "*.md", NULL };
  ActnetBatchOptions options = ACTNET_BATCH_OPTIONS_INIT;
  options.include = include;
  const char *only_other[] = { other_dir, NULL };
  g_autoptr (ActnetCorpusReader) filtered = actnet_corpus_reader_new (only_other);
  assert_true (actnet_corpus_reader_set_batch (filtered, &options, NULL));
  g_autofree char *m2 = g_strdup_printf ("%s: no corpus files in this directory (*.txt, *.md, "
                                         "*.markdown, *.jsonl, *.jsonl.gz, matching --include)",
                                         other_dir);
  expect_error (filtered, ACTNET_ERROR, ACTNET_ERROR_NOT_FOUND, m2);
  expect_end (filtered);
  actnet_test_rmdir (dir);
}

static void
test_empty_documents_warning (void **state)
{
  (void) state;
  g_autofree char *dir = actnet_test_mkdtemp ();
  g_autofree char *a = actnet_test_write_file (dir, "a.txt", "", 0);
  g_autofree char *b = actnet_test_write_file (dir, "b.txt", "\xEF\xBB\xBF \r\n", -1);
  g_autofree char *c = actnet_test_write_file (dir, "c.jsonl", "{\"id\": \"c1\", \"text\": \"\"}\n"
                                                               "{\"id\": \"c2\", \"text\": \"C\"}\n", -1);
  const char *inputs[] = { a, b, c, NULL };
  g_autoptr (ActnetCorpusReader) reader = actnet_corpus_reader_new (inputs);
  expect_document (reader, a, "");
  expect_document (reader, b, "\xEF\xBB\xBF \r\n");
  expect_document (reader, "c1", "");
  expect_document (reader, "c2", "C");
  /* Said once, at the end. */
  assert_int_equal (actnet_corpus_reader_get_warnings (reader)->len, 0);
  expect_end (reader);
  const GPtrArray *warnings = actnet_corpus_reader_get_warnings (reader);
  assert_int_equal (warnings->len, 1);
  g_autofree char *want = g_strdup_printf ("3 empty documents (no text), the first %s", a);
  assert_string_equal (g_ptr_array_index (warnings, 0), want);
  expect_end (reader);
  assert_int_equal (warnings->len, 1);

  const char *one[] = { c, NULL };
  g_autoptr (ActnetCorpusReader) single = actnet_corpus_reader_new (one);
  expect_document (single, "c1", "");
  expect_document (single, "c2", "C");
  expect_end (single);
  assert_string_equal (g_ptr_array_index (actnet_corpus_reader_get_warnings (single), 0),
                       "c1: empty document (no text)");
  actnet_test_rmdir (dir);
}

static void
test_deep_json (void **state)
{
  (void) state;
  g_autofree char *dir = actnet_test_mkdtemp ();
  GString *jsonl = g_string_new ("{\"id\": \"ok\", \"text\": \"A\", \"x\": \"[[[[\"}\n");
  g_string_append (jsonl, "{\"id\": \"deep\", \"text\": \"B\", \"x\": ");
  for (guint i = 0; i < 50000; i++)
    g_string_append_c (jsonl, '[');
  for (guint i = 0; i < 50000; i++)
    g_string_append_c (jsonl, ']');
  g_string_append (jsonl, "}\n{\"id\": \"fine\", \"text\": \"C\", \"x\": ");
  for (guint i = 0; i < 1000; i++)
    g_string_append_c (jsonl, '{' - (i % 2) * ('{' - '['));
  for (guint i = 1000; i-- > 0;)
    g_string_append_c (jsonl, i % 2 ? ']' : '}');
  g_string_append (jsonl, "}\n");
  /* The last line nests exactly 1000 levels under the record: 1001 in all. */
  g_autofree char *path = actnet_test_write_file (dir, "deep.jsonl", jsonl->str, (gssize) jsonl->len);
  g_string_free (jsonl, TRUE);
  const char *inputs[] = { path, NULL };
  g_autoptr (ActnetCorpusReader) reader = actnet_corpus_reader_new (inputs);
  expect_document (reader, "ok", "A");
  g_autofree char *m = g_strdup_printf ("%s:2: JSON nested deeper than 1000 levels", path);
  expect_error (reader, ACTNET_ERROR, ACTNET_ERROR_LIMIT, m);
  g_autofree char *m3 = g_strdup_printf ("%s:3: JSON nested deeper than 1000 levels", path);
  expect_error (reader, ACTNET_ERROR, ACTNET_ERROR_LIMIT, m3);
  expect_end (reader);
  actnet_test_rmdir (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_blank_links),
    cmocka_unit_test (test_blank_emphasis),
    cmocka_unit_test (test_blank_lines),
    cmocka_unit_test (test_blank_html_and_urls),
    cmocka_unit_test (test_blank_multibyte),
    cmocka_unit_test (test_blank_fuzz),
    cmocka_unit_test (test_blank_document_like_buffer),
    cmocka_unit_test (test_document_new),
    cmocka_unit_test (test_text_file),
    cmocka_unit_test (test_explicit_extensions),
    cmocka_unit_test (test_directory_order),
    cmocka_unit_test (test_file_errors),
    cmocka_unit_test (test_empty_inputs),
    cmocka_unit_test (test_jsonl_fields),
    cmocka_unit_test (test_jsonl_errors),
    cmocka_unit_test (test_jsonl_like_json_glib),
    cmocka_unit_test (test_jsonl_unusual_lines),
    cmocka_unit_test (test_jsonl_free_midway),
    cmocka_unit_test (test_stdin),
    cmocka_unit_test (test_libya_directory),
    cmocka_unit_test (test_batch_gzip),
    cmocka_unit_test (test_batch_globs),
    cmocka_unit_test (test_batch_files_from),
    cmocka_unit_test (test_batch_keep_going),
    cmocka_unit_test (test_input_position),
    cmocka_unit_test (test_max_document_size),
    cmocka_unit_test (test_devices_and_empty_directories),
    cmocka_unit_test (test_empty_documents_warning),
    cmocka_unit_test (test_deep_json),
  };
  return cmocka_run_group_tests_name ("corpus", tests, NULL, NULL);
}
