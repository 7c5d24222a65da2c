package org.framelens.common.dedup;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What near-duplicate detection needs of an article's text, computed once where the text is in
 * memory (the processing pass): the set of its word 5-shingles, each hashed to one of 2^20 buckets
 * (the same buckets as Spark ML's {@code HashingTF} with 2^20 features: murmur3, seed 42, of the
 * shingle's UTF-8 bytes), and a MinHash signature of that set. Pairs are found by banding the
 * signatures ({@link NearDuplicates}) and confirmed by the exact Jaccard similarity of the bucket
 * sets, so the result does not depend on the signature's estimate.
 *
 * @param buckets sorted distinct bucket indices of the text's shingles; empty when the text has
 *     fewer than {@value #SHINGLE} words
 * @param signature {@value #SIGNATURE_LENGTH} minimum hash values, or empty with the buckets
 */
public record TextSketch(int[] buckets, int[] signature) implements Serializable {
  /** Words per shingle. */
  public static final int SHINGLE = 5;

  /** Buckets shingles are hashed to (as HashingTF's numFeatures). */
  public static final int BUCKETS = 1 << 20;

  /** MinHash values per signature: {@link NearDuplicates#BANDS} bands of two. */
  public static final int SIGNATURE_LENGTH = 64;

  /** A prime above {@link #BUCKETS}: the minhash functions are (a·x + b) mod P. */
  static final long PRIME = 2_038_074_743L;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final HashFunction MURMUR = Hashing.murmur3_32_fixed(42);
  private static final long[] A = new long[SIGNATURE_LENGTH];
  private static final long[] B = new long[SIGNATURE_LENGTH];

  static {
    // fixed seed: signatures must be comparable across runs and JVMs
    SplittableRandom random = new SplittableRandom(20231007L);
    for (int i = 0; i < SIGNATURE_LENGTH; i++) {
      A[i] = 1 + random.nextLong(PRIME - 1);
      B[i] = random.nextLong(PRIME);
    }
  }

  private static final TextSketch EMPTY = new TextSketch(new int[0], new int[0]);

  /** The sketch of a text (null or fewer than five words: empty). */
  public static TextSketch of(String text) {
    List<String> shingles = shingles(text);
    if (shingles.isEmpty()) {
      return EMPTY;
    }
    int[] buckets = new int[shingles.size()];
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = bucket(shingles.get(i));
    }
    buckets = Arrays.stream(buckets).sorted().distinct().toArray();
    return new TextSketch(buckets, signature(buckets));
  }

  /** True when the text was too short to shingle: such an article is nobody's near-duplicate. */
  public boolean isEmpty() {
    return buckets.length == 0;
  }

  /** Lower-case word 5-shingles, words being runs of letters and digits. */
  public static List<String> shingles(String text) {
    List<String> words = new ArrayList<>();
    if (text != null) {
      Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
      while (m.find()) {
        words.add(m.group());
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i + SHINGLE <= words.size(); i++) {
      out.add(String.join(" ", words.subList(i, i + SHINGLE)));
    }
    return out;
  }

  /** The bucket of a shingle: murmur3 (seed 42) of its UTF-8 bytes, non-negative mod 2^20. */
  public static int bucket(String shingle) {
    int h = MURMUR.hashBytes(shingle.getBytes(StandardCharsets.UTF_8)).asInt();
    return Math.floorMod(h, BUCKETS);
  }

  static int[] signature(int[] buckets) {
    int[] sig = new int[SIGNATURE_LENGTH];
    Arrays.fill(sig, Integer.MAX_VALUE);
    for (int x : buckets) {
      for (int i = 0; i < SIGNATURE_LENGTH; i++) {
        int h = (int) ((A[i] * (x + 1L) + B[i]) % PRIME);
        if (h < sig[i]) {
          sig[i] = h;
        }
      }
    }
    return sig;
  }

  /** |A ∩ B| / |A ∪ B| of two sorted distinct bucket sets (0 when both are empty). */
  public static double jaccard(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = a.length + b.length - common;
    return union == 0 ? 0.0 : (double) common / union;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TextSketch t
        && Arrays.equals(buckets, t.buckets)
        && Arrays.equals(signature, t.signature);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(buckets) + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "TextSketch[" + buckets.length + " buckets]";
  }
}
