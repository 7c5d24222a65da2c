package org.framelens.jobs.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * An independent census of crawl files: which distinct URLs have an HTTP 200 HTML or PDF response
 * in them. It shares no code with the reader under test (no jwarc, no resynchronisation logic): it
 * decompresses from every gzip magic number in the file, keeps whatever decompresses, and finds
 * record headers by text search ("WARC/1." at a line start, ARC header lines), then reads the
 * WARC-Type, target URI, HTTP status line and HTTP Content-Type by regular expressions. Brute force
 * over small files, so it sees records after any break, which is the honest denominator.
 *
 * <p>{@code main(dir)} prints {@code file<TAB>url} per counted response.
 */
final class ZooCensus {
  private ZooCensus() {}

  private static final Pattern WARC_START = Pattern.compile("(?m)^WARC/[0-9]");
  private static final Pattern ARC_LINE =
      Pattern.compile("(?m)^(https?://\\S+) \\S+ \\d{14} \\S+(?: \\S+)* \\d+\\r?$");
  private static final Pattern STATUS = Pattern.compile("^HTTP/\\d(?:\\.\\d)?\\s+(\\d{3})");
  private static final Pattern HTTP_TYPE = Pattern.compile("(?im)^content-type:\\s*([^;\\r\\n]+)");
  private static final Set<String> COUNTED =
      Set.of("text/html", "application/xhtml+xml", "application/pdf");

  /** Distinct counted URLs per file name. */
  static Map<String, Set<String>> census(Path dir) throws IOException {
    Map<String, Set<String>> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".warc")
            || name.endsWith(".warc.gz")
            || name.endsWith(".arc")
            || name.endsWith(".arc.gz")) {
          out.put(f.getFileName().toString(), urls(Files.readAllBytes(f)));
        }
      }
    }
    return out;
  }

  static Set<String> urls(byte[] file) {
    Set<String> urls = new TreeSet<>();
    for (String text : plainTexts(file)) {
      scanWarc(text, urls);
      scanArc(text, urls);
    }
    return urls;
  }

  /** The file as text, plus what decompresses from every gzip magic number in it. */
  private static List<String> plainTexts(byte[] file) {
    List<String> texts = new java.util.ArrayList<>();
    texts.add(new String(file, StandardCharsets.ISO_8859_1));
    int members = 0;
    for (int i = 0; i + 2 < file.length; i++) {
      if ((file[i] & 0xff) == 0x1f && (file[i + 1] & 0xff) == 0x8b && file[i + 2] == 8) {
        members++;
      }
    }
    // few members: a whole-file gzip, decompress everything; many: each member's head suffices
    int cap = members <= 3 ? Integer.MAX_VALUE : 512 * 1024;
    for (int i = 0; i + 2 < file.length; i++) {
      if ((file[i] & 0xff) == 0x1f && (file[i + 1] & 0xff) == 0x8b && file[i + 2] == 8) {
        byte[] plain = gunzipTolerant(file, i, cap);
        if (plain.length > 0) {
          texts.add(new String(plain, StandardCharsets.ISO_8859_1));
        }
      }
    }
    return texts;
  }

  private static byte[] gunzipTolerant(byte[] file, int at, int cap) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in =
        new GZIPInputStream(new ByteArrayInputStream(file, at, file.length - at))) {
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0 && out.size() < cap) {
        out.write(buf, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      // keep what decompressed before the break
    }
    return out.toByteArray();
  }

  private static void scanWarc(String text, Set<String> urls) {
    Matcher m = WARC_START.matcher(text);
    while (m.find()) {
      int headerEnd = blankLine(text, m.start());
      if (headerEnd < 0) {
        continue;
      }
      String header = text.substring(m.start(), headerEnd);
      if (!field(header, "WARC-Type").equalsIgnoreCase("response")) {
        continue;
      }
      String url = field(header, "WARC-Target-URI");
      if (url.startsWith("<") && url.endsWith(">")) {
        url = url.substring(1, url.length() - 1);
      }
      countHttp(text, skipBlank(text, headerEnd), url, urls);
    }
  }

  private static void scanArc(String text, Set<String> urls) {
    Matcher m = ARC_LINE.matcher(text);
    while (m.find()) {
      countHttp(text, Math.min(text.length(), m.end() + 1), m.group(1), urls);
    }
  }

  private static void countHttp(String text, int at, String url, Set<String> urls) {
    if (url.isEmpty() || at >= text.length()) {
      return;
    }
    int end = blankLine(text, at);
    String http = text.substring(at, end < 0 ? Math.min(text.length(), at + 8192) : end);
    Matcher s = STATUS.matcher(http);
    if (!s.find() || !s.group(1).equals("200")) {
      return;
    }
    Matcher t = HTTP_TYPE.matcher(http);
    if (t.find() && COUNTED.contains(t.group(1).trim().toLowerCase(Locale.ROOT))) {
      urls.add(url);
    }
  }

  private static String field(String header, String name) {
    Matcher m =
        Pattern.compile("(?im)^" + Pattern.quote(name) + ":[ \\t]*([^\\r\\n]*)").matcher(header);
    return m.find() ? m.group(1).trim() : "";
  }

  /** Index of the first empty line at or after from (the end of a header block), or -1. */
  private static int blankLine(String text, int from) {
    int crlf = text.indexOf("\r\n\r\n", from);
    int lf = text.indexOf("\n\n", from);
    if (crlf < 0) {
      return lf;
    }
    return lf < 0 ? crlf : Math.min(crlf, lf);
  }

  private static int skipBlank(String text, int at) {
    int i = at;
    while (i < text.length() && (text.charAt(i) == '\r' || text.charAt(i) == '\n')) {
      i++;
    }
    return i;
  }

  public static void main(String[] args) throws IOException {
    for (Map.Entry<String, Set<String>> e : census(Path.of(args[0])).entrySet()) {
      for (String url : e.getValue()) {
        System.out.println(e.getKey() + "\t" + url);
      }
    }
  }
}
