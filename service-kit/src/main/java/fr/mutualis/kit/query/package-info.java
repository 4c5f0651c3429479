/**
 * What the read side shares: read-your-writes, so a write answers once its result is visible to the next request.
 * Depends on nothing of the kit.
 */
package fr.mutualis.kit.query;
