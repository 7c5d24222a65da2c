package org.framelens.common.schema;

import static org.framelens.common.schema.Column.optional;
import static org.framelens.common.schema.Column.required;
import static org.framelens.common.schema.ColumnType.BOOLEAN;
import static org.framelens.common.schema.ColumnType.DATE;
import static org.framelens.common.schema.ColumnType.DOUBLE;
import static org.framelens.common.schema.ColumnType.INT;
import static org.framelens.common.schema.ColumnType.INT_ARRAY;
import static org.framelens.common.schema.ColumnType.LONG;
import static org.framelens.common.schema.ColumnType.STRING;
import static org.framelens.common.schema.ColumnType.TIMESTAMP;

import java.util.List;

/** The output tables, declared once. The README's table documentation is checked against these. */
public final class Tables {
  private Tables() {}

  public static final TableSchema ARTICLES =
      new TableSchema(
          "articles",
          "one article: one fetched document URL per crawl, with its extracted text and metadata",
          List.of(
              required(
                  "article_id",
                  STRING,
                  "stable id: hex SHA-256 (first 32 chars) of url and content_digest; same input"
                      + " gives the same id"),
              required(
                  "url",
                  STRING,
                  "URL of the document (for folder input: the manifest URL or the file path)"),
              optional("host", STRING, "host name of the URL, lower case; null for file paths"),
              required(
                  "outlet",
                  STRING,
                  "outlet id: from the outlet registry, else the registered domain of the host, else"
                      + " the folder/manifest outlet"),
              required(
                  "crawl_time",
                  TIMESTAMP,
                  "when the crawler fetched it (WARC-Date; for folder input the manifest's crawled time,"
                      + " else the file's modification time)"),
              optional(
                  "published_at",
                  TIMESTAMP,
                  "publication time from the page's metadata (meta tags, JSON-LD, time elements,"
                      + " a written date in the byline, the URL as a last resort), the document's"
                      + " properties or the folder manifest; null when unknown, never the crawl time"),
              optional(
                  "published_source",
                  STRING,
                  "where published_at comes from: meta, json-ld, time, text (a written date in the"
                      + " byline or next to the headline), url (a date in the URL: last resort),"
                      + " script (a publication date in the data a page embeds for its scripts, when"
                      + " neither markup nor URL gives one), document (PDF/DOCX properties) or"
                      + " manifest"),
              optional("title", STRING, "headline, kept apart from the body text"),
              optional("author", STRING, "author or byline where the document names one"),
              optional(
                  "site_name", STRING, "the site's own name (og:site_name, JSON-LD publisher)"),
              optional(
                  "canonical_url", STRING, "the page's canonical URL (link rel=canonical, og:url)"),
              required(
                  "lang",
                  STRING,
                  "ISO 639-1 language of the text detected by Lingua; und when unreliable"),
              required(
                  "lang_confidence",
                  DOUBLE,
                  "Lingua's confidence in lang, 0..1 (0 when lang is und)"),
              required(
                  "content_type",
                  STRING,
                  "media type of the document as detected (e.g. text/html)"),
              required(
                  "text",
                  STRING,
                  "extracted main text of the body, paragraphs separated by newlines"),
              required("text_chars", INT, "number of characters of text"),
              required(
                  "text_truncated",
                  BOOLEAN,
                  "true when the extracted text was cut at the maximum length (--max-text-chars);"
                      + " the quarantine table has a row for it too"),
              required(
                  "token_count", INT, "word tokens in title and text, as the tagger counts them"),
              required(
                  "content_digest",
                  STRING,
                  "hex SHA-256 of the raw document bytes (after HTTP decoding)"),
              required("source_file", STRING, "input file the document was read from"),
              required(
                  "source_offset",
                  LONG,
                  "byte offset of the WARC record in source_file (0 for a plain document)"),
              optional(
                  "text_signature",
                  INT_ARRAY,
                  "MinHash signature (64 values) of the text's word 5-shingles, computed when the"
                      + " text was extracted: how near-duplicates are found across runs and nights"
                      + " without reading old text again; null for texts under five words"),
              optional(
                  "duplicate_of",
                  STRING,
                  "for a later near-duplicate copy (same text republished, e.g. wire copy): the"
                      + " article_id of the earliest copy among those published at most"
                      + " --near-duplicate-days (default 7) apart; null for originals"),
              required(
                  "syndicated",
                  BOOLEAN,
                  "true when the article has near-duplicates within --near-duplicate-days (MinHash"
                      + " over word 5-shingles, Jaccard similarity at least 0.8), original and copies"
                      + " alike"),
              required("crawl_date", DATE, "UTC date of crawl_time; partition column")),
          List.of("crawl_date"));

