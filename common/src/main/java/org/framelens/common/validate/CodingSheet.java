package org.framelens.common.validate;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and writes coding sheets: RFC 4180 CSV, UTF-8, a header row with exactly {@link
 * SheetItem#COLUMNS}. Reading checks the whole sheet and names every problem with its line.
 *
 * <p>Cells hold crawled text, so a cell a spreadsheet would take for a formula is written with a
 * leading {@code '} ({@link #neutralise}, OWASP's advice against CSV injection) and read back
 * without it ({@link #restore}): the text round-trips exactly. The coding page's script does the
 * same when it saves and loads a sheet.
 */
public final class CodingSheet {
  private CodingSheet() {}

  /** Byte-order mark some spreadsheet programs put in front of a UTF-8 CSV. */
  private static final String BOM = "\uFEFF";

  /** What makes a spreadsheet read a cell as a formula (OWASP: = + - @, tab, CR). */
  private static final String FORMULA_START = "=+-@\t\r";

  /** What may stand before a formula start and still let it be one. */
  private static final String LEADING_SPACE = " \t\r\n";

  /**
   * Whether a spreadsheet could take this text for a formula once a leading {@code '} is added or
   * removed: after any leading {@code '}s, it starts with = + - @ tab or CR, or has = + - @ after
   * leading spaces, tabs and line breaks. The leading {@code '}s count so that a text that already
   * starts with {@code '} and a formula start is written with one more and reads back unchanged.
   */
  static boolean looksLikeFormula(String v) {
    int i = 0;
    while (i < v.length() && v.charAt(i) == '\'') {
      i++;
    }
    if (i < v.length() && FORMULA_START.indexOf(v.charAt(i)) >= 0) {
      return true;
    }
    while (i < v.length() && LEADING_SPACE.indexOf(v.charAt(i)) >= 0) {
      i++;
    }
    return i < v.length() && "=+-@".indexOf(v.charAt(i)) >= 0;
  }

  /** The cell as written: with a leading {@code '} when it could be read as a formula. */
  public static String neutralise(String v) {
    return looksLikeFormula(v) ? "'" + v : v;
  }

  /** The text of a cell {@link #neutralise} wrote: the added {@code '} removed, nothing else. */
  public static String restore(String cell) {
    return cell.startsWith("'") && looksLikeFormula(cell.substring(1)) ? cell.substring(1) : cell;
  }

  public static void write(List<SheetItem> items, Appendable out) {
    CSVFormat format =
        CSVFormat.RFC4180.builder().setHeader(SheetItem.COLUMNS.toArray(new String[0])).build();
    try {
      CSVPrinter p = new CSVPrinter(out, format);
      for (SheetItem i : items) {
        p.printRecord(i.cells().stream().map(CodingSheet::neutralise).toList());
      }
      p.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String toCsv(List<SheetItem> items) {
    StringBuilder b = new StringBuilder();
    write(items, b);
    return b.toString();
  }

  /**
   * @param source the sheet's name in messages
   * @throws IllegalArgumentException naming every bad line (wrong header, unknown kind or
   *     judgement, duplicate item id, bad offsets)
   */
  public static List<SheetItem> read(Reader in, String source) {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
    List<SheetItem> items = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(in, format)) {
      List<String> header = new ArrayList<>(parser.getHeaderNames());
      if (!header.isEmpty() && header.get(0).startsWith(BOM)) {
        header.set(0, header.get(0).substring(1));
      }
      if (!header.equals(SheetItem.COLUMNS)) {
        throw new IllegalArgumentException(
            source
                + ": not a coding sheet: the header must be "
                + String.join(",", SheetItem.COLUMNS)
                + " but is "
                + String.join(",", header));
      }
      Set<String> ids = new HashSet<>();
      for (CSVRecord raw : parser) {
        List<String> r = raw.stream().map(CodingSheet::restore).toList();
        long line = raw.getRecordNumber() + 1; // the spreadsheet row (the header is row 1)
        if (r.size() == 1 && r.get(0).isBlank()) {
          continue;
        }
        if (r.size() != SheetItem.COLUMNS.size()) {
          problems.add("row " + line + ": " + r.size() + " cells, not " + SheetItem.COLUMNS.size());
          continue;
        }
        String kind = r.get(1).strip().toLowerCase(Locale.ROOT);
        String judgement = r.get(15).strip().toLowerCase(Locale.ROOT);
        String id = r.get(0).strip();
        if (id.isEmpty()) {
          problems.add("row " + line + ": empty item_id");
        } else if (!ids.add(id)) {
          problems.add("row " + line + ": item " + id + " appears twice");
        }
        if (!kind.equals(SheetItem.HIT) && !kind.equals(SheetItem.PARAGRAPH)) {
          problems.add("row " + line + ": kind must be hit or paragraph, not '" + kind + "'");
        }
        if (!judgement.isEmpty()
            && !judgement.equals(SheetItem.CORRECT)
            && !judgement.equals(SheetItem.WRONG)
            && !judgement.equals(SheetItem.UNSURE)) {
          problems.add(
              "row "
                  + line
                  + ": judgement must be correct, wrong, unsure or empty, not '"
                  + r.get(15)
                  + "'");
        }
        int start = offset(r.get(10), line, "start", problems);
        int end = offset(r.get(11), line, "end", problems);
        items.add(
            new SheetItem(
                id,
                kind,
                r.get(2).strip(),
                r.get(3).strip(),
                r.get(4).strip(),
                r.get(5).strip(),
                r.get(6).strip(),
                r.get(7).strip(),
                r.get(8),
                r.get(9),
                start,
                end,
                r.get(12).strip(),
                r.get(13),
                r.get(14).strip(),
                judgement,
                r.get(16).strip(),
                r.get(17)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot read the sheet", e);
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      throw new IllegalArgumentException(source + ": not valid CSV: " + e.getMessage(), e);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          source + ": invalid coding sheet:\n  " + String.join("\n  ", problems));
    }
    return items;
  }

  private static int offset(String cell, long line, String name, List<String> problems) {
    String s = cell.strip();
    if (s.isEmpty()) {
      return -1;
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      problems.add("row " + line + ": " + name + " is not a number: '" + s + "'");
      return -1;
    }
  }
}
