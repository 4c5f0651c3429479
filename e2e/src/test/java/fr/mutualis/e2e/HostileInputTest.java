package fr.mutualis.e2e;

import fr.mutualis.e2e.support.EventStores;
import fr.mutualis.e2e.support.HostileBodies;
import fr.mutualis.e2e.support.OpenApi;
import fr.mutualis.e2e.support.OpenApi.Operation;
import fr.mutualis.e2e.support.Platform;
import fr.mutualis.e2e.support.RawHttp;
import fr.mutualis.e2e.support.RawHttp.Answer;
import fr.mutualis.e2e.support.Scenarios;
import fr.mutualis.e2e.support.Scenarios.Scenario;
import fr.mutualis.e2e.support.Territory;
import fr.mutualis.e2e.support.World;
import fr.mutualis.e2e.support.WriteRequests;
import fr.mutualis.e2e.support.WriteRequests.Base;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.testsupport.TestHttp.Response;
import fr.mutualis.localstack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input over every write endpoint of the four services, generated from their OpenAPI documents, one family
 * per kind of attack (issue 22): wrong single fields and whole bodies; sums, differences and extremes across fields;
 * absurd and mis-ordered dates; references to another tenant's objects or to objects of the wrong kind; duplicate keys
 * and overlong UTF-8; YAML and wildcard Content-Types; hostile If-Match values; path, header and query tricks the
 * container or the firewall refuses, the gateway's fallbacks, {@code /error} and the actuators; non-ASCII digits and
 * percent-encoding in query parameters; the Location of created resources; spreadsheet formulas in the SCDL exports.
 * <p>
 * Each refused case must be a 4xx problem+json (naming the field in {@code errors[].field} where one field is at
 * fault) and leave the event store of the service it targets exactly as it was, checked case by case; each valid base
 * body is then shown to be accepted, so that no case passes on a refusal its base would have had anyway. The counts
 * per family (cases, 2xx, 4xx, 5xx, non-problem answers, state changed) are printed and asserted, and so is the
 * number of cases per family, so that an enumeration that comes back empty fails. Every other request asks for French
 * ({@code Accept-Language: fr}, as the console does), so that the refusals' French wording meets every case too.
 */
