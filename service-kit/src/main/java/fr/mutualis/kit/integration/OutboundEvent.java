package fr.mutualis.kit.integration;

/**
 * What a domain event becomes on Kafka.
 *
 * @param ownerId the tenant (SIREN) or mutualisation id that owns the data
 * @param payload a record of module {@code contracts} annotated with {@code @IntegrationEvent}
 */
public record OutboundEvent(String ownerId, Record payload) {
}
