/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet.h>

#include <string.h>

/* ---- word lists ---------------------------------------------------------
 * All compared with normalised keys (lower case, diacritics folded). */

/* Lower-case words that may join capitalised words inside a name:
 * "Gulf of Sidra", "Saif al-Islam", "Osama bin Laden". "and" is handled
 * apart (only inside organisation names). */
static const char *const connector_words[] = {
  "of", "the", "al", "el", "bin", "ibn", "abu", "de", NULL
};

/* Closed-class words (articles, prepositions, conjunctions, pronouns,
 * determiners, sentence adverbs): capitalised only because they open a
 * sentence, so stripped there ("The Libyan Red Crescent" -> "Libyan Red
 * Crescent"). They also tell title case (headlines) from prose. */
static const char *const function_words[] = {
  "the", "a", "an", "in", "on", "at", "by", "for", "from", "to", "of", "with",
  "and", "but", "or", "nor", "as", "if", "when", "while", "after", "before",
  "since", "during", "despite", "although", "though", "yet", "so", "this",
  "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you",
  "his", "her", "their", "our", "my", "your", "some", "many", "most", "other",
  "such", "there", "here", "what", "which", "who", "why", "how", "where",
  "meanwhile", "however", "also", "even", "only", "according", "under",
  "over", "amid", "among", "following", "unlike", "like", "until", "once",
  "both", "all", "each", "every", "no", "not", "then", "now", "into", "about",
  /* sentence adverbs and "Former (British Prime Minister ...)" */
  "yesterday", "today", "tomorrow", "earlier", "later", "last", "next",
  "recently", "former", "still", "thus", "indeed", "perhaps", "already",
  NULL
};

/* Titles before a person's name, longest forms listed: "Secretary of
 * State Hillary Clinton" -> "Hillary Clinton" (person). Abbreviations are
 * the word before the dot ("Gen." -> "gen"). A hyphen reads as a space
 * ("Secretary-General"). */
static const char *const titles[] = {
  "president", "vice president", "prime minister", "deputy prime minister",
  "minister", "foreign minister", "defence minister", "defense minister",
  "interior minister", "oil minister", "finance minister", "deputy minister",
  "minister of foreign affairs", "minister of defence", "minister of defense",
  "minister of interior", "minister of the interior",
  "secretary", "secretary of state", "secretary of defense", "secretary general",
  "general", "gen", "lieutenant general", "lt gen", "major general", "maj gen",
  "brigadier general", "brigadier", "brig gen", "brig", "field marshal", "marshal",
  "colonel", "col", "lieutenant colonel", "lt col", "lieutenant", "lt",
  "captain", "capt", "major", "maj", "commander", "admiral", "adm",
  "sergeant", "sgt", "dr", "doctor", "mr", "mrs", "ms", "prof", "professor",
  "sheikh", "shaikh", "king", "queen", "prince", "princess", "crown prince",
  "emir", "sultan", "ambassador", "envoy", "special envoy", "senator", "sen",
  "rep", "representative", "governor", "gov", "mayor", "chancellor", "premier",
  "speaker", "chairman", "chairwoman", "imam", "pope", "spokesman",
  "spokeswoman", "chief", "leader", "judge",
  NULL
};

/* Abbreviations whose dot does not end a name ("Gen. Khalifa Haftar");
 * single capital letters (initials, "U.S.") are allowed too. */
static const char *const abbreviations[] = {
  "gen", "col", "lt", "maj", "brig", "capt", "adm", "sgt", "dr", "mr", "mrs",
  "ms", "prof", "sen", "rep", "gov", "st", "jr", "sr", NULL
};

/* Lower-case role nouns right before a name mark a person ("LNA
 * spokesman Ahmed al-Mismari"); the one-word titles count too. */
static const char *const role_words[] = {
  "spokesman", "spokeswoman", "commander", "envoy", "leader", "chief",
  "minister", "president", "general", "colonel", "ambassador", "premier",
  "secretary", "chairman", "king", "prince", "sheikh", "emir", "judge", NULL
};

/* A word of these makes the phrase an organization. */
static const char *const organization_words[] = {
  "army", "council", "party", "brigade", "brigades", "front", "ministry",
  "union", "organization", "organisation", "agency", "committee", "court",
  "bank", "company", "corporation", "forces", "movement", "government",
  "congress", "assembly", "state", "group", "news", "times", "post",
  "commission", "department", "alliance", "coalition", "authority",
  "institute", "university", "centre", "center", "foundation", "association",
  "federation", NULL
};

