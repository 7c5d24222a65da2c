package org.framelens.common.lexicon;

import java.lang.Character.UnicodeScript;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.framelens.common.lexicon.lang.LanguageProfile;
import org.framelens.common.lexicon.lang.LanguageProfiles;

/**
 * The lexicon compiled into one trie per language over word keys. Looking up a token costs a hash
 * lookup per key (and one step per character for wildcard words), so tagging cost does not grow
 * with the number of terms. Immutable after construction: share it between threads.
 */
public final class CompiledLexicon {
  static final class Node {
    /** Children by word key; frozen into a compact immutable map once the trie is built. */
    Map<String, Node> next = new HashMap<>(4);

    /** Wildcard words: a character trie over the normalised prefixes before the {@code *}. */
    CharNode wildcard;

    List<LexiconEntry> terminal = new ArrayList<>(1);

    /** Adds to {@code out} every node this word leads to from here. */
    void step(TokenWord.Forms w, NodeList out) {
      for (String k : w.keys) {
        Node child = next.get(k);
        if (child != null) {
          out.add(child);
        }
      }
      if (wildcard != null) {
        for (String sf : w.surfaces()) {
          wildcard.walk(sf, out);
        }
      }
    }

    /**
     * Freezes this node and every node below it. Iterative (an explicit work list, not recursion):
     * a trie is as deep as its longest term has words and wildcard characters, and the depth must
     * not be bounded by the thread's stack.
     */
    void freezeAll() {
      ArrayDeque<Object> work = new ArrayDeque<>();
      work.push(this);
      while (!work.isEmpty()) {
        Object o = work.pop();
        if (o instanceof Node n) {
          // Most nodes are leaves: an empty immutable map and list instead of a HashMap and an
          // ArrayList each keeps a large trie small.
          n.next = Map.copyOf(n.next);
          n.terminal = List.copyOf(n.terminal);
          n.next.values().forEach(work::push);
          if (n.wildcard != null) {
            work.push(n.wildcard);
          }
        } else {
          CharNode c = (CharNode) o;
          if (c.target != null) {
            work.push(c.target);
          }
          for (CharNode child : c.children) {
            work.push(child);
          }
        }
      }
    }
  }

  /**
   * One character of a wildcard prefix. Walking a token's characters down this trie finds every
   * wildcard word the token continues in time bounded by the token's length, whatever the number of
   * wildcard terms. Children are kept as sorted primitive arrays (no boxed character keys).
   */
  static final class CharNode {
    private char[] chars = new char[0];
    private CharNode[] children = new CharNode[0];

    /** The trie node reached when a prefix ends here. */
    Node target;

    CharNode child(char c) {
      int i = Arrays.binarySearch(chars, c);
      return i >= 0 ? children[i] : null;
    }

    CharNode add(char c) {
      int i = Arrays.binarySearch(chars, c);
      if (i >= 0) {
        return children[i];
      }
      int at = -i - 1;
      CharNode n = new CharNode();
      char[] cs = new char[chars.length + 1];
      CharNode[] ns = new CharNode[children.length + 1];
      System.arraycopy(chars, 0, cs, 0, at);
      System.arraycopy(children, 0, ns, 0, at);
      cs[at] = c;
      ns[at] = n;
      System.arraycopy(chars, at, cs, at + 1, chars.length - at);
      System.arraycopy(children, at, ns, at + 1, children.length - at);
      chars = cs;
      children = ns;
      return n;
    }

    /** Adds the target of every prefix of {@code s} ending a wildcard word. */
    void walk(String s, NodeList out) {
      CharNode c = this;
      for (int k = 0; k < s.length() && c != null; k++) {
        c = c.child(s.charAt(k));
        if (c != null && c.target != null) {
          out.add(c.target);
        }
      }
    }
  }

  /** A small list of distinct trie nodes (the states of a match in progress); reusable. */
  static final class NodeList {
    Node[] nodes = new Node[4];
    int size;

    void add(Node n) {
      for (int i = 0; i < size; i++) {
        if (nodes[i] == n) {
          return;
        }
      }
      if (size == nodes.length) {
        nodes = Arrays.copyOf(nodes, size * 2);
      }
      nodes[size++] = n;
    }

    void clear() {
      Arrays.fill(nodes, 0, size, null);
      size = 0;
    }

    Node[] toArray() {
      return size == 0 ? EMPTY : Arrays.copyOf(nodes, size);
    }

    static final Node[] EMPTY = new Node[0];
  }

  private final Lexicon lexicon;

  /** The entries of each language, compiled into that language's tries on first use. */
  private final Map<String, List<LexiconEntry>> entriesByLang = new HashMap<>();

  /**
   * Each language's profile and tries, built when an article (or a stretch) of that language is
   * first tagged: segmenting Chinese, Japanese and Korean terms loads their dictionaries (seconds),
   * which a run without such articles must not pay.
   */
  private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

