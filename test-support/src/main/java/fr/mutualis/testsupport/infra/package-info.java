/**
 * A real PostgreSQL, a real Kafka broker and a real SMTP server run in-process, without Docker: what the tests run on when no server is
 * named and no container engine answers, and what the local stack runs. Depends on nothing of the platform.
 */
package fr.mutualis.testsupport.infra;
