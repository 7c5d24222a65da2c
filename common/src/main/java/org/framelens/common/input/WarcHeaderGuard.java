package org.framelens.common.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Bounds the header blocks of a crawl file before jwarc parses them.
 *
 * <p>jwarc's header parsers keep a header in a buffer that grows without bound, so one record with
 * a header field of hundreds of MiB (a few MiB of gzip) exhausts the heap. jwarc decompresses gzip
 * itself, so this stream sits under it, on the file's bytes, and follows the records on a
 * decompressed copy of its own: each record's WARC header block (and an ARC record's header line),
 * and the HTTP header block at the start of a {@code response} record's content. When one of them
 * grows past {@link Limits#maxBlockBytes} without the blank line that ends it, or one of its lines
 * past {@link Limits#maxLineBytes}, the stream notes the record ({@link #trip()}) and ends: jwarc
 * sees the data end inside that record, so what it holds stays within the limit plus the bytes one
 * read of 8 KiB of gzip inflates to. The reader then quarantines that record and resumes at the
 * next record start.
 *
 * <p>The copy follows records by their {@code Content-Length}. Where it cannot (a missing or
 * unreadable length, bytes that start no record, a gzip stream it cannot inflate) it stops judging
 * until the next gzip member starts a record, and jwarc's own error handling takes over; it never
 * ends the stream for a record it has not followed from its start. Costs one more inflation of gzip
 * data.
 */
public final class WarcHeaderGuard extends FilterInputStream {

  /**
   * The bounds. {@link #DEFAULT}: a header block of 1 MiB and a line of 256 KiB. Chrome refuses a
   * response whose whole HTTP header exceeds 256 KiB, so no page a browser shows has a longer
   * header line; WARC headers written by crawlers are a few KiB. What jwarc buffers for one header
   * stays under the block bound (plus one read's worth of inflated bytes, at most about 8 MiB).
   */
  public record Limits(int maxBlockBytes, int maxLineBytes) {
    public static final Limits DEFAULT = new Limits(1 << 20, 256 << 10);

    public Limits {
      if (maxBlockBytes < 64 || maxLineBytes < 64) {
        throw new IllegalArgumentException("header limits below 64 bytes");
      }
    }
  }

  /** Error class of a record whose WARC header block (or ARC header line) is over the bound. */
  public static final String WARC_HEADER_TOO_LARGE = "warc_header_too_large";

  /** Error class of a response record whose HTTP header block is over the bound. */
  public static final String HTTP_HEADER_TOO_LARGE = "http_header_too_large";

  /** The record that went over a bound: its file offset, the error class and a message. */
  public record Trip(long recordOffset, String errorClass, String message) {}

  private enum State {
    START,
    WARC_HEADER,
    ARC_HEADER,
    HTTP_HEADER,
    BODY,
    PASSIVE
  }

  private final Limits limits;
  private final long baseOffset;
  private long rawRead;
  private Trip trip;

  // gzip: the file's own inflation, member by member
  private Boolean gzip;
  private Inflater inflater;
  private final byte[] pending = new byte[64 * 1024];
  private int pendingLen;
  private long pendingStart;
  private final byte[] inflaterInput = new byte[64 * 1024];
  private int inputLen;
  private long inputStart;
  private boolean inMemberHeader;
  private int memberTrailerLeft;
  private long memberOffset;
  private boolean memberStartsRecord;
  private final byte[] out = new byte[64 * 1024];

  // the record being followed, on decompressed bytes
  private State state = State.START;
  private long recordOffset;
  private long blockBytes;
  private long lineBytes;
  private int last4;
  private long bodyLeft;
  private final StringBuilder line = new StringBuilder();
  private long contentLength;
  private boolean response;
  private boolean httpContent;
  private int startMatched;

  public WarcHeaderGuard(InputStream in, long baseOffset, Limits limits) {
    super(in);
    this.baseOffset = baseOffset;
    this.limits = limits;
  }

  /** The record that went over a bound, or null while none has. */
  public Trip trip() {
    return trip;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (trip != null) {
      return -1;
    }
    int n = super.read(b, off, len);
    if (n > 0) {
      observe(b, off, n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // every byte must pass the copy: skip by reading
    byte[] buf = new byte[(int) Math.min(8192, Math.max(1, n))];
    long done = 0;
    while (done < n) {
      int r = read(buf, 0, (int) Math.min(buf.length, n - done));
      if (r < 0) {
        break;
      }
      done += r;
    }
    return done;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void observe(byte[] b, int off, int n) {
    if (gzip == null) {
      gzip = (b[off] & 0xff) == 0x1f && (n < 2 || (b[off + 1] & 0xff) == 0x8b);
      if (gzip) {
        inflater = new Inflater(true);
        inMemberHeader = true;
        memberOffset = baseOffset;
        pendingStart = baseOffset;
      }
    }
    if (!gzip) {
      for (int i = 0; i < n && trip == null; i++) {
        step(b[off + i], baseOffset + rawRead + i);
      }
      rawRead += n;
      return;
    }
    int i = 0;
    while (i < n && trip == null && inflater != null) {
      int take = Math.min(n - i, pending.length - pendingLen);
      if (take == 0) {
        inflater.end();
        inflater = null; // a member header longer than the buffer: jwarc decides
        passive();
        break;
      }
      System.arraycopy(b, off + i, pending, pendingLen, take);
      pendingLen += take;
      i += take;
      drainGzip();
    }
    rawRead += n;
  }

  /**
   * Inflates what {@code pending} holds, member by member. The inflater keeps a reference to its
   * input, so it gets a copy ({@code inflaterInput}); what it leaves at a member's end goes back to
   * {@code pending}.
   */
  private void drainGzip() {
    int pos = 0;
    try {
      while (trip == null && inflater != null) {
        if (memberTrailerLeft > 0) {
          int t = Math.min(memberTrailerLeft, pendingLen - pos);
          pos += t;
          memberTrailerLeft -= t;
          if (memberTrailerLeft > 0) {
            break;
          }
          inMemberHeader = true;
          memberOffset = pendingStart + pos;
          continue;
        }
        if (inMemberHeader) {
          int h = memberHeaderLength(pending, pos, pendingLen);
          if (h == 0) {
            break; // need more bytes
          }
          if (h < 0) {
            inflater.end();
            inflater = null; // not a gzip member: jwarc decides
            passive();
            break;
          }
          pos += h;
          inMemberHeader = false;
          memberStartsRecord = true;
          inflater.reset();
          continue;
        }
        if (inflater.needsInput()) {
          if (pos >= pendingLen) {
            break;
          }
          inputLen = pendingLen - pos;
          System.arraycopy(pending, pos, inflaterInput, 0, inputLen);
          inputStart = pendingStart + pos;
          inflater.setInput(inflaterInput, 0, inputLen);
          pos = pendingLen;
        }
        int got = inflater.inflate(out);
        for (int k = 0; k < got && trip == null; k++) {
          if (memberStartsRecord) {
            memberStartsRecord = false;
            if (state == State.PASSIVE) {
              state = State.START;
              startMatched = 0;
            }
          }
          step(out[k], memberOffset);
        }
        if (inflater.finished()) {
          int rem = inflater.getRemaining();
          // pos == pendingLen here: pending holds nothing the inflater was not given
          System.arraycopy(inflaterInput, inputLen - rem, pending, 0, rem);
          pendingStart = inputStart + inputLen - rem;
          pendingLen = rem;
          pos = 0;
          memberTrailerLeft = 8;
          continue;
        }
        if (got == 0 && (!inflater.needsInput() || pos >= pendingLen)) {
          break; // wants more input (or a dictionary, which gzip never has)
        }
      }
    } catch (DataFormatException e) {
      inflater.end();
      inflater = null;
      passive();
    }
    System.arraycopy(pending, pos, pending, 0, pendingLen - pos);
    pendingLen -= pos;
    pendingStart += pos;
  }

  /** Length of the gzip member header at {@code p}: 0 when more bytes are needed, -1 if none. */
  private static int memberHeaderLength(byte[] b, int p, int end) {
    int have = end - p;
    if (have < 10) {
      return have >= 1 && (b[p] & 0xff) != 0x1f ? -1 : 0;
    }
    if ((b[p] & 0xff) != 0x1f || (b[p + 1] & 0xff) != 0x8b || b[p + 2] != 8) {
      return -1;
    }
    int flags = b[p + 3] & 0xff;
    int q = p + 10;
    if ((flags & 4) != 0) {
      if (end - q < 2) {
        return 0;
      }
      int xlen = (b[q] & 0xff) | (b[q + 1] & 0xff) << 8;
      q += 2 + xlen;
      if (q > end) {
        return xlen + 12 > 64 * 1024 ? -1 : 0;
      }
    }
    for (int f : new int[] {8, 16}) {
      if ((flags & f) != 0) {
        while (q < end && b[q] != 0) {
          q++;
        }
        if (q >= end) {
          return end - p >= 64 * 1024 ? -1 : 0;
        }
        q++;
      }
    }
    if ((flags & 2) != 0) {
      q += 2;
      if (q > end) {
        return 0;
      }
    }
    return q - p;
  }

  private void passive() {
    state = State.PASSIVE;
  }

  private static final byte[] WARC = "WARC/".getBytes(StandardCharsets.US_ASCII);

  /** One decompressed byte; {@code at} is the file offset of a record starting here. */
  private void step(byte c, long at) {
    switch (state) {
      case START -> {
        if (startMatched == 0 && (c == '\r' || c == '\n')) {
          return; // the trailer of the record before
        }
        if (startMatched == 0) {
          recordOffset = at;
          blockBytes = 0;
          lineBytes = 0;
          last4 = 0;
          line.setLength(0);
          contentLength = -1;
          response = false;
          httpContent = false;
        }
        if (startMatched < WARC.length && c == WARC[startMatched]) {
          startMatched++;
          count(c);
          if (startMatched == WARC.length) {
            state = State.WARC_HEADER;
          }
          return;
        }
        if (startMatched == 0 && Character.isLetter(c)) {
          // an ARC record: one header line whose last field is the length
          state = State.ARC_HEADER;
          count(c);
          return;
        }
        passive();
      }
      case WARC_HEADER -> {
        count(c);
        if (trip != null) {
          return;
        }
        if (c == '\n') {
          headerLine();
          if ((last4 & 0xffffffff) == 0x0d0a0d0a || (last4 & 0xffff) == 0x0a0a) {
            endOfWarcHeader();
          }
        }
      }
      case ARC_HEADER -> {
        count(c);
        if (trip == null && c == '\n') {
          String l = line.toString().trim();
          int sp = l.lastIndexOf(' ');
          long len = sp < 0 ? -1 : parseLength(l.substring(sp + 1));
          if (len < 0) {
            passive();
            return;
          }
          bodyLeft = len;
          state = len == 0 ? State.START : State.BODY;
          startMatched = 0;
        }
      }
      case HTTP_HEADER -> {
        bodyLeft--;
        count(c);
        if (trip != null) {
          return;
        }
        if (c == '\n' && ((last4 & 0xffffffff) == 0x0d0a0d0a || (last4 & 0xffff) == 0x0a0a)) {
          state = State.BODY;
        }
        if (bodyLeft == 0) {
          state = State.START;
          startMatched = 0;
        }
      }
      case BODY -> {
        if (--bodyLeft <= 0) {
          state = State.START;
          startMatched = 0;
        }
      }
      case PASSIVE -> {
        // not following: jwarc decides
      }
    }
  }

  private void count(byte c) {
    blockBytes++;
    last4 = (last4 << 8) | (c & 0xff);
    if (c == '\n') {
      lineBytes = 0;
    } else {
      lineBytes++;
      if (line.length() < 8192) {
        line.append((char) (c & 0xff));
      }
    }
    boolean http = state == State.HTTP_HEADER;
    if (blockBytes > limits.maxBlockBytes()) {
      tripped(http, "header block", blockBytes, limits.maxBlockBytes());
    } else if (lineBytes > limits.maxLineBytes()) {
      tripped(http, "header line", lineBytes, limits.maxLineBytes());
    }
  }

  private void tripped(boolean http, String what, long seen, int bound) {
    trip =
        new Trip(
            recordOffset,
            http ? HTTP_HEADER_TOO_LARGE : WARC_HEADER_TOO_LARGE,
            (http ? "HTTP " : state == State.ARC_HEADER ? "ARC " : "WARC ")
                + what
                + " of the record at offset "
                + recordOffset
                + " is over the bound of "
                + bound
                + " bytes ("
                + seen
                + " bytes read without its end); the record is skipped unread");
  }

  /** A complete WARC header line (in {@code line}, at most its first 8192 bytes). */
  private void headerLine() {
    String l = line.toString();
    line.setLength(0);
    int colon = l.indexOf(':');
    if (colon <= 0) {
      return;
    }
    String name = l.substring(0, colon).trim().toLowerCase(Locale.ROOT);
    String value = l.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
    switch (name) {
      case "content-length" -> contentLength = parseLength(value);
      case "warc-type" -> response = value.equals("response");
      case "content-type" -> httpContent = value.startsWith("application/http");
      default -> {
        // other fields do not change how the record is followed
      }
    }
  }

  private void endOfWarcHeader() {
    if (contentLength < 0) {
      passive(); // jwarc fails the record or reads it as empty: its call
      return;
    }
    bodyLeft = contentLength;
    startMatched = 0;
    if (contentLength == 0) {
      state = State.START;
    } else if (response && httpContent) {
      state = State.HTTP_HEADER;
      blockBytes = 0;
      lineBytes = 0;
      last4 = 0;
    } else {
      state = State.BODY;
    }
  }

  private static long parseLength(String s) {
    try {
      long v = Long.parseLong(s.trim());
      return v < 0 ? -1 : v;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
