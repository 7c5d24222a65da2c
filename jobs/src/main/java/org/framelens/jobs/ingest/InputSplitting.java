package org.framelens.jobs.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.framelens.common.input.WarcSplits;

/**
 * Balances the work of a run over tasks by bytes, so that every core works from the first second:
 * the split size follows from the total input and the cluster's cores ({@value #TASKS_PER_CORE}
 * tasks per core, between {@value #MIN_SPLIT_BYTES} bytes and {@link #DEFAULT_SPLIT_BYTES}); a WARC
 * file of more than about one and a half split sizes is cut into ranges of similar size at record
 * starts ({@link WarcSplits}: {@code .warc.gz} at gzip member starts, {@code .warc} at record
 * headers; a few kilobytes read per split point on the driver, no pass over the data), and the
 * files and ranges are then packed into tasks of similar total size, largest first, so one 35 MB
 * crawl file uses both cores of a laptop, a few 1 GB files every core of a cluster, and thousands
 * of small files do not each cost a task. Documents and compressed files of other kinds are never
 * split.
 */
public final class InputSplitting {
  private InputSplitting() {}

  /**
   * Largest split (and the split size when {@code spark.framelens.split.bytes} sets none is
   * needed).
   */
  static final long DEFAULT_SPLIT_BYTES = 128L * 1024 * 1024;

  /** A file of a few megabytes stays whole: a range has its own task and seek costs. */
  static final long MIN_SPLIT_BYTES = 4L * 1024 * 1024;

  /** Tasks per core: enough for the cores to finish together when records differ in cost. */
  public static final int TASKS_PER_CORE = 3;

  /**
   * The split size for a run: about {@value #TASKS_PER_CORE} tasks per core over the total input,
   * at least {@value #MIN_SPLIT_BYTES} bytes and at most {@link #DEFAULT_SPLIT_BYTES}.
   */
  public static long splitBytes(long totalBytes, int cores) {
    long target = -Math.floorDiv(-totalBytes, (long) TASKS_PER_CORE * Math.max(1, cores));
    return Math.max(MIN_SPLIT_BYTES, Math.min(DEFAULT_SPLIT_BYTES, target));
  }

  /** Whether a file can be cut at record starts. */
  static boolean splittable(String path) {
    return path.endsWith(".warc.gz") || path.endsWith(".warc");
  }

  public static List<InputFile> split(List<InputFile> files, long splitBytes, Configuration conf)
      throws IOException {
    List<InputFile> out = new ArrayList<>();
    for (InputFile f : files) {
      // ranges of similar size: a 1.4x file stays whole, a 2.6x file becomes three ranges
      long parts = splitBytes <= 0 ? 1 : Math.round((double) f.size() / splitBytes);
      if (parts < 2 || !splittable(f.path())) {
        out.add(f);
        continue;
      }
      long step = -Math.floorDiv(-f.size(), parts);
      Path p = new Path(f.path());
      List<Long> starts;
      try (FSDataInputStream in = p.getFileSystem(conf).open(p)) {
        starts =
            f.path().endsWith(".gz")
                ? WarcSplits.starts(in::read, f.size(), step)
                : WarcSplits.uncompressedStarts(in::read, f.size(), step);
      } catch (IOException e) {
        out.add(f); // read whole; a broken file is quarantined by the reader
        continue;
      }
      if (starts.size() == 1) {
        out.add(f);
        continue;
      }
      for (int i = 0; i < starts.size(); i++) {
        long end = i + 1 < starts.size() ? starts.get(i + 1) : f.size();
        out.add(f.range(starts.get(i), end));
      }
    }
    return out;
  }

  /**
   * Packs the inputs into at most {@code tasks} groups of similar total size (longest processing
   * time first: each input, largest first, goes to the currently lightest group).
   */
  public static List<List<InputFile>> pack(List<InputFile> inputs, int tasks) {
    int n = Math.max(1, Math.min(tasks, inputs.size()));
    List<List<InputFile>> groups = new ArrayList<>();
    long[] load = new long[n];
    for (int i = 0; i < n; i++) {
      groups.add(new ArrayList<>());
    }
    List<InputFile> sorted = new ArrayList<>(inputs);
    sorted.sort(Comparator.comparingLong(InputFile::bytes).reversed());
    for (InputFile f : sorted) {
      int lightest = 0;
      for (int i = 1; i < n; i++) {
        if (load[i] < load[lightest]) {
          lightest = i;
        }
      }
      groups.get(lightest).add(f);
      load[lightest] += Math.max(1, f.bytes());
    }
    return groups;
  }
}
