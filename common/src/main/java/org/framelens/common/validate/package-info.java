/**
 * Lexicon validation: stratified sampling of hits and paragraphs for human coding, and scoring of
 * coded sheets (precision, miss rate, Krippendorff's alpha).
 */
package org.framelens.common.validate;
