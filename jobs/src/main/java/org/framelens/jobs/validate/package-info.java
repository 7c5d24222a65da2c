/**
 * Validation of the lexicon against human coding: the stratified sample sheet and the {@code
 * lexicon_validation} table computed from coded sheets.
 */
package org.framelens.jobs.validate;
