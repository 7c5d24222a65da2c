/**
 * Stage: the per-outlet comparison tables (outlet_frames, outlet_pairs, frame_terms, story_frames)
 * and outlet_coverage, computed in Spark or, for small stores, grouped on the driver with the same
 * per-group functions from {@code org.framelens.common.compare}.
 */
package org.framelens.jobs.compare;
