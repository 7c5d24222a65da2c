package org.framelens.jobs.report;

import java.util.List;
import java.util.Locale;

/**
 * A forest plot as inline SVG: one row per estimate, a square at the odds ratio and a line over its
 * interval, on a log scale with a dashed line at 1 (no difference). Intervals beyond the axis are
 * cut at its ends and marked with an arrow; every row has a tooltip with the numbers.
 */
public final class SvgForest {
  static final int ROW_H = 18;
  static final int FONT = 12;
  static final int PLOT_W = 420;

  /** One estimate: its label, the odds ratio and its 95% interval (all positive). */
  public record Estimate(String label, double or, double low, double high) {}

  private final List<Estimate> rows;
  private final double axisLow;
  private final double axisHigh;

  public SvgForest(List<Estimate> rows) {
    for (Estimate e : rows) {
      if (!(e.or() > 0 && e.low() > 0 && e.high() >= e.or() && e.low() <= e.or())) {
        throw new IllegalArgumentException("not an odds ratio with its interval: " + e);
      }
    }
    this.rows = List.copyOf(rows);
    double lo = 1;
    double hi = 1;
    for (Estimate e : rows) {
      lo = Math.min(lo, e.or());
      hi = Math.max(hi, e.or());
    }
    // whole decades around the estimates, at most 1/1000 to 1000
    this.axisLow = Math.max(1e-3, Math.pow(10, Math.floor(Math.log10(lo) - 0.5)));
    this.axisHigh = Math.min(1e3, Math.pow(10, Math.ceil(Math.log10(hi) + 0.5)));
  }

  private double x(int labelW, double v) {
    double c = Math.min(Math.max(v, axisLow), axisHigh);
    return labelW
        + (Math.log(c) - Math.log(axisLow)) / (Math.log(axisHigh) - Math.log(axisLow)) * PLOT_W;
  }

  public String toSvg() {
    int labelW =
        Math.max(80, TextWidth.estimate(rows.stream().map(Estimate::label).toList(), FONT));
    labelW += 12;
    int top = 8;
    int height = top + rows.size() * ROW_H + 36;
    int width = labelW + PLOT_W + 140;
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart forest\" width=\"%d\""
                + " height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" font-family=\"sans-serif\""
                + " font-size=\"%d\">\n",
            width,
            height,
            width,
            height,
            FONT));
    double one = x(labelW, 1);
    int bottom = top + rows.size() * ROW_H;
    b.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888888\""
                + " stroke-dasharray=\"4 3\"/>\n",
            one,
            top,
            one,
            bottom));
    for (double tick = axisLow; tick <= axisHigh * 1.0001; tick *= 10) {
      double tx = x(labelW, tick);
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#444444\"/>"
                  + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
              tx,
              bottom,
              tx,
              bottom + 4,
              tx,
              bottom + 16,
              tick >= 1 ? String.format(Locale.ROOT, "%.0f", tick) : String.valueOf(tick)));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#444444\">odds ratio"
                + " (Mantel-Haenszel, by story; log scale)</text>\n",
            labelW + PLOT_W / 2.0,
            bottom + 30));
    for (int i = 0; i < rows.size(); i++) {
      Estimate e = rows.get(i);
      double cy = top + i * ROW_H + ROW_H / 2.0;
      double x1 = x(labelW, e.low());
      double x2 = x(labelW, e.high());
      double xo = x(labelW, e.or());
      String numbers = String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", e.or(), e.low(), e.high());
      b.append(
          String.format(
              Locale.ROOT,
              "<g class=\"estimate\"><title>%s: %s</title>"
                  + "<text class=\"row-label\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>"
                  + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#2b6cb0\""
                  + " stroke-width=\"2\"/>"
                  + "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\" fill=\"#2b6cb0\"/>",
              Html.escape(e.label()),
              numbers,
              labelW - 8,
              cy + FONT / 3.0,
              Html.escape(e.label()),
              x1,
              cy,
              x2,
              cy,
              xo - 4,
              cy - 4));
      if (e.low() < axisLow) {
        b.append(arrow(x1, cy, -1));
      }
      if (e.high() > axisHigh) {
        b.append(arrow(x2, cy, 1));
      }
      b.append(
          String.format(
              Locale.ROOT,
              "<text class=\"numbers\" x=\"%d\" y=\"%.1f\" fill=\"#444444\">%s</text></g>\n",
              labelW + PLOT_W + 10,
              cy + FONT / 3.0,
              numbers));
    }
    b.append("</svg>");
    return b.toString();
  }

  private static String arrow(double x, double cy, int direction) {
    return String.format(
        Locale.ROOT,
        "<path d=\"M%.1f %.1f l%d -4 l0 8 z\" fill=\"#2b6cb0\"/>",
        x,
        cy,
        6 * direction);
  }
}
