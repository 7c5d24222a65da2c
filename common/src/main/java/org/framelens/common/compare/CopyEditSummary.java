package org.framelens.common.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The outlet rows of {@code copy_edits}: per copying outlet, kind of edit and pair of frames, how
 * many of the outlet's copies have such an edit, out of all its copies compared.
 */
public final class CopyEditSummary {
  /** One outlet row; a frame is null on the side an edit kind has none (added, removed). */
  public record OutletRow(
      String outlet,
      String kind,
      String frameOriginal,
      String frameCopy,
      long copies,
      long copiesWithEdit,
      long edits,
      double shareOfCopies) {}

  private record Key(String outlet, String kind, String frameOriginal, String frameCopy) {}

  private final Map<String, Long> copies = new HashMap<>();
  private final Map<Key, Set<String>> copiesWithEdit = new HashMap<>();
  private final Map<Key, Long> edits = new HashMap<>();

  /** Counts one copy of the outlet compared with its original (with or without edits). */
  public void addCopy(String outlet, long n) {
    copies.merge(outlet, n, Long::sum);
  }

  /** Counts one edit of a copy. */
  public void addEdit(
      String outlet, String copyId, String kind, String frameOriginal, String frameCopy) {
    Key k = new Key(outlet, kind, frameOriginal, frameCopy);
    copiesWithEdit.computeIfAbsent(k, x -> new HashSet<>()).add(copyId);
    edits.merge(k, 1L, Long::sum);
  }

  /** The rows, by outlet, kind and frames (null frames first). */
  public List<OutletRow> rows() {
    Comparator<String> names = Comparator.nullsFirst(CodePointOrder.INSTANCE);
    Map<Key, Long> sorted =
        new TreeMap<>(
            Comparator.comparing(Key::outlet, names)
                .thenComparing(Key::kind, names)
                .thenComparing(Key::frameOriginal, names)
                .thenComparing(Key::frameCopy, names));
    sorted.putAll(edits);
    List<OutletRow> rows = new ArrayList<>();
    sorted.forEach(
        (k, n) -> {
          long all = Objects.requireNonNullElse(copies.get(k.outlet()), 0L);
          long with = copiesWithEdit.get(k).size();
          rows.add(
              new OutletRow(
                  k.outlet(),
                  k.kind(),
                  k.frameOriginal(),
                  k.frameCopy(),
                  Math.max(all, with),
                  with,
                  n,
                  (double) with / Math.max(all, with)));
        });
    return rows;
  }
}
