package org.framelens.jobs.compare;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The stories of a run: articles sharing at least {@value #MIN_SHARED_ENTITIES} entity mentions and
 * published at most {@value #WINDOW_DAYS} days apart are linked, and a story is a connected group
 * of linked articles, named by its smallest article id. Both ways of grouping find the links their
 * own way and join them here, on the driver, with a union-find: the links are few (articles that
 * share two entities within days), and one pass beats Spark's iterative label propagation.
 */
final class StoryLinks {
  /** Articles sharing at least this many entities ... */
  static final int MIN_SHARED_ENTITIES = 2;

  /** ... published at most this many days apart belong to one story. */
  static final int WINDOW_DAYS = 2;

  /** Each linked article's parent in its story's tree; a story's root is its own parent. */
  private final Map<String, String> parent = new HashMap<>();

  /** Puts two linked articles into one story. */
  void link(String a, String b) {
    parent.putIfAbsent(a, a);
    parent.putIfAbsent(b, b);
    String ra = storyOf(a);
    String rb = storyOf(b);
    if (!ra.equals(rb)) {
      // the smaller root stays the root: a story's id is its smallest article id
      if (ra.compareTo(rb) < 0) {
        parent.put(rb, ra);
      } else {
        parent.put(ra, rb);
      }
    }
  }

  /** The story id of a linked article. */
  String storyOf(String article) {
    String root = article;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    String x = article;
    while (!parent.get(x).equals(root)) {
      String next = parent.get(x);
      parent.put(x, root);
      x = next;
    }
    return root;
  }

  /** Whether an article belongs to a story. */
  boolean isLinked(String article) {
    return parent.containsKey(article);
  }

  /**
   * The articles that belong to a story. {@link #storyOf} may be called while iterating: it only
   * replaces values of the underlying map.
   */
  Set<String> articles() {
    return parent.keySet();
  }
}
