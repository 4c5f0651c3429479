/**
 * The portfolio's HTTP API: controllers under {@code /api/portfolio} and their request/response records (whose JSON
 * is the committed OpenAPI, so owners stay strings here). A controller takes the kit's {@code Caller}, sends a
 * command from {@code messages} through Axon's gateway and reads from {@code query}. Never talks to Kafka or the
 * integration package.
 */
package fr.mutualis.portfolio.api;
