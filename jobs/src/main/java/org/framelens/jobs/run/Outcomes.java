package org.framelens.jobs.run;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.framelens.common.input.InputFiles;
import org.framelens.jobs.ingest.ProcessedRows;

/**
 * What became of the records, from the processing pass in one Spark job (the job that also
 * materializes the pass): records read, skips by reason, quarantined records by stage as the
 * quarantine table lists them (articles cut at the text limit under "limit", articles kept with a
 * substitute value under "fallback"), the quarantine table's row count, article rows, records by
 * the kind of file they came from, files no parser reads, each file's earliest crawl date (where a
 * quarantine row without a date of its own is stored) and the articles' earliest crawl date.
 *
 * @param firstArticleDate the earliest crawl date of the article rows, or null when none has one
 */
public record Outcomes(
    long records,
    Map<String, Long> skipped,
    Map<String, Long> quarantined,
    long quarantineRows,
    long articleRows,
    Map<String, Long> recordsByFileKind,
    long unsupportedFiles,
    Map<String, LocalDate> fileDates,
    LocalDate firstArticleDate) {
  public static Outcomes of(Dataset<Row> processed) {
    Map<String, Long> skipped = new TreeMap<>();
    Map<String, Long> quarantined = new TreeMap<>();
    Map<String, Long> byFileKind = new TreeMap<>();
    Map<String, LocalDate> fileDates = new TreeMap<>();
    LocalDate firstArticleDate = null;
    long records = 0;
    long quarantineRows = 0;
    long articles = 0;
    long unsupported = 0;
    for (Row r :
        processed
            .groupBy(
                col("kind"),
                col("skip_reason"),
                col("quarantine.stage").as("stage"),
                col("quarantine").isNotNull().as("has_quarantine_row"),
                col("article.text_truncated").as("truncated"),
                col("source_file"),
                col("quarantine.error_class").as("error_class"))
            .agg(
                count(lit(1)).as("count"),
                min(coalesce(col("article.crawl_date"), col("quarantine.crawl_date")))
                    .as("first_date"),
                min(col("article.crawl_date")).as("first_article_date"))
            .collectAsList()) {
      String kind = r.getAs("kind");
      long n = r.<Long>getAs("count");
      records += n;
      String stage = r.getAs("stage");
      String file = r.getAs("source_file");
      byFileKind.merge(InputFiles.kind(file), n, Long::sum);
      LocalDate first = localDate(r.getAs("first_date"));
      if (first != null && file != null) {
        fileDates.merge(file, first, (a, b) -> a.isBefore(b) ? a : b);
      }
      boolean hasQuarantineRow = r.<Boolean>getAs("has_quarantine_row");
      if (kind.equals(ProcessedRows.SKIPPED)) {
        String reason = r.getAs("skip_reason");
        skipped.merge(reason == null ? "(none)" : reason, n, Long::sum);
      } else if (kind.equals(ProcessedRows.QUARANTINED)) {
        quarantined.merge(stage == null ? "(none)" : stage, n, Long::sum);
        quarantineRows += n;
        if (InputFiles.UNSUPPORTED_FILE.equals(r.getAs("error_class"))) {
          unsupported += n;
        }
      } else if (kind.equals(ProcessedRows.ARTICLE)) {
        articles += n;
        LocalDate day = localDate(r.getAs("first_article_date"));
        if (day != null && (firstArticleDate == null || day.isBefore(firstArticleDate))) {
          firstArticleDate = day;
        }
        if (Boolean.TRUE.equals(r.getAs("truncated"))) {
          quarantined.merge("limit", n, Long::sum);
          quarantineRows += n;
        }
        if (hasQuarantineRow) {
          quarantined.merge(stage == null ? "(none)" : stage, n, Long::sum); // the fallback row
          quarantineRows += n;
        }
      }
    }
    return new Outcomes(
        records,
        skipped,
        quarantined,
        quarantineRows,
        articles,
        byFileKind,
        unsupported,
        fileDates,
        firstArticleDate);
  }

  private static LocalDate localDate(Object o) {
    if (o == null) {
      return null;
    }
    return o instanceof LocalDate d ? d : ((Date) o).toLocalDate();
  }
}
