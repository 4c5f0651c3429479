/**
 * Each service's copy of the mutualisations governance publishes, kept from Kafka and asked which mutualisations a
 * tenant belongs to or administers. Depends on the kit's integration (the inbox) only.
 */
package fr.mutualis.kit.mutualisation;
