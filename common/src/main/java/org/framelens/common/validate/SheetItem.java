package org.framelens.common.validate;

import java.io.Serializable;
import java.util.List;

/**
 * One row of a coding sheet: a sampled frame hit ({@code kind = hit}) for a coder to judge, or a
 * sampled paragraph without hits ({@code kind = paragraph}) for a coder to list the frames in. The
 * record's components are the sheet's columns, in the sheet's order.
 *
 * @param itemId stable id of the item: {@code h} or {@code p} and 16 hex digits of a hash of what
 *     it points at (the same hit gets the same id in every sample)
 * @param start for a hit, the match's offset in its section; for a paragraph, the offset of the
 *     shown text in the body; -1 when unknown (an empty cell)
 * @param end the end offset (exclusive) of the match or the shown paragraph text
 * @param context the paragraph (or ±200 characters) with the match marked {@code [[...]]}
 * @param judgement for a hit: correct, wrong, unsure or empty (not coded yet)
 * @param framesPresent for a paragraph: the frames a coder finds in it, {@code ;}-separated
 */
public record SheetItem(
    String itemId,
    String kind,
    String articleId,
    String url,
    String outlet,
    String lang,
    String section,
    String frame,
    String term,
    String matchedText,
    int start,
    int end,
    String voice,
    String context,
    String coder,
    String judgement,
    String framesPresent,
    String note)
    implements Serializable {
  public static final String HIT = "hit";
  public static final String PARAGRAPH = "paragraph";

  public static final String CORRECT = "correct";
  public static final String WRONG = "wrong";
  public static final String UNSURE = "unsure";

  /** The sheet's columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "item_id",
          "kind",
          "article_id",
          "url",
          "outlet",
          "lang",
          "section",
          "frame",
          "term",
          "matched_text",
          "start",
          "end",
          "voice",
          "context",
          "coder",
          "judgement",
          "frames_present",
          "note");

  public SheetItem {
    url = nz(url);
    outlet = nz(outlet);
    lang = nz(lang);
    section = nz(section);
    frame = nz(frame);
    term = nz(term);
    matchedText = nz(matchedText);
    voice = nz(voice);
    context = nz(context);
    coder = nz(coder);
    judgement = nz(judgement);
    framesPresent = nz(framesPresent);
    note = nz(note);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  public boolean isHit() {
    return HIT.equals(kind);
  }

  /** The same item with a coder's answers. */
  public SheetItem coded(String coder, String judgement, String framesPresent, String note) {
    return new SheetItem(
        itemId,
        kind,
        articleId,
        url,
        outlet,
        lang,
        section,
        frame,
        term,
        matchedText,
        start,
        end,
        voice,
        context,
        coder,
        judgement,
        framesPresent,
        note);
  }

  /**
   * Whether a coder answered this row: a hit has a judgement; a paragraph has a coder, a judgement
   * or listed frames (an empty frames_present of a paragraph with a coder means none).
   */
  public boolean isCoded() {
    if (isHit()) {
      return !judgement.isEmpty();
    }
    return !coder.isEmpty() || !judgement.isEmpty() || !framesPresent.isEmpty();
  }

  /** The frames listed in frames_present, trimmed, without empties. */
  public List<String> framesPresentList() {
    return java.util.Arrays.stream(framesPresent.split(";"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .distinct()
        .toList();
  }

  List<String> cells() {
    return List.of(
        itemId,
        kind,
        articleId,
        url,
        outlet,
        lang,
        section,
        frame,
        term,
        matchedText,
        start < 0 ? "" : Integer.toString(start),
        end < 0 ? "" : Integer.toString(end),
        voice,
        context,
        coder,
        judgement,
        framesPresent,
        note);
  }
}
