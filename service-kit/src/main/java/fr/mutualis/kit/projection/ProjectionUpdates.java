package fr.mutualis.kit.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The statements a projection runs for its events, for handlers that only write (no row count, no read of what an
 * earlier event of the same batch wrote through anything else). Inside an event processor's unit of work a statement
 * is held until the batch's transaction prepares to commit, then the batch's statements go as a few JDBC batch
 * updates; anywhere else (a reset handler, a test) it runs at once.
 * <p>
 * Order: the statements of one aggregate's events run in the order they were made. Those of different aggregates may
 * run in another order, as they already do when Axon hands those aggregates to different segments (its sequencing
 * policy orders events per aggregate only): a projection correct on several segments stays correct. An event without
 * an aggregate is a barrier: what was held runs first, then its own statements, at once.
 */
public class ProjectionUpdates {

    private static final String PENDING = ProjectionUpdates.class.getName() + ".pending";

    private final NamedParameterJdbcOperations jdbc;
    private final boolean batched;

    public ProjectionUpdates(NamedParameterJdbcOperations jdbc) {
        this(jdbc, true);
    }

    /** {@code batched} false runs every statement at once: the one-by-one way, kept to measure against. */
    public ProjectionUpdates(NamedParameterJdbcOperations jdbc, boolean batched) {
        this.jdbc = jdbc;
        this.batched = batched;
    }

    /** A statement with named parameters ({@code :name}), run by {@link Statement#update()}. */
    public Statement sql(String sql) {
        return new Statement(sql);
    }

    private void submit(String sql, MapSqlParameterSource parameters) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get() : null;
        if (!batched || unitOfWork == null || !(unitOfWork.getMessage() instanceof EventMessage<?> event)) {
            jdbc.update(sql, parameters);
            return;
        }
        UnitOfWork<?> root = unitOfWork.root();
        Pending pending = root.getOrComputeResource(PENDING, key -> {
            Pending created = new Pending();
            root.onPrepareCommit(committing -> created.flush(jdbc));
            return created;
        });
        if (event instanceof DomainEventMessage<?> domainEvent) {
            pending.add(domainEvent.getAggregateIdentifier(), sql, parameters);
        } else {
            pending.flush(jdbc);
            jdbc.update(sql, parameters);
        }
    }

    /** One statement being given its parameters. */
    public final class Statement {

        private final String sql;
        private final MapSqlParameterSource parameters = new MapSqlParameterSource();

        private Statement(String sql) {
            this.sql = sql;
        }

        public Statement param(String name, Object value) {
            parameters.addValue(name, value);
            return this;
        }

        /** Runs the statement, or holds it until the processor's batch commits. */
        public void update() {
            submit(sql, parameters);
        }
    }

    /**
     * The statements held for one batch. Each gets its rank among its aggregate's statements; rank by rank, the
     * statements of one SQL text go as one JDBC batch, so that a batch of events costs about as many round trips as
     * its longest aggregate history has statements, times the kinds of statement.
     */
    private static final class Pending {

        private final List<Held> held = new ArrayList<>();
        private final Map<String, Integer> ranks = new HashMap<>();

        void add(String aggregate, String sql, MapSqlParameterSource parameters) {
            held.add(new Held(ranks.merge(aggregate, 1, Integer::sum) - 1, sql, parameters));
        }

        void flush(NamedParameterJdbcOperations jdbc) {
            if (held.isEmpty()) {
                return;
            }
            Map<Integer, Map<String, List<MapSqlParameterSource>>> byRank = new TreeMap<>();
            for (Held statement : held) {
                byRank.computeIfAbsent(statement.rank(), rank -> new LinkedHashMap<>())
                        .computeIfAbsent(statement.sql(), sql -> new ArrayList<>())
                        .add(statement.parameters());
            }
            held.clear();
            ranks.clear();
            byRank.values().forEach(statements -> statements.forEach((sql, parameters) ->
                    jdbc.batchUpdate(sql, parameters.toArray(MapSqlParameterSource[]::new))));
        }
    }

    private record Held(int rank, String sql, MapSqlParameterSource parameters) {
    }
}
