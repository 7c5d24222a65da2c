package org.framelens.jobs.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report as one self-contained HTML page: inline CSS and SVG, no scripts, no external
 * resources. All text from the data is escaped; cells holding outlet names and terms carry {@code
 * dir="auto"} so Arabic and Hebrew read right to left.
 */
public final class ReportPage {
  static final String OWN_COLOR = "#2b6cb0";
  static final String QUOTED_COLOR = "#dd8452";

  private ReportPage() {}

  public static String render(ReportData data) {
    StringBuilder b = new StringBuilder(32_768);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Html.escape(data.title()))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<main>\n");
    b.append("<header>\n<h1>").append(Html.escape(data.title())).append("</h1>\n");
    b.append("<p class=\"source\">Tables read from <code dir=\"auto\">")
        .append(Html.escape(data.source()))
        .append("</code></p>\n</header>\n");
    appendFacts(b, data);
    appendHeatmap(b, data);
    appendVoice(b, data);
    appendTerms(b, data);
    appendContrasts(b, data);
    appendWireEdits(b, data);
    appendQuarantine(b, data);
    appendCoverage(b, data);
    appendValidation(b, data);
    b.append(
        "<footer>framelens report · share = articles with at least one hit of the frame ÷ the"
            + " outlet's articles; hits are counted once per occurrence of a lexicon term."
            + "</footer>\n");
    b.append("</main>\n</body>\n</html>\n");
    return b.toString();
  }

  private static void appendFacts(StringBuilder b, ReportData data) {
    RunFacts f = data.facts();
    b.append("<section id=\"facts\">\n<h2>Run</h2>\n<dl class=\"facts\">\n");
    fact(b, "Articles", Long.toString(f.articles()));
    fact(b, "Outlets", Integer.toString(data.outlets().size()));
    fact(b, "Frames", Integer.toString(data.frames().size()));
    fact(b, "Languages", f.languages().isEmpty() ? "–" : String.join(", ", f.languages()));
    fact(b, "Crawl dates", range(f.firstCrawlDate(), f.lastCrawlDate()));
    fact(b, "Days covered", range(f.firstPeriod(), f.lastPeriod()));
    fact(
        b,
        f.lexiconVersions().size() > 1 ? "Lexicon versions (mixed!)" : "Lexicon version",
        f.lexiconVersions().isEmpty() ? "–" : String.join(", ", f.lexiconVersions()));
    fact(
        b,
        "Quarantined",
        data.quarantineByStage() == null
            ? "no quarantine table"
            : Long.toString(data.quarantined()));
    b.append("</dl>\n</section>\n");
  }

  private static void fact(StringBuilder b, String name, String value) {
    b.append("<div><dt>")
        .append(Html.escape(name))
        .append("</dt><dd dir=\"auto\">")
        .append(Html.escape(value))
        .append("</dd></div>\n");
  }

  private static String range(LocalDate first, LocalDate last) {
    if (first == null) {
      return "–";
    }
    return first.equals(last) ? first.toString() : first + " – " + last;
  }

  private static void appendHeatmap(StringBuilder b, ReportData data) {
    List<String> outlets = data.outlets();
    List<String> frames = data.frames();
    b.append("<section id=\"share\">\n<h2>Share of articles with each frame</h2>\n");
    if (outlets.isEmpty()) {
      b.append("<p class=\"empty\">outlet_frames is empty.</p>\n</section>\n");
      return;
    }
    b.append(
        "<p>Of each outlet's articles over the whole run, the share with at least one hit of the"
            + " frame. Hover over a cell for the counts.</p>\n");
    double[][] values = new double[outlets.size()][frames.size()];
    String[][] tips = new String[outlets.size()][frames.size()];
    for (double[] row : values) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    for (OutletFrame of : data.outletFrames()) {
      int r = outlets.indexOf(of.outlet());
      int c = frames.indexOf(of.frame());
      values[r][c] = of.share();
      tips[r][c] =
          String.format(
              Locale.ROOT,
              "%s × %s: %d of %d articles, %d hits (%d own, %d quoted)",
              of.outlet(),
              of.frame(),
              of.articlesWithFrame(),
              of.articles(),
              of.hits(),
              of.hitsOwn(),
              of.hitsQuoted());
    }
    b.append("<div class=\"figure\">")
        .append(new SvgHeatmap(outlets, frames, values, tips).toSvg())
        .append("</div>\n</section>\n");
  }

  private static void appendVoice(StringBuilder b, ReportData data) {
    Map<String, long[]> perOutlet = new TreeMap<>();
    for (OutletFrame of : data.outletFrames()) {
      long[] v = perOutlet.computeIfAbsent(of.outlet(), o -> new long[2]);
      v[0] += of.hitsOwn();
      v[1] += of.hitsQuoted();
    }
    b.append("<section id=\"voice\">\n<h2>Own voice and quotations</h2>\n");
    if (perOutlet.isEmpty()) {
      b.append("<p class=\"empty\">No outlets.</p>\n</section>\n");
      return;
    }
    b.append(
        "<p>Frame hits per outlet, all frames together: in the outlet's own words, or inside"
            + " quotation marks (someone else's words the outlet reports).</p>\n");
    List<String> labels = new ArrayList<>(perOutlet.keySet());
    long[][] values = perOutlet.values().toArray(new long[0][]);
    b.append("<div class=\"figure\">")
        .append(
            new SvgStackedBars(
                    labels,
                    values,
                    List.of("own voice", "quoted"),
                    List.of(OWN_COLOR, QUOTED_COLOR))
                .toSvg())
        .append("</div>\n</section>\n");
  }

  private static void appendTerms(StringBuilder b, ReportData data) {
    b.append("<section id=\"terms\">\n<h2>Top terms per frame and outlet</h2>\n");
    if (!data.frameTermsPresent()) {
      b.append("<p class=\"empty\">This output has no frame_terms table.</p>\n</section>\n");
      return;
    }
    if (data.topTerms().isEmpty()) {
      b.append("<p class=\"empty\">No frame hits.</p>\n</section>\n");
      return;
    }
    b.append(
        "<p>The lexicon terms behind the numbers: the most frequent terms of each frame per"
            + " outlet, with their hits (quoted ones in brackets).</p>\n");
    // frame -> outlet -> terms, in the order given (most used first)
    Map<String, Map<String, List<TermCount>>> byFrame = new TreeMap<>();
    for (TermCount t : data.topTerms()) {
      byFrame
          .computeIfAbsent(t.frame(), f -> new TreeMap<>())
          .computeIfAbsent(t.outlet(), o -> new ArrayList<>())
          .add(t);
    }
    b.append(
        "<table class=\"terms\">\n<thead><tr><th>Frame</th><th>Outlet</th><th>Terms</th></tr>"
            + "</thead>\n<tbody>\n");
    for (var frame : byFrame.entrySet()) {
      boolean first = true;
      for (var outlet : frame.getValue().entrySet()) {
        b.append(first ? "<tr class=\"frame-start\">" : "<tr>");
        if (first) {
          b.append("<th scope=\"rowgroup\" rowspan=\"")
              .append(frame.getValue().size())
              .append("\">")
              .append(Html.escape(frame.getKey()))
              .append("</th>");
          first = false;
        }
        b.append("<td class=\"outlet\" dir=\"auto\">")
            .append(Html.escape(outlet.getKey()))
            .append("</td>");
        b.append("<td dir=\"auto\">");
        List<TermCount> terms = outlet.getValue();
        for (int i = 0; i < terms.size(); i++) {
          TermCount t = terms.get(i);
          if (i > 0) {
            b.append(" ");
          }
          b.append("<span class=\"term\" dir=\"auto\" lang=\"")
              .append(Html.escape(t.lang()))
              .append("\">")
              .append(Html.escape(t.term()))
              .append("</span> <span class=\"n\">")
              .append(t.hits());
          if (t.quoted() > 0) {
            b.append(" (").append(t.quoted()).append(")");
          }
          b.append("</span>");
        }
        b.append("</td></tr>\n");
      }
    }
    b.append("</tbody>\n</table>\n</section>\n");
  }

  /** Forest plots beyond this many estimates are cut (the table keeps every row). */
  static final int MAX_FOREST_ROWS = 60;

  private static void appendContrasts(StringBuilder b, ReportData data) {
    b.append("<section id=\"contrasts\">\n<h2>Same story, different framing</h2>\n");
    List<StoryContrast> rows = data.contrasts();
    if (rows == null) {
      b.append("<p class=\"empty\">This output has no story_contrasts table.</p>\n</section>\n");
      return;
    }
    if (rows.isEmpty()) {
      b.append(
          "<p class=\"empty\">No pair of outlets shares a story with an odds ratio to show.</p>\n"
              + "</section>\n");
      return;
    }
    b.append(
        "<p>Holding the story fixed: the Mantel–Haenszel odds ratio of the frame, outlet A against"
            + " outlet B (or all others), over the stories both covered in the run, with its 95%"
            + " interval (Robins–Breslow–Greenland). Above 1: A uses the frame more often in the"
            + " same stories. The table splits the raw share difference into selection (which"
            + " stories an outlet covers) and framing (how it tells the same stories), after"
            + " Kitagawa (1955); the two parts sum to the difference.</p>\n");
    List<SvgForest.Estimate> estimates = new ArrayList<>();
    for (StoryContrast c : rows) {
      if (estimates.size() == MAX_FOREST_ROWS) {
        break;
      }
      estimates.add(
          new SvgForest.Estimate(
              c.frame() + " · " + c.outletA() + " vs " + c.outletB(),
              c.orMh(),
              c.orMhCiLow(),
              c.orMhCiHigh()));
    }
    b.append("<div class=\"chart-wrap\">")
        .append(new SvgForest(estimates).toSvg())
        .append("</div>\n");
    if (rows.size() > MAX_FOREST_ROWS) {
      b.append("<p>The plot shows the first ")
          .append(MAX_FOREST_ROWS)
          .append(" of ")
          .append(rows.size())
          .append(" estimates; story_contrasts has them all.</p>\n");
    }
    b.append(
        "<table class=\"contrasts\">\n<thead><tr><th>Frame</th><th>Outlet A</th><th>Outlet B</th>"
            + "<th>Shared stories</th><th>OR (95% CI)</th><th>Share difference</th>"
            + "<th>Selection</th><th>Framing</th></tr></thead>\n<tbody>\n");
    for (StoryContrast c : rows) {
      b.append("<tr><td>")
          .append(Html.escape(c.frame()))
          .append("</td><td dir=\"auto\">")
          .append(Html.escape(c.outletA()))
          .append("</td><td dir=\"auto\">")
          .append(Html.escape(c.outletB()))
          .append("</td><td class=\"num\">")
          .append(c.storiesShared())
          .append("</td><td class=\"num\">")
          .append(interval(c.orMh(), c.orMhCiLow(), c.orMhCiHigh()))
          .append("</td><td class=\"num\">")
          .append(fmt(c.shareDifference()))
          .append("</td><td class=\"num\">")
          .append(fmt(c.selectionPart()))
          .append("</td><td class=\"num\">")
          .append(fmt(c.framingPart()))
          .append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n</section>\n");
  }

  private static void appendWireEdits(StringBuilder b, ReportData data) {
    b.append("<section id=\"wire-edits\">\n<h2>What outlets change in wire copy</h2>\n");
    List<WireEdit> rows = data.wireEdits();
    if (rows == null) {
      b.append("<p class=\"empty\">This output has no copy_edits table.</p>\n</section>\n");
      return;
    }
    if (rows.isEmpty()) {
      b.append(
          "<p class=\"empty\">No near-duplicate copy changed a lexicon term of its original.</p>\n"
              + "</section>\n");
      return;
    }
    b.append(
        "<p>Near-duplicate copies aligned word by word with the copy they point to (the earliest"
            + " copy, not necessarily the agency's own text): the lexicon terms an outlet replaced,"
            + " added or removed, most frequent first.</p>\n");
    b.append(
        "<table class=\"wire-edits\">\n<thead><tr><th>Outlet</th><th>Copies edited</th>"
            + "<th>Edit</th><th>Original</th><th>Copy</th><th>Times</th></tr></thead>\n<tbody>\n");
    for (WireEdit e : rows) {
      b.append("<tr><td dir=\"auto\">")
          .append(Html.escape(e.outlet()))
          .append("</td><td class=\"num\">")
          .append(e.copiesEdited())
          .append(" of ")
          .append(e.copies())
          .append("</td><td>")
          .append(Html.escape(e.kind()))
          .append("</td><td dir=\"auto\">")
          .append(term(e.termOriginal(), e.frameOriginal()))
          .append("</td><td dir=\"auto\">")
          .append(term(e.termCopy(), e.frameCopy()))
          .append("</td><td class=\"num\">")
          .append(e.edits())
          .append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n</section>\n");
  }

  private static String term(String term, String frame) {
    return term == null
        ? "—"
        : "<span class=\"term\">" + Html.escape(term) + "</span> (" + Html.escape(frame) + ")";
  }

  private static void appendQuarantine(StringBuilder b, ReportData data) {
    b.append("<section id=\"quarantine\">\n<h2>Quarantine</h2>\n");
    Map<String, Long> byStage = data.quarantineByStage();
    if (byStage == null) {
      b.append("<p class=\"empty\">This output has no quarantine table.</p>\n</section>\n");
      return;
    }
    long n = data.quarantined();
    b.append("<p><strong class=\"quarantine-count\">")
        .append(n)
        .append("</strong> ")
        .append(n == 1 ? "record or file" : "records or files")
        .append(" could not be read or processed")
        .append(n == 0 ? "." : " (see the quarantine table for the reasons):")
        .append("</p>\n");
    if (n > 0) {
      b.append("<table class=\"quarantine\">\n<thead><tr><th>Stage</th><th>Records</th></tr>")
          .append("</thead>\n<tbody>\n");
      for (var e : new LinkedHashMap<>(byStage).entrySet()) {
        b.append("<tr><td>")
            .append(Html.escape(e.getKey()))
            .append("</td><td class=\"num\">")
            .append(e.getValue())
            .append("</td></tr>\n");
      }
      b.append("</tbody>\n</table>\n");
    }
    b.append("</section>\n");
  }

  private static void appendCoverage(StringBuilder b, ReportData data) {
    b.append("<section id=\"coverage\">\n<h2>Coverage per outlet</h2>\n");
    List<CoverageSummary> rows = data.coverage();
    if (rows == null) {
      b.append("<p class=\"empty\">This output has no outlet_coverage table.</p>\n</section>\n");
      return;
    }
    if (rows.isEmpty()) {
      b.append("<p class=\"empty\">No articles and no quarantined records.</p>\n</section>\n");
      return;
    }
    long gaps = rows.stream().mapToLong(r -> r.gapDays().size()).sum();
    b.append("<p>Per outlet over the crawl days: days with articles, articles, quarantined records")
        .append(" (outlet from the record's URL), articles with empty or very short text (under")
        .append(" 200 characters), and the days without articles between an outlet's first and")
        .append(" last day with articles: <strong class=\"gap-count\">")
        .append(gaps)
        .append("</strong> gap ")
        .append(gaps == 1 ? "day" : "days")
        .append(" in all.</p>\n");
    b.append("<table class=\"coverage\">\n<thead><tr><th>Outlet</th><th>Days</th>")
        .append("<th>Articles</th><th>Quarantined</th><th>Short texts</th><th>Languages</th>")
        .append("<th>Gap days</th></tr></thead>\n<tbody>\n");
    for (CoverageSummary r : rows) {
      b.append(r.gapDays().isEmpty() && r.quarantined() == 0 ? "<tr>" : "<tr class=\"attention\">")
          .append("<td class=\"outlet\" dir=\"auto\">")
          .append(Html.escape(r.outlet()))
          .append("</td><td class=\"num\">")
          .append(r.daysWithArticles())
          .append("</td><td class=\"num\">")
          .append(r.articles())
          .append("</td><td class=\"num\">")
          .append(r.quarantined())
          .append("</td><td class=\"num\">")
          .append(r.shortTexts())
          .append("</td><td>")
          .append(Html.escape(r.languages()))
          .append("</td><td>");
      List<String> ranges = gapRanges(r.gapDays());
      List<String> shown = new ArrayList<>(ranges.subList(0, Math.min(ranges.size(), 4)));
      if (ranges.size() > shown.size()) {
        shown.add("… " + ranges.size() + " gaps");
      }
      b.append(shown.isEmpty() ? "–" : Html.escape(String.join(", ", shown)))
          .append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n</section>\n");
  }

  /** Consecutive gap days as ranges: "2023-10-21", "2023-10-23 – 2023-10-25 (3 days)". */
  static List<String> gapRanges(List<java.time.LocalDate> days) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < days.size()) {
      int j = i;
      while (j + 1 < days.size() && days.get(j + 1).equals(days.get(j).plusDays(1))) {
        j++;
      }
      out.add(
          i == j
              ? days.get(i).toString()
              : days.get(i) + " – " + days.get(j) + " (" + (j - i + 1) + " days)");
      i = j + 1;
    }
    return out;
  }

  private static void appendValidation(StringBuilder b, ReportData data) {
    List<ValidationRow> rows = data.validation();
    if (rows == null) {
      return; // no validation yet: nothing to say on a run's page
    }
    b.append("<section id=\"validation\">\n<h2>Lexicon validation</h2>\n");
    double threshold = rows.isEmpty() ? Double.NaN : rows.get(0).threshold();
    b.append("<p>From human coding of a sample of hits (<code>framelens validate score</code>):")
        .append(" precision with its 95% Wilson interval, the miss rate in paragraphs without")
        .append(" hits, and Krippendorff's alpha between coders. Rows below the precision")
        .append(" threshold (")
        .append(Double.isNaN(threshold) ? "–" : fmt(threshold))
        .append(") are marked.</p>\n");
    b.append("<table class=\"validation\">\n<thead><tr><th>Language</th><th>Frame</th>")
        .append("<th>Judged hits</th><th>Precision [95% CI]</th><th>Paragraphs</th>")
        .append("<th>Miss rate</th><th>Alpha</th></tr></thead>\n<tbody>\n");
    List<ValidationRow> shown = new ArrayList<>();
    rows.stream().filter(r -> r.scope().equals("language")).forEach(shown::add);
    rows.stream().filter(r -> r.scope().equals("frame")).forEach(shown::add);
    shown.sort(
        java.util.Comparator.comparing((ValidationRow r) -> r.lang())
            .thenComparing(r -> r.frame() == null ? "" : r.frame()));
    for (ValidationRow r : shown) {
      b.append(r.belowThreshold() ? "<tr class=\"below\">" : "<tr>")
          .append("<td>")
          .append(Html.escape(r.lang()))
          .append("</td><td>")
          .append(r.frame() == null ? "<em>all frames</em>" : Html.escape(r.frame()))
          .append("</td><td class=\"num\">")
          .append(r.judged())
          .append("</td><td class=\"num\">")
          .append(interval(r.precision(), r.precisionLow(), r.precisionHigh()))
          .append(r.belowThreshold() ? " ⚑" : "")
          .append("</td><td class=\"num\">")
          .append(r.paragraphs())
          .append("</td><td class=\"num\">")
          .append(fmt(r.missRate()))
          .append("</td><td class=\"num\">")
          .append(fmt(r.alpha()))
          .append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n");
    List<ValidationRow> terms =
        rows.stream().filter(r -> r.scope().equals("term") && r.belowThreshold()).toList();
    if (!terms.isEmpty()) {
      b.append("<p>Terms below the threshold:</p>\n<ul class=\"flagged-terms\">\n");
      for (ValidationRow t : terms) {
        b.append("<li><span class=\"term\" dir=\"auto\" lang=\"")
            .append(Html.escape(t.lang()))
            .append("\">")
            .append(Html.escape(t.term()))
            .append("</span> (")
            .append(Html.escape(t.lang()))
            .append(", ")
            .append(Html.escape(t.frame()))
            .append("): ")
            .append(interval(t.precision(), t.precisionLow(), t.precisionHigh()))
            .append(" of ")
            .append(t.judged())
            .append("</li>\n");
      }
      b.append("</ul>\n");
    }
    b.append("</section>\n");
  }

  private static String interval(double v, double low, double high) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", v, low, high);
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static final String CSS =
      """
      :root { color-scheme: light; }
      body { margin: 0; background: #f4f5f7; color: #1a1a1a;
        font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; }
      main { max-width: 1140px; margin: 0 auto; padding: 24px 32px 48px; background: #ffffff;
        min-height: 100vh; box-sizing: border-box; }
      header { border-bottom: 3px solid #2b6cb0; margin-bottom: 8px; }
      h1 { font-size: 28px; margin: 8px 0 4px; }
      h2 { font-size: 19px; margin: 28px 0 6px; color: #1f3b5c; }
      p { margin: 4px 0 10px; max-width: 760px; }
      .source { color: #555; font-size: 13px; }
      code { background: #eef1f5; padding: 1px 5px; border-radius: 3px; }
      dl.facts { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 10px;
        margin: 8px 0 0; }
      dl.facts div { background: #f7f9fc; border: 1px solid #dde3ea; border-radius: 6px;
        padding: 8px 12px; }
      dt { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #5a6b7d; }
      dd { margin: 2px 0 0; font-size: 15px; font-weight: 600; overflow-wrap: anywhere; }
      .figure { overflow-x: auto; }
      svg.chart { display: block; }
      table { border-collapse: collapse; font-size: 14px; }
      th, td { text-align: start; vertical-align: top; padding: 4px 10px;
        border-bottom: 1px solid #e3e7ec; }
      thead th { background: #eef1f5; font-size: 13px; }
      tbody th { font-weight: 600; color: #1f3b5c; background: #f7f9fc; }
      tr.frame-start > * { border-top: 2px solid #c5ced8; }
      table.terms { width: 100%; }
      td.outlet { white-space: nowrap; }
      .term { background: #eaf2fb; border-radius: 3px; padding: 0 5px; margin-inline-end: 2px; }
      .n { color: #666; font-size: 12px; margin-inline-end: 8px; }
      .num { text-align: end; font-variant-numeric: tabular-nums; }
      .quarantine-count { font-size: 20px; }
      tr.attention td, tr.below td { background: #fff4e5; }
      .empty { color: #777; font-style: italic; }
      footer { margin-top: 36px; color: #777; font-size: 12px; border-top: 1px solid #e3e7ec;
        padding-top: 8px; }
      """;
}
