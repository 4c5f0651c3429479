/**
 * A real PostgreSQL and a real Kafka broker run in-process, without Docker: what the tests run on when no server is
 * named and no container engine answers, and what the local stack runs. Depends on nothing of the platform.
 */
package fr.mutualis.testsupport.infra;
