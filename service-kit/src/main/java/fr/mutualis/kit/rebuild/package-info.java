/**
 * Rebuilding a service's read models from scratch while it keeps accepting writes: the interface, its default on the
 * Axon event store (a paged replay into the projections' own handlers), its status, and the administrators' endpoint.
 * Builds on the kit's Axon infrastructure, security and errors.
 */
package fr.mutualis.kit.rebuild;
