package org.framelens.common.parse;

/**
 * Parsers and extractors whose body step throws, for tests of what becomes of an extraction
 * failure: no real page makes the extractor fail (jsoup caps the DOM depth, every walk is
 * iterative), so the failure is injected through the extractor's {@code BodyReader} seam. The
 * metadata steps before it run for real.
 */
public final class FailingExtraction {
  private FailingExtraction() {}

  /** An extractor whose body step throws {@code failure}. */
  public static MainContentExtractor extractorThrowing(Throwable failure) {
    return new MainContentExtractor(
        (body, title, author, deadline) -> {
          throw sneaky(failure);
        });
  }

  /** A parser (default limits, no timeout) whose HTML extraction throws {@code failure}. */
  public static ArticleParser parserThrowing(Throwable failure) {
    return new ArticleParser(1_000_000, 0, extractorThrowing(failure));
  }

  /** Throws {@code t} as it is: a RuntimeException or an Error here, never wrapped. */
  private static RuntimeException sneaky(Throwable t) {
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new IllegalArgumentException("inject a RuntimeException or an Error", t);
  }
}
