/**
 * framelens jobs: the command line ({@link org.framelens.jobs.FramelensCli}) over Spark jobs that
 * turn crawls into framing tables. Packages follow the data flow and depend downwards only: {@code
 * cli} -> {@code run}, {@code nightly}, {@code retag}, {@code report}, {@code validate} -> {@code
 * articles}, {@code compare} -> {@code ingest} -> {@code spark} -> {@code org.framelens.common}.
 * See docs/architecture.md; {@code PackageLayersTest} checks the direction.
 */
package org.framelens.jobs;
