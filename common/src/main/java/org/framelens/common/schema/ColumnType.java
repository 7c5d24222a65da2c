package org.framelens.common.schema;

/** Logical column types, mapped to Spark and Parquet types in the jobs module. */
public enum ColumnType {
  STRING,
  INT,
  LONG,
  DOUBLE,
  BOOLEAN,
  TIMESTAMP,
  DATE,
  /** A list of 32-bit integers. */
  INT_ARRAY
}
