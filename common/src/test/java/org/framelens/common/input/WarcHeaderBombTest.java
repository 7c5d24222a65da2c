package org.framelens.common.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Header bombs: a record whose header block grows without end, between two good records. The bombs
 * are written to a temporary file as they are generated, never held in memory.
 */
@Timeout(120)
class WarcHeaderBombTest {
  private static final Instant FILE_TIME = Instant.parse("2024-05-01T12:00:00Z");
  private static final WarcHeaderGuard.Limits SMALL = new WarcHeaderGuard.Limits(64 << 10, 8 << 10);

  @TempDir Path dir;

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** What a bomb's header repeats: a byte pattern written {@code times} times. */
  private record Filler(byte[] pattern, long times) {
    long length() {
      return pattern.length * times;
    }

    void writeTo(OutputStream out) throws IOException {
      byte[] chunk =
          new byte[Math.max(pattern.length, (1 << 16) / pattern.length * pattern.length)];
      int per = chunk.length / pattern.length;
      for (int i = 0; i < per; i++) {
        System.arraycopy(pattern, 0, chunk, i * pattern.length, pattern.length);
      }
      long left = times;
      while (left > 0) {
        int n = (int) Math.min(per, left);
        out.write(chunk, 0, n * pattern.length);
        left -= n;
      }
    }
  }

  /** Writes one record per gzip member (or plainly), member by member, to the file. */
  private static final class CrawlFile implements AutoCloseable {
    private final OutputStream file;
    private final boolean gzip;
    private final FileChannel channel;

    CrawlFile(Path path, boolean gzip) throws IOException {
      this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      this.file = Channels.newOutputStream(channel);
      this.gzip = gzip;
    }

    long position() throws IOException {
      return channel.position();
    }

