package org.framelens.jobs.spark;

import java.nio.file.Path;

/** Where the tests find the repository's sample data. */
public final class TestData {
  private TestData() {}

  /** The data-samples folder (tests run in jobs/). */
  public static final Path SAMPLES = Path.of("..", "data-samples").toAbsolutePath().normalize();
}
