package org.framelens.common.dedup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Near-duplicate articles (wire copies republished by several outlets, the same story crawled
 * twice) from their {@link TextSketch}es: articles whose signatures agree on both values of any of
 * {@value #BANDS} bands are candidates (LSH banding), and a candidate pair is a near-duplicate when
 * the exact Jaccard similarity of the two shingle sets is at least {@value #MIN_SIMILARITY}. A
 * copy's {@code duplicate_of} is the earliest article among itself and its near-duplicates
 * (publication time, else crawl time, unknown first, then id); an article with any near-duplicate
 * is {@code syndicated}.
 *
 * <p>With bands of two values a pair at similarity 0.8 is missed with probability (1 − 0.8²)^32 ≈
 * 10^-14, so the candidates hold every near-duplicate pair in practice; pairs far below the
 * threshold rarely meet (similarity 0.3: 1 − (1 − 0.09)^32 ≈ 95 % … but unrelated news texts share
 * almost no 5-shingles). Plain Java, used on the driver for runs of up to a few hundred thousand
 * articles; the Spark path of large runs applies the same rules.
 */
public final class NearDuplicates {
  private NearDuplicates() {}

  public static final double MIN_SIMILARITY = 0.8;

  /** Bands of the signature; each band is {@link #ROWS} consecutive values. */
  public static final int BANDS = 32;

  public static final int ROWS = TextSketch.SIGNATURE_LENGTH / BANDS;

  /**
   * An article as candidates are found: id, time (epoch microseconds of publication, else crawl;
   * null when unknown) and MinHash signature (non-empty).
   */
  public record Doc(String id, Long time, int[] signature) {}

  /** The outcome for an article that has near-duplicates. */
  public record Mark(String duplicateOf, boolean syndicated) {}

  /** A candidate or confirmed pair of distinct ids, {@code a < b}. */
  public record Pair(String a, String b) {
    public Pair {
      if (a.compareTo(b) > 0) {
        String t = a;
        a = b;
        b = t;
      }
    }
  }

  /** The key of band {@code band} of a signature (the same in the Spark path). */
  public static long bandKey(int[] signature, int band) {
    return ((long) signature[band * ROWS] << 32) | (signature[band * ROWS + 1] & 0xffffffffL);
  }

  /** Distinct pairs of different ids whose signatures share at least one band. */
  public static Set<Pair> candidates(List<Doc> docs) {
    Set<Pair> pairs = new TreeSet<>(Comparator.comparing(Pair::a).thenComparing(Pair::b));
    for (int band = 0; band < BANDS; band++) {
      Map<Long, List<String>> byKey = new HashMap<>();
      for (Doc d : docs) {
        byKey.computeIfAbsent(bandKey(d.signature(), band), k -> new ArrayList<>()).add(d.id());
      }
      for (List<String> ids : byKey.values()) {
        for (int i = 0; i < ids.size(); i++) {
          for (int j = i + 1; j < ids.size(); j++) {
            if (!ids.get(i).equals(ids.get(j))) {
              pairs.add(new Pair(ids.get(i), ids.get(j)));
            }
          }
        }
      }
    }
    return pairs;
  }

  /**
   * Whether two shingle-bucket sets are near-duplicates. Written as the Jaccard distance against
   * {@code 1 - MIN_SIMILARITY}, exactly as the earlier Spark ML implementation compared, so a pair
   * at the boundary is decided the same way.
   */
  public static boolean similar(int[] a, int[] b) {
    return 1.0 - TextSketch.jaccard(a, b) < 1 - MIN_SIMILARITY;
  }

  /**
   * The marks of a set of articles.
   *
   * @param docs every article with a non-empty sketch (an id may occur more than once: the same
   *     page fetched on several days; its earliest time counts)
   * @param buckets the shingle buckets of (at least) every id in a candidate pair
   * @param window how far apart in time two near-duplicates may be to be linked
   */
  public static Map<String, Mark> marks(
      List<Doc> docs, Set<Pair> candidates, Map<String, int[]> buckets, Window window) {
    Map<String, Long> time = new HashMap<>();
    for (Doc d : docs) {
      time.merge(d.id(), d.time() == null ? Long.MIN_VALUE : d.time(), Math::min);
    }
    Map<String, List<String>> neighbours = new LinkedHashMap<>();
    for (Pair p : candidates) {
      if (window.within(time.get(p.a()), time.get(p.b()))
          && similar(buckets.get(p.a()), buckets.get(p.b()))) {
        neighbours.computeIfAbsent(p.a(), k -> new ArrayList<>()).add(p.b());
        neighbours.computeIfAbsent(p.b(), k -> new ArrayList<>()).add(p.a());
      }
    }
    Comparator<String> earliestFirst =
        Comparator.<String>comparingLong(time::get).thenComparing(Comparator.naturalOrder());
    Map<String, Mark> marks = new HashMap<>();
    neighbours.forEach(
        (id, others) -> {
          String earliest = id;
          for (String o : others) {
            if (earliestFirst.compare(o, earliest) < 0) {
              earliest = o;
            }
          }
          marks.put(id, new Mark(earliest.equals(id) ? null : earliest, true));
        });
    return marks;
  }

  /**
   * How far apart two near-duplicates may be published to be linked: a text republished months
   * later (an anniversary piece, a reused background paragraph block) is not a copy of the first.
   * Times are epoch microseconds; an unknown time (null or {@link Long#MIN_VALUE}) is within any
   * window, as before a window existed.
   */
  public record Window(long micros) {
    public static final int DEFAULT_DAYS = 7;

    public static Window days(int days) {
      if (days < 0) {
        throw new IllegalArgumentException("--near-duplicate-days must be 0 or more: " + days);
      }
      return new Window(days * 86_400_000_000L);
    }

    public boolean within(Long a, Long b) {
      if (a == null || b == null || a == Long.MIN_VALUE || b == Long.MIN_VALUE) {
        return true;
      }
      return Math.abs(a - b) <= micros;
    }
  }

  /** The marks of sketched articles, all in memory (tests, small runs), default window. */
  public static Map<String, Mark> marks(Map<String, Long> times, Map<String, TextSketch> sketches) {
    return marks(times, sketches, Window.days(Window.DEFAULT_DAYS));
  }

  /** The marks of sketched articles, all in memory (tests, small runs). */
  public static Map<String, Mark> marks(
      Map<String, Long> times, Map<String, TextSketch> sketches, Window window) {
    List<Doc> docs = new ArrayList<>();
    Map<String, int[]> buckets = new HashMap<>();
    sketches.forEach(
        (id, s) -> {
          if (!s.isEmpty()) {
            docs.add(new Doc(id, times.get(id), s.signature()));
            buckets.put(id, s.buckets());
          }
        });
    return marks(docs, candidates(docs), buckets, window);
  }
}
