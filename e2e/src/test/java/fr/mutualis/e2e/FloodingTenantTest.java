package fr.mutualis.e2e;

import fr.mutualis.e2e.support.Platform;
import fr.mutualis.e2e.support.Sirens;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.testsupport.TestHttp.Response;
import fr.mutualis.localstack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One collectivité cannot starve the others: a tenant flooding the gateway far beyond its allowance is answered 429
 * problem+json with Retry-After, on the real routes too, while another tenant's requests, sent during the flood, keep
 * succeeding. Also the request size limit: a body above the gateway's limit is 413.
 * <p>
 * The flood goes to a gateway of this class's own, started beside the platform's with a low per-tenant bucket
 * ({@link #BURST} requests, {@link #REPLENISH_RATE} per second, set through its {@code mutualis.gateway.rate-limit}
 * properties) and relaying to the same services: with the platform's default bucket a slow machine cannot send
 * faster than it refills, and the limit would never be shown. With this one, any flood exceeds it within a second or
 * two, so a flood that is never refused is a failure. The platform's gateway, which the other classes use, keeps its
 * own settings throughout.
 * <p>
 * Nine flood requests in ten go to a path no service serves: the gateway charges them to the tenant all the same,
 * and a service saturated by the flood itself would trip its circuit breaker for every tenant (measured on a 2-core
 * machine: 48 concurrent reads of one tenant made portfolio answer 503 to everyone before the default bucket of 400
 * requests was spent), which is the gateway's capacity question, not this per-tenant rule's.
 */
@ExtendWith(Platform.class)
@Isolated("Its flood takes the cores: the requests of classes beside it would time out")
class FloodingTenantTest {

    /** The flood lasts until the neighbour has been served while the flooder was refused, or this long at most. */
    private static final Duration MAX_FLOOD = Duration.ofSeconds(30);
    /** The gateway's bucket during this class: burst capacity, and refill in requests per second. */
    private static final int BURST = 40;
    private static final int REPLENISH_RATE = 10;
    private static final int IN_FLIGHT = 64;
    private static final int NEIGHBOUR_REQUESTS = 20;

    private static LocalStack.Aside lowLimitGateway;

    @BeforeAll
    static void lowLimit() {
        lowLimitGateway = Platform.stack().startAside("gateway", Map.of(
                "MUTUALIS_GATEWAY_RATELIMIT_BURSTCAPACITY", String.valueOf(BURST),
                "MUTUALIS_GATEWAY_RATELIMIT_REPLENISHRATE", String.valueOf(REPLENISH_RATE)));
    }

    @AfterAll
    static void stopIt() {
        if (lowLimitGateway != null) {
            lowLimitGateway.close();
        }
    }

    @Test
    void aFloodingTenantIsLimitedWhileAnotherTenantKeepsBeingServed() throws Exception {
        LocalStack stack = Platform.stack();
        String flooder = client(stack, "flooder");
        String neighbour = client(stack, "neighbour");
        TestHttp gateway = lowLimitGateway();

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Semaphore slots = new Semaphore(IN_FLIGHT);
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        List<HttpResponse<String>> limitedOnARealRoute = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch flooderLimited = new CountDownLatch(1);
        CountDownLatch neighbourDone = new CountDownLatch(1);
        List<Integer> neighbourStatuses = java.util.Collections.synchronizedList(new ArrayList<>());

        // The neighbour starts once the flooder is being refused, and stays far within its own allowance.
        Thread neighbourThread = Thread.ofPlatform().start(() -> {
            try {
                flooderLimited.await();
                for (int i = 0; i < NEIGHBOUR_REQUESTS; i++) {
                    neighbourStatuses.add(gateway.get("/api/portfolio/roadmaps", neighbour, null).status());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                neighbourDone.countDown();
            }
        });

        long start = System.nanoTime();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        long deadline = System.nanoTime() + MAX_FLOOD.toNanos();
        for (int i = 0; neighbourDone.getCount() > 0 && System.nanoTime() < deadline; i++) {
            slots.acquire();
            boolean realRoute = i % 10 == 0;
            String path = realRoute ? "/api/portfolio/roadmaps" : "/api/flood/" + i;
            HttpRequest request = HttpRequest.newBuilder(URI.create(lowLimitGateway.url() + path))
                    .header("Authorization", "Bearer " + flooder).timeout(Duration.ofSeconds(30)).GET().build();
            sent.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                slots.release();
                int status = error != null ? -1 : response.statusCode();
                statuses.merge((realRoute ? "route " : "unrouted ") + status, 1, Integer::sum);
                if (status == 429) {
                    flooderLimited.countDown();
                    if (realRoute) {
                        limitedOnARealRoute.add(response);
                    }
                }
            }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        flooderLimited.countDown();
        neighbourThread.join();
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        double rate = sent.size() * 1000.0 / millis;
        System.out.printf("flood: %d requests in %d ms (%.0f/s), statuses %s; neighbour: %d requests, statuses %s%n",
                sent.size(), millis, rate, new java.util.TreeMap<>(statuses), neighbourStatuses.size(),
                neighbourStatuses.stream().distinct().toList());
        long allowance = BURST + REPLENISH_RATE * millis / 1000;
        assertThat(sent.size()).as("requests the flooder sent, against its allowance: a flood this bucket cannot miss")
                .isGreaterThan((int) allowance);

        assertThat(statuses.keySet()).as("the flooder is answered, refused with 429, never an error")
                .contains("route 429").allMatch(key -> key.endsWith(" 200") || key.endsWith(" 404") || key.endsWith(" 429"));
        HttpResponse<String> refusal = limitedOnARealRoute.getFirst();
        assertThat(refusal.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refusal.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(refusal.body()).contains("\"status\":429");

        assertThat(neighbourStatuses).as("the neighbour was served while the flooder was refused")
                .hasSize(NEIGHBOUR_REQUESTS).containsOnly(200);
    }

    @Test
    void aBodyAboveTheLimitIs413BeforeReachingAService() {
        String token = client(Platform.stack(), "big-body");
        String huge = "{\"title\": \"" + "x".repeat(2 * 1024 * 1024) + "\", \"startYear\": 2026, \"endYear\": 2028, \"axes\": []}";
        Response answer = lowLimitGateway().post("/api/portfolio/roadmaps", huge, token, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.isProblem()).isTrue();
        assertThat(lowLimitGateway().get("/api/portfolio/roadmaps", token, null).json().get("total").asLong()).isZero();
    }

    /** This class's gateway, its answers checked against the OpenAPI document as the platform's are. */
    private static TestHttp lowLimitGateway() {
        return Platform.gatewayForInvalidRequests(lowLimitGateway.url());
    }

    private static String client(LocalStack stack, String kind) {
        String siren = Sirens.next();
        String id = "e2e-" + kind + "-" + siren;
        stack.registerClient(id, "secret", List.of(siren), List.of("AGENT"));
        return stack.token(id, "secret");
    }
}
