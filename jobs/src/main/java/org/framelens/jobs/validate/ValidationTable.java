package org.framelens.jobs.validate;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.framelens.common.schema.Tables;
import org.framelens.common.validate.ValidationFigure;
import org.framelens.jobs.spark.SparkTables;

/** Writes the scored figures as the {@code lexicon_validation} table (one file, replaced). */
public final class ValidationTable {
  private ValidationTable() {}

  /**
   * @return where the table was written
   */
  public static String write(
      SparkSession spark, List<ValidationFigure> figures, String sheets, String dir) {
    List<Row> rows = new ArrayList<>();
    for (ValidationFigure f : figures) {
      rows.add(
          RowFactory.create(
              f.scope(),
              blankToNull(f.lang()),
              blankToNull(f.frame()),
              blankToNull(f.term()),
              f.hitItems(),
              f.correct(),
              f.wrong(),
              f.unresolved(),
              nanToNull(f.precision()),
              nanToNull(f.precisionCiLow()),
              nanToNull(f.precisionCiHigh()),
              f.paragraphItems(),
              f.paragraphsWithFrame(),
              nanToNull(f.missRate()),
              nanToNull(f.missRateCiLow()),
              nanToNull(f.missRateCiHigh()),
              f.coders(),
              f.alphaUnits(),
              nanToNull(f.alpha()),
              nanToNull(f.paragraphAlpha()),
              f.threshold(),
              f.belowThreshold(),
              sheets));
    }
    String target = new Path(dir, Tables.LEXICON_VALIDATION.name()).toString();
    spark
        .createDataFrame(rows, SparkTables.structType(Tables.LEXICON_VALIDATION))
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .option("compression", "snappy")
        .parquet(target);
    return target;
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static Double nanToNull(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
