/**
 * Read: WARC, ARC and document files into raw documents, leniently (resynchronisation after corrupt
 * stretches, date fallbacks, content-encoding quirks), each outcome typed ({@link ReadOutcome}).
 */
package org.framelens.common.input;
