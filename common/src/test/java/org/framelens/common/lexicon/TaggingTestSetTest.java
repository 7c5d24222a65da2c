package org.framelens.common.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.framelens.common.lang.LanguageDetection;
import org.junit.jupiter.api.Test;

/**
 * The multilingual tagging test set ({@code src/test/resources/tagging-testset/*.txt}, our own
 * sentences) against the bundled lexicon: prints precision, recall and F1 per language and fails
 * when a bundled language (en de fr es ru uk ar he) is below 1.0, or a language with a full set (at
 * least 40 expected hits: it pt pl tr id fa zh ja ko) is below F1 0.97 or precision 0.98.
 *
 * <p>File format: blocks starting {@code @case ID description}, then {@code @lang xx}, an optional
 * {@code @title ...}, paragraph lines (a blank line separates paragraphs), and one {@code @expect
 * frame | matched text | voice} per expected hit. A case with no {@code @expect} expects no hits.
 * Invisible characters (format characters such as U+200C) are written as {@code \\uXXXX} escapes in
 * titles, paragraphs and expected texts, so the files stay readable; the escape stands for the
 * character itself.
 */
class TaggingTestSetTest {
  record Case(
      String id,
      String lang,
      String title,
      List<String> paragraphs,
      List<String> expected,
      String file) {}

