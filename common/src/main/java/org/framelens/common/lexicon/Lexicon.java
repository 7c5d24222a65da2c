package org.framelens.common.lexicon;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.framelens.common.lang.LanguageDetection;

/**
 * The researcher's lexicon: a UTF-8 TSV with header {@code frame<TAB>lang<TAB>term} and optional
 * further columns, {@code #} comment lines. Parsing validates the whole file and reports every
 * problem with its line number.
 */
public final class Lexicon {
  /**
   * Longest term accepted, in words (as the tagger splits them) and in characters. The longest
   * bundled term has 4 words and 55 characters; a named phrase of a dozen words is already longer
   * than anything a coder marks as one hit. The limits keep a mistyped row (a paragraph pasted into
   * the term column) from making one deep trie branch and one match per word of it.
   */
  public static final int MAX_TERM_WORDS = 12;

  public static final int MAX_TERM_CHARS = 200;

  public static final String DEFAULT_RESOURCE = "/framelens/default-lexicon.tsv";

  private final List<LexiconEntry> entries;
  private final String version;

  private Lexicon(List<LexiconEntry> entries, String version) {
    this.entries = List.copyOf(entries);
    this.version = version;
  }

  /**
   * A lexicon of entries that were not read from a file (no validation): for tests of the compiled
   * trie with terms that validation would refuse.
   */
  static Lexicon of(List<LexiconEntry> entries) {
    return new Lexicon(entries, "unvalidated");
  }

  public List<LexiconEntry> entries() {
    return entries;
  }

  /** Content hash of the file: {@code sha256:} and the first 16 hex digits. */
  public String version() {
    return version;
  }

  /** Prefix of the rows that name entities (actors, places) rather than frames. */
  public static final String ENTITY_PREFIX = "entity:";

  public static boolean isEntity(String frame) {
    return frame.startsWith(ENTITY_PREFIX);
  }

  /** The frames, without entity rows. */
  public Set<String> frames() {
    Set<String> frames = new TreeSet<>();
    entries.stream().filter(e -> !isEntity(e.frame())).forEach(e -> frames.add(e.frame()));
    return frames;
  }

  public Set<String> languages() {
    Set<String> langs = new TreeSet<>();
    entries.forEach(e -> langs.add(e.lang()));
    return langs;
  }

  public static String defaultText() {
    try (InputStream in = Lexicon.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "default lexicon missing from the jar: " + DEFAULT_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Lexicon parse(String text, String source) {
    List<String> problems = new ArrayList<>();
    List<LexiconEntry> entries = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    String[] lines = text.split("\r?\n", -1);
    int columns = -1;
    int frameCol = -1;
    int langCol = -1;
    int termCol = -1;
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (columns < 0) {
        List<String> header = new ArrayList<>();
        for (String c : cells) {
          header.add(c.strip().toLowerCase(Locale.ROOT));
        }
        frameCol = header.indexOf("frame");
        langCol = header.indexOf("lang");
        termCol = header.indexOf("term");
        if (frameCol != 0 || langCol != 1 || termCol != 2) {
          problems.add(
              "line "
                  + lineNo
                  + ": header must start with frame<TAB>lang<TAB>term, got '"
                  + line
                  + "'");
          break;
        }
        columns = cells.length;
        continue;
      }
      if (cells.length != columns) {
        problems.add(
            "line "
                + lineNo
                + ": expected "
                + columns
                + " tab-separated columns, found "
                + cells.length);
        continue;
      }
      String frame = cells[frameCol].strip();
      String lang = cells[langCol].strip().toLowerCase(Locale.ROOT);
      String term = cells[termCol].strip().replaceAll("\\s+", " ");
      boolean ok = true;
      if (frame.isEmpty()) {
        problems.add("line " + lineNo + ": empty frame");
        ok = false;
      } else if (!frame.matches("(entity:)?[\\p{L}\\p{N}_\\-]+")) {
        problems.add(
            "line " + lineNo + ": frame '" + frame + "' may only contain letters, digits, _ and -");
        ok = false;
      }
      if (!LanguageDetection.isKnownIsoCode(lang) || lang.length() != 2) {
        problems.add(
            "line "
                + lineNo
                + ": unknown language '"
                + cells[langCol].strip()
                + "' (want ISO 639-1, e.g. en)");
        ok = false;
      }
      if (term.isEmpty()) {
        problems.add("line " + lineNo + ": empty term");
        ok = false;
      } else if (term.length() > MAX_TERM_CHARS
          || CompiledLexicon.termWords(term).size() > MAX_TERM_WORDS) {
        int words = CompiledLexicon.termWords(term).size();
        problems.add(
            "line "
                + lineNo
                + ": term too long ("
                + (words > MAX_TERM_WORDS ? words + " words" : term.length() + " characters")
                + "; at most "
                + MAX_TERM_WORDS
                + " words and "
                + MAX_TERM_CHARS
                + " characters)");
        ok = false;
      } else {
        for (String word : term.split(" ")) {
          int star = word.indexOf('*');
          if (star >= 0 && (star != word.length() - 1 || star == 0)) {
            problems.add("line " + lineNo + ": '*' may only end a word, in '" + term + "'");
            ok = false;
            break;
          }
        }
      }
      if (!ok) {
        continue;
      }
      String key = frame + "\t" + lang + "\t" + term.toLowerCase(Locale.ROOT);
      Integer first = seen.putIfAbsent(key, lineNo);
      if (first != null) {
        problems.add(
            "line "
                + lineNo
                + ": duplicate of line "
                + first
                + " ("
                + frame
                + ", "
                + lang
                + ", "
                + term
                + ")");
        continue;
      }
      entries.add(new LexiconEntry(frame, lang, term, lineNo));
    }
    if (columns < 0 && problems.isEmpty()) {
      problems.add("line 1: no header (want frame<TAB>lang<TAB>term)");
    }
    if (problems.isEmpty() && entries.isEmpty()) {
      problems.add("no terms");
    }
    if (!problems.isEmpty()) {
      throw new InvalidLexiconException(source, problems);
    }
    String version =
        "sha256:"
            + Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString().substring(0, 16);
    return new Lexicon(entries, version);
  }

  /** Languages with at least one term, in file order. */
  public List<String> languagesInOrder() {
    return new ArrayList<>(new LinkedHashSet<>(entries.stream().map(LexiconEntry::lang).toList()));
  }
}