  public static final TableSchema FRAME_HITS =
      new TableSchema(
          "frame_hits",
          "one occurrence of a lexicon term in an article",
          List.of(
              required("article_id", STRING, "the article (articles.article_id)"),
              required("outlet", STRING, "the article's outlet"),
              required("lang", STRING, "language of the matched lexicon term"),
              required(
                  "frame",
                  STRING,
                  "frame of the lexicon entry, or entity:<name> for an entity mention (used for"
                      + " stories, never counted as a frame)"),
              required("term", STRING, "the lexicon entry's term as written in the lexicon"),
              required("matched_text", STRING, "the text as written in the article"),
              required("section", STRING, "title or body"),
              required("start", INT, "character offset of the match in that section (inclusive)"),
              required("end", INT, "character offset of the match in that section (exclusive)"),
              required(
                  "voice",
                  STRING,
                  "quoted when the match lies inside quotation marks in its paragraph, else own"),
              required("snippet", STRING, "keyword in context: about 60 characters either side"),
              optional(
                  "published_at", TIMESTAMP, "the article's publication time, null when unknown"),
              required(
                  "lexicon_version", STRING, "content hash of the lexicon that produced the hit"),
              required("crawl_date", DATE, "the article's crawl date; partition column")),
          List.of("crawl_date"));

  private static final String PERIOD_TYPE =
      "day, week (ISO week) or run (the whole run); articles are placed by publication date,"
          + " else crawl date";

  public static final TableSchema OUTLET_FRAMES =
      new TableSchema(
          "outlet_frames",
          "per outlet, period and frame of the lexicon (frames an outlet never used appear with"
              + " zeros); originals only unless the run included copies",
          List.of(
              required("outlet", STRING, "outlet id"),
              required("period_type", STRING, PERIOD_TYPE),
              required(
                  "period",
                  DATE,
                  "first day of the period (the day, the ISO week's Monday, the run's first day)"),
              required("period_label", STRING, "e.g. 2023-10-21, 2023-W42, run"),
              required("frame", STRING, "frame of the lexicon"),
              required("articles", LONG, "articles of the outlet in the period"),
              required(
                  "articles_with_frame",
                  LONG,
                  "of those, articles with at least one hit of the frame"),
              required("hits", LONG, "hits of the frame in those articles"),
              required("hits_own", LONG, "hits in the outlet's own voice"),
              required("hits_quoted", LONG, "hits inside quotations"),
              required("tokens", LONG, "word tokens of all the outlet's articles in the period"),
              required("share", DOUBLE, "articles_with_frame / articles"),
              required("share_ci_low", DOUBLE, "lower bound of the 95% Wilson interval of share"),
              required("share_ci_high", DOUBLE, "upper bound of the 95% Wilson interval of share"),
              required("rate_per_10k_tokens", DOUBLE, "hits per 10,000 tokens"),
              optional(
                  "log_odds_z",
                  DOUBLE,
                  "z-scored weighted log-odds of the frame in this outlet against all other outlets"
                      + " in the period, informative Dirichlet prior from the whole run's frame hits"
                      + " (Monroe et al. 2008); null when the frame has no hits in the run"),
              required(
                  "articles_dated_by_crawl",
                  LONG,
                  "articles placed in the period by their crawl date because they have no"
                      + " publication date"),
              required(
                  "copies_included", BOOLEAN, "true when near-duplicate copies were counted too"),
              required("lexicon_version", STRING, "content hash of the lexicon")),
          List.of());

