package org.framelens.common.input;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A fetched document before parsing: the payload bytes (HTTP transfer and content encodings already
 * removed) with what the crawl said about it.
 *
 * @param declaredContentType the media type the server or manifest declared, possibly with a
 *     charset parameter; null when none was declared
 * @param outletHint outlet given by a folder manifest or folder layout; null for WARC input
 * @param publishedHint publication date given by a folder manifest; null when none
 * @param note what the reader had to substitute to keep the document (an unparseable WARC-Date, a
 *     declared Content-Encoding the body does not have); null when nothing. Becomes a quarantine
 *     row of stage {@code fallback}; the article is kept.
 */
public record RawDocument(
    String sourceFile,
    long sourceOffset,
    String url,
    Instant crawlTime,
    String declaredContentType,
    byte[] body,
    String outletHint,
    Instant publishedHint,
    Note note) {

  /** A substitution made while reading: a reason code and a message. */
  public record Note(String code, String message) implements java.io.Serializable {}

  public RawDocument(
      String sourceFile,
      long sourceOffset,
      String url,
      Instant crawlTime,
      String declaredContentType,
      byte[] body,
      String outletHint,
      Instant publishedHint) {
    this(
        sourceFile,
        sourceOffset,
        url,
        crawlTime,
        declaredContentType,
        body,
        outletHint,
        publishedHint,
        null);
  }

  public LocalDate crawlDate() {
    return crawlTime == null ? null : LocalDate.ofInstant(crawlTime, java.time.ZoneOffset.UTC);
  }
}
