package org.framelens.common.lexicon.cjk;

/**
 * The word segmenters for Chinese, Japanese and Korean. Each is built on first use, once per JVM
 * (holder idiom: a Spark executor that never sees an article of a language never loads its
 * dictionary), and is thread-safe: every thread gets its own Lucene tokenizer on the shared
 * dictionary.
 */
public final class CjkSegmenters {
  private CjkSegmenters() {}

  private static final class ChineseHolder {
    static final WordSegmenter INSTANCE = new ChineseSegmenter();
  }

  private static final class JapaneseHolder {
    static final WordSegmenter INSTANCE = new JapaneseSegmenter();
  }

  /** Japanese (kuromoji, NORMAL mode; keys are base forms, width-folded). */
  public static WordSegmenter japanese() {
    return JapaneseHolder.INSTANCE;
  }

  private static final class KoreanHolder {
    static final WordSegmenter INSTANCE = new KoreanSegmenter();
  }

  /** Korean (nori, no decompounding of dictionary compounds; particles and endings dropped). */
  public static WordSegmenter korean() {
    return KoreanHolder.INSTANCE;
  }

  /**
   * Chinese, simplified and traditional (smartcn; keys folded to simplified). Give it the lexicon's
   * Chinese terms with {@link WordSegmenter#withVocabulary}: smartcn has no user dictionary and
   * sometimes splits a term into characters in context (释放人质的 → 释放 人 质 的).
   */
  public static WordSegmenter chinese() {
    return ChineseHolder.INSTANCE;
  }
}
