package fr.mutualis.portfolio.api;

import java.util.UUID;

/** The answer to a write: the resource, its status when it has a lifecycle, and its new version (next ETag). */
public record Updated(UUID id, String status, long version) {
}