/* Prepositions right before a phrase that mark a place. */
static const char *const place_words[] = { "in", "at", "from", "near", "to", NULL };

/* Capitalised by convention, never actors: a month alone ("May" may end
 * "Theresa May"), a weekday anywhere ("Last Friday"). */
static const char *const month_words[] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december", NULL
};
static const char *const weekday_words[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL
};

static gboolean
in_list (const char *const *list, const char *key)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (list[i], key) == 0)
      return TRUE;
  return FALSE;
}

/* ---- candidates -------------------------------------------------------- */

typedef struct {
  char *key;
  GHashTable *surfaces;     /* surface (owned) -> count */
  GPtrArray *order;         /* surfaces in first-seen order (borrowed) */
  guint count;
  guint mid_count;          /* occurrences not at a sentence start */
  guint documents;
  guint last_document;      /* 1-based serial of the last document seen */
  guint person_votes;
  guint place_votes;
  gboolean acronym;
  gboolean organization;    /* holds an organization word */
  gboolean single;          /* one capitalised word, not an acronym */
  GHashTable *peers;        /* actor + 1 -> sentences shared */
  guint peer_document;      /* the last sentence whose peers were counted */
  guint peer_sentence;
  /* Filled by a ranking. */
  char *id;
  GPtrArray *variants;      /* borrowed surfaces, NULL-terminated */
} Candidate;

struct _ActnetSuggester {
  const ActnetMatcher *matcher;
  GHashTable *words;        /* normalised dictionary words -> NULL, or NULL */
  GHashTable *candidates;   /* key (borrowed) -> Candidate* */
  GPtrArray *order;         /* Candidate*, first-seen order (owns them) */
  guint n_documents;
};

static void
candidate_free (gpointer data)
{
  Candidate *c = data;
  g_free (c->key);
  g_hash_table_destroy (c->surfaces);
  g_ptr_array_unref (c->order);
  g_hash_table_destroy (c->peers);
  g_free (c->id);
  if (c->variants != NULL)
    g_ptr_array_unref (c->variants);
  g_free (c);
}

ActnetSuggester *
actnet_suggester_new (const ActnetMatcher *matcher)
{
  ActnetSuggester *s = g_new0 (ActnetSuggester, 1);
  s->matcher = matcher;
  s->candidates = g_hash_table_new (g_str_hash, g_str_equal);
  s->order = g_ptr_array_new_with_free_func (candidate_free);
  return s;
}

void
actnet_suggester_free (ActnetSuggester *suggester)
{
  if (suggester == NULL)
    return;
  g_hash_table_destroy (suggester->candidates);
  g_ptr_array_unref (suggester->order);
  if (suggester->words != NULL)
    g_hash_table_destroy (suggester->words);
  g_free (suggester);
}

void
actnet_suggester_add_words (ActnetSuggester *suggester, const char *data, gssize length)
{
  g_return_if_fail (suggester != NULL);
  g_return_if_fail (data != NULL || length == 0);
  gsize len = length < 0 ? strlen (data) : (gsize) length;
  if (suggester->words == NULL)
    suggester->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *end = data + len;
  for (const char *p = data; p < end;)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      if (eol == NULL)
        eol = end;
      g_autofree char *word = g_strstrip (g_strndup (p, (gsize) (eol - p)));
      p = eol + 1;
      /* Possessives ("Libya's") can never be a one-word phrase. */
      if (*word != '\0' && strchr (word, '\'') == NULL && g_utf8_validate (word, -1, NULL))
        g_hash_table_add (suggester->words, actnet_text_normalize (word, -1));
    }
}

gboolean
actnet_suggester_load_words (ActnetSuggester *suggester, const char *path, GError **error)
{
  g_return_val_if_fail (suggester != NULL && path != NULL, FALSE);
  g_autofree char *contents = NULL;
  gsize length = 0;
  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  actnet_suggester_add_words (suggester, contents, (gssize) length);
  return TRUE;
}

/* ---- one document -------------------------------------------------------- */

/* How a word is joined to the word before it. */
enum {
  LINK_NONE,    /* punctuation, a paragraph break, a sentence break */
  LINK_SPACE,   /* whitespace within a paragraph */
  LINK_HYPHEN,  /* "al-Sharia", "Secretary-General" */
  LINK_APOS,    /* "O'Brien" (a possessive 's is refused later) */
  LINK_DOT      /* "Gen. Haftar", "J. Christopher", "U.S." */
};

