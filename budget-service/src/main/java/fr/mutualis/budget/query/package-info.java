/**
 * The budget's read models: projections of the domain events into tables (lines and their credits, engagements,
 * mandates, programmes, transfers, allocations), the queries the API answers from, always restricted to the owners
 * the caller sees, and the copy of governance's directory. Depends on {@code messages}, the kit and Spring JDBC;
 * never on {@code command}, {@code api} or {@code integration}.
 */
package fr.mutualis.budget.query;
