package fr.mutualis.kit.creation;

import fr.mutualis.kit.api.Created;
import fr.mutualis.kit.axon.CommandTransactions;
import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.InvalidInputException;
import fr.mutualis.kit.tenant.RequestTenantContext;
import fr.mutualis.kit.tenant.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import static fr.mutualis.contracts.HttpContract.IDEMPOTENCY_KEY_HEADER;
import static fr.mutualis.contracts.HttpContract.IDEMPOTENT_REPLAYED_HEADER;

/**
 * Creates what a {@code POST} asks for (a new resource, or a child of an existing one: a decision in a séance, a
 * mandate on an engagement, a measurement), honouring two things of the request:
 * <ul>
 * <li>{@code Idempotency-Key} (IETF draft-ietf-httpapi-idempotency-key-header): the key, scoped by the tenant and the
 * request's path, is recorded with the request's fingerprint (SHA-256 of its body as the service read it) and the
 * answer, in the database transaction that stores the creation's events (Axon's units of work join it). The key's
 * primary key lets one creation only through, concurrent ones included: a concurrent request with the same key waits
 * for the first one's transaction, then answers as its replay. The same key again with the same body answers 200,
 * the first answer (its id, {@code Location}, body) and {@code Idempotent-Replayed: true}; with another body 422
 * {@code idempotency-key-reused}. A refused creation records nothing: the key may be used again. The id a new
 * resource gets is derived from the key, so that the same key always names the same resource.</li>
 * <li>{@code ?dryRun=true}: the creation runs in a database transaction that is rolled back, so every rule of the
 * controller and of the aggregates applies and answers the same problem as a real creation, and nothing is stored; a
 * valid request answers 200 {@code {"dryRun": true}}. With a key already used, the dry run answers as a replay would
 * (200 and the header, or 422).</li>
 * </ul>
 */
public class Creations {

    public static final String DRY_RUN = "dryRun";

    /** The draft's key is an sf-string: printable ASCII, here 1 to 255 characters, optionally in double quotes. */
    private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E&&[^\"\\\\]]{1,255}");

    private final TransactionTemplate transactions;
    private final CommandTransactions withTheirKey;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final JavaType mapAnswer;

    public Creations(EventStore eventStore, PlatformTransactionManager transactions, DataSource dataSource,
                     JsonMapper json) {
        this.transactions = new TransactionTemplate(transactions);
        this.withTheirKey = new CommandTransactions(this.transactions, eventStore);
        this.jdbc = JdbcClient.create(dataSource);
        this.json = json;
        this.mapAnswer = json.getTypeFactory().constructMapType(Map.class, String.class, Object.class);
    }

    /**
     * Creates a new member of the requested collection: {@code write} sends the commands that create it under the id
     * it is given (throwing the problem of a refusal), {@code awaitVisible} waits until it can be read (a real
     * creation only). Answers 201 with {@code Location} and {@code {"id": ...}}, a replay or a dry run 200.
     */
    public ResponseEntity<Map<String, Object>> create(Object body, Consumer<UUID> write,
                                                      Consumer<UUID> awaitVisible) {
        return createAnswering(body, id -> {
            write.accept(id);
            return Created.at(id);
        }, (id, answer) -> awaitVisible.accept(id));
    }

    /**
     * Any other creation, answering a JSON object: {@code write} sends the commands under the id it is given (the new
     * child's, or unused when the request names the resource) and returns the answer of a first creation;
     * {@code awaitVisible} waits, once that is committed, until the answer's next reads can see it.
     */
    public ResponseEntity<Map<String, Object>> createAnswering(
            Object body, Function<UUID, ResponseEntity<Map<String, Object>>> write,
            BiConsumer<UUID, ResponseEntity<Map<String, Object>>> awaitVisible) {
        return createAnswering(body, mapAnswer, write, awaitVisible);
    }

    /** As {@link #createAnswering(Object, Function, BiConsumer)}, for an answer of type {@code answerType}. */
    public <T> ResponseEntity<T> createAnswering(Object body, Class<T> answerType,
                                                 Function<UUID, ResponseEntity<T>> write,
                                                 BiConsumer<UUID, ResponseEntity<T>> awaitVisible) {
        return createAnswering(body, json.getTypeFactory().constructType(answerType), write, awaitVisible);
    }

