/**
 * The read side: projections of the domain events into PostgreSQL views (row-level security by owner), the queries
 * the controllers ask, the audit trail, and the directory lookups the domain needs (implementing the interfaces of
 * {@code messages}). Depends on {@code messages} and the kit, never on {@code api} or {@code integration}.
 */
package fr.mutualis.governance.query;
