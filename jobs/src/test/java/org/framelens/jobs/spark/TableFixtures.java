package org.framelens.jobs.spark;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framelens.common.schema.TableSchema;

/**
 * Test tables built from the declared schemas ({@code Tables.*}): a fixture names the columns it is
 * about and every other column takes its type's empty value, so a fixture cannot drift from the
 * table it stands for.
 */
public final class TableFixtures {
  private TableFixtures() {}

  /** A row of the table from name/value pairs; unnamed columns take their empty value. */
  public static Row row(TableSchema table, Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs");
    }
    SparkRows.Builder b = SparkRows.of(table).withDefaults();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      b.set((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return b.build();
  }

  /** A table of these rows, with the table's full schema. */
  public static Dataset<Row> table(SparkSession spark, TableSchema table, Row... rows) {
    return spark.createDataFrame(List.of(rows), SparkTables.structType(table));
  }

  /** A table of these rows, with the table's full schema. */
  public static Dataset<Row> table(SparkSession spark, TableSchema table, List<Row> rows) {
    return spark.createDataFrame(rows, SparkTables.structType(table));
  }
}
