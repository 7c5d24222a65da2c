package org.framelens.jobs.cli.dev;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Builds {@code data-samples/crawl/sample-crawl.warc.gz} from the hand-written pages under {@code
 * data-samples/source/crawl/}: a request and a response record per page as a crawler writes them,
 * pages re-encoded into the charset their manifest row names, some served gzip-encoded, the {@code
 * .pdf.txt} and {@code .docx.txt} sources turned into a real PDF and DOCX, plus records that are
 * not articles (warcinfo, metadata, revisit, a 404, a redirect, CSS, script, image).
 */
public final class SampleCrawlBuilder {
  private final Path sourceRoot;
  private final Path target;

  SampleCrawlBuilder(Path sourceRoot, Path target) {
    this.sourceRoot = sourceRoot;
    this.target = target;
  }

  record Page(String file, String url, Instant fetchTime, String charset) {}

  List<Page> pages() throws IOException {
    List<Page> pages = new ArrayList<>();
    List<Path> manifests;
    try (Stream<Path> s = Files.list(sourceRoot)) {
      manifests =
          s.filter(p -> p.getFileName().toString().matches("manifest.*\\.csv")).sorted().toList();
    }
    for (Path m : manifests) {
      CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
      try (CSVParser parser = CSVParser.parse(m, StandardCharsets.UTF_8, format)) {
        for (CSVRecord r : parser) {
          pages.add(
              new Page(
                  r.get("file").strip(),
                  r.get("url").strip(),
                  Instant.parse(r.get("fetch_time").strip()),
                  r.get("charset").strip()));
        }
      }
    }
    pages.sort(Comparator.comparing(Page::fetchTime).thenComparing(Page::url));
    return pages;
  }

  /** Writes the WARC; returns the number of article documents in it. */
  int build() throws IOException {
    List<Page> pages = pages();
    Files.createDirectories(target.getParent());
    int n = 0;
    try (OutputStream out = Files.newOutputStream(target);
        WarcWriter warc =
            new WarcWriter(java.nio.channels.Channels.newChannel(out), WarcCompression.GZIP)) {
      Instant start = pages.get(0).fetchTime().minusSeconds(60);
      warc.write(
          new Warcinfo.Builder()
              .recordId(uuid("warcinfo"))
              .date(start)
              .filename(target.getFileName().toString())
              .fields(
                  Map.of(
                      "software", List.of("framelens sample builder"),
                      "description",
                          List.of("Fictional outlets, own sentences; see data-samples/README.md")))
              .build());
      for (Page page : pages) {
        byte[] source = Files.readAllBytes(sourceRoot.resolve(page.file()));
        String contentType;
        byte[] body;
        if (page.file().endsWith(".pdf.txt")) {
          contentType = "application/pdf";
          body = pdf(new String(source, StandardCharsets.UTF_8));
        } else if (page.file().endsWith(".docx.txt")) {
          contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
          body = docx(new String(source, StandardCharsets.UTF_8));
        } else {
          Charset cs = Charset.forName(page.charset());
          body = new String(source, StandardCharsets.UTF_8).getBytes(cs);
          contentType = "text/html; charset=" + page.charset().toLowerCase(java.util.Locale.ROOT);
        }
        boolean gzip = n % 3 == 1 && contentType.startsWith("text/html");
        writeExchange(warc, page.url(), page.fetchTime(), 200, "OK", contentType, body, gzip);
        n++;
      }
      writeNonArticles(warc, pages);
    }
    return n;
  }

  private void writeNonArticles(WarcWriter warc, List<Page> pages) throws IOException {
    Page first = pages.get(0);
    Page last = pages.get(pages.size() - 1);
    URI host = URI.create(first.url()).resolve("/");
    Instant t = last.fetchTime().plusSeconds(30);
    writeExchange(
        warc,
        host + "assets/site.css",
        t,
        200,
        "OK",
        "text/css",
        "body{font-family:serif}".getBytes(StandardCharsets.UTF_8),
        false);
    writeExchange(
        warc,
        host + "assets/app.js",
        t.plusSeconds(1),
        200,
        "OK",
        "application/javascript",
        "console.log('x');".getBytes(StandardCharsets.UTF_8),
        false);
    writeExchange(
        warc, host + "img/logo.png", t.plusSeconds(2), 200, "OK", "image/png", PNG_1X1, false);
    writeExchange(
        warc,
        host + "news/no-such-page",
        t.plusSeconds(3),
        404,
        "Not Found",
        "text/html; charset=utf-8",
        "<html><body><h1>Page not found</h1></body></html>".getBytes(StandardCharsets.UTF_8),
        false);
    HttpResponse redirect =
        new HttpResponse.Builder(301, "Moved Permanently")
            .addHeader("Location", first.url())
            .body(MediaType.HTML, new byte[0])
            .build();
    warc.write(
        new WarcResponse.Builder(URI.create(host + "old-link"))
            .recordId(uuid("redirect"))
            .date(t.plusSeconds(4))
            .body(redirect)
            .build());
    warc.write(
        new WarcRevisit.Builder(URI.create(first.url()))
            .recordId(uuid("revisit"))
            .date(t.plusSeconds(5))
            .refersTo(uuid("response " + first.url()), URI.create(first.url()), first.fetchTime())
            .body(new HttpResponse.Builder(304, "Not Modified").build())
            .build());
    warc.write(
        new WarcMetadata.Builder()
            .targetURI(first.url())
            .recordId(uuid("metadata"))
            .date(t.plusSeconds(6))
            .fields(Map.of("outlink", List.of(host + "news/")))
            .build());
  }