  /**
   * One language's part of the lexicon. Entity rows live in a trie of their own: they are matched
   * independently of frame terms.
   */
  private record Compiled(LanguageProfile profile, Node root, Node entityRoot) {}

  /** The languages with terms by script: a run in another script can match nothing. */
  private final Map<UnicodeScript, List<String>> languagesByScript =
      new EnumMap<>(UnicodeScript.class);

  public CompiledLexicon(Lexicon lexicon) {
    this.lexicon = lexicon;
    for (LexiconEntry e : lexicon.entries()) {
      entriesByLang.computeIfAbsent(e.lang(), l -> new ArrayList<>()).add(e);
    }
    for (String lang : lexicon.languages()) {
      UnicodeScript s = Scripts.scriptOf(lang);
      if (s != null) {
        languagesByScript.computeIfAbsent(s, k -> new ArrayList<>()).add(lang);
      }
    }
  }

  /**
   * This lexicon's part for {@code lang}, compiled on first use; null for a language without terms.
   */
  private Compiled compiled(String lang) {
    if (lang == null || !entriesByLang.containsKey(lang)) {
      return null;
    }
    return compiled.computeIfAbsent(lang, l -> compile(entriesByLang.get(l), l));
  }

  private static Compiled compile(List<LexiconEntry> entries, String lang) {
    List<String> vocabulary = new ArrayList<>();
    for (LexiconEntry e : entries) {
      vocabulary.add(e.term());
    }
    LanguageProfile profile = LanguageProfiles.of(lang).forVocabulary(vocabulary);
    Node root = null;
    Node entityRoot = null;
    for (LexiconEntry e : entries) {
      Node target;
      if (Lexicon.isEntity(e.frame())) {
        target = entityRoot = entityRoot == null ? new Node() : entityRoot;
      } else {
        target = root = root == null ? new Node() : root;
      }
      for (String term : profile.termVariants(e.term())) {
        add(target, e, term, profile);
      }
    }
    if (root != null) {
      root.freezeAll();
    }
    if (entityRoot != null) {
      entityRoot.freezeAll();
    }
    return new Compiled(profile, root, entityRoot);
  }

  /** Whether {@code lang}'s part has been compiled (tests). */
  boolean isCompiled(String lang) {
    return compiled.containsKey(lang);
  }

  /** Compiles every language's part now (validation: `lexicon check`, tests). */
  public CompiledLexicon compileAll() {
    for (String lang : entriesByLang.keySet()) {
      compiled(lang);
    }
    return this;
  }

  /** Adds one spelling of an entry's term below its language's root. */
  private static void add(Node root, LexiconEntry e, String term, LanguageProfile profile) {
    Node node = root;
    List<String> path = term.indexOf('*') < 0 ? profile.termPath(term) : null;
    if (path != null) {
      for (String key : path) {
        node = node.next.computeIfAbsent(key, k -> new Node());
      }
      node.terminal.add(e);
      return;
    }
    for (String word : termWords(term, profile)) {
      String normalized = profile.normalize(word);
      if (normalized.endsWith("*")) {
        String prefix = profile.wildcardPrefix(normalized.substring(0, normalized.length() - 1));
        if (node.wildcard == null) {
          node.wildcard = new CharNode();
        }
        CharNode c = node.wildcard;
        for (int i = 0; i < prefix.length(); i++) {
          c = c.add(prefix.charAt(i));
        }
        if (c.target == null) {
          c.target = new Node();
        }
        node = c.target;
      } else {
        node = node.next.computeIfAbsent(profile.termKey(normalized), k -> new Node());
      }
    }
    if (!node.terminal.contains(e)) {
      node.terminal.add(e);
    }
  }

  /**
   * The profile of {@code lang} as this lexicon uses it (bound to its terms where a segmenter needs
   * them as vocabulary).
   */
  public LanguageProfile profile(String lang) {
    Compiled c = compiled(lang);
    return c != null ? c.profile() : LanguageProfiles.of(lang);
  }

  /** A term's words as the text tokenizer would split them (hyphens and spaces separate words). */
  static List<String> termWords(String term) {
    List<String> words = new ArrayList<>();
    for (String w : TextTokens.words(term)) {
      words.add(w);
    }
    return words;
  }

  /** A term's words as the text tokenizer of its language's profile splits them. */
  static List<String> termWords(String term, LanguageProfile profile) {
    return TextTokens.words(term, profile.newSplitter(new TextTokens()));
  }

  public Lexicon lexicon() {
    return lexicon;
  }

  Node root(String lang) {
    Compiled c = compiled(lang);
    return c == null ? null : c.root();
  }

  Node entityRoot(String lang) {
    Compiled c = compiled(lang);
    return c == null ? null : c.entityRoot();
  }

  /** The languages with terms written in {@code script}. */
  List<String> languagesIn(UnicodeScript script) {
    return languagesByScript.getOrDefault(script, List.of());
  }
}
