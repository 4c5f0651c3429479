package fr.mutualis.reporting.stream;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.Topics;
import fr.mutualis.reporting.report.OwnerFacts;
import fr.mutualis.reporting.report.TerritoryReport;
import fr.mutualis.reporting.report.TerritoryReports;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The job's topology. Events of the four topics are read (a record that cannot be read goes to its topic's
 * {@code .DLT}, as the services do), re-keyed by owner (the envelope's tenant: a SIREN or a mutualisation id, so
 * events of one aggregate stay in order), folded into the owner's {@link OwnerFacts}, and every report of the owner
 * is published again on the compacted {@value #TERRITORY}, keyed {@code <owner>/<fiscalYear>/Q<quarter>}. A global
 * table over that topic lets any instance answer for every owner.
 */
public final class TerritoryReportTopology {

    public static final String TERRITORY = "mutualis.reporting.territory";
    public static final String FACTS_STORE = "owner-facts";
    public static final String REPORTS_STORE = "territory-reports";

    private TerritoryReportTopology() {
    }

    /**
     * @param deadLettered told the source topic of every record sent to a dead-letter topic (the metric)
     * @param consumer     the job's name, in the dead letter's headers like Spring Kafka's consumer group header
     */
    public static GlobalKTable<String, TerritoryReport> build(StreamsBuilder builder, JsonMapper json, Consumer<String> deadLettered, String consumer) {
        EventReader reader = new EventReader(json);
        KStream<String, EventReader.Read> read = builder
                .stream(Topics.ALL, Consumed.with(Serdes.String(), Serdes.String()).withName("events"))
                .mapValues(reader::read, Named.as("read"));

        read.filter((key, value) -> value.unreadable(), Named.as("unreadable"))
                .processValues(() -> new DeadLetter(deadLettered, consumer), Named.as("dead-letter-headers"))
                .to((key, value, context) -> Topics.deadLetter(context.topic()),
                        Produced.with(Serdes.String(), Serdes.String()).withName("dead-letters"));

        read.filter((key, value) -> value.usable(), Named.as("usable"))
                .map((key, value) -> KeyValue.pair(value.envelope().tenantId(), value.envelope()), Named.as("by-owner"))
                .groupByKey(Grouped.with("owner", Serdes.String(), new JsonSerde<>(json, EventEnvelope.class)))
                .aggregate(() -> null,
                        (owner, envelope, facts) -> (facts == null ? OwnerFacts.empty(owner) : facts)
                                .apply(envelope, reader.payload(envelope)),
                        Named.as("facts"),
                        Materialized.<String, OwnerFacts, KeyValueStore<Bytes, byte[]>>as(FACTS_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(new JsonSerde<>(json, OwnerFacts.class)))
                .toStream(Named.as("facts-changes"))
                .flatMap((owner, facts) -> TerritoryReports.all(facts).stream()
                        .map(report -> KeyValue.pair(report.key(), report))
                        .toList(), Named.as("reports"))
                .to(TERRITORY, Produced.with(Serdes.String(), new JsonSerde<>(json, TerritoryReport.class))
                        .withName("territory"));

        return builder.globalTable(TERRITORY, Consumed.with(Serdes.String(), new JsonSerde<>(json, TerritoryReport.class))
                        .withName("territory-table"),
                Materialized.<String, TerritoryReport, KeyValueStore<Bytes, byte[]>>as(REPORTS_STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(new JsonSerde<>(json, TerritoryReport.class)));
    }

    /** Keeps the unreadable record as it came, with Spring Kafka's dead-letter headers, and counts it. */
    private static final class DeadLetter implements FixedKeyProcessor<String, EventReader.Read, String> {

        private final Consumer<String> deadLettered;
        private final String consumer;
        private FixedKeyProcessorContext<String, String> context;

        DeadLetter(Consumer<String> deadLettered, String consumer) {
            this.deadLettered = deadLettered;
            this.consumer = consumer;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, String> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, EventReader.Read> record) {
            Headers headers = record.headers();
            context.recordMetadata().ifPresent(source -> {
                headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, source.topic().getBytes(StandardCharsets.UTF_8));
                headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(source.partition()).array());
                headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(source.offset()).array());
                deadLettered.accept(source.topic());
            });
            headers.add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, consumer.getBytes(StandardCharsets.UTF_8));
            headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, record.value().error().getBytes(StandardCharsets.UTF_8));
            context.forward(record.withValue(record.value().raw()).withHeaders(headers));
        }
    }
}
