/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "test-util.h"
#include <actnet/actnet.h>

#include <string.h>

/* ---- Helpers ---------------------------------------------------------- */

static ActnetGold *
load_ok (const char *data, const char *name, ActnetGoldFormat format)
{
  GError *error = NULL;
  ActnetGold *gold = actnet_gold_load_data (data, -1, name, format, &error);
  if (error != NULL)
    print_error ("%s\n", error->message);
  assert_null (error);
  assert_non_null (gold);
  return gold;
}

static void
load_fails (const char *data, gssize length, const char *name, ActnetGoldFormat format,
            int code, const char *message)
{
  GError *error = NULL;
  ActnetGold *gold = actnet_gold_load_data (data, length, name, format, &error);
  assert_null (gold);
  assert_non_null (error);
  if (strcmp (error->message, message) != 0)
    print_error ("got '%s'\n", error->message);
  assert_string_equal (error->message, message);
  assert_true (g_error_matches (error, ACTNET_ERROR, code));
  g_error_free (error);
}

/* A gold mention written "doc:start-end:surface:id:type". */
static char *
describe (const ActnetGold *gold, const ActnetEvalMention *m)
{
  return g_strdup_printf ("%s:%zu-%zu:%s:%s:%s", actnet_gold_get_document_id (gold, m->doc),
                          m->start, m->end, m->surface, m->id, m->type);
}

static void
assert_mention (const ActnetGold *gold, guint i, const char *expected)
{
  g_autofree char *got = describe (gold, actnet_gold_get_mention (gold, i));
  assert_string_equal (got, expected);
}

static void
assert_types (const ActnetGold *gold, const char *expected)
{
  g_autofree char *got = g_strjoinv (" ", (char **) actnet_gold_get_types (gold));
  assert_string_equal (got, expected);
}

static void
assert_score (const ActnetEvalReport *report, const char *scope, guint n_gold,
              guint n_predicted, guint exact, double p, double r, double f,
              double op, double orr, double of)
{
  const ActnetEvalScore *s = actnet_eval_report_lookup_score (report, scope);
  if (s == NULL)
    print_error ("no scope '%s'\n", scope);
  assert_non_null (s);
  assert_string_equal (s->scope, scope);
  assert_int_equal (s->n_gold, n_gold);
  assert_int_equal (s->n_predicted, n_predicted);
  assert_int_equal (s->exact, exact);
  assert_close (s->precision, p, 1e-12);
  assert_close (s->recall, r, 1e-12);
  assert_close (s->f1, f, 1e-12);
  assert_close (s->overlap_precision, op, 1e-12);
  assert_close (s->overlap_recall, orr, 1e-12);
  assert_close (s->overlap_f1, of, 1e-12);
}

/* A mismatch written "doc:start-end:id:type" and, after " ~ ", the
 * overlapping mention of the other side the same way. */
static void
assert_mismatch (const ActnetGold *gold, const ActnetEvalMismatch *x, const char *expected)
{
  GString *got = g_string_new (NULL);
  const ActnetEvalMention *sides[] = { x->mention, x->overlap };
  for (guint i = 0; i < 2 && sides[i] != NULL; i++)
    g_string_append_printf (got, "%s%s:%zu-%zu:%s:%s", i > 0 ? " ~ " : "",
                            actnet_gold_get_document_id (gold, sides[i]->doc),
                            sides[i]->start, sides[i]->end, sides[i]->id, sides[i]->type);
  assert_string_equal (got->str, expected);
  g_string_free (got, TRUE);
}

static const char *const tsv_header = "doc\tstart\tend\tsurface\tid\tlabel\ttype\n";

/* ---- TSV loading ------------------------------------------------------ */

