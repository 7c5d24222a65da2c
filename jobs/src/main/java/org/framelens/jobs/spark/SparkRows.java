package org.framelens.jobs.spark;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

  // a table's Spark type and name index, built once per JVM rather than once per row
  private static final Map<String, Shape> TABLE_SHAPES = new ConcurrentHashMap<>();

  /** A row builder for a table. */
  public static Builder of(TableSchema table) {
    return shape(table).row();
  }

  /**
   * A row builder for an intermediate row type (a struct no table declares). Code that builds a row
   * per record keeps a {@link #shape(StructType)} instead, so the name index is built once.
   */
  public static Builder of(StructType type) {
    return shape(type).row();
  }

  /** The shape of a table's rows (cached per JVM). */
  public static Shape shape(TableSchema table) {
    Shape s = TABLE_SHAPES.get(table.name());
    if (s == null || s.table != table) {
      s = new Shape(SparkTables.structType(table), table);
      TABLE_SHAPES.put(table.name(), s);
    }
    return s;
  }

  /** The shape of rows of this type: keep it in a constant where rows are built per record. */
  public static Shape shape(StructType type) {
    return new Shape(type, null);
  }

  /** A row type with its name index; serializable, so a Spark function may capture one. */
  public static final class Shape implements java.io.Serializable {
    private final StructType type;
    // only to tell the cached shape of a redeclared table from the current one, on the driver
    private final transient TableSchema table;
    private final TableRow.Columns columns;

    private Shape(StructType type, TableSchema table) {
      this.type = type;
      this.table = table;
      this.columns = TableRow.Columns.of(Arrays.asList(type.fieldNames()));
    }

    /** A new, empty row of this shape. */
    public Builder row() {
      return new Builder(this);
    }

    public StructType type() {
      return type;
    }
  }

  private static Object emptyValue(StructField f) {
    if (f.nullable()) {
      return null;
    }
    DataType t = f.dataType();
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
    private final Shape shape;
    private final TableRow values;

    private Builder(Shape shape) {
      this.shape = shape;
      this.values = shape.columns.newRow();
    }

    public Builder set(String column, Object value) {
      values.set(column, value);
      return this;
    }

    /**
     * Sets every column to its empty value: null where the column may be null, else 0, false, "" or
     * an empty list (a required date or time stays null), so a test fixture names only the columns
     * it is about.
     */
    public Builder withDefaults() {
      for (StructField f : shape.type.fields()) {
        values.set(f.name(), emptyValue(f));
      }
      return this;
    }

    /** The value set for a column so far. */
    public Object get(String column) {
      return values.get(column);
    }

    public Row build() {
      return new GenericRowWithSchema(values.values(), shape.type);
    }
  }
}
