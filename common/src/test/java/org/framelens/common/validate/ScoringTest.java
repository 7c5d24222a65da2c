package org.framelens.common.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-made coding sheets whose figures are worked out by hand in the comments. Wilson bounds: n
 * coded, p = k/n, z = 1.959964, z² = 3.841459; centre = (p + z²/2n)/(1 + z²/n), half = z·sqrt(p(1 −
 * p)/n + z²/4n²)/(1 + z²/n).
 */
class ScoringTest {
  static final String HEADER = String.join(",", SheetItem.COLUMNS) + "\n";

  static String hit(String id, String lang, String frame, String term, String coder, String j) {
    return id
        + ",hit,a-"
        + id
        + ",https://x.example/"
        + id
        + ",x.example,"
        + lang
        + ",body,"
        + frame
        + ","
        + term
        + ","
        + term
        + ",0,5,own,ctx,"
        + coder
        + ","
        + j
        + ",,\n";
  }

  static String para(String id, String lang, String coder, String j, String frames) {
    return id
        + ",paragraph,a-"
        + id
        + ",https://x.example/"
        + id
        + ",x.example,"
        + lang
        + ",body,,,,0,50,,ctx,"
        + coder
        + ","
        + j
        + ","
        + frames
        + ",\n";
  }

  static Scoring.Sheet sheet(String name, String body) {
    return new Scoring.Sheet(name, CodingSheet.read(new StringReader(HEADER + body), name));
  }

  // Two coders, ana and ben.
  //   hits en/terrorism: h1 terrorist c/c, h2 terrorist c/w, h3 "terror group" w/w, h4 terrorist
  //   c/c, h5 "terror group" w/w, h6 terrorist c/unsure;  ru/hostages: h7 c/c, h8 w/(not coded)
  //   paragraphs en: p1 terrorism / terrorism; p2 none / none; p3 hostages / none;
  //   p4 terrorism;hostages / terrorism; p5 none / unsure
  static final Scoring.Sheet ANA =
      sheet(
          "ana.csv",
          hit("h1", "en", "terrorism", "terrorist", "ana", "correct")
              + hit("h2", "en", "terrorism", "terrorist", "ana", "correct")
              + hit("h3", "en", "terrorism", "terror group", "ana", "wrong")
              + hit("h4", "en", "terrorism", "terrorist", "ana", "correct")
              + hit("h5", "en", "terrorism", "terror group", "ana", "wrong")
              + hit("h6", "en", "terrorism", "terrorist", "ana", "correct")
              + hit("h7", "ru", "hostages", "заложник", "ana", "correct")
              + hit("h8", "ru", "hostages", "заложник", "ana", "wrong")
              + para("p1", "en", "ana", "", "terrorism")
              + para("p2", "en", "ana", "", "")
              + para("p3", "en", "ana", "", "hostages")
              + para("p4", "en", "ana", "", "terrorism;hostages")
              + para("p5", "en", "ana", "", ""));
  // ben leaves the coder cell empty: his sheet's name is his coder id
  static final Scoring.Sheet BEN =
      sheet(
          "ben.csv",
          hit("h1", "en", "terrorism", "terrorist", "ben", "correct")
              + hit("h2", "en", "terrorism", "terrorist", "ben", "wrong")
              + hit("h3", "en", "terrorism", "terror group", "ben", "wrong")
              + hit("h4", "en", "terrorism", "terrorist", "ben", "correct")
              + hit("h5", "en", "terrorism", "terror group", "ben", "wrong")
              + hit("h6", "en", "terrorism", "terrorist", "ben", "unsure")
              + hit("h7", "ru", "hostages", "заложник", "ben", "correct")
              + hit("h8", "ru", "hostages", "заложник", "ben", "")
              + para("p1", "en", "ben", "", "terrorism")
              + para("p2", "en", "ben", "", "")
              + para("p3", "en", "ben", "", "")
              + para("p4", "en", "ben", "", "terrorism")
              + para("p5", "en", "ben", "unsure", ""));

