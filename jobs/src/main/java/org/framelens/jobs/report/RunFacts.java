package org.framelens.jobs.report;

import java.time.LocalDate;
import java.util.List;

/**
 * What the run covered. Dates are null when the tables are empty.
 *
 * @param articles rows of the articles table
 * @param languages detected languages of the articles, sorted
 * @param firstCrawlDate earliest crawl_date of the articles
 * @param lastCrawlDate latest crawl_date of the articles
 * @param firstPeriod earliest period of outlet_frames (publication day, else crawl day)
 * @param lastPeriod latest period of outlet_frames
 * @param lexiconVersions the lexicon versions found in outlet_frames (more than one means mixed
 *     runs)
 */
public record RunFacts(
    long articles,
    List<String> languages,
    LocalDate firstCrawlDate,
    LocalDate lastCrawlDate,
    LocalDate firstPeriod,
    LocalDate lastPeriod,
    List<String> lexiconVersions) {
  public RunFacts {
    languages = List.copyOf(languages);
    lexiconVersions = List.copyOf(lexiconVersions);
  }
}
