package org.framelens.common.pipeline;

import java.util.List;
import org.framelens.common.lexicon.FrameHit;

/** The outcome of one input record after every stage. */
public sealed interface Processed {
  /**
   * An article; {@code note} is a quarantine row of stage {@code fallback} when the reader had to
   * substitute something to keep it (an unparseable WARC-Date...), else null.
   */
  record Article(ArticleRecord article, List<FrameHit> hits, QuarantineRecord note)
      implements Processed {
    public Article {
      hits = List.copyOf(hits);
    }

    public Article(ArticleRecord article, List<FrameHit> hits) {
      this(article, hits, null);
    }
  }

  record Skipped(String sourceFile, long sourceOffset, String url, String reason)
      implements Processed {}

  record Quarantined(QuarantineRecord record) implements Processed {}
}
