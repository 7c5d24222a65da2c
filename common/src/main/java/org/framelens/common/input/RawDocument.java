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
 */
public record RawDocument(
    String sourceFile,
    long sourceOffset,
    String url,
    Instant crawlTime,
    String declaredContentType,
    byte[] body,
    String outletHint,
    Instant publishedHint) {

  public LocalDate crawlDate() {
    return crawlTime == null ? null : LocalDate.ofInstant(crawlTime, java.time.ZoneOffset.UTC);
  }
}
