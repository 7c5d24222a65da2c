package org.framelens.common.lexicon.cjk;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.KoreanTokenizer.DecompoundMode;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.dict.Dictionary.Morpheme;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Korean words by Lucene nori's {@link KoreanTokenizer} (mecab-ko-dic morphological analysis), with
 * the part of speech of each morpheme deciding what is a word.
 *
 * <ul>
 *   <li>Particles (J), endings (E), the copula (VCP), the verb and adjective suffixes 하/되/시키 (XSV,
 *       XSA), auxiliary verbs (VX) and the plural 들 are not words: written attached to a word they
 *       extend its {@code end} (하마스가 → surface 하마스가, key 하마스; 인질들을 → 인질들을, key 인질; 석방했다 → key 석방),
 *       written alone they are left out.
 *   <li>A word with a particle, ending or copula attached {@link SegmentedWord#endsPhrase ends a
 *       phrase}: a term of several words may end there but not go on (인질들을 석방하라는 is no match for
 *       the compound 인질 석방; 인질석방을 and 인질 석방을 are).
 *   <li>Other noun suffixes (XSN: 적, 화, 성 …) make a different word and stay in the key: 인도적
 *       (humanitarian) is not 인도 (India).
 *   <li>An inflected verb or adjective is keyed by its stem (풀려났다 → 풀려나, as the lexicon's 풀려나다).
 *   <li>Decompounding: {@link DecompoundMode#NONE}. A compound the dictionary holds (인질범
 *       hostage-taker, 수감자, 민간인) stays one word, so a term 인질 (hostage) does not match inside 인질범;
 *       compounds the dictionary does not hold are split by the analysis itself, so a solid 인질석방을
 *       gives the words 인질 (0–2) and 석방을 (2–5) and the same key path as the spaced 인질 석방을. A
 *       dictionary compound written spaced (rare in news) does not match it written solid.
 *   <li>Keys: NFKC, lower case. Punctuation and symbols are left out.
 * </ul>
 */
final class KoreanSegmenter implements WordSegmenter {
  private final DecompoundMode mode;

  /** One tokenizer per thread: Lucene tokenizers are not thread-safe. */
  private final ThreadLocal<Chain> chains;

  KoreanSegmenter() {
    this(DecompoundMode.NONE);
  }

  /** With another decompounding mode: for tests that show why NONE. */
  KoreanSegmenter(DecompoundMode mode) {
    this.mode = mode;
    this.chains = ThreadLocal.withInitial(() -> new Chain(mode));
  }

  @Override
  public List<SegmentedWord> segment(String paragraph) {
    return chains.get().segment(paragraph);
  }

  private enum Role {
    /** A word of its own. */
    WORD,
    /** Extends the word it is attached to, key unchanged. */
    ATTACHED,
    /** Extends the word it is attached to and its key (a derivational noun suffix). */
    SUFFIX,
    /** Punctuation, symbols. */
    SKIP
  }

  private static final class Chain {
    final KoreanTokenizer tokenizer;
    final TokenStream stream;
    final CharTermAttribute term;
    final OffsetAttribute offset;
    final PartOfSpeechAttribute pos;

    Chain(DecompoundMode mode) {
      // discardPunctuation false: nori's test reads a supplementary character (a CJK Ext-B hanja)
      // as punctuation and drops it; symbols are left out by their part of speech instead
      tokenizer =
          new KoreanTokenizer(
              TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, null, mode, false, false);
      stream = tokenizer;
      term = stream.addAttribute(CharTermAttribute.class);
      offset = stream.addAttribute(OffsetAttribute.class);
      pos = stream.addAttribute(PartOfSpeechAttribute.class);
    }

    List<SegmentedWord> segment(String paragraph) {
      List<SegmentedWord> words = new ArrayList<>();
      // the word being built: attached morphemes extend it until a space or another word
      int start = -1;
      int end = -1;
      boolean inflected = false; // a particle, ending or copula attached: the phrase ends here
      StringBuilder key = new StringBuilder();
      try {
        tokenizer.setReader(new StringReader(paragraph));
        stream.reset();
        while (stream.incrementToken()) {
          int s = offset.startOffset();
          int e = offset.endOffset();
          Role role = CjkKeys.hasLetterOrDigit(term) ? role(pos.getLeftPOS(), term) : Role.SKIP;
          if (role == Role.SKIP) {
            continue;
          }
          boolean joined = start >= 0 && !hasSpace(paragraph, end, s);
          if (role == Role.WORD || !joined) {
            if (start >= 0) {
              words.add(word(paragraph, start, end, key, inflected));
              start = -1;
            }
            if (role != Role.WORD) {
              continue; // a particle or ending written alone
            }
            start = s;
            end = e;
            inflected = pos.getPOSType() == POS.Type.INFLECT;
            key.setLength(0);
            key.append(stem());
          } else {
            end = Math.max(end, e);
            if (role == Role.SUFFIX) {
              key.append(term);
            }
            inflected |= endsPhrase(pos.getLeftPOS()) || pos.getPOSType() == POS.Type.INFLECT;
          }
        }
        if (start >= 0) {
          words.add(word(paragraph, start, end, key, inflected));
        }
        stream.end();
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      } finally {
        try {
          stream.close();
        } catch (IOException ex) {
          // closing a StringReader cannot fail
        }
      }
      return words;
    }

    /** The token's own part: the stem of an inflected form (풀려났 = 풀려나 + 았), else the token text. */
    private String stem() {
      Morpheme[] morphemes = pos.getMorphemes();
      if (pos.getPOSType() != POS.Type.COMPOUND && morphemes != null && morphemes.length > 0) {
        return morphemes[0].surfaceForm;
      }
      return term.toString();
    }

    private static SegmentedWord word(
        String paragraph, int start, int end, CharSequence key, boolean endsPhrase) {
      return new SegmentedWord(
          paragraph.substring(start, end),
          start,
          end,
          List.of(CjkKeys.normalize(key.toString())),
          endsPhrase);
    }

    /**
     * Particles, endings and the copula make the word a phrase of its own: a compound term does not
     * go on past them (인질들을 석방). The plural 들 and the suffixes 하/되 do not (인질들 석방 is rare, and a
     * verb suffix comes with an ending anyway).
     */
    private static boolean endsPhrase(POS.Tag tag) {
      return tag == POS.Tag.J || tag == POS.Tag.E || tag == POS.Tag.VCP;
    }

    private static boolean hasSpace(String paragraph, int from, int to) {
      for (int i = from; i < to; i++) {
        if (!Character.isLetterOrDigit(paragraph.charAt(i))) {
          return true; // a space, or punctuation between the two tokens
        }
      }
      return false;
    }

    private static Role role(POS.Tag tag, CharSequence text) {
      if (tag == null) {
        return Role.WORD;
      }
      return switch (tag) {
        case J, E, VCP, XSV, XSA, VX -> Role.ATTACHED;
        case XSN -> text.toString().equals("들") ? Role.ATTACHED : Role.SUFFIX;
        case SF, SP, SSO, SSC, SC, SE -> Role.SKIP; // SY with a letter: a supplementary hanja
        default -> Role.WORD;
      };
    }
  }
}