    /** Starts a record; the returned stream ends it when closed. */
    OutputStream record() throws IOException {
      OutputStream keepOpen =
          new FilterOutputStream(file) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
              out.flush();
            }
          };
      return gzip ? new GZIPOutputStream(keepOpen, 1 << 16) : keepOpen;
    }

    void good(String url, String words) throws IOException {
      try (OutputStream out = record()) {
        out.write(CrawlQuirksTest.html(url, "2024-04-30T10:00:00Z", words));
      }
    }

    /** A response record with a WARC header field holding the filler. */
    void warcBomb(String url, Filler filler) throws IOException {
      byte[] block = ascii("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>");
      try (OutputStream out = record()) {
        out.write(
            ascii(
                "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: "
                    + url
                    + "\r\nWARC-Date: 2024-04-30T10:00:00Z\r\n"
                    + "Content-Type: application/http; msgtype=response\r\nX-Padding: "));
        filler.writeTo(out);
        out.write(ascii("\r\nContent-Length: " + block.length + "\r\n\r\n"));
        out.write(block);
        out.write(ascii("\r\n\r\n"));
      }
    }

    /** A response record whose HTTP header holds the filler (the WARC header is fine). */
    void httpBomb(String url, Filler filler) throws IOException {
      byte[] head = ascii("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: ");
      byte[] tail = ascii("\r\n\r\n<p>x</p>");
      long length = head.length + filler.length() + tail.length;
      try (OutputStream out = record()) {
        out.write(
            ascii(
                "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: "
                    + url
                    + "\r\nWARC-Date: 2024-04-30T10:00:00Z\r\n"
                    + "Content-Type: application/http; msgtype=response\r\n"
                    + "Content-Length: "
                    + length
                    + "\r\n\r\n"));
        out.write(head);
        filler.writeTo(out);
        out.write(tail);
        out.write(ascii("\r\n\r\n"));
      }
    }

    @Override
    public void close() throws IOException {
      file.close();
    }
  }

  private static InputStream openAt(Path file, long offset) throws IOException {
    FileChannel ch = FileChannel.open(file);
    ch.position(offset);
    return Channels.newInputStream(ch);
  }

  private static List<ReadOutcome> read(Path file, WarcHeaderGuard.Limits limits)
      throws IOException {
    List<ReadOutcome> out = new ArrayList<>();
    long size = Files.size(file);
    RecordResync.Reopener reopen = offset -> openAt(file, offset);
    try (WarcDocumentReader r =
        limits == null
            ? new WarcDocumentReader(
                openAt(file, 0), file.toString(), 1_000_000, 0, size, FILE_TIME, reopen)
            : new WarcDocumentReader(
                openAt(file, 0), file.toString(), 1_000_000, 0, size, FILE_TIME, reopen, limits)) {
      r.forEachRemaining(out::add);
    }
    return out;
  }

  private static List<String> urls(List<ReadOutcome> outcomes) {
    return CrawlQuirksTest.docs(outcomes).stream().map(RawDocument::url).toList();
  }

  private static byte[] repeat(char c, int n) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) c);
    return b;
  }

  @Test
  void aGzipMemberWithAHeaderLineOfHundredsOfMibIsOneQuarantineRowAndTheRecordsAroundItAreRead()
      throws IOException {
    Path file = dir.resolve("bomb.warc.gz");
    long bombAt;
    try (CrawlFile crawl = new CrawlFile(file, true)) {
      crawl.good("https://news.example/before", "The harbour board met on Monday.");
      bombAt = crawl.position();
      crawl.warcBomb("https://news.example/bomb", new Filler(repeat('a', 1 << 16), 6 << 10));
      crawl.good("https://news.example/after", "The ferry timetable changes in June.");
    }
    // 384 MiB of header in a file of well under 2 MB, read with the default bounds
    assertThat(Files.size(file)).isLessThan(2_000_000);

    List<ReadOutcome> out = read(file, null);

    assertThat(urls(out))
        .containsExactly("https://news.example/before", "https://news.example/after");
    List<ReadOutcome.Failed> failed = CrawlQuirksTest.failures(out);
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).errorClass()).isEqualTo(WarcHeaderGuard.WARC_HEADER_TOO_LARGE);
    assertThat(failed.get(0).sourceOffset()).isEqualTo(bombAt);
    assertThat(failed.get(0).message()).contains("header line").contains("262144");
  }

  @Test
  void aHeaderBlockOfManyShortLinesOverTheBoundIsQuarantinedInAPlainFileToo() throws IOException {
    Path file = dir.resolve("bomb.warc");
    long bombAt;
    try (CrawlFile crawl = new CrawlFile(file, false)) {
      crawl.good("https://news.example/before", "The harbour board met on Monday.");
      bombAt = crawl.position();
      // 16 MiB of 1 KiB header lines: every line is under the line bound, the block is not
      byte[] field = ascii("X-Note: " + "b".repeat(1014) + "\r\n");
      crawl.warcBomb("https://news.example/bomb", new Filler(field, 16 << 10));
      crawl.good("https://news.example/after", "The ferry timetable changes in June.");
    }

    List<ReadOutcome> out = read(file, SMALL);

    assertThat(urls(out))
        .containsExactly("https://news.example/before", "https://news.example/after");
    List<ReadOutcome.Failed> failed = CrawlQuirksTest.failures(out);
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).errorClass()).isEqualTo(WarcHeaderGuard.WARC_HEADER_TOO_LARGE);
    assertThat(failed.get(0).sourceOffset()).isEqualTo(bombAt);
    assertThat(failed.get(0).message()).contains("header block").contains("65536");
  }

  @Test
  void aResponseWhoseHttpHeaderHasNoEndIsQuarantinedWithItsUrl() throws IOException {
    Path file = dir.resolve("http-bomb.warc.gz");
    long bombAt;
    try (CrawlFile crawl = new CrawlFile(file, true)) {
      crawl.good("https://news.example/before", "The harbour board met on Monday.");
      bombAt = crawl.position();
      crawl.httpBomb("https://news.example/bomb", new Filler(repeat('c', 1 << 16), 1 << 10));
      crawl.good("https://news.example/after", "The ferry timetable changes in June.");
    }

    List<ReadOutcome> out = read(file, SMALL);

    assertThat(urls(out))
        .containsExactly("https://news.example/before", "https://news.example/after");
    List<ReadOutcome.Failed> failed = CrawlQuirksTest.failures(out);
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).errorClass()).isEqualTo(WarcHeaderGuard.HTTP_HEADER_TOO_LARGE);
    assertThat(failed.get(0).sourceOffset()).isEqualTo(bombAt);
    assertThat(failed.get(0).url()).isEqualTo("https://news.example/bomb");
  }

  @Test
  void headersUnderTheDefaultBoundsAreReadAsUsual() throws IOException {
    Path file = dir.resolve("long-but-fine.warc.gz");
    try (CrawlFile crawl = new CrawlFile(file, true)) {
      crawl.good("https://news.example/before", "The harbour board met on Monday.");
      // a 200 KiB header line: long, as some cookie and policy headers are, but under 256 KiB
      crawl.warcBomb("https://news.example/long", new Filler(repeat('d', 1024), 200));
      crawl.good("https://news.example/after", "The ferry timetable changes in June.");
    }

    List<ReadOutcome> out = read(file, null);

    assertThat(urls(out))
        .containsExactly(
            "https://news.example/before",
            "https://news.example/long",
            "https://news.example/after");
    assertThat(CrawlQuirksTest.failures(out)).isEmpty();
  }
}
