package org.framelens.jobs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.framelens.common.input.WarcSplits;

/**
 * Balances the work of a run over tasks by bytes: a {@code .warc.gz} larger than the split size is
 * cut at record starts into ranges read by different tasks ({@link WarcSplits}: a few kilobytes
 * read per split point on the driver, no pass over the data), and the files and ranges are then
 * packed into tasks of similar total size, largest first, so a few 1 GB files use every core and
 * thousands of small files do not each cost a task. Plain {@code .warc} files and documents are
 * never split.
 */
final class InputSplitting {
  private InputSplitting() {}

  /** Default split size; {@value #SPLIT_BYTES_KEY} overrides it (e.g. spark-submit --conf). */
  static final long DEFAULT_SPLIT_BYTES = 128L * 1024 * 1024;

  static final String SPLIT_BYTES_KEY = "spark.framelens.split.bytes";

  static List<InputFile> split(List<InputFile> files, long splitBytes, Configuration conf)
      throws IOException {
    List<InputFile> out = new ArrayList<>();
    for (InputFile f : files) {
      if (splitBytes <= 0 || f.size() <= splitBytes || !f.path().endsWith(".warc.gz")) {
        out.add(f);
        continue;
      }
      Path p = new Path(f.path());
      List<Long> starts;
      try (FSDataInputStream in = p.getFileSystem(conf).open(p)) {
        starts = WarcSplits.starts(in::read, f.size(), splitBytes);
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
  static List<List<InputFile>> pack(List<InputFile> inputs, int tasks) {
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
