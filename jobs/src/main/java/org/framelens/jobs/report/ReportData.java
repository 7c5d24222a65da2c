package org.framelens.jobs.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Everything the report shows, already aggregated (small: outlets × frames, and a few terms per
 * outlet and frame).
 *
 * @param title the page title
 * @param source where the tables were read from (shown on the page)
 * @param facts what the run covered
 * @param outletFrames one entry per outlet and frame
 * @param topTerms the most used terms per frame and outlet, most used first
 * @param frameTermsPresent false when the output has no frame_terms table (the terms section then
 *     says so)
 * @param quarantineByStage quarantined records per stage; null when there is no quarantine table
 * @param coverage per outlet, from outlet_coverage; null when there is no such table
 * @param validation the rows of lexicon_validation; null when there is no such table
 * @param contrasts story_contrasts of the run period with an odds ratio; null when there is no such
 *     table
 * @param wireEdits the most frequent edits per outlet in copy_edits; null when there is no such
 *     table
 */
public record ReportData(
    String title,
    String source,
    RunFacts facts,
    List<OutletFrame> outletFrames,
    List<TermCount> topTerms,
    boolean frameTermsPresent,
    Map<String, Long> quarantineByStage,
    List<CoverageSummary> coverage,
    List<ValidationRow> validation,
    List<StoryContrast> contrasts,
    List<WireEdit> wireEdits) {
  public ReportData {
    contrasts = contrasts == null ? null : List.copyOf(contrasts);
    wireEdits = wireEdits == null ? null : List.copyOf(wireEdits);
    outletFrames = List.copyOf(outletFrames);
    topTerms = List.copyOf(topTerms);
    quarantineByStage = quarantineByStage == null ? null : new LinkedHashMap<>(quarantineByStage);
    coverage = coverage == null ? null : List.copyOf(coverage);
    validation = validation == null ? null : List.copyOf(validation);
  }

  /** Report data of an output without story_contrasts and copy_edits tables. */
  public ReportData(
      String title,
      String source,
      RunFacts facts,
      List<OutletFrame> outletFrames,
      List<TermCount> topTerms,
      boolean frameTermsPresent,
      Map<String, Long> quarantineByStage,
      List<CoverageSummary> coverage,
      List<ValidationRow> validation) {
    this(
        title,
        source,
        facts,
        outletFrames,
        topTerms,
        frameTermsPresent,
        quarantineByStage,
        coverage,
        validation,
        null,
        null);
  }

  /** Report data of an output without outlet_coverage and lexicon_validation tables. */
  public ReportData(
      String title,
      String source,
      RunFacts facts,
      List<OutletFrame> outletFrames,
      List<TermCount> topTerms,
      boolean frameTermsPresent,
      Map<String, Long> quarantineByStage) {
    this(
        title,
        source,
        facts,
        outletFrames,
        topTerms,
        frameTermsPresent,
        quarantineByStage,
        null,
        null);
  }

  /** Outlets in name order. */
  public List<String> outlets() {
    TreeSet<String> s = new TreeSet<>();
    outletFrames.forEach(of -> s.add(of.outlet()));
    return new ArrayList<>(s);
  }

  /** Frames in name order. */
  public List<String> frames() {
    TreeSet<String> s = new TreeSet<>();
    outletFrames.forEach(of -> s.add(of.frame()));
    return new ArrayList<>(s);
  }

  /** Quarantined records in total (0 when there is no quarantine table). */
  public long quarantined() {
    return quarantineByStage == null
        ? 0
        : quarantineByStage.values().stream().mapToLong(Long::longValue).sum();
  }
}
