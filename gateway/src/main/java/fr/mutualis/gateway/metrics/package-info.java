/**
 * The gateway's own meters: counters of the requests it refuses before a service sees them, by reason and route,
 * and the name of the timer of each request it relays. Depends on nothing else of the gateway.
 */
package fr.mutualis.gateway.metrics;