static void
test_tsv_load (void **state)
{
  g_autofree char *data = g_strconcat (
    tsv_header,
    "a.txt\t0\t5\tLibya\tlibya\tLibya\tplace\n"
    "# a comment, then a blank line\n"
    "\n"
    "a.txt\t10\t24\tKhalifa Haftar\tkhalifa_haftar\tKhalifa Haftar\tPER\r\n"
    "corpus/b.txt\t0\t7\tReuters\treuters\tReuters\tmedia\n"
    "corpus/b.txt\t10\t18\tJane Doe\tjane_doe\tJane Doe\tbyline\n"
    "a.txt\t30\t33\tLNA\tlna\tLibyan National Army\tORG\n"
    "a.txt\t40\t44\tEbro\tebro\tEbro\tevent\n", NULL);
  g_autoptr (ActnetGold) gold = load_ok (data, "gold.tsv", ACTNET_GOLD_FORMAT_AUTO);

  assert_int_equal (actnet_gold_get_format (gold), ACTNET_GOLD_FORMAT_TSV);
  assert_true (actnet_gold_has_ids (gold));
  assert_int_equal (actnet_gold_get_n_documents (gold), 2);
  assert_string_equal (actnet_gold_get_document_id (gold, 0), "a.txt");
  assert_string_equal (actnet_gold_get_document_id (gold, 1), "corpus/b.txt");
  gsize length = 99;
  assert_null (actnet_gold_get_document_text (gold, 0, &length));
  assert_int_equal (length, 0);

  assert_int_equal (actnet_gold_get_n_mentions (gold), 6);
  assert_mention (gold, 0, "a.txt:0-5:Libya:libya:place");
  assert_mention (gold, 1, "a.txt:10-24:Khalifa Haftar:khalifa_haftar:person");
  assert_mention (gold, 2, "corpus/b.txt:0-7:Reuters:reuters:media");
  assert_mention (gold, 3, "corpus/b.txt:10-18:Jane Doe:jane_doe:byline");
  assert_mention (gold, 4, "a.txt:30-33:LNA:lna:organization");
  assert_int_equal (actnet_gold_get_mention (gold, 0)->line, 2);
  assert_int_equal (actnet_gold_get_mention (gold, 1)->line, 5);
  assert_int_equal (actnet_gold_get_mention (gold, 5)->line, 9);
  /* Actor types first, other types by name, media and byline last. */
  assert_types (gold, "person organization place event media byline");

  /* Documents by exact id, else by basename. */
  assert_int_equal (actnet_gold_lookup_document (gold, "a.txt"), 0);
  assert_int_equal (actnet_gold_lookup_document (gold, "../shared/x/a.txt"), 0);
  assert_int_equal (actnet_gold_lookup_document (gold, "corpus/b.txt"), 1);
  assert_int_equal (actnet_gold_lookup_document (gold, "elsewhere/b.txt"), 1);
  assert_int_equal (actnet_gold_lookup_document (gold, "b.txt"), 1);
  assert_int_equal (actnet_gold_lookup_document (gold, "c.txt"), G_MAXUINT);
  assert_int_equal (actnet_gold_lookup_document (gold, "a.txt.bak"), G_MAXUINT);
}

static void
test_tsv_columns (void **state)
{
  /* Columns found by name; no id column: exact matches compare types. */
  g_autoptr (ActnetGold) gold = load_ok ("type\tend\tdoc\tstart\textra\n"
                                         "place\t5\td1\t0\tx\n"
                                         "person\t9\td1\t6\ty\n",
                                         "cols.tsv", ACTNET_GOLD_FORMAT_TSV);
  assert_false (actnet_gold_has_ids (gold));
  assert_int_equal (actnet_gold_get_n_mentions (gold), 2);
  assert_mention (gold, 0, "d1:0-5:::place");
  assert_mention (gold, 1, "d1:6-9:::person");
  /* Without surfaces only the bounds are checked against a text. */
  assert_true (actnet_gold_check_text (gold, 0, "Tunis and x", 11, NULL));
  assert_false (actnet_gold_check_text (gold, 0, "Tunis", 5, NULL));

  /* Two gold documents with one basename: the basename resolves to none. */
  g_autofree char *data = g_strconcat (tsv_header,
                                       "x/a.txt\t0\t1\tA\ta\tA\tplace\n"
                                       "y/a.txt\t0\t1\tA\ta\tA\tplace\n", NULL);
  g_autoptr (ActnetGold) twins = load_ok (data, "twins.tsv", ACTNET_GOLD_FORMAT_AUTO);
  assert_int_equal (actnet_gold_lookup_document (twins, "y/a.txt"), 1);
  assert_int_equal (actnet_gold_lookup_document (twins, "z/a.txt"), G_MAXUINT);
}

static void
test_check_text (void **state)
{
  g_autofree char *data = g_strconcat (tsv_header,
                                       "d\t0\t5\tLibya\tlibya\tLibya\tplace\n"
                                       "d\t10\t23\tMike Pompeo\tmike_pompeo\tMike Pompeo\tperson\n",
                                       NULL);
  g_autoptr (ActnetGold) gold = load_ok (data, "gold.tsv", ACTNET_GOLD_FORMAT_TSV);
  GError *error = NULL;
  /* A name broken across lines equals its one-space surface. */
  const char *text = "Libya and Mike\n\n Pompeo.";
  assert_true (actnet_gold_check_text (gold, 0, text, strlen (text) - 1, &error));
  assert_null (error);

  const char *other = "Tunis and Mike\n\n Pompeo.";
  assert_false (actnet_gold_check_text (gold, 0, other, strlen (other), &error));
  assert_string_equal (error->message, "gold.tsv:2: surface 'Libya' but d has 'Tunis' at 0-5 "
                       "(gold made for another version of the text?)");
  g_clear_error (&error);

  assert_false (actnet_gold_check_text (gold, 0, "Libya and Mike", 14, &error));
  assert_string_equal (error->message, "gold.tsv:3: span 10-23 is past the end of d (14 bytes)");
  g_clear_error (&error);
}

