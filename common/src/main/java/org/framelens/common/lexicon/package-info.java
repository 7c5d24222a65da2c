/**
 * Tag: the researcher-editable lexicon (parsed with line-numbered errors), its compiled
 * morphology-aware form (Lucene analyzers per language) and the quote-aware tagger.
 */
package org.framelens.common.lexicon;
