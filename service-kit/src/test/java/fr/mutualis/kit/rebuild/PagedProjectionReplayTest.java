package fr.mutualis.kit.rebuild;

import com.zaxxer.hikari.HikariDataSource;
import fr.mutualis.kit.KitDatabase;
import fr.mutualis.kit.axon.AxonInfrastructureConfiguration;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild replays the store in pages, a unit of work per segment and page, and hands over to the live processor without losing or
 * repeating an event, even while events keep being written: Axon on a real PostgreSQL, a pooled processor of four
 * segments, a projection that counts what it is given.
 */
class PagedProjectionReplayTest {

    private static final int HISTORY = 3_000;
    private static final int WRITTEN_DURING = 600;
    private static final int AGGREGATES = 37;
    private static final int PAGE = 250;
    private static final int SEGMENTS = 4;

    private final Counting projection = new Counting();
    private HikariDataSource pool;
    private Configuration axon;
    private TokenStore tokens;
    private JdbcEventStorageEngine store;
    private TransactionManager transactions;

    @BeforeEach
    void startAxon() {
        pool = KitDatabase.migrated("kit_rebuild", 8);
        transactions = new SpringTransactionManager(new DataSourceTransactionManager(pool));
        var connections = new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(pool));
        AxonInfrastructureConfiguration schemas = new AxonInfrastructureConfiguration();
        Serializer serializer = Jackson3Serializer.builder()
                // the kit's rule: a replay token's reset context must be readable back
                .jsonMapperBuilderCustomizer(builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator
                        .builder().allowIfSubType("org.axonframework.").allowIfSubType("java.").build()))
                .build();
        // the kit's store: its tracked events' timestamps parsed once, their tokens as Axon computes them
        store = AxonInfrastructureConfiguration.leanAggregateReads(JdbcEventStorageEngine.builder()
                .eventSerializer(serializer).snapshotSerializer(serializer).connectionProvider(connections)
                .transactionManager(transactions).schema(schemas.eventSchema()).batchSize(1_000), 1_000, false, true);
        tokens = JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer)
                .schema(schemas.tokenSchema()).build();
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureTransactionManager(config -> transactions)
                .configureSerializer(config -> serializer)
                .configureEmbeddedEventStore(config -> store);
        configurer.eventProcessing()
                .usingPooledStreamingEventProcessors((config, builder) -> builder.initialSegmentCount(SEGMENTS).batchSize(1_024))
                .registerTokenStore(config -> tokens)
                .registerEventHandler(config -> projection);
        axon = configurer.buildConfiguration();
        write(0, HISTORY);
        axon.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> projection.handled.size() == HISTORY);
    }

    @AfterEach
    void stopAxon() {
        axon.shutdown();
        pool.close();
    }

    /** Through the invoker's parts (segment from the sequencing policy) or through the invoker, the same replay. */
    @ParameterizedTest(name = "through the invoker's parts: {0}")
    @ValueSource(booleans = {true, false})
    void aRebuildDuringWritesGivesEveryEventOnceAPageAndSegmentPerUnitOfWork(boolean invokerParts) {
        EventStoreReadModelRebuild rebuild = new EventStoreReadModelRebuild(axon.eventProcessingConfiguration(), tokens,
                Duration.ofMillis(50), Clock.systemUTC(),
                new PagedProjectionReplay(store, tokens, transactions, PAGE, 2, invokerParts));
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < WRITTEN_DURING; i += 5) {
                write(HISTORY + i, 5);
            }
        });
        RebuildStatus started = rebuild.start();
        assertThat(started.running()).isTrue();
        writer.join();
        await().atMost(Duration.ofSeconds(60)).until(() -> !rebuild.status().running());
        assertThat(rebuild.status().state()).isEqualTo(RebuildStatus.State.COMPLETED);
        assertThat(rebuild.status().perSecond()).isPositive();

        List<Long> stored = JdbcClient.create(pool).sql("SELECT global_index FROM domain_event_entry ORDER BY 1")
                .query(Long.class).list();
        assertThat(stored).hasSize(HISTORY + WRITTEN_DURING);
        await().atMost(Duration.ofSeconds(60)).until(() -> projection.handled.keySet().containsAll(stored));
        // none lost, none twice: each stored event given once since the reset, by the replay or by the processor
        assertThat(new TreeMap<>(projection.handled)).containsOnlyKeys(stored)
                .allSatisfy((index, times) -> assertThat(times.get()).as("event %d", index).isEqualTo(1));

        // the history the rebuild found went in pages, a unit of work per segment and page, never across pages
        long target = rebuild.status().target();
        Map<Object, List<Long>> units = projection.unitOfWork.entrySet().stream()
                .filter(event -> event.getKey() <= target)
                .collect(Collectors.groupingBy(Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        long pages = (target + PAGE - 1) / PAGE;
        assertThat(units).hasSizeBetween((int) pages, (int) pages * SEGMENTS);
        units.values().forEach(unit -> assertThat(unit.stream().map(index -> (index - 1) / PAGE).distinct())
                .as("pages of the events %s", unit).hasSize(1));
        assertThat(projection.replays.get()).isGreaterThanOrEqualTo(HISTORY);
    }

    /** {@code count} events, round robin over the aggregates, each in its own append. */
    private void write(int from, int count) {
        List<EventMessage<?>> events = new ArrayList<>();
        IntStream.range(from, from + count).forEach(n -> events.add(new GenericDomainEventMessage<>("counted",
                "aggregate-" + n % AGGREGATES, n / AGGREGATES, "event " + n)));
        transactions.executeInTransaction(() -> store.appendEvents(events));
    }

    /** Counts each event it is given by its global index, and which unit of work handled it. */
    @ProcessingGroup("counting")
    static final class Counting {

        final Map<Long, AtomicInteger> handled = new ConcurrentHashMap<>();
        final Map<Long, Object> unitOfWork = new ConcurrentHashMap<>();
        final AtomicInteger replays = new AtomicInteger();

        @EventHandler
        void on(String event, TrackingToken token, ReplayStatus status) {
            long index = token.position().orElseThrow();
            handled.computeIfAbsent(index, key -> new AtomicInteger()).incrementAndGet();
            unitOfWork.put(index, CurrentUnitOfWork.get().root());
            if (status.isReplay()) {
                replays.incrementAndGet();
            }
        }

        @ResetHandler
        void reset() {
            handled.clear();
            unitOfWork.clear();
            replays.set(0);
        }
    }
}
