/**
 * Stage: from input paths to one row per input record. Listing and splitting plan the tasks on the
 * driver; {@link PartitionProcessor} streams each task's records through the plain-Java pipeline of
 * {@code org.framelens.common.pipeline} on the executors, with resources built once per executor
 * JVM from {@link PreparedProcessing}.
 */
package org.framelens.jobs.ingest;
