/**
 * Each service's copy of the collectivités governance registers (the public directory: names, populations, EPCIs,
 * SIRETs), kept from Kafka by the kit's governance directory listener. Depends on contracts only.
 */
package fr.mutualis.kit.collectivite;
