package org.framelens.common.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.framelens.common.input.RawDocument;
import org.junit.jupiter.api.Test;

/** A failing extraction step is thrown to the caller, never turned into an empty article. */
class ExtractionFailureTest {
  private static final String PAGE =
      "<html><head><title>Quay works approved</title></head><body><article>"
          + "<h1>Quay works approved</h1><p>The harbour board agreed on Tuesday to widen the"
          + " northern quay before the first winter storms arrive.</p></article></body></html>";

  @Test
  void theRealExtractorReadsThePageUsedBelow() {
    assertThat(new MainContentExtractor().extract(PAGE, "https://example.org/quay").paragraphs())
        .singleElement()
        .asString()
        .contains("northern quay");
  }

  @Test
  void aRuntimeExceptionInTheBodyStepIsThrownNotAnEmptyResult() {
    IllegalStateException failure = new IllegalStateException("content root lost");
    MainContentExtractor extractor = FailingExtraction.extractorThrowing(failure);
    assertThatThrownBy(() -> extractor.extract(PAGE, "https://example.org/quay")).isSameAs(failure);
  }

  @Test
  void aStackOverflowInTheBodyStepIsThrownNotAnEmptyResult() {
    StackOverflowError failure = new StackOverflowError("walk too deep");
    MainContentExtractor extractor = FailingExtraction.extractorThrowing(failure);
    assertThatThrownBy(() -> extractor.extract(PAGE, "https://example.org/quay")).isSameAs(failure);
  }

  @Test
  void theParserPassesAnExtractionFailureOnUnwrapped() {
    IllegalStateException failure = new IllegalStateException("content root lost");
    RawDocument doc =
        new RawDocument(
            "test.warc.gz",
            0,
            "https://example.org/quay",
            Instant.parse("2026-11-20T08:00:00Z"),
            "text/html",
            PAGE.getBytes(StandardCharsets.UTF_8),
            null,
            null);
    assertThatThrownBy(() -> FailingExtraction.parserThrowing(failure).parse(doc))
        .isSameAs(failure);
  }
}
