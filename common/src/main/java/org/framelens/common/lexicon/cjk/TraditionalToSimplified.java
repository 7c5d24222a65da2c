package org.framelens.common.lexicon.cjk;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.text.UnicodeSetIterator;

/**
 * Traditional → simplified Chinese, one character for one character, from ICU4J's {@code
 * Traditional-Simplified} transliterator.
 *
 * <p>ICU's transliterator costs about 4 µs per character warm (0.8 ms for a 200-character
 * paragraph), more than segmenting it, so it is asked once, for every character it can change, and
 * its answers kept in a table: folding a paragraph is then a table lookup per character, and the
 * folded text has the same length as the original, so every offset into it is an offset into the
 * original. Only mappings of one BMP character to one BMP character are kept (ICU has no other for
 * a single character). Lost by this: ICU's few phrase rules (著名 stays 著名 in ICU, this table gives
 * 着名); text and lexicon terms are folded by the same table, so they still agree.
 */
final class TraditionalToSimplified {
  private TraditionalToSimplified() {}

  private static final class Holder {
    static final char[] TABLE = build();
  }

  /** {@code s} with each traditional character replaced by its simplified one; same length. */
  static String fold(String s) {
    char[] table = Holder.TABLE;
    char[] out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char m = table[c];
      if (m != 0) {
        if (out == null) {
          out = s.toCharArray();
        }
        out[i] = m;
      }
    }
    return out == null ? s : new String(out);
  }

  private static char[] build() {
    Transliterator t = Transliterator.getInstance("Traditional-Simplified");
    UnicodeSet source = t.getSourceSet();
    StringBuilder all = new StringBuilder(source.size() * 2);
    int n = 0;
    for (UnicodeSetIterator it = new UnicodeSetIterator(source); it.next(); ) {
      if (it.codepoint != UnicodeSetIterator.IS_STRING && it.codepoint <= 0xFFFF) {
        all.append((char) it.codepoint).append('\n');
        n++;
      }
    }
    // one call for all characters: each call has a fixed cost; the newlines keep ICU's phrase
    // rules from joining neighbours, so each line is that character's own mapping
    String[] mapped = t.transliterate(all.toString()).split("\n", -1);
    char[] table = new char[0x10000];
    for (int i = 0; i < n && i < mapped.length; i++) {
      char from = all.charAt(2 * i);
      String to = mapped[i];
      if (to.length() == 1 && to.charAt(0) != from && !Character.isSurrogate(to.charAt(0))) {
        table[from] = to.charAt(0);
      }
    }
    return table;
  }
}
