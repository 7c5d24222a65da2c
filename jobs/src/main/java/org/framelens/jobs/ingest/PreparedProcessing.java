package org.framelens.jobs.ingest;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.framelens.common.lexicon.Lexicon;
import org.framelens.common.lexicon.LexiconWarnings;
import org.framelens.common.pipeline.ProcessingConfig;
import org.framelens.common.pipeline.ProcessingResources;
import org.framelens.jobs.spark.HadoopText;

/**
 * The validated lexicon and what executors build their resources from. Prepared on the driver, so a
 * bad lexicon or registry fails before any task starts; every job prepares through here, so the
 * per-JVM resources of a session that runs {@code run} and then {@code retag} are built once.
 */
public record PreparedProcessing(Lexicon lexicon, ProcessingConfig processing) {
  /** How the bundled lexicon is named in messages and in the resources' cache key. */
  public static final String BUNDLED_LEXICON = "(bundled default lexicon)";

  private static final java.util.Set<String> WARNED =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Reads and validates the lexicon, registry and languages; builds the driver's resources. */
  public static PreparedProcessing prepare(Configuration hadoopConf, ProcessingSettings s)
      throws IOException {
    String lexiconText =
        s.lexicon() == null ? Lexicon.defaultText() : HadoopText.read(s.lexicon(), hadoopConf);
    String lexiconSource = s.lexicon() == null ? BUNDLED_LEXICON : s.lexicon();
    Lexicon lexicon = Lexicon.parse(lexiconText, lexiconSource);
    // Rows that will not match as written: said at the start of every job, once per distinct
    // lexicon text in this JVM (prepareInBackground prepares the same lexicon again).
    if (WARNED.add(lexicon.version())) {
      for (String w : LexiconWarnings.of(lexicon)) {
        System.err.println("framelens: lexicon " + lexiconSource + " " + w);
      }
    }
    String outletsCsv = s.outlets() == null ? null : HadoopText.read(s.outlets(), hadoopConf);
    ProcessingConfig processing =
        new ProcessingConfig(
            lexiconText,
            lexiconSource,
            outletsCsv,
            s.languages().isEmpty()
                ? ProcessingResources.defaultDetectLanguages(lexicon)
                : s.languages(),
            s.maxDocumentBytes(),
            s.maxTextChars(),
            s.parseTimeoutMillis());
    ProcessingResources.forConfig(processing);
    return new PreparedProcessing(lexicon, processing);
  }

  /**
   * Starts {@link #prepare} on a daemon thread with a default Hadoop configuration, so that the
   * lexicon is compiled and Lingua's models load while the Spark session starts; the job's own
   * {@code prepare} then finds the resources built (or waits for them). Only when the lexicon and
   * registry are local files or bundled (a remote path may need the session's Hadoop settings); any
   * failure is left for the job's own {@code prepare} to report.
   */
  public static void prepareInBackground(ProcessingSettings settings) {
    if (!isLocal(settings.lexicon()) || !isLocal(settings.outlets())) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              try {
                prepare(new Configuration(), settings);
              } catch (IOException | RuntimeException e) {
                // reported by the job's own prepare, with the session's configuration
              }
            },
            "framelens-prepare");
    t.setDaemon(true);
    t.start();
  }

  private static boolean isLocal(String path) {
    return path == null || !path.contains(":") || path.startsWith("file:");
  }
}