    private <T> ResponseEntity<T> createAnswering(Object body, JavaType answerType,
                                                  Function<UUID, ResponseEntity<T>> write,
                                                  BiConsumer<UUID, ResponseEntity<T>> awaitVisible) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        boolean dryRun = dryRun(request.getParameter(DRY_RUN));
        Optional<String> key = key(request.getHeader(IDEMPOTENCY_KEY_HEADER));
        Scope scope = new Scope(tenant(), request.getRequestURI(), key.orElse(null), fingerprint(body));
        UUID id = key.map(k -> derivedId(scope.tenant(), scope.path(), k)).orElseGet(UUID::randomUUID);
        if (key.isPresent()) {
            Optional<ResponseEntity<T>> replay = this.<T>replay(scope, answerType);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        if (dryRun) {
            transactions.executeWithoutResult(transaction -> {
                transaction.setRollbackOnly();
                write.apply(id);
            });
            @SuppressWarnings("unchecked")
            ResponseEntity<T> passed = (ResponseEntity<T>) ResponseEntity.ok(Map.of(DRY_RUN, true));
            return passed;
        }
        if (key.isEmpty()) {
            ResponseEntity<T> created = write.apply(id);
            awaitVisible.accept(id, created);
            return created;
        }
        Optional<ResponseEntity<T>> created = withTheirKey.execute(transaction -> {
            if (!claim(scope)) {
                return Optional.empty();
            }
            ResponseEntity<T> answer = write.apply(id);
            record(scope, answer);
            return Optional.of(answer);
        });
        if (created == null || created.isEmpty()) {
            // A concurrent request with the same key committed its creation while this one waited for its key.
            return this.<T>replay(scope, answerType).orElseThrow(() -> new IllegalStateException("The key's creation vanished"));
        }
        awaitVisible.accept(id, created.get());
        return created.get();
    }

    /** The id a creation under {@code path} with {@code key} gets for {@code tenantId}: always the same. */
    public static UUID derivedId(String tenantId, String path, String key) {
        return UUID.nameUUIDFromBytes((tenantId + '\n' + path + '\n' + key).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whose keys: the caller's active tenant, or the user for a platform administrator acting in none (registering a
     * collectivité), so that one client's keys never meet another's.
     */
    private static String tenant() {
        TenantContext context = RequestTenantContext.of(RequestContextHolder.currentRequestAttributes())
                .orElseThrow(() -> new IllegalStateException("A creation is made by an authenticated caller"));
        return context.tenantId() != null ? context.tenantId() : "user:" + context.userId();
    }

    /** The key, the request it came with and where. */
    private record Scope(String tenant, String path, @Nullable String key, String fingerprint) {
    }

    /**
     * Takes the key for this transaction: false when a concurrent request took it and committed (this insert waits
     * for that request's transaction to end, as PostgreSQL does for a unique key being inserted).
     */
    private boolean claim(Scope scope) {
        return jdbc.sql("""
                        INSERT INTO kit_idempotent_creation (tenant_id, request_path, idempotency_key, fingerprint)
                        VALUES (:tenant, :path, :key, :fingerprint) ON CONFLICT DO NOTHING""")
                .param("tenant", scope.tenant()).param("path", scope.path()).param("key", scope.key())
                .param("fingerprint", scope.fingerprint())
                .update() == 1;
    }

    private void record(Scope scope, ResponseEntity<?> answer) {
        HttpHeaders headers = answer.getHeaders();
        jdbc.sql("""
                        UPDATE kit_idempotent_creation SET location = :location, etag = :etag, answer = :answer
                        WHERE tenant_id = :tenant AND request_path = :path AND idempotency_key = :key""")
                .param("location", headers.getLocation() == null ? null : headers.getLocation().toString())
                .param("etag", headers.getETag())
                .param("answer", json.writeValueAsString(answer.getBody()))
                .param("tenant", scope.tenant()).param("path", scope.path()).param("key", scope.key())
                .update();
    }

    private <T> Optional<ResponseEntity<T>> replay(Scope scope, JavaType answerType) {
        return jdbc.sql("""
                        SELECT fingerprint, location, etag, answer FROM kit_idempotent_creation
                        WHERE tenant_id = :tenant AND request_path = :path AND idempotency_key = :key""")
                .param("tenant", scope.tenant()).param("path", scope.path()).param("key", scope.key())
                .query((row, n) -> {
                    if (!scope.fingerprint().equals(row.getString("fingerprint"))) {
                        Object first = json.readValue(row.getString("answer"), mapAnswer);
                        throw new BusinessRuleViolationException("idempotency-key-reused", IDEMPOTENCY_KEY_HEADER,
                                "This Idempotency-Key was already used for another request: a new resource needs a new key",
                                first instanceof Map<?, ?> answer && answer.get("id") != null
                                        ? Map.of("id", answer.get("id")) : Map.of());
                    }
                    ResponseEntity.BodyBuilder replayed = ResponseEntity.ok().header(IDEMPOTENT_REPLAYED_HEADER, "true");
                    if (row.getString("location") != null) {
                        replayed.location(URI.create(row.getString("location")));
                    }
                    if (row.getString("etag") != null) {
                        replayed.eTag(row.getString("etag"));
                    }
                    T answer = json.readValue(row.getString("answer"), answerType);
                    return replayed.body(answer);
                })
                .optional();
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
            throw new InvalidInputException(IDEMPOTENCY_KEY_HEADER,
                    "Idempotency-Key must be 1 to 255 printable ASCII characters, without quotes or backslashes inside");
        }
        return Optional.of(key);
    }
}
