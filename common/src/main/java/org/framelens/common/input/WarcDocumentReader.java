package org.framelens.common.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.framelens.common.parse.Dates;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Reads a crawl file lazily, one outcome per record: WARC 0.17 to 1.1 and ARC v1/v2, plain or gzip
 * (per record or whole file), as jwarc detects them.
 *
 * <p>Keeps {@code response} records with HTTP 2xx and {@code resource} records whose content type
 * is a document; every other record is a {@link ReadOutcome.Skipped} with its reason (an ARC file's
 * {@code filedesc} header is {@code arc_filedesc}, a DNS lookup {@code dns}).
 *
 * <p>Nothing one record does stops the reading: an exception from jwarc or the HTTP parser is that
 * record's {@link ReadOutcome.Failed}. A {@code WARC-Date} that is missing or does not parse is
 * replaced by the file's {@code warcinfo} date, else the file's modification time, and the document
 * carries a note saying so ({@link RawDocument#note()}). When the stream itself breaks (a corrupt
 * gzip member, garbage between records, a declared length that runs past the next record) and the
 * reader can open the file again ({@link RecordResync.Reopener}), reading resumes at the next
 * record start and the broken stretch is one {@link ReadOutcome.Failed} with its byte range;
 * without a reopener the break is one failure and the end of the file.
 */
public final class WarcDocumentReader implements Iterator<ReadOutcome>, Closeable {
  /** Error class of a stretch of bytes that holds no readable record. */
  public static final String UNREADABLE_STRETCH = "unreadable_stretch";

  private final String sourceFile;
  private final long maxDocumentBytes;
  private final long end;
  private final Instant fileTime;
  private final RecordResync.Reopener reopener;
  private final WarcHeaderGuard.Limits limits;

  private WarcReader reader;
  private WarcHeaderGuard guard;
  private long segmentBase;
  private boolean returnedInSegment;
  private boolean lastCutShort;
  private long lastStart = -1;
  private Instant warcinfoDate;
  private ReadOutcome pending;
  private ReadOutcome queued;
  private boolean finished;

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
    this(in, sourceFile, maxDocumentBytes, baseOffset, -1, null, null);
  }

  /**
   * The full form.
   *
   * @param end the file's length, or the end of the range being read; -1 when unknown
   * @param fileTime the file's modification time: the crawl time of last resort; null for none
   * @param reopener opens the file again at an offset, to resume after a break; null for none
   */
  public WarcDocumentReader(
      InputStream in,
      String sourceFile,
      long maxDocumentBytes,
      long baseOffset,
      long end,
      Instant fileTime,
      RecordResync.Reopener reopener)
      throws IOException {
    this(
        in,
        sourceFile,
        maxDocumentBytes,
        baseOffset,
        end,
        fileTime,
        reopener,
        WarcHeaderGuard.Limits.DEFAULT);
  }

  /** The full form with the bounds on header blocks ({@link WarcHeaderGuard}). */
  public WarcDocumentReader(
      InputStream in,
      String sourceFile,
      long maxDocumentBytes,
      long baseOffset,
      long end,
      Instant fileTime,
      RecordResync.Reopener reopener,
      WarcHeaderGuard.Limits limits)
      throws IOException {
    this.limits = limits;
    this.sourceFile = sourceFile;
    this.maxDocumentBytes = maxDocumentBytes;
    this.end = end;
    this.fileTime = fileTime;
    this.reopener = reopener;
    this.segmentBase = baseOffset;
    this.reader = newReader(in);
  }

  /** A reader of the data from {@code segmentBase} on, its header blocks bounded. */
  private WarcReader newReader(InputStream in) throws IOException {
    guard = new WarcHeaderGuard(in, segmentBase, limits);
    WarcReader r = new WarcReader(guard);
    r.setLenient(true);
    return r;
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
    if (queued != null) {
      ReadOutcome q = queued;
      queued = null;
      return q;
    }
    while (true) {
      if (reader == null) {
        finished = true;
        return flushGap(-1);
      }
      Optional<WarcRecord> next;
      try {
        next = reader.next();
      } catch (IOException | RuntimeException | StackOverflowError e) {
        if (tripped() != null) {
          return overBound(tripped());
        }
        if (reopener == null) {
          long at = returnedInSegment ? lastStart : segmentBase;
          closeQuietly();
          finished = true;
          return new ReadOutcome.Failed(
              sourceFile,
              at,
              null,
              null,
              e.getClass().getSimpleName(),
              "stream unreadable after offset " + at + ": " + message(e));
        }
        broken(e);
        continue;
      }
      if (next.isEmpty() && tripped() != null) {
        return overBound(tripped());
      }
      if (next.isEmpty()) {
        closeQuietly();
        finished = true;
        return flushGap(-1);
      }
      ReadOutcome out = outcome(next.get());
      if (gap != null) {
        // the broken stretch ends where this record starts: its row first, then the record
        queued = out;
        return flushGap(segmentBase + next.get().position());
      }
      return out;
    }
  }

  private ReadOutcome outcome(WarcRecord record) {
    long offset = segmentBase + record.position();
    returnedInSegment = true;
    lastStart = offset;
    String url = target(record);
    ReadOutcome out;
    try {
      ReadOutcome overrun = overrunsNextRecord(record, offset, url);
      if (overrun != null) {
        return overrun;
      }
      out = toOutcome(record, offset, url);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      out =
          new ReadOutcome.Failed(
              sourceFile, offset, url, safeDate(record), e.getClass().getSimpleName(), message(e));
    }
    WarcHeaderGuard.Trip trip = tripped();
    if (trip != null && trip.recordOffset() == offset) {
      return overBound(trip, url, safeDate(record));
    }
    lastCutShort =
        out instanceof ReadOutcome.Failed
            || (out instanceof ReadOutcome.Document d
                && d.document().note() != null
                && d.document().note().code().equals("truncated_record"));
    return out;
  }

  private WarcHeaderGuard.Trip tripped() {
    return guard == null ? null : guard.trip();
  }

  /**
   * The record at the trip's offset has a header over the bound: its row, and reading resumes at
   * the next record start after it (without a reopener, the rest of the data is lost with it).
   */
  private ReadOutcome overBound(WarcHeaderGuard.Trip trip) {
    return overBound(trip, null, warcinfoDate != null ? warcinfoDate : fileTime);
  }

  private ReadOutcome overBound(WarcHeaderGuard.Trip trip, String url, Instant date) {
    closeQuietly();
    guard = null;
    returnedInSegment = true;
    lastStart = trip.recordOffset();
    lastCutShort = true;
    if (reopener == null || resumeAfter(trip.recordOffset()) < 0) {
      reader = null;
    }
    ReadOutcome.Failed row =
        new ReadOutcome.Failed(
            sourceFile, trip.recordOffset(), url, date, trip.errorClass(), trip.message());
    if (gap != null) {
      // a broken stretch before the record: its row first
      queued = row;
      return flushGap(trip.recordOffset());
    }
    return row;
  }

  /** A broken stretch being skipped: where it starts and what broke first. */
  private record Gap(long from, boolean afterRecord, boolean coveredByLast, Throwable cause) {}

  private Gap gap;

  /**
   * The stream broke: the stretch starts after the last record read (or where this segment began)
   * and reading resumes at the next record start; a resumed segment that breaks before its first
   * record extends the same stretch, so each broken stretch is one row.
   */
  private void broken(Throwable e) {
    long from = returnedInSegment ? lastStart : segmentBase;
    if (gap == null) {
      gap = new Gap(from, returnedInSegment, returnedInSegment && lastCutShort, e);
    }
    closeQuietly();
    if (resumeAfter(from) < 0) {
      reader = null;
    }
  }

  /** The pending stretch's row, ending at {@code upTo} (-1: the end of the data); else null. */
  private ReadOutcome flushGap(long upTo) {
    Gap g = gap;
    gap = null;
    if (g == null || (upTo < 0 && g.coveredByLast())) {
      // at the end, the last record's own row (failed or cut short) already covers the rest
      return null;
    }
    String tail =
        upTo < 0
            ? "to the end of the data" + (end >= 0 ? " at offset " + end : "")
            : "up to offset " + upTo + ", where reading resumes";
    return new ReadOutcome.Failed(
        sourceFile,
        g.from(),
        null,
        null,
        UNREADABLE_STRETCH,
        "no readable record "
            + (g.afterRecord() ? "after the record at offset " : "from offset ")
            + g.from()
            + " "
            + tail
            + " ("
            + g.cause().getClass().getSimpleName()
            + ": "
            + message(g.cause())
            + ")");
  }

  /** Opens a new reader at the next record start after {@code from}; -1 when there is none. */
  private long resumeAfter(long from) {
    long resume;
    try {
      resume = RecordResync.nextRecordStart(reopener, from + 1, end);
    } catch (IOException | RuntimeException e) {
      resume = -1;
    }
    if (resume < 0) {
      return -1;
    }
    try {
      InputStream in = reopener.openAt(resume);
      if (end >= 0) {
        in =
            org.apache.commons.io.input.BoundedInputStream.builder()
                .setInputStream(in)
                .setMaxCount(end - resume)
                .get();
      }
      segmentBase = resume;
      reader = newReader(in);
      returnedInSegment = false;
      lastStart = resume;
      return resume;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * In an uncompressed file, a record whose declared length runs past the end of the data swallows
   * the records after it. When another record starts inside it, the record is a failure and reading
   * resumes there; otherwise it is the file's last record, cut short, and is read as is.
   */
  private ReadOutcome overrunsNextRecord(WarcRecord record, long offset, String url) {
    if (reopener == null || end < 0 || reader.compression() != WarcCompression.NONE) {
      return null;
    }
    long length =
        record.headers().first("Content-Length").map(WarcDocumentReader::parseLong).orElse(-1L);
    if (length >= 0 && offset + length <= end) {
      return null;
    }
    long nextStart;
    try {
      nextStart = RecordResync.nextRecordStart(reopener, offset + 1, end);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    if (nextStart < 0) {
      return null;
    }
    closeQuietly();
    long resume = resumeAfter(offset);
    ReadOutcome.Failed failed =
        new ReadOutcome.Failed(
            sourceFile,
            offset,
            url,
            safeDate(record),
            "bad_content_length",
            "declared Content-Length "
                + (length < 0 ? "missing or unreadable" : length)
                + " runs past the next record at offset "
                + nextStart
                + "; reading resumes there");
    if (resume < 0) {
      reader = null;
    }
    return failed;
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return -1L;
    }
  }

  private ReadOutcome toOutcome(WarcRecord record, long offset, String url) throws IOException {
    if (record instanceof Warcinfo info) {
      Instant d = strictDate(info);
      if (d != null) {
        warcinfoDate = d;
      }
      boolean arc = info.headers().first("WARC-Filename").isPresent() && isArcFileHeader(info);
      return new ReadOutcome.Skipped(
          sourceFile, offset, url, arc ? "arc_filedesc" : "warc_warcinfo");
    }
    if (url != null && url.regionMatches(true, 0, "dns:", 0, 4)) {
      return new ReadOutcome.Skipped(sourceFile, offset, url, "dns");
    }
    if (record instanceof WarcResponse response) {
      if (url == null) {
        return failed(record, offset, null, "missing_target_uri", "response without a target URI");
      }
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
      // encoded bodies are read up to the limit, then decoded up to the limit
      Salvaged stored = readSalvaging(http.body().stream());
      if (stored.bytes() == null) {
        return tooLarge(record, offset, url);
      }
      String encodings = String.join(",", http.headers().all("Content-Encoding"));
      ContentEncodings.Decoded decoded =
          ContentEncodings.decode(stored.bytes(), encodings, maxDocumentBytes);
      if (decoded.bytes() == null) {
        return tooLarge(record, offset, url);
      }
      return document(
          record,
          offset,
          url,
          contentType,
          decoded.bytes(),
          stored.note() != null ? stored.note() : decoded.note());
    }
    if (record instanceof WarcResource resource) {
      if (url == null) {
        return failed(record, offset, null, "missing_target_uri", "resource without a target URI");
      }
      String contentType = resource.contentType().toString();
      if (!DocumentTypes.isDocument(contentType) && !DocumentTypes.isUnspecific(contentType)) {
        return new ReadOutcome.Skipped(sourceFile, offset, url, "not_a_document");
      }
      Salvaged bytes = readSalvaging(resource.body().stream());
      if (bytes.bytes() == null) {
        return tooLarge(record, offset, url);
      }
      return document(record, offset, url, contentType, bytes.bytes(), bytes.note());
    }
    return new ReadOutcome.Skipped(
        sourceFile, offset, url, "warc_" + record.type().toLowerCase(Locale.ROOT));
  }

  /** A body as far as it could be read; {@code note} says when it was cut short. */
  private record Salvaged(byte[] bytes, String note) {}

  /**
   * Reads at most the size limit (null bytes when the body is larger). A body cut short by the end
   * of the file or a broken gzip member keeps what was read, as warcio does, with a note; a body of
   * which nothing could be read is the record's failure.
   */
  private Salvaged readSalvaging(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buf = new byte[16 * 1024];
    try {
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        if (out.size() > maxDocumentBytes) {
          return new Salvaged(null, null);
        }
      }
      return new Salvaged(out.toByteArray(), null);
    } catch (IOException | RuntimeException e) {
      if (out.size() == 0) {
        throw e;
      }
      return new Salvaged(
          out.toByteArray(),
          "record cut short after " + out.size() + " bytes of body, the part read is kept: " + e);
    }
  }

  /** jwarc turns an ARC file's {@code filedesc://} header into a warcinfo record. */
  private static boolean isArcFileHeader(Warcinfo info) {
    return info.version().getProtocol().equalsIgnoreCase("ARC")
        || info.headers()
            .first("WARC-Target-URI")
            .map(u -> u.startsWith("filedesc:"))
            .orElse(false);
  }

  private ReadOutcome document(
      WarcRecord record,
      long offset,
      String url,
      String contentType,
      byte[] bytes,
      String encodingNote) {
    Instant date = strictDate(record);
    RawDocument.Note note = null;
    if (date == null) {
      String raw = raw(record);
      String what =
          raw == null ? "record without WARC-Date" : "WARC-Date '" + raw + "' does not parse";
      String code = raw == null ? "missing_warc_date" : "bad_warc_date";
      Instant lenient = raw == null ? null : Dates.parse(raw.trim());
      String source;
      if (lenient != null) {
        date = lenient;
        source = "read leniently as ";
      } else if (warcinfoDate != null) {
        date = warcinfoDate;
        source = "the warcinfo record's date ";
      } else if (fileTime != null) {
        date = fileTime;
        source = "the file's modification time ";
      } else {
        return failed(record, offset, url, code, what);
      }
      note = new RawDocument.Note(code, what + "; crawl_time is " + source + date);
    } else if (encodingNote != null) {
      note =
          new RawDocument.Note(
              encodingNote.startsWith("record cut short") ? "truncated_record" : "content_encoding",
              encodingNote);
    }
    return new ReadOutcome.Document(
        new RawDocument(sourceFile, offset, url, date, contentType, bytes, null, null, note));
  }

  private static String raw(WarcRecord record) {
    return record.headers().first("WARC-Date").orElse(null);
  }

  private ReadOutcome tooLarge(WarcRecord record, long offset, String url) {
    return ReadOutcome.Failed.tooLarge(sourceFile, offset, url, safeDate(record), maxDocumentBytes);
  }

  private ReadOutcome failed(
      WarcRecord record, long offset, String url, String errorClass, String message) {
    return new ReadOutcome.Failed(sourceFile, offset, url, safeDate(record), errorClass, message);
  }

  /** The record's date as jwarc reads it (WARC-Date, or an ARC header's date); else null. */
  private static Instant strictDate(WarcRecord record) {
    try {
      return record.date();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The date for a failure row: the record's date, else the fallbacks, else null. */
  private Instant safeDate(WarcRecord record) {
    Instant d = strictDate(record);
    if (d == null) {
      String raw = raw(record);
      d = raw == null ? null : Dates.parse(raw.trim());
    }
    return d != null ? d : warcinfoDate != null ? warcinfoDate : fileTime;
  }

  private static String target(WarcRecord record) {
    try {
      return record instanceof WarcTargetRecord t ? t.target() : null;
    } catch (RuntimeException e) {
      return record.headers().first("WARC-Target-URI").orElse(null);
    }
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getName() : m;
  }

  private void closeQuietly() {
    if (reader != null) {
      try {
        reader.close();
      } catch (IOException | RuntimeException ignored) {
        // the stream is broken already
      }
      reader = null;
    }
  }

  @Override
  public void close() throws IOException {
    closeQuietly();
  }
}
