package org.framelens.jobs.nightly;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.framelens.common.schema.TableSchema;
import org.framelens.common.schema.Tables;
import org.framelens.jobs.articles.ArticleTables;
import org.framelens.jobs.articles.StoredTextTagging;
import org.framelens.jobs.compare.ComparisonTables;
import org.framelens.jobs.compare.CoverageTable;
import org.framelens.jobs.ingest.CrawlProcessing;
import org.framelens.jobs.ingest.InputFile;
import org.framelens.jobs.ingest.PartitionProcessor;
import org.framelens.jobs.ingest.PreparedProcessing;
import org.framelens.jobs.ingest.ProgressReporter;
import org.framelens.jobs.spark.SerializableHadoopConf;
import org.framelens.jobs.spark.SparkTables;

/**
 * Stages one night's tables in its {@link OutputCommit} and lists each rename the commit will
 * publish: the date's partitions of articles, frame_hits and quarantine, the hits of every other
 * date when the lexicon changed, the comparison tables and outlet_coverage of the whole store.
 * Nothing live is touched here; the derivations are the same stages {@code run} uses.
 */
final class NightTables {
  /** What the night staged. */
  record Counts(long records, long articles, long hits, long quarantined, int retaggedDates) {}

  private final SparkSession spark;
  private final NightlyJob.Config config;
  private final PreparedProcessing prepared;
  private final OutputCommit commit;
  private final Date day;
  private final String partition;

  NightTables(
      SparkSession spark,
      NightlyJob.Config config,
      PreparedProcessing prepared,
      OutputCommit commit) {
    this.spark = spark;
    this.config = config;
    this.prepared = prepared;
    this.commit = commit;
    this.day = Date.valueOf(config.date());
    this.partition = "crawl_date=" + config.date();
  }

  /** Stages the night as the plan says: parse the files, or retag the date's stored text. */
  Counts stage(NightPlanner.Plan plan, List<InputFile> files) throws IOException {
    String out = config.output();
    Dataset<Row> liveArticles = SparkTables.readOrEmpty(spark, out, Tables.ARTICLES);
    Dataset<Row> otherArticles = liveArticles.filter(col("crawl_date").notEqual(lit(day)));
    boolean parse = plan.mode() == NightPlanner.Mode.PARSE;
    Dataset<Row> processed = null;
    try {
      long records = 0;
      long quarantined = 0;
      long remarkedDates = 0;
      Dataset<Row> allArticles;
      if (parse) {
        PartitionProcessor.StageAccumulators acc =
            new PartitionProcessor.StageAccumulators(spark.sparkContext());
        processed = processDay(files, acc);
        try (ProgressReporter progress = ProgressReporter.start(spark, acc, "nightly")) {
          records = processed.count();
        }
        Dataset<Row> kept =
            ArticleTables.latestPerUrlAndCrawlDate(ArticleTables.articleRows(processed));
        writeStaged(ArticleTables.hits(kept, version()), Tables.FRAME_HITS);
        writeStaged(ArticleTables.quarantine(processed), Tables.QUARANTINE);
        commit.replace(Tables.QUARANTINE.name() + "/" + partition);
        quarantined = readStaged(Tables.QUARANTINE).count();
        remarkedDates = stageArticles(ArticleTables.unmarked(kept), otherArticles);
        allArticles = readStaged(Tables.ARTICLES).unionByName(unchanged(otherArticles));
      } else {
        writeStaged(
            tag(liveArticles.filter(col("crawl_date").equalTo(lit(day)))), Tables.FRAME_HITS);
        allArticles = liveArticles;
      }
      Dataset<Row> dayArticles = allArticles.filter(col("crawl_date").equalTo(lit(day)));
      Dataset<Row> dayHits = readStaged(Tables.FRAME_HITS);
      int retaggedDates = 0;
      Dataset<Row> allHits;
      if (plan.retagOtherDates()) {
        retaggedDates = (int) otherArticles.select("crawl_date").distinct().count();
        allHits = stageHitsOfEveryDate(otherArticles, dayHits);
      } else {
        commit.replace(Tables.FRAME_HITS.name() + "/" + partition);
        allHits =
            SparkTables.readOrEmpty(spark, out, Tables.FRAME_HITS)
                .filter(col("crawl_date").notEqual(lit(day)))
                .unionByName(dayHits);
      }
      stageComparisons(allArticles, allHits);
      stageCoverage(allArticles, parse);
      if (remarkedDates > 0) {
        System.out.printf(
            "nightly: near-duplicate marks changed on %d other date(s); their articles are"
                + " republished%n",
            remarkedDates);
      }
      return new Counts(records, dayArticles.count(), dayHits.count(), quarantined, retaggedDates);
    } finally {
      if (processed != null) {
        processed.unpersist();
      }
    }
  }

  /** Dates whose articles this night stages again (their near-duplicate marks changed). */
  private final java.util.Set<java.sql.Date> remarked = new java.util.TreeSet<>();

