/** {@code report}: one self-contained HTML page (inline SVG charts) over a store's tables. */
package org.framelens.jobs.report;
