package fr.mutualis.reporting.stream;

import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The decoded values in front of a store: read once, written at the flush, and written before being pushed out. */
class DecodedCacheStoreTest {

    /** A list is one record, its text: each decoding gives a new instance, which the tests can tell apart. */
    static final DecodedCacheStore.Layout<List<String>> LIST = new DecodedCacheStore.Layout<>() {

        @Override
        public List<String> read(String key, KeyValueStore<String, byte[]> store) {
            byte[] text = store.get(key);
            return text == null ? null : new ArrayList<>(List.of(new String(text).split(",")));
        }

        @Override
        public void write(String key, List<String> list, KeyValueStore<String, byte[]> store) {
            store.put(key, String.join(",", list).getBytes());
        }

        @Override
        public void delete(String key, KeyValueStore<String, byte[]> store) {
            store.delete(key);
        }
    };

    DecodedCacheStore<List<String>> store;

    @BeforeEach
    void open() {
        store = DecodedCacheStore.<List<String>>builder(Stores.inMemoryKeyValueStore("facts"), LIST, 2)
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aValueIsDecodedOnceAndItsChangesAreWrittenAtTheFlush() {
        List<String> facts = new ArrayList<>(List.of("a"));
        store.put("owner", facts);
        facts.add("b");
        assertThat(store.get("owner")).isSameAs(facts);

        store.flush();
        // Pushed out by two other owners, then read again from the store underneath: what the flush wrote.
        store.put("x", List.of("x"));
        store.put("y", List.of("y"));
        assertThat(store.get("owner")).isNotSameAs(facts).containsExactly("a", "b");
    }

    @Test
    void aChangedValuePushedOutBeforeAFlushIsWrittenFirst() {
        store.put("owner", new ArrayList<>(List.of("a")));
        store.put("x", List.of("x"));
        store.put("y", List.of("y"));

        assertThat(store.get("owner")).containsExactly("a");
    }

    @Test
    void withoutCapacityEveryValueIsWrittenAtOnce() {
        DecodedCacheStore<List<String>> uncached = DecodedCacheStore.<List<String>>builder(
                Stores.inMemoryKeyValueStore("uncached"), LIST, 0).withLoggingDisabled().build();
        uncached.init(new MockProcessorContext<>().getStateStoreContext(), uncached);
        uncached.put("owner", List.of("a"));
        uncached.flush();

        assertThat(uncached.get("owner")).containsExactly("a");
        uncached.close();
    }

    @Test
    void aDeletedValueIsGoneFromBoth() {
        store.put("owner", List.of("a"));
        store.flush();
        store.delete("owner");
        store.flush();
        store.put("x", List.of("x"));
        store.put("y", List.of("y"));

        assertThat(store.get("owner")).isNull();
    }
}
