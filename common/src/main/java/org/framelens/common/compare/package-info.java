/**
 * Per-group arithmetic of the comparison tables (shares with intervals, log-odds, Jensen-Shannon
 * distance, periods, stories), plain Java so that Spark and the driver grouping share it.
 */
package org.framelens.common.compare;
