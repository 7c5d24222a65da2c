package org.framelens.jobs.nightly;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Publishes what a nightly run wrote to its staging folder by renaming folders, with a journal so a
 * crash between renames is finished by the next run.
 *
 * <p>Plain Parquet folders have no transaction log, so the unit of atomicity is the folder rename:
 * every table partition (or unpartitioned table) is written completely under {@code
 * _framelens/staging/RUN/} first; then a journal listing every rename is written (itself by an
 * atomic rename); then each live folder is renamed away to {@code _framelens/trash/RUN/} and the
 * staged folder renamed into its place. A reader sees, per folder, either the old or the new
 * content, never half-written files; during the milliseconds between the two renames of one folder
 * the folder is briefly absent. A crash before the journal exists leaves the previous state
 * untouched (the staging folder is deleted by the next run); a crash after it is rolled forward by
 * {@link #recover}. Folders under {@code _framelens/} are hidden from Spark and DuckDB readers of
 * the tables (the underscore prefix).
 */
public final class OutputCommit {
  static final String META = "_framelens";

  private final FileSystem fs;
  private final Path root;
  private final String runId;
  private final List<Path[]> moves = new ArrayList<>();
  private boolean journaled;

  OutputCommit(String output, String runId, Configuration conf) throws IOException {
    this.root = new Path(output);
    this.fs = root.getFileSystem(conf);
    this.runId = runId;
  }

  /** Where this run writes {@code relative} (a table, or a table's partition) before publishing. */
  String staging(String relative) {
    Path base = new Path(root, META + "/staging/" + runId);
    return relative.isEmpty() ? base.toString() : new Path(base, relative).toString();
  }

  /** The live folder {@code relative} is replaced by its staged copy at commit. */
  OutputCommit replace(String relative) {
    moves.add(new Path[] {new Path(staging(relative)), new Path(root, relative)});
    return this;
  }

  /** The live {@code liveRelative} is replaced by what was staged at {@code stagedRelative}. */
  OutputCommit replaceWith(String stagedRelative, String liveRelative) {
    moves.add(new Path[] {new Path(staging(stagedRelative)), new Path(root, liveRelative)});
    return this;
  }

  /**
   * Creates the staged folder when the write produced none (a day without rows), so publishing it
   * still replaces the old partition.
   */
  void ensureStaged(String relative) throws IOException {
    fs.mkdirs(new Path(staging(relative)));
  }

  /** The name of the one Parquet file a {@code coalesce(1)} write staged at {@code relative}. */
  String singlePartFile(String relative) throws IOException {
    for (FileStatus st : fs.listStatus(new Path(staging(relative)))) {
      String name = st.getPath().getName();
      if (name.startsWith("part-") && name.endsWith(".parquet")) {
        return name;
      }
    }
    throw new IOException("no Parquet file staged at " + staging(relative));
  }

  /** Writes the journal, then performs every replacement; then removes trash and staging. */
  void commit() throws IOException {
    writeJournal();
    rollForward(fs, root, runId, journal(root, runId));
  }

  /** The point of no return: from here on the commit is finished, by this run or the next. */
  void writeJournal() throws IOException {
    Path journal = journal(root, runId);
    Path tmp = new Path(journal.getParent(), "." + journal.getName() + ".tmp");
    fs.mkdirs(journal.getParent());
    try (OutputStream out = fs.create(tmp, true)) {
      StringBuilder b = new StringBuilder();
      for (Path[] m : moves) {
        b.append(m[0]).append('\t').append(m[1]).append('\n');
      }
      out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }
    if (!fs.rename(tmp, journal)) {
      throw new IOException("could not write the commit journal " + journal);
    }
    journaled = true;
  }

  /** True once the journal exists: the commit will be finished, by this run or the next. */
  boolean journaled() {
    return journaled;
  }

  /**
   * Deletes what a run left in staging when it fails before its journal. Once the journal exists
   * the staged folders are the only copy of the new tables and the trash holds the live folders
   * already moved aside, so both stay for {@link #recover}: deleting them would lose published
   * data.
   *
   * @return true when the staging folder was discarded, false when it was kept for recovery
   */
  boolean abandon() throws IOException {
    if (journaled || fs.exists(journal(root, runId))) {
      return false;
    }
    fs.delete(new Path(root, META + "/staging/" + runId), true);
    return true;
  }

  /**
   * Finishes every commit whose journal exists (a run that crashed while renaming) and deletes
   * staging folders of runs that never reached their journal. Returns the run ids rolled forward.
   */
  static List<String> recover(String output, Configuration conf) throws IOException {
    Path root = new Path(output);
    FileSystem fs = root.getFileSystem(conf);
    List<String> recovered = new ArrayList<>();
    Path commits = new Path(root, META + "/commits");
    if (fs.exists(commits)) {
      for (FileStatus st : fs.listStatus(commits)) {
        String name = st.getPath().getName();
        if (name.endsWith(".journal")) {
          String runId = name.substring(0, name.length() - ".journal".length());
          rollForward(fs, root, runId, st.getPath());
          recovered.add(runId);
        } else if (name.endsWith(".tmp")) {
          fs.delete(st.getPath(), false);
        }
      }
    }
    Path staging = new Path(root, META + "/staging");
    if (fs.exists(staging)) {
      fs.delete(staging, true);
    }
    return recovered;
  }

  private static Path journal(Path root, String runId) {
    return new Path(root, META + "/commits/" + runId + ".journal");
  }

  /** Idempotent: a rename already done is recognised by its source being gone. */
  private static void rollForward(FileSystem fs, Path root, String runId, Path journal)
      throws IOException {
    String text;
    try (InputStream in = fs.open(journal)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path trash = new Path(root, META + "/trash/" + runId);
    int i = 0;
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\t", 2);
      Path staged = new Path(parts[0]);
      Path live = new Path(parts[1]);
      Path old = new Path(trash, Integer.toString(i++));
      if (!fs.exists(staged)) {
        if (!fs.exists(live) && fs.exists(old)) {
          // Nothing to publish for this line (its staged folder is gone), yet its live folder was
          // moved aside: put it back rather than delete it with the trash.
          fs.mkdirs(live.getParent());
          rename(fs, old, live);
        }
        continue; // already published by an earlier attempt
      }
      if (fs.exists(live)) {
        fs.mkdirs(trash);
        if (fs.exists(old)) {
          // An earlier attempt moved the original live folder here and crashed before publishing;
          // what is live now is not that original, and the original must not be deleted.
          throw new IOException(
              "cannot finish the commit of run "
                  + runId
                  + ": both "
                  + live
                  + " and the folder it replaced ("
                  + old
                  + ") exist; resolve by hand");
        }
        rename(fs, live, old);
      }
      fs.mkdirs(live.getParent());
      rename(fs, staged, live);
    }
    // The journal goes last: while it exists, the next run finishes this clean-up too.
    fs.delete(trash, true);
    fs.delete(new Path(root, META + "/staging/" + runId), true);
    fs.delete(journal, false);
  }

  private static void rename(FileSystem fs, Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("could not rename " + from + " to " + to);
    }
  }
}
