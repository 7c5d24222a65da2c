package org.framelens.jobs.nightly;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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

  /** Journal lines: {staged, live}, both relative to the store's root. */
  private final List<String[]> moves = new ArrayList<>();

  private boolean journaled;

  public OutputCommit(String output, String runId, Configuration conf) throws IOException {
    if (!RUN_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException("not a run id: " + runId);
    }
    this.root = new Path(output);
    this.fs = root.getFileSystem(conf);
    this.runId = runId;
  }

  /** Where this run writes {@code relative} (a table, or a table's partition) before publishing. */
  public String staging(String relative) {
    return new Path(root, stagingRelative(relative)).toString();
  }

  private String stagingRelative(String relative) {
    String base = META + "/staging/" + runId;
    return relative.isEmpty() ? base : base + "/" + relative;
  }

  /** The live folder {@code relative} is replaced by its staged copy at commit. */
  public OutputCommit replace(String relative) {
    return replaceWith(relative, relative);
  }

  /** The live {@code liveRelative} is replaced by what was staged at {@code stagedRelative}. */
  public OutputCommit replaceWith(String stagedRelative, String liveRelative) {
    moves.add(new String[] {stagingRelative(stagedRelative), liveRelative});
    return this;
  }

  /**
   * Creates the staged folder when the write produced none (a day without rows), so publishing it
   * still replaces the old partition.
   */
  public void ensureStaged(String relative) throws IOException {
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
  public void commit() throws IOException {
    writeJournal();
    CrashPoints.reach("journal");
    rollForward(fs, root, runId, journal(root, runId));
  }

  /** The point of no return: from here on the commit is finished, by this run or the next. */
  void writeJournal() throws IOException {
    Path journal = journal(root, runId);
    Path tmp = new Path(journal.getParent(), "." + journal.getName() + ".tmp");
    fs.mkdirs(journal.getParent());
    try (OutputStream out = fs.create(tmp, true)) {
      StringBuilder b = new StringBuilder();
      for (String[] m : moves) {
        // relative to the store, so that recovery can check each line stays inside it
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
  public boolean abandon() throws IOException {
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
  public static List<String> recover(String output, Configuration conf) throws IOException {
    Path root = new Path(output);
    FileSystem fs = root.getFileSystem(conf);
    List<String> recovered = new ArrayList<>();
    Path commits = new Path(root, META + "/commits");
    if (fs.exists(commits)) {
      FileStatus[] listed = fs.listStatus(commits);
      // every journal is checked before any is acted on: a planted one stops the recovery with
      // nothing touched
      for (FileStatus st : listed) {
        if (st.getPath().getName().endsWith(".journal")) {
          readJournal(fs, root, st.getPath());
        }
      }
      for (FileStatus st : listed) {
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

  /** Run ids name folders under {@code _framelens/}: no separators, not {@code .} or {@code ..}. */
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

  /** A journal that points outside the store, or is not one a run wrote: refused, nothing done. */
  public static final class UnsafeJournalException extends OutputRefusedException {
    UnsafeJournalException(Path journal, String why) {
      super(
          "refusing the commit journal "
              + journal
              + ": "
              + why
              + ". A run writes journal lines as two paths relative to the output folder; this one"
              + " was not written by framelens (or is damaged). Nothing was moved or deleted;"
              + " inspect and remove the file by hand.");
    }
  }

  /**
   * The journal's moves as {staged, live} paths inside the store, or {@link UnsafeJournalException}
   * for a line that is absolute, has a scheme or authority, climbs out with {@code ..}, or stages
   * from outside {@code _framelens/staging/RUN/}.
   */
  static List<Path[]> readJournal(FileSystem fs, Path root, Path journal) throws IOException {
    String name = journal.getName();
    String runId = name.substring(0, name.length() - ".journal".length());
    if (!RUN_ID.matcher(runId).matches()) {
      throw new UnsafeJournalException(journal, "its name is not that of a run id");
    }
    String text;
    try (InputStream in = fs.open(journal)) {
      text = new String(in.readNBytes(MAX_JOURNAL_BYTES + 1), StandardCharsets.UTF_8);
    }
    if (text.length() > MAX_JOURNAL_BYTES) {
      throw new UnsafeJournalException(
          journal, "it is larger than " + MAX_JOURNAL_BYTES + " bytes");
    }
    List<Path[]> moves = new ArrayList<>();
    int lineNo = 0;
    for (String line : text.split("\n")) {
      lineNo++;
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\t", -1);
      if (parts.length != 2) {
        throw new UnsafeJournalException(journal, "line " + lineNo + " is not two paths");
      }
      String staged = inside(journal, lineNo, parts[0]);
      String live = inside(journal, lineNo, parts[1]);
      if (!staged.startsWith(META + "/staging/" + runId + "/")
          && !staged.equals(META + "/staging/" + runId)) {
        throw new UnsafeJournalException(
            journal,
            "line " + lineNo + " publishes " + parts[0] + ", which is not in this run's staging");
      }
      if (live.equals(META) || live.startsWith(META + "/")) {
        throw new UnsafeJournalException(
            journal, "line " + lineNo + " replaces " + parts[1] + ", framelens' own folder");
      }
      moves.add(new Path[] {new Path(root, staged), new Path(root, live)});
    }
    return moves;
  }

  /**
   * Far above any real journal (a line per partition); bounds what a planted one can make us read.
   */
  private static final int MAX_JOURNAL_BYTES = 16 << 20;

  /** The normalised relative path, or refused when it could leave the store. */
  private static String inside(Path journal, int lineNo, String p) throws UnsafeJournalException {
    String why = null;
    if (p.isEmpty()) {
      why = "is empty";
    } else if (p.startsWith("/")
        || p.startsWith("\\")
        || p.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
      why = "is absolute or names a scheme (journal paths are relative to the store)";
    } else if (p.contains("\\") || p.chars().anyMatch(c -> c < 0x20)) {
      why = "holds a backslash or control character";
    } else {
      for (String seg : p.split("/", -1)) {
        if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
          why = "has an empty, . or .. segment";
          break;
        }
      }
    }
    if (why != null) {
      throw new UnsafeJournalException(journal, "line " + lineNo + ": the path '" + p + "' " + why);
    }
    return p;
  }

  /** Idempotent: a rename already done is recognised by its source being gone. */
  private static void rollForward(FileSystem fs, Path root, String runId, Path journal)
      throws IOException {
    List<Path[]> moves = readJournal(fs, root, journal);
    Path trash = new Path(root, META + "/trash/" + runId);
    int i = 0;
    for (Path[] move : moves) {
      Path staged = move[0];
      Path live = move[1];
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
      CrashPoints.reach("published:" + (i - 1));
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