  static ValidationFigure find(
      List<ValidationFigure> fs, String scope, String lang, String frame, String term) {
    return fs.stream()
        .filter(
            f ->
                f.scope().equals(scope)
                    && f.lang().equals(lang)
                    && f.frame().equals(frame)
                    && f.term().equals(term))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + scope + " " + lang + " " + frame));
  }

  @Test
  void precisionOfAFrameInALanguageIsTheMajorityJudgementWithAWilsonInterval() {
    List<ValidationFigure> fs = Scoring.score(List.of(ANA, BEN), 0.8);
    // en/terrorism: h1 c, h2 tie -> unresolved, h3 w, h4 c, h5 w, h6 c (ben's unsure is no vote)
    // correct 3, wrong 2, precision 3/5 = 0.6; Wilson n = 5: denom = 1.768292,
    // centre = (0.6 + 0.384146)/1.768292 = 0.556552, half = 1.959964·sqrt(0.048 + 0.038415)/
    // 1.768292 = 0.325827 -> [0.230725, 0.882379]
    ValidationFigure f = find(fs, "frame", "en", "terrorism", "");
    assertThat(f.hitItems()).isEqualTo(6);
    assertThat(f.correct()).isEqualTo(3);
    assertThat(f.wrong()).isEqualTo(2);
    assertThat(f.unresolved()).isEqualTo(1);
    assertThat(f.precision()).isEqualTo(0.6);
    assertThat(f.precisionCiLow()).isCloseTo(0.230725, within(1e-5));
    assertThat(f.precisionCiHigh()).isCloseTo(0.882379, within(1e-5));
    assertThat(f.coders()).isEqualTo(2);
    assertThat(f.belowThreshold()).isTrue();
    // ru/hostages: h7 c, h8 w (ana alone) -> 1/2 = 0.5
    ValidationFigure ru = find(fs, "frame", "ru", "hostages", "");
    assertThat(ru.precision()).isEqualTo(0.5);
    assertThat(ru.belowThreshold()).isTrue();
  }

  @Test
  void precisionPerTermAndTheThresholdFlags() {
    List<ValidationFigure> fs = Scoring.score(List.of(ANA, BEN), 0.8);
    // terrorist: h1 c, h2 unresolved, h4 c, h6 c -> 3/3 = 1; Wilson n = 3, k = 3:
    // denom = 2.280486, centre = (1 + 0.640243)/2.280486 = 0.719255,
    // half = 1.959964·sqrt(3.841459/36)/2.280486 = 0.280748 -> [0.438507, 1]
    ValidationFigure t = find(fs, "term", "en", "terrorism", "terrorist");
    assertThat(t.precision()).isEqualTo(1.0);
    assertThat(t.precisionCiLow()).isCloseTo(0.438507, within(1e-5));
    assertThat(t.precisionCiHigh()).isEqualTo(1.0);
    assertThat(t.belowThreshold()).isFalse();
    // terror group: h3 w, h5 w -> 0/2 = 0; Wilson n = 2, k = 0: denom = 2.920729,
    // centre = 0.960365/2.920729 = 0.328810, half = 1.959964·sqrt(0.240091)/2.920729 = 0.328810
    // -> [0, 0.657620]
    ValidationFigure g = find(fs, "term", "en", "terrorism", "terror group");
    assertThat(g.precision()).isEqualTo(0.0);
    assertThat(g.precisionCiHigh()).isCloseTo(0.657620, within(1e-5));
    assertThat(g.belowThreshold()).isTrue();
    // a lower threshold: 0.6 is not below 0.6, 0.5 is
    List<ValidationFigure> low = Scoring.score(List.of(ANA, BEN), 0.6);
    assertThat(find(low, "frame", "en", "terrorism", "").belowThreshold()).isFalse();
    assertThat(find(low, "frame", "ru", "hostages", "").belowThreshold()).isTrue();
    // the language rows pool the language's hits: en 3/5 flagged, ru 1/2 flagged
    assertThat(find(fs, "language", "en", "", "").precision()).isEqualTo(0.6);
    assertThat(find(fs, "language", "en", "", "").belowThreshold()).isTrue();
    // all: 4 correct of 7 resolved
    assertThat(find(fs, "all", "", "", "").precision()).isCloseTo(4.0 / 7, within(1e-12));
  }

  @Test
  void missRateIsTheShareOfParagraphsWithoutHitsInWhichCodersFoundTheFrame() {
    List<ValidationFigure> fs = Scoring.score(List.of(ANA, BEN), 0.8);
    // en/terrorism: p1 present (2-0), p2 absent, p3 absent (0-2), p4 present, p5 absent (ana
    // alone, ben unsure) -> 2 of 5 = 0.4; Wilson n = 5, k = 2: denom = 1.768292,
    // centre = (0.4 + 0.384146)/1.768292 = 0.443449, half = 1.959964·sqrt(0.048 + 0.038415)/
    // 1.768292 = 0.325827 -> [0.117622, 0.769276]
    ValidationFigure t = find(fs, "frame", "en", "terrorism", "");
    assertThat(t.paragraphItems()).isEqualTo(5);
    assertThat(t.paragraphsWithFrame()).isEqualTo(2);
    assertThat(t.missRate()).isEqualTo(0.4);
    assertThat(t.missRateCiLow()).isCloseTo(0.117622, within(1e-5));
    assertThat(t.missRateCiHigh()).isCloseTo(0.769276, within(1e-5));
    // en/hostages: p3 and p4 are ties (1-1) and left out; p1, p2, p5 absent -> 0 of 3
    ValidationFigure h = find(fs, "frame", "en", "hostages", "");
    assertThat(h.paragraphItems()).isEqualTo(3);
    assertThat(h.missRate()).isEqualTo(0.0);
    assertThat(h.precision()).isNaN();
    assertThat(h.belowThreshold()).isFalse();
    // en, any frame: p1 yes, p2 no, p3 tie (left out), p4 yes, p5 no -> 2 of 4
    assertThat(find(fs, "language", "en", "", "").missRate()).isEqualTo(0.5);
    // paragraph agreement on terrorism: p1-p4 agree, p5 unpaired -> alpha 1
    assertThat(t.paragraphAlpha()).isEqualTo(1.0);
  }

  @Test
  void alphaOfTwoCodersOverTheirPairableJudgements() {
    List<ValidationFigure> fs = Scoring.score(List.of(ANA, BEN), 0.8);
    // en/terrorism units with two values: h1 (c,c) h2 (c,w) h3 (w,w) h4 (c,c) h5 (w,w); h6 has
    // one (unsure is not a value). Coincidences: o_cc = 4, o_ww = 4, o_cw = o_wc = 1;
    // n_c = n_w = 5, n = 10. alpha = 1 - (n-1)(o_cw + o_wc)/(2 n_c n_w) = 1 - 9·2/50 = 0.64
    ValidationFigure f = find(fs, "frame", "en", "terrorism", "");
    assertThat(f.alphaUnits()).isEqualTo(5);
    assertThat(f.alpha()).isCloseTo(0.64, within(1e-12));
    // ru/hostages: one pairable unit, both correct: one value in use, alpha undefined
    assertThat(find(fs, "frame", "ru", "hostages", "").alpha()).isNaN();
  }

  @Test
  void alphaOfThreeCodersWithMissingValues() {
    // de/diplomacy, coders xia, yan and zoe.csv (zoe left the coder cells empty: the sheet's name
    // stands in):
    //   u1 c c c;  u2 c c w;  u3 w w (zoe: no row);  u4 c w (zoe: unsure);  u5 c (yan, zoe empty)
    // u1: m = 3, 6 ordered c-c pairs × 1/2 -> o_cc += 3
    // u2: c-c pairs 2 × 1/2 -> o_cc += 1; c-w 2 × 1/2 -> o_cw += 1; w-c -> o_wc += 1
    // u3: o_ww += 2;  u4: o_cw += 1, o_wc += 1;  u5 unpaired
    // o_cc = 4, o_ww = 2, o_cw = o_wc = 2; n_c = 6, n_w = 4, n = 10
    // alpha = 1 - 9·(2 + 2)/(2·6·4) = 1 - 36/48 = 0.25
    String d = "de";
    Scoring.Sheet x =
        sheet(
            "x.csv",
            hit("u1", d, "diplomacy", "Verhandlung", "xia", "correct")
                + hit("u2", d, "diplomacy", "Verhandlung", "xia", "correct")
                + hit("u3", d, "diplomacy", "Verhandlung", "xia", "wrong")
                + hit("u4", d, "diplomacy", "Verhandlung", "xia", "correct")
                + hit("u5", d, "diplomacy", "Verhandlung", "xia", "correct"));
    Scoring.Sheet y =
        sheet(
            "y.csv",
            hit("u1", d, "diplomacy", "Verhandlung", "yan", "correct")
                + hit("u2", d, "diplomacy", "Verhandlung", "yan", "correct")
                + hit("u3", d, "diplomacy", "Verhandlung", "yan", "wrong")
                + hit("u4", d, "diplomacy", "Verhandlung", "yan", "wrong")
                + hit("u5", d, "diplomacy", "Verhandlung", "yan", ""));
    Scoring.Sheet z =
        sheet(
            "zoe.csv",
            hit("u1", d, "diplomacy", "Verhandlung", "", "correct")
                + hit("u2", d, "diplomacy", "Verhandlung", "", "wrong")
                + hit("u4", d, "diplomacy", "Verhandlung", "", "unsure")
                + hit("u5", d, "diplomacy", "Verhandlung", "", ""));
    ValidationFigure f = find(Scoring.score(List.of(x, y, z), 0.8), "frame", d, "diplomacy", "");
    assertThat(f.coders()).isEqualTo(3);
    assertThat(f.alphaUnits()).isEqualTo(4);
    assertThat(f.alpha()).isCloseTo(0.25, within(1e-12));
    // precision: u1 c (3-0), u2 c (2-1), u3 w, u4 tie -> unresolved, u5 c (1-0): 3/4 = 0.75
    assertThat(f.correct()).isEqualTo(3);
    assertThat(f.wrong()).isEqualTo(1);
    assertThat(f.unresolved()).isEqualTo(1);
    assertThat(f.precision()).isEqualTo(0.75);
    assertThat(f.belowThreshold()).isTrue();
    assertThat(
            find(Scoring.score(List.of(x, y, z), 0.7), "frame", d, "diplomacy", "")
                .belowThreshold())
        .isFalse();
  }

  @Test
  void alphaReproducesKrippendorffsPublishedExampleWithFourCodersAndMissingValues() {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", nominal data, 4 observers,
    // 12 units, missing values: alpha = 0.743. Values per unit (observers A-D, missing left out):
    List<List<String>> units =
        List.of(
            List.of("1", "1", "1"),
            List.of("2", "2", "3", "2"),
            List.of("3", "3", "3", "3"),
            List.of("3", "3", "3", "3"),
            List.of("2", "2", "2", "2"),
            List.of("1", "2", "3", "4"),
            List.of("4", "4", "4", "4"),
            List.of("1", "1", "2", "1"),
            List.of("2", "2", "2", "2"),
            List.of("5", "5", "5"),
            List.of("1", "1"),
            List.of("3"));
    KrippendorffAlpha.Result r = KrippendorffAlpha.nominal(units);
    assertThat(r.units()).isEqualTo(11);
    assertThat(r.alpha()).isCloseTo(0.743, within(0.0005));
  }

  @Test
  void aSheetWithABadHeaderOrBadCellsIsRefusedNamingEachLine() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> CodingSheet.read(new StringReader("item_id,kind\nh1,hit\n"), "bad.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.csv: not a coding sheet");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                CodingSheet.read(
                    new StringReader(
                        HEADER
                            + hit("h1", "en", "t", "x", "", "maybe")
                            + hit("h1", "en", "t", "x", "", "")),
                    "s.csv"))
        .hasMessageContaining("row 2: judgement must be correct, wrong, unsure or empty")
        .hasMessageContaining("row 3: item h1 appears twice");
  }

  @Test
  void aSheetSurvivesWritingAndReadingWithQuotesNewlinesAndRightToLeftText() {
    SheetItem i =
        new SheetItem(
            "h0123",
            "hit",
            "a1",
            "https://x.example/a",
            "x.example",
            "he",
            "body",
            "terrorism",
            "מחבל",
            "מחבלים",
            10,
            16,
            "quoted",
            "אמר \"[[מחבלים]]\", ואז,\nעוד",
            "",
            "",
            "",
            "");
    String csv = CodingSheet.toCsv(List.of(i));
    assertThat(csv).startsWith(HEADER.replace("\n", "\r\n"));
    assertThat(CodingSheet.read(new StringReader("\uFEFF" + csv), "s")).containsExactly(i);
  }
}
