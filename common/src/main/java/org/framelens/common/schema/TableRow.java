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
  private final Columns columns;
  private final Object[] values;

  private TableRow(Columns columns) {
    this.columns = columns;
    this.values = new Object[columns.names.size()];
  }

  /**
   * A row layout: column names and their positions, computed once and shared by every row built
   * from it (rows are built per record on the executors, so the name index is not rebuilt each
   * time).
   */
  public static final class Columns implements java.io.Serializable {
    private final List<String> names;
    private final Map<String, Integer> index;

    private Columns(List<String> names) {
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        if (index.put(names.get(i), i) != null) {
          throw new IllegalArgumentException("column " + names.get(i) + " appears twice");
        }
      }
      this.names = List.copyOf(names);
      this.index = Map.copyOf(index);
    }

    /** The layout of these columns, in this order. */
    public static Columns of(List<String> columnNames) {
      return new Columns(columnNames);
    }

    /** An empty row of this layout: every column null until set. */
    public TableRow newRow() {
      return new TableRow(this);
    }

    /** The column names in order. */
    public List<String> names() {
      return names;
    }

    /** The column's position; an unknown column name is an error. */
    public int position(String column) {
      Integer i = index.get(column);
      if (i == null) {
        throw new IllegalArgumentException("no column " + column + " among " + names);
      }
      return i;
    }
  }

  /** An empty row of the table: every column null until set. */
  public static TableRow of(TableSchema table) {
    return of(table.columnNames());
  }

  /** An empty row with these columns, in this order. */
  public static TableRow of(List<String> columnNames) {
    return Columns.of(columnNames).newRow();
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
    return columns.position(column);
  }
}