#define OK_LINE "x\t0\t5\tLibya\tlibya\tLibya\tplace\n"

static void
test_tsv_errors (void **state)
{
  struct {
    gboolean header;
    const char *body;
    const char *message;
  } cases[] = {
    { FALSE, "", "g.tsv:1: empty file: expected the header line (doc, start, end, ..., type)" },
    { FALSE, OK_LINE,
      "g.tsv:1: not a mentions TSV header: expected the columns doc, start, end and type "
      "(as written by 'actnet mentions': doc start end surface id label type)" },
    { FALSE, "doc\tstart\tend\tsurface\n",
      "g.tsv:1: not a mentions TSV header: expected the columns doc, start, end and type "
      "(as written by 'actnet mentions': doc start end surface id label type)" },
    { TRUE, "", "g.tsv: no mentions after the header" },
    { TRUE, OK_LINE "x\t6\t9\tfoo\n",
      "g.tsv:3: expected 7 tab-separated fields as in the header, found 4" },
    { TRUE, "x\t-1\t5\tLibya\tlibya\tLibya\tplace\n",
      "g.tsv:2: start and end must be byte offsets, found '-1' and '5'" },
    { TRUE, "x\t0\t5x\tLibya\tlibya\tLibya\tplace\n",
      "g.tsv:2: start and end must be byte offsets, found '0' and '5x'" },
    { TRUE, "x\t5\t5\tLibya\tlibya\tLibya\tplace\n", "g.tsv:2: empty or reversed span 5-5" },
    { TRUE, "x\t0\t5\tLibya\t\tLibya\tplace\n", "g.tsv:2: empty id" },
    { TRUE, "x\t0\t5\tLibya\tlibya\tLibya\t \n", "g.tsv:2: empty type" },
    { TRUE, "\t0\t5\tLibya\tlibya\tLibya\tplace\n", "g.tsv:2: empty doc" },
    { TRUE, "x\t0\t5\t\tlibya\tLibya\tplace\n", "g.tsv:2: empty surface" },
    { TRUE, OK_LINE "\n" OK_LINE, "g.tsv:4: the same mention as on line 2" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *data = g_strconcat (cases[i].header ? tsv_header : "", cases[i].body, NULL);
      load_fails (data, -1, "g.tsv", ACTNET_GOLD_FORMAT_TSV, ACTNET_ERROR_PARSE, cases[i].message);
    }
  /* A header-less mention line is recognised as TSV by auto, so the
   * message is about the header, not about CoNLL tags. */
  load_fails (OK_LINE, -1, "g.tsv", ACTNET_GOLD_FORMAT_AUTO, ACTNET_ERROR_PARSE, cases[1].message);

  g_autofree char *bad = g_strconcat (tsv_header, "x\t0\t5\tLib\xff\tlibya\tLibya\tplace\n", NULL);
  load_fails (bad, -1, "g.tsv", ACTNET_GOLD_FORMAT_AUTO, ACTNET_ERROR_ENCODING,
              "g.tsv:2: invalid UTF-8 (byte 0xFF)");
  const char nul[] = "doc\tstart\tend\ttype\nx\t0\x00\t1\tplace\n";
  load_fails (nul, sizeof nul - 1, "g.tsv", ACTNET_GOLD_FORMAT_AUTO, ACTNET_ERROR_ENCODING,
              "g.tsv:2: binary data (NUL byte), not gold annotations");

  GError *error = NULL;
  assert_null (actnet_gold_load_file ("/nonexistent/gold.tsv", ACTNET_GOLD_FORMAT_AUTO, &error));
  assert_true (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT));
  assert_non_null (strstr (error->message, "/nonexistent/gold.tsv"));
  g_clear_error (&error);
}

/* ---- CoNLL loading ---------------------------------------------------- */

