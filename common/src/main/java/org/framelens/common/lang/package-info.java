/** Detect: the language of an article's text (Lingua), among the configured languages. */
package org.framelens.common.lang;