typedef struct {
  gsize start, end;
  const char *key;
  guint8 flags;          /* ActnetCaseFlags */
  guint8 link;           /* to the previous word */
  gboolean covered;      /* inside a gazetteer mention */
  gboolean capitals;     /* two or more cased letters, none lower case */
  gboolean single_capital; /* one capital letter and nothing else */
  guint sentence;
  gboolean sentence_first;
} Word;

typedef struct {
  ActnetSuggester *suggester;
  const ActnetDocument *document;
  const ActnetGazetteer *gazetteer;
  Word *words;
  guint n_words;
  const GArray *mentions;
  guint *mention_sentence;   /* per mention */
  guint *first_mention;      /* per sentence (+1): first mention index */
  guint n_sentences;
  gboolean *headline;        /* per sentence */
  GString *surface;
} DocScan;

static gboolean
is_name_word (const Word *w)
{
  return !w->covered && (w->flags & ACTNET_CASE_FIRST_UPPER) != 0;
}

static gboolean
is_connector (const Word *w)
{
  return !w->covered && (w->flags & ACTNET_CASE_HAS_UPPER) == 0
         && (in_list (connector_words, w->key) || strcmp (w->key, "and") == 0);
}

/* A lower-case "al"/"el" glued by a hyphen to a capitalised word
 * ("al-Qaeda") may start a name. */
static gboolean
is_prefix (const DocScan *scan, guint i)
{
  const Word *w = &scan->words[i];
  return !w->covered && (strcmp (w->key, "al") == 0 || strcmp (w->key, "el") == 0)
         && i + 1 < scan->n_words && scan->words[i + 1].link == LINK_HYPHEN
         && is_name_word (&scan->words[i + 1]);
}

static gboolean
can_continue (const DocScan *scan, guint k)
{
  const Word *w = &scan->words[k];
  const Word *prev = &scan->words[k - 1];
  if (w->covered)
    return FALSE;
  switch (w->link)
    {
    case LINK_SPACE:
      /* "the" joins only after "of" ("Bank of the Republic"); alone it
       * starts a new phrase ("Yesterday the Libyan government"). */
      if (is_connector (w) && strcmp (w->key, "the") == 0)
        return strcmp (prev->key, "of") == 0 && is_connector (prev);
      return is_name_word (w) || is_connector (w);
    case LINK_HYPHEN:
      return is_name_word (w) || is_prefix (scan, k);
    case LINK_APOS:
      return is_name_word (w) && strcmp (w->key, "s") != 0;
    case LINK_DOT:
      return is_name_word (w)
             && (prev->single_capital || in_list (abbreviations, prev->key));
    default:
      return FALSE;
    }
}

/* Length in words of the longest title at @q (before @end), or 0. */
static guint
title_at (const DocScan *scan, guint q, guint end)
{
  guint best = 0;
  for (guint t = 0; titles[t] != NULL; t++)
    {
      const char *p = titles[t];
      guint n = 0;
      gboolean ok = TRUE;
      while (*p != '\0' && ok)
        {
          const char *space = strchr (p, ' ');
          gsize len = space != NULL ? (gsize) (space - p) : strlen (p);
          if (q + n >= end || strlen (scan->words[q + n].key) != len
              || strncmp (scan->words[q + n].key, p, len) != 0)
            ok = FALSE;
          n++;
          p += len;
          if (*p == ' ')
            p++;
        }
      if (ok && n > best)
        best = n;
    }
  return best;
}

static gboolean
has_organization_word (const DocScan *scan, guint start, guint end)
{
  for (guint i = start; i < end; i++)
    if (in_list (organization_words, scan->words[i].key))
      return TRUE;
  return FALSE;
}

/* Whether the word before @i, joined by a space, is lower case and in
 * @list. */
static gboolean
preceded_by (const DocScan *scan, guint i, const char *const *list)
{
  if (i == 0 || scan->words[i].link != LINK_SPACE)
    return FALSE;
  const Word *w = &scan->words[i - 1];
  return !w->covered && (w->flags & ACTNET_CASE_HAS_UPPER) == 0 && in_list (list, w->key);
}

static Candidate *
candidate_get (ActnetSuggester *suggester, const char *key)
{
  Candidate *c = g_hash_table_lookup (suggester->candidates, key);
  if (c != NULL)
    return c;
  c = g_new0 (Candidate, 1);
  c->key = g_strdup (key);
  c->surfaces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->order = g_ptr_array_new ();
  c->peers = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_ptr_array_add (suggester->order, c);
  g_hash_table_insert (suggester->candidates, c->key, c);
  return c;
}