  public static final TableSchema OUTLET_PAIRS =
      new TableSchema(
          "outlet_pairs",
          "per pair of outlets with frame hits in a period: how far apart their frame distributions"
              + " are",
          List.of(
              required("period_type", STRING, PERIOD_TYPE),
              required("period", DATE, "first day of the period"),
              required("period_label", STRING, "e.g. 2023-10-21, 2023-W42, run"),
              required("outlet_a", STRING, "one outlet (the alphabetically smaller id)"),
              required("outlet_b", STRING, "the other outlet"),
              required("articles_a", LONG, "articles of outlet_a in the period"),
              required("articles_b", LONG, "articles of outlet_b in the period"),
              required("hits_a", LONG, "frame hits of outlet_a in the period"),
              required("hits_b", LONG, "frame hits of outlet_b in the period"),
              required(
                  "js_distance",
                  DOUBLE,
                  "Jensen-Shannon distance (square root of the base-2 divergence, 0 = same frame"
                      + " mix, 1 = no frame in common) between the two outlets' distributions of hits"
                      + " over frames"),
              required(
                  "copies_included", BOOLEAN, "true when near-duplicate copies were counted too"),
              required("lexicon_version", STRING, "content hash of the lexicon")),
          List.of());

  public static final TableSchema FRAME_TERMS =
      new TableSchema(
          "frame_terms",
          "per outlet, frame and lexicon term over the whole run: which words an outlet picks for a"
              + " frame",
          List.of(
              required("outlet", STRING, "outlet id"),
              required("frame", STRING, "frame"),
              required("lang", STRING, "language of the term"),
              required("term", STRING, "the lexicon entry"),
              required("hits", LONG, "hits of the term"),
              required("hits_quoted", LONG, "of those, inside quotations"),
              required("share_of_frame", DOUBLE, "hits / all hits of the frame in the outlet"),
              required("example", STRING, "the most frequent form as written in the text"),
              required(
                  "copies_included", BOOLEAN, "true when near-duplicate copies were counted too"),
              required("lexicon_version", STRING, "content hash of the lexicon")),
          List.of());

  public static final TableSchema STORY_FRAMES =
      new TableSchema(
          "story_frames",
          "per story (articles about the same event, clustered across outlets and languages),"
              + " outlet and frame used",
          List.of(
              required("story_id", STRING, "id of the story: the smallest article_id in it"),
              required("story_label", STRING, "the story's most mentioned entities"),
              required("story_start", DATE, "first day of the story's articles"),
              required("story_end", DATE, "last day of the story's articles"),
              required("story_articles", LONG, "articles in the story, all outlets"),
              required("story_outlets", LONG, "outlets with articles in the story"),
              required("outlet", STRING, "outlet id"),
              required("articles", LONG, "the outlet's articles in the story"),
              required("frame", STRING, "a frame the outlet used in the story"),
              required("hits", LONG, "hits of the frame in the outlet's articles of the story"),
              required("hits_quoted", LONG, "of those, inside quotations"),
              required(
                  "copies_included", BOOLEAN, "true when near-duplicate copies were counted too"),
              required("lexicon_version", STRING, "content hash of the lexicon")),
          List.of());

