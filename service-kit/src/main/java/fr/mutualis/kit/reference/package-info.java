/**
 * References between contexts: what other services published about their objects (kind and owner), kept by each
 * consuming service, so that a write naming another context's object is checked without calling that context.
 */
package fr.mutualis.kit.reference;