/* Records the phrase made of words [s, e). */
static void
emit (DocScan *scan, guint s, guint e, gboolean person)
{
  /* Connectors only join: none at the ends, but for a prefix ("al-Qaeda"). */
  while (s < e && is_connector (&scan->words[s]) && !is_prefix (scan, s))
    s++;
  while (e > s && is_connector (&scan->words[e - 1]))
    e--;
  if (s == e)
    return;
  const Word *first = &scan->words[s];
  const Word *last = &scan->words[e - 1];
  guint n = e - s;

  gboolean dotted = n >= 2 && n <= 6;
  for (guint i = s; i < e && dotted; i++)
    dotted = scan->words[i].single_capital && (i == s || scan->words[i].link == LINK_DOT);
  gboolean acronym = dotted
                     || (n == 1 && first->capitals && strlen (first->key) >= 2
                         && strlen (first->key) <= 6);
  if (n == 1 && !acronym)
    {
      /* A lone dictionary word ("Libyan", "Western", "Research") is an
       * adjective, a demonym or a word capitalised for emphasis; a real
       * name the dictionary knows ("Stevens") shows in its full form. */
      if (in_list (month_words, first->key) || g_utf8_strlen (first->key, -1) < 2
          || (scan->suggester->words != NULL
              && g_hash_table_contains (scan->suggester->words, first->key)))
        return;
    }
  gboolean content = FALSE;
  for (guint i = s; i < e; i++)
    {
      if (in_list (weekday_words, scan->words[i].key))
        return;
      content = content || !in_list (function_words, scan->words[i].key);
    }
  /* "The" left over before a mention ("The [New York] Times"). */
  if (!content)
    return;

  g_string_truncate (scan->surface, 0);
  gsize end = last->end;
  /* The final dot of "U.N." belongs to it. */
  if (dotted && end < scan->document->length && scan->document->clean[end] == '.')
    end++;
  actnet_text_append_squeezed (scan->surface, scan->document->clean + first->start, end - first->start);
  g_autofree char *key = actnet_text_normalize (scan->surface->str, (gssize) scan->surface->len);
  if (*key == '\0')
    return;

  ActnetSuggester *suggester = scan->suggester;
  Candidate *c = candidate_get (suggester, key);
  c->count++;
  if (!first->sentence_first)
    c->mid_count++;
  if (c->last_document != suggester->n_documents)
    {
      c->last_document = suggester->n_documents;
      c->documents++;
    }
  if (person || preceded_by (scan, s, role_words))
    c->person_votes++;
  if (preceded_by (scan, s, place_words))
    c->place_votes++;
  c->acronym = acronym;
  c->single = n == 1 && !acronym;
  c->organization = has_organization_word (scan, s, e);

  gpointer value;
  if (g_hash_table_lookup_extended (c->surfaces, scan->surface->str, NULL, &value))
    g_hash_table_insert (c->surfaces, g_strdup (scan->surface->str),
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + 1));
  else
    {
      char *surface = g_strdup (scan->surface->str);
      g_hash_table_insert (c->surfaces, surface, GUINT_TO_POINTER (1));
      g_ptr_array_add (c->order, surface);
    }

  /* Known actors of the same sentence, each sentence counted once. */
  guint sentence = first->sentence;
  if (sentence == G_MAXUINT
      || (c->peer_document == suggester->n_documents && c->peer_sentence == sentence))
    return;
  c->peer_document = suggester->n_documents;
  c->peer_sentence = sentence;
  guint from = scan->first_mention[sentence], to = scan->first_mention[sentence + 1];
  for (guint m = from; m < to; m++)
    {
      guint actor = g_array_index (scan->mentions, ActnetMention, m).actor;
      gboolean seen = FALSE;
      for (guint k = from; k < m && !seen; k++)
        seen = g_array_index (scan->mentions, ActnetMention, k).actor == actor;
      if (seen)
        continue;
      gpointer key_ptr = GUINT_TO_POINTER (actor + 1);
      g_hash_table_insert (c->peers, key_ptr,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (c->peers, key_ptr)) + 1));
    }
}

/* Splits the words [s, e) of one part at titles and emits the names. */
static void
emit_part (DocScan *scan, guint s, guint e, gboolean person)
{
  guint start = s;
  for (guint q = s; q < e;)
    {
      guint t = title_at (scan, q, e);
      /* "General National Congress": a title word opening an organisation
       * name is part of it. */
      if (t == 0 || has_organization_word (scan, q + t, e))
        {
          q++;
          continue;
        }
      /* What comes before a title qualifies it ("Russian President") and
       * is a phrase of its own. */
      emit (scan, start, q, person);
      start = q + t;
      /* "Minister of Oil ...": the rest belongs to the title. */
      if (start < e && strcmp (scan->words[start].key, "of") == 0)
        start = e;
      person = TRUE;
      q = start;
    }
  emit (scan, start, e, person);
}

