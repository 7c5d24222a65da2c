package org.framelens.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportStoryAndWireTest {
  private static final RunFacts FACTS =
      new RunFacts(0, List.of(), null, null, null, null, List.of());

  private static ReportData data(List<StoryContrast> contrasts, List<WireEdit> edits) {
    return new ReportData(
        "t", "/x", FACTS, List.of(), List.of(), false, null, null, null, contrasts, edits);
  }

  @Test
  void theForestPlotHasARowPerEstimateWithItsNumbersAndEscapedLabels() {
    String svg =
        new SvgForest(
                List.of(
                    new SvgForest.Estimate("terrorism · a<b> vs c", 4.69, 0.45, 48.5),
                    new SvgForest.Estimate("diplomacy · a vs c", 0.5, 0.2, 1.25)))
            .toSvg();
    assertThat(ReportPageTest.count(svg, "<g class=\"estimate\">")).isEqualTo(2);
    assertThat(svg).contains("terrorism · a&lt;b&gt; vs c").doesNotContain("a<b>");
    assertThat(svg).contains("4.69 [0.45, 48.50]").contains("0.50 [0.20, 1.25]");
    // the line at 1 is dashed, and the axis spans whole decades around the estimates
    assertThat(svg).contains("stroke-dasharray").contains(">0.1</text>").contains(">100</text>");
  }

  @Test
  void theForestPlotRefusesAnIntervalThatDoesNotHoldItsEstimate() {
    assertThatThrownBy(() -> new SvgForest(List.of(new SvgForest.Estimate("x", 2, 3, 4))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theReportShowsTheContrastsAndTheWireEditsPerOutlet() {
    String page =
        ReportPage.render(
            data(
                List.of(
                    new StoryContrast(
                        "terrorism", "haboker", "globalwire", 1, 3.0, 0.5, 18.0, 0.4, 0.1, 0.3)),
                List.of(
                    new WireEdit(
                        "haboker",
                        "replaced",
                        "militancy",
                        "militant",
                        "terrorism",
                        "terrorist",
                        1,
                        1,
                        1))));
    String contrasts = ReportPageTest.between(page, "<section id=\"contrasts\">", "</section>");
    assertThat(contrasts).contains("<svg").contains("3.00 [0.50, 18.00]").contains(">0.10<");
    String edits = ReportPageTest.between(page, "<section id=\"wire-edits\">", "</section>");
    assertThat(edits)
        .contains("haboker")
        .contains("1 of 1")
        .contains("<span class=\"term\">militant</span> (militancy)")
        .contains("<span class=\"term\">terrorist</span> (terrorism)");
  }

  @Test
  void outputsWithoutTheNewTablesSaySoInsteadOfFailing() {
    String page = ReportPage.render(data(null, null));
    assertThat(page)
        .contains("This output has no story_contrasts table.")
        .contains("This output has no copy_edits table.");
    String empty = ReportPage.render(data(List.of(), List.of()));
    assertThat(empty).contains("No near-duplicate copy changed a lexicon term");
  }
}
