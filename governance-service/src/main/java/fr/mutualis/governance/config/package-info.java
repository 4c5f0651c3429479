/** Wiring that belongs to no other package: the upcaster that reads events stored before they moved to messages. */
package fr.mutualis.governance.config;
