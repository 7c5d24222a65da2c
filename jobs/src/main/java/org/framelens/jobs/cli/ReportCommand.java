package org.framelens.jobs.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.framelens.jobs.report.ReportData;
import org.framelens.jobs.report.ReportPage;
import org.framelens.jobs.report.ReportTables;
import org.framelens.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write a one-page static HTML report (inline SVG charts, no scripts) over the tables of a"
          + " framelens output folder: run facts, outlet × frame share, own voice vs quoted, top"
          + " terms, quarantine, coverage per outlet, and the lexicon validation figures when"
          + " validate score has written them.",
      "Exit codes: 0 written, 1 failed, 2 bad usage (e.g. no framelens output at --output)."
    })
public final class ReportCommand implements Callable<Integer> {
  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "The output folder of a run (the tables are read from here).")
  String output;

  @Option(
      names = "--to",
      paramLabel = "FILE",
      description = "Where to write the page (default: DIR/report.html).")
  String to;

  @Option(
      names = "--title",
      paramLabel = "TEXT",
      description = "Page title (default: ${DEFAULT-VALUE}).")
  String title = "framelens report";

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() throws Exception {
    String target = to != null ? to : new Path(output, "report.html").toString();
    SparkSession spark = SparkSessions.create("framelens report", sparkOptions.master());
    try {
      org.framelens.jobs.nightly.OutputFolder.checkReadable(
          output, spark.sparkContext().hadoopConfiguration());
      ReportData data = ReportTables.load(spark, output, title);
      write(spark, target, ReportPage.render(data));
      System.out.println("Report written to " + target);
      return ExitCodes.OK;
    } finally {
      spark.stop();
    }
  }

  /** A local path is written directly (no .crc file beside it); other schemes through Hadoop. */
  private static void write(SparkSession spark, String target, String html) throws IOException {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    URI uri = new Path(target).toUri();
    if (uri.getScheme() == null || "file".equals(uri.getScheme())) {
      java.nio.file.Path file = java.nio.file.Path.of(uri.getPath()).toAbsolutePath();
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.write(file, bytes);
      return;
    }
    Path path = new Path(target);
    FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try (OutputStream out = fs.create(path, true)) {
      out.write(bytes);
    }
  }
}
