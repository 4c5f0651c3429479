package fr.mutualis.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Stands in for an app's executable jar in {@link LocalStackTest} (JDK only): ready at once, shows its environment
 * at {@code /env}, and acts as gateway and services for the demo loader (budget lines answer 404, "not yet").
 */
public final class FakeApp {

    private static final Map<String, Integer> CALLS = new ConcurrentHashMap<>();

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/actuator/health/readiness", exchange -> respond(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext("/env", exchange -> {
            Map<String, String> env = new TreeMap<>(System.getenv());
            env.put("parent-pid", System.getProperty("mutualis.parent-pid"));
            env.put("max-heap-mb", String.valueOf(Runtime.getRuntime().maxMemory() / (1024 * 1024)));
            respond(exchange, 200, env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("\n")));
        });
        server.createContext("/calls", exchange -> respond(exchange, 200, new TreeMap<>(CALLS).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"))));
        server.createContext("/api/", FakeApp::api);
        server.start();
        System.out.println("fake app up on port " + port);
    }

    private static void api(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String tenant = exchange.getRequestHeaders().getFirst("X-Tenant-Id");
        exchange.getRequestBody().readAllBytes();
        if (authorization == null || !authorization.startsWith("Bearer ey") || tenant == null) {
            respond(exchange, 401, "{\"title\":\"Unauthorized\"}");
        } else if (path.startsWith("/api/budget/")) {
            respond(exchange, 404, "{\"title\":\"Not Found\"}");
        } else {
            CALLS.merge(exchange.getRequestMethod() + " " + path, 1, Integer::sum);
            respond(exchange, 201, path.endsWith("/collectivites") ? "" : "{\"id\":\"" + UUID.randomUUID() + "\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private FakeApp() {
    }
}
