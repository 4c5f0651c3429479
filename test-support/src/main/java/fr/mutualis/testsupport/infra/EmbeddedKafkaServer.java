package fr.mutualis.testsupport.infra;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * A real Apache Kafka broker in KRaft mode running inside this JVM (Kafka's own cluster test kit, via
 * spring-kafka-test): the same broker code as in production, without Docker or ZooKeeper. Like a production
 * broker it leaves flushing to the operating system (no fsync per message): an acknowledged record survives the
 * crash of any process; the platform's source of truth is the event store, which Kafka is only fed from.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafkaServer(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /**
     * Starts a single KRaft broker and creates {@code topics}. The broker listens on a free port chosen by
     * Kafka's test kit (it ignores requested ports); callers that need a fixed address put a TCP forwarder in
     * front of {@link #bootstrapServers()}.
     */
    public static EmbeddedKafkaServer start(int partitions, Collection<String> topics) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions);
        // The internal topics get as many partitions as the others instead of Kafka's 50, which spread coordinators
        // over many brokers: on this one broker the first consumer's FindCoordinator created 50 partitions, and every
        // group's join retried "not the correct coordinator" until they were all loaded (seconds in each test JVM).
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "num.partitions", String.valueOf(partitions),
                "offsets.topic.num.partitions", String.valueOf(partitions),
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.num.partitions", String.valueOf(partitions),
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        EmbeddedKafkaServer server = new EmbeddedKafkaServer(broker);
        server.createTopics(partitions, topics);
        return server;
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    public void createTopics(int partitions, Collection<String> topics) {
        broker.addTopicsWithResults(topics.stream()
                .map(name -> new NewTopic(name, partitions, (short) 1))
                .toArray(NewTopic[]::new));
    }

    /**
     * Stops the broker as an operator would (its log stays on disk, its KRaft controller keeps running), for fault
     * injection. Clients see the broker gone until {@link #startBroker()}.
     */
    public void stopBroker() {
        broker.getCluster().brokers().values().forEach(server -> {
            server.shutdown();
            server.awaitShutdown();
        });
    }

    /** Starts the stopped broker again on the same port (Kafka's test kit keeps it bound) with the same log. */
    public void startBroker() {
        broker.getCluster().brokers().values().forEach(server -> server.startup());
        try {
            broker.getCluster().waitForReadyBrokers();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The broker did not come back", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the broker restarted", e);
        }
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
