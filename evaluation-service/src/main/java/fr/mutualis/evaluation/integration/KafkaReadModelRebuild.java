package fr.mutualis.evaluation.integration;

import fr.mutualis.contracts.Topics;
import fr.mutualis.evaluation.query.BarometerPending;
import fr.mutualis.evaluation.query.BarometerQueries;
import fr.mutualis.evaluation.query.BudgetActivityProjection;
import fr.mutualis.evaluation.query.GovernanceActivityProjection;
import fr.mutualis.evaluation.query.IndicatorProjection;
import fr.mutualis.evaluation.query.PortfolioActivityProjection;
import fr.mutualis.evaluation.query.AlertProjection;
import fr.mutualis.evaluation.query.BarometerProjection;
import fr.mutualis.kit.error.StateConflictException;
import fr.mutualis.kit.rebuild.ReadModelRebuild;
import fr.mutualis.kit.rebuild.RebuildStatus;
import fr.mutualis.kit.rebuild.RebuildStatus.State;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Rebuilds the read models from their sources. For each Kafka consumer: stop its listener, empty its tables and its
 * inbox rows, delete its consumer group (so that it starts again from the earliest offset) and restart it. For
 * evaluation's own projections: stop the processor and reset its tokens (its reset handler empties its tables), so
 * that it replays the event store from the beginning. Progress is logged every second until every consumer and processor has replayed
 * what its source held when the rebuild started.
 * <p>
 * Triggered by service-kit's {@code POST /api/evaluation/admin/rebuild} (PLATFORM_ADMIN) or at start-up with
 * {@code mutualis.evaluation.rebuild-on-startup=true}; its status has one part per Kafka consumer and per projection.
 */
