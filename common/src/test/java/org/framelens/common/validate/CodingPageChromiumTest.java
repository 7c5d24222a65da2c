package org.framelens.common.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML coding page in headless Chromium (when /usr/bin/chromium exists): a scripted coder types
 * the page's keyboard shortcuts and presses "Save CSV"; the saved sheet is scored.
 */
class CodingPageChromiumTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path tmp;

  @BeforeAll
  static void needsChromium() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": install Debian's chromium package");
  }

  static SheetItem hit(String id, String lang, String frame, String term, String context) {
    int open = context.indexOf("[[");
    String matched = context.substring(open + 2, context.indexOf("]]"));
    return new SheetItem(
        id,
        "hit",
        "a-" + id,
        "https://example.org/" + id,
        "example.org",
        lang,
        "body",
        frame,
        term,
        matched,
        open,
        open + matched.length(),
        "own",
        context,
        "",
        "",
        "",
        "");
  }

  static SheetItem paragraph(String id, String lang, String text) {
    return new SheetItem(
        id,
        "paragraph",
        "a-" + id,
        "https://example.org/" + id,
        "example.org",
        lang,
        "body",
        "",
        "",
        "",
        0,
        text.length(),
        "",
        text,
        "",
        "",
        "",
        "");
  }

  static final List<SheetItem> ITEMS =
      List.of(
          hit(
              "h1",
              "en",
              "terrorism",
              "terrorist",
              "Police said the [[terrorist]] cell was broken up."),
          hit(
              "h2",
              "en",
              "terrorism",
              "terrorist",
              "=HYPERLINK(\"https://leak.example/\") A \"terrorist\" <b>film</b> & its [[terrorist]] plot."),
          hit("h3", "ar", "resistance", "مقاومة", "قالت الحركة إن [[المقاومة]] مستمرة في الشمال."),
          hit("h4", "he", "hostages", "חטוף", "משפחות [[החטופים]] נפגשו עם השר, \"בבוקר\"."),
          paragraph(
              "p1",
              "en",
              "The minister blamed the militants for the attack on the bus.\nSecond line."),
          paragraph("p2", "ar", "افتتحت البلدية حديقة جديدة قرب النهر يوم السبت."));

  /** The scripted coder: keys as a person types them, then Save; the results go into the DOM. */
  static final String CODER =
      """
      <script>
      (function () {
        const key = (k) => document.dispatchEvent(new KeyboardEvent("keydown", {key: k, bubbles: true}));
        const facts = {};
        facts.itemsShown = document.querySelectorAll("#list tr").length;
        key("c");                       // no coder name yet: refused, the warning shows
        facts.warned = !document.getElementById("coder-warning").hidden;
        facts.codedBeforeName = document.getElementById("progress").textContent;
        document.getElementById("coder").value = "tess";
        key("c");                       // h1 correct, on to h2
        key("w");                       // h2 wrong, on to h3 (Arabic)
        const ctx = document.getElementById("context");
        facts.arabicDir = ctx.dir;
        facts.arabicDirection = getComputedStyle(ctx).direction;
        facts.arabicMark = ctx.querySelector("mark").textContent;
        key("c");                       // h3 correct, on to h4 (Hebrew)
        facts.hebrewDirection = getComputedStyle(ctx).direction;
        key("u");                       // h4 unsure, on to p1
        key("1");                       // p1: tick the first frame (terrorism)
        key("3");                       // and the third (resistance)
        key("3");                       // untick it again
        key("Enter");                   // p1 done, on to p2
        document.getElementById("note").value = "-no frame, a park";
        key("Enter");                   // p2 done: no frame
        facts.progress = document.getElementById("progress").textContent;
        document.getElementById("save").click();
        const link = document.getElementById("saved-link");
        facts.download = link.download;
        facts.blob = link.href.startsWith("blob:");
        facts.csv = window.framelensSavedCsv;
        const out = document.createElement("pre");
        out.id = "facts";
        out.textContent = JSON.stringify(facts);
        document.body.append(out);
      })();
      </script>
      """;

  @Test
  void aScriptedCoderFillsTheSheetWithTheKeyboardAndTheSavedCsvScoresCorrectly() throws Exception {
    String page = CodingPage.render(ITEMS, List.of("terrorism", "hostages", "resistance"), "s.csv");
    // nothing from the data can end the script early
    assertThat(page).doesNotContain("<b>film</b>");
    Path html = tmp.resolve("s.html");
    Files.writeString(html, page.replace("</body>", CODER + "</body>"), StandardCharsets.UTF_8);

    String facts = dumpFacts(html);

    assertThat(field(facts, "itemsShown")).isEqualTo("6");
    assertThat(field(facts, "warned")).isEqualTo("true");
    assertThat(field(facts, "codedBeforeName")).isEqualTo("\"0 of 6 coded\"");
    assertThat(field(facts, "arabicDir")).isEqualTo("\"auto\"");
    assertThat(field(facts, "arabicDirection")).isEqualTo("\"rtl\"");
    assertThat(field(facts, "hebrewDirection")).isEqualTo("\"rtl\"");
    assertThat(field(facts, "arabicMark")).isEqualTo("\"المقاومة\"");
    assertThat(field(facts, "progress")).isEqualTo("\"6 of 6 coded\"");
    assertThat(field(facts, "download")).isEqualTo("\"s-tess.csv\"");
    assertThat(field(facts, "blob")).isEqualTo("true");

    String csv = jsonString(field(facts, "csv"));
    List<SheetItem> saved = CodingSheet.read(new StringReader(csv), "s-tess.csv");
    // every column the coder did not answer is unchanged
    assertThat(saved).hasSize(ITEMS.size());
    for (int i = 0; i < ITEMS.size(); i++) {
      assertThat(saved.get(i).coded("", "", "", "")).isEqualTo(ITEMS.get(i));
      assertThat(saved.get(i).coder()).isEqualTo("tess");
    }
    assertThat(saved)
        .extracting(SheetItem::judgement)
        .containsExactly("correct", "wrong", "correct", "unsure", "", "");
    assertThat(saved.get(4).framesPresent()).isEqualTo("terrorism");
    assertThat(saved.get(5).note()).isEqualTo("-no frame, a park");
    // crawled text and a note a spreadsheet would run as formulas are saved neutralised
    assertThat(csv).contains("\"'=HYPERLINK(").contains("\"'-no frame, a park\"");

    List<ValidationFigure> fs = Scoring.score(List.of(new Scoring.Sheet("s-tess.csv", saved)), 0.8);
    // en/terrorism: h1 correct, h2 wrong -> 1/2; p1 has terrorism -> miss rate 1/1
    ValidationFigure en = ScoringTest.find(fs, "frame", "en", "terrorism", "");
    assertThat(en.precision()).isEqualTo(0.5);
    assertThat(en.missRate()).isEqualTo(1.0);
    // ar/resistance: 1/1; p2 without any frame -> miss rate 0/1
    ValidationFigure ar = ScoringTest.find(fs, "frame", "ar", "resistance", "");
    assertThat(ar.precision()).isEqualTo(1.0);
    assertThat(ar.missRate()).isEqualTo(0.0);
    // he/hostages: unsure only -> unresolved, no precision
    ValidationFigure he = ScoringTest.find(fs, "frame", "he", "hostages", "");
    assertThat(he.unresolved()).isEqualTo(1);
    assertThat(he.precision()).isNaN();
  }

  private String dumpFacts(Path html) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(tmp, "chromium-profile");
    Path stdout = tmp.resolve("dom.html");
    Process p =
        new ProcessBuilder(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--dump-dom",
                html.toUri().toString())
            .redirectOutput(stdout.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s");
    }
    String dom = Files.readString(stdout, StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("<pre id=\"facts\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
    assertThat(m.find()).as("the scripted coder's results in the DOM:\n" + dom).isTrue();
    return m.group(1)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u00a0")
        .replace("&amp;", "&");
  }

  /** The raw JSON value of a top-level field of the facts object. */
  private static String field(String json, String name) throws IOException {
    return JSON.readTree(json).get(name).toString();
  }

  private static String jsonString(String json) throws IOException {
    return JSON.readTree(json).asText();
  }

  static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
}
