package org.framelens.common.schema;

import java.util.List;
import java.util.Optional;

/**
 * An output table: its directory name under the output root, what one row is, its columns in order
 * and the columns it is partitioned by (which Parquet stores as directory names).
 */
public record TableSchema(
    String name, String rowDescription, List<Column> columns, List<String> partitionColumns) {
  public TableSchema {
    columns = List.copyOf(columns);
    partitionColumns = List.copyOf(partitionColumns);
    for (String p : partitionColumns) {
      if (columns.stream().noneMatch(c -> c.name().equals(p))) {
        throw new IllegalArgumentException(name + ": partition column " + p + " is not a column");
      }
    }
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }
}
