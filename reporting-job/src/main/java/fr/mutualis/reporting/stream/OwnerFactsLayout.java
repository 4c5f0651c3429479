package fr.mutualis.reporting.stream;

import fr.mutualis.reporting.report.OwnerFacts;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * An owner's facts in the store: each part under {@code <owner>/<path>} as JSON (see {@link OwnerFacts}), read back
 * by a prefix scan of the owner. Owners are SIRENs or mutualisation ids, neither holding a {@code /}: one owner's
 * prefix never reaches another's parts.
 */
final class OwnerFactsLayout implements DecodedCacheStore.Layout<OwnerFacts> {

    private static final StringSerializer KEYS = new StringSerializer();

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public OwnerFacts read(String owner, KeyValueStore<String, byte[]> store) {
        try (KeyValueIterator<String, byte[]> parts = store.prefixScan(prefix(owner), KEYS)) {
            return assemble(owner, parts);
        }
    }

    /** The owner's facts from its parts ({@code <owner>/<path>} and their JSON); null when there are none. */
    OwnerFacts assemble(String owner, Iterator<KeyValue<String, byte[]>> parts) {
        OwnerFacts facts = null;
        int start = prefix(owner).length();
        while (parts.hasNext()) {
            KeyValue<String, byte[]> part = parts.next();
            if (facts == null) {
                facts = OwnerFacts.empty(owner);
            }
            String path = part.key.substring(start);
            facts.restore(path, json.readValue(part.value, OwnerFacts.partType(path)));
        }
        return facts;
    }

    @Override
    public void write(String owner, OwnerFacts facts, KeyValueStore<String, byte[]> store) {
        String prefix = prefix(owner);
        facts.drainChanges((path, part) -> store.put(prefix + path, json.writeValueAsBytes(part)));
    }

    @Override
    public void delete(String owner, KeyValueStore<String, byte[]> store) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> parts = store.prefixScan(prefix(owner), KEYS)) {
            parts.forEachRemaining(part -> keys.add(part.key));
        }
        keys.forEach(store::delete);
    }

    private static String prefix(String owner) {
        return owner + "/";
    }
}