@Component
public class KafkaReadModelRebuild implements ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(KafkaReadModelRebuild.class);
    private static final Duration GROUP_DELETION_TIMEOUT = Duration.ofSeconds(30);

    private final List<Source> sources;
    private final List<String> processors = List.of(IndicatorProjection.GROUP, BarometerProjection.GROUP,
            AlertProjection.GROUP);
    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafkaAdmin;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventProcessingConfiguration eventProcessing;
    private final EventStore eventStore;
    private final BarometerQueries barometers;
    private final BarometerPending pending;
    private final boolean onStartup;
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("read-model-rebuild").daemon().factory());

    private volatile Progress status = new Progress(State.IDLE, null, null, List.of(), List.of());
    private Map<String, Map<TopicPartition, Long>> targets = Map.of();
    private long eventStoreHead = -1;
    private ScheduledFuture<?> progress;

    public KafkaReadModelRebuild(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafkaAdmin, JdbcClient jdbc,
                                 TransactionTemplate transactions, EventProcessingConfiguration eventProcessing,
                                 EventStore eventStore,
                                 BarometerQueries barometers, BarometerPending pending,
                                 @Value("${spring.application.name}") String application,
                                 @Value("${mutualis.evaluation.rebuild-on-startup:false}") boolean onStartup) {
        this.listeners = listeners;
        this.kafkaAdmin = kafkaAdmin;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.eventProcessing = eventProcessing;
        this.eventStore = eventStore;
        this.barometers = barometers;
        this.pending = pending;
        this.onStartup = onStartup;
        this.sources = List.of(
                new Source(PortfolioEventsListener.ID, Topics.PORTFOLIO, List.of(PortfolioActivityProjection.TABLES)),
                new Source(GovernanceEventsListener.ID, Topics.GOVERNANCE, List.of(GovernanceActivityProjection.TABLES)),
                new Source(BudgetEventsListener.ID, Topics.BUDGET, List.of(BudgetActivityProjection.TABLES)),
                // service-kit's copy of the mutualisations is a read model of governance's topic as well.
                new Source(application + "-mutualisation-directory", Topics.GOVERNANCE,
                        List.of("kit_mutualisation_member", "kit_mutualisation")));
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildOnStartup() {
        if (onStartup) {
            log.info("Rebuilding the read models at start-up (mutualis.evaluation.rebuild-on-startup=true)");
            start();
        }
    }

    @Override
    public synchronized RebuildStatus start() {
        if (status.state() == State.RUNNING) {
            throw new StateConflictException("A rebuild is already running since " + status.startedAt(), State.RUNNING.name(),
                    "kit.rebuild-running");
        }
        Instant startedAt = Instant.now();
        status = new Progress(State.RUNNING, startedAt, null, List.of(), List.of());
        List<Source> present = sources.stream().filter(source -> listeners.getListenerContainer(source.consumer()) != null).toList();
        present.forEach(source -> container(source).stop());
        log.info("Rebuild: stopped {} consumers, emptying their read models", present.size());
        transactions.executeWithoutResult(tx -> present.forEach(source -> {
            jdbc.sql("TRUNCATE " + String.join(", ", source.tables())).update();
            jdbc.sql("DELETE FROM processed_integration_event WHERE consumer = :consumer")
                    .param("consumer", source.consumer()).update();
        }));
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            for (Source source : present) {
                deleteGroup(admin, source.consumer());
            }
            targets = present.stream().collect(Collectors.toMap(Source::consumer, source -> endOffsets(admin, source.topic())));
        }
        // Evaluation's own projections are replayed the Axon way: their reset handlers empty their tables and a
        // ReplayToken takes them from the beginning of the event store up to where they were.
        TrackingToken head = eventStore.createHeadToken();
        eventStoreHead = head == null ? -1 : head.position().orElse(-1);
        processors.forEach(name -> eventProcessing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(processor -> {
            processor.shutdownAsync().join();
            processor.resetTokens();
            processor.start();
            log.info("Rebuild: processor {} replays the event store from the beginning ({} events)", name, eventStoreHead + 1);
        }));
        present.forEach(source -> container(source).start());
        long total = targets.values().stream().flatMap(offsets -> offsets.values().stream()).mapToLong(Long::longValue).sum();
        log.info("Rebuild: {} consumers restarted from the beginning, {} records to replay", present.size(), total);
        status = snapshot(State.RUNNING, startedAt, null);
        progress = monitor.scheduleWithFixedDelay(() -> report(startedAt), 1, 1, TimeUnit.SECONDS);
        return status.toStatus();
    }

    @Override
    public RebuildStatus status() {
        return status.toStatus();
    }

    @Override
    public boolean inProgress() {
        return status.state() == State.RUNNING || processors.stream()
                .flatMap(name -> eventProcessing.eventProcessor(name, StreamingEventProcessor.class).stream())
                .flatMap(processor -> processor.processingStatus().values().stream())
                .anyMatch(segment -> !caughtUp(segment));
    }

    /**
     * A replaying segment (a rebuild, or a projection's first start) has caught up once it reached the position its
     * replay started from; its token only stops saying "replay" when a newer event arrives.
     */
    private static boolean caughtUp(EventTrackerStatus segment) {
        return !segment.isReplaying()
                || segment.getCurrentPosition().orElse(-1) >= segment.getResetPosition().orElse(Long.MAX_VALUE);
    }

    private synchronized void report(Instant startedAt) {
        try {
            Progress current = snapshot(State.RUNNING, startedAt, null);
            current.consumers().forEach(consumer -> log.info("Rebuild progress: {} replayed {}/{} records of {}",
                    consumer.consumer(), consumer.replayed(), consumer.target(), consumer.topic()));
            current.processors().forEach(processor -> log.info("Rebuild progress: {} at event {}/{}",
                    processor.processor(), processor.position(), processor.target()));
            boolean done = current.consumers().stream().allMatch(consumer -> consumer.replayed() >= consumer.target())
                    && current.processors().stream().allMatch(processor -> processor.position() >= processor.target());
            if (done) {
                status = snapshot(State.COMPLETED, startedAt, Instant.now());
                progress.cancel(false);
                log.info("Rebuild complete in {} ms", Duration.between(startedAt, status.finishedAt()).toMillis());
                List<String> sirens = barometers.knownSirens();
                transactions.executeWithoutResult(tx -> sirens.forEach(pending::mark));
            } else {
                status = current;
            }
        } catch (RuntimeException e) {
            log.warn("Rebuild progress could not be read, retrying: {}", e.getMessage());
        }
    }

    private Progress snapshot(State state, Instant startedAt, Instant finishedAt) {
        List<ConsumerProgress> consumers = new ArrayList<>();
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            for (Source source : sources) {
                Map<TopicPartition, Long> target = targets.get(source.consumer());
                if (target == null) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(source.consumer())
                        .partitionsToOffsetAndMetadata().get();
                long replayed = target.keySet().stream()
                        .mapToLong(partition -> Math.min(target.get(partition),
                                committed.get(partition) == null ? 0 : committed.get(partition).offset()))
                        .sum();
                consumers.add(new ConsumerProgress(source.consumer(), source.topic(), replayed,
                        target.values().stream().mapToLong(Long::longValue).sum()));
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not read the consumer offsets", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<ProcessorProgress> replaying = processors.stream().sorted()
                .flatMap(name -> eventProcessing.eventProcessor(name, StreamingEventProcessor.class).stream()
                        .map(processor -> new ProcessorProgress(name, position(processor), eventStoreHead)))
                .toList();
        return new Progress(state, startedAt, finishedAt, consumers, replaying);
    }

    /** The event a processor has reached on all its segments; -1 before it has claimed them. */
    private static long position(StreamingEventProcessor processor) {
        var segments = processor.processingStatus().values();
        if (segments.isEmpty()) {
            return -1;
        }
        return segments.stream().mapToLong(status -> status.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }

    private MessageListenerContainer container(Source source) {
        return listeners.getListenerContainer(source.consumer());
    }

    /** A stopped consumer leaves its group; the broker may take a moment to see the group empty. */
    private static void deleteGroup(Admin admin, String group) {
        Instant deadline = Instant.now().plus(GROUP_DELETION_TIMEOUT);
        while (true) {
            try {
                admin.deleteConsumerGroups(List.of(group)).all().get();
                return;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupIdNotFoundException) {
                    return;
                }
                if (!(e.getCause() instanceof GroupNotEmptyException) || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not reset consumer group " + group, e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) {
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            ListOffsetsResult offsets = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())));
            return offsets.all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not read the end offsets of " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Source(String consumer, String topic, List<String> tables) {
    }

    private record Progress(State state, Instant startedAt, Instant finishedAt, List<ConsumerProgress> consumers,
                            List<ProcessorProgress> processors) {

        /** The status every service answers: one part per Kafka consumer, then one per projection. */
        RebuildStatus toStatus() {
            List<RebuildStatus.Part> parts = new ArrayList<>();
            consumers.forEach(consumer -> parts.add(new RebuildStatus.Part(consumer.consumer(),
                    "topic " + consumer.topic(), consumer.replayed(), consumer.target())));
            processors.forEach(processor -> parts.add(new RebuildStatus.Part(processor.processor(),
                    "event store", Math.max(0, processor.position()), processor.target())));
            return RebuildStatus.of(state, startedAt, finishedAt, parts);
        }
    }

    /** A Kafka consumer's progress: records replayed so far out of those on the topic when the rebuild started. */
    private record ConsumerProgress(String consumer, String topic, long replayed, long target) {
    }

    /** An event processor of evaluation's own events: the event it reached out of the last one when the rebuild started. */
    private record ProcessorProgress(String processor, long position, long target) {
    }
}
