package org.framelens.common.lexicon;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.List;
import org.framelens.common.lexicon.lang.LanguageProfile;
import org.framelens.common.lexicon.lang.LanguageProfiles;

/**
 * Lexicon rows that are valid but will not match as the researcher wrote them, each with its line
 * number: a term in a language without rules (matched only as written), a one-word term whose key
 * collapses onto a very common word (a key shorter than {@link #MIN_KEY} characters, or a stopword
 * of its language from Lucene's stopword sets), a Chinese, Japanese or Korean term of one character
 * (found inside many unrelated words). Printed by {@code lexicon check} and at the start of a run;
 * they do not stop anything.
 */
public final class LexiconWarnings {
  private LexiconWarnings() {}

  static final int MIN_KEY = 3;

  public static List<String> of(Lexicon lexicon) {
    List<String> out = new ArrayList<>();
    for (LexiconEntry e : lexicon.entries()) {
      String where = "line " + e.line() + ": warning: " + e.lang() + " '" + e.term() + "': ";
      LanguageProfile p = LanguageProfiles.of(e.lang());
      if (!p.hasRules()) {
        out.add(
            where
                + "no language profile for '"
                + e.lang()
                + "': matched only as written (normalised surface form; add * for endings)");
        continue;
      }
      String term = e.term();
      if (isCjk(term)) {
        if (term.codePointCount(0, term.length()) == 1) {
          out.add(where + "a term of one character is found inside many unrelated words");
        }
        continue;
      }
      List<String> words = CompiledLexicon.termWords(term);
      if (words.size() != 1 || words.get(0).endsWith("*")) {
        continue;
      }
      String normalized = p.normalize(words.get(0));
      String key = p.termKey(normalized);
      if (p.stopwords().contains(normalized) || p.stopwords().contains(key)) {
        out.add(where + "it is a stopword of " + e.lang() + " (a very common word)");
      } else if (key.codePointCount(0, key.length()) < minKey(e.lang())) {
        out.add(
            where
                + "its key '"
                + key
                + "' has fewer than "
                + minKey(e.lang())
                + " characters and matches many words");
      }
    }
    return out;
  }

  /**
   * Scripts that write short vowels as marks or not at all (Arabic, Hebrew, Devanagari) have real
   * two-letter keys (Hindi रफ़ा, Rafah, is रफ): there the threshold is two.
   */
  static int minKey(String lang) {
    UnicodeScript s = Scripts.scriptOf(lang);
    return s == UnicodeScript.ARABIC || s == UnicodeScript.HEBREW || s == UnicodeScript.DEVANAGARI
        ? 2
        : MIN_KEY;
  }

  private static boolean isCjk(String term) {
    for (int i = 0; i < term.length(); ) {
      int cp = term.codePointAt(i);
      if (Character.isLetter(cp)) {
        UnicodeScript s = UnicodeScript.of(cp);
        return s == UnicodeScript.HAN
            || s == UnicodeScript.HIRAGANA
            || s == UnicodeScript.KATAKANA
            || s == UnicodeScript.HANGUL;
      }
      i += Character.charCount(cp);
    }
    return false;
  }
}
