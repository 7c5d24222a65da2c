package org.framelens.common.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

class WarcDocumentReaderTest {
  private static final Instant T = Instant.parse("2023-10-21T08:00:00Z");
  private static final long LIMIT = 1_000_000;

  private static byte[] html(String body, Charset cs) {
    return ("<html><head><title>t</title></head><body><p>" + body + "</p></body></html>")
        .getBytes(cs);
  }

  private static void response(
      WarcWriter w, String url, int status, String type, byte[] body, String encoding)
      throws IOException {
    HttpResponse.Builder b = new HttpResponse.Builder(status, "X").addHeader("Content-Type", type);
    if (encoding != null) {
      b.addHeader("Content-Encoding", encoding);
    }
    w.write(
        new WarcResponse.Builder(URI.create(url))
            .date(T)
            .body(b.body(MediaType.parse(type.replace(" ", "")), body).build())
            .build());
  }

  private static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(b);
    }
    return out.toByteArray();
  }

  /** A small crawl: 3 articles among records that are not articles. */
  private static byte[] crawl(WarcCompression compression) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (WarcWriter w = new WarcWriter(Channels.newChannel(out), compression)) {
      w.write(new Warcinfo.Builder().date(T).filename("test.warc").build());
      w.write(
          new WarcRequest.Builder(URI.create("https://a.example.com/1"))
              .date(T)
              .body(new HttpRequest.Builder("GET", "/1").addHeader("Host", "a.example.com").build())
              .build());
      response(
          w,
          "https://a.example.com/1",
          200,
          "text/html; charset=utf-8",
          html("first story", StandardCharsets.UTF_8),
          null);
      response(
          w,
          "https://a.example.com/missing",
          404,
          "text/html",
          html("gone", StandardCharsets.UTF_8),
          null);
      response(w, "https://a.example.com/logo.png", 200, "image/png", new byte[] {1, 2, 3}, null);
      response(
          w,
          "https://a.example.com/site.css",
          200,
          "text/css",
          "a{}".getBytes(StandardCharsets.UTF_8),
          null);
      response(
          w,
          "https://b.example.org/2",
          200,
          "text/html; charset=windows-1251",
          gzip(html("Вторая новость", Charset.forName("windows-1251"))),
          "gzip");
      w.write(
          new WarcRevisit.Builder(URI.create("https://a.example.com/1"))
              .date(T)
              .body(new HttpResponse.Builder(304, "Not Modified").build())
              .build());
      w.write(
          new WarcResource.Builder(URI.create("file:///docs/report.txt"))
              .date(T)
              .body(MediaType.PLAIN_TEXT, "A plain report.".getBytes(StandardCharsets.UTF_8))
              .build());
    }
    return out.toByteArray();
  }

  private static List<ReadOutcome> readAll(byte[] bytes) throws IOException {
    List<ReadOutcome> out = new ArrayList<>();
    try (WarcDocumentReader r =
        new WarcDocumentReader(new ByteArrayInputStream(bytes), "test.warc.gz", LIMIT)) {
      r.forEachRemaining(out::add);
    }
    return out;
  }

  private static List<String> kinds(List<ReadOutcome> outcomes) {
    return outcomes.stream()
        .map(
            o ->
                o instanceof ReadOutcome.Document d
                    ? "doc " + d.document().url()
                    : o instanceof ReadOutcome.Skipped s ? "skip " + s.reason() : "fail")
        .toList();
  }

  @Test
  void keepsSuccessfulDocumentResponsesAndResourcesAndSaysWhyEverythingElseIsSkipped()
      throws IOException {
    for (WarcCompression c : List.of(WarcCompression.GZIP, WarcCompression.NONE)) {
      assertThat(kinds(readAll(crawl(c))))
          .containsExactly(
              "skip warc_warcinfo",
              "skip warc_request",
              "doc https://a.example.com/1",
              "skip http_status_4xx",
              "skip not_a_document",
              "skip not_a_document",
              "doc https://b.example.org/2",
              "skip warc_revisit",
              "doc file:///docs/report.txt");
    }
  }

  @Test
  void decodesHttpContentEncodingAndKeepsTheDeclaredCharset() throws IOException {
    RawDocument doc =
        readAll(crawl(WarcCompression.GZIP)).stream()
            .filter(
                o ->
                    o instanceof ReadOutcome.Document d
                        && d.document().url().contains("b.example.org"))
            .map(o -> ((ReadOutcome.Document) o).document())
            .findFirst()
            .orElseThrow();
    assertThat(DocumentTypes.charsetParameter(doc.declaredContentType())).isEqualTo("windows-1251");
    assertThat(new String(doc.body(), Charset.forName("windows-1251"))).contains("Вторая новость");
    assertThat(doc.crawlTime()).isEqualTo(T);
    assertThat(doc.sourceOffset()).isPositive();
  }

  @Test
  void keepsEveryRecordBeforeATruncatedGzipMemberAndReportsTheBreak() throws IOException {
    byte[] whole = crawl(WarcCompression.GZIP);
    List<ReadOutcome> complete = readAll(whole);
    // cut inside the gzip member of the second article's response
    long secondArticleOffset =
        complete.stream()
            .filter(
                o ->
                    o instanceof ReadOutcome.Document d
                        && d.document().url().contains("b.example.org"))
            .mapToLong(o -> ((ReadOutcome.Document) o).document().sourceOffset())
            .findFirst()
            .orElseThrow();
    byte[] cut = Arrays.copyOf(whole, (int) secondArticleOffset + 40);

    List<ReadOutcome> outcomes = readAll(cut);

    assertThat(kinds(outcomes)).startsWith(kinds(complete).subList(0, 6).toArray(new String[0]));
    assertThat(outcomes.get(outcomes.size() - 1)).isInstanceOf(ReadOutcome.Failed.class);
    assertThat(outcomes.stream().filter(o -> o instanceof ReadOutcome.Failed)).hasSize(1);
  }

  @Test
  void garbageBytesGiveOneFailureNotAnException() throws IOException {
    byte[] garbage = new byte[5000];
    new java.util.Random(7).nextBytes(garbage);
    List<ReadOutcome> outcomes = readAll(garbage);
    assertThat(outcomes).hasSize(1);
    assertThat(outcomes.get(0)).isInstanceOf(ReadOutcome.Failed.class);
  }

  @Test
  void anEmptyFileHasNoRecords() throws IOException {
    assertThat(readAll(new byte[0])).isEmpty();
  }

  @Test
  void aDocumentOverTheSizeLimitIsAFailureWithItsReason() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (WarcWriter w = new WarcWriter(Channels.newChannel(out), WarcCompression.GZIP)) {
      response(w, "https://a.example.com/big", 200, "text/html", new byte[2000], null);
      response(
          w,
          "https://a.example.com/small",
          200,
          "text/html",
          html("ok", StandardCharsets.UTF_8),
          null);
    }
    List<ReadOutcome> outcomes = new ArrayList<>();
    try (WarcDocumentReader r =
        new WarcDocumentReader(new ByteArrayInputStream(out.toByteArray()), "x", 1000)) {
      r.forEachRemaining(outcomes::add);
    }
    assertThat(outcomes.get(0))
        .isInstanceOfSatisfying(
            ReadOutcome.Failed.class, f -> assertThat(f.errorClass()).isEqualTo("too_large"));
    assertThat(outcomes.get(1)).isInstanceOf(ReadOutcome.Document.class);
  }
}
