/**
 * Developer commands: benchmarks (warm and cold), the extraction evaluation, the sample-crawl
 * builder and the README table docs. No user job depends on this package.
 */
package org.framelens.jobs.cli.dev;
