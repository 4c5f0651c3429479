/** Wiring that belongs to no other package: the clock, the barometer's settings, ETags of computed views, the upcaster. */
package fr.mutualis.evaluation.config;
