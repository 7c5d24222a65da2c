package org.framelens.common.pipeline;

import java.util.List;
import org.framelens.common.dedup.TextSketch;
import org.framelens.common.lexicon.FrameHit;

/** The outcome of one input record after every stage. */
public sealed interface Processed {
  /**
   * An article, its frame hits and the sketch of its text that near-duplicate detection compares
   * (computed here, where the text is in memory, so no later pass re-reads every text); {@code
   * note} is a quarantine row of stage {@code fallback} when the reader had to substitute something
   * to keep it (an unparseable WARC-Date...), else null.
   */
  record Article(
      ArticleRecord article, List<FrameHit> hits, QuarantineRecord note, TextSketch sketch)
      implements Processed {
    public Article {
      hits = List.copyOf(hits);
    }

    public Article(ArticleRecord article, List<FrameHit> hits) {
      this(article, hits, null, TextSketch.of(article.text()));
    }
  }

  record Skipped(String sourceFile, long sourceOffset, String url, String reason)
      implements Processed {}

  record Quarantined(QuarantineRecord record) implements Processed {}
}
