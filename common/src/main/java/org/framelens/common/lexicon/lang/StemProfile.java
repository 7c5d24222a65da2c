package org.framelens.common.lexicon.lang;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.CharArraySet;
import org.framelens.common.lexicon.WordForms;
import org.tartarus.snowball.SnowballStemmer;

/**
 * A language whose key is one stemmer's output for the (normalised) word: a Lucene light stemmer
 * where Lucene has one, else its Snowball program. Over-folding guard: a stem shorter than {@code
 * minKey} characters is not used (the word itself is the key), because short stems are where
 * unrelated words meet.
 */
class StemProfile implements LanguageProfile {
  private final String lang;
  private final UnaryOperator<String> stemmer;
  private final int minKey;
  private final Supplier<Set<String>> stopwords;

  StemProfile(String lang, UnaryOperator<String> stemmer, int minKey, Supplier<CharArraySet> stop) {
    this.lang = lang;
    this.stemmer = stemmer;
    this.minKey = minKey;
    this.stopwords = memo(() -> normalized(stop.get()));
  }

  @Override
  public String lang() {
    return lang;
  }

  /** The word after language-specific clitic or elision handling, before stemming. */
  String base(String normalizedWord) {
    return normalizedWord;
  }

  final String key(String normalizedWord) {
    String b = base(normalizedWord);
    String s = stemmer.apply(b);
    return s.length() < minKey ? b : s;
  }

  @Override
  public String termKey(String normalizedWord) {
    return key(normalizedWord);
  }

  @Override
  public List<String> textKeys(String normalizedToken) {
    return List.of(key(normalizedToken));
  }

  @Override
  public List<String> surfaces(String normalizedToken) {
    return List.of(base(normalizedToken));
  }

  @Override
  public String wildcardPrefix(String normalizedPrefix) {
    return base(normalizedPrefix);
  }

  @Override
  public Set<String> stopwords() {
    return stopwords.get();
  }

  interface CharStemmer {
    int stem(char[] s, int len);
  }

  /** A Lucene light/minimal stemmer (stateless: shared). */
  static UnaryOperator<String> light(CharStemmer s) {
    return w -> {
      char[] c = w.toCharArray();
      return new String(c, 0, s.stem(c, c.length));
    };
  }

  /**
   * A Snowball program. Snowball stemmers keep the word being stemmed in the instance, so one is
   * kept per thread.
   */
  static UnaryOperator<String> snowball(Supplier<SnowballStemmer> program) {
    ThreadLocal<SnowballStemmer> local = ThreadLocal.withInitial(program);
    return w -> {
      SnowballStemmer p = local.get();
      p.setCurrent(w);
      p.stem();
      return p.getCurrent();
    };
  }

  static Set<String> normalized(CharArraySet set) {
    Set<String> out = new HashSet<>();
    for (Object o : set) {
      out.add(WordForms.normalize(o instanceof char[] c ? new String(c) : o.toString()));
    }
    return Set.copyOf(out);
  }

  static <T> Supplier<T> memo(Supplier<T> s) {
    return new Supplier<>() {
      private volatile T value;

      @Override
      public T get() {
        T v = value;
        if (v == null) {
          v = s.get();
          value = v;
        }
        return v;
      }
    };
  }
}
