package fr.mutualis.kit.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.AbstractSqlParameterSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    private final boolean positional;

    public ProjectionUpdates(NamedParameterJdbcOperations jdbc) {
        this(jdbc, true, true);
    }

    /**
     * {@code batched} false runs every statement at once (the one-by-one way), {@code positional} false sends a batch
     * through Spring's named-parameter template row by row: both kept to measure against.
     */
    public ProjectionUpdates(NamedParameterJdbcOperations jdbc, boolean batched, boolean positional) {
        this.jdbc = jdbc;
        this.batched = batched;
        this.positional = positional;
    }

    /** A statement with named parameters ({@code :name}), run by {@link Statement#update()}. */
    public Statement sql(String sql) {
        return new Statement(sql);
    }

    private void submit(Statement statement) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get() : null;
        if (!batched || unitOfWork == null || !(unitOfWork.getMessage() instanceof EventMessage<?> event)) {
            jdbc.update(statement.sql, statement.source());
            return;
        }
        UnitOfWork<?> root = unitOfWork.root();
        Pending pending = root.getOrComputeResource(PENDING, key -> {
            Pending created = new Pending(positional);
            root.onPrepareCommit(committing -> created.flush(jdbc));
            return created;
        });
        if (event instanceof DomainEventMessage<?> domainEvent) {
            pending.add(domainEvent.getAggregateIdentifier(), statement);
        } else {
            pending.flush(jdbc);
            jdbc.update(statement.sql, statement.source());
        }
    }

    /** One statement being given its parameters. */
    public final class Statement {

        private final String sql;
        private final List<String> names = new ArrayList<>(8);
        private final List<Object> values = new ArrayList<>(8);

        private Statement(String sql) {
            this.sql = sql;
        }

        public Statement param(String name, Object value) {
            int known = names.indexOf(name);
            if (known >= 0) {
                values.set(known, value);
            } else {
                names.add(name);
                values.add(value);
            }
            return this;
        }

        /** Runs the statement, or holds it until the processor's batch commits. */
        public void update() {
            submit(this);
        }

        /** Its parameters as Spring's named-parameter template takes them. */
        MapSqlParameterSource source() {
            MapSqlParameterSource source = new MapSqlParameterSource();
            for (int i = 0; i < names.size(); i++) {
                source.addValue(names.get(i), values.get(i));
            }
            return source;
        }

        /**
         * Its values in the order of {@code plan}'s placeholders, or null if one would need Spring's named-parameter
         * handling (a collection expanded into a list of placeholders, a value with a declared SQL type).
         */
        Object[] positionalValues(PositionalSql plan) {
            Object[] ordered = new Object[plan.names().length];
            for (int i = 0; i < ordered.length; i++) {
                int known = names.indexOf(plan.names()[i]);
                if (known < 0) {
                    throw new InvalidDataAccessApiUsageException(
                            "No value supplied for the SQL parameter '" + plan.names()[i] + "' of: " + sql);
                }
                Object value = values.get(known);
                if (value instanceof Iterable<?> || value instanceof SqlParameterValue) {
                    return null;
                }
                ordered[i] = value;
            }
            return ordered;
        }
    }

    /**
     * A statement's text with {@code ?} for its named parameters, and their names in that order: what Spring's
     * named-parameter template computes from the text for every row of a batch (three map look-ups per parameter and
     * row, a parameter source per statement: 8 % of a replay's handling CPU and a tenth of what it allocates, flight
     * recording of session 13), computed once per text here with Spring's own parser.
     */
    record PositionalSql(String sql, String[] names) {

        static PositionalSql of(String named) {
            ParsedSql parsed = NamedParameterUtils.parseSqlStatement(named);
            Object[] names = NamedParameterUtils.buildValueArray(parsed, new OwnNames(), null);
            return new PositionalSql(NamedParameterUtils.substituteNamedParameters(parsed, null),
                    Arrays.stream(names).map(String.class::cast).toArray(String[]::new));
        }
    }

    /** A parameter source whose every parameter's value is its own name: the placeholders' names, in their order. */
    private static final class OwnNames extends AbstractSqlParameterSource {

        @Override
        public boolean hasValue(String paramName) {
            return true;
        }

        @Override
        public Object getValue(String paramName) {
            return paramName;
        }
    }

    /**
     * The statements held for one batch. Each gets its rank among its aggregate's statements; rank by rank, the
     * statements of one SQL text go as one JDBC batch, so that a batch of events costs about as many round trips as
     * its longest aggregate history has statements, times the kinds of statement. A text's batch is sent with its
     * placeholders already positional ({@link PositionalSql}, the same values set the same way), unless one of its
     * values needs Spring's named-parameter handling.
     */
    private static final class Pending {

        private static final int MAX_PLANS = 1_024;
        private static final Map<String, PositionalSql> PLANS = new ConcurrentHashMap<>();

        private final boolean positional;
        private final List<Held> held = new ArrayList<>();
        private final Map<String, Integer> ranks = new HashMap<>();

        Pending(boolean positional) {
            this.positional = positional;
        }

        void add(String aggregate, Statement statement) {
            held.add(new Held(ranks.merge(aggregate, 1, Integer::sum) - 1, statement));
        }

        void flush(NamedParameterJdbcOperations jdbc) {
            if (held.isEmpty()) {
                return;
            }
            // ranks run from 0 without holes: each aggregate's statements take 0, 1, 2...
            List<Map<String, List<Statement>>> byRank = new ArrayList<>();
            for (Held statement : held) {
                while (byRank.size() <= statement.rank()) {
                    byRank.add(new LinkedHashMap<>());
                }
                byRank.get(statement.rank()).computeIfAbsent(statement.statement().sql, sql -> new ArrayList<>())
                        .add(statement.statement());
            }
            held.clear();
            ranks.clear();
            byRank.forEach(statements -> statements.forEach((sql, batch) -> send(jdbc, sql, batch)));
        }

        private void send(NamedParameterJdbcOperations jdbc, String sql, List<Statement> batch) {
            if (positional) {
                PositionalSql plan = PLANS.get(sql);
                if (plan == null) {
                    plan = PositionalSql.of(sql);
                    // a projection's texts are constants: a text made per call is not kept
                    if (PLANS.size() < MAX_PLANS) {
                        PLANS.put(sql, plan);
                    }
                }
                List<Object[]> rows = new ArrayList<>(batch.size());
                for (Statement statement : batch) {
                    Object[] row = statement.positionalValues(plan);
                    if (row == null) {
                        rows = null;
                        break;
                    }
                    rows.add(row);
                }
                if (rows != null) {
                    jdbc.getJdbcOperations().batchUpdate(plan.sql(), rows);
                    return;
                }
            }
            jdbc.batchUpdate(sql, batch.stream().map(Statement::source).toArray(MapSqlParameterSource[]::new));
        }
    }

    private record Held(int rank, Statement statement) {
    }
}
