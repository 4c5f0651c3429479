/**
 * The domain: the Indicator, TenantBarometer and Alert aggregates, package-private. They take commands and apply events
 * from {@code messages} and raise the kit's domain exceptions; they know nothing of the web, JDBC, security, Kafka or
 * the read side.
 */
package fr.mutualis.evaluation.command;
