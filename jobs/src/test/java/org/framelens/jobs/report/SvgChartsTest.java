package org.framelens.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgChartsTest {
  @Test
  void heatmapColorsRunFromLightToDarkAndClampOutsideTheScale() {
    assertThat(SvgHeatmap.color(0)).isEqualTo("#f7fbff");
    assertThat(SvgHeatmap.color(1)).isEqualTo("#08306b");
    assertThat(SvgHeatmap.color(-3)).isEqualTo("#f7fbff");
    assertThat(SvgHeatmap.color(7)).isEqualTo("#08306b");
    assertThat(SvgHeatmap.color(0.5)).isEqualTo("#6baed6");
  }

  @Test
  void heatmapScaleEndsAtTheLargestValueRoundedUpToATenth() {
    assertThat(heatmap(new double[][] {{0.05, 0.42}, {Double.NaN, 0.1}}).scaleMax()).isEqualTo(0.5);
    assertThat(heatmap(new double[][] {{0.0, 0.0}, {0.0, 0.0}}).scaleMax()).isEqualTo(0.1);
    assertThat(heatmap(new double[][] {{1.0, 0.3}, {0.2, 0.1}}).scaleMax()).isEqualTo(1.0);
  }

  @Test
  void heatmapCellsShowPercentagesTooltipsAndGreyForMissing() {
    String svg = heatmap(new double[][] {{0.25, Double.NaN}, {1.0, 0.0}}).toSvg();
    assertThat(svg).contains(">25%</text>").contains(">100%</text>").contains(">0%</text>");
    assertThat(svg).contains("fill=\"#e0e0e0\"").contains(">–</text>");
    assertThat(svg).contains("<title>r0 × c0 &lt;tip&gt;</title>");
    // the darkest cell gets white ink, the lightest dark ink
    assertThat(svg).contains("fill=\"#ffffff\">100%</text>").contains("fill=\"#1a1a1a\">0%</text>");
  }

  @Test
  void heatmapRefusesValuesThatDoNotMatchItsLabels() {
    assertThatThrownBy(
            () -> new SvgHeatmap(List.of("a", "b"), List.of("x"), new double[][] {{1}}, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new SvgHeatmap(List.of("a"), List.of("x"), new double[][] {{1, 2}}, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void barsAreScaledToTheLargestTotalAndShowEachTotal() {
    String svg =
        new SvgStackedBars(
                List.of("big", "small", "none"),
                new long[][] {{30, 10}, {5, 5}, {0, 0}},
                List.of("own", "quoted"),
                List.of("#111111", "#222222"))
            .toSvg();
    List<Double> widths = numbers(svg, "<rect x=\"[0-9.]+\" y=\"\\d+\" width=\"([0-9.]+)\"");
    // two legend swatches (12 px) then big: 30 and 10 of 40, small: 5 and 5
    double full = SvgStackedBars.PLOT_W;
    assertThat(widths)
        .containsExactly(12.0, 12.0, full * 0.75, full * 0.25, full * 0.125, full * 0.125);
    assertThat(svg)
        .contains(">40</text>")
        .contains(">10</text>")
        .contains(">0</text>")
        .contains("<title>big: quoted 10</title>");
  }

  @Test
  void barsRefuseNegativeOrMismatchedValues() {
    assertThatThrownBy(
            () ->
                new SvgStackedBars(
                    List.of("a"),
                    new long[][] {{-1, 2}},
                    List.of("x", "y"),
                    List.of("#000", "#fff")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new SvgStackedBars(
                    List.of("a"), new long[][] {{1}}, List.of("x", "y"), List.of("#000", "#fff")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void htmlEscapingCoversMarkupQuotesAndControlCharacters() {
    assertThat(Html.escape("<a href='x'>\"&\"</a>"))
        .isEqualTo("&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
    assertThat(Html.escape("a\u0000b\u0007c\td\ne")).isEqualTo("a b c\td\ne");
    assertThat(Html.escape(null)).isEmpty();
    assertThat(Html.escape("המנורה — المنارة")).isEqualTo("המנורה — المنارة");
  }

  private static SvgHeatmap heatmap(double[][] values) {
    String[][] tips = new String[values.length][values[0].length];
    for (int r = 0; r < values.length; r++) {
      for (int c = 0; c < values[r].length; c++) {
        tips[r][c] = "r" + r + " × c" + c + " <tip>";
      }
    }
    return new SvgHeatmap(List.of("r0", "r1"), List.of("c0", "c1"), values, tips);
  }

  private static List<Double> numbers(String s, String regex) {
    Matcher m = Pattern.compile(regex).matcher(s);
    List<Double> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(Double.parseDouble(m.group(1)));
    }
    return out;
  }
}
