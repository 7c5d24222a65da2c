package org.framelens.common.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.framelens.common.lexicon.Lexicon;
import org.framelens.common.pipeline.ArticleProcessor;
import org.framelens.common.pipeline.Processed;
import org.framelens.common.pipeline.ProcessingConfig;
import org.framelens.common.pipeline.ProcessingResources;
import org.junit.jupiter.api.Test;

/**
 * Deterministic fuzzing of the reader and the processor with mutations of the sample crawl: byte
 * flips, truncations at random offsets, duplicated and dropped gzip members, random header values.
 * Nothing may throw out of them, and every record before the first mutated byte must come out as it
 * did from the intact file (same offset, same kind of outcome).
 *
 * <p>The normal test run does {@value #DEFAULT_ITERATIONS} mutations with fixed seeds; a longer
 * run: {@code ./mvnw -B -o -pl common test -Dtest=CrawlFuzzTest -Dfuzz.iterations=2000} (the seed
 * base is {@code -Dfuzz.seed=N}).
 */
class CrawlFuzzTest {
  static final int DEFAULT_ITERATIONS = 25;
  private static final Path SAMPLE = Path.of("../data-samples/crawl/sample-crawl.warc.gz");

  /** An outcome reduced to what must not change: offset and kind. */
  private record Seen(long offset, String kind) {}

  @Test
  void mutatedCrawlsNeverThrowAndKeepEveryRecordBeforeTheMutation() throws IOException {
    byte[] file = Files.readAllBytes(SAMPLE);
    List<ReadOutcome> baseline = read(file);
    List<Long> starts = new ArrayList<>();
    for (ReadOutcome o : baseline) {
      starts.add(offset(o));
    }
    assertThat(baseline).hasSizeGreaterThan(20);
    ArticleProcessor processor =
        new ArticleProcessor(
            ProcessingResources.forConfig(
                new ProcessingConfig(
                    Lexicon.defaultText(),
                    "(bundled)",
                    null,
                    List.of("en", "de", "fr"),
                    ProcessingConfig.DEFAULT_MAX_DOCUMENT_BYTES,
                    ProcessingConfig.DEFAULT_MAX_TEXT_CHARS,
                    5_000)));

    int iterations = Integer.getInteger("fuzz.iterations", DEFAULT_ITERATIONS);
    long seed = Long.getLong("fuzz.seed", 20261204L);
    for (int i = 0; i < iterations; i++) {
      Random rnd = new Random(seed + i);
      Mutant m = mutate(file, starts, rnd, i % 5);
      List<ReadOutcome> outcomes;
      try {
        outcomes = read(m.bytes());
      } catch (Throwable t) {
        throw new AssertionError("reader threw on mutant " + i + " (" + m.what() + ")", t);
      }
      // every record that ends before the first changed byte comes out unchanged
      List<Seen> seen = outcomes.stream().map(o -> new Seen(offset(o), kind(o))).toList();
      for (int r = 0; r + 1 < baseline.size() && starts.get(r + 1) <= m.firstChanged(); r++) {
        Seen expected = new Seen(starts.get(r), kind(baseline.get(r)));
        assertThat(seen).as("mutant %d (%s)", i, m.what()).contains(expected);
      }
      // and the processor turns every outcome into a row without throwing (documents in the
      // mutated part only: those before it are the sample's own, parsed in other tests)
      int parsed = 0;
      for (ReadOutcome o : outcomes) {
        if (o instanceof ReadOutcome.Document && (offset(o) < m.firstChanged() || parsed++ > 0)) {
          continue;
        }
        Processed p;
        try {
          p = processor.process(o);
        } catch (Throwable t) {
          throw new AssertionError("processor threw on mutant " + i + " (" + m.what() + ")", t);
        }
        assertThat(p).isNotNull();
      }
    }
  }

  /** WARC header mutations the header-block fuzzing runs through, one per iteration in turn. */
  static final int HEADER_MUTATIONS = 9;