  static void writeExchange(
      WarcWriter warc,
      String url,
      Instant time,
      int status,
      String reason,
      String contentType,
      byte[] body,
      boolean gzip)
      throws IOException {
    URI uri = URI.create(url);
    String path =
        (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    HttpRequest request =
        new HttpRequest.Builder("GET", path)
            .addHeader(
                "Host",
                uri.getHost() != null ? uri.getHost() : String.valueOf(uri.getRawAuthority()))
            .addHeader("User-Agent", "framelens-sample-crawler/1.0")
            .addHeader("Accept-Encoding", "gzip")
            .build();
    HttpResponse.Builder response =
        new HttpResponse.Builder(status, reason).addHeader("Content-Type", contentType);
    byte[] payload = body;
    if (gzip) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
        gz.write(body);
      }
      payload = buf.toByteArray();
      response.addHeader("Content-Encoding", "gzip");
    }
    response.addHeader("Content-Length", Integer.toString(payload.length));
    UUID responseId = uuid("response " + url);
    warc.write(
        new WarcRequest.Builder(uri)
            .recordId(uuid("request " + url))
            .date(time)
            .concurrentTo(URI.create("urn:uuid:" + responseId))
            .body(request)
            .build());
    warc.write(
        new WarcResponse.Builder(uri)
            .recordId(responseId)
            .date(time)
            .body(response.body(MediaType.parse(contentType.replace(" ", "")), payload).build())
            .build());
  }

  private static UUID uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  /** Source layout: title line, "Published: YYYY-MM-DD", blank line, paragraphs. */
  record TextSource(String title, LocalDate published, List<String> paragraphs) {
    static TextSource parse(String text) {
      String[] lines = text.split("\\R");
      String title = lines[0].strip();
      LocalDate published = LocalDate.parse(lines[1].replace("Published:", "").strip());
      List<String> paragraphs = new ArrayList<>();
      StringBuilder p = new StringBuilder();
      for (int i = 2; i < lines.length; i++) {
        if (lines[i].isBlank()) {
          if (p.length() > 0) {
            paragraphs.add(p.toString().strip());
            p.setLength(0);
          }
        } else {
          p.append(lines[i].strip()).append(' ');
        }
      }
      if (p.length() > 0) {
        paragraphs.add(p.toString().strip());
      }
      return new TextSource(title, published, paragraphs);
    }

    Calendar publishedCalendar() {
      Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      c.setTimeInMillis(published.atTime(9, 0).toInstant(ZoneOffset.UTC).toEpochMilli());
      return c;
    }
  }

  static byte[] pdf(String text) throws IOException {
    TextSource src = TextSource.parse(text);
    try (PDDocument doc = new PDDocument()) {
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(src.title());
      info.setAuthor("ReliefWatch field team");
      info.setCreationDate(src.publishedCalendar());
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      List<String[]> lines = new ArrayList<>();
      lines.add(new String[] {"B", src.title()});
      lines.add(new String[] {"", ""});
      for (String p : src.paragraphs()) {
        for (String l : wrap(p, 95)) {
          lines.add(new String[] {"", l});
        }
        lines.add(new String[] {"", ""});
      }
      int i = 0;
      while (i < lines.size()) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.newLineAtOffset(50, 790);
          cs.setLeading(14);
          for (int row = 0; row < 52 && i < lines.size(); row++, i++) {
            cs.setFont(
                lines.get(i)[0].equals("B") ? bold : font, lines.get(i)[0].equals("B") ? 13 : 10);
            cs.showText(lines.get(i)[1]);
            cs.newLine();
          }
          cs.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  static byte[] docx(String text) throws IOException {
    TextSource src = TextSource.parse(text);
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.getProperties().getCoreProperties().setTitle(src.title());
      doc.getProperties().getCoreProperties().setCreator("Collectif Solidarités Méditerranée");
      doc.getProperties()
          .getCoreProperties()
          .setCreated(
              java.util.Optional.of(
                  java.util.Date.from(src.published().atTime(9, 0).toInstant(ZoneOffset.UTC))));
      XWPFParagraph title = doc.createParagraph();
      title.setStyle("Title");
      var run = title.createRun();
      run.setBold(true);
      run.setText(src.title());
      for (String p : src.paragraphs()) {
        doc.createParagraph().createRun().setText(p);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    }
  }

  private static List<String> wrap(String p, int width) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String w : p.split(" ")) {
      if (line.length() + w.length() + 1 > width && line.length() > 0) {
        out.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(w);
    }
    if (line.length() > 0) {
      out.add(line.toString());
    }
    return out;
  }

  /** A valid 1×1 transparent PNG. */
  private static final byte[] PNG_1X1 =
      java.util.Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
}
