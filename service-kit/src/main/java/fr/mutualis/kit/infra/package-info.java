/**
 * A real PostgreSQL and a real Kafka broker run in-process, without Docker: for the local stack and the tests.
 * Depends on nothing of the kit.
 */
package fr.mutualis.kit.infra;
