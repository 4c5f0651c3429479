package fr.mutualis.kit.axon;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kit's timestamp reader gives Axon's answer, or Axon's error, for whatever the store may hold. */
class StoredTimestampsTest {

    @Test
    void whatAxonWritesIsReadAsAxonReadsIt() {
        SplittableRandom random = new SplittableRandom(13);
        // years 0001 to 9999, every millisecond of a day, leap days and month ends included by sheer number
        for (int i = 0; i < 200_000; i++) {
            Instant written = Instant.ofEpochMilli(random.nextLong(-62_135_596_800_000L, 253_402_300_799_999L));
            String stored = DateTimeUtils.formatInstant(written);
            assertThat(StoredTimestamps.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored))
                    .isEqualTo(written);
        }
        for (String edge : List.of("2024-02-29T23:59:59.999Z", "2026-12-31T00:00:00.000Z", "1970-01-01T00:00:00.000Z",
                "0000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z")) {
            assertThat(StoredTimestamps.parse(edge)).as(edge).isEqualTo(DateTimeUtils.parseInstant(edge));
        }
    }

    @Test
    void anyOtherFormGoesToAxonsParser() {
        for (String other : List.of("2026-12-05T21:01:40Z", "2026-12-05T21:01:40.123456Z", "2026-12-05T21:01:40.1+02:00",
                "2026-12-05t21:01:40.123z", "2026-12-05T21:01:40.123+00:00")) {
            assertThat(StoredTimestamps.parse(other)).as(other).isEqualTo(DateTimeUtils.parseInstant(other));
        }
        for (String invalid : List.of("2026-02-29T10:00:00.000Z", "2026-13-01T10:00:00.000Z", "2026-12-32T10:00:00.000Z",
                "2026-12-05T24:00:00.000Z", "2026-12-05T21:60:00.000Z", "2026-12-05T21:01:60.000Z",
                "2026-12-0xT21:01:40.123Z", "2026-12-05T21:01:40.12aZ", "2026-00-05T21:01:40.123Z", "")) {
            assertThatThrownBy(() -> DateTimeUtils.parseInstant(invalid)).as(invalid).isNotNull();
            assertThatThrownBy(() -> StoredTimestamps.parse(invalid)).as(invalid)
                    .isInstanceOf(DateTimeParseException.class);
        }
    }
}
