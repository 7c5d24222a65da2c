package org.framelens.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportPageTest {
  private final ReportData data = SampleReports.data();
  private final String html = ReportPage.render(data);

  @Test
  void isOneUtf8PageWithTheHeatmapAndTheVoiceChartAsInlineSvg() {
    assertThat(html).startsWith("<!DOCTYPE html>");
    assertThat(html).contains("<meta charset=\"utf-8\">");
    assertThat(count(html, "<svg ")).isEqualTo(2);
    assertThat(html).contains("class=\"chart heatmap\"").contains("class=\"chart bars\"");
    assertThat(count(html, "</svg>")).isEqualTo(2);
    assertThat(html).endsWith("</html>\n");
  }

  @Test
  void heatmapHasOneCellPerOutletAndFrame() {
    String heatmap = between(html, "class=\"chart heatmap\"", "</svg>");
    assertThat(count(heatmap, "<g class=\"cell\">"))
        .isEqualTo(SampleReports.OUTLETS.size() * SampleReports.FRAMES.size());
  }

  @Test
  void namesEveryOutletInBothChartsAndEveryFrame() {
    String heatmap = between(html, "class=\"chart heatmap\"", "</svg>");
    String bars = between(html, "class=\"chart bars\"", "</svg>");
    for (String outlet : SampleReports.OUTLETS) {
      assertThat(heatmap).contains(">" + Html.escape(outlet) + "</text>");
      assertThat(bars).contains(">" + Html.escape(outlet) + "</text>");
    }
    for (String frame : SampleReports.FRAMES) {
      assertThat(heatmap).contains(">" + frame + "</text>");
    }
  }

  @Test
  void escapesMarkupInOutletNamesAndTerms() {
    assertThat(html).doesNotContain("<b>evil</b>").doesNotContain("<script>");
    assertThat(html).contains("&lt;b&gt;evil&lt;/b&gt;&amp;co");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(html).contains("צה&quot;ל");
  }

  @Test
  void hasNoScriptsAndLoadsNothingFromElsewhere() {
    assertThat(html.toLowerCase()).doesNotContain("<script").doesNotContain("<link");
    assertThat(html).doesNotContain("src=").doesNotContain("href=").doesNotContain("url(");
    // the only URL is the SVG namespace
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http");
  }

  @Test
  void termsKeepTheirLanguageAndDirectionInDirAutoCells() {
    assertThat(html).contains("<span class=\"term\" dir=\"auto\" lang=\"ar\">مقاومة</span>");
    assertThat(html).contains("<span class=\"term\" dir=\"auto\" lang=\"he\">מחבלים</span>");
    assertThat(html).contains("<td class=\"outlet\" dir=\"auto\">al-manara</td>");
  }

  @Test
  void termTableGroupsOutletsUnderTheirFrameWithTermsMostUsedFirst() {
    String table = between(html, "<table class=\"terms\">", "</table>");
    assertThat(table).contains("<th scope=\"rowgroup\" rowspan=\"3\">hostages</th>");
    assertThat(table).contains("<th scope=\"rowgroup\" rowspan=\"1\">resistance</th>");
    assertThat(table.indexOf("مقاومة")).isLessThan(table.indexOf("المقاومة الباسلة"));
    assertThat(table).contains("заложник*</span> <span class=\"n\">7 (3)</span>");
  }

  @Test
  void runFactsShowArticlesLanguagesDatesLexiconAndQuarantine() {
    String facts = between(html, "<dl class=\"facts\">", "</dl>");
    assertThat(facts)
        .contains("<dt>Articles</dt><dd dir=\"auto\">27</dd>")
        .contains("<dt>Outlets</dt><dd dir=\"auto\">5</dd>")
        .contains("ar, en, he, ru")
        .contains("2023-10-18 – 2023-10-26")
        .contains("<dt>Lexicon version</dt><dd dir=\"auto\">sha256:43fb426e6fbd8b31</dd>")
        .contains("<dt>Quarantined</dt><dd dir=\"auto\">2</dd>");
    assertThat(html).contains("<strong class=\"quarantine-count\">2</strong>");
    assertThat(html).contains("<tr><td>parse</td><td class=\"num\">2</td></tr>");
  }

  @Test
  void mixedLexiconVersionsAreFlagged() {
    RunFacts f = data.facts();
    RunFacts mixed =
        new RunFacts(
            f.articles(),
            f.languages(),
            f.firstCrawlDate(),
            f.lastCrawlDate(),
            f.firstPeriod(),
            f.lastPeriod(),
            List.of("sha256:aaaa", "sha256:bbbb"));
    String page = ReportPage.render(withFacts(mixed, true, data.quarantineByStage()));
    assertThat(page).contains("Lexicon versions (mixed!)").contains("sha256:aaaa, sha256:bbbb");
  }

  @Test
  void missingFrameTermsAndQuarantineTablesAreSaidInsteadOfFailing() {
    RunFacts empty = new RunFacts(0, List.of(), null, null, null, null, List.of());
    String page =
        ReportPage.render(
            new ReportData("t", "/x", empty, data.outletFrames(), List.of(), false, null));
    assertThat(page).contains("This output has no frame_terms table.");
    assertThat(page).contains("This output has no quarantine table.");
    assertThat(page).contains("<dt>Crawl dates</dt><dd dir=\"auto\">–</dd>");
  }

  @Test
  void aSingleDayIsShownAsOneDate() {
    RunFacts f = data.facts();
    LocalDate day = LocalDate.of(2024, 1, 2);
    RunFacts oneDay =
        new RunFacts(f.articles(), f.languages(), day, day, day, day, f.lexiconVersions());
    assertThat(ReportPage.render(withFacts(oneDay, true, null)))
        .contains("<dt>Crawl dates</dt><dd dir=\"auto\">2024-01-02</dd>");
  }

  private ReportData withFacts(RunFacts facts, boolean hits, java.util.Map<String, Long> q) {
    return new ReportData(
        data.title(), data.source(), facts, data.outletFrames(), data.topTerms(), hits, q);
  }

  static int count(String s, String what) {
    Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  static String between(String s, String start, String end) {
    int i = s.indexOf(start);
    assertThat(i).as("'%s' in the page", start).isNotNegative();
    int j = s.indexOf(end, i);
    assertThat(j).as("'%s' after '%s'", end, start).isGreaterThan(i);
    return s.substring(i, j);
  }
}
