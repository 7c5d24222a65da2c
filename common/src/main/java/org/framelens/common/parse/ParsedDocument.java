package org.framelens.common.parse;

import java.time.Instant;
import java.util.List;

/**
 * A parsed document: its detected type, headline and main-text paragraphs (boilerplate removed for
 * HTML), and the metadata found in it.
 *
 * @param paragraphs main text, one entry per paragraph, headline not repeated at the top
 * @param publishedAt publication time from the document itself, null when it says none
 * @param textTruncated the text was cut at the maximum length
 */
public record ParsedDocument(
    String contentType,
    String title,
    String author,
    Instant publishedAt,
    List<String> paragraphs,
    String charset,
    String publishedSource,
    String siteName,
    String canonicalUrl,
    boolean textTruncated) {

  public ParsedDocument {
    paragraphs = List.copyOf(paragraphs);
  }

  /** The body text as stored: paragraphs separated by a newline. */
  public String text() {
    return String.join("\n", paragraphs);
  }
}
