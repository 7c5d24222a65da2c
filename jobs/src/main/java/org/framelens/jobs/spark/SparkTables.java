package org.framelens.jobs.spark;

import java.io.IOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.parquet.SparkToParquetSchemaConverter;
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
  public static scala.collection.immutable.Seq<String> seq(String... names) {
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
      case INT_ARRAY -> DataTypes.createArrayType(DataTypes.IntegerType, true);
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

  /** As {@link #conform}, without the dropped columns (e.g. marks that are computed later). */
  public static Dataset<Row> conformWithout(
      Dataset<Row> ds, TableSchema table, List<String> dropped) {
    List<Column> cols = new ArrayList<>();
    for (StructField f : structTypeWithout(table, dropped).fields()) {
      cols.add(ds.col(f.name()).cast(f.dataType()).as(f.name(), f.metadata()));
    }
    return ds.select(cols.toArray(new Column[0]));
  }

  /**
   * Makes an empty table a real table: when {@code tableDir} holds no Parquet file (Spark writes
   * none for a partitioned table without rows), writes one with the table's columns and no rows, so
   * Spark, DuckDB and pandas read it as a table of 0 rows instead of failing. A partitioned table
   * gets it in the folder of {@code partitionDate} ({@code crawl_date=...}; asked only then), where
   * a glob such as {@code frame_hits/*}{@code /*.parquet} finds it.
   */
  public static void ensureParquet(
      SparkSession spark,
      String tableDir,
      TableSchema table,
      java.util.function.Supplier<LocalDate> partitionDate)
      throws IOException {
    Path dir = new Path(tableDir);
    FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (fs.exists(dir)) {
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
      while (files.hasNext()) {
        if (files.next().getPath().getName().endsWith(".parquet")) {
          return;
        }
      }
    }
    List<String> partitions = table.partitionColumns();
    Path target =
        partitions.isEmpty() ? dir : new Path(dir, partitions.get(0) + "=" + partitionDate.get());
    // written directly (no Spark job: a small run has several empty tables), with the Parquet
    // schema and footer metadata Spark's own writer gives an empty table
    StructType columns = structTypeWithout(table, partitions);
    MessageType parquetSchema =
        new SparkToParquetSchemaConverter(spark.sessionState().conf()).convert(columns);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path tmp = new Path(dir.getParent(), "_" + dir.getName() + "-empty-" + System.nanoTime());
    ParquetFileWriter writer =
        new ParquetFileWriter(
            HadoopOutputFile.fromPath(tmp, conf),
            parquetSchema,
            ParquetFileWriter.Mode.CREATE,
            ParquetWriter.DEFAULT_BLOCK_SIZE,
            ParquetWriter.MAX_PADDING_SIZE_DEFAULT);
    writer.start();
    writer.end(Map.of(SPARK_ROW_METADATA, columns.json()));
    fs.mkdirs(target);
    if (!fs.rename(tmp, new Path(target, "part-00000-empty.parquet"))) {
      fs.delete(tmp, false);
      throw new IOException("could not move the empty table file into " + target);
    }
  }

  /** Where Spark keeps a Parquet file's Spark schema (ParquetReadSupport.SPARK_METADATA_KEY). */
  private static final String SPARK_ROW_METADATA = "org.apache.spark.sql.parquet.row.metadata";

  /** Removes the table's folder under {@code out}, if there is one. */
  public static void delete(SparkSession spark, String out, TableSchema table) throws IOException {
    Path dir = new Path(out, table.name());
    dir.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(dir, true);
  }

  /** The table under the output folder, read with its declared schema (inferring costs a job). */
  public static Dataset<Row> read(SparkSession spark, String out, TableSchema table) {
    return spark.read().schema(structType(table)).parquet(out + "/" + table.name());
  }

  /** As {@link #read}, or an empty table when the output has none yet (a store's first night). */
  public static Dataset<Row> readOrEmpty(SparkSession spark, String out, TableSchema table)
      throws IOException {
    Path p = new Path(out, table.name());
    if (!p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p)) {
      return spark.createDataFrame(List.of(), structType(table));
    }
    return read(spark, out, table);
  }

  /** Replaces the table's folder under {@code out} with the rows, partitioned as declared. */
  public static void write(Dataset<Row> rows, String out, TableSchema table) {
    write(rows, out + "/" + table.name(), table.partitionColumns());
  }

  /** Replaces {@code dir} with the rows, snappy Parquet, partitioned by the given columns. */
  public static void write(Dataset<Row> rows, String dir, List<String> partitionBy) {
    var writer = rows.write().mode(SaveMode.Overwrite).option("compression", "snappy");
    if (!partitionBy.isEmpty()) {
      writer = writer.partitionBy(partitionBy.toArray(new String[0]));
    }
    writer.parquet(dir);
  }

  public static Timestamp timestamp(Instant t) {
    return t == null ? null : Timestamp.from(t);
  }

  public static Date date(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }
}
