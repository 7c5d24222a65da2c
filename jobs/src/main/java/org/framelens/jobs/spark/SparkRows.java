package org.framelens.jobs.spark;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
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

  private static Object emptyValue(DataType t) {
    if (t instanceof StringType) return "";
    if (t instanceof IntegerType) return 0;
    if (t instanceof LongType) return 0L;
    if (t instanceof DoubleType) return 0.0;
    if (t instanceof BooleanType) return false;
    if (t instanceof ArrayType) return List.of();
    return null;
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

    /**
     * Sets every column to its type's empty value (0, false, "", an empty list; dates and times
     * stay null), so a test fixture names only the columns it is about.
     */
    public Builder withDefaults() {
      for (StructField f : type.fields()) {
        values.set(f.name(), emptyValue(f.dataType()));
      }
      return this;
    }

    /** The value set for a column so far. */
    public Object get(String column) {
      return values.get(column);
    }

    public Row build() {
      return new GenericRowWithSchema(values.values(), type);
    }
  }
}
