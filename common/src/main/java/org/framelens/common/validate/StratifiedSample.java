package org.framelens.common.validate;

import com.google.common.hash.Hashing;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A seeded random sample of at most {@code perCell} candidates per stratum, the same whatever the
 * order the candidates come in: each candidate gets a pseudo-random key from the seed and its id
 * (murmur3), and a stratum keeps its {@code perCell} smallest keys ("bottom-k" sampling, a uniform
 * sample without replacement). Spark tasks each keep their own bottom-k and the driver merges them
 * with the same class, so the sample does not depend on how the data is partitioned.
 */
public final class StratifiedSample implements Serializable {
  /** A sampled item with its stratum and key. */
  public record Candidate(String stratum, long key, SheetItem item) implements Serializable {}

  private static final Comparator<Candidate> ORDER =
      Comparator.comparingLong(Candidate::key).thenComparing(c -> c.item().itemId());

  private final int perCell;
  private final Map<String, PriorityQueue<Candidate>> cells = new HashMap<>();

  public StratifiedSample(int perCell) {
    if (perCell < 0) {
      throw new IllegalArgumentException("items per cell must be 0 or more: " + perCell);
    }
    this.perCell = perCell;
  }

  /** The sampling key of an item id under a seed. */
  public static long key(long seed, String itemId) {
    return Hashing.murmur3_128()
        .newHasher()
        .putLong(seed)
        .putString(itemId, StandardCharsets.UTF_8)
        .hash()
        .asLong();
  }

  public void offer(Candidate c) {
    if (perCell == 0) {
      return;
    }
    // a max-heap of the perCell smallest: the head is the first to go
    PriorityQueue<Candidate> q =
        cells.computeIfAbsent(c.stratum(), s -> new PriorityQueue<>(ORDER.reversed()));
    if (q.size() < perCell) {
      q.add(c);
    } else if (ORDER.compare(c, q.peek()) < 0) {
      q.poll();
      q.add(c);
    }
  }

  /** The kept candidates, by stratum, then key. */
  public List<Candidate> result() {
    List<Candidate> out = new ArrayList<>();
    cells.values().forEach(out::addAll);
    out.sort(Comparator.comparing(Candidate::stratum).thenComparing(ORDER));
    return out;
  }
}