  static List<Case> load() throws IOException, URISyntaxException {
    Path dir = Path.of(TaggingTestSetTest.class.getResource("/tagging-testset").toURI());
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        cases.addAll(
            parse(Files.readString(f, StandardCharsets.UTF_8), f.getFileName().toString()));
      }
    }
    return cases;
  }

  static List<Case> parse(String text, String file) {
    List<Case> cases = new ArrayList<>();
    String id = null;
    String lang = null;
    String title = null;
    List<String> paragraphs = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    StringBuilder para = new StringBuilder();
    for (String raw : (text + "\n@end").split("\n")) {
      String line = unescape(raw.stripTrailing());
      if (line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("@") || line.isBlank()) {
        if (para.length() > 0) {
          paragraphs.add(para.toString().strip());
          para.setLength(0);
        }
      }
      if (line.startsWith("@case ") || line.equals("@end")) {
        if (id != null) {
          cases.add(
              new Case(id, lang, title, List.copyOf(paragraphs), List.copyOf(expected), file));
        }
        id = line.equals("@end") ? null : line.substring(6).strip();
        lang = null;
        title = null;
        paragraphs.clear();
        expected.clear();
      } else if (line.startsWith("@lang ")) {
        lang = line.substring(6).strip();
      } else if (line.startsWith("@title ")) {
        title = line.substring(7).strip();
      } else if (line.startsWith("@expect ")) {
        String[] parts = line.substring(8).split("\\|");
        if (parts.length != 3) {
          throw new IllegalArgumentException(file + ": bad @expect line: " + line);
        }
        expected.add(key(parts[0].strip(), parts[1].strip(), parts[2].strip()));
      } else if (!line.startsWith("@") && !line.isBlank()) {
        para.append(line.strip()).append(' ');
      }
    }
    return cases;
  }

  private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9A-Fa-f]{4})");

  /** {@code \\uXXXX} to the character it names. */
  static String unescape(String line) {
    if (line.indexOf('\\') < 0) {
      return line;
    }
    return ESCAPE
        .matcher(line)
        .replaceAll(
            m -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
  }

  static String key(String frame, String matched, String voice) {
    return frame + " | " + matched + " | " + voice;
  }

  @Test
  void theTaggerReachesTheRequiredPrecisionAndRecallInEveryLanguage() throws Exception {
    List<Case> cases = load();
    Lexicon lexicon = Lexicon.parse(Lexicon.defaultText(), "default");
    LanguageDetection detection =
        new LanguageDetection(
            org.framelens.common.pipeline.ProcessingResources.defaultDetectLanguages(lexicon));
    FrameTagger tagger = new FrameTagger(new CompiledLexicon(lexicon), detection);
    Map<String, int[]> perLang = new TreeMap<>(); // tp, fp, fn
    List<String> failures = new ArrayList<>();
    int expectedTotal = 0;
    int offsetErrors = 0;
    for (Case c : cases) {
      List<String> actual = new ArrayList<>();
      String body = String.join("\n", c.paragraphs());
      for (FrameHit h : tagger.tag(c.title(), c.paragraphs(), c.lang()).hits()) {
        actual.add(key(h.frame(), h.matchedText(), h.voice()));
        String section = h.section().equals(FrameTagger.TITLE) ? c.title() : body;
        if (!section.substring(h.start(), h.end()).equals(h.matchedText())) {
          failures.add(c.file() + " " + c.id() + ": offsets do not point at " + h.matchedText());
          offsetErrors++;
        }
      }
      Map<String, Integer> remaining = new HashMap<>();
      c.expected().forEach(e -> remaining.merge(e, 1, Integer::sum));
      int[] counts = perLang.computeIfAbsent(c.lang(), l -> new int[3]);
      expectedTotal += c.expected().size();
      for (String a : actual) {
        if (remaining.getOrDefault(a, 0) > 0) {
          remaining.merge(a, -1, Integer::sum);
          counts[0]++;
        } else {
          counts[1]++;
          failures.add(c.file() + " " + c.id() + ": unexpected " + a);
        }
      }
      for (var e : remaining.entrySet()) {
        for (int i = 0; i < e.getValue(); i++) {
          counts[2]++;
          failures.add(c.file() + " " + c.id() + ": missed " + e.getKey());
        }
      }
    }
    int tp = 0;
    int fp = 0;
    int fn = 0;
    StringBuilder report =
        new StringBuilder(
            "tagging test set: " + cases.size() + " cases, " + expectedTotal + " expected hits\n");
    report.append(
        String.format(
            Locale.ROOT,
            "%-6s %6s %6s %6s %9s %7s %6s%n",
            "lang",
            "tp",
            "fp",
            "fn",
            "precision",
            "recall",
            "F1"));
    Map<String, Double> f1 = new TreeMap<>();
    for (var e : perLang.entrySet()) {
      int[] c = e.getValue();
      tp += c[0];
      fp += c[1];
      fn += c[2];
      double p = c[0] + c[1] == 0 ? 1 : (double) c[0] / (c[0] + c[1]);
      double r = c[0] + c[2] == 0 ? 1 : (double) c[0] / (c[0] + c[2]);
      double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
      f1.put(e.getKey(), f);
      report.append(
          String.format(
              Locale.ROOT,
              "%-6s %6d %6d %6d %9.3f %7.3f %6.3f%n",
              e.getKey(),
              c[0],
              c[1],
              c[2],
              p,
              r,
              f));
    }
    double p = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
    double r = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    report.append(
        String.format(
            Locale.ROOT, "%-6s %6d %6d %6d %9.3f %7.3f %6.3f%n", "all", tp, fp, fn, p, r, f));
    failures.forEach(x -> report.append("  ").append(x).append('\n'));
    System.out.println(report);

    assertThat(offsetErrors)
        .as("hits whose offsets do not give their matched text\n" + report)
        .isZero();
    assertThat(expectedTotal).as("expected hits in the test set").isGreaterThanOrEqualTo(120);
    assertThat(perLang.keySet())
        .contains(BUNDLED.toArray(new String[0]))
        .contains(FULL_SETS.toArray(new String[0]));
    for (var e : perLang.entrySet()) {
      String lang = e.getKey();
      int[] c = e.getValue();
      double lp = c[0] + c[1] == 0 ? 1 : (double) c[0] / (c[0] + c[1]);
      int expected = c[0] + c[2];
      if (BUNDLED.contains(lang)) {
        assertThat(f1.get(lang)).as("F1 in " + lang + " (bundled)\n" + report).isEqualTo(1.0);
      } else if (FULL_SETS.contains(lang) || expected >= MIN_FULL_SET) {
        assertThat(expected).as("expected hits in " + lang).isGreaterThanOrEqualTo(MIN_FULL_SET);
        assertThat(f1.get(lang)).as("F1 in " + lang + "\n" + report).isGreaterThanOrEqualTo(0.97);
        assertThat(lp).as("precision in " + lang + "\n" + report).isGreaterThanOrEqualTo(0.98);
      }
      // Smaller sets (under MIN_FULL_SET expected hits: nl sv da nb fi cs ro hu el bg hi) are
      // printed; their figures are in docs/tagging.md, with the classes still missed.
    }
  }

  /** The languages with rules before the language profiles: they stay at 1.0. */
  static final List<String> BUNDLED = List.of("en", "de", "fr", "es", "ru", "uk", "ar", "he");

  /** Languages with a full test set (at least MIN_FULL_SET expected hits) and its thresholds. */
  static final List<String> FULL_SETS =
      List.of("it", "pt", "pl", "tr", "id", "fa", "zh", "ja", "ko");

  static final int MIN_FULL_SET = 40;
}
