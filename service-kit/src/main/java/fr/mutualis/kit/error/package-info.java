/**
 * The exceptions the domain and the read side throw to refuse a request (not found, not permitted, invalid input,
 * state conflict, failed precondition, broken business rule), each mapped to one RFC 9457 problem by the web
 * package. Depends on nothing of the kit, so that every layer may throw them.
 */
package fr.mutualis.kit.error;