@ExtendWith(Platform.class)
@Isolated("Every refused case is checked against the event stores' positions, which another class's writes would move")
class HostileInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * The services only: the reporting job's one operation is a read with no event store to show a refusal changed
     * nothing; its malformed, missing and out-of-range parameters are ReportingJobEndToEndTest's, and its answers are
     * checked against the document by ContractCheck like every other context's.
     */
    private static final Set<String> CONTEXTS = Set.copyOf(OpenApi.SERVICES);

    /**
     * Cases each family generates on today's API. A change of the API changes them: update the figure from the
     * printed table once the new cases have been read; a family that generates nothing fails here.
     */
    private static final Map<Family, Integer> EXPECTED_CASES = new EnumMap<>(Map.ofEntries(
            Map.entry(Family.FIELDS, 1145),
            Map.entry(Family.SUMS, 113),
            Map.entry(Family.DATES, 27),
            Map.entry(Family.CROSS_REFERENCES, 134),
            Map.entry(Family.DUPLICATE_KEYS_AND_UTF8, 151),
            Map.entry(Family.YAML, 105),
            Map.entry(Family.WILDCARD_CONTENT_TYPE, 140),
            Map.entry(Family.IF_MATCH, 120),
            Map.entry(Family.CONTAINER_REFUSALS, 555),
            Map.entry(Family.QUERY_DIGITS, 63),
            Map.entry(Family.DOUBLE_ENCODED_QUERY, 24),
            Map.entry(Family.LOCATION, 42),
            Map.entry(Family.CSV_INJECTION, 12)));

    private static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://evil.example\",\"x\")",
            "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)", "\tTAB=1+1", "\rCR=1+1");

    private enum Family {
        FIELDS("single fields and whole bodies"),
        SUMS("sums, differences and extremes across fields"),
        DATES("absurd dates, dates in the wrong order"),
        CROSS_REFERENCES("another tenant's or a wrong kind of reference"),
        DUPLICATE_KEYS_AND_UTF8("duplicate JSON keys, overlong UTF-8"),
        YAML("YAML Content-Types"),
        WILDCARD_CONTENT_TYPE("wildcard Content-Types"),
        IF_MATCH("If-Match: 0x80-0x9F, full-width digits, W/\"n\""),
        CONTAINER_REFUSALS("path/header/query tricks, fallback, /error, actuator"),
        QUERY_DIGITS("non-ASCII or hexadecimal digits in numeric query parameters"),
        DOUBLE_ENCODED_QUERY("percent-encoded query values, decoded once"),
        LOCATION("Location of a creation: public, never the Host sent"),
        CSV_INJECTION("formulas written, then exported in SCDL");

        final String title;

        Family(String title) {
            this.title = title;
        }
    }

    /**
     * What a case must get. Refused: a 4xx problem+json (of {@code statuses} when given), naming {@code field} when
     * given, the targeted event store unchanged. Accepted: a 2xx passing {@code check} (null when fine, else why not),
     * or, when {@code refusalAllowed}, a 4xx problem+json.
     */
    private record Expect(boolean refused, Set<Integer> statuses, String field, Function<Answer, String> check,
                          boolean refusalAllowed) {

        static Expect refusal() {
            return new Expect(true, null, null, null, false);
        }

        static Expect refusal(String field) {
            return new Expect(true, null, field, null, false);
        }

        static Expect refusal(Set<Integer> statuses) {
            return new Expect(true, statuses, null, null, false);
        }

        static Expect acceptance(Function<Answer, String> check, boolean refusalAllowed) {
            return new Expect(false, null, null, check, refusalAllowed);
        }
    }

    private record Probe(Family family, String name, String context, Supplier<Answer> send, Expect expect) {
    }

    /** The counts of one family, as issue 22 asks them. */
    private static final class Tally {
        int cases;
        int ok;
        int clientErrors;
        int serverErrors;
        int other;
        int nonProblem;
        int stateChanged;
        /** The time its requests took, summed: where the class's minutes go. */
        long nanos;

        void add(Tally other) {
            cases += other.cases;
            ok += other.ok;
            clientErrors += other.clientErrors;
            serverErrors += other.serverErrors;
            this.other += other.other;
            nonProblem += other.nonProblem;
            stateChanged += other.stateChanged;
            nanos += other.nanos;
        }
    }

    /** Lanes per service for the cases that wait for a reference: {@link #runByContext}. */
    private static final int REFERENCE_LANES = 8;

    private static TestHttp gateway;
    private static final AtomicLong FRENCH_EVERY_OTHER = new AtomicLong();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static LocalStack stack;
    private static Territory t;
    private static World world;
    private static World stranger;
    private static List<Operation> operations;
    private static List<Operation> writes;
    private static EventStores stores;

    /** A valid body and the caller of each write: a hostile variation is refused for what it changed only. */
    private static Map<String, Base> bases;

    @BeforeAll
    static void territory() {
        gateway = Platform.gatewayForInvalidRequests();
        stack = Platform.stack();
        t = Territory.create();
        world = World.privateOf(t.ville, t.agent(t.ville));
        stranger = World.privateOf(t.outsider, t.agent(t.outsider));
        operations = OpenApi.fetch().operations().stream().filter(operation -> CONTEXTS.contains(operation.context())).toList();
        writes = operations.stream().filter(operation -> !operation.isRead()).toList();
        bases = WriteRequests.validBodies();
        stores = new EventStores();
        // what the worlds set off in other services through Kafka lands before any growth is blamed on a case
        stores.awaitQuiet(Duration.ofSeconds(2), Duration.ofSeconds(60));
    }

    @AfterAll
    static void closeStores() {
        if (stores != null) {
            stores.close();
        }
    }

    @Test
    void everyFamilyOfHostileInputIsRefusedWith4xxProblemAndChangesNothing() {
        Set<String> noBase = new TreeSet<>();
        List<Probe> refusals = new ArrayList<>();
        refusals.addAll(bodyFamilies(noBase));
        refusals.addAll(ifMatch());
        refusals.addAll(containerRefusals());
        refusals.addAll(queryDigits());
        Map<Family, Tally> tallies = new EnumMap<>(Family.class);
        List<String> failures = new ArrayList<>();
        List<String> refusedBases = new ArrayList<>();
        try {
            runByContext(refusals, tallies, failures);

            // each base, sent now on the state every refused case found, is accepted: the refusals were the cases' own
            List<Operation> created = basesAccepted(false, refusedBases);

            List<Probe> acceptances = new ArrayList<>();
            acceptances.addAll(doubleEncodedQueries());
            acceptances.addAll(locations(created));
            acceptances.addAll(csvInjection());
            acceptances.forEach(probe -> run(probe, tallies, failures));
            // the writes that end a resource's life (close, cancel, deliver) last: nothing after them needs the resource
            basesAccepted(true, refusedBases);
        } finally {
            print(tallies, failures);
            refusedBases.forEach(base -> System.out.println("  base refused: " + abbreviate(base)));
        }
        assertThat(noBase).as("write operations without a valid base body in WriteRequests").isEmpty();
        assertThat(refusedBases).as("base bodies refused: the cases built on them prove nothing").isEmpty();
        Map<Family, Integer> cases = new EnumMap<>(Family.class);
        tallies.forEach((family, tally) -> cases.put(family, tally.cases));
        Map<Family, Integer> totals = new EnumMap<>(Family.class);
        for (Family family : Family.values()) {
            totals.put(family, cases.getOrDefault(family, 0));
        }
        assertThat(totals).as("cases per family (an enumeration that shrinks or comes back empty)").isEqualTo(EXPECTED_CASES);
        assertThat(tallies.values().stream().mapToInt(tally -> tally.serverErrors).sum()).as("5xx answers").isZero();
        assertThat(tallies.values().stream().mapToInt(tally -> tally.nonProblem).sum()).as("refusals not problem+json").isZero();
        assertThat(tallies.values().stream().mapToInt(tally -> tally.stateChanged).sum()).as("refused cases that changed state").isZero();
        assertThat(failures).as("hostile inputs not answered as they must be").isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ running

    /**
     * Runs the cases one lane per service, side by side: a lane's check of its own event store is not disturbed by
     * another service's lane, and within a lane the cases keep their order (a few of them are accepted and change
     * their service's state: a container's own operations). Most of a case's time is spent waiting on the relay, not
     * computing, so the lanes overlap well on two cores.
     * <p>
     * The cases naming another tenant's object come first, {@link #REFERENCE_LANES} lanes per service: each waits as
     * long as for an object not yet published ({@code mutualis.references.wait}, 3 s) before its 404, on an idle core,
     * and side by side their waits overlap. They are all refusals, so a change to a service's store while they run is
     * a failure all the same, blamed on each case whose request it overlapped (the failure names the events appended).
     */
    private static void runByContext(List<Probe> probes, Map<Family, Tally> tallies, List<String> failures) {
        List<Probe> references = probes.stream().filter(probe -> probe.family() == Family.CROSS_REFERENCES).toList();
        int[] spread = {0};
        runLanes(references, probe -> probe.context() + " " + spread[0]++ % REFERENCE_LANES, tallies, failures);
        runLanes(probes.stream().filter(probe -> probe.family() != Family.CROSS_REFERENCES).toList(), Probe::context,
                tallies, failures);
    }

    private static void runLanes(List<Probe> probes, Function<Probe, String> laneOf, Map<Family, Tally> tallies,
                                 List<String> failures) {
        Map<String, List<Probe>> lanes = new LinkedHashMap<>();
        probes.forEach(probe -> lanes.computeIfAbsent(laneOf.apply(probe), lane -> new ArrayList<>()).add(probe));
        record Lane(Map<Family, Tally> tallies, List<String> failures) {
        }
        List<CompletableFuture<Lane>> running = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, lanes.size()))) {
            for (List<Probe> lane : lanes.values()) {
                running.add(CompletableFuture.supplyAsync(() -> {
                    Lane result = new Lane(new EnumMap<>(Family.class), new ArrayList<>());
                    lane.forEach(probe -> run(probe, result.tallies(), result.failures()));
                    return result;
                }, executor));
            }
        }
        for (CompletableFuture<Lane> done : running) {
            Lane lane = done.join();
            lane.tallies().forEach((family, tally) -> tallies.computeIfAbsent(family, any -> new Tally()).add(tally));
            failures.addAll(lane.failures());
        }
    }

    private static void run(Probe probe, Map<Family, Tally> tallies, List<String> failures) {
        Tally tally = tallies.computeIfAbsent(probe.family(), family -> new Tally());
        long before = stores.position(probe.context());
        long sent = System.nanoTime();
        Answer answer;
        try {
            answer = probe.send().get();
        } catch (UncheckedIOException e) {
            answer = new Answer(0, Map.of(), String.valueOf(e.getCause()));
        }
        tally.nanos += System.nanoTime() - sent;
        long after = stores.position(probe.context());
        tally.cases++;
        int status = answer.status();
        String label = probe.family().name() + " " + probe.name() + ": ";
        if (status >= 200 && status < 300) {
            tally.ok++;
        } else if (status >= 400 && status < 500) {
            tally.clientErrors++;
        } else if (status >= 500 && status < 600) {
            tally.serverErrors++;
        } else {
            tally.other++;
        }
        if (status >= 400 && !answer.isProblem()) {
            tally.nonProblem++;
        }
        Expect expect = probe.expect();
        boolean refusedAnswer = status >= 400 && status < 500;
        // a refused case must leave the store as it was; an accepted one (a creation's Location, an export) changes it
        if (expect.refused() && after != before) {
            tally.stateChanged++;
            failures.add(label + "changed the " + probe.context() + " event store " + stores.appendedSince(probe.context(), before)
                    + " with " + answer);
        }
        if (expect.refused()) {
            if (!refusedAnswer || !answer.isProblem()) {
                failures.add(label + answer);
            } else if (expect.statuses() != null && !expect.statuses().contains(status)) {
                failures.add(label + "not " + expect.statuses() + ": " + answer);
            } else if (expect.field() != null && !names(answer, expect.field())) {
                failures.add(label + "errors[].field does not name " + expect.field() + ": " + answer);
            }
        } else if (status >= 200 && status < 300) {
            String wrong = expect.check() == null ? null : expect.check().apply(answer);
            if (wrong != null) {
                failures.add(label + wrong);
            }
        } else if (!(expect.refusalAllowed() && refusedAnswer && answer.isProblem())) {
            failures.add(label + answer);
        }
    }

    /** Whether a problem's {@code errors[].field} names {@code field}, alone or as the last step of a path. */
    private static boolean names(Answer answer, String field) {
        try {
            for (JsonNode error : JSON.readTree(answer.body()).path("errors")) {
                String named = error.path("field").asString("");
                for (String step : named.replaceAll("\\[\\d*]", "").split("\\.")) {
                    if (step.equals(field)) {
                        return true;
                    }
                }
            }
        } catch (RuntimeException e) {
            return false;
        }
        return false;
    }

    private static void print(Map<Family, Tally> tallies, List<String> failures) {
        System.out.println("hostile input, per family (through the gateway unless the case says direct):");
        System.out.printf("| %-24s | %5s | %5s | %5s | %5s | %11s | %13s | %9s |%n", "family", "cases", "2xx", "4xx",
                "5xx", "non-problem", "state changed", "seconds");
        Tally total = new Tally();
        for (Family family : Family.values()) {
            Tally tally = tallies.getOrDefault(family, new Tally());
            System.out.printf(Locale.ROOT, "| %-24s | %5d | %5d | %5d | %5d | %11d | %13d | %9.1f |%n", family.name(),
                    tally.cases, tally.ok, tally.clientErrors, tally.serverErrors, tally.nonProblem, tally.stateChanged,
                    tally.nanos / 1e9);
            total.add(tally);
        }
        System.out.printf(Locale.ROOT, "| %-24s | %5d | %5d | %5d | %5d | %11d | %13d | %9.1f |%n", "total", total.cases,
                total.ok, total.clientErrors, total.serverErrors, total.nonProblem, total.stateChanged, total.nanos / 1e9);
        System.out.printf("hostile input: %d cases over %d write operations, %d failures%n", total.cases, writes.size(),
                failures.size());
        failures.forEach(failure -> System.out.println("  " + abbreviate(failure.replace("\r", "\\r").replace("\n", "\\n"))));
    }

    // ------------------------------------------------------------------------------------------------ families

    /** Every family that varies a write's JSON body or its Content-Type. */
    private static List<Probe> bodyFamilies(Set<String> noBase) {
        List<Probe> probes = new ArrayList<>();
        Map<String, String> own = references(world);
        Map<String, String> strange = references(stranger);
        for (Operation operation : writes) {
            var schema = operation.bodySchema();
            if (schema.isEmpty()) {
                continue;
            }
            Base base = bases.get(operation.key());
            if (base == null) {
                noBase.add(operation.key());
                continue;
            }
            String path = WriteRequests.path(operation, t, world);
            String token = base.caller().apply(t);
            String valid = WriteRequests.body(base, t, world);
            JsonNode tree = JSON.readTree(valid);
            for (HostileBodies.Case hostile : HostileBodies.singleFields(operation, schema.get(), tree)) {
                probes.add(json(Family.FIELDS, operation, path, token, hostile, Expect.refusal(hostile.names())));
            }
            for (HostileBodies.Case hostile : HostileBodies.sums(operation, schema.get(), tree)) {
                probes.add(json(Family.SUMS, operation, path, token, hostile, Expect.refusal()));
            }
            for (HostileBodies.Case hostile : HostileBodies.dates(operation, schema.get(), tree)) {
                probes.add(json(Family.DATES, operation, path, token, hostile, Expect.refusal(hostile.names())));
            }
            for (HostileBodies.Case hostile : HostileBodies.crossReferences(tree, own, strange)) {
                probes.add(json(Family.CROSS_REFERENCES, operation, path, token, hostile, Expect.refusal(Set.of(404, 422))));
            }
            for (HostileBodies.Case hostile : HostileBodies.duplicateKeys(tree)) {
                probes.add(json(Family.DUPLICATE_KEYS_AND_UTF8, operation, path, token, hostile, Expect.refusal()));
            }
            byte[] overlong = overlong(valid);
            probes.add(new Probe(Family.DUPLICATE_KEYS_AND_UTF8, operation.key() + " overlong UTF-8 in a string",
                    operation.context(), () -> http(operation.method(), gateway(path), token, "application/json", overlong,
                    Map.of()), Expect.refusal()));
            for (String type : List.of("application/yaml", "application/x-yaml", "text/yaml")) {
                probes.add(new Probe(Family.YAML, operation.key() + " as " + type, operation.context(),
                        () -> http(operation.method(), gateway(path), token, type, yaml(valid), Map.of()),
                        Expect.refusal(Set.of(415))));
            }
            for (String type : List.of("*/*", "application/*", "application/*+json", "text/*")) {
                probes.add(new Probe(Family.WILDCARD_CONTENT_TYPE, operation.key() + " as " + type, operation.context(),
                        () -> http(operation.method(), gateway(path), token, type, valid.getBytes(StandardCharsets.UTF_8),
                                Map.of()), Expect.refusal(Set.of(415))));
            }
        }
        return probes;
    }

    /** The writes that read If-Match: bytes no header may hold, digits that are not ASCII, a weak tag. */
    private static List<Probe> ifMatch() {
        List<Probe> probes = new ArrayList<>();
        for (Operation operation : writes) {
            boolean reads = false;
            for (JsonNode parameter : operation.spec().path("parameters")) {
                reads |= parameter.path("in").asString("").equals("header")
                        && parameter.path("name").asString("").equalsIgnoreCase("If-Match");
            }
            if (!reads) {
                continue;
            }
            Base base = bases.get(operation.key());
            String path = WriteRequests.path(operation, t, world);
            String token = base == null ? t.agent(t.ville) : base.caller().apply(t);
            byte[] body = (base == null ? "" : WriteRequests.body(base, t, world)).getBytes(StandardCharsets.UTF_8);
            for (int b : new int[]{0x80, 0x85, 0x9F}) {
                byte[] value = {'"', '1', (byte) b, '"'};
                probes.add(new Probe(Family.IF_MATCH, operation.key() + " byte 0x" + Integer.toHexString(b),
                        operation.context(), () -> raw(gateway(""), operation.method(), path, token, value, body), Expect.refusal()));
            }
            for (String fullWidth : List.of("\"１\"", "１")) {
                byte[] value = fullWidth.getBytes(StandardCharsets.UTF_8);
                probes.add(new Probe(Family.IF_MATCH, operation.key() + " full-width " + fullWidth, operation.context(),
                        () -> raw(gateway(""), operation.method(), path, token, value, body), Expect.refusal()));
            }
            probes.add(new Probe(Family.IF_MATCH, operation.key() + " W/ of the current ETag", operation.context(), () -> {
                String etag = currentEtag(path, token).replaceFirst("^W/", "");
                return http(operation.method(), gateway(path), token, "application/json", body, Map.of("If-Match", "W/" + etag));
            }, Expect.refusal()));
        }
        return probes;
    }

    /**
     * What the container or the firewall refuses before any controller: each trick on every write through the gateway
     * (and the firewall's on each service directly); then the gateway's fallbacks, {@code /error} and the actuators.
     */
    private static List<Probe> containerRefusals() {
        List<Probe> probes = new ArrayList<>();
        for (Operation operation : writes) {
            Base base = bases.get(operation.key());
            String path = WriteRequests.path(operation, t, world);
            String token = base == null ? t.agent(t.ville) : base.caller().apply(t);
            byte[] body = (base == null ? "" : WriteRequests.body(base, t, world)).getBytes(StandardCharsets.UTF_8);
            String service = stack.appUrl(operation.context());
            Map<String, String> firewall = new LinkedHashMap<>();
            firewall.put("path traversal", path + "/../../../../etc/passwd");
            firewall.put("encoded traversal", path + "/%2e%2e/%2e%2e/%2e%2e/etc/passwd");
            firewall.put("semicolon", path + ";jsessionid=x");
            firewall.put("double slash", path.replaceFirst("/api/", "/api//"));
            firewall.forEach((trick, target) -> {
                probes.add(new Probe(Family.CONTAINER_REFUSALS, operation.key() + " " + trick, operation.context(),
                        () -> rawRequest(gateway(""), operation.method(), target, token, body), Expect.refusal()));
                probes.add(new Probe(Family.CONTAINER_REFUSALS, operation.key() + " " + trick + " (direct)", operation.context(),
                        () -> rawRequest(service, operation.method(), target, token, body), Expect.refusal()));
            });
            probes.add(new Probe(Family.CONTAINER_REFUSALS, operation.key() + " control byte in the path", operation.context(),
                    () -> rawRequest(gateway(""), operation.method(), path + "\u0001x", token, body), Expect.refusal()));
            // brackets in the name of a parameter no operation reads: refused as a problem, or ignored like any
            // unknown parameter; never the container's page
            probes.add(new Probe(Family.CONTAINER_REFUSALS, operation.key() + " [] in the query", operation.context(),
                    () -> rawRequest(gateway(""), operation.method(), path + "?filter[]=1", token, body),
                    Expect.acceptance(null, true)));
            probes.add(new Probe(Family.CONTAINER_REFUSALS, operation.key() + " header over 8 KB", operation.context(),
                    () -> rawRequest(gateway(""), operation.method(), path, token, body, "X-Padding: " + "a".repeat(9_000)),
                    Expect.refusal()));
            String[] many = new String[120];
            for (int i = 0; i < many.length; i++) {
                many[i] = "X-Header-" + i + ": " + i;
            }
            probes.add(new Probe(Family.CONTAINER_REFUSALS, operation.key() + " 120 headers", operation.context(),
                    () -> rawRequest(gateway(""), operation.method(), path, token, body, many), Expect.refusal()));
            probes.add(new Probe(Family.CONTAINER_REFUSALS, operation.key() + " Expect: weird", operation.context(),
                    () -> rawRequest(gateway(""), operation.method(), path, token, body, "Expect: weird"), Expect.refusal()));
        }
        String agent = t.agent(t.ville);
        for (String context : OpenApi.SERVICES) {
            String service = stack.appUrl(context);
            for (String method : List.of("GET", "POST")) {
                probes.add(new Probe(Family.CONTAINER_REFUSALS, method + " /fallback/" + context + " called directly", context,
                        () -> rawRequest(gateway(""), method, "/fallback/" + context, agent, new byte[0]), Expect.refusal()));
            }
            probes.add(new Probe(Family.CONTAINER_REFUSALS, "GET /error on " + context + " (direct)", context,
                    () -> rawRequest(service, "GET", "/error", null, new byte[0]), Expect.refusal()));
            for (String endpoint : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/env")) {
                probes.add(new Probe(Family.CONTAINER_REFUSALS, "anonymous GET " + endpoint + " on " + context + " (direct)",
                        context, () -> rawRequest(service, "GET", endpoint, null, new byte[0]), Expect.refusal()));
            }
            probes.add(new Probe(Family.CONTAINER_REFUSALS, "a tenant's GET /actuator/metrics on " + context + " (direct)",
                    context, () -> rawRequest(service, "GET", "/actuator/metrics", agent, new byte[0]), Expect.refusal()));
        }
        probes.add(new Probe(Family.CONTAINER_REFUSALS, "GET /error on the gateway", "portfolio",
                () -> rawRequest(gateway(""), "GET", "/error", null, new byte[0]), Expect.refusal()));
        for (String endpoint : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/env")) {
            probes.add(new Probe(Family.CONTAINER_REFUSALS, "anonymous GET " + endpoint + " on the gateway", "portfolio",
                    () -> rawRequest(gateway(""), "GET", endpoint, null, new byte[0]), Expect.refusal()));
            probes.add(new Probe(Family.CONTAINER_REFUSALS, "a tenant's GET " + endpoint + " on the gateway", "portfolio",
                    () -> rawRequest(gateway(""), "GET", endpoint, agent, new byte[0]), Expect.refusal()));
        }
        return probes;
    }

    /** Every integer query parameter of every read, with its valid value in Arabic-Indic, full-width and hex digits. */
    private static List<Probe> queryDigits() {
        List<Probe> probes = new ArrayList<>();
        for (Operation operation : operations) {
            Map<String, String> query = validQuery(operation);
            if (!operation.isRead() || query == null) {
                continue;
            }
            String path = readPath(operation);
            for (JsonNode parameter : operation.spec().path("parameters")) {
                String name = parameter.path("name").asString("");
                if (!parameter.path("in").asString("").equals("query")
                        || !parameter.path("schema").path("type").asString("").equals("integer")) {
                    continue;
                }
                String value = query.getOrDefault(name, name.toLowerCase(Locale.ROOT).contains("year") ? World.FISCAL_YEAR
                        : name.equals("size") ? "20" : "1");
                Map<String, String> variants = Map.of("Arabic-Indic digits", digits(value, '\u0660'),
                        "full-width digits", digits(value, '\uFF10'),
                        "hexadecimal", "0x" + Integer.toHexString(Integer.parseInt(value)));
                variants.forEach((kind, hostile) -> {
                    Map<String, String> hostileQuery = new LinkedHashMap<>(query);
                    hostileQuery.put(name, java.net.URLEncoder.encode(hostile, StandardCharsets.UTF_8));
                    probes.add(new Probe(Family.QUERY_DIGITS, operation.key() + " " + name + " in " + kind,
                            operation.context(), () -> get(path + queryString(hostileQuery)), Expect.refusal(name)));
                });
            }
        }
        return probes;
    }

    /** Every query value of every read percent-encoded once: the service must see it decoded, as the client meant. */
    private static List<Probe> doubleEncodedQueries() {
        List<Probe> probes = new ArrayList<>();
        for (Operation operation : operations) {
            Map<String, String> query = validQuery(operation);
            if (!operation.isRead() || query == null) {
                continue;
            }
            String path = readPath(operation);
            Map<String, String> values = new LinkedHashMap<>(query);
            for (JsonNode parameter : operation.spec().path("parameters")) {
                JsonNode values0 = parameter.path("schema").path("enum");
                if (parameter.path("in").asString("").equals("query") && !values0.isEmpty()) {
                    values.putIfAbsent(parameter.path("name").asString(), values0.get(0).asString());
                }
            }
            values.forEach((name, value) -> {
                if (value.isEmpty()) {
                    return;
                }
                Map<String, String> encoded = new LinkedHashMap<>(query);
                encoded.put(name, "%" + String.format("%02X", (int) value.charAt(0)) + value.substring(1));
                probes.add(new Probe(Family.DOUBLE_ENCODED_QUERY, operation.key() + " " + name + " percent-encoded",
                        operation.context(), () -> get(path + queryString(encoded)), Expect.acceptance(null, false)));
            });
        }
        return probes;
    }

    /**
     * Each creation accepted through the gateway, again: through the gateway its Location is the gateway's; sent to the
     * service directly with a forged {@code Host} or {@code X-Forwarded-Host}, the Location never names that host.
     */
    private static List<Probe> locations(List<Operation> created) {
        List<Probe> probes = new ArrayList<>();
        for (Operation operation : created) {
            String path = WriteRequests.path(operation, t, world);
            Supplier<byte[]> body = () -> WriteRequests.body(WriteRequests.validBodies().get(operation.key()), t, world)
                    .getBytes(StandardCharsets.UTF_8);
            String token = bases.get(operation.key()).caller().apply(t);
            String service = stack.appUrl(operation.context());
            probes.add(new Probe(Family.LOCATION, operation.key() + " through the gateway", operation.context(),
                    () -> http(operation.method(), gateway(path), token, "application/json", body.get(), Map.of()),
                    Expect.acceptance(HostileInputTest::publicLocation, true)));
            probes.add(new Probe(Family.LOCATION, operation.key() + " direct, Host: evil.example", operation.context(),
                    () -> rawRequest(service, operation.method(), path, token, body.get(), "Host: evil.example"),
                    Expect.acceptance(answer -> notNaming(answer, "evil.example"), true)));
            probes.add(new Probe(Family.LOCATION, operation.key() + " direct, X-Forwarded-Host: evil.example",
                    operation.context(), () -> rawRequest(service, operation.method(), path, token, body.get(),
                    "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https", "X-Forwarded-Port: 6666"),
                    Expect.acceptance(answer -> notNaming(answer, "evil.example"), true)));
        }
        return probes;
    }

    /**
     * Formulas as budget line labels (voted at BS) and as agenda item titles (approved by a deliberative assembly),
     * then each SCDL export: the cell holding each must not start with what a spreadsheet runs.
     */
    private static List<Probe> csvInjection() {
        String agent = t.agent(t.ville);
        String mark = "X" + Long.toHexString(System.nanoTime());
        List<String> lines = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < FORMULAS.size(); i++) {
            String text = FORMULAS.get(i) + " " + mark + i;
            titles.add(JSON.writeValueAsString(text));
            Response line = gateway.post("/api/budget/lines", """
                    {"fiscalYear": 2026, "section": "INVESTMENT", "chapter": "20", "label": %s, "plannedCents": 100}"""
                    .formatted(JSON.writeValueAsString(text)), agent, null);
            assertThat(line.status()).as(line.toString()).isEqualTo(201);
            lines.add("{\"lineId\": \"" + line.json().get("id").asString() + "\", \"creditsCents\": 100}");
        }
        Response vote = gateway.post("/api/budget/votes", """
                {"fiscalYear": 2026, "stage": "BS", "lines": [%s]}""".formatted(String.join(",", lines)), agent, null);
        assertThat(vote.status()).as(vote.toString()).isEqualTo(201);
        Response assembly = gateway.post("/api/governance/instances", """
                {"name": "Conseil municipal", "kind": "DELIBERATIVE_ASSEMBLY", "cadence": "MONTHLY", "members": [%s]}"""
                .formatted(World.MEMBERS.formatted(t.ville)), agent, null);
        assertThat(assembly.status()).as(assembly.toString()).isEqualTo(201);
        String instance = assembly.json().get("id").asString();
        Response session = Territory.awaitOk(() -> gateway.post("/api/governance/instances/" + instance + "/sessions", """
                {"scheduledAt": "2026-05-12T18:00:00+02:00", "agenda": [%s]}""".formatted(String.join(",",
                titles.stream().map(title -> "{\"kind\": \"PRIORITISATION\", \"title\": " + title + "}").toList())), agent, null));
        String sessionId = session.json().get("id").asString();
        Response attendance = gateway.put("/api/governance/sessions/" + sessionId + "/attendance",
                "{\"present\": [\"p1\", \"p2\", \"p3\"]}", agent, null);
        assertThat(attendance.status()).as(attendance.toString()).isEqualTo(200);
        for (JsonNode item : session.json().get("agendaItemIds")) {
            Response decided = gateway.post("/api/governance/sessions/" + sessionId + "/decisions", """
                    {"agendaItemId": "%s", "votesFor": 3, "votesAgainst": 0, "abstentions": 0}""".formatted(item.asString()),
                    agent, null);
            assertThat(decided.status()).as(decided.toString()).isEqualTo(201);
        }
        Response closed = gateway.post("/api/governance/sessions/" + sessionId + "/close", "", agent, null);
        assertThat(closed.status()).as(closed.toString()).isIn(200, 204);

        List<Probe> probes = new ArrayList<>();
        Map<String, String> exports = Map.of("budget", "/api/budget/exports/scdl?fiscalYear=2026&stage=BS",
                "governance", "/api/governance/exports/scdl-deliberations");
        exports.forEach((context, export) -> {
            // the exports read projections: wait until the last formula written shows, then judge every cell
            String last = mark + (FORMULAS.size() - 1);
            Territory.awaitOk(() -> {
                Response answer = gateway.get(export, agent, null);
                return answer.body().contains(last) ? answer : gateway.get("/api/no-such-thing", agent, null);
            });
            for (int i = 0; i < FORMULAS.size(); i++) {
                String tag = mark + i;
                String formula = FORMULAS.get(i);
                probes.add(new Probe(Family.CSV_INJECTION, context + " export of " + abbreviate(formula), context,
                        () -> get(export), Expect.acceptance(answer -> neutralised(answer, tag), false)));
            }
        });
        return probes;
    }

    // ------------------------------------------------------------------------------------------------ bases

    /**
     * Sends each base body once, either of the writes that end a resource's life or of the others: 2xx, or 409 when
     * the world's resource is not in a state that allows it (a project cannot start before governance approved it),
     * shows that the body itself is valid. Returns the operations that created something (201).
     */
    private static List<Operation> basesAccepted(boolean ending, List<String> refused) {
        List<Operation> created = new ArrayList<>();
        List<Operation> ordered = writes.stream().filter(operation -> bases.containsKey(operation.key()))
                .filter(operation -> operation.path().matches(".*/(close|cancel|deliver)$") == ending).toList();
        for (Operation operation : ordered) {
            Base base = bases.get(operation.key());
            String path = WriteRequests.path(operation, t, world);
            Answer answer = http(operation.method(), gateway(path), base.caller().apply(t), "application/json",
                    WriteRequests.body(base, t, world).getBytes(StandardCharsets.UTF_8), Map.of());
            if (answer.status() == 201) {
                created.add(operation);
            } else if (!(answer.status() >= 200 && answer.status() < 300) && answer.status() != 409) {
                refused.add(operation.key() + ": " + answer);
            }
        }
        return created;
    }

    // ------------------------------------------------------------------------------------------------ checks

    private static String publicLocation(Answer answer) {
        if (answer.status() != 201) {
            return null;
        }
        String location = answer.header("Location").orElse("");
        if (!location.startsWith(stack.gatewayUrl() + "/api/") && !location.startsWith("/api/")) {
            return "Location is not the gateway's: " + location;
        }
        return null;
    }

    private static String notNaming(Answer answer, String host) {
        String location = answer.header("Location").orElse("");
        return location.contains(host) ? "Location names the forged host: " + location : null;
    }

    private static String neutralised(Answer answer, String tag) {
        for (List<String> row : csv(answer.body())) {
            for (String cell : row) {
                if (cell.contains(tag)) {
                    return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0
                            ? "a spreadsheet would run the cell " + abbreviate(cell) : null;
                }
            }
        }
        return "no cell holds " + tag;
    }

    /** RFC 4180: commas, quotes doubled inside quoted cells, CRLF between rows, line breaks allowed in quotes. */
    private static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    // ------------------------------------------------------------------------------------------------ requests

    private static Probe json(Family family, Operation operation, String path, String token, HostileBodies.Case hostile,
                              Expect expect) {
        byte[] body = hostile.body().getBytes(StandardCharsets.UTF_8);
        return new Probe(family, operation.key() + " " + hostile.name(), operation.context(),
                () -> http(operation.method(), gateway(path), token, "application/json", body, Map.of()), expect);
    }

    private static String gateway(String path) {
        return stack.gatewayUrl() + path;
    }

    private static Answer get(String path) {
        return http("GET", gateway(path), t.agent(t.ville), null, null, Map.of());
    }

    private static Answer http(String method, String url, String token, String contentType, byte[] body,
                               Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        if (FRENCH_EVERY_OTHER.getAndIncrement() % 2 == 0
                && headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Accept-Language"))) {
            request.header("Accept-Language", "fr-FR,fr;q=0.9");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> names = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> names.put(name.toLowerCase(Locale.ROOT), values.getLast()));
            return new Answer(response.statusCode(), names, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON write with an If-Match of raw bytes, which java.net.http would refuse to send. */
    private static Answer raw(String baseUrl, String method, String path, String token, byte[] ifMatch, byte[] body) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes(RawHttp.head(method, path, "Authorization: Bearer " + token, "Content-Type: application/json"));
        head.writeBytes("If-Match: ".getBytes(StandardCharsets.US_ASCII));
        head.writeBytes(ifMatch);
        head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return RawHttp.send(baseUrl, head.toByteArray(), body);
    }

    private static Answer rawRequest(String baseUrl, String method, String target, String token, byte[] body,
                                     String... headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        if (token != null) {
            all.add("Authorization: Bearer " + token);
        }
        if (!method.equals("GET")) {
            all.add("Content-Type: application/json");
        }
        return RawHttp.send(baseUrl, RawHttp.head(method, target, all.toArray(String[]::new)), body);
    }

    /** The ETag of the resource a write changes: the path itself, or the nearest parent that answers one. */
    private static String currentEtag(String path, String token) {
        String current = path;
        while (current.chars().filter(c -> c == '/').count() > 3) {
            Response read = gateway.get(current, token, null);
            if (read.status() == 200 && read.header("ETag").isPresent()) {
                return read.header("ETag").get();
            }
            current = current.substring(0, current.lastIndexOf('/'));
        }
        return "\"1\"";
    }

    /** The query a read needs (from its isolation scenario), null when the read cannot be made on the world. */
    private static Map<String, String> validQuery(Operation operation) {
        Scenario scenario = Scenarios.ALL.get(operation.key());
        if (scenario == null || scenario.kind() == Scenarios.Kind.PLATFORM_ADMIN_ONLY
                || scenario.kind() == Scenarios.Kind.ADMINISTRATORS_READ || scenario.resolve(world) == null) {
            return null;
        }
        var query = scenario.query(world);
        if (query.isEmpty()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        String text = query.get().startsWith("?") ? query.get().substring(1) : query.get();
        for (String pair : text.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                values.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return values;
    }

    private static String readPath(Operation operation) {
        return operation.fill(Scenarios.ALL.get(operation.key()).resolve(world));
    }

    private static String queryString(Map<String, String> query) {
        List<String> pairs = new ArrayList<>();
        query.forEach((name, value) -> pairs.add(name + "=" + value));
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String digits(String ascii, char zero) {
        StringBuilder digits = new StringBuilder();
        ascii.chars().forEach(c -> digits.append(Character.isDigit(c) ? (char) (zero + (c - '0')) : (char) c));
        return digits.toString();
    }

    /** The ids a world holds, by kind; its SIREN is a reference anyone may name (the directory is public). */
    private static Map<String, String> references(World owner) {
        Map<String, String> ids = new LinkedHashMap<>(owner.ids());
        ids.remove("siren");
        return ids;
    }

    /** The body with an overlong encoding of '/' (0xC0 0xAF) at the start of its first string value. */
    private static byte[] overlong(String valid) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\":\"");
        int insert = at < 0 ? text.indexOf(": \"") + 3 : at + 3;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, insert);
        out.write(0xC0);
        out.write(0xAF);
        out.write(bytes, insert, bytes.length - insert);
        return out.toByteArray();
    }

    /** JSON is YAML: the same valid body, with a fractional amount YAML would truncate where JSON refuses it. */
    private static byte[] yaml(String valid) {
        return valid.replaceAll("(\"[A-Za-z]*Cents\"\\s*:\\s*)(\\d+)", "$11.9").getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() < 300 ? text : text.substring(0, 300) + "...";
    }
}
