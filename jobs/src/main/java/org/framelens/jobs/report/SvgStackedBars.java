package org.framelens.jobs.report;

import java.util.List;
import java.util.Locale;

/**
 * Horizontal stacked bars as inline SVG: one bar per label, one segment per series, scaled to the
 * largest total, with a legend above and each bar's total at its end. Segments wide enough show
 * their count; every segment has a tooltip.
 */
public final class SvgStackedBars {
  static final int BAR_H = 20;
  static final int GAP = 8;
  static final int FONT = 12;
  static final int PLOT_W = 560;

  private final List<String> labels;
  private final long[][] values;
  private final List<String> series;
  private final List<String> colors;

  /**
   * @param labels one per bar
   * @param values {@code values[bar][series]}, non-negative
   * @param series series names (legend)
   * @param colors one CSS color per series
   */
  public SvgStackedBars(
      List<String> labels, long[][] values, List<String> series, List<String> colors) {
    if (values.length != labels.size() || series.size() != colors.size()) {
      throw new IllegalArgumentException("labels, values, series and colors do not match");
    }
    for (long[] v : values) {
      if (v.length != series.size()) {
        throw new IllegalArgumentException(
            "a bar has " + v.length + " values, not " + series.size());
      }
      for (long x : v) {
        if (x < 0) {
          throw new IllegalArgumentException("negative value " + x);
        }
      }
    }
    this.labels = List.copyOf(labels);
    this.values = values;
    this.series = List.copyOf(series);
    this.colors = List.copyOf(colors);
  }

  public String toSvg() {
    int labelW = Math.max(80, TextWidth.estimate(labels, FONT) + 12);
    int legendH = 28;
    long max = 1;
    for (long[] v : values) {
      long total = 0;
      for (long x : v) {
        total += x;
      }
      max = Math.max(max, total);
    }
    int width = labelW + PLOT_W + 60;
    int height = legendH + labels.size() * (BAR_H + GAP) + 4;
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart bars\" width=\"%d\""
                + " height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" font-family=\"sans-serif\""
                + " font-size=\"%d\">\n",
            width,
            height,
            width,
            height,
            FONT));
    int lx = labelW;
    for (int s = 0; s < series.size(); s++) {
      b.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"6\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                  + "<text x=\"%d\" y=\"16\">%s</text>\n",
              lx,
              Html.escape(colors.get(s)),
              lx + 16,
              Html.escape(series.get(s))));
      lx += 16 + TextWidth.estimate(List.of(series.get(s)), FONT) + 24;
    }
    for (int i = 0; i < labels.size(); i++) {
      int y = legendH + i * (BAR_H + GAP);
      b.append(
          String.format(
              Locale.ROOT,
              "<text class=\"row-label\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
              labelW - 8,
              y + BAR_H / 2.0 + FONT / 3.0,
              Html.escape(labels.get(i))));
      double x = labelW;
      long total = 0;
      for (int s = 0; s < series.size(); s++) {
        long v = values[i][s];
        total += v;
        double w = (double) v / max * PLOT_W;
        if (v > 0) {
          b.append(
              String.format(
                  Locale.ROOT,
                  "<g class=\"segment\"><rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\""
                      + " fill=\"%s\"><title>%s: %s %d</title></rect>",
                  x,
                  y,
                  w,
                  BAR_H,
                  Html.escape(colors.get(s)),
                  Html.escape(labels.get(i)),
                  Html.escape(series.get(s)),
                  v));
          String text = Long.toString(v);
          if (w >= text.length() * FONT * 0.6 + 6) {
            b.append(
                String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#ffffff\">%s</text>",
                    x + w / 2,
                    y + BAR_H / 2.0 + FONT / 3.0,
                    text));
          }
          b.append("</g>\n");
        }
        x += w;
      }
      b.append(
          String.format(
              Locale.ROOT,
              "<text class=\"total\" x=\"%.1f\" y=\"%.1f\" fill=\"#444444\">%d</text>\n",
              x + 6,
              y + BAR_H / 2.0 + FONT / 3.0,
              total));
    }
    b.append("</svg>");
    return b.toString();
  }
}
