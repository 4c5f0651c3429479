/**
 * Writes that span several aggregates, sent in one database transaction with the locks and the write-side index
 * they need (a vote over several lines, a spending charged on a line and its programme, a transfer). Depends on
 * {@code messages}, Axon's command gateway and event store, and Spring's transactions and JDBC; never on
 * {@code command} (its aggregates answer messages only), {@code query}, {@code api} or {@code integration}.
 */
package fr.mutualis.budget.application;
