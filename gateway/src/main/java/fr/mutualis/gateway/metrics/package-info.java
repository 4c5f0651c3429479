/**
 * Counters of the requests the gateway refuses before a service sees them, by reason and route. Depends on nothing
 * else of the gateway.
 */
package fr.mutualis.gateway.metrics;
