package org.framelens.common.lexicon;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Word tokens with their character offsets, by Lucene's StandardTokenizer (Unicode UAX#29 word
 * boundaries: keeps "l'otage" and Hebrew צה"ל whole, splits at hyphens). A lexicon term's {@code *}
 * is kept on its word. Not thread-safe.
 */
final class TextTokens {
  record Token(String text, int start, int end) {}

  private final StandardTokenizer tokenizer = new StandardTokenizer();
  private final CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);

  List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    try {
      // UAX#29 joins U+202F (narrow no-break space, French « » spacing) to the word before it;
      // as a space of the same length it keeps every offset.
      tokenizer.setReader(new StringReader(text.replace('\u202F', ' ')));
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
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
    TextTokens t = new TextTokens();
    List<String> words = new ArrayList<>();
    for (Token tok : t.tokenize(term)) {
      boolean star = tok.end() < term.length() && term.charAt(tok.end()) == '*';
      words.add(star ? tok.text() + "*" : tok.text());
    }
    return words;
  }
}
