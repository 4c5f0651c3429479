package fr.mutualis.governance.api;

import fr.mutualis.governance.GovernanceIntegrationTest;
import fr.mutualis.governance.messages.RecordAttendance;
import fr.mutualis.kit.tenant.Caller;
import fr.mutualis.testsupport.TestHttp;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.reflect.Field;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static fr.mutualis.contracts.HttpContract.IDEMPOTENCY_KEY_HEADER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the aggregate lock costs a write through the API, printed, not asserted: sequential keyed séance creations and
 * roll calls on one instance, then the roll call's command alone, alternately with and without the lock's interceptor
 * on the command bus, in one run. Not a test (its name matches none of Surefire's patterns): run it with
 * {@code -Dtest=AggregateLockCost -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class AggregateLockCost extends GovernanceIntegrationTest {

    private static final int WARM_UP = 40;
    private static final int ROUNDS = 200;

    @Autowired
    private CommandBus commandBus;
    @Autowired
    private CommandGateway commands;

    @Test
    void printsTheCostOfTheLockPerWrite() throws ReflectiveOperationException {
        List<MessageHandlerInterceptor<?>> interceptors = handlerInterceptors();
        MessageHandlerInterceptor<?> lock = interceptors.stream()
                .filter(interceptor -> interceptor.getClass().getSimpleName().equals("AggregateLockInterceptor"))
                .findFirst().orElseThrow();
        Territory t = newTerritory();
        String agent = t.agent(t.ville());
        String instance = instance(t, agent);
        String sessions = "/api/governance/instances/" + instance + "/sessions";
        var first = http.post(sessions, session(0), agent, null);
        String attendance = "/api/governance/sessions/" + first.json().get("id").asString() + "/attendance";
        Writes writes = new Writes(sessions, attendance, agent);

        writes.time(WARM_UP);
        long[] locked = new long[2];
        long[] unlocked = new long[2];
        try {
            // One write of each kind with, then without: the instance's history grows all along, and both modes
            // load it alike.
            for (int round = 0; round < ROUNDS; round++) {
                add(locked, writes.time(1));
                interceptors.remove(lock);
                add(unlocked, writes.time(1));
                interceptors.add(lock);
            }
        } finally {
            if (!interceptors.contains(lock)) {
                interceptors.add(lock);
            }
        }
        // The command alone, sent on the bus in Axon's own transaction, on an instance of its own.
        UUID other = UUID.fromString(instance(t, agent));
        UUID otherSession = UUID.fromString(http.post("/api/governance/instances/" + other + "/sessions", session(0), agent, null)
                .json().get("id").asString());
        RecordAttendance rollCall = new RecordAttendance(other, otherSession, Caller.tenant(t.ville()), Set.of("maire"), null);
        for (int i = 0; i < WARM_UP; i++) {
            commands.sendAndWait(rollCall);
        }
        long[] command = new long[2];
        try {
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                commands.sendAndWait(rollCall);
                command[0] += System.nanoTime() - start;
                interceptors.remove(lock);
                start = System.nanoTime();
                commands.sendAndWait(rollCall);
                command[1] += System.nanoTime() - start;
                interceptors.add(lock);
            }
        } finally {
            if (!interceptors.contains(lock)) {
                interceptors.add(lock);
            }
        }
        int each = ROUNDS;
        System.out.printf("Aggregate lock, %d writes of each kind per mode:%n", each);
        System.out.printf("  keyed creation: %.3f ms with the lock, %.3f ms without, ratio %.3f%n",
                locked[0] / 1e6 / each, unlocked[0] / 1e6 / each, (double) locked[0] / unlocked[0]);
        System.out.printf("  roll call:      %.3f ms with the lock, %.3f ms without, ratio %.3f%n",
                locked[1] / 1e6 / each, unlocked[1] / 1e6 / each, (double) locked[1] / unlocked[1]);
        System.out.printf("  command alone:  %.3f ms with the lock, %.3f ms without, ratio %.3f%n",
                command[0] / 1e6 / each, command[1] / 1e6 / each, (double) command[0] / command[1]);
    }

    private String instance(Territory t, String agent) {
        var created = http.post("/api/governance/instances", """
                {"name": "Conseil de test", "kind": "DELIBERATIVE_ASSEMBLY", "cadence": "QUARTERLY", "members": [%s]}"""
                .formatted(SessionApiTest.COUNCIL.formatted(t.ville())), agent, null);
        String id = created.json().get("id").asString();
        awaitStatus(() -> http.get("/api/governance/instances/" + id, agent, null), 200);
        return id;
    }

    private static void add(long[] total, long[] elapsed) {
        total[0] += elapsed[0];
        total[1] += elapsed[1];
    }

    /** The command bus's handler interceptors, the list itself, so that the lock's can be taken out and put back. */
    @SuppressWarnings("unchecked")
    private List<MessageHandlerInterceptor<?>> handlerInterceptors() throws ReflectiveOperationException {
        Field field = SimpleCommandBus.class.getDeclaredField("handlerInterceptors");
        field.setAccessible(true);
        return (List<MessageHandlerInterceptor<?>>) field.get(commandBus);
    }

    private static String session(int day) {
        return """
                {"scheduledAt": "%sT18:00:00Z", "agenda": [{"kind": "INFORMATION", "title": "Point"}]}"""
                .formatted(LocalDate.of(2030, 1, 1).plusDays(day));
    }

    private final class Writes {

        private final String sessions;
        private final String attendance;
        private final String agent;
        private int day = 1;

        private Writes(String sessions, String attendance, String agent) {
            this.sessions = sessions;
            this.attendance = attendance;
            this.agent = agent;
        }

        /** Nanoseconds taken by {@code count} keyed creations, then by {@code count} roll calls. */
        long[] time(int count) {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                String body = session(day++);
                TestHttp.Response answer = http.send(http.request(sessions, agent, null)
                        .header("Content-Type", "application/json")
                        .header(IDEMPOTENCY_KEY_HEADER, UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
                assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            }
            long creations = System.nanoTime() - start;
            start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                String body = i % 2 == 0 ? "{\"present\": [\"maire\", \"c1\"]}" : "{\"present\": [\"maire\", \"c2\"]}";
                TestHttp.Response answer = http.put(attendance, body, agent, null);
                assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            }
            return new long[]{creations, System.nanoTime() - start};
        }
    }
}
