package org.framelens.common.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.tika.parser.AutoDetectParser;
import org.framelens.common.input.RawDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The parse deadline holds for parsers that neither read nor write while they work: enforced from
 * outside the parse, for every format.
 */
@Timeout(180)
class ParseWatchdogTest {
  private static RawDocument doc(String url, String type, byte[] body) {
    return new RawDocument("f.warc.gz", 0, url, Instant.EPOCH, type, body, null, null);
  }

  private static final byte[] PAGE =
      ("<html><body><article><p>The harbour board met on Tuesday and agreed to widen the northern"
              + " quay before the winter storms.</p></article></body></html>")
          .getBytes(StandardCharsets.UTF_8);

  private static long millisSince(long t) {
    return (System.nanoTime() - t) / 1_000_000;
  }

  /** Waits for abandoned parses of other tests to end, so the counts below are this test's. */
  private static void noAbandonedParsesRunning() throws InterruptedException {
    long until = System.nanoTime() + 150_000_000_000L;
    while (ParseWatchdog.abandonedRunning() > 0 && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    assertThat(ParseWatchdog.abandonedRunning()).isZero();
  }

  @Test
  void aPdfThatKeepsPdfBoxBusyForSecondsStopsAtTheDeadline() throws Exception {
    // two million operators (38 MB) in a 93 KB file: PDFBox works on them about 10 s (measured
    // here), without a read or a SAX event, after reading the file
    byte[] pdf = SlowDocuments.pdfWithHugeContentStream(2_000_000);
    assertThat(pdf.length).isLessThan(200_000);
    ArticleParser parser = new ArticleParser(1_000_000, 500);

    long t = System.nanoTime();
    assertThatThrownBy(() -> parser.parse(doc("https://x.example/a.pdf", "application/pdf", pdf)))
        .isInstanceOf(ParseDeadline.ParseTimeoutException.class)
        .hasMessageContaining("500 ms");
    assertThat(millisSince(t)).isLessThan(3_000);

    // the parser goes on with the next document
    assertThat(parser.parse(doc("https://x.example/b", "text/html", PAGE)).paragraphs())
        .anyMatch(p -> p.contains("northern quay"));
  }

  @Test
  void anyFormatsParserWorkingWithoutReadingOrWritingIsAbandonedAtTheDeadline() throws Exception {
    noAbandonedParsesRunning();
    long before = ParseWatchdog.abandoned();
    // RTF here: the stub stands for any Tika parser that works without a read or an event
    ArticleParser parser =
        ArticleParser.withTika(
            1_000_000, 300, () -> new AutoDetectParser(SlowDocuments.spinning(3_000)));
    byte[] rtf = "{\\rtf1 The quay.}".getBytes(StandardCharsets.US_ASCII);

    long t = System.nanoTime();
    assertThatThrownBy(() -> parser.parse(doc("https://x.example/c.rtf", "application/rtf", rtf)))
        .isInstanceOf(ParseDeadline.ParseTimeoutException.class);
    assertThat(millisSince(t)).isBetween(250L, 1_500L);
    assertThat(ParseWatchdog.abandoned()).isEqualTo(before + 1);
    assertThat(ParseWatchdog.abandonedRunning()).isEqualTo(1);

    // HTML goes on through the new parsers while the abandoned one still spins
    assertThat(parser.parse(doc("https://x.example/d", "text/html", PAGE)).paragraphs())
        .anyMatch(p -> p.contains("northern quay"));
    noAbandonedParsesRunning();
  }

  @Test
  void abandonedParsesCannotPileUpInOneJvm() throws Exception {
    noAbandonedParsesRunning();
    ArticleParser parser =
        ArticleParser.withTika(
            1_000_000, 300, () -> new AutoDetectParser(SlowDocuments.spinning(4_000)));
    byte[] rtf = "{\\rtf1 The quay.}".getBytes(StandardCharsets.US_ASCII);
    // warm, without a limit: loading Tika's and jsoup's classes must not use up the first limit
    ArticleParser warm =
        ArticleParser.withTika(1_000_000, 0, () -> new AutoDetectParser(SlowDocuments.spinning(0)));
    warm.parse(doc("https://x.example/w", "text/html", PAGE));
    warm.parse(doc("https://x.example/w.rtf", "application/rtf", rtf));
    for (int i = 0; i < ParseWatchdog.MAX_ABANDONED; i++) {
      assertThatThrownBy(() -> parser.parse(doc("https://x.example/r.rtf", "application/rtf", rtf)))
          .hasMessageContaining("parse stopped after 300 ms");
    }
    assertThat(ParseWatchdog.abandonedRunning()).isEqualTo(ParseWatchdog.MAX_ABANDONED);

    // no new thread while the limit is reached: the document fails as a timeout, unstarted
    long t = System.nanoTime();
    assertThatThrownBy(() -> parser.parse(doc("https://x.example/s", "text/html", PAGE)))
        .isInstanceOf(ParseDeadline.ParseTimeoutException.class)
        .hasMessageContaining("not started");
    assertThat(millisSince(t)).isLessThan(1_000);
    assertThat(ParseWatchdog.abandonedRunning()).isEqualTo(ParseWatchdog.MAX_ABANDONED);

    // once the abandoned parses end by themselves, parsing goes on
    noAbandonedParsesRunning();
    assertThat(parser.parse(doc("https://x.example/t", "text/html", PAGE)).paragraphs())
        .anyMatch(p -> p.contains("northern quay"));
  }
}
