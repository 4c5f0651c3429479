/**
 * The budget service (DOMAIN.md §3): the digital budget of each collectivité and mutualisation, its lines, votes,
 * multi-year programmes (AP/CP), engagements, mandates, transfers between chapters and the split of shared costs.
 * This package holds the application and the configuration that belongs to no single layer (reading events stored
 * before the messages left {@code command}). Its sub-packages: {@code messages} at the bottom, {@code command} and
 * {@code query} on it, {@code application} over the commands, {@code api} and {@code integration} at the edges.
 */
package fr.mutualis.budget;
