package org.framelens.jobs.compare;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.framelens.common.outlet.OutletResolver;
import org.framelens.common.schema.Tables;
import org.framelens.common.validate.OutletCoverage;
import org.framelens.jobs.spark.SparkRows;
import org.framelens.jobs.spark.SparkTables;

/**
 * Writes {@code outlet_coverage} from the articles and quarantine tables. Spark counts per outlet
 * and day (a few rows per outlet and day reach the driver); the gap days are filled in by {@link
 * OutletCoverage}. Quarantine rows carry no outlet: it is resolved from their URL's host the way
 * articles get theirs (outlet registry, else registered domain); rows without an http URL go to
 * {@value OutletCoverage#UNKNOWN_OUTLET}.
 */
public final class CoverageTable {
  private CoverageTable() {}

  private static final Map<String, OutletResolver> RESOLVERS = new ConcurrentHashMap<>();

  /**
   * @param outletRegistryCsv the run's outlet registry, or null
   */
  public static Dataset<Row> compute(
      SparkSession spark,
      Dataset<Row> articles,
      Dataset<Row> quarantine,
      String outletRegistryCsv) {
    List<OutletCoverage.DayCounts> counts = new ArrayList<>();
    for (Row r :
        articles
            .groupBy(col("outlet"), col("crawl_date"))
            .agg(
                count(lit(1)).as("articles"),
                sum(when(col("text_chars").lt(OutletCoverage.SHORT_TEXT_CHARS), 1L).otherwise(0L))
                    .as("short_texts"),
                collect_set(col("lang")).as("languages"))
            .collectAsList()) {
      counts.add(
          new OutletCoverage.DayCounts(
              r.getAs("outlet"),
              localDate(r.getAs("crawl_date")),
              r.<Long>getAs("articles"),
              0,
              r.<Long>getAs("short_texts"),
              Set.copyOf(r.<String>getList(r.fieldIndex("languages")))));
    }
    return compute(spark, counts, quarantine, outletRegistryCsv);
  }

  /**
   * The table from the articles' counts per outlet and day, already known (the run's driver counted
   * them while choosing the kept articles), and the quarantine rows (null: none).
   */
  public static Dataset<Row> compute(
      SparkSession spark,
      List<OutletCoverage.DayCounts> articleCounts,
      Dataset<Row> quarantine,
      String outletRegistryCsv) {
    List<OutletCoverage.DayCounts> counts = new ArrayList<>(articleCounts);
    String registry = outletRegistryCsv == null ? "" : outletRegistryCsv;
    UDF1<String, String> outletOf =
        url -> {
          OutletResolver resolver =
              RESOLVERS.computeIfAbsent(
                  registry,
                  csv ->
                      csv.isEmpty()
                          ? OutletResolver.withoutRegistry()
                          : OutletResolver.fromCsv(csv));
          String outlet = resolver.outletForHost(OutletResolver.host(url));
          return outlet == null ? OutletCoverage.UNKNOWN_OUTLET : outlet;
        };
    var udf = org.apache.spark.sql.functions.udf(outletOf, DataTypes.StringType);
    List<Row> quarantineCounts =
        quarantine == null
            ? List.of()
            : quarantine
                .select(udf.apply(col("url")).as("outlet"), col("crawl_date"))
                .groupBy("outlet", "crawl_date")
                .count()
                .collectAsList();
    for (Row r : quarantineCounts) {
      counts.add(
          new OutletCoverage.DayCounts(
              r.getAs("outlet"),
              localDate(r.getAs("crawl_date")),
              0,
              r.<Long>getAs("count"),
              0,
              Set.of()));
    }
    List<Row> rows = new ArrayList<>();
    for (OutletCoverage.Row c : OutletCoverage.rows(counts)) {
      rows.add(
          SparkRows.of(Tables.OUTLET_COVERAGE)
              .set("outlet", c.outlet())
              .set("day", c.day() == null ? null : Date.valueOf(c.day()))
              .set("articles", c.articles())
              .set("quarantined", c.quarantined())
              .set("short_texts", c.shortTexts())
              .set("languages", c.languages())
              .set("gap", c.gap())
              .build());
    }
    return spark.createDataFrame(rows, SparkTables.structType(Tables.OUTLET_COVERAGE));
  }

  /** Computes the table and writes it to {@code target} (one Parquet file, replaced). */
  public static void write(
      SparkSession spark,
      Dataset<Row> articles,
      Dataset<Row> quarantine,
      String outletRegistryCsv,
      String target) {
    write(compute(spark, articles, quarantine, outletRegistryCsv), target);
  }

  /** Writes the table (one Parquet file) to {@code target}, replacing it. */
  public static void write(Dataset<Row> coverage, String target) {
    coverage
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .option("compression", "snappy")
        .parquet(target);
  }

  private static LocalDate localDate(Object o) {
    if (o == null) {
      return null;
    }
    return o instanceof LocalDate d ? d : ((Date) o).toLocalDate();
  }
}
