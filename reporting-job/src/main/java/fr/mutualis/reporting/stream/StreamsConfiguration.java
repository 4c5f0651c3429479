package fr.mutualis.reporting.stream;

import fr.mutualis.contracts.Topics;
import fr.mutualis.reporting.report.TerritoryReport;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import tools.jackson.databind.json.JsonMapper;

import java.util.stream.Stream;

/** The Kafka Streams application (spring.kafka.streams.* in application.yml) and the topics it needs. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
public class StreamsConfiguration {

    /**
     * The four event topics and their dead-letter topics as the services declare them (the job may start first),
     * and the compacted report topic: only each owner and quarter's latest report matters.
     */
    @Bean
    KafkaAdmin.NewTopics reportingTopics(@Value("${mutualis.integration.partitions:3}") int partitions) {
        return new KafkaAdmin.NewTopics(Stream.concat(
                        Topics.allWithDeadLetters().stream()
                                .map(name -> TopicBuilder.name(name).partitions(partitions).replicas(1).build()),
                        Stream.of(TopicBuilder.name(TerritoryReportTopology.TERRITORY).partitions(partitions).replicas(1)
                                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build()))
                .toArray(NewTopic[]::new));
    }

    @Bean
    GlobalKTable<String, TerritoryReport> territoryReports(StreamsBuilder builder, JsonMapper json, MeterRegistry meters,
                                                           @Value("${spring.kafka.streams.application-id}") String job,
                                                           @Value("${mutualis.reporting.decoded-owners}") int decodedOwners) {
        return TerritoryReportTopology.build(builder, json,
                topic -> meters.counter("mutualis.integration.dead.lettered", "topic", topic).increment(), job,
                decodedOwners);
    }
}
