package org.framelens.common.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.framelens.common.input.RawDocument;
import org.framelens.common.input.ReadOutcome;
import org.framelens.common.lexicon.Lexicon;
import org.framelens.common.parse.FailingExtraction;
import org.junit.jupiter.api.Test;

/**
 * An extraction that fails is the document's quarantine row (stage, error class, message), never an
 * empty article; an OutOfMemoryError is not the document's fault and is not caught, so the task
 * fails and Spark retries it.
 */
class ExtractionFailureQuarantineTest {
  private static final String PAGE =
      "<html><head><title>Quay works approved</title></head><body><article>"
          + "<h1>Quay works approved</h1><p>The harbour board agreed on Tuesday to widen the"
          + " northern quay before the first winter storms arrive.</p></article></body></html>";

  private static ArticleProcessor processorThrowing(Throwable failure) {
    return new ArticleProcessor(
        ProcessingResources.forConfig(
            new ProcessingConfig(
                Lexicon.defaultText(),
                "(bundled)",
                null,
                List.of("en", "de", "fr"),
                ProcessingConfig.DEFAULT_MAX_DOCUMENT_BYTES,
                ProcessingConfig.DEFAULT_MAX_TEXT_CHARS,
                30_000)),
        FailingExtraction.parserThrowing(failure));
  }

  private static RawDocument page() {
    return new RawDocument(
        "crawl-7.warc.gz",
        4096,
        "https://example.org/quay",
        Instant.parse("2026-11-20T08:00:00Z"),
        "text/html",
        PAGE.getBytes(StandardCharsets.UTF_8),
        null,
        null);
  }

  private static QuarantineRecord quarantined(Processed p) {
    assertThat(p).isInstanceOf(Processed.Quarantined.class);
    return ((Processed.Quarantined) p).record();
  }

  @Test
  void aRuntimeExceptionInExtractionIsAParseQuarantineRowWithItsClassAndMessage() {
    QuarantineRecord q =
        quarantined(
            processorThrowing(new IllegalStateException("content root lost")).process(page()));
    assertThat(q)
        .isEqualTo(
            new QuarantineRecord(
                "crawl-7.warc.gz",
                4096L,
                "https://example.org/quay",
                QuarantineRecord.PARSE,
                "IllegalStateException",
                "content root lost",
                LocalDate.of(2026, 11, 20)));
  }

  @Test
  void aStackOverflowInExtractionIsAParseQuarantineRowNamedTooDeeplyNested() {
    QuarantineRecord q =
        quarantined(
            processorThrowing(new StackOverflowError()).process(new ReadOutcome.Document(page())));
    assertThat(q.stage()).isEqualTo(QuarantineRecord.PARSE);
    assertThat(q.errorClass()).isEqualTo("too_deeply_nested");
    assertThat(q.message()).isEqualTo("java.lang.StackOverflowError");
    assertThat(q.url()).isEqualTo("https://example.org/quay");
  }

  @Test
  void anOutOfMemoryErrorIsNotSwallowedButEndsTheTask() {
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    ArticleProcessor processor = processorThrowing(oom);
    assertThatThrownBy(() -> processor.process(page())).isSameAs(oom);
    assertThatThrownBy(() -> processor.process(new ReadOutcome.Document(page()))).isSameAs(oom);
  }
}
