package org.framelens.jobs.run;

import static org.apache.spark.sql.functions.col;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.framelens.common.input.InputFiles;
import org.framelens.jobs.ingest.ProcessedRows;

/**
 * What became of the records, from the processing pass in one Spark job: skips by reason,
 * quarantined records by stage as the quarantine table lists them (articles cut at the text limit
 * under "limit", articles kept with a substitute value under "fallback"), article rows, records by
 * the kind of file they came from, and files no parser reads.
 */
public record Outcomes(
    Map<String, Long> skipped,
    Map<String, Long> quarantined,
    long articleRows,
    Map<String, Long> recordsByFileKind,
    long unsupportedFiles) {
  public static Outcomes of(Dataset<Row> processed) {
    Map<String, Long> skipped = new TreeMap<>();
    Map<String, Long> quarantined = new TreeMap<>();
    Map<String, Long> byFileKind = new TreeMap<>();
    long articles = 0;
    long unsupported = 0;
    for (Row r :
        processed
            .groupBy(
                col("kind"),
                col("skip_reason"),
                col("quarantine.stage").as("stage"),
                col("article.text_truncated").as("truncated"),
                col("source_file"),
                col("quarantine.error_class").as("error_class"))
            .count()
            .collectAsList()) {
      String kind = r.getAs("kind");
      long n = r.<Long>getAs("count");
      String stage = r.getAs("stage");
      byFileKind.merge(InputFiles.kind(r.<String>getAs("source_file")), n, Long::sum);
      if (kind.equals(ProcessedRows.SKIPPED)) {
        String reason = r.getAs("skip_reason");
        skipped.merge(reason == null ? "(none)" : reason, n, Long::sum);
      } else if (kind.equals(ProcessedRows.QUARANTINED)) {
        quarantined.merge(stage == null ? "(none)" : stage, n, Long::sum);
        if (InputFiles.UNSUPPORTED_FILE.equals(r.getAs("error_class"))) {
          unsupported += n;
        }
      } else if (kind.equals(ProcessedRows.ARTICLE)) {
        articles += n;
        if (Boolean.TRUE.equals(r.getAs("truncated"))) {
          quarantined.merge("limit", n, Long::sum);
        }
        if (stage != null) {
          quarantined.merge(stage, n, Long::sum); // the article's fallback row
        }
      }
    }
    return new Outcomes(skipped, quarantined, articles, byFileKind, unsupported);
  }
}
