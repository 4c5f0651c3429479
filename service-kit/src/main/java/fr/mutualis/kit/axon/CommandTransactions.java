package fr.mutualis.kit.axon;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Commands sent in one database transaction of the caller's, which Axon's units of work join (a creation and its
 * Idempotency-Key, writes spanning several aggregates): the units of work told the event store's tailing reader about
 * their events before that transaction committed, when they were not visible yet. Once it has committed, the reader is
 * woken (publishing nothing does just that), so that the projections get the events now rather than at its next poll,
 * up to a second later: a create waiting for its projection (read-your-writes) would wait that long.
 * <p>
 * Each command keeps its aggregate's {@link AggregateLocks lock} until that transaction ends: the other writers of the
 * aggregate wait for the commit, then see the events.
 */
public final class CommandTransactions {

    private final TransactionTemplate transactions;
    private final EventStore eventStore;

    public CommandTransactions(TransactionTemplate transactions, EventStore eventStore) {
        this.transactions = transactions;
        this.eventStore = eventStore;
    }

    /** Runs {@code work} in one transaction and, once it has committed, wakes the projections. */
    public <T> T execute(TransactionCallback<T> work) {
        T result = transactions.execute(work);
        eventStore.publish(List.of());
        return result;
    }
}
