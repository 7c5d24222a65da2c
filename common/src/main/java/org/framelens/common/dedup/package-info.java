/**
 * Near-duplicate detection: the MinHash sketch of an article's text ({@link TextSketch}) and the
 * banding and confirmation rules ({@link NearDuplicates}).
 */
package org.framelens.common.dedup;