static void
process_run (DocScan *scan, guint s, guint e)
{
  if (scan->words[s].sentence != G_MAXUINT && scan->headline[scan->words[s].sentence])
    return;
  /* "But The ...": every function word opening the sentence goes. What
   * follows is capitalised for its own sake ("The Guardian"). */
  if (scan->words[s].sentence_first)
    while (s < e && in_list (function_words, scan->words[s].key))
      {
        s++;
        while (s < e && is_connector (&scan->words[s]) && !is_prefix (scan, s))
          s++;
      }
  if (s == e)
    return;
  gboolean person = preceded_by (scan, s, role_words);
  /* "and" joins only inside an organisation name ("Justice and
   * Construction Party"); elsewhere it lists names ("Ahmed Mismari and
   * Fayez Sarraj"), as it does after an acronym or before an article
   * ("WSWS and the Socialist Equality Party"). */
  gboolean organization = has_organization_word (scan, s, e);
  guint part = s;
  for (guint i = s; i < e; i++)
    if (strcmp (scan->words[i].key, "and") == 0 && is_connector (&scan->words[i])
        && (!organization || (i > s && scan->words[i - 1].capitals)
            || (i + 1 < e && is_connector (&scan->words[i + 1]))))
      {
        emit_part (scan, part, i, person);
        part = i + 1;
        person = FALSE;
      }
  emit_part (scan, part, e, person);
}

/* Whether the sentence ends as prose does: '.', '!' or '?', perhaps
 * followed by closing quotes or brackets. */
static gboolean
ends_as_prose (const ActnetDocument *document, const ActnetSpan *span)
{
  for (gsize i = span->end; i > span->start; i--)
    {
      guchar c = (guchar) document->clean[i - 1];
      if (c == '.' || c == '!' || c == '?')
        return TRUE;
      /* Closing quotes and brackets, ASCII or UTF-8 (their bytes). */
      if (c == '"' || c == '\'' || c == ')' || c == ']' || c >= 0x80)
        continue;
      return FALSE;
    }
  return FALSE;
}

/* Title case (headlines, bylines, site navigation): no final '.', '!' or
 * '?', and three or more capitalised content words making at least three
 * quarters of the sentence's content words (mentions aside). Prose dense
 * with names ("Secretary of State Mike Pompeo called.") ends with a stop. */
static void
find_headlines (DocScan *scan, const GArray *sentences)
{
  guint *content = g_new0 (guint, scan->n_sentences);
  guint *capitalised = g_new0 (guint, scan->n_sentences);
  for (guint i = 0; i < scan->n_words; i++)
    {
      const Word *w = &scan->words[i];
      if (w->sentence == G_MAXUINT || w->covered
          || (w->flags & (ACTNET_CASE_HAS_UPPER | ACTNET_CASE_HAS_LOWER)) == 0
          || in_list (function_words, w->key) || in_list (connector_words, w->key))
        continue;
      content[w->sentence]++;
      if (w->flags & ACTNET_CASE_FIRST_UPPER)
        capitalised[w->sentence]++;
    }
  for (guint i = 0; i < scan->n_sentences; i++)
    scan->headline[i] = capitalised[i] >= 3 && capitalised[i] * 4 >= content[i] * 3
                        && !ends_as_prose (scan->document, &g_array_index (sentences, ActnetSpan, i));
  g_free (content);
  g_free (capitalised);
}

static guint8
link_between (const ActnetDocument *document, const ActnetSymbol *symbols,
              const char *keys, guint from, guint to)
{
  /* Symbols strictly between two words: from + 1 .. to - 1. */
  guint n = to - from - 1;
  if (n == 0)
    return LINK_NONE;
  const ActnetSymbol *a = &symbols[from + 1];
  gboolean blank_line = FALSE;
  guint newlines = 0;
  for (gsize b = symbols[from].end; b < symbols[to].start; b++)
    if (document->clean[b] == '\n')
      newlines++;
  blank_line = newlines >= 2;
  if (blank_line)
    return LINK_NONE;
  if (n == 1 && a->kind == ACTNET_SYMBOL_SPACE)
    return LINK_SPACE;
  if (n == 1 && a->kind == ACTNET_SYMBOL_PUNCT)
    {
      const char *key = keys + a->key_offset;
      if (strcmp (key, "-") == 0)
        return LINK_HYPHEN;
      if (strcmp (key, "'") == 0)
        return LINK_APOS;
      if (strcmp (key, ".") == 0)
        return LINK_DOT;
      return LINK_NONE;
    }
  if (n == 2 && a->kind == ACTNET_SYMBOL_PUNCT && strcmp (keys + a->key_offset, ".") == 0
      && a[1].kind == ACTNET_SYMBOL_SPACE)
    return LINK_DOT;
  return LINK_NONE;
}

