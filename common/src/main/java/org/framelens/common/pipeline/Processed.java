package org.framelens.common.pipeline;

import java.util.List;
import org.framelens.common.lexicon.FrameHit;

/** The outcome of one input record after every stage. */
public sealed interface Processed {
  record Article(ArticleRecord article, List<FrameHit> hits) implements Processed {
    public Article {
      hits = List.copyOf(hits);
    }
  }

  record Skipped(String sourceFile, long sourceOffset, String url, String reason)
      implements Processed {}

  record Quarantined(QuarantineRecord record) implements Processed {}
}
