/**
 * The read side: projections of evaluation's own events and of the other contexts' integration events (fed by
 * {@code integration}) into PostgreSQL tables under row-level security, the queries behind the API, the barometer's
 * classification and the tracker that records profile changes, the alert rules and the engine that raises and ends
 * alerts. Depends on {@code messages} and the kit, never on {@code api} or {@code integration}.
 */
package fr.mutualis.evaluation.query;
