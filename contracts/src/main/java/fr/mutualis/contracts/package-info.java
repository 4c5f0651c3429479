/**
 * What the platform publishes to its clients and between its services: the Kafka integration events (envelope,
 * headers, topics, one subpackage of payloads per service), the HTTP names every party agrees on
 * ({@link fr.mutualis.contracts.HttpContract}), the identifiers' checks (SIREN, SIRET) and the exports' protection of
 * spreadsheet cells against formulas ({@link fr.mutualis.contracts.SpreadsheetText}). Depends on nothing but
 * Jackson, so that external consumers can use it.
 */
package fr.mutualis.contracts;
