package fr.mutualis.kit.reference;

import java.util.UUID;

/** An object of another context as it was published: its id, its kind and its owner (a SIREN or a mutualisation id). */
public record PublishedReference(UUID id, ReferenceKind kind, String ownerId) {
}
