/**
 * Extraction evaluation against public ground truth (the Zyte and trafilatura page sets): page
 * loading and the scorers that {@code bin/framelens eval extraction} prints.
 */
package org.framelens.common.eval;
