package fr.mutualis.kit.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.module.SimpleModule;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Axon on the service's own PostgreSQL: JDBC event store and token store on snake_case tables created by
 * Flyway, Spring-managed transactions, pooled streaming processors, the audit metadata (user, tenant,
 * correlation id) on every event, and one writer at a time per aggregate ({@link AggregateLocks}).
 * <p>
 * Declared here rather than left to Axon's auto-configuration because, on Spring Boot 4, Axon's JDBC and
 * transaction auto-configurations are evaluated before Boot's DataSource: they would silently fall back to
 * a no-op transaction manager and a non-persistent event bus.
 */
@AutoConfiguration(
        after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class},
        before = {AxonAutoConfiguration.class, org.axonframework.springboot.autoconfig.TransactionAutoConfiguration.class,
                org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration.class,
                org.axonframework.springboot.autoconfig.JdbcAutoConfiguration.class})
public class AxonInfrastructureConfiguration {

    private static final String UNIQUE_VIOLATION = "23505";

    /** The processing group of the Kafka publisher: its handler errors must stop the processor, never skip. */
    public static final String PUBLISHER_GROUP = "kafka-publisher";

    /**
     * Lets projections be rebuilt by replay. Resetting a processor stores a {@code ReplayToken} whose reset context is
     * a class-typed {@code Object}; Jackson 3's default validator refuses every polymorphic {@code Object}, so the
     * processor could never read its token back and would stop claiming segments. Only Axon's and the JDK's types may
     * be named in a serialized type id.
     * <p>
     * Also reads events' metadata with the kit's {@link MetaDataReader} (Axon takes one customizer only: all live here),
     * unless {@code mutualis.axon.kit-metadata-reader} is false, and makes records through a prepared constructor call
     * ({@link RecordCreators}) unless {@code mutualis.axon.record-creators} is false, both kept for the replay
     * benchmark's comparison.
     */
    @Bean
    Jackson3SerializerCustomizer replayableTokens(@Value("${mutualis.axon.kit-metadata-reader:true}") boolean metaDataReader,
                                                  @Value("${mutualis.axon.record-creators:true}") boolean recordCreators) {
        return builder -> {
            if (recordCreators) {
                builder.addModule(new RecordCreators());
            }
            builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                    .allowIfSubType("org.axonframework.")
                    .allowIfSubType("java.")
                    .build());
            if (metaDataReader) {
                // registered after Axon's own module, so its deserializer for MetaData is the one found
                builder.addModule(new SimpleModule("mutualis-metadata").addDeserializer(MetaData.class, new MetaDataReader()));
            }
        };
    }

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    /**
     * Axon's JDBC store, with fewer statements for the same reads:
     * <ul>
     * <li>an aggregate's events are read until a batch comes back short, not until one comes back empty: its sequence
     * numbers have no gaps (each append takes the next one, under the store's unique key) and a batch is a range of
     * them, so a short batch is the last;</li>
     * <li>a service that declares no snapshot trigger ({@code SnapshotTriggerDefinition} bean) never looks for a
     * snapshot: it has none to find, and without one the events alone make the aggregate;</li>
     * <li>a read outside a command (the store's tailing thread, a replay) is not wrapped in a transaction of its own
     * ({@link #readsWithoutTransaction}).</li>
     * <li>a tracked event's timestamp is parsed once, when its row is read ({@link KitJdbcEventStorageEngine}), unless
     * {@code mutualis.axon.timestamps-once} is false.</li>
     * </ul>
     * {@code mutualis.axon.lean-aggregate-reads=false} reads as Axon does (kept for the benchmark's comparison).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          EventSchema eventSchema, ListableBeanFactory beans,
                                          @Value("${mutualis.axon.event-store-batch-size:1000}") int eventStoreBatchSize,
                                          @Value("${mutualis.axon.lean-aggregate-reads:true}") boolean leanAggregateReads,
                                          @Value("${mutualis.axon.timestamps-once:true}") boolean timestampsOnce) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                // A replay reads the store in pages of this many events: Axon's 100 cost a query per 100 events
                .batchSize(eventStoreBatchSize)
                // PostgreSQL's unique violation (SQL state 23505) on (aggregate id, sequence) means another writer got
                // there first: Axon then reports a concurrency conflict (409) instead of an opaque storage error.
                .persistenceExceptionResolver(new SQLStateResolver(UNIQUE_VIOLATION))
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .schema(eventSchema);
        if (!leanAggregateReads) {
            return builder.transactionManager(transactionManager).build();
        }
        builder.transactionManager(readsWithoutTransaction(transactionManager));
        // by name, without making them: a trigger needs the snapshotter, which needs the event store being made here
        return leanAggregateReads(builder, eventStoreBatchSize,
                beans.getBeanNamesForType(SnapshotTriggerDefinition.class, true, false).length > 0, timestampsOnce);
    }

    /**
     * The store of {@code builder}, reading aggregates with fewer statements and, if {@code timestampsOnce}, parsing a
     * tracked event's timestamp once (see {@link #eventStorageEngine}). Public so that the kit's replay test reads
     * through the same store.
     */
    public static JdbcEventStorageEngine leanAggregateReads(JdbcEventStorageEngine.Builder builder, int batchSize,
                                                            boolean snapshotsTaken, boolean timestampsOnce) {
        builder.finalAggregateBatchPredicate(batch -> batch.size() < batchSize);
        return new KitJdbcEventStorageEngine(KitJdbcEventStorageEngine.withGapSettings(builder), snapshotsTaken,
                timestampsOnce);
    }

    /**
     * {@code transactions}, except that a read runs on its own: the store's tailing thread read each new event in
     * three transactions, a BEGIN and a COMMIT each around one or two SELECTs (pg_stat_statements, docs/benchmarks.md).
     * Under PostgreSQL's READ COMMITTED every statement sees its own snapshot anyway, so the transaction made no read
     * more consistent; a read within a command still runs on the command's connection and transaction, which the
     * connection provider hands out, and every write (appends, snapshots) keeps its transaction.
     */
    static TransactionManager readsWithoutTransaction(TransactionManager transactions) {
        return new TransactionManager() {
            @Override
            public Transaction startTransaction() {
                return transactions.startTransaction();
            }

            @Override
            public <T> T fetchInTransaction(Supplier<T> read) {
                return read.get();
            }
        };
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                          ProcessorNodes nodes) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(tokenSchema)
                .nodeId(nodes.nodeId())
                .build();
    }

    /** The live instances of this service, and each one's fair share of a processor's segments. */
    @Bean
    ProcessorNodes processorNodes(DataSource dataSource,
                                  @Value("${mutualis.axon.node-heartbeat:2s}") Duration heartbeat,
                                  @Value("${mutualis.axon.node-timeout:10s}") Duration timeout) {
        return new ProcessorNodes(JdbcClient.create(dataSource), heartbeat, timeout);
    }

    /** Public so that the kit's tests run Axon on the same tables. */
    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Every processor is pooled, split in {@code mutualis.axon.segments} segments when first created (at most that
     * many instances share its work) and shared fairly between the live instances ({@link ProcessorNodes}), and,
     * unless {@code mutualis.axon.notify-processors} is false (Axon's own polling every
     * 500 ms then), reads the event store through the notifier so that it learns of new events at once. Every batch a
     * projection commits wakes the writes waiting to read it ({@link ProjectionCommitSignal}).
     * <p>
     * A batch is the events a work package has queued, up to {@code mutualis.axon.batch-size}: one transaction, one
     * token update, a few JDBC batches ({@code ProjectionUpdates}). Live, a queue holds a few events and the size
     * changes nothing; in a replay the queue is full (Axon queues up to 1,024 events per segment) and at 64 the token
     * updates and flushes took a quarter of the work packages' CPU (flight recording, docs/benchmarks.md).
     */
    @Bean
    ConfigurerModule pooledProcessorsModule(@Value("${mutualis.axon.notify-processors:true}") boolean notifyProcessors,
                                            @Value("${mutualis.axon.segments:4}") int segments,
                                            @Value("${mutualis.axon.batch-size:1024}") int batchSize,
                                            ProcessorNodes nodes) {
        return configurer -> {
            if (notifyProcessors) {
                configurer.registerComponent(EventAvailabilityNotifier.class,
                        config -> new EventAvailabilityNotifier(config.eventStore()));
                configurer.eventProcessing(processing -> processing.configureDefaultStreamableMessageSource(
                        config -> config.getComponent(EventAvailabilityNotifier.class)));
            }
            configurer.eventProcessing(processing -> processing
                    .usingPooledStreamingEventProcessors((config, builder) -> builder
                            .initialSegmentCount(segments)
                            .maxSegmentProvider(nodes)
                            .batchSize(batchSize))
                    .registerListenerInvocationErrorHandler(PUBLISHER_GROUP, config -> PropagatingErrorHandler.instance())
                    .registerDefaultHandlerInterceptor((config, processor) -> PUBLISHER_GROUP.equals(processor)
                            ? ProjectionCommitSignal.NONE : ProjectionCommitSignal.AFTER_COMMIT));
        };
    }

    /** The audit trail every service shows in its aggregates' history. */
    @Bean
    EventStoreAuditTrail eventStoreAuditTrail(EventStore eventStore) {
        return new EventStoreAuditTrail(eventStore);
    }

    @Bean
    CorrelationDataProvider auditCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(AuditMetadata.KEYS);
    }

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> auditMetadataDispatchInterceptor() {
        return new AuditMetadataDispatchInterceptor();
    }

    /** The advisory lock per aggregate, also taken by a service's writes spanning several aggregates. */
    @Bean
    public AggregateLocks aggregateLocks(DataSource dataSource) {
        return new AggregateLocks(dataSource);
    }

    /**
     * Every command on an aggregate takes its lock, whoever sends it. Registered on the command bus by Axon's
     * auto-configuration, as every handler interceptor bean is; the target is found as Axon's aggregates find it.
     */
    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> aggregateLockInterceptor(AggregateLocks locks,
                                                                         ObjectProvider<CommandTargetResolver> targets) {
        return new AggregateLockInterceptor(locks, targets.getIfAvailable(() -> AnnotationCommandTargetResolver.builder().build()));
    }

    /** A lost token store would silently replay or skip events: refuse to start on an in-memory one. */
    @Bean
    ApplicationRunner tokenStoreCheck(TokenStore tokenStore) {
        return args -> {
            if (!(tokenStore instanceof JdbcTokenStore)) {
                throw new IllegalStateException("Expected the JDBC token store, found " + tokenStore.getClass().getName());
            }
        };
    }
}
