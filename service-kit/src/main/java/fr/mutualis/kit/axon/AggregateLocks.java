package fr.mutualis.kit.axon;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * One writer at a time per aggregate, across the instances of a service: a PostgreSQL transaction-scoped advisory
 * lock on the aggregate's id, held until the database transaction that appends its events ends.
 * <p>
 * Axon's own lock is in this JVM only and released when its unit of work ends: when the unit of work joins a
 * transaction of the caller's (a creation and its Idempotency-Key, writes spanning several aggregates), that is
 * before the events are committed, and a concurrent command on the aggregate would load it without them and fail on
 * the event store's unique key (a 409 "stale version"). Under this lock it waits, then sees them.
 * {@link AggregateLockInterceptor} takes it for every command addressed to an aggregate; a transaction that writes
 * several aggregates takes theirs first, in one order for everyone (no deadlock). A transaction asks PostgreSQL once
 * per aggregate: the keys it holds are noted on it (a transaction synchronization, which Spring suspends with the
 * transaction when a new one starts beside it), so its commands' own locks cost no further round trip.
 */
public class AggregateLocks {

    private final JdbcClient jdbc;

    /** @param dataSource the one the event store's connections come from, so that the lock is on the append's transaction */
    public AggregateLocks(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Takes the lock of {@code aggregateId} for the current transaction, waiting for the transaction that holds it. */
    public void lock(UUID aggregateId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // Outside a transaction the lock would be released as soon as taken, guarding nothing.
            throw new IllegalStateException("An aggregate's lock is taken in the transaction that appends its events");
        }
        long key = key(aggregateId);
        HeldLocks held = heldByThisTransaction();
        if (held != null && held.keys.contains(key)) {
            return;
        }
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(key).query((row, number) -> 1).list();
        if (held != null) {
            held.keys.add(key);
        }
    }

    /** The keys this transaction holds, noted at its first lock; null without transaction synchronization. */
    private HeldLocks heldByThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof HeldLocks held && held.owner == this) {
                return held;
            }
        }
        HeldLocks held = new HeldLocks(this);
        TransactionSynchronizationManager.registerSynchronization(held);
        return held;
    }

    /** As {@link #lock(UUID)} for an aggregate identifier as the event store has it. */
    public void lock(String aggregateIdentifier) {
        lock(uuidOf(aggregateIdentifier));
    }

    /**
     * The lock's key: two ids sharing one only wait for each other, which is harmless. The key of a UUID is the one
     * budget's multi-aggregate writes always took.
     */
    static long key(UUID aggregateId) {
        return aggregateId.getMostSignificantBits() ^ aggregateId.getLeastSignificantBits();
    }

    /** The id itself when it is a UUID, otherwise one derived from it (a collectivité is named by its SIREN). */
    static UUID uuidOf(String aggregateIdentifier) {
        if (aggregateIdentifier.length() == 36 && aggregateIdentifier.charAt(8) == '-' && aggregateIdentifier.charAt(13) == '-'
                && aggregateIdentifier.charAt(18) == '-' && aggregateIdentifier.charAt(23) == '-') {
            try {
                return UUID.fromString(aggregateIdentifier);
            } catch (IllegalArgumentException notHexadecimal) {
                // falls through to the derived id
            }
        }
        return UUID.nameUUIDFromBytes(aggregateIdentifier.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Lives and ends with its transaction: nothing to do at the end, PostgreSQL releases the locks itself. A savepoint
     * rolled back would release a lock taken after it while this still names it; nothing here uses nested
     * transactions (Spring's {@code PROPAGATION_NESTED}).
     */
    private static final class HeldLocks implements TransactionSynchronization {

        private final AggregateLocks owner;
        private final Set<Long> keys = new HashSet<>();

        private HeldLocks(AggregateLocks owner) {
            this.owner = owner;
        }
    }
}
