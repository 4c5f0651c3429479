package fr.mutualis.kit.axon;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Axon's JDBC store as the kit reads it ({@link AxonInfrastructureConfiguration#eventStorageEngine}): no snapshot
 * lookup where none is ever taken, and, unless {@code timestampsOnce} is false, a tracked event's timestamp parsed
 * once, when its row is read ({@link StoredTimestamps}). Axon's entry keeps the text and parses it on every
 * {@code getTimestamp()}: once in the reader to place the event's gaps, once more in each handling thread where a
 * replay wraps the event in its replay token.
 * <p>
 * The tracking token is Axon's own computation ({@code JdbcEventStorageEngine.getTrackedEventData}), with the gap
 * settings the builder was given: they are passed here as well, Axon keeping its own private.
 */
final class KitJdbcEventStorageEngine extends JdbcEventStorageEngine {

    static final int MAX_GAP_OFFSET = 10_000;
    static final long LOWEST_GLOBAL_SEQUENCE = 1;
    static final int GAP_TIMEOUT_MILLIS = 60_000;

    private final boolean snapshotsTaken;
    private final boolean timestampsOnce;

    /** {@code builder} must have been given {@link #withGapSettings the gap settings} this engine repeats. */
    KitJdbcEventStorageEngine(Builder builder, boolean snapshotsTaken, boolean timestampsOnce) {
        super(builder);
        this.snapshotsTaken = snapshotsTaken;
        this.timestampsOnce = timestampsOnce;
    }

    /** The gap settings, Axon's defaults, given explicitly so that this engine's tokens are computed with the same. */
    static Builder withGapSettings(Builder builder) {
        return builder.maxGapOffset(MAX_GAP_OFFSET).lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .gapTimeout(GAP_TIMEOUT_MILLIS);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return snapshotsTaken ? super.readSnapshotData(aggregateIdentifier) : Stream.empty();
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        if (!timestampsOnce) {
            return super.getTrackedEventData(resultSet, previousToken);
        }
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        String timestamp = readTimeStamp(resultSet, schema.timestampColumn()).toString();
        Instant instant = StoredTimestamps.parse(timestamp);
        DomainEventData<?> domainEvent = new ParsedEntry<>(resultSet.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()), eventIdentifier, timestamp, instant,
                resultSet.getString(schema.payloadTypeColumn()), resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()), readPayload(resultSet, schema.metaDataColumn()));

        // as Axon: gaps before an event are awaited only while the event is recent
        boolean allowGaps = instant.isAfter(GenericEventMessage.clock.instant().minusMillis(GAP_TIMEOUT_MILLIS));
        GapAwareTrackingToken token = previousToken == null
                ? GapAwareTrackingToken.newInstance(globalSequence, allowGaps
                        ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence).boxed()
                                .collect(Collectors.toCollection(TreeSet::new))
                        : Collections.emptySortedSet())
                : previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
        return new TrackedDomainEventData<>(token, domainEvent);
    }

    /** Axon's entry, its timestamp parsed once. */
    private static final class ParsedEntry<T> extends GenericDomainEventEntry<T> {

        private final Instant instant;

        ParsedEntry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                    String timestamp, Instant instant, String payloadType, String payloadRevision, T payload,
                    T metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp, payloadType, payloadRevision,
                    payload, metaData);
            this.instant = instant;
        }

        @Override
        public Instant getTimestamp() {
            return instant;
        }
    }
}
