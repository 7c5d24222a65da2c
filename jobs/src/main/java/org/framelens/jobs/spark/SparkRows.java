package org.framelens.jobs.spark;

import java.util.Arrays;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.framelens.common.schema.TableRow;
import org.framelens.common.schema.TableSchema;

/**
 * Spark rows built by column name, through {@link TableRow}: the only positional row building in
 * the jobs. The rows carry their schema, so they are read back by name too ({@code
 * row.getAs("frame")}).
 */
public final class SparkRows {
  private SparkRows() {}

  /** A row builder for a table. */
  public static Builder of(TableSchema table) {
    return new Builder(SparkTables.structType(table));
  }

  /** A row builder for an intermediate row type (a struct no table declares). */
  public static Builder of(StructType type) {
    return new Builder(type);
  }

  /** Sets values by name; {@link #build} gives the row in the type's field order. */
  public static final class Builder {
    private final StructType type;
    private final TableRow values;

    private Builder(StructType type) {
      this.type = type;
      this.values = TableRow.of(Arrays.asList(type.fieldNames()));
    }

    public Builder set(String column, Object value) {
      values.set(column, value);
      return this;
    }

    public Row build() {
      return new GenericRowWithSchema(values.values(), type);
    }
  }
}