void
actnet_suggester_add_document (ActnetSuggester *suggester, const ActnetDocument *document)
{
  g_return_if_fail (suggester != NULL && document != NULL);
  suggester->n_documents++;

  g_autoptr (GArray) mentions = suggester->matcher != NULL
                                  ? actnet_document_find_mentions (suggester->matcher, document)
                                  : g_array_new (FALSE, FALSE, sizeof (ActnetMention));
  g_autoptr (ActnetSegmentation) segmentation = actnet_segment_document (document, mentions);
  g_autoptr (ActnetTokens) tokens = actnet_tokens_new (document->clean, (gssize) document->length);
  const ActnetSymbol *symbols = actnet_tokens_get_symbols (tokens);
  const char *keys = actnet_tokens_get_keys (tokens);
  guint n_symbols = actnet_tokens_get_count (tokens);

  DocScan scan = { 0 };
  scan.suggester = suggester;
  scan.document = document;
  scan.mentions = mentions;
  scan.n_sentences = segmentation->sentences->len;
  scan.words = g_new0 (Word, n_symbols + 1);
  scan.surface = g_string_new (NULL);

  /* Sentence of each mention, and each sentence's first mention. */
  scan.mention_sentence = g_new0 (guint, mentions->len + 1);
  scan.first_mention = g_new0 (guint, scan.n_sentences + 2);
  for (guint m = 0; m < mentions->len; m++)
    scan.mention_sentence[m] = actnet_spans_find (segmentation->sentences,
                                                  g_array_index (mentions, ActnetMention, m).start);
  for (guint s = 0, m = 0; s <= scan.n_sentences; s++)
    {
      /* Mentions before the first sentence (none in practice) are skipped. */
      while (m < mentions->len && (scan.mention_sentence[m] == G_MAXUINT
                                   || scan.mention_sentence[m] < s))
        m++;
      scan.first_mention[s] = m;
    }
  scan.first_mention[scan.n_sentences + 1] = mentions->len;

  guint previous = G_MAXUINT;
  guint m = 0;
  guint last_sentence = G_MAXUINT;
  for (guint i = 0; i < n_symbols; i++)
    {
      const ActnetSymbol *sym = &symbols[i];
      if (sym->kind != ACTNET_SYMBOL_WORD)
        continue;
      Word *w = &scan.words[scan.n_words];
      w->start = sym->start;
      w->end = sym->end;
      w->key = keys + sym->key_offset;
      w->flags = sym->case_flags;
      while (m < mentions->len && g_array_index (mentions, ActnetMention, m).end <= sym->start)
        m++;
      w->covered = m < mentions->len && g_array_index (mentions, ActnetMention, m).start <= sym->start;
      guint cased = 0, upper = 0;
      for (const char *c = document->clean + sym->start; c < document->clean + sym->end;
           c = g_utf8_next_char (c))
        {
          gunichar ch = g_utf8_get_char (c);
          if (g_unichar_isupper (ch) || g_unichar_istitle (ch))
            upper++, cased++;
          else if (g_unichar_islower (ch))
            cased++;
        }
      w->capitals = cased >= 2 && upper == cased;
      w->single_capital = cased == 1 && upper == 1 && g_utf8_strlen (w->key, -1) == 1;
      w->sentence = actnet_spans_find (segmentation->sentences, sym->start);
      if (w->sentence != G_MAXUINT
          && sym->start >= g_array_index (segmentation->sentences, ActnetSpan, w->sentence).end)
        w->sentence = G_MAXUINT;
      w->sentence_first = w->sentence != last_sentence;
      w->link = previous == G_MAXUINT || w->sentence != last_sentence
                  ? LINK_NONE : link_between (document, symbols, keys, previous, i);
      last_sentence = w->sentence;
      previous = i;
      scan.n_words++;
    }

  scan.headline = g_new0 (gboolean, scan.n_sentences + 1);
  find_headlines (&scan, segmentation->sentences);

  for (guint i = 0; i < scan.n_words;)
    {
      if (!is_name_word (&scan.words[i]) && !is_prefix (&scan, i))
        {
          i++;
          continue;
        }
      guint k = i + 1;
      while (k < scan.n_words && can_continue (&scan, k))
        k++;
      process_run (&scan, i, k);
      i = k;
    }

  g_free (scan.words);
  g_free (scan.mention_sentence);
  g_free (scan.first_mention);
  g_free (scan.headline);
  g_string_free (scan.surface, TRUE);
}

