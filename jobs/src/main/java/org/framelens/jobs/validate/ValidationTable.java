package org.framelens.jobs.validate;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.framelens.common.schema.Tables;
import org.framelens.common.validate.ValidationFigure;
import org.framelens.jobs.spark.SparkRows;
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
          SparkRows.of(Tables.LEXICON_VALIDATION)
              .set("scope", f.scope())
              .set("lang", blankToNull(f.lang()))
              .set("frame", blankToNull(f.frame()))
              .set("term", blankToNull(f.term()))
              .set("hit_items", f.hitItems())
              .set("correct", f.correct())
              .set("wrong", f.wrong())
              .set("unresolved", f.unresolved())
              .set("precision", nanToNull(f.precision()))
              .set("precision_ci_low", nanToNull(f.precisionCiLow()))
              .set("precision_ci_high", nanToNull(f.precisionCiHigh()))
              .set("paragraph_items", f.paragraphItems())
              .set("paragraphs_with_frame", f.paragraphsWithFrame())
              .set("miss_rate", nanToNull(f.missRate()))
              .set("miss_rate_ci_low", nanToNull(f.missRateCiLow()))
              .set("miss_rate_ci_high", nanToNull(f.missRateCiHigh()))
              .set("coders", f.coders())
              .set("alpha_items", f.alphaUnits())
              .set("alpha", nanToNull(f.alpha()))
              .set("paragraph_alpha", nanToNull(f.paragraphAlpha()))
              .set("threshold", f.threshold())
              .set("below_threshold", f.belowThreshold())
              .set("sheets", sheets)
              .build());
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
