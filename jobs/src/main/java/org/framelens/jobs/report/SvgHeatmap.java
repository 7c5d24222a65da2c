package org.framelens.jobs.report;

import java.util.List;
import java.util.Locale;

/**
 * A heatmap as inline SVG: one row per row label, one column per column label, each cell colored by
 * its value (0 to the largest value, at least {@code minScaleMax}) and labelled with it as a
 * percentage. Missing values (NaN) are grey. Each cell has a tooltip ({@code <title>}).
 */
public final class SvgHeatmap {
  static final int CELL_W = 64;
  static final int CELL_H = 26;
  static final int FONT = 12;

  /** Light to dark blue (ColorBrewer "Blues"). */
  private static final int[][] STOPS = {
    {0xf7, 0xfb, 0xff},
    {0xc6, 0xdb, 0xef},
    {0x6b, 0xae, 0xd6},
    {0x21, 0x71, 0xb5},
    {0x08, 0x30, 0x6b}
  };

  private final List<String> rows;
  private final List<String> cols;
  private final double[][] values;
  private final String[][] tooltips;
  private double minScaleMax = 0.1;

  /**
   * @param rows row labels
   * @param cols column labels
   * @param values {@code values[row][col]}, fractions (0.25 is shown as 25%); NaN when missing
   * @param tooltips {@code tooltips[row][col]}, plain text (escaped here), or null for none
   */
  public SvgHeatmap(List<String> rows, List<String> cols, double[][] values, String[][] tooltips) {
    if (values.length != rows.size()) {
      throw new IllegalArgumentException(
          "values has " + values.length + " rows, not " + rows.size());
    }
    for (double[] r : values) {
      if (r.length != cols.size()) {
        throw new IllegalArgumentException("a row of values has " + r.length + " columns");
      }
    }
    this.rows = List.copyOf(rows);
    this.cols = List.copyOf(cols);
    this.values = values;
    this.tooltips = tooltips;
  }

  /** The upper end of the color scale: the largest value rounded up to a tenth, at least 0.1. */
  double scaleMax() {
    double max = 0;
    for (double[] r : values) {
      for (double v : r) {
        if (!Double.isNaN(v)) {
          max = Math.max(max, v);
        }
      }
    }
    return Math.max(minScaleMax, Math.ceil(max * 10 - 1e-9) / 10);
  }

  public String toSvg() {
    int labelW = Math.max(80, TextWidth.estimate(rows, FONT) + 12);
    // column labels are rotated by 40 degrees: their height is about sin(40°) times their length
    int colLabelLen = TextWidth.estimate(cols, FONT);
    int headerH = (int) Math.ceil(colLabelLen * Math.sin(Math.toRadians(40))) + 16;
    int gridW = cols.size() * CELL_W;
    int gridH = rows.size() * CELL_H;
    int legendH = 44;
    // rotated labels reach right past the last column by about cos(40°) times their length
    int width = labelW + gridW + Math.max(24, (int) (colLabelLen * 0.77) - CELL_W / 2 + 8);
    int height = headerH + gridH + legendH;
    double scaleMax = scaleMax();

    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart heatmap\" width=\"%d\""
                + " height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" font-family=\"sans-serif\""
                + " font-size=\"%d\">\n",
            width,
            height,
            width,
            height,
            FONT));
    for (int c = 0; c < cols.size(); c++) {
      double x = labelW + c * CELL_W + CELL_W / 2.0;
      b.append(
          String.format(
              Locale.ROOT,
              "<text class=\"col-label\" transform=\"translate(%.1f,%d) rotate(-40)\">%s</text>\n",
              x,
              headerH - 6,
              Html.escape(cols.get(c))));
    }
    for (int r = 0; r < rows.size(); r++) {
      int y = headerH + r * CELL_H;
      b.append(
          String.format(
              Locale.ROOT,
              "<text class=\"row-label\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
              labelW - 8,
              y + CELL_H / 2.0 + FONT / 3.0,
              Html.escape(rows.get(r))));
      for (int c = 0; c < cols.size(); c++) {
        int x = labelW + c * CELL_W;
        double v = values[r][c];
        String fill = Double.isNaN(v) ? "#e0e0e0" : color(v / scaleMax);
        String title = tooltips == null ? null : tooltips[r][c];
        b.append(
            String.format(
                Locale.ROOT,
                "<g class=\"cell\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\""
                    + " stroke=\"#ffffff\" stroke-width=\"1\">%s</rect>",
                x,
                y,
                CELL_W,
                CELL_H,
                fill,
                title == null ? "" : "<title>" + Html.escape(title) + "</title>"));
        String label = Double.isNaN(v) ? "–" : percent(v);
        String ink = !Double.isNaN(v) && v / scaleMax > 0.55 ? "#ffffff" : "#1a1a1a";
        b.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\">%s</text></g>\n",
                x + CELL_W / 2.0,
                y + CELL_H / 2.0 + FONT / 3.0,
                ink,
                label));
      }
    }
    appendLegend(b, labelW, headerH + gridH + 14, Math.min(gridW, 240), scaleMax);
    b.append("</svg>");
    return b.toString();
  }

  private static void appendLegend(StringBuilder b, int x, int y, int w, double scaleMax) {
    int steps = 20;
    double stepW = (double) w / steps;
    for (int i = 0; i < steps; i++) {
      b.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"10\" fill=\"%s\"/>",
              x + i * stepW,
              y,
              stepW + 0.5,
              color((i + 0.5) / steps)));
    }
    b.append('\n');
    b.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"11\">0%%</text>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>\n",
            x,
            y + 24,
            x + w,
            y + 24,
            percent(scaleMax)));
  }

  static String percent(double v) {
    return String.format(Locale.ROOT, "%.0f%%", v * 100);
  }

  /** Color for t in 0..1 (clamped), interpolated between the stops. */
  static String color(double t) {
    t = Math.max(0, Math.min(1, t));
    double pos = t * (STOPS.length - 1);
    int i = Math.min(STOPS.length - 2, (int) Math.floor(pos));
    double f = pos - i;
    int[] a = STOPS[i];
    int[] z = STOPS[i + 1];
    return String.format(
        Locale.ROOT,
        "#%02x%02x%02x",
        Math.round(a[0] + (z[0] - a[0]) * f),
        Math.round(a[1] + (z[1] - a[1]) * f),
        Math.round(a[2] + (z[2] - a[2]) * f));
  }
}
