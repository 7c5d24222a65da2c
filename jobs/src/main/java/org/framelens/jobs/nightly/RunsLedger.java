package org.framelens.jobs.nightly;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import com.google.common.io.ByteSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.framelens.common.pipeline.ProcessingConfig;
import org.framelens.common.schema.Tables;
import org.framelens.jobs.ingest.InputFile;
import org.framelens.jobs.spark.SerializableHadoopConf;
import org.framelens.jobs.spark.SparkRows;
import org.framelens.jobs.spark.SparkTables;

/**
 * The {@code runs} table, nightly's ledger: what identifies a night (its input files' digests,
 * lexicon, code, settings), the successful runs the planner reads, and the run's row, published
 * with the run's tables by the same commit.
 */
final class RunsLedger {
  private RunsLedger() {}

  /** One input file's identity. */
  public record InputDigest(String path, long size, String sha256)
      implements java.io.Serializable {}

  /** Content digests, computed by the executors (each file is read once, streaming). */
  static List<InputDigest> digests(SparkSession spark, List<InputFile> files, String root) {
    if (files.isEmpty()) {
      return List.of();
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    SerializableHadoopConf conf =
        new SerializableHadoopConf(spark.sparkContext().hadoopConfiguration());
    String prefix = new Path(root).toUri().getPath();
    return jsc
        .parallelize(files, Math.min(files.size(), 4 * jsc.defaultParallelism()))
        .map(
            f -> {
              Path p = new Path(f.path());
              String rel = p.toUri().getPath();
              if (rel.startsWith(prefix)) {
                rel = rel.substring(prefix.length()).replaceFirst("^/+", "");
              }
              // a skipped link is never opened: its target may lie outside the input folder
              String digest =
                  f.skipped() != null
                      ? "skipped:" + f.skipped().errorClass()
                      : sha256(p, conf.get());
              return new InputDigest(rel, f.size(), digest);
            })
        .collect()
        .stream()
        .sorted(java.util.Comparator.comparing(InputDigest::path))
        .toList();
  }

  private static String sha256(Path p, Configuration conf) throws IOException {
    FileSystem fs = p.getFileSystem(conf);
    return new ByteSource() {
      @Override
      public InputStream openStream() throws IOException {
        return fs.open(p);
      }
    }.hash(Hashing.sha256()).toString();
  }

  static String inputsDigest(List<InputDigest> digests) {
    Hasher h = Hashing.sha256().newHasher();
    for (InputDigest d : digests) {
      h.putString(d.path(), StandardCharsets.UTF_8)
          .putByte((byte) 0)
          .putLong(d.size())
          .putString(d.sha256(), StandardCharsets.UTF_8)
          .putByte((byte) '\n');
    }
    return h.hash().toString();
  }

  /**
   * The settings besides inputs, lexicon and code that change the tables. The languages are the
   * ones asked for: those derived from the lexicon follow it, and a lexicon change is a retag.
   */
  static String configDigest(NightlyJob.Config c, ProcessingConfig p) {
    return Hashing.sha256()
        .hashString(
            String.join(
                "\u0000",
                p.outletRegistryCsv() == null ? "" : p.outletRegistryCsv(),
                String.join(",", c.processing().languages()),
                Long.toString(c.processing().maxDocumentBytes()),
                Integer.toString(c.processing().maxTextChars()),
                Long.toString(c.processing().parseTimeoutMillis()),
                Integer.toString(c.processing().nearDuplicateDays()),
                Boolean.toString(c.includeCopies())),
            StandardCharsets.UTF_8)
        .toString()
        .substring(0, 16);
  }

  /** The identity of a run, fixed before it processes anything. */
  record RunFacts(
      String runId,
      LocalDate date,
      Instant started,
      List<InputDigest> inputs,
      String inputsDigest,
      String lexiconVersion,
      String codeVersion,
      String configDigest) {}

  public static Dataset<Row> runs(SparkSession spark, String out) throws IOException {
    return SparkTables.readOrEmpty(spark, out, Tables.RUNS);
  }

  /** The ledger's successful runs, latest first, as the planner reads them. */
  static List<NightPlanner.LedgerRun> succeededRuns(SparkSession spark, String out)
      throws IOException {
    // One row per run, a few short columns: small enough to collect whole.
    return runs(spark, out)
        .filter(col("status").equalTo("succeeded"))
        .orderBy(col("ended_at").desc())
        .select(
            col("run_id"),
            col("date"),
            col("inputs_digest"),
            col("code_version"),
            col("config_digest"),
            col("lexicon_version"))
        .collectAsList()
        .stream()
        .map(
            r ->
                new NightPlanner.LedgerRun(
                    r.getAs("run_id"),
                    r.<Date>getAs("date").toLocalDate(),
                    r.getAs("inputs_digest"),
                    r.getAs("code_version"),
                    r.getAs("config_digest"),
                    r.getAs("lexicon_version")))
        .toList();
  }

  private static Row runRow(RunFacts f, NightlyJob.Result r) {
    ObjectMapper json = new ObjectMapper();
    ArrayNode inputs = json.createArrayNode();
    long bytes = 0;
    for (InputDigest d : f.inputs()) {
      inputs.addObject().put("path", d.path()).put("size", d.size()).put("sha256", d.sha256());
      bytes += d.size();
    }
    return SparkRows.of(Tables.RUNS)
        .set("run_id", f.runId())
        .set("date", Date.valueOf(f.date()))
        .set("mode", r.mode())
        .set("status", r.status())
        .set("started_at", Timestamp.from(f.started()))
        .set("ended_at", Timestamp.from(Instant.now()))
        .set("input_files", f.inputs().size())
        .set("input_bytes", bytes)
        .set("inputs_digest", f.inputsDigest())
        .set("inputs", inputs.toString())
        .set("lexicon_version", f.lexiconVersion())
        .set("code_version", f.codeVersion())
        .set("config_digest", f.configDigest())
        .set("records_read", r.recordsRead())
        .set("articles", r.articles())
        .set("frame_hits", r.hits())
        .set("quarantined", r.quarantined())
        .set("retagged_dates", r.retaggedDates())
        .set("message", r.message())
        .build();
  }

  /** The run row goes out with the run's tables: one commit publishes both. */
  static void stageRunRow(SparkSession spark, OutputCommit commit, RunFacts f, NightlyJob.Result r)
      throws IOException {
    String dir = commit.staging("run-row");
    spark
        .createDataFrame(List.of(runRow(f, r)), SparkTables.structType(Tables.RUNS))
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(dir);
    commit.replaceWith(
        "run-row/" + commit.singlePartFile("run-row"),
        Tables.RUNS.name() + "/" + f.runId() + ".parquet");
  }

  /** For runs that publish nothing else (skipped, failed): the row alone, by one rename. */
  static void appendRunRow(SparkSession spark, String out, RunFacts f, NightlyJob.Result r)
      throws IOException {
    OutputCommit c =
        new OutputCommit(out, f.runId() + "-row", spark.sparkContext().hadoopConfiguration());
    stageRunRow(spark, c, f, r);
    c.commit();
  }
}
