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
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
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
    static final String CHANGED_OWNERS_STORE = "changed-owners";

    private TerritoryReportTopology() {
    }

    /**
     * @param deadLettered told the source topic of every record sent to a dead-letter topic (the metric)
     * @param consumer     the job's name, in the dead letter's headers like Spring Kafka's consumer group header
     * @param decodedOwners how many owners' facts each task keeps decoded (see {@link DecodedCacheStore})
     */
    public static GlobalKTable<String, TerritoryReport> build(StreamsBuilder builder, JsonMapper json,
                                                              Consumer<String> deadLettered, String consumer,
                                                              int decodedOwners) {
        EventReader reader = new EventReader(json);
        builder.addStateStore(DecodedCacheStore.builder(FACTS_STORE, new OwnerFactsLayout(), decodedOwners));
        KStream<String, EventReader.Read> read = builder
                .stream(Topics.ALL, Consumed.with(Serdes.String(), Serdes.String()).withName("events"))
                .mapValues(reader::read, Named.as("read"));

        read.filter((key, value) -> value.unreadable(), Named.as("unreadable"))
                .processValues(() -> new DeadLetter(deadLettered, consumer), Named.as("dead-letter-headers"))
                .to((key, value, context) -> Topics.deadLetter(context.topic()),
                        Produced.with(Serdes.String(), Serdes.String()).withName("dead-letters"));

        read.filter((key, value) -> value.usable(), Named.as("usable"))
                // The record goes on as it came (an envelope's JSON): read again past the repartition, rather than
                // written out and read back as a new JSON of the envelope.
                .map((key, value) -> KeyValue.pair(value.envelope().tenantId(), value.raw()), Named.as("by-owner"))
                .repartition(Repartitioned.<String, String>as("owner")
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.String()))
                .processValues(() -> new ApplyToFacts(reader), Named.as("facts"), FACTS_STORE)
                // Kafka Streams' record cache coalesces the owners changed between two commits and hands each one
                // on once, at the commit (or sooner when the cache is full): one set of reports per owner and commit.
                // Its content is worthless after a crash (the uncommitted events are read again): no changelog. RocksDB
                // like the other stores, whose Kafka metrics carry the same tags (Prometheus refuses other ones).
                .toTable(Named.as("changed-owners"), Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(
                                CHANGED_OWNERS_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.String())
                        .withCachingEnabled().withLoggingDisabled())
                .toStream(Named.as("owners-to-report"))
                .process(Report::new, Named.as("reports"), FACTS_STORE)
                .to(TERRITORY, Produced.with(Serdes.String(), new JsonSerde<>(json, TerritoryReport.class))
                        .withName("territory"));

        return builder.globalTable(TERRITORY, Consumed.with(Serdes.String(), new JsonSerde<>(json, TerritoryReport.class))
                        .withName("territory-table"),
                Materialized.<String, TerritoryReport, KeyValueStore<Bytes, byte[]>>as(REPORTS_STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(new JsonSerde<>(json, TerritoryReport.class)));
    }

    /**
     * Folds an event into its owner's facts (decoded once per task, see {@link DecodedCacheStore}) and hands the
     * owner on, with the event's id as value so that the changed-owners table sees a new value.
     */
    private static final class ApplyToFacts implements FixedKeyProcessor<String, String, String> {

        private final EventReader reader;
        private FixedKeyProcessorContext<String, String> context;
        private KeyValueStore<String, OwnerFacts> facts;
        /** The table warns of a timestamp older than its key's: events of several topics interleave, so never go back. */
        private long latest = Long.MIN_VALUE;

        ApplyToFacts(EventReader reader) {
            this.reader = reader;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, String> context) {
            this.context = context;
            this.facts = context.getStateStore(FACTS_STORE);
        }

        @Override
        public void process(FixedKeyRecord<String, String> record) {
            String owner = record.key();
            EventReader.Read read = reader.read(record.value());
            EventEnvelope envelope = read.envelope();
            OwnerFacts known = facts.get(owner);
            OwnerFacts changed = known == null ? OwnerFacts.empty(owner) : known;
            changed.apply(envelope, read.payload());
            facts.put(owner, changed);
            latest = Math.max(latest, record.timestamp());
            context.forward(record.withValue(envelope.eventId().toString()).withTimestamp(latest));
        }
    }

    /** Every report of an owner whose facts changed, from its facts as they are now. */
    private static final class Report implements Processor<String, String, String, TerritoryReport> {

        private ProcessorContext<String, TerritoryReport> context;
        private KeyValueStore<String, OwnerFacts> facts;

        @Override
        public void init(ProcessorContext<String, TerritoryReport> context) {
            this.context = context;
            this.facts = context.getStateStore(FACTS_STORE);
        }

        @Override
        public void process(Record<String, String> record) {
            OwnerFacts owner = facts.get(record.key());
            if (owner != null) {
                TerritoryReports.all(owner).forEach(report ->
                        context.forward(record.withKey(report.key()).withValue(report)));
            }
        }
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