  public static final TableSchema STORY_CONTRASTS =
      new TableSchema(
          "story_contrasts",
          "per period (week, run), frame and pair of outlets that share at least one story, and per"
              + " outlet against all others: the frame's article share compared with the story held"
              + " fixed (Mantel-Haenszel odds ratio over the shared stories) and the raw share"
              + " difference split into selection and framing (Kitagawa 1955); frames neither side"
              + " used in the period are left out; originals only unless the run included copies",
          List.of(
              required("period_type", STRING, "week (ISO week) or run (the whole run)"),
              required("period", DATE, "first day of the period"),
              required("period_label", STRING, "e.g. 2023-W42, run"),
              required("frame", STRING, "frame of the lexicon"),
              required("outlet_a", STRING, "one outlet (for pairs the alphabetically smaller id)"),
              required(
                  "outlet_b",
                  STRING,
                  "the other outlet, or (all others): every other outlet of the period together"),
              required(
                  "stories_a",
                  LONG,
                  "stories of outlet_a in the period; an article in no story counts as a story of"
                      + " its own"),
              required("stories_b", LONG, "stories of outlet_b (of the others) in the period"),
              required(
                  "stories_shared", LONG, "stories both sides have articles in, in the period"),
              required("articles_a", LONG, "articles of outlet_a in the period"),
              required("articles_b", LONG, "articles of outlet_b (of the others) in the period"),
              required("articles_a_shared", LONG, "of articles_a, those in the shared stories"),
              required("articles_b_shared", LONG, "of articles_b, those in the shared stories"),
              required(
                  "with_frame_a_shared",
                  LONG,
                  "of articles_a_shared, articles with at least one hit of the frame"),
              required(
                  "with_frame_b_shared",
                  LONG,
                  "of articles_b_shared, articles with at least one hit of the frame"),
              required("share_a_shared", DOUBLE, "with_frame_a_shared / articles_a_shared"),
              required("share_b_shared", DOUBLE, "with_frame_b_shared / articles_b_shared"),
              optional(
                  "or_mh",
                  DOUBLE,
                  "Mantel-Haenszel odds ratio of the frame, outlet_a against outlet_b, stratified"
                      + " by shared story (above 1: outlet_a frames the same stories this way more"
                      + " often); null when undefined (no shared story with the frame on one side"
                      + " and not on the other)"),
              optional(
                  "or_mh_ci_low",
                  DOUBLE,
                  "lower bound of the 95% interval of or_mh, from the Robins-Breslow-Greenland"
                      + " variance of its logarithm"),
              optional("or_mh_ci_high", DOUBLE, "upper bound of the 95% interval of or_mh"),
              required(
                  "share_a",
                  DOUBLE,
                  "raw share of outlet_a: its articles with the frame / articles_a, all its stories"),
              required("share_b", DOUBLE, "raw share of outlet_b (of the others)"),
              required("share_difference", DOUBLE, "share_a - share_b"),
              required(
                  "selection_part",
                  DOUBLE,
                  "Kitagawa's composition part of share_difference: sum over stories of"
                      + " (c_a - c_b)(r_a + r_b)/2, c = the side's share of its articles in the story,"
                      + " r = the frame's share within it (a side absent from a story takes the"
                      + " other side's r)"),
              required(
                  "framing_part",
                  DOUBLE,
                  "Kitagawa's rate part: sum over stories of (r_a - r_b)(c_a + c_b)/2, non-zero"
                      + " only in shared stories; selection_part + framing_part = share_difference"),
              required(
                  "copies_included", BOOLEAN, "true when near-duplicate copies were counted too"),
              required("lexicon_version", STRING, "content hash of the lexicon")),
          List.of());

  public static final TableSchema COPY_EDITS =
      new TableSchema(
          "copy_edits",
          "row_kind edit: one frame hit a near-duplicate copy changed against the copy it points"
              + " to (duplicate_of, the earliest copy, not necessarily the agency's own text), the"
              + " two texts aligned word by word (java-diff-utils); row_kind outlet: per copying"
              + " outlet, kind of edit and frames, how many of its copies have such an edit",
          List.of(
              required(
                  "row_kind", STRING, "edit (one changed hit) or outlet (a per-outlet summary)"),
              required("outlet_copy", STRING, "outlet of the copy"),
              optional("outlet_original", STRING, "outlet of the original; null for outlet rows"),
              optional(
                  "article_id_copy",
                  STRING,
                  "the copy (articles.article_id); null for outlet rows"),
              optional(
                  "article_id_original",
                  STRING,
                  "the original: the copy's duplicate_of; null for outlet rows"),
              optional("lang_copy", STRING, "language of the copy; null for outlet rows"),
              optional("lang_original", STRING, "language of the original; null for outlet rows"),
              optional(
                  "published_copy",
                  TIMESTAMP,
                  "publication time of the copy, else its crawl time; null for outlet rows"),
              optional(
                  "published_original",
                  TIMESTAMP,
                  "publication time of the original, else its crawl time; null for outlet rows"),
              optional(
                  "hours_apart",
                  DOUBLE,
                  "published_copy - published_original in hours; null for outlet rows"),
              required(
                  "edit_kind",
                  STRING,
                  "replaced (a term of the original replaced by another at the aligned place),"
                      + " added (a hit only the copy has) or removed (a hit only the original has);"
                      + " a term moved elsewhere and punctuation-only changes give no row; outlet"
                      + " rows also have any (every outlet with copies: copies with any edit)"),
              optional("section", STRING, "title or body; null for outlet rows"),
              optional(
                  "frame_original",
                  STRING,
                  "frame of the original's hit; null for added (and outlet rows of added)"),
              optional(
                  "term_original", STRING, "lexicon term of the original's hit; null for added"),
              optional(
                  "frame_copy",
                  STRING,
                  "frame of the copy's hit; null for removed (and outlet rows of removed)"),
              optional("term_copy", STRING, "lexicon term of the copy's hit; null for removed"),
              optional(
                  "snippet_original",
                  STRING,
                  "the original's text at the aligned place, about 60 characters either side"),
              optional("snippet_copy", STRING, "the copy's text at the aligned place"),
              optional(
                  "copies",
                  LONG,
                  "outlet rows: copies of the outlet compared with their original; null for edits"),
              optional(
                  "copies_with_edit",
                  LONG,
                  "outlet rows: of those, copies with at least one edit of this kind and frames"),
              optional("edits", LONG, "outlet rows: edits of this kind and frames"),
              optional("share_of_copies", DOUBLE, "outlet rows: copies_with_edit / copies"),
              required(
                  "lexicon_version", STRING, "content hash of the lexicon that produced the hits")),
          List.of());

