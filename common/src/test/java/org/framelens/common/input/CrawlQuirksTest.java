package org.framelens.common.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** What real crawlers write, in small hand-made byte fixtures: each quirk read, never thrown. */
class CrawlQuirksTest {
  private static final Instant FILE_TIME = Instant.parse("2024-05-01T12:00:00Z");

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static String page(String words) {
    return "<html><head><title>Harbour notes</title></head><body><p>"
        + words
        + "</p></body></html>";
  }

  /** A WARC record with the given header lines (each ending CRLF) and block. */
  static byte[] warc(String headers, byte[] block) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        ascii("WARC/1.0\r\n" + headers + "Content-Length: " + block.length + "\r\n\r\n"));
    out.writeBytes(block);
    out.writeBytes(ascii("\r\n\r\n"));
    return out.toByteArray();
  }

  static byte[] response(String url, String date, String httpHeaders, byte[] body) {
    ByteArrayOutputStream http = new ByteArrayOutputStream();
    http.writeBytes(ascii("HTTP/1.1 200 OK\r\n" + httpHeaders + "\r\n"));
    http.writeBytes(body);
    return warc(
        "WARC-Type: response\r\n"
            + "WARC-Target-URI: "
            + url
            + "\r\n"
            + (date == null ? "" : "WARC-Date: " + date + "\r\n")
            + "WARC-Record-ID: <urn:uuid:"
            + java.util.UUID.nameUUIDFromBytes(ascii(url))
            + ">\r\n"
            + "Content-Type: application/http; msgtype=response\r\n",
        http.toByteArray());
  }

  static byte[] html(String url, String date, String words) {
    return response(url, date, "Content-Type: text/html; charset=utf-8\r\n", ascii(page(words)));
  }

  static byte[] warcinfo(String date) {
    return warc(
        "WARC-Type: warcinfo\r\nWARC-Date: "
            + date
            + "\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
            + "Content-Type: application/warc-fields\r\n",
        ascii("software: hand-made\r\n"));
  }

  /** Words that do not compress away, so a cut gzip member still holds the record's head. */
  static String words(int n) {
    java.util.Random r = new java.util.Random(3);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(Integer.toString(r.nextInt(1 << 20), 36)).append(' ');
    }
    return b.toString();
  }

  static byte[] gzip(byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(b);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** Reads like a run does: with the file's time and the ability to reopen it at an offset. */
  static List<ReadOutcome> read(byte[] file, String name) throws IOException {
    List<ReadOutcome> out = new ArrayList<>();
    RecordResync.Reopener reopen =
        offset -> new ByteArrayInputStream(file, (int) offset, file.length - (int) offset);
    try (WarcDocumentReader r =
        new WarcDocumentReader(
            new ByteArrayInputStream(file), name, 1_000_000, 0, file.length, FILE_TIME, reopen)) {
      r.forEachRemaining(out::add);
    }
    return out;
  }

  static List<RawDocument> docs(List<ReadOutcome> outcomes) {
    return outcomes.stream()
        .filter(o -> o instanceof ReadOutcome.Document)
        .map(o -> ((ReadOutcome.Document) o).document())
        .toList();
  }

  static List<ReadOutcome.Failed> failures(List<ReadOutcome> outcomes) {
    return outcomes.stream()
        .filter(o -> o instanceof ReadOutcome.Failed)
        .map(o -> (ReadOutcome.Failed) o)
        .toList();
  }

  @Test
  void anUnparseableWarcDateFallsBackToTheWarcinfoDateWithANote() throws IOException {
    byte[] file =
        concat(
            warcinfo("2009-01-13T05:00:00Z"),
            html("http://a.example/1", "2009-01-1X3T05:21:46-0700", "quay cranes at dawn"));
    RawDocument doc = docs(read(file, "bad-date.warc")).get(0);
    assertThat(doc.crawlTime()).isEqualTo(Instant.parse("2009-01-13T05:00:00Z"));
    assertThat(doc.note().code()).isEqualTo("bad_warc_date");
    assertThat(doc.note().message()).contains("2009-01-1X3T05:21:46-0700").contains("warcinfo");
  }

  @Test
  void aWarcDateCutShortIsReadLenientlyAndFlagged() throws IOException {
    RawDocument doc =
        docs(read(html("http://a.example/2", "2019-08-15T01:02", "ferry timetable"), "x.warc"))
            .get(0);
    assertThat(doc.crawlTime()).isEqualTo(Instant.parse("2019-08-15T01:02:00Z"));
    assertThat(doc.note().code()).isEqualTo("bad_warc_date");
  }

  @Test
  void aRecordWithoutWarcDateTakesTheFilesTimeWithANote() throws IOException {
    RawDocument doc =
        docs(read(html("http://a.example/3", null, "lighthouse keeper"), "x.warc")).get(0);
    assertThat(doc.crawlTime()).isEqualTo(FILE_TIME);
    assertThat(doc.note().code()).isEqualTo("missing_warc_date");
  }

  @Test
  void arcV1RecordsBecomeDocumentsAndTheFileHeaderAndDnsAreSkippedWithReasons() throws IOException {
    String desc = "1 0 Hand Made\nURL IP-address Archive-date Content-type Archive-length\n";
    String http = "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + page("tide tables");
    String dns = "20080430204825\nwww.example.org.\t589\tIN\tA\t192.0.2.1\n";
    String file =
        "filedesc://hand.arc 0.0.0.0 20080430204825 text/plain "
            + desc.length()
            + "\n"
            + desc
            + "\n"
            + "dns:www.example.org 192.0.2.9 20080430204825 text/dns "
            + dns.length()
            + "\n"
            + dns
            + "\n"
            + "http://www.example.org/tides 192.0.2.1 20080430204826 text/html "
            + http.length()
            + "\n"
            + http
            + "\n";
    List<ReadOutcome> outcomes = read(ascii(file), "hand.arc");
    assertThat(outcomes)
        .extracting(
            o -> o instanceof ReadOutcome.Skipped s ? s.reason() : o.getClass().getSimpleName())
        .containsExactly("arc_filedesc", "dns", "Document");
    RawDocument doc = docs(outcomes).get(0);
    assertThat(doc.url()).isEqualTo("http://www.example.org/tides");
    assertThat(doc.crawlTime()).isEqualTo(Instant.parse("2008-04-30T20:48:26Z"));
    assertThat(new String(doc.body(), StandardCharsets.UTF_8)).contains("tide tables");
  }

  @Test
  void garbageBetweenRecordsIsOneFailureWithItsRangeAndReadingResumes() throws IOException {
    byte[] first = html("http://a.example/4", "2024-05-01T10:00:00Z", "first pier");
    byte[] garbage = ascii("%%%% not a record at all %%%%\r\n".repeat(20));
    byte[] second = html("http://a.example/5", "2024-05-01T10:01:00Z", "second pier");
    List<ReadOutcome> outcomes = read(concat(first, garbage, second), "garbage.warc");
    assertThat(docs(outcomes))
        .extracting(RawDocument::url)
        .containsExactly("http://a.example/4", "http://a.example/5");
    assertThat(docs(outcomes).get(1).sourceOffset()).isEqualTo(first.length + garbage.length);
    assertThat(failures(outcomes)).hasSize(1);
    ReadOutcome.Failed gap = failures(outcomes).get(0);
    assertThat(gap.errorClass()).isEqualTo(WarcDocumentReader.UNREADABLE_STRETCH);
    assertThat(gap.message()).contains("up to offset " + (first.length + garbage.length));
  }

  @Test
  void aCorruptGzipMemberIsOneFailureAndTheMembersAfterItAreRead() throws IOException {
    byte[] a = gzip(html("http://a.example/6", "2024-05-01T10:00:00Z", "net mending"));
    byte[] b = gzip(html("http://a.example/7", "2024-05-01T10:01:00Z", "salt cod"));
    byte[] c = gzip(html("http://a.example/8", "2024-05-01T10:02:00Z", "boat shed"));
    byte[] broken = b.clone();
    for (int i = 12; i < broken.length - 8; i += 3) {
      broken[i] ^= 0x5a; // scrambles the deflate data, keeps the member's gzip header
    }
    List<ReadOutcome> outcomes = read(concat(a, broken, c), "corrupt.warc.gz");
    assertThat(docs(outcomes))
        .extracting(RawDocument::url)
        .contains("http://a.example/6", "http://a.example/8")
        .doesNotContain("http://a.example/7");
    assertThat(docs(outcomes).get(docs(outcomes).size() - 1).sourceOffset())
        .isEqualTo(a.length + broken.length);
    assertThat(failures(outcomes)).isNotEmpty();
    assertThat(failures(outcomes)).allSatisfy(f -> assertThat(f.sourceOffset()).isNotNull());
  }

  @Test
  void aRecordCutShortByTheEndOfAGzipFileKeepsItsReadPartWithANote() throws IOException {
    byte[] a = gzip(html("http://a.example/9", "2024-05-01T10:00:00Z", words(3000)));
    List<ReadOutcome> outcomes = read(Arrays.copyOf(a, a.length - 200), "cut.warc.gz");
    assertThat(docs(outcomes)).hasSize(1);
    assertThat(docs(outcomes).get(0).note().code()).isEqualTo("truncated_record");
  }

  @Test
  void aDeclaredGzipEncodingOverAPlainBodyKeepsTheStoredBytes() throws IOException {
    byte[] rec =
        response(
            "http://a.example/10",
            "2024-05-01T10:00:00Z",
            "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
            ascii(page("gulls over the quay")));
    RawDocument doc = docs(read(rec, "x.warc")).get(0);
    assertThat(new String(doc.body(), StandardCharsets.UTF_8)).contains("gulls over the quay");
    assertThat(doc.note().code()).isEqualTo("content_encoding");
  }

  @Test
  void aGzipEncodedBodyIsDecodedWithoutANote() throws IOException {
    byte[] rec =
        response(
            "http://a.example/11",
            "2024-05-01T10:00:00Z",
            "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
            gzip(ascii(page("anchor chain"))));
    RawDocument doc = docs(read(rec, "x.warc")).get(0);
    assertThat(new String(doc.body(), StandardCharsets.UTF_8)).contains("anchor chain");
    assertThat(doc.note()).isNull();
  }

  @Test
  void aDeclaredBrotliOrDeflateEncodingOverAPlainBodyKeepsTheStoredBytes() {
    byte[] plain = ascii(page("brackish water"));
    for (String enc : List.of("br", "deflate")) {
      ContentEncodings.Decoded d = ContentEncodings.decode(plain, enc, 1_000_000);
      assertThat(d.bytes()).isEqualTo(plain);
      assertThat(d.note()).contains(enc);
    }
  }

  @Test
  void aRawDeflateBodyAndAZlibBodyAreBothDecoded() throws IOException {
    byte[] plain = ascii(page("estuary"));
    for (boolean nowrap : List.of(true, false)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (var d =
          new java.util.zip.DeflaterOutputStream(
              out,
              new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, nowrap))) {
        d.write(plain);
      }
      assertThat(ContentEncodings.decode(out.toByteArray(), "deflate", 1_000_000).bytes())
          .isEqualTo(plain);
    }
  }

  @Test
  void aChunkedHeaderOverABodyStoredDechunkedKeepsTheBody() throws IOException {
    byte[] rec =
        response(
            "http://a.example/12",
            "2024-05-01T10:00:00Z",
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
            ascii(page("mooring posts")));
    RawDocument doc = docs(read(rec, "x.warc")).get(0);
    assertThat(new String(doc.body(), StandardCharsets.UTF_8)).contains("mooring posts");
  }

  @Test
  void aChunkedBodyStoredRawIsDechunked() throws IOException {
    String body = page("fish market");
    String chunked = Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
    byte[] rec =
        response(
            "http://a.example/13",
            "2024-05-01T10:00:00Z",
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
            ascii(chunked));
    RawDocument doc = docs(read(rec, "x.warc")).get(0);
    assertThat(new String(doc.body(), StandardCharsets.UTF_8)).isEqualTo(body);
  }

  @Test
  void aDeclaredLengthRunningPastTheNextRecordFailsThatRecordOnly() throws IOException {
    byte[] good = html("http://a.example/14", "2024-05-01T10:00:00Z", "tugboat");
    byte[] liar =
        ascii(
            new String(
                    html("http://a.example/15", "2024-05-01T10:00:00Z", "buoy"),
                    StandardCharsets.ISO_8859_1)
                .replaceFirst("Content-Length: \\d+", "Content-Length: 999999"));
    byte[] after = html("http://a.example/16", "2024-05-01T10:01:00Z", "slipway");
    List<ReadOutcome> outcomes = read(concat(good, liar, after), "liar.warc");
    assertThat(docs(outcomes))
        .extracting(RawDocument::url)
        .containsExactly("http://a.example/14", "http://a.example/16");
    assertThat(failures(outcomes))
        .extracting(ReadOutcome.Failed::errorClass)
        .containsExactly("bad_content_length");
    assertThat(failures(outcomes).get(0).sourceOffset()).isEqualTo((long) good.length);
  }
}
