package org.framelens.common.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.framelens.common.stats.FramingStats;

/**
 * Scores coding sheets: precision of the lexicon's hits with a 95% Wilson interval, the miss rate
 * from paragraphs without hits, and Krippendorff's alpha (nominal) between coders.
 *
 * <p>Several sheets of the same items (one per coder) are merged by item_id. A row's coder is its
 * {@code coder} cell, else the sheet's name. With several coders an item's value is their majority:
 * a hit is correct when more coders say correct than wrong (unsure is no vote; a tie or only unsure
 * leaves it unresolved, out of the precision); a frame is present in a paragraph when more coders
 * list it than not (a tie leaves that paragraph out of that frame's miss rate).
 */
public final class Scoring {
  private Scoring() {}

  /** The default precision below which a term or language is flagged. */
  public static final double DEFAULT_THRESHOLD = 0.8;

  /** One coder's sheet: its name (used as coder when a row has none) and rows. */
  public record Sheet(String name, List<SheetItem> items) {}

  /** An item with each coder's coded row. */
  record Coded(SheetItem item, Map<String, SheetItem> byCoder) {}

  public static List<ValidationFigure> score(List<Sheet> sheets, double threshold) {
    Map<String, Coded> items = new LinkedHashMap<>();
    for (Sheet s : sheets) {
      for (SheetItem i : s.items()) {
        Coded c = items.computeIfAbsent(i.itemId(), id -> new Coded(i, new TreeMap<>()));
        if (i.isCoded()) {
          String coder = i.coder().isEmpty() ? s.name() : i.coder();
          c.byCoder().putIfAbsent(coder, i);
        }
      }
    }
    List<Coded> hits = new ArrayList<>();
    List<Coded> paragraphs = new ArrayList<>();
    for (Coded c : items.values()) {
      if (c.byCoder().isEmpty()) {
        continue;
      }
      (c.item().isHit() ? hits : paragraphs).add(c);
    }
    // frames: those of the hit items and those coders listed in paragraphs
    Set<String> frames = new TreeSet<>();
    Set<String> langs = new TreeSet<>();
    for (Coded c : items.values()) {
      langs.add(c.item().lang());
      if (c.item().isHit()) {
        frames.add(c.item().frame());
      }
    }
    for (Coded c : paragraphs) {
      c.byCoder().values().forEach(i -> frames.addAll(i.framesPresentList()));
    }

    List<ValidationFigure> out = new ArrayList<>();
    out.add(figure("all", "", "", "", hits, paragraphs, null, threshold));
    for (String lang : langs) {
      List<Coded> h = filter(hits, c -> c.item().lang().equals(lang));
      List<Coded> p = filter(paragraphs, c -> c.item().lang().equals(lang));
      out.add(figure("language", lang, "", "", h, p, null, threshold));
    }
    for (String lang : langs) {
      for (String frame : frames) {
        List<Coded> h =
            filter(hits, c -> c.item().lang().equals(lang) && c.item().frame().equals(frame));
        List<Coded> p = filter(paragraphs, c -> c.item().lang().equals(lang));
        if (h.isEmpty() && p.isEmpty()) {
          continue;
        }
        out.add(figure("frame", lang, frame, "", h, p, frame, threshold));
      }
    }
    Map<List<String>, List<Coded>> byTerm =
        new TreeMap<>(Comparator.comparing((List<String> k) -> String.join("\u0000", k)));
    for (Coded c : hits) {
      byTerm
          .computeIfAbsent(
              List.of(c.item().lang(), c.item().frame(), c.item().term()), k -> new ArrayList<>())
          .add(c);
    }
    byTerm.forEach(
        (k, h) -> out.add(figure("term", k.get(0), k.get(1), k.get(2), h, null, null, threshold)));
    return out;
  }

  private static List<Coded> filter(List<Coded> items, Predicate<Coded> p) {
    return items.stream().filter(p).toList();
  }