  public static final TableSchema QUARANTINE =
      new TableSchema(
          "quarantine",
          "one input record or file that failed a stage, or hit a limit, with the reason",
          List.of(
              required("source_file", STRING, "input file"),
              optional("source_offset", LONG, "byte offset of the record in the file, when known"),
              optional("url", STRING, "URL of the record, when known"),
              required(
                  "stage",
                  STRING,
                  "read, parse, detect or tag (the record was dropped), limit (the article was"
                      + " kept, cut at --max-text-chars) or fallback (the article was kept with a"
                      + " substitute for something unreadable: a WARC-Date that does not parse, a"
                      + " declared Content-Encoding the body does not have, a body cut short)"),
              required(
                  "error_class",
                  STRING,
                  "exception class or reason code (too_large, parse_timeout, zip_bomb,"
                      + " text_truncated, unsupported_file, unreadable_stretch, bad_content_length,"
                      + " bad_warc_date, missing_warc_date, content_encoding, truncated_record,"
                      + " warc_header_too_large, http_header_too_large, symlink_* ...)"),
              required("message", STRING, "what went wrong"),
              optional(
                  "crawl_date",
                  DATE,
                  "crawl date of the record; partition column. A record whose date could not be"
                      + " read is placed under the night's date (nightly), or the earliest crawl"
                      + " date of its file's other records, else the run's first crawl date (run)")),
          List.of("crawl_date"));

  public static final TableSchema RUNS =
      new TableSchema(
          "runs",
          "one nightly run (or skip) for one date: what it read, with which lexicon and code, what"
              + " it produced; appended, never rewritten",
          List.of(
              required("run_id", STRING, "unique id of the run: start time and a random suffix"),
              required("date", DATE, "the crawl date the run processed (--date)"),
              required(
                  "mode",
                  STRING,
                  "parse (documents parsed), retag (stored text tagged with a new lexicon), or"
                      + " skip (inputs, lexicon and code unchanged since the last successful run)"),
              required("status", STRING, "succeeded, skipped or failed"),
              required("started_at", TIMESTAMP, "start of the run (UTC)"),
              required("ended_at", TIMESTAMP, "end of the run (UTC)"),
              required("input_files", INT, "number of input files for the date"),
              required("input_bytes", LONG, "their total size in bytes"),
              required(
                  "inputs_digest",
                  STRING,
                  "SHA-256 over the sorted (relative path, size, SHA-256 of content) of every input"
                      + " file"),
              required(
                  "inputs",
                  STRING,
                  "JSON array of {path, size, sha256}, one object per input file"),
              required("lexicon_version", STRING, "content hash of the lexicon used"),
              required("code_version", STRING, "framelens version that ran"),
              required(
                  "config_digest",
                  STRING,
                  "hash of the other settings that change results (outlet registry, languages,"
                      + " limits, copies)"),
              required("records_read", LONG, "input records read (parse mode), else 0"),
              required("articles", LONG, "articles written for the date"),
              required("frame_hits", LONG, "frame hits written for the date"),
              required("quarantined", LONG, "quarantine rows written for the date"),
              required(
                  "retagged_dates",
                  INT,
                  "other dates whose hits were retagged because the lexicon changed"),
              optional("message", STRING, "why the run failed or was skipped, else null")),
          List.of());

