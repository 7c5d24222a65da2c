package org.framelens.jobs.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framelens.common.pipeline.ProcessingConfig;
import org.framelens.jobs.spark.FramelensConf;
import org.framelens.jobs.spark.SerializableHadoopConf;

/**
 * The processing pass: every input record read, parsed, detected, tagged and sketched on the
 * executors, one {@link ProcessedRows} row each. Tasks are planned from the total input size and
 * the cores, so every core works from the first second.
 */
public final class CrawlProcessing {
  private CrawlProcessing() {}

  /** One row per input record; see {@link ProcessedRows}. Lazy: nothing runs until an action. */
  public static Dataset<Row> process(
      SparkSession spark,
      List<InputFile> files,
      ProcessingConfig processing,
      SerializableHadoopConf hadoopConf,
      PartitionProcessor.StageAccumulators acc) {
    return process(spark, files, processing, hadoopConf, acc, plan -> {});
  }

  /** As above; {@code planSink} receives a line describing the tasks planned. */
  public static Dataset<Row> process(
      SparkSession spark,
      List<InputFile> files,
      ProcessingConfig processing,
      SerializableHadoopConf hadoopConf,
      PartitionProcessor.StageAccumulators acc,
      Consumer<String> planSink) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int cores = jsc.defaultParallelism();
    long totalBytes = files.stream().mapToLong(InputFile::bytes).sum();
    Long fixed = FramelensConf.splitBytes(spark);
    long splitBytes = fixed != null ? fixed : InputSplitting.splitBytes(totalBytes, cores);
    List<InputFile> inputs;
    try {
      inputs = InputSplitting.split(files, splitBytes, hadoopConf.get());
    } catch (IOException e) {
      inputs = files;
    }
    int tasks =
        (int)
            Math.max(
                (long) InputSplitting.TASKS_PER_CORE * cores,
                splitBytes > 0 ? (totalBytes + splitBytes - 1) / splitBytes : inputs.size());
    List<List<InputFile>> groups = InputSplitting.pack(inputs, tasks);
    planSink.accept(
        String.format(
            Locale.ROOT,
            "process plan: %,d files, %.1f MB, split size %.1f MB -> %d inputs in %d tasks on %d"
                + " cores",
            files.size(),
            totalBytes / 1e6,
            splitBytes / 1e6,
            inputs.size(),
            groups.size(),
            cores));
    JavaRDD<Row> rows =
        jsc.parallelize(groups, Math.max(1, groups.size()))
            .mapPartitions(
                it -> new PartitionProcessor(flatten(it), processing, hadoopConf.get(), acc));
    return spark.createDataFrame(rows, ProcessedRows.SCHEMA);
  }

  private static Iterator<InputFile> flatten(Iterator<List<InputFile>> groups) {
    return com.google.common.collect.Iterators.concat(
        com.google.common.collect.Iterators.transform(groups, List::iterator));
  }

  /** The processing tasks' wall times, as the summary shows them. */
  public static String taskTimes(PartitionProcessor.StageAccumulators acc) {
    List<Long> millis = new ArrayList<>(acc.taskMillis.value());
    millis.sort(null);
    StringBuilder b = new StringBuilder("process task seconds:");
    for (long m : millis) {
      b.append(String.format(Locale.ROOT, " %.1f", m / 1000.0));
    }
    return b.toString();
  }
}
