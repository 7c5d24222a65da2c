/** The outlet of a URL: the registry first, else the registrable domain. */
package org.framelens.common.outlet;