  @Test
  void mutatedWarcHeaderBlocksNeverThrowAndEveryRecordIsARowOrCoveredByOne() throws IOException {
    byte[] file = Files.readAllBytes(SAMPLE);
    List<ReadOutcome> baseline = read(file);
    List<Long> starts = new ArrayList<>();
    for (ReadOutcome o : baseline) {
      starts.add(offset(o));
    }
    int iterations = Integer.getInteger("fuzz.iterations", DEFAULT_ITERATIONS) + 2;
    long seed = Long.getLong("fuzz.seed", 20261208L);
    for (int i = 0; i < iterations; i++) {
      Random rnd = new Random(seed + i);
      int r = 1 + rnd.nextInt(starts.size() - 2);
      HeaderMutant m = mutateHeader(file, starts, r, rnd, i % HEADER_MUTATIONS);
      List<ReadOutcome> outcomes;
      try {
        outcomes = read(m.bytes());
      } catch (Throwable t) {
        throw new AssertionError("reader threw on header mutant " + i + " (" + m.what() + ")", t);
      }
      String as = "header mutant " + i + " (" + m.what() + ")";
      List<Seen> seen = outcomes.stream().map(o -> new Seen(offset(o), kind(o))).toList();
      long from = starts.get(r);
      // the records before the mutated one come out as they did
      for (int k = 0; k < r; k++) {
        assertThat(seen).as(as).contains(new Seen(starts.get(k), kind(baseline.get(k))));
      }
      // the mutated record and every record after it: a row of its own, or inside the stretch of a
      // row before it (a record swallowing it, or an unreadable stretch from an earlier record)
      long shift = m.bytes().length - file.length;
      for (int k = r; k < starts.size(); k++) {
        long at = k == r ? from : starts.get(k) + shift;
        boolean own = seen.stream().anyMatch(x -> x.offset() == at);
        boolean covered =
            outcomes.stream()
                .anyMatch(
                    o ->
                        offset(o) <= at
                            && (offset(o) >= from && !(o instanceof ReadOutcome.Skipped)
                                || o instanceof ReadOutcome.Failed f
                                    && WarcDocumentReader.UNREADABLE_STRETCH.equals(
                                        f.errorClass())));
        assertThat(own || covered).as(as + ": record at " + at + " unaccounted for").isTrue();
      }
      if (m.what().startsWith("a header line of")) {
        // the bound holds: one row for the record, and everything after it read again
        assertThat(outcomes)
            .as(as)
            .filteredOn(o -> o instanceof ReadOutcome.Failed f && f.sourceOffset() == from)
            .extracting(o -> ((ReadOutcome.Failed) o).errorClass())
            .containsExactly(WarcHeaderGuard.WARC_HEADER_TOO_LARGE);
        for (int k = r + 1; k < starts.size(); k++) {
          assertThat(seen).as(as).contains(new Seen(starts.get(k) + shift, kind(baseline.get(k))));
        }
      }
    }
  }

  private record HeaderMutant(byte[] bytes, String what) {}

