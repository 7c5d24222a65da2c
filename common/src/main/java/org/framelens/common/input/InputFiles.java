package org.framelens.common.input;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** Turns one input file into read outcomes: WARC files record by record, other files whole. */
public final class InputFiles {
  private InputFiles() {}

  public static boolean isWarc(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".warc") || n.endsWith(".warc.gz");
  }

  /** ARC v1/v2, the format Heritrix and the Internet Archive wrote before WARC. */
  public static boolean isArc(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".arc") || n.endsWith(".arc.gz");
  }

  /** A crawl file read record by record (WARC or ARC); any other file is one document. */
  public static boolean isCrawl(String name) {
    return isWarc(name) || isArc(name);
  }

  /** Kind of an input file as the run summary counts it: warc, arc or document. */
  public static String kind(String name) {
    return isWarc(name) ? "warc" : isArc(name) ? "arc" : "document";
  }

  /** Error class of an input file that is neither a crawl nor a document any parser reads. */
  public static final String UNSUPPORTED_FILE = "unsupported_file";

  /**
   * A plain document file as one outcome.
   *
   * @param url the manifest URL, or null to use the file path
   * @param outlet the manifest or folder outlet
   */
  public static ReadOutcome document(
      InputStream in,
      String sourceFile,
      String url,
      String outlet,
      Instant published,
      Instant modified,
      long maxDocumentBytes) {
    String docUrl = url != null ? url : sourceFile;
    try {
      byte[] bytes = readLimited(in, maxDocumentBytes);
      if (bytes == null) {
        return ReadOutcome.Failed.tooLarge(sourceFile, 0L, docUrl, modified, maxDocumentBytes);
      }
      return new ReadOutcome.Document(
          new RawDocument(sourceFile, 0, docUrl, modified, null, bytes, outlet, published));
    } catch (IOException | RuntimeException e) {
      return new ReadOutcome.Failed(
          sourceFile,
          0L,
          docUrl,
          modified,
          e.getClass().getSimpleName(),
          String.valueOf(e.getMessage()));
    }
  }

  /** Reads at most {@code limit} bytes; null when the stream holds more. */
  static byte[] readLimited(InputStream in, long limit) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    return bytes.length > limit ? null : bytes;
  }

  /** One outcome for a file that could not even be opened. */
  public static Iterator<ReadOutcome> unreadable(String sourceFile, Instant modified, Exception e) {
    return List.<ReadOutcome>of(
            new ReadOutcome.Failed(
                sourceFile,
                null,
                null,
                modified,
                e.getClass().getSimpleName(),
                String.valueOf(e.getMessage())))
        .iterator();
  }
}