static void
test_conll_iob2 (void **state)
{
  /* CoNLL-2003's four columns; two adjacent persons are told apart by B-. */
  g_autoptr (ActnetGold) gold = load_ok (
    "-DOCSTART- -X- -X- O\n"
    "\n"
    "Barack NNP B-NP B-PER\n"
    "Obama NNP I-NP I-PER\n"
    "Putin NNP I-NP B-PER\n"
    "met VBD B-VP O\n"
    "in IN B-PP O\n"
    "Tripoli NNP B-NP B-LOC\n"
    ". . O O\n"
    "\n"
    "NATO NNP B-NP B-ORG\n"
    "and CC O O\n"
    "Al NNP B-NP B-MEDIA\n"
    "Jazeera NNP I-NP I-MEDIA\n"
    "\n"
    "-DOCSTART- -X- -X- O\n"
    "\n"
    "Euro NNP B-NP B-MISC\n"
    "2012 CD I-NP I-MISC\n"
    "Benghazi NNP I-NP B-GPE\n",
    "g.conll", ACTNET_GOLD_FORMAT_AUTO);

  assert_int_equal (actnet_gold_get_format (gold), ACTNET_GOLD_FORMAT_CONLL);
  assert_false (actnet_gold_has_ids (gold));
  assert_int_equal (actnet_gold_get_n_documents (gold), 2);
  assert_string_equal (actnet_gold_get_document_id (gold, 0), "conll:1");
  assert_string_equal (actnet_gold_get_document_id (gold, 1), "conll:2");
  gsize length;
  const char *text = actnet_gold_get_document_text (gold, 0, &length);
  assert_string_equal (text, "Barack Obama Putin met in Tripoli .\nNATO and Al Jazeera\n");
  assert_int_equal (length, strlen (text));
  assert_string_equal (actnet_gold_get_document_text (gold, 1, NULL), "Euro 2012 Benghazi\n");

  assert_int_equal (actnet_gold_get_n_mentions (gold), 7);
  assert_mention (gold, 0, "conll:1:0-12:Barack Obama::person");
  assert_mention (gold, 1, "conll:1:13-18:Putin::person");
  assert_mention (gold, 2, "conll:1:26-33:Tripoli::place");
  assert_mention (gold, 3, "conll:1:36-40:NATO::organization");
  assert_mention (gold, 4, "conll:1:45-55:Al Jazeera::media");
  assert_mention (gold, 5, "conll:2:0-9:Euro 2012::misc");
  assert_mention (gold, 6, "conll:2:10-18:Benghazi::place");
  assert_int_equal (actnet_gold_get_mention (gold, 0)->line, 3);
  assert_int_equal (actnet_gold_get_mention (gold, 6)->line, 20);
  assert_types (gold, "person organization place misc media");
  /* The rebuilt text fits its own spans. */
  for (guint d = 0; d < 2; d++)
    {
      text = actnet_gold_get_document_text (gold, d, &length);
      assert_true (actnet_gold_check_text (gold, d, text, length, NULL));
    }
}

static void
test_conll_iob1 (void **state)
{
  /* IOB1: I- opens an entity unless it continues one of its type; B- only
   * separates two adjacent entities of one type. Tabs and runs of blanks
   * both separate columns; a blank line ends an entity. */
  g_autoptr (ActnetGold) gold = load_ok (
    "Obama\tI-PER\n"
    "Putin  B-PER\n"
    "met O\n"
    "Merkel I-PER\n"
    "Sarkozy I-ORG\n"
    "and O\n"
    "Libya I-LOC\n"
    "Chad I-LOC\n"
    "\n"
    "Tunisia I-LOC\r\n"
    "  \n"
    "Egypt I-LOC\n",
    "iob1.conll", ACTNET_GOLD_FORMAT_CONLL);
  assert_int_equal (actnet_gold_get_n_documents (gold), 1);
  assert_string_equal (actnet_gold_get_document_text (gold, 0, NULL),
                       "Obama Putin met Merkel Sarkozy and Libya Chad\nTunisia\nEgypt\n");
  assert_int_equal (actnet_gold_get_n_mentions (gold), 7);
  assert_mention (gold, 0, "conll:1:0-5:Obama::person");
  assert_mention (gold, 1, "conll:1:6-11:Putin::person");
  assert_mention (gold, 2, "conll:1:16-22:Merkel::person");
  assert_mention (gold, 3, "conll:1:23-30:Sarkozy::organization");
  assert_mention (gold, 4, "conll:1:35-45:Libya Chad::place");
  assert_mention (gold, 5, "conll:1:46-53:Tunisia::place");
  assert_mention (gold, 6, "conll:1:54-59:Egypt::place");
}

static void
test_conll_documents (void **state)
{
  /* Named documents; a section with no tokens gives no document; tokens
   * before the first -DOCSTART- form document 1. */
  g_autoptr (ActnetGold) gold = load_ok ("Haftar B-PER\n"
                                         "\n"
                                         "-DOCSTART- first.txt O\n"
                                         "-DOCSTART- second.txt\n"
                                         "\n"
                                         "Sirte B-LOC\n"
                                         "-DOCSTART- -X- -X- O\n"
                                         "Misrata B-LOC\n",
                                         "docs.conll", ACTNET_GOLD_FORMAT_AUTO);
  assert_int_equal (actnet_gold_get_n_documents (gold), 3);
  assert_string_equal (actnet_gold_get_document_id (gold, 0), "conll:1");
  assert_string_equal (actnet_gold_get_document_id (gold, 1), "second.txt");
  assert_string_equal (actnet_gold_get_document_id (gold, 2), "conll:4");
  assert_mention (gold, 0, "conll:1:0-6:Haftar::person");
  assert_mention (gold, 1, "second.txt:0-5:Sirte::place");
  assert_mention (gold, 2, "conll:4:0-7:Misrata::place");
  assert_string_equal (actnet_gold_get_document_text (gold, 1, NULL), "Sirte\n");
  assert_int_equal (actnet_gold_lookup_document (gold, "dir/second.txt"), 1);
}

