package fr.mutualis.kit.reference;

import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.mutualisation.MutualisationDirectory;
import fr.mutualis.kit.query.ReadYourWrites;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * This service's copy of the objects other contexts published, answering whether a write may name one: it must be
 * visible to the caller with the same rules as the reads (its tenant's own, or a mutualisation's it belongs to or
 * administers) and of the kind the field expects.
 * <p>
 * Eventual consistency: a client that creates a project then at once a budget line for it may reach the budget
 * before the budget has read the project's event. An unknown reference is therefore awaited up to {@code wait}
 * (the consumer usually lags by milliseconds) before the write answers 404; an invisible one waits just as long, so
 * that the answer time does not tell another tenant's object from a missing one.
 */
public class PublishedReferences {

    private final JdbcClient jdbc;
    private final MutualisationDirectory mutualisations;
    private final Duration wait;

    public PublishedReferences(JdbcClient jdbc, MutualisationDirectory mutualisations, Duration wait) {
        this.jdbc = jdbc;
        this.mutualisations = mutualisations;
        this.wait = wait;
    }

    /** Records a published object; a redelivery, or a later event about the same object, changes nothing. */
    public void record(ReferenceKind kind, UUID id, String ownerId) {
        jdbc.sql("""
                        INSERT INTO kit_published_reference (reference_id, kind, owner_id) VALUES (:id, :kind, :owner)
                        ON CONFLICT (reference_id) DO NOTHING""")
                .param("id", id)
                .param("kind", kind.name())
                .param("owner", ownerId)
                .update();
    }

    /** The objects among {@code ids} that {@code callerSiren} may see, whatever their kind; unknown or invisible ones are absent. */
    public Map<UUID, PublishedReference> visible(Collection<UUID> ids, String callerSiren) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Set<String> owners = new LinkedHashSet<>(List.of(callerSiren));
        mutualisations.visibleTo(callerSiren).forEach(mutualisation -> owners.add(mutualisation.toString()));
        Map<UUID, PublishedReference> found = new HashMap<>();
        jdbc.sql("""
                        SELECT reference_id, kind, owner_id FROM kit_published_reference
                        WHERE reference_id IN (:ids) AND owner_id IN (:owners)""")
                .param("ids", Set.copyOf(ids))
                .param("owners", owners)
                .query((rs, n) -> new PublishedReference(rs.getObject(1, UUID.class), ReferenceKind.valueOf(rs.getString(2)),
                        rs.getString(3)))
                .list()
                .forEach(reference -> found.put(reference.id(), reference));
        return found;
    }

    /** {@link #requireAll} for one field. */
    public PublishedReference require(String callerSiren, String field, UUID id, ReferenceKind... kinds) {
        return requireAll(callerSiren, List.of(new Wanted(field, id, Set.of(kinds)))).get(id);
    }

    /**
     * The objects the request's fields name, each of which must be visible to {@code callerSiren} and of one of the
     * kinds its field expects: 404 naming the first field whose object is unknown or invisible once the wait is over
     * (one wait for them all, however many they are), else 422 naming the first field whose object is of another kind.
     */
    public Map<UUID, PublishedReference> requireAll(String callerSiren, List<Wanted> wanted) {
        Set<UUID> ids = wanted.stream().map(Wanted::id).collect(Collectors.toSet());
        Map<UUID, PublishedReference> found = ReadYourWrites.awaitVisible(() -> Optional.of(visible(ids, callerSiren))
                        .filter(visible -> visible.keySet().containsAll(ids)), wait)
                .orElseGet(() -> visible(ids, callerSiren));
        for (Wanted reference : wanted) {
            if (!found.containsKey(reference.id())) {
                String expected = reference.expected();
                throw new NotFoundException(capitalised(expected), reference.id(), reference.field(),
                        "no " + expected + " visible to your tenant was published with this id (one created moments "
                                + "ago in another service is awaited " + wait.toMillis() + " ms)");
            }
        }
        for (Wanted reference : wanted) {
            PublishedReference known = found.get(reference.id());
            if (!reference.kinds().contains(known.kind())) {
                throw new BusinessRuleViolationException("reference-kind", reference.field(),
                        reference.field() + " names a " + known.kind().label() + ", not a " + reference.expected(),
                        Map.of("referenceId", reference.id(), "kind", known.kind().name()));
            }
        }
        return found;
    }

    /** A request field naming an object of another context, and the kinds it may name. */
    public record Wanted(String field, UUID id, Set<ReferenceKind> kinds) {

        public Wanted {
            kinds = Set.copyOf(kinds);
        }

        public Wanted(String field, UUID id, ReferenceKind kind) {
            this(field, id, Set.of(kind));
        }

        String expected() {
            return kinds.stream().sorted().map(ReferenceKind::label).collect(Collectors.joining(" or "));
        }
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
