/**
 * The collectivités' time zone and the range of dates the platform deals in: what a write may carry, and how a read
 * model stores a value that an older event carries beyond it.
 */
package fr.mutualis.kit.time;
