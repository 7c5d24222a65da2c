package org.framelens.jobs.report;

import java.time.LocalDate;
import java.util.List;

/**
 * One outlet's coverage over the run, from outlet_coverage.
 *
 * @param daysWithArticles days with at least one article
 * @param gapDays days without articles between the outlet's first and last day with articles
 * @param languages the articles' languages, comma-separated
 */
public record CoverageSummary(
    String outlet,
    long daysWithArticles,
    long articles,
    long quarantined,
    long shortTexts,
    List<LocalDate> gapDays,
    String languages) {
  public CoverageSummary {
    gapDays = List.copyOf(gapDays);
  }
}
