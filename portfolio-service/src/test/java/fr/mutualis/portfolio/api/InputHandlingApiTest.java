package fr.mutualis.portfolio.api;

import fr.mutualis.portfolio.PortfolioServiceTest;
import fr.mutualis.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input handling shared by every service through the kit (issue 22): what a body, a header, a parameter or the
 * request line may hold, and how every refusal looks (problem+json), down to Tomcat's and the firewall's. Requests
 * Java's client will not send (a Host header, 101 headers, raw bytes) go over a plain socket.
 */
class InputHandlingApiTest extends PortfolioServiceTest {

    private static final String PLATFORM_ADMIN = ISSUER.token("platform-admin", List.of(VALMONT, SAINT_AUBIN),
            List.of("PLATFORM_ADMIN"));

    @Test
    void aBodyThatIsNotJsonIs415NamingJsonAndCreatesNothing() {
        long events = eventCount();
        for (String type : List.of("application/yaml", "*/*", "application/*", "application/*+json", "text/*",
                "text/plain")) {
            var answer = http.send(http.request("/api/portfolio/roadmaps", VALMONT_AGENT, null).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("title: Yaml\nstartYear: 2026\nendYear: 2028\naxes: [OPEN_DATA]")));
            assertThat(answer.status()).as(type + " " + answer).isEqualTo(415);
            assertThat(answer.isProblem()).as(type).isTrue();
            assertThat(answer.json().get("accepted").toString()).contains("application/json");
            assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("Content-Type");
        }
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void refusalsAreWordedInFrenchWhenTheCallerAsksForItAndInEnglishOtherwise() {
        long events = eventCount();
        String wrongType = """
                {"title": "A", "startYear": "deux mille", "endYear": 2028, "axes": ["OPEN_DATA"]}""";
        var french = inFrench("/api/portfolio/roadmaps", wrongType);
        assertThat(french.status()).as(french.toString()).isEqualTo(400);
        assertThat(french.json().get("errors").get(0).get("field").asString()).isEqualTo("startYear");
        assertThat(french.json().get("errors").get(0).get("message").asString())
                .isEqualTo("valeur refusée : il faut un nombre entier");
        assertThat(french.raw().headers().firstValue("Content-Language")).contains("fr");
        var english = http.post("/api/portfolio/roadmaps", wrongType, VALMONT_AGENT, null);
        assertThat(english.json().get("errors").get(0).get("message").asString()).startsWith("wrong type, expected");
        assertThat(english.raw().headers().firstValue("Content-Language")).contains("en");

        // a control character pasted into a title (the kit's guard of every text)
        var control = inFrench("/api/portfolio/roadmaps", """
                {"title": "Feuille\\u000Bde route", "startYear": 2026, "endYear": 2028, "axes": ["OPEN_DATA"]}""");
        assertThat(control.status()).as(control.toString()).isEqualTo(400);
        assertThat(control.json().get("errors").get(0).get("message").asString())
                .isEqualTo("le texte ne doit pas contenir de caractère de contrôle (U+000B)");

        // a date outside the range a collectivité can mean (the kit's guard of every body)
        var implausible = inFrench("/api/portfolio/projects", """
                {"roadmapId": "%s", "title": "P", "axis": "OPEN_DATA", "theme": "USER_SERVICES",
                 "plannedStart": "1850-06-01", "plannedEnd": "2027-01-01",
                 "estimatedInvestmentCents": 0, "estimatedOperatingCents": 0}""".formatted(java.util.UUID.randomUUID()));
        assertThat(implausible.status()).as(implausible.toString()).isEqualTo(400);
        assertThat(implausible.json().get("errors").get(0).get("field").asString()).isEqualTo("plannedStart");
        assertThat(implausible.json().get("errors").get(0).get("message").asString())
                .isEqualTo("la date doit être comprise entre le 01/01/1900 et le 31/12/2200");
        assertThat(implausible.raw().headers().firstValue("Content-Language")).contains("fr");

        // the caller's own text inside a French sentence is written as it is, never read for names
        var braces = inFrench("/api/portfolio/roadmaps", """
                {"title": "A", "startYear": 2026, "endYear": 2028, "axes": ["{value}"]}""");
        assertThat(braces.status()).as(braces.toString()).isEqualTo(400);
        assertThat(braces.json().get("errors").get(0).get("message").asString()).startsWith("« {value} » n'est pas l'une");

        // a refusal without French words says so, so that a client showing only French words knows
        var unknown = http.send(http.request("/api/portfolio/projects/" + java.util.UUID.randomUUID(), VALMONT_AGENT,
                null).header("Accept-Language", "fr").GET());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.raw().headers().firstValue("Content-Language")).contains("en");

