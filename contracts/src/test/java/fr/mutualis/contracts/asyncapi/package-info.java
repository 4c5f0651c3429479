/**
 * Test support over the AsyncAPI documents of {@code asyncapi/}: validating a Kafka record (value, key, headers)
 * against the message its envelope names, and comparing a message schema with the released one to catch the changes
 * that would break an existing consumer. Reused by the end-to-end tests through the contracts test-jar.
 */
package fr.mutualis.contracts.asyncapi;
