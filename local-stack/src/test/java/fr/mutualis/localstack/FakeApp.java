package fr.mutualis.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Stands in for an app's executable jar in {@link LocalStackTest} (JDK only): ready at once, shows its environment
 * at {@code /env}, and acts as gateway and services for the demo loader: counts the calls, answers creates with ids,
 * and reads with what the loader waits for.
 */
public final class FakeApp {

    /** The file beside the jar that makes the app stop as slowly as a real service ({@link #main}). */
    public static final String STOP_SLOWLY = "stop-slowly";
    /** The log line the app writes at the end of a slow stop, followed by {@code there} or {@code gone}. */
    public static final String POSTGRES_AT_STOP = "postgres during the five seconds of the stop: ";
    private static final Map<String, Integer> CALLS = new ConcurrentHashMap<>();
    private static final Map<String, String> PROFILES = Map.of("200000016", "UNCLASSIFIED", "210000022", "SYSTEMIC",
            "210000030", "ENTREPRENEUR", "210000048", "UNCLASSIFIED");

    public static void main(String[] args) throws IOException {
        // What a Spring Boot executable jar does with these, as far as the ahead-of-time cache needs it
        if ("tools".equals(System.getProperty("jarmode"))) {
            extract(args);
            return;
        }
        if ("onRefresh".equals(System.getProperty("spring.context.exit"))) {
            Runtime.getRuntime().halt(0);
        }
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/actuator/health/readiness", exchange -> respond(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext("/env", exchange -> {
            Map<String, String> env = new TreeMap<>(System.getenv());
            env.put("parent-pid", System.getProperty("mutualis.parent-pid"));
            env.put("jvm-options", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
            env.put("jar", System.getProperty("java.class.path"));
            env.put("max-heap-mb", String.valueOf(Runtime.getRuntime().maxMemory() / (1024 * 1024)));
            respond(exchange, 200, env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("\n")));
        });
        server.createContext("/calls", exchange -> respond(exchange, 200, new TreeMap<>(CALLS).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"))));
        server.createContext("/api/", FakeApp::api);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(FakeApp::tellWhetherPostgresOutlivesTheStop));
        System.out.println("fake app up on port " + port);
    }

    /**
     * A real service still commits (its processors' tokens, its outbox) for some seconds after it is asked to stop.
     * With {@value #STOP_SLOWLY} beside its jar, the app does the same: for five seconds it checks that its database
     * is there, and tells in its log whether it stayed.
     */
    private static void tellWhetherPostgresOutlivesTheStop() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        Matcher hostAndPort = Pattern.compile("//([^:/]+):(\\d+)/").matcher(url == null ? "" : url);
        if (!Files.exists(Path.of(System.getProperty("java.class.path")).resolveSibling(STOP_SLOWLY))
                || !hostAndPort.find()) {
            return;
        }
        InetSocketAddress postgres = new InetSocketAddress(hostAndPort.group(1), Integer.parseInt(hostAndPort.group(2)));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        boolean there = true;
        while (there && System.nanoTime() < end) {
            there = acceptsASession(postgres);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        System.out.println(POSTGRES_AT_STOP + (there ? "there" : "gone"));
    }

    /**
     * Whether PostgreSQL would open a session: a stopping server still accepts the TCP connection but answers the
     * start-up message with an error ('E') instead of asking for authentication ('R').
     */
    private static boolean acceptsASession(InetSocketAddress postgres) {
        try (Socket socket = new Socket()) {
            socket.connect(postgres, 1000);
            socket.setSoTimeout(1000);
            byte[] parameters = "user\0mutualis\0database\0postgres\0\0".getBytes(StandardCharsets.US_ASCII);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(8 + parameters.length);
            out.writeInt(196608); // protocol 3.0
            out.write(parameters);
            out.flush();
            return socket.getInputStream().read() == 'R';
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * {@code extract --destination <dir>}: a plain jar is its own extracted form, so a copy of it, with the
     * {@value #STOP_SLOWLY} marker when there is one beside it (what the app is goes with its extraction).
     */
    private static void extract(String[] args) throws IOException {
        Path destination = Path.of(args[java.util.Arrays.asList(args).indexOf("--destination") + 1]);
        Path jar = Path.of(System.getProperty("java.class.path"));
        Files.createDirectories(destination);
        Files.copy(jar, destination.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        if (Files.exists(jar.resolveSibling(STOP_SLOWLY))) {
            Files.copy(jar.resolveSibling(STOP_SLOWLY), destination.resolve(STOP_SLOWLY),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void api(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String tenant = exchange.getRequestHeaders().getFirst("X-Tenant-Id");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (authorization == null || !authorization.startsWith("Bearer ey") || tenant == null) {
            respond(exchange, 401, "{\"title\":\"Unauthorized\"}");
            return;
        }
        CALLS.merge(method + " " + path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}"), 1, Integer::sum);
        Answer answer = answer(method, path, body, tenant);
        respond(exchange, answer.status(), answer.body());
    }

    public record Answer(int status, String body) {
    }

    /** What the fake services answer the demo loader; {@code DemoLoaderTest} uses it too. */
    public static Answer answer(String method, String path, String body, String tenant) {
        return switch (method) {
            case "POST" -> new Answer(201, created(path, body));
            case "PUT" -> new Answer(200, "{\"version\":1}");
            default -> new Answer(200, read(path, tenant));
        };
    }

    /** An id, and what the loader reads from some creates: agenda item ids, a decision's outcome. */
    private static String created(String path, String body) {
        if (path.endsWith("/collectivites")) {
            return "";
        }
        String agendaItemIds = Pattern.compile("\"kind\"").matcher(body).results()
                .map(match -> "\"" + UUID.randomUUID() + "\"").collect(Collectors.joining(","));
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"agendaItemIds\":[" + agendaItemIds + "],\"outcome\":\""
                + outcome(body) + "\",\"allocations\":[]}";
    }

    private static String outcome(String body) {
        if (body.contains("\"deferred\":true")) {
            return "DEFERRED";
        }
        int votesFor = number(body, "votesFor");
        return 2 * votesFor > votesFor + number(body, "votesAgainst") ? "APPROVED" : "REJECTED";
    }

    private static int number(String body, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\":(\\d+)").matcher(body);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    /** What the loader waits for: decisions applied, each tenant's barometer profile as its demo data gives it. */
    private static String read(String path, String tenant) {
        if (path.endsWith("/barometer")) {
            return "{\"profile\":\"" + PROFILES.get(tenant) + "\"}";
        }
        return "{\"status\":\"" + (path.contains("/roadmaps/") ? "ADOPTED" : "APPROVED") + "\"}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** {@code <dir>/fake-app.jar}: this class (and its nested ones) with it as main class. */
    public static Path jar(Path dir) throws IOException, URISyntaxException {
        Files.createDirectories(dir);
        Path classes = Path.of(FakeApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path packageDir = classes.resolve("fr/mutualis/localstack");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeApp.class.getName());
        Path jar = dir.resolve("fake-app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> files = Files.list(packageDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("FakeApp")).toList()) {
                out.putNextEntry(new JarEntry("fr/mutualis/localstack/" + file.getFileName()));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return jar;
    }

    private FakeApp() {
    }
}
