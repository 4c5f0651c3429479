package fr.mutualis.e2e;

import fr.mutualis.e2e.support.Platform;
import fr.mutualis.e2e.support.Sirens;
import fr.mutualis.kit.testsupport.TestHttp;
import fr.mutualis.kit.testsupport.TestHttp.Response;
import fr.mutualis.localstack.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One collectivité cannot starve the others: a tenant flooding the gateway far beyond its allowance (the platform's
 * default per-tenant bucket) is answered 429 problem+json with Retry-After, while another tenant's requests, sent
 * during the flood, keep succeeding. Also the request size limit: a body above the gateway's limit is 413.
 */
@ExtendWith(Platform.class)
class FloodingTenantTest {

    private static final int FLOOD = 1_500;
    private static final int IN_FLIGHT = 48;
    private static final int NEIGHBOUR_REQUESTS = 50;

    @Test
    void aFloodingTenantIsLimitedWhileAnotherTenantKeepsBeingServed() throws Exception {
        LocalStack stack = Platform.stack();
        String flooder = client(stack, "flooder");
        String neighbour = client(stack, "neighbour");
        TestHttp gateway = Platform.gateway();

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Semaphore slots = new Semaphore(IN_FLIGHT);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<HttpResponse<String>> limited = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean flooding = new AtomicBoolean(true);
        List<CompletableFuture<?>> sent = new ArrayList<>();

        // The neighbour starts once the flooder is being refused, and stays far within its own allowance.
        CountDownLatch flooderLimited = new CountDownLatch(1);
        List<Integer> neighbourStatuses = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread neighbourThread = Thread.ofPlatform().start(() -> {
            try {
                flooderLimited.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            while (flooding.get() && neighbourStatuses.size() < NEIGHBOUR_REQUESTS) {
                neighbourStatuses.add(gateway.get("/api/portfolio/roadmaps", neighbour, null).status());
            }
        });

        long start = System.nanoTime();
        for (int i = 0; i < FLOOD; i++) {
            slots.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/portfolio/roadmaps/"
                            + UUID.randomUUID())).header("Authorization", "Bearer " + flooder)
                    .timeout(Duration.ofSeconds(30)).GET().build();
            sent.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                slots.release();
                int status = error != null ? -1 : response.statusCode();
                statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                if (status == 429) {
                    limited.add(response);
                    flooderLimited.countDown();
                }
            }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        flooding.set(false);
        flooderLimited.countDown();
        neighbourThread.join();
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        System.out.printf("flood: %d requests in %d ms, statuses %s; neighbour: %d requests, statuses %s%n", FLOOD, millis,
                statuses, neighbourStatuses.size(), neighbourStatuses.stream().distinct().toList());

        assertThat(statuses).as("the flooder's answers").containsKey(429);
        assertThat(statuses.keySet()).as("the flooder gets 404 (unknown roadmap) or 429, never an error")
                .containsOnly(404, 429);
        HttpResponse<String> refusal = limited.getFirst();
        assertThat(refusal.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refusal.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(refusal.body()).contains("\"status\":429");

        assertThat(neighbourStatuses).as("the neighbour was served during the flood").isNotEmpty().containsOnly(200);
        Response after = gateway.get("/api/portfolio/roadmaps", neighbour, null);
        assertThat(after.status()).isEqualTo(200);
    }

    @Test
    void aBodyAboveTheLimitIs413BeforeReachingAService() {
        String token = client(Platform.stack(), "big-body");
        String huge = "{\"title\": \"" + "x".repeat(2 * 1024 * 1024) + "\", \"startYear\": 2026, \"endYear\": 2028, \"axes\": []}";
        Response answer = Platform.gateway().post("/api/portfolio/roadmaps", huge, token, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.isProblem()).isTrue();
        assertThat(Platform.gateway().get("/api/portfolio/roadmaps", token, null).json().get("total").asLong()).isZero();
    }

    private static String client(LocalStack stack, String kind) {
        String siren = Sirens.next();
        String id = "e2e-" + kind + "-" + siren;
        stack.registerClient(id, "secret", List.of(siren), List.of("AGENT"));
        return stack.token(id, "secret");
    }
}
