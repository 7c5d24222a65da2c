package org.framelens.jobs.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framelens.common.schema.TableSchema;
import org.framelens.common.schema.Tables;
import org.framelens.jobs.spark.SparkTables;

/**
 * Writes the comparison tables (outlet_frames, outlet_pairs, frame_terms, story_frames,
 * story_contrasts, copy_edits) of a store's articles and hits: the same for {@code run}, {@code
 * retag} and {@code nightly}.
 */
public final class ComparisonTables {
  private ComparisonTables() {}

  /** The comparison tables, in the order they are written. */
  public static final List<TableSchema> TABLES =
      List.of(
          Tables.OUTLET_FRAMES,
          Tables.OUTLET_PAIRS,
          Tables.FRAME_TERMS,
          Tables.STORY_FRAMES,
          Tables.STORY_CONTRASTS,
          Tables.COPY_EDITS);

  /** Computes them from the articles and frame_hits under {@code out} and writes them there. */
  public static void write(
      SparkSession spark,
      String out,
      List<String> frames,
      String lexiconVersion,
      boolean includeCopies) {
    write(
        spark,
        SparkTables.read(spark, out, Tables.ARTICLES),
        SparkTables.read(spark, out, Tables.FRAME_HITS),
        out,
        frames,
        lexiconVersion,
        includeCopies);
  }

  /** Computes them from the given articles and hits and writes them under {@code out}. */
  public static void write(
      SparkSession spark,
      Dataset<Row> articles,
      Dataset<Row> hits,
      String out,
      List<String> frames,
      String lexiconVersion,
      boolean includeCopies) {
    Comparisons.Result r =
        Comparisons.compute(spark, articles, hits, frames, lexiconVersion, includeCopies);
    try {
      writeConcurrently(spark, r, out);
    } finally {
      r.release();
    }
  }

  /**
   * Writes the tables as concurrent Spark jobs: each ends in one task that writes one file, so one
   * after the other they would leave all cores but one idle.
   */
  private static void writeConcurrently(SparkSession spark, Comparisons.Result r, String out) {
    // built in the writer threads: the driver-side steps some tables need (the run's prior, the
    // story links) run alongside the other tables' jobs
    Map<TableSchema, Supplier<Dataset<Row>>> tables = new LinkedHashMap<>();
    tables.put(Tables.OUTLET_PAIRS, r::outletPairs);
    tables.put(Tables.OUTLET_FRAMES, r::outletFrames);
    tables.put(Tables.FRAME_TERMS, r::frameTerms);
    tables.put(Tables.STORY_FRAMES, r::storyFrames);
    tables.put(Tables.STORY_CONTRASTS, r::storyContrasts);
    tables.put(Tables.COPY_EDITS, r::copyEdits);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            tables.size(),
            task -> {
              Thread t = new Thread(task, "framelens-table-writer");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> writes = new ArrayList<>();
      tables.forEach(
          (table, ds) ->
              writes.add(
                  pool.submit(
                      () -> {
                        // names the jobs in the Spark UI and logs (all would show this lambda)
                        spark.sparkContext().setCallSite("write " + table.name());
                        SparkTables.write(ds.get().coalesce(1), out, table);
                        try {
                          // a table without rows still gets its schema-only Parquet file
                          SparkTables.ensureParquet(
                              spark, out + "/" + table.name(), table, LocalDate::now);
                        } catch (IOException e) {
                          throw new UncheckedIOException(e);
                        }
                      })));
      RuntimeException failure = null;
      for (Future<?> w : writes) {
        try {
          w.get();
        } catch (ExecutionException e) {
          RuntimeException cause =
              e.getCause() instanceof RuntimeException re ? re : new RuntimeException(e.getCause());
          if (failure == null) {
            failure = cause;
          } else {
            failure.addSuppressed(cause);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while writing the comparison tables", e);
        }
      }
      if (failure != null) {
        throw failure;
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
