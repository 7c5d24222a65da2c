package org.framelens.common.schema;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of one row, set by column name and handed out in the table's column order. This is the
 * one place that turns names into positions: adding a column to a table is one edit to its schema,
 * and a value set under a misspelt name fails at once instead of shifting the others.
 */
public final class TableRow {
  private final List<String> names;
  private final Map<String, Integer> index;
  private final Object[] values;

  private TableRow(List<String> names, Map<String, Integer> index) {
    this.names = names;
    this.index = index;
    this.values = new Object[names.size()];
  }

  /** An empty row of the table: every column null until set. */
  public static TableRow of(TableSchema table) {
    return of(table.columnNames());
  }

  /** An empty row with these columns, in this order. */
  public static TableRow of(List<String> columnNames) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < columnNames.size(); i++) {
      if (index.put(columnNames.get(i), i) != null) {
        throw new IllegalArgumentException("column " + columnNames.get(i) + " appears twice");
      }
    }
    return new TableRow(List.copyOf(columnNames), index);
  }

  /** Sets a column's value; an unknown column name is an error. */
  public TableRow set(String column, Object value) {
    values[position(column)] = value;
    return this;
  }

  /** The value set for a column (null when unset). */
  public Object get(String column) {
    return values[position(column)];
  }

  /** The values in column order. */
  public Object[] values() {
    return Arrays.copyOf(values, values.length);
  }

  /** The column's position among the row's columns. */
  public int position(String column) {
    Integer i = index.get(column);
    if (i == null) {
      throw new IllegalArgumentException("no column " + column + " among " + names);
    }
    return i;
  }
}
