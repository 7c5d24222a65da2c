package org.framelens.jobs;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.framelens.common.schema.ColumnType;
import org.framelens.common.schema.TableSchema;

/** Spark types for the schemas declared in {@code common}. */
public final class SparkTables {
  private SparkTables() {}

  /** Column names as the Scala sequence Spark's join-on-columns methods take. */
  static scala.collection.immutable.Seq<String> seq(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
  }

  public static StructType structType(TableSchema table) {
    List<StructField> fields = new ArrayList<>();
    for (org.framelens.common.schema.Column c : table.columns()) {
      Metadata md = new MetadataBuilder().putString("comment", c.description()).build();
      fields.add(DataTypes.createStructField(c.name(), sparkType(c.type()), c.nullable(), md));
    }
    return DataTypes.createStructType(fields);
  }

  /** The table's columns without its partition columns (those live in a struct elsewhere). */
  public static StructType structTypeWithout(TableSchema table, List<String> dropped) {
    List<StructField> fields = new ArrayList<>();
    for (StructField f : structType(table).fields()) {
      if (!dropped.contains(f.name())) {
        fields.add(f);
      }
    }
    return DataTypes.createStructType(fields);
  }

  static DataType sparkType(ColumnType type) {
    return switch (type) {
      case STRING -> DataTypes.StringType;
      case INT -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case BOOLEAN -> DataTypes.BooleanType;
      case TIMESTAMP -> DataTypes.TimestampType;
      case DATE -> DataTypes.DateType;
    };
  }

  /** Selects exactly the table's columns in its order, cast to its types. */
  public static Dataset<Row> conform(Dataset<Row> ds, TableSchema table) {
    StructType type = structType(table);
    List<Column> cols = new ArrayList<>();
    for (StructField f : type.fields()) {
      cols.add(ds.col(f.name()).cast(f.dataType()).as(f.name(), f.metadata()));
    }
    return ds.select(cols.toArray(new Column[0]));
  }

  static Timestamp timestamp(Instant t) {
    return t == null ? null : Timestamp.from(t);
  }

  static Date date(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }
}
