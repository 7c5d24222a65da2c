package org.framelens.jobs.run;

import java.util.List;
import org.framelens.jobs.ingest.ProcessingSettings;

/**
 * Options of {@code run}, immutable.
 *
 * @param inputs WARC/ARC files, folders of them, folders of documents
 * @param output the output folder; its tables are replaced
 * @param processing lexicon, registry, languages and limits
 * @param includeCopies count near-duplicate copies in the comparison tables too
 * @param forceOutput write into a non-empty folder that carries no framelens marker
 */
public record RunConfig(
    List<String> inputs,
    String output,
    ProcessingSettings processing,
    boolean includeCopies,
    boolean forceOutput) {
  public RunConfig {
    inputs = List.copyOf(inputs);
  }

  public RunConfig(
      List<String> inputs, String output, ProcessingSettings processing, boolean includeCopies) {
    this(inputs, output, processing, includeCopies, false);
  }

  /** Every input into output with the bundled lexicon, no outlet registry and default limits. */
  public static RunConfig withDefaults(List<String> inputs, String output) {
    return new RunConfig(inputs, output, ProcessingSettings.defaults(), false);
  }
}
