package org.framelens.common.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

class WarcSplitsTest {
  /** 60 responses whose bodies are random letters, so the file does not compress to nothing. */
  static byte[] crawl() throws IOException {
    return crawl(WarcCompression.GZIP);
  }

  static byte[] crawl(WarcCompression compression) throws IOException {
    Random random = new Random(7);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (WarcWriter w = new WarcWriter(Channels.newChannel(out), compression)) {
      for (int i = 0; i < 60; i++) {
        StringBuilder words = new StringBuilder();
        for (int k = 0; k < 400; k++) {
          for (int c = 0; c < 6; c++) {
            words.append((char) ('a' + random.nextInt(26)));
          }
          words.append(' ');
        }
        // one body quotes what looks like a record start: a split must not land there
        String quoted = i == 30 ? "\r\n\r\nWARC/1.0\r\nContent-Length: 5\r\n\r\nhello" : "";
        byte[] body =
            ("<html><body><p>story " + i + " " + words + quoted + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        w.write(
            new WarcResponse.Builder(URI.create("https://example.org/" + i))
                .date(Instant.parse("2026-11-20T08:00:00Z"))
                .body(
                    new HttpResponse.Builder(200, "OK")
                        .addHeader("Content-Type", "text/html")
                        .body(MediaType.parse("text/html"), body)
                        .build())
                .build());
      }
    }
    return out.toByteArray();
  }

  private static List<String> read(byte[] file, long start, long end) throws IOException {
    List<String> out = new ArrayList<>();
    try (WarcDocumentReader r =
        new WarcDocumentReader(
            new ByteArrayInputStream(file, (int) start, (int) (end - start)),
            "f",
            1_000_000,
            start)) {
      while (r.hasNext()) {
        ReadOutcome o = r.next();
        ReadOutcome.Document d = (ReadOutcome.Document) o;
        out.add(d.document().sourceOffset() + " " + d.document().url());
      }
    }
    return out;
  }

  @Test
  void rangesStartingAtTheSplitPointsReadExactlyTheRecordsOfTheWholeFile() throws IOException {
    byte[] file = crawl();
    WarcSplits.PositionedBytes bytes =
        (pos, buf, off, len) -> {
          if (pos >= file.length) {
            return -1;
          }
          int n = (int) Math.min(len, file.length - pos);
          System.arraycopy(file, (int) pos, buf, off, n);
          return n;
        };
    List<Long> starts = WarcSplits.starts(bytes, file.length, file.length / 7);
    assertThat(starts).hasSizeBetween(5, 8).startsWith(0L).isSorted().doesNotHaveDuplicates();

    List<String> whole = read(file, 0, file.length);
    assertThat(whole).hasSize(60);
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      long end = i + 1 < starts.size() ? starts.get(i + 1) : file.length;
      List<String> part = read(file, starts.get(i), end);
      assertThat(part).isNotEmpty();
      pieces.addAll(part);
    }
    assertThat(pieces).isEqualTo(whole);
  }

  @Test
  void aFileSmallerThanTheSplitSizeIsOneRange() throws IOException {
    byte[] file = crawl();
    WarcSplits.PositionedBytes bytes =
        (pos, buf, off, len) -> {
          int n = (int) Math.min(len, file.length - pos);
          if (n <= 0) {
            return -1;
          }
          System.arraycopy(file, (int) pos, buf, off, n);
          return n;
        };
    assertThat(WarcSplits.starts(bytes, file.length, file.length * 2L)).containsExactly(0L);
  }

  @Test
  void anUncompressedWarcIsSplitAtRecordStartsOnly() throws IOException {
    byte[] file = crawl(WarcCompression.NONE);
    WarcSplits.PositionedBytes bytes =
        (pos, buf, off, len) -> {
          if (pos >= file.length) {
            return -1;
          }
          int n = (int) Math.min(len, file.length - pos);
          System.arraycopy(file, (int) pos, buf, off, n);
          return n;
        };
    List<String> whole = read(file, 0, file.length);
    assertThat(whole).hasSize(60);
    // split sizes that land anywhere, including inside the record that quotes a record start
    for (int parts : new int[] {2, 7, 13, 59, 200}) {
      List<Long> starts = WarcSplits.uncompressedStarts(bytes, file.length, file.length / parts);
      assertThat(starts).startsWith(0L).isSorted().doesNotHaveDuplicates();
      assertThat(starts.size()).isGreaterThan(Math.min(parts, 60) / 2);
      List<String> pieces = new ArrayList<>();
      for (int i = 0; i < starts.size(); i++) {
        long end = i + 1 < starts.size() ? starts.get(i + 1) : file.length;
        pieces.addAll(read(file, starts.get(i), end));
      }
      assertThat(pieces).as("%d parts", parts).isEqualTo(whole);
    }
  }
}
