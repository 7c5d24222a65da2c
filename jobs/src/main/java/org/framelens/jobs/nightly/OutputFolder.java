package org.framelens.jobs.nightly;

import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.framelens.common.schema.Tables;

/**
 * What an output folder is, checked before a command writes to it. {@code run} and {@code nightly}
 * replace folders named like tables ({@code articles/}, {@code quarantine/}, ...) under their
 * output, so a folder that holds other things must not be taken for an output by a typo.
 *
 * <p>The framelens marker is the {@code _framelens/} folder (the writer lease and commit journals
 * live there; every {@code run} and {@code nightly} creates it) or, for outputs of older versions
 * of {@code run}, {@code _framelens_summary.txt}. A nightly store is recognised by its {@code runs}
 * ledger, as {@code retag} does.
 */
public final class OutputFolder {
  private OutputFolder() {}

  /** The summary file older versions of {@code run} left as their only marker. */
  public static final String RUN_SUMMARY = "_framelens_summary.txt";

  /** Who writes: the check differs for a one-off run and a nightly store. */
  public enum Writer {
    RUN,
    NIGHTLY
  }

  /** True when {@code output} carries a framelens marker. */
  public static boolean hasMarker(FileSystem fs, Path output) throws IOException {
    return fs.exists(new Path(output, OutputCommit.META))
        || fs.exists(new Path(output, RUN_SUMMARY));
  }

  /** True when {@code output} is a nightly store (it has a runs ledger). */
  public static boolean isNightlyStore(FileSystem fs, Path output) throws IOException {
    return fs.exists(new Path(output, Tables.RUNS.name()));
  }

  /**
   * Refuses (with {@link OutputRefusedException}) to write into {@code output} when it exists, is
   * not empty and carries no framelens marker (unless {@code force}), when it is a file, or when a
   * {@code run} is aimed at a nightly store (whose ledger would not know the run's tables).
   */
  public static void checkWritable(String output, Writer writer, boolean force, Configuration conf)
      throws IOException {
    Path root = new Path(output);
    FileSystem fs = root.getFileSystem(conf);
    FileStatus[] children;
    try {
      if (!fs.getFileStatus(root).isDirectory()) {
        throw new OutputRefusedException(
            "the output " + output + " is a file, not a folder: give a folder for the tables");
      }
      children = fs.listStatus(root);
    } catch (FileNotFoundException absent) {
      return; // created by the command
    }
    if (writer == Writer.RUN && isNightlyStore(fs, root)) {
      throw new OutputRefusedException(
          "the output "
              + output
              + " is a nightly store (it has a runs ledger): `run` would replace its tables"
              + " without the ledger knowing, and the next nightly run would skip dates whose"
              + " tables it no longer holds. Give `run` a folder of its own, or process the"
              + " dates with `framelens nightly`.");
    }
    if (children.length > 0 && !force && !hasMarker(fs, root)) {
      throw new OutputRefusedException(
          "the output "
              + output
              + " is not empty and is not a framelens output (it has no "
              + OutputCommit.META
              + "/ folder): writing there would replace any subfolder named like a table ("
              + String.join(", ", Tables.ALL.stream().map(t -> t.name() + "/").toList())
              + "). Give an empty or new folder, or --force-output to write there anyway.");
    }
  }

  /** An output whose last publish was interrupted while renaming: its tables may be of two runs. */
  public static final class UnfinishedPublishException extends IOException {
    UnfinishedPublishException(String message) {
      super(message);
    }
  }

  /**
   * Refuses to read {@code output} while a commit journal is there: a run or a night was stopped
   * between renames (or is renaming right now, for milliseconds), so some tables may be new and
   * others old. The next {@code run} or {@code nightly} on the output finishes the publish first.
   */
  public static void checkReadable(String output, Configuration conf) throws IOException {
    Path commits = new Path(new Path(output), OutputCommit.META + "/commits");
    FileSystem fs = commits.getFileSystem(conf);
    FileStatus[] journals;
    try {
      journals = fs.listStatus(commits, p -> p.getName().endsWith(".journal"));
    } catch (FileNotFoundException none) {
      return;
    }
    if (journals.length > 0) {
      throw new UnfinishedPublishException(
          "the output "
              + output
              + " has an unfinished publish ("
              + journals[0].getPath()
              + "): a writer was stopped while renaming its tables into place, so the tables may"
              + " be from two runs. Run the same `framelens run` or `nightly` on this output"
              + " again: it finishes the publish before anything else.");
    }
  }

  /** For commands that rewrite an earlier output in place ({@code retag}): it must be one. */
  public static void checkIsOutput(String output, Configuration conf) throws IOException {
    Path root = new Path(output);
    if (!hasMarker(root.getFileSystem(conf), root)) {
      throw new OutputRefusedException(
          output
              + " is not a framelens output (it has no "
              + OutputCommit.META
              + "/ folder or "
              + RUN_SUMMARY
              + "); give the --output folder of an earlier run");
    }
  }
}
