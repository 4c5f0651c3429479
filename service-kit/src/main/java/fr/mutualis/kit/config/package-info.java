/**
 * The service kit's auto-configuration: what a service gets by depending on service-kit (security, problems, filters,
 * argument resolvers, Kafka integration, directories). The top of the kit: it depends on every other package and
 * none depends on it.
 */
package fr.mutualis.kit.config;