  /**
   * Stages the date's articles and the partitions of other dates whose near-duplicate marks the
   * night changes. The marks are computed over the whole store, the night's articles included, from
   * the stored signatures: a wire copy is linked to an original of another night whichever night
   * came first, exactly as one {@code run} over all of the crawl would link it.
   *
   * @return how many other dates were staged again
   */
  private long stageArticles(Dataset<Row> dayUnmarked, Dataset<Row> otherArticles)
      throws IOException {
    Dataset<Row> all =
        ArticleTables.marked(
                SparkTables.conformWithout(
                        otherArticles, Tables.ARTICLES, List.of("duplicate_of", "syndicated"))
                    .unionByName(
                        SparkTables.conformWithout(
                            dayUnmarked, Tables.ARTICLES, List.of("duplicate_of", "syndicated"))),
                config.processing().nearDuplicateWindow(),
                -1)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> marks =
          all.filter(col("crawl_date").notEqual(lit(day)))
              .select("article_id", "crawl_date", "duplicate_of", "syndicated");
      for (Row r :
          marks
              .except(
                  otherArticles.select("article_id", "crawl_date", "duplicate_of", "syndicated"))
              .select("crawl_date")
              .distinct()
              .collectAsList()) {
        remarked.add(r.getAs("crawl_date"));
      }
      Column staged = col("crawl_date").equalTo(lit(day));
      for (java.sql.Date d : remarked) {
        staged = staged.or(col("crawl_date").equalTo(lit(d)));
      }
      writeStaged(all.filter(staged), Tables.ARTICLES);
      commit.replace(Tables.ARTICLES.name() + "/" + partition);
      for (java.sql.Date d : remarked) {
        commit.replace(Tables.ARTICLES.name() + "/crawl_date=" + d);
      }
      return remarked.size();
    } finally {
      all.unpersist();
    }
  }

  /** The other dates' live articles that this night does not stage again. */
  private Dataset<Row> unchanged(Dataset<Row> otherArticles) {
    Dataset<Row> rest = otherArticles;
    for (java.sql.Date d : remarked) {
      rest = rest.filter(col("crawl_date").notEqual(lit(d)));
    }
    return rest;
  }

  /** The processing pass over the date's files; every row dated by the night, not the fetch. */
  private Dataset<Row> processDay(List<InputFile> files, PartitionProcessor.StageAccumulators acc) {
    return CrawlProcessing.process(
            spark,
            files,
            prepared.processing(),
            new SerializableHadoopConf(spark.sparkContext().hadoopConfiguration()),
            acc)
        .withColumn("article", col("article").withField("crawl_date", lit(day)))
        .withColumn("quarantine", col("quarantine").withField("crawl_date", lit(day)))
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  /**
   * Hits of every other stored date are retagged too: comparison tables must never mix lexicon
   * versions. Stored text makes this cheap (no document is parsed again).
   */
  private Dataset<Row> stageHitsOfEveryDate(Dataset<Row> otherArticles, Dataset<Row> dayHits)
      throws IOException {
    String name = Tables.FRAME_HITS.name() + "-all";
    SparkTables.write(
        tag(otherArticles).unionByName(dayHits),
        commit.staging(name),
        Tables.FRAME_HITS.partitionColumns());
    commit.replaceWith(name, Tables.FRAME_HITS.name());
    return spark
        .read()
        .schema(SparkTables.structType(Tables.FRAME_HITS))
        .parquet(commit.staging(name));
  }

  private void stageComparisons(Dataset<Row> allArticles, Dataset<Row> allHits) throws IOException {
    ComparisonTables.write(
        spark,
        allArticles,
        allHits,
        commit.staging(""),
        new ArrayList<>(prepared.lexicon().frames()),
        version(),
        config.includeCopies());
    for (TableSchema t : ComparisonTables.TABLES) {
      commit.replace(t.name());
    }
  }

  private void stageCoverage(Dataset<Row> allArticles, boolean dayParsed) throws IOException {
    Dataset<Row> allQuarantine = SparkTables.readOrEmpty(spark, config.output(), Tables.QUARANTINE);
    if (dayParsed) {
      allQuarantine =
          allQuarantine
              .filter(col("crawl_date").notEqual(lit(day)))
              .unionByName(readStaged(Tables.QUARANTINE));
    }
    CoverageTable.write(
        spark,
        allArticles,
        allQuarantine,
        prepared.processing().outletRegistryCsv(),
        commit.staging(Tables.OUTLET_COVERAGE.name()));
    commit.replace(Tables.OUTLET_COVERAGE.name());
  }

  private Dataset<Row> tag(Dataset<Row> articles) {
    return StoredTextTagging.tag(articles, prepared.processing(), version());
  }

  private String version() {
    return prepared.lexicon().version();
  }

  /**
   * Writes the date's rows of a partitioned table to staging; an empty day still gets its (empty)
   * partition folder, so publishing it removes the old partition's rows.
   */
  private void writeStaged(Dataset<Row> rows, TableSchema table) throws IOException {
    // by crawl_date, the store's unit of replacement (quarantine is partitioned in a store only)
    SparkTables.write(rows, commit.staging(table.name()), List.of("crawl_date"));
    commit.ensureStaged(table.name() + "/" + partition);
    // a day without rows is still a real (empty) partition readers can open
    SparkTables.ensureParquet(
        spark, commit.staging(table.name() + "/" + partition), unpartitioned(table), () -> null);
  }

  /** The table as it is stored inside one partition folder: without crawl_date. */
  private static TableSchema unpartitioned(TableSchema table) {
    return new TableSchema(
        table.name(),
        table.rowDescription(),
        table.columns().stream().filter(c -> !c.name().equals("crawl_date")).toList(),
        List.of());
  }

  private Dataset<Row> readStaged(TableSchema table) {
    return spark.read().schema(SparkTables.structType(table)).parquet(commit.staging(table.name()));
  }
}
