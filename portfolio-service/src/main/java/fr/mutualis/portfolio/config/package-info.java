/**
 * Configuration of the portfolio service that belongs to none of its other packages: how the event store reads
 * events stored under the package they left. Depends on the kit and Axon only.
 */
package fr.mutualis.portfolio.config;
