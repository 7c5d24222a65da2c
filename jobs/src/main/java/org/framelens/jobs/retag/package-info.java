/**
 * {@code retag}: the stored article text tagged again with another lexicon; frame_hits and the
 * comparison tables rewritten, no document read or parsed again.
 */
package org.framelens.jobs.retag;
