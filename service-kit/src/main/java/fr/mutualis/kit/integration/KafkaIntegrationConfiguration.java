package fr.mutualis.kit.integration;

import fr.mutualis.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

/**
 * Kafka wiring shared by the services: topics, the outbox publisher, the idempotent inbox, and bounded
 * retries after which a record goes to {@code <topic>.DLT} and is counted, while the consumer keeps going; the
 * request's trace stored with each event ({@link OutboxTraceContext}).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaIntegrationConfiguration {

    @Bean
    KafkaAdmin.NewTopics mutualisTopics(@Value("${mutualis.integration.partitions:3}") int partitions) {
        return new KafkaAdmin.NewTopics(Topics.allWithDeadLetters().stream()
                .map(name -> TopicBuilder.name(name).partitions(partitions).replicas(1).build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    CommonErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, String> kafka, MeterRegistry meters,
                                                 @Value("${mutualis.integration.consumer-retries:3}") long retries) {
        // Explicit destination: Spring Kafka 4 defaults to "-dlt", our published contract says "<topic>.DLT".
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            IntegrationMetrics.deadLettered(meters, record.topic()).increment();
            recoverer.accept(record, exception);
        }, new FixedBackOff(500, retries));
        handler.addNotRetryableExceptions(PoisonRecordException.class);
        return handler;
    }

    @Bean
    IntegrationEventInbox integrationEventInbox(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json,
                                                MeterRegistry meters) {
        return new IntegrationEventInbox(jdbc, transactions, json, meters);
    }

    @Bean
    OutboxTraceContext outboxTraceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        // Tracing switched off (management.tracing.enabled=false): nothing is stored, nothing is propagated.
        return new OutboxTraceContext(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    @ConditionalOnBean(IntegrationEventMapper.class)
    IntegrationEventPublisher integrationEventPublisher(IntegrationEventMapper mapper, KafkaTemplate<String, String> kafka,
                                                       JsonMapper json,
                                                       @Value("${mutualis.integration.publish-topic}") String topic,
                                                       @Value("${mutualis.integration.send-timeout:10s}") Duration timeout,
                                                       MeterRegistry meters, OutboxTraceContext traceContext) {
        return new IntegrationEventPublisher(mapper, kafka, json, topic, timeout, meters, traceContext);
    }
}
