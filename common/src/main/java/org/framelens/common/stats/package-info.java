/** Small statistics shared by the tables and the validation. */
package org.framelens.common.stats;
