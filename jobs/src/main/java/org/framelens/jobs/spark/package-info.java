/**
 * Spark and Hadoop plumbing shared by every stage: sessions, table types and I/O from the schemas
 * of {@code org.framelens.common.schema}, rows built by column name ({@link SparkRows}), the {@code
 * spark.framelens.*} keys ({@link FramelensConf}), table digests and the code version.
 */
package org.framelens.jobs.spark;
