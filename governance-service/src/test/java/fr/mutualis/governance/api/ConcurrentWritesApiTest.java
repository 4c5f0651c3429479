package fr.mutualis.governance.api;

import fr.mutualis.governance.GovernanceIntegrationTest;
import fr.mutualis.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static fr.mutualis.contracts.HttpContract.IDEMPOTENCY_KEY_HEADER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes racing on one instance, the aggregate of its séances: keyed creations of séances, whose events commit with
 * their Idempotency-Key after Axon's unit of work (and its lock) has ended, and roll calls of one of its séances,
 * unkeyed. Each write waits for the previous one's transaction and sees its events: none answers 409, every one is
 * stored.
 */
class ConcurrentWritesApiTest extends GovernanceIntegrationTest {

    private static final int ROUNDS = 10;
    private static final int KEYED = 4;
    private static final int ROLL_CALLS = 2;

    @Test
    void concurrentWritesOnOneInstanceWaitForEachOtherInsteadOfAnswering409() throws Exception {
        Territory t = newTerritory();
        String agent = t.agent(t.ville());
        var created = http.post("/api/governance/instances", """
                {"name": "Conseil de test", "kind": "DELIBERATIVE_ASSEMBLY", "cadence": "QUARTERLY", "members": [%s]}"""
                .formatted(SessionApiTest.COUNCIL.formatted(t.ville())), agent, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String instance = created.json().get("id").asString();
        awaitStatus(() -> http.get("/api/governance/instances/" + instance, agent, null), 200);
        String sessions = "/api/governance/instances/" + instance + "/sessions";
        var first = http.post(sessions, session(LocalDate.of(2026, 1, 5)), agent, null);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String attendance = "/api/governance/sessions/" + first.json().get("id").asString() + "/attendance";

        List<String> refused = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(KEYED + ROLL_CALLS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                CyclicBarrier start = new CyclicBarrier(KEYED + ROLL_CALLS);
                List<Future<TestHttp.Response>> answers = new ArrayList<>();
                for (int i = 0; i < KEYED; i++) {
                    String body = session(LocalDate.of(2026, 2, 1).plusDays(round * KEYED + i));
                    answers.add(clients.submit(started(start, () -> http.send(http.request(sessions, agent, null)
                            .header("Content-Type", "application/json")
                            .header(IDEMPOTENCY_KEY_HEADER, UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(body))))));
                }
                for (int i = 0; i < ROLL_CALLS; i++) {
                    String body = i % 2 == 0 ? "{\"present\": [\"maire\", \"c1\", \"c2\"]}" : "{\"present\": [\"maire\", \"c3\"]}";
                    answers.add(clients.submit(started(start, () -> http.put(attendance, body, agent, null))));
                }
                for (Future<TestHttp.Response> answer : answers) {
                    TestHttp.Response response = answer.get(60, TimeUnit.SECONDS);
                    if (response.status() / 100 != 2) {
                        refused.add(response.toString());
                    }
                }
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(refused).as("writes refused out of %d", ROUNDS * (KEYED + ROLL_CALLS)).isEmpty();
        assertThat(events(instance, "SessionScheduled")).isEqualTo(1 + ROUNDS * KEYED);
        assertThat(events(instance, "AttendanceRecorded")).isEqualTo(ROUNDS * ROLL_CALLS);
        awaitUntil(() -> http.get(sessions, agent, null), answer -> answer.json().size() == 1 + ROUNDS * KEYED);
    }

    /** A séance of {@code day} with an information item only: it names nothing of the other contexts. */
    private static String session(LocalDate day) {
        return """
                {"scheduledAt": "%sT18:00:00Z", "agenda": [{"kind": "INFORMATION", "title": "Point d'avancement"}]}"""
                .formatted(day);
    }

    /** {@code request}, sent once every client of the round is ready, so that they all race. */
    private static Callable<TestHttp.Response> started(CyclicBarrier start, Callable<TestHttp.Response> request) {
        return () -> {
            start.await(30, TimeUnit.SECONDS);
            return request.call();
        };
    }

    private long events(String aggregate, String type) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE aggregate_identifier = :aggregate AND payload_type LIKE :type""")
                .param("aggregate", aggregate).param("type", "%." + type).query(Long.class).single();
    }
}
