package org.framelens.jobs.nightly;

import java.io.IOException;

/**
 * A command refuses to write to (or recover) an output folder it must not touch: a folder that is
 * not a framelens output, a nightly store given to {@code run}, a commit journal that points
 * outside the store. A configuration error (exit code 2): nothing was written.
 */
public class OutputRefusedException extends IOException {
  public OutputRefusedException(String message) {
    super(message);
  }
}
