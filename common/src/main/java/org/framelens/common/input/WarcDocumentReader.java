package org.framelens.common.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Reads a WARC 1.0/1.1 stream (plain or gzip, detected by jwarc) lazily, one outcome per record.
 *
 * <p>Keeps {@code response} records with HTTP 2xx and {@code resource} records whose content type
 * is a document; every other record is a {@link ReadOutcome.Skipped} with its reason. A stream that
 * breaks mid-file (truncated gzip member, garbage) yields one {@link ReadOutcome.Failed} at the
 * break and ends: every record before the break has already been returned.
 */
public final class WarcDocumentReader implements Iterator<ReadOutcome>, Closeable {
  private final String sourceFile;
  private final long maxDocumentBytes;
  private final WarcReader reader;
  private ReadOutcome pending;
  private boolean finished;
  private long lastPosition;
  private final long baseOffset;

  public WarcDocumentReader(InputStream in, String sourceFile, long maxDocumentBytes)
      throws IOException {
    this(in, sourceFile, maxDocumentBytes, 0);
  }

  /**
   * Reads a range of a WARC file that starts at a record start ({@link WarcSplits}): {@code in} is
   * positioned at {@code baseOffset} and ends at the range's end; offsets stay file offsets.
   */
  public WarcDocumentReader(
      InputStream in, String sourceFile, long maxDocumentBytes, long baseOffset)
      throws IOException {
    this.sourceFile = sourceFile;
    this.maxDocumentBytes = maxDocumentBytes;
    this.baseOffset = baseOffset;
    this.lastPosition = baseOffset;
    this.reader = new WarcReader(in);
    this.reader.setLenient(true);
  }

  @Override
  public boolean hasNext() {
    if (pending == null && !finished) {
      pending = advance();
    }
    return pending != null;
  }

  @Override
  public ReadOutcome next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ReadOutcome out = pending;
    pending = null;
    return out;
  }

  private ReadOutcome advance() {
    Optional<WarcRecord> next;
    try {
      next = reader.next();
    } catch (IOException | RuntimeException e) {
      finished = true;
      return new ReadOutcome.Failed(
          sourceFile,
          lastPosition,
          null,
          null,
          e.getClass().getSimpleName(),
          "WARC stream unreadable after offset " + lastPosition + ": " + message(e));
    }
    if (next.isEmpty()) {
      finished = true;
      return null;
    }
    WarcRecord record = next.get();
    long offset = baseOffset + record.position();
    lastPosition = offset;
    try {
      return toOutcome(record, offset);
    } catch (IOException | RuntimeException e) {
      String url = record instanceof org.netpreserve.jwarc.WarcTargetRecord t ? t.target() : null;
      return new ReadOutcome.Failed(
          sourceFile, offset, url, record.date(), e.getClass().getSimpleName(), message(e));
    }
  }

  private ReadOutcome toOutcome(WarcRecord record, long offset) throws IOException {
    if (record instanceof WarcResponse response) {
      String url = response.target();
      MediaType recordType = response.contentType();
      if (!"application".equals(recordType.type()) || !recordType.subtype().startsWith("http")) {
        return new ReadOutcome.Skipped(sourceFile, offset, url, "non_http_response");
      }
      HttpResponse http = response.http();
      int status = http.status();
      if (status < 200 || status > 299) {
        return new ReadOutcome.Skipped(
            sourceFile, offset, url, "http_status_" + (status / 100) + "xx");
      }
      String contentType = http.headers().first("Content-Type").orElse(null);
      if (!DocumentTypes.isDocument(contentType) && !DocumentTypes.isUnspecific(contentType)) {
        return new ReadOutcome.Skipped(sourceFile, offset, url, "not_a_document");
      }
      MessageBody body = http.bodyDecoded();
      byte[] bytes = InputFiles.readLimited(body.stream(), maxDocumentBytes);
      if (bytes == null) {
        return ReadOutcome.Failed.tooLarge(
            sourceFile, offset, url, response.date(), maxDocumentBytes);
      }
      return new ReadOutcome.Document(
          new RawDocument(
              sourceFile, offset, url, response.date(), contentType, bytes, null, null));
    }
    if (record instanceof WarcResource resource) {
      String url = resource.target();
      String contentType = resource.contentType().toString();
      if (!DocumentTypes.isDocument(contentType) && !DocumentTypes.isUnspecific(contentType)) {
        return new ReadOutcome.Skipped(sourceFile, offset, url, "not_a_document");
      }
      byte[] bytes = InputFiles.readLimited(resource.body().stream(), maxDocumentBytes);
      if (bytes == null) {
        return ReadOutcome.Failed.tooLarge(
            sourceFile, offset, url, resource.date(), maxDocumentBytes);
      }
      return new ReadOutcome.Document(
          new RawDocument(
              sourceFile, offset, url, resource.date(), contentType, bytes, null, null));
    }
    String url = record instanceof org.netpreserve.jwarc.WarcTargetRecord t ? t.target() : null;
    return new ReadOutcome.Skipped(sourceFile, offset, url, "warc_" + record.type());
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getName() : m;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
