package fr.mutualis.kit.creation;

import fr.mutualis.kit.api.Created;
import fr.mutualis.kit.axon.AuditMetadata;
import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.InvalidInputException;
import fr.mutualis.kit.tenant.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Creates a resource for a {@code POST} to a collection, honouring two things of the request:
 * <ul>
 * <li>{@code Idempotency-Key} (IETF draft-ietf-httpapi-idempotency-key-header): the new aggregate's id is derived
 * from the tenant, the collection and the key, so that the event store's unique (aggregate, sequence) key lets one
 * creation only through, concurrent ones included. The request's fingerprint (SHA-256 of its body as the service
 * read it) is stored in the metadata of the aggregate's first event: the same key again with the same body answers
 * 200, the same id and {@code Idempotent-Replayed: true}; with another body 422 {@code idempotency-key-reused}.</li>
 * <li>{@code ?dryRun=true}: the creation runs in a database transaction that is rolled back (Axon's units of work
 * join it), so every rule of the controller and of the aggregate applies and answers the same problem as a real
 * creation, and nothing is stored; a valid request answers 200 {@code {"dryRun": true}}. With a key already used,
 * the dry run answers as a replay would (200 and the header, or 422).</li>
 * </ul>
 */
public class Creations {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Set on a replay's answer, as Stripe and others name it: the resource was created by an earlier request. */
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final String DRY_RUN = "dryRun";

    /** The draft's key is an sf-string: printable ASCII, here 1 to 255 characters, optionally in double quotes. */
    private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E&&[^\"\\\\]]{1,255}");

    private final EventStore eventStore;
    private final TransactionTemplate rolledBack;
    private final JsonMapper json;

    public Creations(EventStore eventStore, PlatformTransactionManager transactions, JsonMapper json) {
        this.eventStore = eventStore;
        this.rolledBack = new TransactionTemplate(transactions);
        this.json = json;
    }

    /**
     * Creates the resource described by {@code body}: {@code write} sends the commands that create it under the id it
     * is given (throwing the problem of a refusal), {@code awaitVisible} waits until it can be read (a real creation
     * only). Answers 201 with {@code Location} and {@code {"id": ...}}, a replay or a dry run 200.
     */
    public ResponseEntity<Map<String, Object>> create(Object body, Caller caller, Consumer<UUID> write,
                                                      Consumer<UUID> awaitVisible) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        boolean dryRun = dryRun(request.getParameter(DRY_RUN));
        Optional<String> key = key(request.getHeader(IDEMPOTENCY_KEY));
        String fingerprint = fingerprint(body);
        UUID id = key.map(k -> derivedId(caller.tenantId(), request.getRequestURI(), k)).orElseGet(UUID::randomUUID);
        if (key.isPresent()) {
            Optional<ResponseEntity<Map<String, Object>>> replay = replay(id, fingerprint);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        if (dryRun) {
            rolledBack.executeWithoutResult(transaction -> {
                transaction.setRollbackOnly();
                write.accept(id);
            });
            return ResponseEntity.ok(Map.of(DRY_RUN, true));
        }
        key.ifPresent(k -> request.setAttribute(AuditMetadata.REQUEST_FINGERPRINT, fingerprint));
        try {
            write.accept(id);
        } catch (AggregateStreamCreationException e) {
            // A concurrent request with the same key stored its creation first (its transaction is committed once
            // ours fails on the unique key): answer as its replay.
            if (key.isPresent()) {
                return replay(id, fingerprint).orElseThrow(() -> e);
            }
            throw e;
        }
        awaitVisible.accept(id);
        return Created.at(id);
    }

    /** The id a creation under {@code collectionPath} with {@code key} gets for {@code tenantId}: always the same. */
    public static UUID derivedId(String tenantId, String collectionPath, String key) {
        return UUID.nameUUIDFromBytes((tenantId + '\n' + collectionPath + '\n' + key).getBytes(StandardCharsets.UTF_8));
    }

    private Optional<ResponseEntity<Map<String, Object>>> replay(UUID id, String fingerprint) {
        DomainEventStream stream = eventStore.readEvents(id.toString(), 0);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        Object stored = stream.next().getMetaData().get(AuditMetadata.REQUEST_FINGERPRINT);
        if (!fingerprint.equals(stored)) {
            throw new BusinessRuleViolationException("idempotency-key-reused", IDEMPOTENCY_KEY,
                    "This Idempotency-Key was already used for another request: a new resource needs a new key",
                    Map.of("id", id));
        }
        return Optional.of(ResponseEntity.ok().location(Created.member(id)).header(REPLAYED, "true")
                .body(Map.of("id", id)));
    }

    private String fingerprint(Object body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(body));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static boolean dryRun(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidInputException(DRY_RUN, "dryRun must be true or false");
    }

    private static Optional<String> key(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String key = header.length() >= 2 && header.startsWith("\"") && header.endsWith("\"")
                ? header.substring(1, header.length() - 1) : header;
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException(IDEMPOTENCY_KEY,
                    "Idempotency-Key must be 1 to 255 printable ASCII characters, without quotes or backslashes inside");
        }
        return Optional.of(key);
    }
}
