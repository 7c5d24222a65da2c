package org.framelens.common.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The outlet rows of {@code copy_edits}: per copying outlet, kind of edit and pair of frames, how
 * many of the outlet's copies have such an edit, out of all its copies compared.
 */
public final class CopyEditSummary {
  /** The kind of the outlet row that counts the copies with any edit at all. */
  public static final String ANY = "any";

  /**
   * One outlet row; a frame is null on the side an edit kind has none (added, removed) and on both
   * for {@link #ANY}.
   */
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
  private final Map<String, Set<String>> editedCopies = new HashMap<>();
  private final Map<String, Long> editsOfOutlet = new HashMap<>();

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
    editedCopies.computeIfAbsent(outlet, x -> new HashSet<>()).add(copyId);
    editsOfOutlet.merge(outlet, 1L, Long::sum);
  }

  /**
   * The rows, by outlet: first an {@link #ANY} row (every outlet with copies, edited or not), then
   * by kind and frames (null frames first).
   */
  public List<OutletRow> rows() {
    Comparator<String> names = Comparator.nullsFirst(CodePointOrder.INSTANCE);
    Map<String, Long> outlets = new TreeMap<>(CodePointOrder.INSTANCE);
    outlets.putAll(copies);
    editedCopies.keySet().forEach(o -> outlets.putIfAbsent(o, 0L));
    Map<Key, Long> sorted =
        new TreeMap<>(
            Comparator.comparing(Key::outlet, names)
                .thenComparing(Key::kind, names)
                .thenComparing(Key::frameOriginal, names)
                .thenComparing(Key::frameCopy, names));
    sorted.putAll(edits);
    List<OutletRow> rows = new ArrayList<>();
    outlets.forEach(
        (outlet, n) -> {
          long edited = editedCopies.getOrDefault(outlet, Set.of()).size();
          // an edit names its copy: the copies counted are at least the copies edited
          long all = Math.max(n, edited);
          rows.add(
              new OutletRow(
                  outlet,
                  ANY,
                  null,
                  null,
                  all,
                  edited,
                  editsOfOutlet.getOrDefault(outlet, 0L),
                  (double) edited / all));
          sorted.forEach(
              (k, count) -> {
                if (k.outlet().equals(outlet)) {
                  long with = copiesWithEdit.get(k).size();
                  rows.add(
                      new OutletRow(
                          outlet,
                          k.kind(),
                          k.frameOriginal(),
                          k.frameCopy(),
                          all,
                          with,
                          count,
                          (double) with / all));
                }
              });
        });
    return rows;
  }
}
