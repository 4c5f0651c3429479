package fr.mutualis.kit.axon;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Records made through the prepared constructor call are those Jackson makes, and fail as Jackson's fail. */
class RecordCreatorsTest {

    private static final JsonMapper JACKSON = JsonMapper.builder().build();
    private static final JsonMapper KIT = JsonMapper.builder().addModule(new RecordCreators()).build();

    public enum Status { PROPOSED, APPROVED }

    public record Amount(long cents, String currency) {
    }

    public record Proposed(UUID id, String title, LocalDate start, Status status, int rank, boolean urgent,
                           List<String> sirens, Amount amount, Long optional) {
    }

    public record Checked(String name) {
        public Checked {
            if (name.isBlank()) {
                throw new IllegalArgumentException("a name is required");
            }
        }
    }

    /** Tells whether it was made through the prepared call. */
    public record Traced(String name) {
        static final List<Boolean> prepared = new CopyOnWriteArrayList<>();

        public Traced {
            prepared.add(StackWalker.getInstance().walk(frames -> frames
                    .anyMatch(frame -> frame.getClassName().endsWith("RecordCreators$Prepared"))));
        }
    }

    public static final class NotARecord {
        public String name;
    }

    @Test
    void recordsAreMadeAsJacksonMakesThem() {
        for (String json : List.of("""
                        {"id":"0b5f0d8e-3f43-4a59-9a5e-2c1d2e3f4a5b","title":"Voirie","start":"2027-01-31","status":"APPROVED",
                         "rank":3,"urgent":true,"sirens":["210000022","210000030"],"amount":{"cents":123456,"currency":"EUR"},
                         "optional":7}""",
                "{\"title\":\"missing objects\",\"rank\":0,\"urgent\":false}",
                "{\"id\":null,\"title\":null,\"optional\":null,\"rank\":-2,\"urgent\":true,\"sirens\":[],\"amount\":{\"cents\":-1}}")) {
            Proposed kit = KIT.readValue(json, Proposed.class);
            assertThat(kit).isEqualTo(JACKSON.readValue(json, Proposed.class));
        }
    }

    @Test
    void aConstructorsFailureIsReportedAsJacksonReportsIt() {
        String json = "{\"name\":\" \"}";
        assertThatThrownBy(() -> KIT.readValue(json, Checked.class)).isInstanceOf(DatabindException.class)
                .hasMessage(catchMessage(() -> JACKSON.readValue(json, Checked.class)))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
        String nullPrimitive = "{\"title\":\"x\",\"rank\":null}";
        assertThatThrownBy(() -> KIT.readValue(nullPrimitive, Proposed.class))
                .hasMessage(catchMessage(() -> JACKSON.readValue(nullPrimitive, Proposed.class)));
        JsonMapper lenient = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
        assertThat(lenient.rebuild().addModule(new RecordCreators()).build().readValue(nullPrimitive, Proposed.class))
                .isEqualTo(lenient.readValue(nullPrimitive, Proposed.class));
    }

    @Test
    void onlyRecordsTakeThePreparedCall() {
        assertThat(KIT.readValue("{\"name\":\"n\"}", NotARecord.class).name).isEqualTo("n");
        Traced.prepared.clear();
        KIT.readValue("{\"name\":\"n\"}", Traced.class);
        JACKSON.readValue("{\"name\":\"n\"}", Traced.class);
        assertThat(Traced.prepared).containsExactly(true, false);
    }

    private static String catchMessage(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a failure");
    }
}
