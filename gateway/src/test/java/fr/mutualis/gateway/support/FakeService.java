package fr.mutualis.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * A real HTTP server standing in for a Mutualis service. By default it echoes what it received (method, path,
 * query, headers with lower-case names, body size) as JSON. Paths ending in {@code /missing} answer a 404
 * problem+json, paths ending in {@code /slow} answer after 3 s. {@link #stop()} makes it refuse connections;
 * {@link #received(String)} tells whether a request got through at all.
 */
public final class FakeService implements AutoCloseable {

    public static final String NOT_FOUND_BODY = "{\"type\":\"https://mutualis.fr/problems/not-found\","
            + "\"title\":\"Not found\",\"status\":404,\"detail\":\"Project 42 does not exist\"}";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final HttpServer server;
    private final Queue<String> received = new ConcurrentLinkedQueue<>();

    public FakeService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many requests for {@code path} reached this service, counted as soon as their headers arrived. */
    public long received(String path) {
        return received.stream().filter(path::equals).count();
    }

    public void stop() {
        server.stop(0);
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            received.add(exchange.getRequestURI().getPath());
            long bodySize;
            try (InputStream in = exchange.getRequestBody()) {
                bodySize = in.transferTo(OutputStream.nullOutputStream());
            }
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/missing")) {
                exchange.getResponseHeaders().add("X-Service", name);
                send(exchange, 404, "application/problem+json", NOT_FOUND_BODY.getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.endsWith("/slow")) {
                sleep(3000);
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(), String.join(",", values)));
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("service", name);
            echo.put("method", exchange.getRequestMethod());
            echo.put("path", path);
            echo.put("query", exchange.getRequestURI().getRawQuery());
            echo.put("headers", headers);
            echo.put("bodySize", bodySize);
            send(exchange, 200, "application/json", JSON.writeValueAsBytes(echo));
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
