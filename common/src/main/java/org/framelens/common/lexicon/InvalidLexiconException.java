package org.framelens.common.lexicon;

import java.util.List;

/** The lexicon file has problems; each is reported with its line number. */
public final class InvalidLexiconException extends RuntimeException {
  private final List<String> problems;

  public InvalidLexiconException(String source, List<String> problems) {
    super(
        "invalid lexicon "
            + source
            + " ("
            + problems.size()
            + " problem"
            + (problems.size() == 1 ? "" : "s")
            + "):\n  "
            + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