static void
test_conll_errors (void **state)
{
  struct {
    const char *data;
    const char *message;
  } cases[] = {
    { "Libya B-LOC\nis O\nbig X-FOO\n",
      "g.conll:3: 'X-FOO' is not an NER tag (expected O, B-TYPE or I-TYPE)" },
    { "Libya B-\n", "g.conll:1: 'B-' is not an NER tag (expected O, B-TYPE or I-TYPE)" },
    { "Libya E-LOC\n", "g.conll:1: 'E-LOC' is not an NER tag (expected O, B-TYPE or I-TYPE)" },
    { "Libya B-LOC\n\nTripoli\n",
      "g.conll:3: expected a token and its NER tag, found one column ('Tripoli')" },
    { "-DOCSTART- a\nx O\n-DOCSTART- a\ny O\n", "g.conll:3: document id 'a' used twice" },
    { "", "g.conll: no tokens: not a CoNLL file" },
    { "-DOCSTART- -X- -X- O\n\n\n", "g.conll: no tokens: not a CoNLL file" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    load_fails (cases[i].data, -1, "g.conll", ACTNET_GOLD_FORMAT_CONLL, ACTNET_ERROR_PARSE,
                cases[i].message);
  load_fails ("Libya B-LOC\nLib\xc3 O\n", -1, "g.conll", ACTNET_GOLD_FORMAT_AUTO,
              ACTNET_ERROR_ENCODING, "g.conll:2: invalid UTF-8 (byte 0xC3)");

  ActnetGoldFormat format = ACTNET_GOLD_FORMAT_TSV;
  assert_true (actnet_gold_format_parse ("CoNLL", &format, NULL));
  assert_int_equal (format, ACTNET_GOLD_FORMAT_CONLL);
  assert_true (actnet_gold_format_parse ("auto", &format, NULL));
  assert_int_equal (format, ACTNET_GOLD_FORMAT_AUTO);
  GError *error = NULL;
  assert_false (actnet_gold_format_parse ("xml", &format, &error));
  assert_true (g_error_matches (error, ACTNET_ERROR, ACTNET_ERROR_INVALID_ARGUMENT));
  assert_string_equal (error->message, "unknown gold format 'xml' (expected tsv, conll or auto)");
  g_clear_error (&error);
}

/* ---- Scoring ---------------------------------------------------------- */

/* Gold: five actor mentions in a.txt, a media outlet and a byline in b.txt. */
static ActnetGold *
scoring_gold (void)
{
  g_autofree char *data = g_strconcat (
    tsv_header,
    "a.txt\t0\t5\tLibya\tlibya\tLibya\tplace\n"
    "a.txt\t10\t24\tKhalifa Haftar\tkhalifa_haftar\tKhalifa Haftar\tperson\n"
    "a.txt\t30\t33\tLNA\tlna\tLNA\torganization\n"
    "a.txt\t40\t45\tSirte\tsirte\tSirte\tplace\n"
    "a.txt\t60\t66\tTobruk\ttobruk\tTobruk\tplace\n"
    "b.txt\t0\t7\tReuters\treuters\tReuters\tmedia\n"
    "b.txt\t10\t18\tJane Doe\tjane_doe\tJane Doe\tbyline\n", NULL);
  return load_ok (data, "score.tsv", ACTNET_GOLD_FORMAT_TSV);
}

static void
add (ActnetEval *eval, const char *doc, gsize start, gsize end, const char *id,
     const char *type, gboolean scored)
{
  guint d = actnet_gold_lookup_document (actnet_eval_get_gold (eval), doc);
  assert_int_not_equal (d, G_MAXUINT);
  assert_int_equal (actnet_eval_add_prediction (eval, d, start, end, id, id, type), scored);
}

static void
test_scoring (void **state)
{
  g_autoptr (ActnetGold) gold = scoring_gold ();
  g_autoptr (ActnetEval) eval = actnet_eval_new (gold);
  assert_ptr_equal (actnet_eval_get_gold (eval), gold);
  add (eval, "dir/a.txt", 0, 5, "libya", "place", TRUE);             /* exact */
  add (eval, "dir/a.txt", 18, 24, "khalifa_haftar", "PER", TRUE);    /* overlap only */
  add (eval, "dir/a.txt", 30, 33, "nato", "organization", TRUE);     /* same span, wrong id */
  add (eval, "dir/a.txt", 50, 55, "tripoli", "place", TRUE);         /* false alarm */
  add (eval, "dir/a.txt", 70, 75, "fifa", "misc", FALSE);            /* not a gold type */
  add (eval, "dir/b.txt", 0, 7, "reuters", "media", TRUE);           /* media, exact */
  add (eval, "dir/b.txt", 10, 18, "jane_doe", "person", TRUE);       /* a byline found as a person */
  assert_int_equal (actnet_eval_get_n_predictions (eval), 6);
  assert_string_equal (actnet_eval_get_prediction (eval, 1)->type, "person");
  assert_int_equal (actnet_eval_get_prediction (eval, 1)->line, 0);

  g_autoptr (ActnetEvalReport) report = actnet_eval_report_new (eval);
  assert_int_equal (actnet_eval_report_get_n_scores (report), 6);
  const char *scopes[] = { "all", "person", "organization", "place", "media", "byline" };
  for (guint i = 0; i < 6; i++)
    assert_string_equal (actnet_eval_report_get_score (report, i)->scope, scopes[i]);
  assert_null (actnet_eval_report_lookup_score (report, "misc"));

  /* all: 5 gold, 5 predictions (the person-typed byline counts, the media
   * does not), 1 exact; overlap: Libya and Haftar on both sides. */
  assert_score (report, "all", 5, 5, 1, 0.2, 0.2, 0.2, 0.4, 0.4, 0.4);
  /* person: Haftar's partial span and Jane Doe; P 1/2, R 1/1 by overlap. */
  assert_score (report, "person", 1, 2, 0, 0, 0, 0, 0.5, 1, 2 * 0.5 / 1.5);
  assert_score (report, "organization", 1, 1, 0, 0, 0, 0, 0, 0, 0);
  assert_score (report, "place", 3, 2, 1, 0.5, 1.0 / 3, 0.4, 0.5, 1.0 / 3, 0.4);
  assert_score (report, "media", 1, 1, 1, 1, 1, 1, 1, 1, 1);
  /* Nothing predicted: precision 1 by convention, recall and F1 0. */
  assert_score (report, "byline", 1, 0, 0, 1, 0, 0, 1, 0, 0);

  assert_int_equal (actnet_eval_report_get_n_misses (report), 5);
  const char *misses[] = {
    "a.txt:10-24:khalifa_haftar:person ~ a.txt:18-24:khalifa_haftar:person",
    "a.txt:30-33:lna:organization ~ a.txt:30-33:nato:organization",
    "a.txt:40-45:sirte:place",
    "a.txt:60-66:tobruk:place",
    "b.txt:10-18:jane_doe:byline ~ b.txt:10-18:jane_doe:person",
  };
  for (guint i = 0; i < 5; i++)
    assert_mismatch (gold, actnet_eval_report_get_miss (report, i), misses[i]);
  assert_int_equal (actnet_eval_report_get_n_false_alarms (report), 4);
  const char *false_alarms[] = {
    "a.txt:18-24:khalifa_haftar:person ~ a.txt:10-24:khalifa_haftar:person",
    "a.txt:30-33:nato:organization ~ a.txt:30-33:lna:organization",
    "a.txt:50-55:tripoli:place",
    "b.txt:10-18:jane_doe:person ~ b.txt:10-18:jane_doe:byline",
  };
  for (guint i = 0; i < 4; i++)
    assert_mismatch (gold, actnet_eval_report_get_false_alarm (report, i), false_alarms[i]);
  /* The surfaces and gold lines come along. */
  assert_string_equal (actnet_eval_report_get_miss (report, 3)->mention->surface, "Tobruk");
  assert_int_equal (actnet_eval_report_get_miss (report, 3)->mention->line, 6);
  assert_string_equal (actnet_eval_report_get_false_alarm (report, 2)->mention->surface, "tripoli");
}

static void
test_scoring_edges (void **state)
{
  g_autoptr (ActnetGold) gold = scoring_gold ();

  /* No predictions at all. */
  g_autoptr (ActnetEval) empty = actnet_eval_new (gold);
  g_autoptr (ActnetEvalReport) none = actnet_eval_report_new (empty);
  assert_score (none, "all", 5, 0, 0, 1, 0, 0, 1, 0, 0);
  assert_int_equal (actnet_eval_report_get_n_misses (none), 7);
  assert_int_equal (actnet_eval_report_get_n_false_alarms (none), 0);

  /* A prediction made twice matches once: exact matching is one to one,
   * but both copies overlap the gold mention. Predictions may come in any
   * order. */
  g_autoptr (ActnetEval) eval = actnet_eval_new (gold);
  add (eval, "a.txt", 60, 66, "tobruk", "place", TRUE);
  add (eval, "a.txt", 0, 5, "libya", "place", TRUE);
  add (eval, "a.txt", 0, 5, "libya", "place", TRUE);
  /* One long prediction over two gold mentions of the same id overlaps
   * both; the short gold LNA is found inside a longer span. */
  add (eval, "a.txt", 25, 50, "lna", "organization", TRUE);
  g_autoptr (ActnetEvalReport) report = actnet_eval_report_new (eval);
  assert_score (report, "all", 5, 4, 2, 0.5, 0.4, 2 * 0.5 * 0.4 / 0.9,
                1.0, 0.6, 2 * 0.6 / 1.6);
  assert_score (report, "organization", 1, 1, 0, 0, 0, 0, 1, 1, 1);
  assert_int_equal (actnet_eval_report_get_n_false_alarms (report), 2);
  assert_mismatch (gold, actnet_eval_report_get_false_alarm (report, 0),
                   "a.txt:0-5:libya:place ~ a.txt:0-5:libya:place");
  /* The first overlapping gold mention is reported: LNA, before Sirte. */
  assert_mismatch (gold, actnet_eval_report_get_false_alarm (report, 1),
                   "a.txt:25-50:lna:organization ~ a.txt:30-33:lna:organization");
}

static void
test_scoring_conll (void **state)
{
  /* CoNLL gold has no ids: exact and overlap compare types. */
  g_autoptr (ActnetGold) gold = load_ok ("Khalifa B-PER\nHaftar I-PER\nleft O\nLibya B-LOC\n"
                                         "for O\nNew B-LOC\nYork I-LOC\n. O\n",
                                         "t.conll", ACTNET_GOLD_FORMAT_CONLL);
  g_autoptr (ActnetEval) eval = actnet_eval_new (gold);
  assert_true (actnet_eval_add_prediction (eval, 0, 8, 14, "Haftar", "any_id", "person"));
  assert_true (actnet_eval_add_prediction (eval, 0, 20, 25, "Libya", "libya", "place"));
  assert_true (actnet_eval_add_prediction (eval, 0, 30, 38, "New York", NULL, "person"));
  g_autoptr (ActnetEvalReport) report = actnet_eval_report_new (eval);
  assert_score (report, "all", 3, 3, 1, 1.0 / 3, 1.0 / 3, 1.0 / 3, 2.0 / 3, 2.0 / 3, 2.0 / 3);
  assert_score (report, "place", 2, 1, 1, 1, 0.5, 2.0 / 3, 1, 0.5, 2.0 / 3);
  assert_mismatch (gold, actnet_eval_report_get_false_alarm (report, 1),
                   "conll:1:30-38::person ~ conll:1:30-38::place");
}

static void
test_matcher_predictions (void **state)
{
  /* actnet_eval_add_mentions() takes ids, types and surfaces from the
   * gazetteer and the text; a media actor is scored only because the gold
   * marks media. */
  g_autoptr (ActnetGazetteer) gaz = actnet_gazetteer_new ();
  GError *error = NULL;
  assert_true (actnet_gazetteer_load_data (gaz,
                                           "khalifa_haftar\tperson\tKhalifa Haftar\tHaftar\n"
                                           "tripoli\tplace\tTripoli\n"
                                           "new_york\tplace\tNew York\n"
                                           "new_york_times\tmedia\tNew York Times\n"
                                           "fifa\tmisc\tFIFA\n",
                                           -1, "gaz.tsv", &error));
  g_autoptr (ActnetMatcher) matcher = actnet_matcher_new (gaz, &error);
  assert_non_null (matcher);
  const char *text = "Haftar's men neared Tripoli, the New\nYork Times and FIFA said.";
  g_autofree char *data = g_strconcat (tsv_header,
                                       "d.txt\t0\t6\tHaftar\tkhalifa_haftar\tKhalifa Haftar\tperson\n"
                                       "d.txt\t20\t27\tTripoli\ttripoli\tTripoli\tplace\n"
                                       "d.txt\t33\t47\tNew York Times\tnew_york_times\tNYT\tmedia\n",
                                       NULL);
  g_autoptr (ActnetGold) gold = load_ok (data, "m.tsv", ACTNET_GOLD_FORMAT_TSV);
  assert_true (actnet_gold_check_text (gold, 0, text, strlen (text), &error));
  g_autoptr (ActnetDocument) document = actnet_document_new ("texts/d.txt", text, -1, FALSE);
  g_autoptr (GArray) mentions = actnet_document_find_mentions (matcher, document);
  assert_int_equal (mentions->len, 4);
  g_autoptr (ActnetEval) eval = actnet_eval_new (gold);
  guint doc = actnet_gold_lookup_document (gold, document->id);
  assert_int_equal (doc, 0);
  assert_int_equal (actnet_eval_add_mentions (eval, doc, document->text, mentions, gaz), 3);
  assert_string_equal (actnet_eval_get_prediction (eval, 2)->surface, "New York Times");
  g_autoptr (ActnetEvalReport) report = actnet_eval_report_new (eval);
  assert_score (report, "all", 2, 2, 2, 1, 1, 1, 1, 1, 1);
  assert_score (report, "media", 1, 1, 1, 1, 1, 1, 1, 1, 1);
  assert_int_equal (actnet_eval_report_get_n_misses (report), 0);
  assert_int_equal (actnet_eval_report_get_n_false_alarms (report), 0);
}

/* ---- The gold sets of the project ------------------------------------- */

static void
test_texts_gold (void **state)
{
  /* The TSV and the CoNLL form of the second gold set carry the same
   * annotations: same surfaces and types, in the same order. */
  g_autofree char *tsv_path = actnet_test_source_path ("tests/gold/texts-gold.tsv");
  g_autofree char *conll_path = actnet_test_source_path ("tests/gold/texts-gold.conll");
  GError *error = NULL;
  g_autoptr (ActnetGold) tsv = actnet_gold_load_file (tsv_path, ACTNET_GOLD_FORMAT_AUTO, &error);
  assert_null (error);
  g_autoptr (ActnetGold) conll = actnet_gold_load_file (conll_path, ACTNET_GOLD_FORMAT_AUTO, &error);
  assert_null (error);
  assert_int_equal (actnet_gold_get_format (conll), ACTNET_GOLD_FORMAT_CONLL);
  assert_int_equal (actnet_gold_get_n_documents (tsv), 15);
  assert_int_equal (actnet_gold_get_n_documents (conll), 15);
  assert_int_equal (actnet_gold_get_n_mentions (tsv), 339);
  assert_int_equal (actnet_gold_get_n_mentions (conll), 339);
  assert_types (tsv, "person organization place media byline");
  assert_types (conll, "person organization place media byline");
  for (guint i = 0; i < 339; i++)
    {
      const ActnetEvalMention *a = actnet_gold_get_mention (tsv, i);
      const ActnetEvalMention *b = actnet_gold_get_mention (conll, i);
      assert_string_equal (a->surface, b->surface);
      assert_string_equal (a->type, b->type);
      assert_string_equal (actnet_gold_get_document_id (tsv, a->doc),
                           actnet_gold_get_document_id (conll, b->doc));
    }

  /* Every TSV span cuts its text at its surface. */
  for (guint d = 0; d < 15; d++)
    {
      g_autofree char *relative = g_build_filename ("tests/gold/texts",
                                                    actnet_gold_get_document_id (tsv, d), NULL);
      g_autofree char *path = actnet_test_source_path (relative);
      g_autofree char *text = NULL;
      gsize length;
      assert_true (g_file_get_contents (path, &text, &length, NULL));
      assert_true (actnet_gold_check_text (tsv, d, text, length, &error));
      assert_null (error);
    }
}

static ActnetGold *
libya_gold (void)
{
  g_autofree char *gold_path = actnet_test_source_path ("tests/gold/libya-gold.tsv");
  GError *error = NULL;
  ActnetGold *gold = actnet_gold_load_file (gold_path, ACTNET_GOLD_FORMAT_AUTO, &error);
  assert_null (error);
  return gold;
}

static void
test_libya_gold (void **state)
{
  g_autoptr (ActnetGold) gold = libya_gold ();
  assert_int_equal (actnet_gold_get_n_documents (gold), 4);
  assert_int_equal (actnet_gold_get_n_mentions (gold), 361);
  assert_types (gold, "person organization place");
}

static void
test_libya_gold_fits_articles (void **state)
{
  char *libya = actnet_test_shared_path ("corpus/libya");
  if (libya == NULL)
    skip ();
  g_autoptr (ActnetGold) gold = libya_gold ();
  GError *error = NULL;
  for (guint d = 0; d < 4; d++)
    {
      g_autofree char *path = g_build_filename (libya, actnet_gold_get_document_id (gold, d), NULL);
      g_autofree char *text = NULL;
      gsize length;
      assert_true (g_file_get_contents (path, &text, &length, NULL));
      assert_true (actnet_gold_check_text (gold, d, text, length, &error));
      assert_null (error);
    }
  g_free (libya);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_tsv_load),
    cmocka_unit_test (test_tsv_columns),
    cmocka_unit_test (test_check_text),
    cmocka_unit_test (test_tsv_errors),
    cmocka_unit_test (test_conll_iob2),
    cmocka_unit_test (test_conll_iob1),
    cmocka_unit_test (test_conll_documents),
    cmocka_unit_test (test_conll_errors),
    cmocka_unit_test (test_scoring),
    cmocka_unit_test (test_scoring_edges),
    cmocka_unit_test (test_scoring_conll),
    cmocka_unit_test (test_matcher_predictions),
    cmocka_unit_test (test_texts_gold),
    cmocka_unit_test (test_libya_gold),
    cmocka_unit_test (test_libya_gold_fits_articles),
  };
  return cmocka_run_group_tests_name ("eval", tests, NULL, NULL);
}