  public static final TableSchema OUTLET_COVERAGE =
      new TableSchema(
          "outlet_coverage",
          "per outlet and crawl day: what was read and what failed, with the days without articles"
              + " between an outlet's first and last day with articles filled in as gaps",
          List.of(
              required(
                  "outlet",
                  STRING,
                  "outlet id; for quarantined records the outlet of their URL's host (outlet"
                      + " registry, else registered domain), (unknown) when the record has no http"
                      + " URL"),
              optional(
                  "day",
                  DATE,
                  "crawl date; null for quarantined records whose crawl date is unknown"),
              required("articles", LONG, "articles of the outlet crawled that day"),
              required(
                  "quarantined",
                  LONG,
                  "quarantine rows of the outlet that day (records dropped, and limit rows of"
                      + " articles kept but cut)"),
              required(
                  "short_texts",
                  LONG,
                  "of the articles, those with empty or very short text (under 200 characters)"),
              required(
                  "languages",
                  STRING,
                  "the articles' languages, comma-separated, sorted; empty without articles"),
              required(
                  "gap",
                  BOOLEAN,
                  "true for a day without articles between the outlet's first and last day with"
                      + " articles")),
          List.of());

  public static final TableSchema LEXICON_VALIDATION =
      new TableSchema(
          "lexicon_validation",
          "per scope of coded items (the whole sheet, a language, a frame in a language, a lexicon"
              + " term): the lexicon's precision, miss rate and the coders' agreement, written by"
              + " `framelens validate score`",
          List.of(
              required(
                  "scope",
                  STRING,
                  "all, language, frame (a frame in a language) or term (a lexicon term)"),
              optional("lang", STRING, "language; null for scope all"),
              optional("frame", STRING, "frame; null for scopes all and language"),
              optional("term", STRING, "lexicon term; null except for scope term"),
              required(
                  "hit_items", LONG, "sampled hits of the scope answered by at least one coder"),
              required(
                  "correct",
                  LONG,
                  "hits judged correct (majority of the coders' correct/wrong judgements)"),
              required("wrong", LONG, "hits judged wrong"),
              required(
                  "unresolved",
                  LONG,
                  "hits judged only unsure, or as often correct as wrong: left out of precision"),
              optional(
                  "precision", DOUBLE, "correct / (correct + wrong); null without judged hits"),
              optional("precision_ci_low", DOUBLE, "lower bound of the 95% Wilson interval"),
              optional("precision_ci_high", DOUBLE, "upper bound of the 95% Wilson interval"),
              required(
                  "paragraph_items",
                  LONG,
                  "coded paragraphs without hits of the language (of the sheet for scope all);"
                      + " 0 for terms"),
              required(
                  "paragraphs_with_frame",
                  LONG,
                  "of those, paragraphs in which the coders found the frame (scope language and"
                      + " all: any frame)"),
              optional(
                  "miss_rate",
                  DOUBLE,
                  "paragraphs_with_frame / paragraph_items: how often a paragraph the lexicon found"
                      + " nothing in has the frame; null without coded paragraphs"),
              optional("miss_rate_ci_low", DOUBLE, "lower bound of the 95% Wilson interval"),
              optional("miss_rate_ci_high", DOUBLE, "upper bound of the 95% Wilson interval"),
              required("coders", INT, "distinct coders who answered items of the scope"),
              required(
                  "alpha_items",
                  INT,
                  "hits with two or more correct/wrong judgements (the units of alpha)"),
              optional(
                  "alpha",
                  DOUBLE,
                  "Krippendorff's alpha (nominal) of the hit judgements between coders, unsure"
                      + " left out; null when undefined (fewer than two pairable values, or one"
                      + " value only)"),
              optional(
                  "paragraph_alpha",
                  DOUBLE,
                  "Krippendorff's alpha (nominal) of the coders' frame present/absent decisions on"
                      + " the paragraphs; null when undefined"),
              required("threshold", DOUBLE, "the precision threshold of the scoring (--threshold)"),
              required(
                  "below_threshold",
                  BOOLEAN,
                  "true when precision is below the threshold (the term or language needs work)"),
              required("sheets", STRING, "the coding sheets scored, comma-separated file names")),
          List.of());

  public static final List<TableSchema> ALL =
      List.of(
          ARTICLES,
          FRAME_HITS,
          OUTLET_FRAMES,
          OUTLET_PAIRS,
          FRAME_TERMS,
          STORY_FRAMES,
          STORY_CONTRASTS,
          COPY_EDITS,
          QUARANTINE,
          RUNS,
          OUTLET_COVERAGE,
          LEXICON_VALIDATION);
}
