package org.framelens.jobs.ingest;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.sql.SparkSession;
import org.framelens.jobs.spark.FramelensConf;

/**
 * Prints a progress line on the driver while the processing stage runs: records read, articles and
 * quarantined so far (counted as tasks finish) and the tasks done of the active stages. The period
 * comes from {@code FRAMELENS_PROGRESS_SECONDS} (default 30; 0 turns it off).
 */
public final class ProgressReporter implements AutoCloseable {
  private final ScheduledExecutorService timer;

  private ProgressReporter(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  public static ProgressReporter start(
      SparkSession spark, PartitionProcessor.StageAccumulators acc, String label) {
    long period = FramelensConf.progressSeconds(spark);
    if (period <= 0) {
      return new ProgressReporter(null);
    }
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "framelens-progress");
              t.setDaemon(true);
              return t;
            });
    long start = System.nanoTime();
    PrintStream out = System.out;
    timer.scheduleAtFixedRate(
        () -> out.println(line(spark, acc, label, (System.nanoTime() - start) / 1e9)),
        period,
        period,
        TimeUnit.SECONDS);
    return new ProgressReporter(timer);
  }

  static String line(
      SparkSession spark, PartitionProcessor.StageAccumulators acc, String label, double seconds) {
    SparkStatusTracker tracker = spark.sparkContext().statusTracker();
    int done = 0;
    int total = 0;
    for (int id : tracker.getActiveStageIds()) {
      scala.Option<SparkStageInfo> info = tracker.getStageInfo(id);
      if (info.isDefined()) {
        done += info.get().numCompletedTasks();
        total += info.get().numTasks();
      }
    }
    return String.format(
        Locale.ROOT,
        "%s progress %.0f s: records read %,d, articles %,d, quarantined %,d; tasks %d/%d",
        label,
        seconds,
        acc.records.value(),
        acc.articles.value(),
        acc.quarantined.value(),
        done,
        total);
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