  /**
   * @param paragraphs the paragraph items of the scope's language; null for a term (no miss rate)
   * @param frame the frame whose presence counts as a miss; null: any frame
   */
  private static ValidationFigure figure(
      String scope,
      String lang,
      String frame,
      String term,
      List<Coded> hits,
      List<Coded> paragraphs,
      String frame0,
      double threshold) {
    Set<String> coders = new TreeSet<>();
    long correct = 0;
    long wrong = 0;
    long unresolved = 0;
    List<List<String>> units = new ArrayList<>();
    for (Coded c : hits) {
      coders.addAll(c.byCoder().keySet());
      List<String> values = new ArrayList<>();
      for (SheetItem i : c.byCoder().values()) {
        if (i.judgement().equals(SheetItem.CORRECT) || i.judgement().equals(SheetItem.WRONG)) {
          values.add(i.judgement());
        }
      }
      units.add(values);
      long yes = values.stream().filter(SheetItem.CORRECT::equals).count();
      long no = values.size() - yes;
      if (yes > no) {
        correct++;
      } else if (no > yes) {
        wrong++;
      } else {
        unresolved++;
      }
    }
    KrippendorffAlpha.Result alpha = KrippendorffAlpha.nominal(units);
    double precision = Double.NaN;
    double[] ci = {Double.NaN, Double.NaN};
    if (correct + wrong > 0) {
      precision = (double) correct / (correct + wrong);
      ci = FramingStats.wilson95(correct, correct + wrong);
    }

    long paragraphItems = 0;
    long withFrame = 0;
    double missRate = Double.NaN;
    double[] missCi = {Double.NaN, Double.NaN};
    double paragraphAlpha = Double.NaN;
    if (paragraphs != null) {
      List<List<String>> pUnits = new ArrayList<>();
      for (Coded c : paragraphs) {
        coders.addAll(c.byCoder().keySet());
        List<String> values = new ArrayList<>();
        for (SheetItem i : c.byCoder().values()) {
          if (i.judgement().equals(SheetItem.UNSURE)) {
            continue;
          }
          List<String> listed = i.framesPresentList();
          boolean present = frame0 == null ? !listed.isEmpty() : listed.contains(frame0);
          values.add(present ? "present" : "absent");
        }
        pUnits.add(values);
        long yes = values.stream().filter("present"::equals).count();
        long no = values.size() - yes;
        if (yes != no) {
          paragraphItems++;
          if (yes > no) {
            withFrame++;
          }
        }
      }
      paragraphAlpha = KrippendorffAlpha.nominal(pUnits).alpha();
      if (paragraphItems > 0) {
        missRate = (double) withFrame / paragraphItems;
        missCi = FramingStats.wilson95(withFrame, paragraphItems);
      }
    }
    return new ValidationFigure(
        scope,
        lang,
        frame,
        term,
        hits.size(),
        correct,
        wrong,
        unresolved,
        precision,
        ci[0],
        ci[1],
        paragraphItems,
        withFrame,
        missRate,
        missCi[0],
        missCi[1],
        coders.size(),
        alpha.units(),
        alpha.alpha(),
        paragraphAlpha,
        threshold,
        !Double.isNaN(precision) && precision < threshold);
  }

  /** The figures as a plain-text table, flagged rows marked {@code <}. */
  public static String render(List<ValidationFigure> figures) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            java.util.Locale.ROOT,
            "%-8s %-4s %-20s %-28s %5s %5s %5s %-17s %6s %-17s %6s %6s%n",
            "scope",
            "lang",
            "frame",
            "term",
            "items",
            "right",
            "wrong",
            "precision [95% CI]",
            "paras",
            "miss rate [95% CI]",
            "alpha",
            "p-alpha"));
    for (ValidationFigure f : figures) {
      b.append(
          String.format(
              java.util.Locale.ROOT,
              "%-8s %-4s %-20s %-28s %5d %5d %5d %-17s %6s %-17s %6s %6s%s%n",
              f.scope(),
              f.lang(),
              f.frame(),
              f.term(),
              f.hitItems(),
              f.correct(),
              f.wrong(),
              interval(f.precision(), f.precisionCiLow(), f.precisionCiHigh()),
              f.scope().equals("term") ? "" : Long.toString(f.paragraphItems()),
              interval(f.missRate(), f.missRateCiLow(), f.missRateCiHigh()),
              number(f.alpha()),
              number(f.paragraphAlpha()),
              f.belowThreshold() ? "  < " + number(f.threshold()) : ""));
    }
    return b.toString();
  }

  private static String interval(double v, double low, double high) {
    return Double.isNaN(v)
        ? "-"
        : String.format(java.util.Locale.ROOT, "%.2f [%.2f, %.2f]", v, low, high);
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "-" : String.format(java.util.Locale.ROOT, "%.2f", v);
  }
}
