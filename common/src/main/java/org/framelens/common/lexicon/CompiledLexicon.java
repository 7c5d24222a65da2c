package org.framelens.common.lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lexicon compiled into one trie per language over word keys. Looking up a token costs a hash
 * lookup per key (and one per prefix length for wildcard words), so tagging cost does not grow with
 * the number of terms. Immutable after construction: share it between threads.
 */
public final class CompiledLexicon {
  static final class Node {
    final Map<String, Node> next = new HashMap<>();

    /** Wildcard words: a character trie over the normalised prefixes before the {@code *}. */
    CharNode wildcard;

    final List<LexiconEntry> terminal = new ArrayList<>(1);
  }

  /**
   * One character of a wildcard prefix. Walking a token's characters down this trie finds every
   * wildcard word the token continues in time bounded by the token's length, whatever the number of
   * wildcard terms.
   */
  static final class CharNode {
    final Map<Character, CharNode> children = new HashMap<>(4);

    /** The trie node reached when a prefix ends here. */
    Node target;
  }

  private final Lexicon lexicon;
  private final Map<String, Node> roots = new HashMap<>();

  /** Entity rows live in tries of their own: they are matched independently of frame terms. */
  private final Map<String, Node> entityRoots = new HashMap<>();

  public CompiledLexicon(Lexicon lexicon) {
    this.lexicon = lexicon;
    for (LexiconEntry e : lexicon.entries()) {
      Map<String, Node> target = Lexicon.isEntity(e.frame()) ? entityRoots : roots;
      Node node = target.computeIfAbsent(e.lang(), l -> new Node());
      for (String word : termWords(e.term())) {
        String normalized = WordForms.normalize(word);
        if (normalized.endsWith("*")) {
          String prefix =
              WordForms.wildcardPrefix(e.lang(), normalized.substring(0, normalized.length() - 1));
          if (node.wildcard == null) {
            node.wildcard = new CharNode();
          }
          CharNode c = node.wildcard;
          for (int i = 0; i < prefix.length(); i++) {
            c = c.children.computeIfAbsent(prefix.charAt(i), k -> new CharNode());
          }
          if (c.target == null) {
            c.target = new Node();
          }
          node = c.target;
        } else {
          node =
              node.next.computeIfAbsent(WordForms.termKey(e.lang(), normalized), k -> new Node());
        }
      }
      node.terminal.add(e);
    }
  }

  /** A term's words as the text tokenizer would split them (hyphens and spaces separate words). */
  static List<String> termWords(String term) {
    List<String> words = new ArrayList<>();
    for (String w : TextTokens.words(term)) {
      words.add(w);
    }
    return words;
  }

  public Lexicon lexicon() {
    return lexicon;
  }

  Node root(String lang) {
    return roots.get(lang);
  }

  Node entityRoot(String lang) {
    return entityRoots.get(lang);
  }
}
