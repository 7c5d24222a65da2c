package org.framelens.common.validate;

import com.google.common.hash.Hashing;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns one article and its frame hits into sampling candidates: each hit of the selected frames
 * and languages (stratum: kind, language, frame, optionally outlet) and each body paragraph without
 * such a hit (stratum: kind, the article's language, optionally outlet). Entity mentions are never
 * sampled.
 */
public final class ArticleSampler implements Serializable {
  /** Paragraphs shorter than this are not sampled (bylines, captions, "Read more" lines). */
  public static final int MIN_PARAGRAPH_CHARS = 40;

  /** A longer paragraph is shown (and coded) up to this many characters. */
  public static final int MAX_PARAGRAPH_CHARS = 1000;

  /**
   * What to sample.
   *
   * @param frames frames to sample hits of; empty: all
   * @param hitLanguages languages to sample hits of; empty: all
   * @param paragraphLanguages languages to sample paragraphs without hits of
   * @param byOutlet strata also per outlet
   */
  public record Options(
      long seed,
      Set<String> frames,
      Set<String> hitLanguages,
      Set<String> paragraphLanguages,
      boolean byOutlet)
      implements Serializable {
    public Options {
      frames = Set.copyOf(frames);
      hitLanguages = Set.copyOf(hitLanguages);
      paragraphLanguages = Set.copyOf(paragraphLanguages);
    }

    boolean sampledHit(String frame, String lang) {
      return !frame.startsWith("entity:")
          && (frames.isEmpty() || frames.contains(frame))
          && (hitLanguages.isEmpty() || hitLanguages.contains(lang));
    }
  }

  /** The article's fields the sheet shows. */
  public record Article(
      String articleId, String url, String outlet, String lang, String title, String text)
      implements Serializable {}

  /** One stored frame hit of the article. */
  public record Hit(
      String frame,
      String lang,
      String term,
      String matchedText,
      String section,
      int start,
      int end,
      String voice)
      implements Serializable {}

  private final Options options;

  public ArticleSampler(Options options) {
    this.options = options;
  }

  public List<StratifiedSample.Candidate> candidates(Article a, List<Hit> hits) {
    List<StratifiedSample.Candidate> out = new ArrayList<>();
    String text = a.text() == null ? "" : a.text();
    List<int[]> sampledHitSpans = new ArrayList<>();
    for (Hit h : hits) {
      if (!options.sampledHit(h.frame(), h.lang())) {
        continue;
      }
      if ("body".equals(h.section())) {
        sampledHitSpans.add(new int[] {h.start(), h.end()});
      }
      String id =
          "h"
              + hex(
                  String.join(
                      "\u0000",
                      a.articleId(),
                      h.section(),
                      Integer.toString(h.start()),
                      Integer.toString(h.end()),
                      h.frame(),
                      h.term()));
      String sectionText = "title".equals(h.section()) ? a.title() : text;
      SheetItem item =
          new SheetItem(
              id,
              SheetItem.HIT,
              a.articleId(),
              a.url(),
              a.outlet(),
              h.lang(),
              h.section(),
              h.frame(),
              h.term(),
              h.matchedText(),
              h.start(),
              h.end(),
              h.voice(),
              SampleContext.marked(sectionText, h.start(), h.end()),
              "",
              "",
              "",
              "");
      out.add(
          new StratifiedSample.Candidate(
              stratum(SheetItem.HIT, h.lang(), h.frame(), a.outlet()),
              StratifiedSample.key(options.seed(), id),
              item));
    }
    if (!options.paragraphLanguages().contains(a.lang())) {
      return out;
    }
    int pStart = 0;
    int index = 0;
    while (pStart <= text.length()) {
      int nl = text.indexOf('\n', pStart);
      int pEnd = nl < 0 ? text.length() : nl;
      if (pEnd - pStart >= MIN_PARAGRAPH_CHARS && !overlaps(sampledHitSpans, pStart, pEnd)) {
        int shownEnd = Math.min(pEnd, pStart + MAX_PARAGRAPH_CHARS);
        if (shownEnd < pEnd && Character.isHighSurrogate(text.charAt(shownEnd - 1))) {
          shownEnd--;
        }
        String id = "p" + hex(a.articleId() + "\u0000" + index + "\u0000" + pStart);
        SheetItem item =
            new SheetItem(
                id,
                SheetItem.PARAGRAPH,
                a.articleId(),
                a.url(),
                a.outlet(),
                a.lang(),
                "body",
                "",
                "",
                "",
                pStart,
                shownEnd,
                "",
                text.substring(pStart, shownEnd) + (shownEnd < pEnd ? "…" : ""),
                "",
                "",
                "",
                "");
        out.add(
            new StratifiedSample.Candidate(
                stratum(SheetItem.PARAGRAPH, a.lang(), "", a.outlet()),
                StratifiedSample.key(options.seed(), id),
                item));
      }
      if (nl < 0) {
        break;
      }
      pStart = nl + 1;
      index++;
    }
    return out;
  }

  private String stratum(String kind, String lang, String frame, String outlet) {
    return kind + "|" + lang + "|" + frame + (options.byOutlet() ? "|" + outlet : "");
  }

  private static boolean overlaps(List<int[]> spans, int from, int to) {
    for (int[] s : spans) {
      if (s[0] < to && s[1] > from) {
        return true;
      }
    }
    return false;
  }

  private static String hex(String s) {
    return Hashing.murmur3_128().hashString(s, StandardCharsets.UTF_8).toString().substring(0, 16);
  }
}
