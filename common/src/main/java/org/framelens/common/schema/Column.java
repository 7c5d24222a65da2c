package org.framelens.common.schema;

import java.util.Objects;

/** One column of an output table, with the one-line description the README documents. */
public record Column(String name, ColumnType type, boolean nullable, String description) {
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("column " + name + " needs a description");
    }
  }

  public static Column required(String name, ColumnType type, String description) {
    return new Column(name, type, false, description);
  }

  public static Column optional(String name, ColumnType type, String description) {
    return new Column(name, type, true, description);
  }
}
