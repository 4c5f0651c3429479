package fr.mutualis.kit.integration;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.EventHeaders;
import fr.mutualis.contracts.IntegrationEvent;
import fr.mutualis.contracts.IntegrationEvents;
import fr.mutualis.kit.axon.AuditMetadata;
import fr.mutualis.kit.axon.AxonInfrastructureConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The event store is the outbox: this streaming processor reads the service's own event stream and sends
 * the integration events to Kafka, waiting for the broker's acknowledgement before returning. A failed send
 * throws, the processor does not advance its token and retries later, so nothing accepted is lost and a
 * crash can at worst send an event twice (consumers deduplicate on {@code eventId}).
 */
@ProcessingGroup(AxonInfrastructureConfiguration.PUBLISHER_GROUP)
public class IntegrationEventPublisher {

    private static final String PENDING_SENDS = IntegrationEventPublisher.class.getName() + ".pendingSends";

    private final IntegrationEventMapper mapper;
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final String topic;
    private final Duration sendTimeout;
    private final MeterRegistry meters;
    private final OutboxTraceContext traceContext;

    public IntegrationEventPublisher(IntegrationEventMapper mapper, KafkaTemplate<String, String> kafka, JsonMapper json,
                                     String topic, Duration sendTimeout, MeterRegistry meters,
                                     OutboxTraceContext traceContext) {
        this.mapper = mapper;
        this.kafka = kafka;
        this.json = json;
        this.topic = topic;
        this.sendTimeout = sendTimeout;
        this.meters = meters;
        this.traceContext = traceContext;
    }

    @EventHandler
    @DisallowReplay
    public void on(Object domainEvent, EventMessage<?> message) throws Exception {
        var outbound = mapper.map(domainEvent);
        if (outbound.isEmpty()) {
            return;
        }
        EventEnvelope envelope = envelope(outbound.get(), message);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, envelope.aggregateId(),
                json.writeValueAsString(envelope));
        header(record, EventHeaders.TENANT_ID, envelope.tenantId());
        header(record, EventHeaders.EVENT_TYPE, envelope.type());
        header(record, EventHeaders.EVENT_VERSION, String.valueOf(envelope.version()));
        header(record, EventHeaders.CORRELATION_ID, envelope.correlationId());
        // The trace of the request that caused the event, not the publisher's: the consumers continue that trace.
        traceContext.storedIn(message.getMetaData()).forEach((name, value) -> header(record, name, value));
        CompletableFuture<?> sent = kafka.send(record);
        if (CurrentUnitOfWork.isStarted()) {
            pendingSendsOfThisBatch(CurrentUnitOfWork.get().root()).add(new PendingSend(envelope, sent));
        } else {
            awaitAcknowledgements(List.of(new PendingSend(envelope, sent)));
        }
    }

    /**
     * The sends of one batch are pipelined and awaited together just before the batch commits: the token still only
     * advances once Kafka acknowledged every event of the batch (a failure rolls the batch back and it is sent again),
     * but the batch pays one round of acknowledgements instead of one per event. The producer is idempotent and keys
     * by aggregate, so the order per aggregate holds.
     */
    private List<PendingSend> pendingSendsOfThisBatch(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getOrComputeResource(PENDING_SENDS, key -> {
            List<PendingSend> pending = new ArrayList<>();
            unitOfWork.onPrepareCommit(committing -> awaitAcknowledgements(pending));
            return pending;
        });
    }

    private void awaitAcknowledgements(List<PendingSend> pending) {
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (PendingSend send : pending) {
            try {
                send.acknowledged().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                IntegrationMetrics.publishFailures(meters, topic).increment();
                throw new IllegalStateException("Kafka did not acknowledge " + send.envelope().type() + " "
                        + send.envelope().eventId(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Kafka", e);
            }
            IntegrationMetrics.published(meters, topic, send.envelope().type()).increment();
        }
    }

    private record PendingSend(EventEnvelope envelope, CompletableFuture<?> acknowledged) {
    }

    private EventEnvelope envelope(OutboundEvent outbound, EventMessage<?> message) {
        IntegrationEvent described = IntegrationEvents.describe(outbound.payload().getClass());
        String aggregateId = message.getIdentifier();
        long sequence = 0;
        if (message instanceof DomainEventMessage<?> domainMessage) {
            aggregateId = domainMessage.getAggregateIdentifier();
            sequence = domainMessage.getSequenceNumber();
        }
        Object correlationId = message.getMetaData().get(AuditMetadata.CORRELATION_ID);
        return new EventEnvelope(
                eventId(message.getIdentifier()),
                described.type(),
                described.version(),
                message.getTimestamp(),
                outbound.ownerId(),
                aggregateId,
                sequence,
                correlationId == null ? null : correlationId.toString(),
                json.valueToTree(outbound.payload()));
    }

    /** Axon's identifiers are UUIDs; anything else still maps to a stable UUID. */
    private static UUID eventId(String identifier) {
        try {
            return UUID.fromString(identifier);
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(identifier.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, Objects.toString(value).getBytes(StandardCharsets.UTF_8));
        }
    }
}
