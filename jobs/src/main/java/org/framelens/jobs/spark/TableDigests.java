package org.framelens.jobs.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framelens.common.schema.TableSchema;
import org.framelens.common.schema.Tables;

/**
 * Row count and an order-independent content digest (sum of a 64-bit hash of every row) per table,
 * to check that a rerun or a recovered run produced the same tables. The runs table is left out:
 * every run appends to it.
 */
public final class TableDigests {
  private TableDigests() {}

  public static Map<String, String> of(SparkSession spark, String output) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (TableSchema t : Tables.ALL) {
      if (t == Tables.RUNS) {
        continue;
      }
      Path p = new Path(output, t.name());
      if (!p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p)) {
        out.put(t.name(), "absent");
        continue;
      }
      Column[] cols = t.columnNames().stream().map(c -> col(c)).toArray(Column[]::new);
      Row r =
          spark
              .read()
              .schema(SparkTables.structType(t))
              .parquet(p.toString())
              .agg(
                  count(lit(1)).as("n"),
                  sum(xxhash64(cols).cast("decimal(38,0)")).cast("string").as("digest"))
              .first();
      String digest = r.isNullAt(r.fieldIndex("digest")) ? "0" : r.getAs("digest");
      out.put(t.name(), r.<Long>getAs("n") + " rows, digest " + digest);
    }
    return out;
  }
}
