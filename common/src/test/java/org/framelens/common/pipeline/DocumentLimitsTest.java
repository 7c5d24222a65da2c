package org.framelens.common.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.framelens.common.input.RawDocument;
import org.framelens.common.lexicon.Lexicon;
import org.junit.jupiter.api.Test;

/**
 * Hostile documents end as a quarantine row with a reason (or a flagged article), never a crash.
 */
class DocumentLimitsTest {
  private static final String STORY =
      "<p>The harbour board met on Tuesday and agreed to widen the northern quay before winter.</p>";

  private static ArticleProcessor processor(int maxTextChars, long timeoutMillis) {
    return new ArticleProcessor(
        ProcessingResources.forConfig(
            new ProcessingConfig(
                Lexicon.defaultText(),
                "(bundled)",
                null,
                List.of("en", "de", "fr"),
                ProcessingConfig.DEFAULT_MAX_DOCUMENT_BYTES,
                maxTextChars,
                timeoutMillis)));
  }

  private static RawDocument doc(String url, String type, byte[] body) {
    return new RawDocument(
        "test.warc.gz", 0, url, Instant.parse("2026-11-20T08:00:00Z"), type, body, null, null);
  }

  private static String reason(Processed p) {
    assertThat(p).isInstanceOf(Processed.Quarantined.class);
    QuarantineRecord q = ((Processed.Quarantined) p).record();
    assertThat(q.message()).as(q.errorClass()).isNotBlank();
    return q.stage() + ":" + q.errorClass();
  }

  @Test
  void aParseThatRunsPastItsTimeoutIsStoppedAndQuarantined() {
    String big = "<html><body>" + STORY.repeat(60_000) + "</body></html>";
    Processed p =
        processor(ProcessingConfig.DEFAULT_MAX_TEXT_CHARS, 1)
            .process(doc("https://example.org/big", "text/html", utf8(big)));
    assertThat(reason(p)).isEqualTo("parse:parse_timeout");
  }

  @Test
  void theSamePageWithinItsTimeoutIsAnArticle() {
    String page = "<html><body><article>" + STORY.repeat(5) + "</article></body></html>";
    Processed p =
        processor(ProcessingConfig.DEFAULT_MAX_TEXT_CHARS, 30_000)
            .process(doc("https://example.org/ok", "text/html", utf8(page)));
    assertThat(p).isInstanceOf(Processed.Article.class);
  }

  @Test
  void htmlNested200000LevelsDeepIsRecordedNotCrashing() {
    String html =
        HostileDocuments.deeplyNestedHtml(
            200_000, "The harbour board agreed to widen the northern quay.");
    Processed p =
        processor(ProcessingConfig.DEFAULT_MAX_TEXT_CHARS, 30_000)
            .process(doc("https://example.org/deep", "text/html", utf8(html)));
    if (p instanceof Processed.Article a) {
      assertThat(a.article().text()).contains("northern quay");
    } else {
      assertThat(reason(p)).startsWith("parse:");
    }
  }

  @Test
  void aZipBombDocxIsQuarantinedAsAZipBomb() throws IOException {
    Processed p =
        processor(ProcessingConfig.DEFAULT_MAX_TEXT_CHARS, 30_000)
            .process(
                doc(
                    "https://example.org/report.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    HostileDocuments.zipBombDocx()));
    assertThat(reason(p)).isEqualTo("parse:zip_bomb");
  }

  @Test
  void anExternalEntityInADocxIsNeverResolved(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
    java.nio.file.Path secret = dir.resolve("secret.txt");
    java.nio.file.Files.writeString(secret, "SECRET-7f3a9c");
    Processed p =
        processor(ProcessingConfig.DEFAULT_MAX_TEXT_CHARS, 30_000)
            .process(
                doc(
                    "https://example.org/xxe.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    HostileDocuments.externalEntityDocx(secret)));
    if (p instanceof Processed.Article a) {
      assertThat(a.article().text()).doesNotContain("SECRET-7f3a9c");
    } else {
      assertThat(reason(p)).startsWith("parse:");
    }
  }

  @Test
  void textLongerThanTheLimitIsKeptCutAndFlagged() {
    StringBuilder story = new StringBuilder();
    for (int i = 1; i <= 40; i++) {
      story.append("<p>Paragraph ").append(i).append(" of the harbour report: the board agreed to");
      story.append(" widen quay number ").append(i).append(" before the winter storms.</p>");
    }
    String page = "<html><body><article>" + story + "</article></body></html>";
    Processed p =
        processor(1_000, 30_000).process(doc("https://example.org/long", "text/html", utf8(page)));
    assertThat(p).isInstanceOf(Processed.Article.class);
    ArticleRecord a = ((Processed.Article) p).article();
    assertThat(a.textTruncated()).isTrue();
    assertThat(a.textChars()).isLessThanOrEqualTo(1_000);
  }

  @Test
  void invalidUtf8BytesBecomeReplacementCharactersAndTheArticleIsKept() {
    byte[] body =
        HostileDocuments.invalidUtf8Page("The harbour board agreed to widen the northern quay.");
    Processed p =
        processor(ProcessingConfig.DEFAULT_MAX_TEXT_CHARS, 30_000)
            .process(doc("https://example.org/bad-bytes", "text/html", body));
    assertThat(p).isInstanceOf(Processed.Article.class);
    assertThat(((Processed.Article) p).article().text()).contains("northern quay", "\uFFFD");
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