        // a request's own validation message (Bean Validation, the service's ValidationMessages_fr)
        var dates = inFrench("/api/portfolio/projects", """
                {"roadmapId": "%s", "title": "P", "axis": "OPEN_DATA", "theme": "USER_SERVICES",
                 "plannedStart": "2027-06-01", "plannedEnd": "2027-01-01",
                 "estimatedInvestmentCents": 0, "estimatedOperatingCents": 0}""".formatted(java.util.UUID.randomUUID()));
        assertThat(dates.status()).as(dates.toString()).isEqualTo(400);
        assertThat(dates.body()).contains("la fin prévue ne doit pas précéder le début prévu")
                .doesNotContain("plannedEnd must not");

        // a business rule (422), its values in the sentence
        var rule = inFrench("/api/portfolio/roadmaps", """
                {"title": "A", "startYear": 2026, "endYear": 2040, "axes": ["OPEN_DATA"]}""");
        assertThat(rule.status()).as(rule.toString()).isEqualTo(422);
        assertThat(rule.json().get("detail").asString())
                .isEqualTo("Une feuille de route couvre de 1 à 6 ans ; 2026–2040 ne convient pas.");
        assertThat(http.post("/api/portfolio/roadmaps", """
                {"title": "A", "startYear": 2026, "endYear": 2040, "axes": ["OPEN_DATA"]}""", VALMONT_AGENT, null)
                .json().get("detail").asString()).startsWith("A roadmap covers 1 to 6 years");
        assertThat(eventCount()).isEqualTo(events);
    }

    private TestHttp.Response inFrench(String path, String body) {
        return http.send(http.request(path, VALMONT_AGENT, null).header("Content-Type", "application/json")
                .header("Accept-Language", "fr-FR,fr;q=0.9").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void duplicateKeysAreRefusedNamingTheKey() {
        var answer = http.post("/api/portfolio/roadmaps", """
                {"title": "A", "title": "B", "startYear": 2026, "endYear": 2028, "axes": ["OPEN_DATA"]}""", VALMONT_AGENT, null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("title");
    }

    @Test
    void overlongUtf8IsRefusedNamingTheBody() {
        ByteArrayOutputStream overlong = new ByteArrayOutputStream();
        overlong.writeBytes("{\"title\": \"a".getBytes(StandardCharsets.UTF_8));
        overlong.writeBytes(new byte[]{(byte) 0xC0, (byte) 0xAF}); // "/" in two bytes: not UTF-8
        overlong.writeBytes("b\", \"startYear\": 2026, \"endYear\": 2028, \"axes\": [\"OPEN_DATA\"]}".getBytes(StandardCharsets.UTF_8));
        var answer = http.send(http.request("/api/portfolio/roadmaps", VALMONT_AGENT, null)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(overlong.toByteArray())));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
    }

    @Test
    void malformedJsonIsExplainedWithoutTheParsersInternals() {
        var answer = http.post("/api/portfolio/roadmaps", """
                {"title": "A", "startYear": NaN, "endYear": 2028, "axes": ["OPEN_DATA"]}""", VALMONT_AGENT, null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.body()).contains("Malformed JSON", "not valid JSON").doesNotContain("JsonReadFeature", "ALLOW_", "Feature");
    }

    @Test
    void integerParametersTakeAsciiDigitsOnly() {
        for (String page : List.of("0x1", "%D9%A3", "%EF%BC%91", "%231")) {
            var answer = http.get("/api/portfolio/projects?page=" + page, VALMONT_AGENT, null);
            assertThat(answer.status()).as(page + " " + answer).isEqualTo(400);
            assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("page");
        }
        assertThat(http.get("/api/portfolio/projects?page=0", VALMONT_AGENT, null).status()).isEqualTo(200);
    }

    @Test
    void ifMatchTakesAStrongTagOfAsciiDigits() throws IOException {
        String projectId = proposeProject(createRoadmap(VALMONT_AGENT), VALMONT_AGENT);
        awaitProject(projectId, VALMONT_AGENT, project -> project.get("version") != null);
        String path = "/api/portfolio/projects/" + projectId + "/assessment";

        // Bytes 0x80-0x9F, and a full-width "1" (EF BC 91) read byte per char: the firewall's lazy check gave 500.
        for (byte[] tag : List.of(new byte[]{'"', (byte) 0x85, '"'}, new byte[]{(byte) 0x9F},
                new byte[]{'"', (byte) 0xEF, (byte) 0xBC, (byte) 0x91, '"'})) {
            Raw answer = raw("POST", path, List.of("Authorization: Bearer " + VALMONT_AGENT, "Content-Type: application/json"),
                    "If-Match", tag, scoresJson(3, 3, 3, 3, 3, 3));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body()).contains("\"field\":\"If-Match\"");
        }
        // RFC 9110: If-Match compares strongly, a weak tag never matches (it was taken as version 0).
        var weak = postIfMatch(path, scoresJson(3, 3, 3, 3, 3, 3), VALMONT_AGENT, "W/\"0\"");
        assertThat(weak.status()).as(weak.toString()).isEqualTo(412);
        assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("If-Match");
        assertThat(postIfMatch(path, scoresJson(3, 3, 3, 3, 3, 3), VALMONT_AGENT, "\"0\"").status()).isEqualTo(200);
    }

    @Test
    void locationIsAPathWhateverTheHostHeaderSays() throws IOException {
        Raw created = raw("POST", "/api/portfolio/roadmaps", List.of("Host: evil.example", "Authorization: Bearer " + VALMONT_AGENT,
                "Content-Type: application/json"), null, null, roadmapJson(2026, 2028));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).startsWith("/api/portfolio/roadmaps/").doesNotContain("evil");
    }

    @Test
    void refusalsOfTheContainerAndTheFirewallAreProblems() throws IOException {
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add("X-Header-" + i + ": v");
        }
        for (Raw answer : List.of(
                raw("GET", "/api/portfolio/roadmaps", many, null, null, null),
                raw("GET", "/api/portfolio/roadmaps?a[]=1", List.of(), null, null, null),
                raw("GET", "/api/portfolio/roadmaps", List.of("Expect: weird"), null, null, null),
                raw("GET", "/api/portfolio/roadmaps;x=1", List.of("Authorization: Bearer " + VALMONT_AGENT), null, null, null),
                raw("GET", "/api/portfolio//roadmaps", List.of("Authorization: Bearer " + VALMONT_AGENT), null, null, null),
                raw("GET", "/error", List.of(), null, null, null))) {
            assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
            assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
            assertThat(answer.body()).as(answer.toString()).contains("\"status\":" + answer.status());
        }
        assertThat(raw("GET", "/error", List.of(), null, null, null).status()).isEqualTo(404);
    }

    @Test
    void metricsAreForOperatorsAndHealthForAnyone() {
        assertThat(http.get("/actuator/prometheus", null, null).status()).isEqualTo(401);
        assertThat(http.get("/actuator/prometheus", VALMONT_AGENT, null).status()).isEqualTo(403);
        assertThat(http.get("/actuator/metrics", VALMONT_AGENT, null).status()).isEqualTo(403);
        assertThat(http.get("/actuator/prometheus", PLATFORM_ADMIN, null).status()).isEqualTo(200);
        assertThat(http.get("/actuator/metrics", PLATFORM_ADMIN, null).status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness", null, null).status()).isEqualTo(200);
        assertThat(http.get("/actuator/info", null, null).status()).isEqualTo(200);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String other = ISSUER.tokenForAudience("valmont-agent", List.of(VALMONT), List.of("AGENT"), "another-api");
        assertThat(http.get("/api/portfolio/roadmaps", other, null).status()).isEqualTo(401);
        assertThat(http.get("/api/portfolio/roadmaps", VALMONT_AGENT, null).status()).isEqualTo(200);
    }

    /** One HTTP/1.1 exchange over a socket: the headers as given, plus one header whose value is raw bytes. */
    private Raw raw(String method, String target, List<String> headers, String rawHeader, byte[] rawValue, String body)
            throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes((method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (headers.stream().noneMatch(header -> header.startsWith("Host:"))) {
                request.writeBytes("Host: localhost\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            for (String header : headers) {
                request.writeBytes((header + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            if (rawHeader != null) {
                request.writeBytes((rawHeader + ": ").getBytes(StandardCharsets.ISO_8859_1));
                request.writeBytes(rawValue);
                request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            request.writeBytes(("Content-Length: " + content.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            request.writeBytes(content);
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            InputStream in = socket.getInputStream();
            return new Raw(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private record Raw(String text) {

        int status() {
            return Integer.parseInt(text.substring(9, 12));
        }

        String header(String name) {
            return text.substring(0, Math.max(0, text.indexOf("\r\n\r\n"))).lines()
                    .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).strip()).findFirst().orElse("");
        }

        String contentType() {
            return header("Content-Type");
        }

        String body() {
            int start = text.indexOf("\r\n\r\n");
            return start < 0 ? "" : text.substring(start + 4);
        }
    }
}
