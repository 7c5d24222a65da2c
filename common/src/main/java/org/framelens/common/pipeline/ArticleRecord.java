package org.framelens.common.pipeline;

import java.time.Instant;
import java.time.LocalDate;

/** One row of the {@code articles} table (see {@code Tables.ARTICLES} for the columns' meaning). */
public record ArticleRecord(
    String articleId,
    String url,
    String host,
    String outlet,
    Instant crawlTime,
    Instant publishedAt,
    String publishedSource,
    String title,
    String author,
    String siteName,
    String canonicalUrl,
    String lang,
    double langConfidence,
    String contentType,
    String text,
    int textChars,
    boolean textTruncated,
    int tokenCount,
    String contentDigest,
    String sourceFile,
    long sourceOffset,
    LocalDate crawlDate) {}
