package org.framelens.common.schema;

import static org.framelens.common.schema.Column.optional;
import static org.framelens.common.schema.Column.required;
import static org.framelens.common.schema.ColumnType.DATE;
import static org.framelens.common.schema.ColumnType.DOUBLE;
import static org.framelens.common.schema.ColumnType.INT;
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
                  "when the crawler fetched it (WARC-Date; for folder input the file's modification time)"),
              optional(
                  "published_at",
                  TIMESTAMP,
                  "publication time from the page's metadata (meta tags, JSON-LD, document properties);"
                      + " null when unknown, never the crawl time"),
              optional("title", STRING, "headline, kept apart from the body text"),
              optional("author", STRING, "author or byline where the document names one"),
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
              required("frame", STRING, "frame of the lexicon entry"),
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

  public static final TableSchema OUTLET_FRAMES =
      new TableSchema(
          "outlet_frames",
          "per outlet, day and frame of the lexicon (frames an outlet never used appear with zeros)",
          List.of(
              required("outlet", STRING, "outlet id"),
              required(
                  "period",
                  DATE,
                  "the day: the article's publication date (UTC) when known, else its crawl date"),
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
              required("rate_per_10k_tokens", DOUBLE, "hits per 10,000 tokens"),
              required("lexicon_version", STRING, "content hash of the lexicon")),
          List.of());

  public static final TableSchema QUARANTINE =
      new TableSchema(
          "quarantine",
          "one input record or file that failed a stage, with the reason",
          List.of(
              required("source_file", STRING, "input file"),
              optional("source_offset", LONG, "byte offset of the record in the file, when known"),
              optional("url", STRING, "URL of the record, when known"),
              required("stage", STRING, "read, parse, detect, tag or write"),
              required("error_class", STRING, "exception class or reason code"),
              required("message", STRING, "what went wrong"),
              optional("crawl_date", DATE, "crawl date of the record, when known")),
          List.of());

  public static final List<TableSchema> ALL =
      List.of(ARTICLES, FRAME_HITS, OUTLET_FRAMES, QUARANTINE);
}
