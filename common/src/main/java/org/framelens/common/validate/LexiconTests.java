package org.framelens.common.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.framelens.common.lexicon.FrameHit;
import org.framelens.common.lexicon.FrameTagger;
import org.framelens.common.lexicon.Lexicon;

/**
 * Must-match and must-not-match sentences for a lexicon: a UTF-8 TSV, one test per line: {@code
 * lang<TAB>sentence<TAB>expected}, where expected is the frames the tagger must find in the
 * sentence, {@code ;}-separated, or {@code -} for none. The frames found must be exactly those
 * listed; entity mentions ({@code entity:...}) are checked only when listed. {@code #} starts a
 * comment line; a first non-comment line starting {@code lang<TAB>} is a header.
 */
public final class LexiconTests {
  private LexiconTests() {}

  /** One test line. */
  public record Case(int line, String lang, String sentence, Set<String> expected) {}

  /** A test's outcome. */
  public record Outcome(Case test, Set<String> found, List<FrameHit> hits) {
    public boolean passed() {
      return found.equals(test.expected());
    }

    public Set<String> missing() {
      Set<String> s = new TreeSet<>(test.expected());
      s.removeAll(found);
      return s;
    }

    public Set<String> unexpected() {
      Set<String> s = new TreeSet<>(found);
      s.removeAll(test.expected());
      return s;
    }
  }

  /**
   * @throws IllegalArgumentException naming every bad line (wrong number of columns, empty
   *     sentence, a language or frame the lexicon does not have)
   */
  public static List<Case> parse(String text, String source, Lexicon lexicon) {
    List<Case> cases = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    boolean first = true;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int n = i + 1;
      if (n == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      boolean header = first && cols[0].strip().equals("lang");
      first = false;
      if (header) {
        continue;
      }
      if (cols.length != 3) {
        problems.add(
            "line " + n + ": " + cols.length + " columns, not 3 (lang, sentence, expected)");
        continue;
      }
      String lang = cols[0].strip();
      String sentence = cols[1].strip();
      String expected = cols[2].strip();
      if (!lexicon.languages().contains(lang)) {
        problems.add("line " + n + ": the lexicon has no terms in language '" + lang + "'");
      }
      if (sentence.isEmpty()) {
        problems.add("line " + n + ": empty sentence");
      }
      Set<String> frames = new TreeSet<>();
      if (expected.isEmpty()) {
        problems.add("line " + n + ": no expected frames: write - for none");
      } else if (!expected.equals("-")) {
        for (String f : expected.split(";")) {
          String frame = f.strip();
          if (frame.isEmpty()) {
            continue;
          }
          boolean known =
              Lexicon.isEntity(frame)
                  ? lexicon.entries().stream().anyMatch(e -> e.frame().equals(frame))
                  : lexicon.frames().contains(frame);
          if (!known) {
            problems.add("line " + n + ": the lexicon has no frame '" + frame + "'");
          }
          frames.add(frame);
        }
      }
      cases.add(new Case(n, lang, sentence, frames));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          source + ": invalid lexicon tests:\n  " + String.join("\n  ", problems));
    }
    return cases;
  }

  /** Tags each sentence as one paragraph of an article in the test's language. */
  public static List<Outcome> run(FrameTagger tagger, List<Case> cases) {
    List<Outcome> out = new ArrayList<>();
    for (Case c : cases) {
      FrameTagger.TagResult r = tagger.tag(null, List.of(c.sentence()), c.lang());
      Set<String> found = new TreeSet<>();
      List<FrameHit> hits = new ArrayList<>(r.hits());
      r.hits().forEach(h -> found.add(h.frame()));
      for (FrameHit h : r.entityHits()) {
        if (c.expected().contains(h.frame())) {
          found.add(h.frame());
          hits.add(h);
        }
      }
      out.add(new Outcome(c, found, hits));
    }
    return out;
  }

  /** A readable account of the failures, one block per failed test; empty when all passed. */
  public static String diff(List<Outcome> outcomes, String source) {
    StringBuilder b = new StringBuilder();
    for (Outcome o : outcomes) {
      if (o.passed()) {
        continue;
      }
      Case c = o.test();
      b.append("FAIL ")
          .append(source)
          .append(':')
          .append(c.line())
          .append(" [")
          .append(c.lang())
          .append("] ")
          .append(c.sentence())
          .append('\n');
      b.append("  expected: ").append(frames(c.expected())).append('\n');
      b.append("  found:    ").append(frames(o.found())).append('\n');
      if (!o.missing().isEmpty()) {
        b.append("  - missing:    ").append(String.join(", ", o.missing())).append('\n');
      }
      for (String f : o.unexpected()) {
        b.append("  + unexpected: ").append(f).append(" (");
        List<String> why = new ArrayList<>();
        for (FrameHit h : o.hits()) {
          if (h.frame().equals(f)) {
            why.add("\"" + h.matchedText() + "\" by term \"" + h.term() + "\"");
          }
        }
        b.append(String.join(", ", why)).append(")\n");
      }
    }
    return b.toString();
  }

  private static String frames(Set<String> s) {
    return s.isEmpty() ? "-" : String.join(";", s);
  }
}