  /** Record {@code r}'s gzip member with its WARC header block changed. */
  private static HeaderMutant mutateHeader(
      byte[] file, List<Long> starts, int r, Random rnd, int kind) {
    int from = (int) (long) starts.get(r);
    int to = (int) (long) starts.get(r + 1);
    String text =
        new String(gunzip(Arrays.copyOfRange(file, from, to)), StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String header = text.substring(0, end + 2);
    String rest = text.substring(end + 2);
    String what;
    switch (kind) {
      case 0 -> {
        String[] lengths = {
          "99999999999999999999",
          "-5",
          "12abc",
          "",
          "9223372036854775807",
          "0",
          Integer.toString(rest.length() + 1 + rnd.nextInt(5000))
        };
        String v = lengths[rnd.nextInt(lengths.length)];
        header = header.replaceFirst("Content-Length:[^\r\n]*", "Content-Length: " + v);
        what = "Content-Length '" + v + "'";
      }
      case 1 -> {
        byte[] junk = new byte[1 + rnd.nextInt(30)];
        rnd.nextBytes(junk);
        String name = new String(junk, StandardCharsets.ISO_8859_1).replaceAll("[\r\n]", "-");
        header = header.replaceFirst("WARC-Type", quote(name));
        what = "a random header name";
      }
      case 2 -> {
        header = header.replace("\r\n", "\n");
        what = "LF instead of CRLF";
      }
      case 3 -> {
        header = header.substring(0, header.length() - 2);
        rest = rest.substring(2); // no blank line after the header
        what = "no blank line ending the header";
      }
      case 4 -> {
        int cut = 1 + rnd.nextInt(header.length() - 1);
        header = header.substring(0, cut);
        rest = "";
        what = "header cut at " + cut;
      }
      case 5 -> {
        StringBuilder b = new StringBuilder(header);
        for (int n = 1 + rnd.nextInt(6); n > 0; n--) {
          b.insert(rnd.nextInt(b.length()), '\0');
        }
        header = b.toString();
        what = "NUL bytes in the header";
      }
      case 6 -> {
        header = header.replaceFirst("\r\n", "\r\nContent-Length: 7\r\n");
        what = "a second Content-Length";
      }
      case 7 -> {
        header = header.replaceFirst("\r\n", "\r\nX-Pad: " + "z".repeat(2 << 20) + "\r\n");
        what = "a header line of 2 MiB";
      }
      default -> {
        header =
            header.replaceFirst(
                "WARC/1\\.[01]", "WARC/" + rnd.nextInt(100) + "." + rnd.nextInt(10));
        what = "another WARC version";
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(file, 0, from);
    out.writeBytes(CrawlQuirksTest.gzip((header + rest).getBytes(StandardCharsets.ISO_8859_1)));
    out.write(file, to, file.length - to);
    return new HeaderMutant(out.toByteArray(), what);
  }

  private record Mutant(byte[] bytes, long firstChanged, String what) {}

  private static Mutant mutate(byte[] file, List<Long> starts, Random rnd, int kind) {
    switch (kind) {
      case 0 -> {
        byte[] b = file.clone();
        int flips = 1 + rnd.nextInt(8);
        int first = b.length;
        for (int k = 0; k < flips; k++) {
          int at = rnd.nextInt(b.length);
          b[at] ^= (byte) (1 + rnd.nextInt(255));
          first = Math.min(first, at);
        }
        return new Mutant(b, first, flips + " byte flips");
      }
      case 1 -> {
        int at = rnd.nextInt(file.length);
        return new Mutant(Arrays.copyOf(file, at), at, "truncated at " + at);
      }
      case 2, 3 -> {
        int r = 1 + rnd.nextInt(starts.size() - 2);
        int from = (int) (long) starts.get(r);
        int to = (int) (long) starts.get(r + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, 0, kind == 2 ? to : from);
        if (kind == 2) {
          out.write(file, from, to - from); // the member twice
        }
        out.write(file, to, file.length - to);
        return new Mutant(
            out.toByteArray(),
            kind == 2 ? to : from,
            (kind == 2 ? "duplicated" : "dropped") + " member at " + from);
      }
      default -> {
        int r = 1 + rnd.nextInt(starts.size() - 2);
        int from = (int) (long) starts.get(r);
        int to = (int) (long) starts.get(r + 1);
        byte[] member = gunzip(Arrays.copyOfRange(file, from, to));
        String text = new String(member, StandardCharsets.ISO_8859_1);
        String[] fields = {"WARC-Date", "Content-Length", "WARC-Target-URI", "Content-Type"};
        String field = fields[rnd.nextInt(fields.length)];
        byte[] junk = new byte[rnd.nextInt(40)];
        rnd.nextBytes(junk);
        String value = new String(junk, StandardCharsets.ISO_8859_1).replaceAll("[\\r\\n]", "x");
        String changed = text.replaceFirst(field + ":[^\\r\\n]*", field + ": " + quote(value));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, 0, from);
        out.writeBytes(CrawlQuirksTest.gzip(changed.getBytes(StandardCharsets.ISO_8859_1)));
        out.write(file, to, file.length - to);
        return new Mutant(out.toByteArray(), from, "random " + field + " at " + from);
      }
    }
  }

  private static String quote(String s) {
    return java.util.regex.Matcher.quoteReplacement(s);
  }

  private static byte[] gunzip(byte[] member) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(member))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<ReadOutcome> read(byte[] file) throws IOException {
    List<ReadOutcome> out = new ArrayList<>();
    RecordResync.Reopener reopen =
        offset -> new ByteArrayInputStream(file, (int) offset, file.length - (int) offset);
    try (WarcDocumentReader r =
        new WarcDocumentReader(
            new ByteArrayInputStream(file),
            "fuzz.warc.gz",
            ProcessingConfig.DEFAULT_MAX_DOCUMENT_BYTES,
            0,
            file.length,
            Instant.parse("2024-01-01T00:00:00Z"),
            reopen)) {
      r.forEachRemaining(out::add);
    }
    return out;
  }

  private static long offset(ReadOutcome o) {
    if (o instanceof ReadOutcome.Document d) {
      return d.document().sourceOffset();
    }
    if (o instanceof ReadOutcome.Skipped s) {
      return s.sourceOffset();
    }
    Long off = ((ReadOutcome.Failed) o).sourceOffset();
    return off == null ? -1 : off;
  }

  private static String kind(ReadOutcome o) {
    return o instanceof ReadOutcome.Document
        ? "document"
        : o instanceof ReadOutcome.Skipped s ? "skipped " + s.reason() : "failed";
  }
}
