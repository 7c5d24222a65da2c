package org.framelens.common.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A page's publication time as found: the instant (null when only a calendar date is written), the
 * calendar date as the page writes it (its own local date, which the instant in UTC may not share),
 * where it was found ({@code meta}, {@code json-ld}, {@code time}, {@code text}, {@code url} or
 * {@code script}) and the offset the page wrote (null when it wrote none).
 */
record PublishedDate(Instant instant, LocalDate localDate, String source, ZoneOffset offset) {}