/* ---- ranking ------------------------------------------------------------- */

static gint
compare_candidates (gconstpointer a, gconstpointer b)
{
  const Candidate *x = *(Candidate *const *) a, *y = *(Candidate *const *) b;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  if (x->documents != y->documents)
    return x->documents > y->documents ? -1 : 1;
  return strcmp (x->key, y->key);
}

/* What the default case policy checks of each word (as the matcher):
 * 'u' acronym, 'f' first letter upper, 'n' anything. */
static char *
case_signature (const char *text)
{
  GString *sig = g_string_new (NULL);
  g_autoptr (ActnetTokens) tokens = actnet_tokens_new (text, -1);
  const ActnetSymbol *symbols = actnet_tokens_get_symbols (tokens);
  for (guint i = 0; i < actnet_tokens_get_count (tokens); i++)
    {
      const ActnetSymbol *s = &symbols[i];
      if (s->kind != ACTNET_SYMBOL_WORD)
        continue;
      guint cased = 0;
      for (const char *c = text + s->start; c < text + s->end; c = g_utf8_next_char (c))
        {
          gunichar ch = g_utf8_get_char (c);
          if (g_unichar_isupper (ch) || g_unichar_islower (ch) || g_unichar_istitle (ch))
            cased++;
        }
      g_string_append_c (sig, cased >= 2 && !(s->case_flags & ACTNET_CASE_HAS_LOWER) ? 'u'
                              : (s->case_flags & ACTNET_CASE_FIRST_UPPER) ? 'f' : 'n');
    }
  return g_string_free (sig, FALSE);
}

/* Whether an alias with signature @alias matches text with signature @text
 * (same words). */
static gboolean
signature_accepts (const char *alias, const char *text)
{
  if (strlen (alias) != strlen (text))
    return FALSE;
  for (; *alias != '\0'; alias++, text++)
    if (!(*alias == 'n' || *alias == *text || (*alias == 'f' && *text == 'u')))
      return FALSE;
  return TRUE;
}

static const char *
best_surface (const Candidate *c)
{
  const char *best = NULL;
  guint best_count = 0;
  for (guint i = 0; i < c->order->len; i++)
    {
      const char *surface = g_ptr_array_index (c->order, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (c->surfaces, surface));
      if (count > best_count)
        {
          best = surface;
          best_count = count;
        }
    }
  return best;
}

static gint
compare_peers (gconstpointer a, gconstpointer b)
{
  const ActnetSuggestionPeer *x = a, *y = b;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return x->actor < y->actor ? -1 : x->actor > y->actor;
}

