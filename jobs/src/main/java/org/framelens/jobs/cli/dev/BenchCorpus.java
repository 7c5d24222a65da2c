package org.framelens.jobs.cli.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Packs the real news pages of the public evaluation sets ({@code ../shared/eval}: the Zyte
 * article-extraction benchmark and the trafilatura benchmark) into WARC files, as a crawler would
 * have written them, for benchmarks. Pages are served without a charset header, so charset handling
 * runs as on a real crawl.
 */
public final class BenchCorpus {
  record Page(String url, Path file) {}

  private BenchCorpus() {}

  static List<Page> pages(Path eval) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Page> pages = new ArrayList<>();
    Path zyte = eval.resolve("article-extraction-benchmark");
    JsonNode truth = json.readTree(zyte.resolve("ground-truth.json").toFile());
    for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Path f = zyte.resolve("html/" + e.getKey() + ".html.gz");
      if (Files.exists(f)) {
        pages.add(
            new Page(e.getValue().path("url").asText("https://zyte.example/" + e.getKey()), f));
      }
    }
    Path traf = eval.resolve("trafilatura-eval");
    JsonNode expectations = json.readTree(traf.resolve("expectations.json").toFile());
    for (Iterator<Map.Entry<String, JsonNode>> it = expectations.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Path f = traf.resolve(e.getValue().path("stored_file").asText());
      if (Files.exists(f)) {
        pages.add(
            new Page(
                e.getValue().path("url").asText("https://trafilatura.example/" + e.getKey()), f));
      }
    }
    return pages;
  }

  /**
   * Writes {@code copies} passes over the pages into {@code files} WARC files of similar size.
   *
   * @return the number of documents written
   */
  static int write(List<Page> pages, int copies, int files, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<WarcWriter> writers = new ArrayList<>();
    List<OutputStream> outs = new ArrayList<>();
    try {
      for (int i = 0; i < files; i++) {
        OutputStream o = Files.newOutputStream(dir.resolve(String.format("bench-%03d.warc.gz", i)));
        outs.add(o);
        writers.add(new WarcWriter(Channels.newChannel(o), WarcCompression.GZIP));
      }
      int n = 0;
      Instant t = Instant.parse("2024-01-15T00:00:00Z");
      for (int c = 0; c < copies; c++) {
        for (Page p : pages) {
          byte[] html;
          try (InputStream in = new GZIPInputStream(Files.newInputStream(p.file()))) {
            html = in.readAllBytes();
          }
          String base = p.url().replace(" ", "%20").replace("|", "%7C");
          String url = copies == 1 ? base : base + (base.contains("?") ? "&" : "?") + "copy=" + c;
          SampleCrawlBuilder.writeExchange(
              writers.get(n % files), url, t.plusSeconds(n), 200, "OK", "text/html", html, false);
          n++;
        }
      }
      return n;
    } finally {
      for (WarcWriter w : writers) {
        w.close();
      }
      for (OutputStream o : outs) {
        o.close();
      }
    }
  }
}
