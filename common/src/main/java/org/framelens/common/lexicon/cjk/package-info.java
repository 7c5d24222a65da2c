/**
 * Word segmentation and match keys for Chinese, Japanese and Korean, for the tagger's language
 * profiles. {@link org.framelens.common.lexicon.cjk.CjkSegmenters} gives one {@link
 * org.framelens.common.lexicon.cjk.WordSegmenter} per language; it turns a paragraph (or a lexicon
 * term: text and terms go through the same segmenter, so their key paths agree) into {@link
 * org.framelens.common.lexicon.cjk.SegmentedWord}s with offsets into the original string.
 *
 * <p>Choices, each checked by a test:
 *
 * <ul>
 *   <li><b>zh</b>: Lucene smartcn {@code HMMChineseTokenizer}. Its dictionary is simplified only,
 *       so the text is folded to simplified characters first (ICU4J {@code Traditional-Simplified},
 *       read once into a char-for-char table, so offsets stay those of the original) and keys are
 *       simplified: a term written in either script matches text in either. smartcn takes no user
 *       dictionary and sometimes splits a word into characters in context; {@code
 *       withVocabulary(terms)} joins a run of its words that is a lexicon term, only where the run
 *       starts and ends at its word edges, so a two-character term is never found inside a longer
 *       word or across two words (加沙 in 增加沙袋, 人质 in 个人质疑).
 *   <li><b>ja</b>: Lucene kuromoji {@code JapaneseTokenizer}, mode NORMAL (a dictionary compound
 *       stays one word; SEARCH would split it and let a part match), after {@code
 *       CJKWidthCharFilter} (half-width kana, full-width ASCII). Key: base form of verbs and
 *       adjectives, katakana final long vowel dropped ({@code JapaneseKatakanaStemFilter}), NFKC,
 *       lower case. Inflection endings, auxiliaries and particles are words of their own; a
 *       word-forming noun suffix (力 員 者 地 化 的) joins the noun before it.
 *   <li><b>ko</b>: Lucene nori {@code KoreanTokenizer}, decompounding NONE (a dictionary compound
 *       such as 인질범 stays whole, DISCARD would let 인질 match inside it; compounds outside the
 *       dictionary, 인질석방, are split by the analysis in text and terms alike, so solid and spaced
 *       agree). Particles, endings, copula, verb suffixes and the plural 들 are dropped from the key
 *       and extend the word's end; other noun suffixes (인도적) stay in the key; such a word ends a
 *       phrase ({@link org.framelens.common.lexicon.cjk.SegmentedWord#endsPhrase}).
 * </ul>
 *
 * <p>Thread-safety and cost: each segmenter is built on first use, once per JVM, and is safe to
 * share between threads (a Lucene tokenizer per thread, on dictionaries Lucene loads once). First
 * use loads the dictionary; measured 2026-12-08 in fresh JVMs on the 2-core dev machine shared at a
 * load of 17–30: zh 2.5–6.6 s (smartcn about 1.5 s, the traditional/simplified table about 1.7 s),
 * ja 0.8–3.6 s, ko 1.8–4.3 s. Warm (after 20,000 paragraphs): zh 0.13–0.15 ms for a paragraph of
 * 102 characters (traditional the same), ja 0.11 ms for 134, ko 0.24 ms for 150. Jars: smartcn 3.6
 * MB, kuromoji 4.7 MB, nori 7.8 MB, ICU4J 14.3 MB (with lucene-analysis-icu, 84 KB).
 *
 * <p>Limits: segmentation errors of the analysers remain (smartcn 调 停下 for 调停下; kuromoji 不動産 仲介
 * lets 仲介 match in a brokerage); Japanese kanji and kana spellings of one word (人質, ひとじち) have
 * different keys; a Korean dictionary compound written spaced does not match it written solid; the
 * traditional/simplified table maps characters one to one (ICU's few phrase rules are not used:
 * text and terms are folded alike).
 */
package org.framelens.common.lexicon.cjk;
