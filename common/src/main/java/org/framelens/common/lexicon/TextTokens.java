package org.framelens.common.lexicon;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.framelens.common.lexicon.lang.WordSplitter;
import org.framelens.common.lexicon.lang.WordToken;

/**
 * Word tokens with their character offsets, by Lucene's StandardTokenizer (Unicode UAX#29 word
 * boundaries: keeps "l'otage" and Hebrew צה"ל whole, splits at hyphens). A lexicon term's {@code *}
 * is kept on its word. Not thread-safe.
 *
 * <p>Invisible format characters (Unicode category Cf: zero-width space, ZWNJ, directional marks
 * and embeddings, word joiner, BOM, Arabic letter mark, soft hyphen ...) are removed before
 * tokenising, by Lucene's {@link MappingCharFilter}, so a zero-width space inside a word does not
 * split it and a mark after a word is not part of it; the filter's offset correction keeps every
 * offset pointing into the original text, and a token's offsets never start or end on a format
 * character. Text and lexicon terms go through the same filter. The zero-width joiner is left to
 * the tokenizer (UAX#29 never breaks a word at it, and it keeps an emoji ZWJ sequence one token);
 * {@link WordForms#normalize} drops it from the word.
 */
final class TextTokens implements WordSplitter {

  /** Every format character but the ZWJ removed; U+202F read as a space. */
  private static final NormalizeCharMap FORMAT_CHARS = formatCharMap();

  private final StandardTokenizer tokenizer = new StandardTokenizer();
  private final CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);

  @Override
  public List<WordToken> tokenize(String text) {
    List<WordToken> tokens = new ArrayList<>();
    boolean format = containsFormatChar(text);
    try {
      Reader reader;
      if (format) {
        reader = new MappingCharFilter(FORMAT_CHARS, new StringReader(text));
      } else {
        // UAX#29 joins U+202F (narrow no-break space, French « » spacing) to the word before it;
        // as a space of the same length it keeps every offset.
        reader = new StringReader(text.replace('\u202F', ' '));
      }
      tokenizer.setReader(reader);
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        int start = offset.startOffset();
        int end = offset.endOffset();
        if (format) {
          // the offset correction gives a character removed at a token's edge to the token
          while (start < end && isFormatChar(text.charAt(start))) {
            start++;
          }
        }
        while (end > start && isFormatChar(text.charAt(end - 1))) {
          end--; // also a ZWJ the tokenizer kept at the end of a word
        }
        tokens.add(new WordToken(term.toString(), start, end));
      }
      tokenizer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        tokenizer.close();
      } catch (IOException e) {
        // closing a StringReader cannot fail
      }
    }
    return tokens;
  }

  /** The words of a lexicon term, each with a trailing {@code *} kept where the term has one. */
  static List<String> words(String term) {
    return words(term, new TextTokens());
  }

  /** As {@link #words(String)}, split by a language's splitter. */
  static List<String> words(String term, WordSplitter splitter) {
    List<String> words = new ArrayList<>();
    for (WordToken tok : splitter.tokenize(term)) {
      boolean star = tok.end() < term.length() && term.charAt(tok.end()) == '*';
      words.add(star ? tok.text() + "*" : tok.text());
    }
    return words;
  }

  /**
   * Whether {@code c} is an invisible format character (Cf). Checked on every character of every
   * paragraph, so only the blocks that hold format characters (Latin-1's soft hyphen; Arabic and
   * Syriac U+0600–U+08E2; U+180E; General Punctuation U+200B–U+206F; U+FEFF and U+FFF9–U+FFFB) ask
   * the character table: Latin, Cyrillic, Hebrew and CJK text answer with two or three compares.
   */
  static boolean isFormatChar(char c) {
    if (c < '\u0600') {
      return c == '\u00AD';
    }
    if (c < '\u2000') {
      return (c <= '\u08E2' || c == '\u180E') && Character.getType(c) == Character.FORMAT;
    }
    if (c < '\uD800') {
      return c <= '\u206F' && Character.getType(c) == Character.FORMAT;
    }
    return c >= '\uFEFF' && Character.getType(c) == Character.FORMAT;
  }

  /**
   * Fast path: most paragraphs have no format character (other than a ZWJ), and are tokenised
   * unfiltered. Supplementary format characters (emoji tag characters, Egyptian and musical format
   * controls) count too.
   */
  static boolean containsFormatChar(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '\u00AD') {
        continue;
      }
      if (Character.isHighSurrogate(c)) {
        if (Character.getType(text.codePointAt(i)) == Character.FORMAT) {
          return true;
        }
      } else if (c != '\u200D' && isFormatChar(c)) {
        return true;
      }
    }
    return false;
  }

  private static NormalizeCharMap formatCharMap() {
    NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (cp != 0x200D && Character.getType(cp) == Character.FORMAT) {
        b.add(new String(Character.toChars(cp)), "");
      }
    }
    b.add("\u202F", " ");
    return b.build();
  }
}
