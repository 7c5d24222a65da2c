package org.framelens.common.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.framelens.common.parse.Charsets;

/**
 * Reads the public evaluation sets of {@code ../shared/eval} (see its README): the Zyte
 * article-extraction benchmark and the trafilatura benchmark, HTML decoded as the README says.
 */
public final class EvalPages {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EvalPages() {}

  /** One Zyte page: its id, URL, raw bytes, decoded HTML and expected article body. */
  public record ZytePage(String id, String url, byte[] bytes, String html, String expectedBody) {}

  /**
   * One trafilatura page (raw bytes and decoded HTML). {@code expectedDate} and {@code
   * expectedTitle} are null when the page has no such expectation and empty when upstream expects
   * none.
   */
  public record TrafilaturaPage(
      String name,
      String url,
      byte[] bytes,
      String html,
      List<String> with,
      List<String> without,
      String expectedTitle,
      String expectedDate) {}

  /** The evaluation folder: {@code dir} itself when it holds both sets, else null. */
  public static Path locate(Path dir) {
    if (dir != null
        && Files.isDirectory(dir.resolve("article-extraction-benchmark"))
        && Files.isDirectory(dir.resolve("trafilatura-eval"))) {
      return dir;
    }
    return null;
  }

  /** The Zyte pages in id order (UTF-8, as upstream stores them). */
  public static List<ZytePage> zyte(Path evalDir) throws IOException {
    Path base = evalDir.resolve("article-extraction-benchmark");
    JsonNode truth = JSON.readTree(base.resolve("ground-truth.json").toFile());
    Map<String, ZytePage> pages = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      byte[] bytes = gunzip(base.resolve("html/" + e.getKey() + ".html.gz"));
      pages.put(
          e.getKey(),
          new ZytePage(
              e.getKey(),
              e.getValue().path("url").asText(""),
              bytes,
              new String(bytes, StandardCharsets.UTF_8),
              e.getValue().path("articleBody").asText("")));
    }
    return List.copyOf(pages.values());
  }

  /** A published reference output of the Zyte set: id to article body. */
  public static Map<String, String> zyteReference(Path evalDir, String tool) throws IOException {
    JsonNode out =
        JSON.readTree(
                evalDir
                    .resolve("article-extraction-benchmark/reference-outputs/" + tool + ".json")
                    .toFile())
            .path("output");
    Map<String, String> m = new TreeMap<>();
    out.fields()
        .forEachRemaining(e -> m.put(e.getKey(), e.getValue().path("articleBody").asText("")));
    return m;
  }

  /** The trafilatura pages in the order of {@code expectations.json}. */
  public static List<TrafilaturaPage> trafilatura(Path evalDir) throws IOException {
    Path base = evalDir.resolve("trafilatura-eval");
    JsonNode exp = JSON.readTree(base.resolve("expectations.json").toFile());
    List<TrafilaturaPage> pages = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = exp.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      JsonNode meta = v.path("metadata");
      byte[] bytes = gunzip(base.resolve(v.path("stored_file").asText()));
      pages.add(
          new TrafilaturaPage(
              e.getKey(),
              v.path("url").asText(""),
              bytes,
              decode(bytes),
              strings(v.path("with")),
              strings(v.path("without")),
              meta.hasNonNull("title") ? meta.get("title").asText() : null,
              meta.hasNonNull("date") ? meta.get("date").asText() : null));
    }
    return pages;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(n.asText());
    }
    return List.copyOf(out);
  }

  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]{0,300}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]+)",
          Pattern.CASE_INSENSITIVE);

  /**
   * Declared charset from a meta tag in the first 16 KB, else UTF-8; invalid sequences replaced.
   */
  public static String decode(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 16384), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    Charset cs = null;
    if (m.find()) {
      cs = Charsets.forName(m.group(1));
    }
    if (cs == null || cs.name().startsWith("UTF-16")) {
      cs = StandardCharsets.UTF_8;
    }
    return Charsets.decode(bytes, cs);
  }

  public static byte[] gunzip(Path p) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
      return in.readAllBytes();
    }
  }
}
