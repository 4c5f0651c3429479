/**
 * The portfolio on Kafka: the domain events mapped to the published contracts of {@code contracts} (the kit's outbox
 * sends them), and governance's decisions consumed through the kit's inbox with typed handlers, applied as commands
 * from {@code messages}. Owners are strings in the contracts and become {@code Owner} here.
 */
package fr.mutualis.portfolio.integration;
