package fr.mutualis.kit.integration;

import fr.mutualis.contracts.governance.MutualisationCreated;
import fr.mutualis.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request's W3C trace goes through the outbox: the event stored while the request runs keeps its trace, the
 * publisher (later, on a thread where that trace is not current) puts it on the Kafka record, and the consumer's
 * handling, observed by Spring Kafka, runs in that same trace. Real Kafka, real OpenTelemetry SDK.
 */
class TracePropagationTest {

    private static final String REQUEST_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TOPIC = "kit.trace-propagation." + UUID.randomUUID();

    private static OpenTelemetrySdk openTelemetry;
    private static Tracer tracer;
    private static Propagator propagator;

    @BeforeAll
    static void tracing() {
        openTelemetry = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        io.opentelemetry.api.trace.Tracer otel = openTelemetry.getTracer("test");
        tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {
        });
        propagator = new OtelPropagator(openTelemetry.getPropagators(), otel);
    }

    @AfterAll
    static void close() {
        openTelemetry.close();
    }

    @Test
    void theConsumerHandlesTheEventInTheTraceOfTheRequestThatCausedIt() throws Exception {
        OutboxTraceContext traceContext = new OutboxTraceContext(tracer, propagator);

        // The request: its span continues the client's traceparent; the event is applied while it is current.
        Span request = propagator.extract(Map.of("traceparent", "00-" + REQUEST_TRACE + "-00f067aa0ba902b7-01"),
                Map::get).name("request").start();
        Map<String, ?> stored;
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            stored = traceContext.correlationDataFor(new GenericMessage<>("command"));
        } finally {
            request.end();
        }

        CompletableFuture<ConsumerRecord<String, String>> received = new CompletableFuture<>();
        CompletableFuture<String> handlingTrace = new CompletableFuture<>();
        KafkaMessageListenerContainer<String, String> consumer = consumer((MessageListener<String, String>) record -> {
            Span current = tracer.currentSpan();
            handlingTrace.complete(current == null ? "none" : current.context().traceId());
            received.complete(record);
        });
        consumer.start();
        try {
            // The outbox, later, on this thread where no trace is current.
            assertThat(tracer.currentSpan()).isNull();
            assertThat(traceContext.correlationDataFor(new GenericMessage<>("command", MetaData.from(stored))))
                    .as("an event caused by a message, no trace current, keeps the message's trace").isEqualTo(stored);
            publisher(traceContext).on("domain event", new GenericDomainEventMessage<>("Mutualisation",
                    UUID.randomUUID().toString(), 0, "domain event", MetaData.from(stored)));

            ConsumerRecord<String, String> record = received.get(60, TimeUnit.SECONDS);
            Header traceparent = record.headers().lastHeader("traceparent");
            assertThat(traceparent).as("the record carries a traceparent").isNotNull();
            assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).startsWith("00-" + REQUEST_TRACE + "-");
            assertThat(handlingTrace.get(10, TimeUnit.SECONDS)).isEqualTo(REQUEST_TRACE);
        } finally {
            consumer.stop();
        }
    }

    private static IntegrationEventPublisher publisher(OutboxTraceContext traceContext) {
        MutualisationCreated payload = new MutualisationCreated(UUID.randomUUID(), "DSI commune", "200000016",
                List.of("210000022"), "POPULATION", Map.of("210000022", BigDecimal.ONE));
        KafkaTemplate<String, String> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
        return new IntegrationEventPublisher(event -> Optional.of(new OutboundEvent("200000016", payload)), kafka,
                JsonMapper.builder().build(), TOPIC, Duration.ofSeconds(30), new SimpleMeterRegistry(), traceContext);
    }

    private static KafkaMessageListenerContainer<String, String> consumer(MessageListener<String, String> listener) {
        DefaultKafkaConsumerFactory<String, String> consumers = new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "trace-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        ObservationRegistry observations = ObservationRegistry.create();
        // As Boot wires it: the first handler that supports the context makes the span.
        observations.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
                new DefaultTracingObservationHandler(tracer)));
        ContainerProperties properties = new ContainerProperties(TOPIC);
        properties.setMessageListener(listener);
        // What spring.kafka.listener.observation-enabled=true sets on the services' containers.
        properties.setObservationEnabled(true);
        properties.setObservationRegistry(observations);
        return new KafkaMessageListenerContainer<>(consumers, properties);
    }
}
