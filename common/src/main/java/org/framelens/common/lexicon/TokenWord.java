package org.framelens.common.lexicon;

import java.lang.Character.UnicodeScript;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.framelens.common.lexicon.CompiledLexicon.Node;
import org.framelens.common.lexicon.CompiledLexicon.NodeList;
import org.framelens.common.lexicon.lang.LanguageProfile;
import org.framelens.common.lexicon.lang.LanguageProfiles;

/**
 * What one token text means for matching: its script, its normalised form and, per language, its
 * keys, its wildcard surfaces and the trie nodes it starts. All of it depends only on the text (and
 * the language and lexicon), so a tagger keeps these in a {@link Cache} and normalises and stems
 * each distinct word once instead of at every occurrence.
 */
final class TokenWord {
  final String text;
  final UnicodeScript script;
  private String normalized;
  private Forms forms; // one per language the word was read in, usually one

  /** Keys a segmenter gave the word in its context, for language presetLang (else null). */
  private final String presetLang;

  private final List<String> presetKeys;

  private TokenWord(String text, String presetLang, List<String> presetKeys) {
    this.text = text;
    this.script = Scripts.scriptOfToken(text);
    this.presetLang = presetLang;
    this.presetKeys = presetKeys;
  }

  String normalized() {
    if (normalized == null) {
      normalized = WordForms.normalize(text);
    }
    return normalized;
  }

  Forms forms(String lang) {
    for (Forms f = forms; f != null; f = f.next) {
      if (f.lang.equals(lang)) {
        return f;
      }
    }
    Forms f = new Forms(lang, this, forms);
    forms = f;
    return f;
  }

  /** The word read in one language. */
  static final class Forms {
    final String lang;
    final String[] keys;
    private final LanguageProfile profile;
    private final String normalized;
    private final Forms next;
    private String[] surfaces;
    private Node[] frameStarts;
    private Node[] entityStarts;

    private Forms(String lang, TokenWord word, Forms next) {
      this.lang = lang;
      this.next = next;
      this.profile = LanguageProfiles.of(lang);
      if (lang.equals(word.presetLang)) {
        this.normalized = word.presetKeys.get(0);
        this.keys = word.presetKeys.toArray(new String[0]);
        return;
      }
      this.normalized =
          profile.commonNormalization() ? word.normalized() : profile.normalize(word.text);
      List<String> k = profile.textKeys(normalized);
      this.keys = k.toArray(new String[0]);
    }

    /** Surface forms a wildcard prefix is tested against; worked out on first use. */
    String[] surfaces() {
      if (surfaces == null) {
        surfaces = profile.surfaces(normalized).toArray(new String[0]);
      }
      return surfaces;
    }

    /**
     * The nodes this word reaches from a language's root (frames or entities): most words reach
     * none, and then a token costs one cache lookup whatever the lexicon's size.
     */
    Node[] starts(Node root, boolean entity, NodeList scratch) {
      Node[] s = entity ? entityStarts : frameStarts;
      if (s == null) {
        scratch.clear();
        root.step(this, scratch);
        s = scratch.toArray();
        scratch.clear();
        if (entity) {
          entityStarts = s;
        } else {
          frameStarts = s;
        }
      }
      return s;
    }
  }

  /**
   * A tagger's words by token text. Bounded: when full it is emptied and refills with the words in
   * use (news vocabulary repeats, so a few ten thousand words cover most tokens). Not thread-safe;
   * belongs to one tagger, which belongs to one thread and one lexicon (the trie nodes it holds are
   * that lexicon's).
   */
  static final class Cache {
    static final int MAX_WORDS = 50_000;
    private final Map<String, TokenWord> words = new HashMap<>(1 << 12);

    TokenWord get(String text) {
      TokenWord w = words.get(text);
      if (w == null) {
        if (words.size() >= MAX_WORDS) {
          words.clear();
        }
        w = new TokenWord(text, null, null);
        words.put(text, w);
      }
      return w;
    }

    /**
     * A word whose keys in {@code lang} a segmenter gave; cached by text and keys (the same surface
     * may be read with other keys in another context).
     */
    TokenWord get(String text, String lang, List<String> keys) {
      String id = text + '\u0000' + lang + '\u0000' + String.join("\u0000", keys);
      TokenWord w = words.get(id);
      if (w == null) {
        if (words.size() >= MAX_WORDS) {
          words.clear();
        }
        w = new TokenWord(text, lang, keys);
        words.put(id, w);
      }
      return w;
    }
  }
}