GArray *
actnet_suggester_rank (ActnetSuggester *suggester, guint min_count, guint top)
{
  g_return_val_if_fail (suggester != NULL, NULL);
  g_autoptr (GPtrArray) kept = g_ptr_array_new ();
  for (guint i = 0; i < suggester->order->len; i++)
    {
      Candidate *c = g_ptr_array_index (suggester->order, i);
      /* A capitalised word seen only at sentence starts is most likely an
       * ordinary word. */
      if (c->count >= MAX (min_count, 1) && !(c->single && c->mid_count == 0))
        g_ptr_array_add (kept, c);
    }
  g_ptr_array_sort (kept, compare_candidates);
  if (top > 0 && kept->len > top)
    g_ptr_array_set_size (kept, top);

  const ActnetGazetteer *gazetteer = suggester->matcher != NULL
                                       ? actnet_matcher_get_gazetteer (suggester->matcher) : NULL;
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *result = g_array_sized_new (FALSE, TRUE, sizeof (ActnetSuggestion), kept->len);
  for (guint i = 0; i < kept->len; i++)
    {
      Candidate *c = g_ptr_array_index (kept, i);
      ActnetSuggestion s = { 0 };
      s.key = c->key;
      s.label = best_surface (c);
      s.count = c->count;
      s.documents = c->documents;
      if (c->organization || c->acronym)
        s.type = "organization";
      else if (c->person_votes > 0 && c->person_votes >= c->place_votes)
        s.type = "person";
      else if (c->place_votes > 0)
        s.type = "place";
      else
        s.type = "misc";

      /* A fresh id, unique against the gazetteer and this ranking. */
      g_free (c->id);
      g_autofree char *base = actnet_suggest_make_id (s.label);
      c->id = g_strdup (base);
      for (guint n = 2; g_hash_table_contains (ids, c->id)
                        || (gazetteer != NULL && actnet_gazetteer_lookup (gazetteer, c->id) != G_MAXUINT);
           n++)
        {
          g_free (c->id);
          c->id = g_strdup_printf ("%s_%u", base, n);
        }
      g_hash_table_add (ids, c->id);
      s.id = c->id;

      /* Surfaces the label, under the default case policy, would miss
       * ("al-Sarraj" beside the label "Al-Sarraj"), one per signature. */
      if (c->variants != NULL)
        g_ptr_array_unref (c->variants);
      c->variants = g_ptr_array_new ();
      g_autofree char *label_sig = case_signature (s.label);
      g_autoptr (GPtrArray) sigs = g_ptr_array_new_with_free_func (g_free);
      for (guint v = 0; v < c->order->len; v++)
        {
          const char *surface = g_ptr_array_index (c->order, v);
          char *sig = case_signature (surface);
          gboolean known = signature_accepts (label_sig, sig);
          for (guint k = 0; k < sigs->len && !known; k++)
            known = signature_accepts (g_ptr_array_index (sigs, k), sig);
          if (known)
            {
              g_free (sig);
              continue;
            }
          g_ptr_array_add (sigs, sig);
          g_ptr_array_add (c->variants, (gpointer) surface);
        }
      g_ptr_array_add (c->variants, NULL);
      s.variants = (const char *const *) c->variants->pdata;

      g_autoptr (GArray) peers = g_array_new (FALSE, FALSE, sizeof (ActnetSuggestionPeer));
      GHashTableIter iter;
      gpointer key, value;
      g_hash_table_iter_init (&iter, c->peers);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          ActnetSuggestionPeer peer = { GPOINTER_TO_UINT (key) - 1, GPOINTER_TO_UINT (value) };
          g_array_append_val (peers, peer);
        }
      g_array_sort (peers, compare_peers);
      s.n_peers = MIN (peers->len, ACTNET_SUGGESTION_MAX_PEERS);
      for (guint p = 0; p < s.n_peers; p++)
        s.peers[p] = g_array_index (peers, ActnetSuggestionPeer, p);
      g_array_append_val (result, s);
    }
  return result;
}

/* ---- output ---------------------------------------------------------------- */

char *
actnet_suggest_make_id (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);
  GString *id = g_string_new (NULL);
  g_autoptr (ActnetTokens) tokens = actnet_tokens_new (name, -1);
  const ActnetSymbol *symbols = actnet_tokens_get_symbols (tokens);
  const char *keys = actnet_tokens_get_keys (tokens);
  for (guint i = 0; i < actnet_tokens_get_count (tokens); i++)
    {
      if (symbols[i].kind != ACTNET_SYMBOL_WORD)
        continue;
      gboolean first = TRUE;
      for (const char *k = keys + symbols[i].key_offset; *k != '\0'; k++)
        if (g_ascii_isalnum (*k))
          {
            if (first && id->len > 0)
              g_string_append_c (id, '_');
            first = FALSE;
            g_string_append_c (id, *k);
          }
    }
  if (id->len == 0)
    g_string_append (id, "actor");
  return g_string_free (id, FALSE);
}

char *
actnet_suggestions_to_tsv (const GArray *suggestions, const ActnetGazetteer *gazetteer)
{
  g_return_val_if_fail (suggestions != NULL, NULL);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < suggestions->len; i++)
    {
      const ActnetSuggestion *s = &g_array_index (suggestions, ActnetSuggestion, i);
      g_string_append_printf (out, "# n=%u docs=%u", s->count, s->documents);
      if (gazetteer != NULL && s->n_peers > 0)
        {
          g_string_append (out, " with=");
          for (guint p = 0; p < s->n_peers; p++)
            g_string_append_printf (out, "%s%s (%u)", p > 0 ? ", " : "",
                                    actnet_gazetteer_get_id (gazetteer, s->peers[p].actor),
                                    s->peers[p].count);
        }
      g_string_append_printf (out, "\n%s\t%s\t%s\t", s->id, s->type, s->label);
      for (guint v = 0; s->variants[v] != NULL; v++)
        g_string_append_printf (out, "%s%s", v > 0 ? "|" : "", s->variants[v]);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
