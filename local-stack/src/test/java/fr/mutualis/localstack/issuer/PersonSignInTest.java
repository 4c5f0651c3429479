package fr.mutualis.localstack.issuer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signs in at the embedded issuer for the console: authorization code with PKCE, the sign-in form,
 * the person's claims in the tokens, refresh, and RP-initiated logout. Driven with a plain HTTP client that keeps
 * cookies and does not follow redirects, so that each step of the protocol is checked.
 */
class PersonSignInTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CONSOLE = "http://localhost:8080";
    private static final String REDIRECT_URI = CONSOLE + ConsoleClient.REDIRECT_PATH;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static IssuerServer issuer;
    private static NimbusJwtDecoder decoder;

    @BeforeAll
    static void start() {
        issuer = IssuerServer.start(0, null, List.of(CONSOLE));
        decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer.issuerUri()));
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void personSignsInWithPkceAndGetsTheClaimsOfTheClientOfTheSameName() throws Exception {
        Browser browser = new Browser();
        String verifier = "verifier-" + "x".repeat(50);

        HttpResponse<String> authorize = browser.get(authorizeUrl(challenge(verifier)));
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(location(authorize)).endsWith("/login");

        HttpResponse<String> page = browser.get(issuer.baseUrl() + "/login");
        assertThat(page.body()).contains("<html lang=\"fr\">", "name=\"username\"", "name=\"password\"",
                "<label for=\"username\">");
        assertThat(browser.cookieNames()).contains("MUTUALIS_ISSUER_SESSION").doesNotContain("JSESSIONID");

        HttpResponse<String> signedIn = browser.post(issuer.baseUrl() + "/login", Map.of(
                "username", "staubin-elu", "password", "demo", "_csrf", csrf(page.body())));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> code = browser.get(location(signedIn));
        assertThat(location(code)).startsWith(REDIRECT_URI + "?code=");

        JsonNode tokens = browser.token(Map.of("grant_type", "authorization_code", "code", param(location(code), "code"),
                "redirect_uri", REDIRECT_URI, "code_verifier", verifier));
        Jwt access = decoder.decode(tokens.get("access_token").asString());
        assertThat(access.getSubject()).isEqualTo("staubin-elu");
        assertThat(access.getClaimAsStringList("tenants")).containsExactly(DemoClients.SAINT_AUBIN);
        assertThat(access.getClaimAsStringList("roles")).containsExactly("ELU");
        assertThat(access.getClaimAsString("name")).isEqualTo("Élu de Saint-Aubin-sur-Val");
        // A person has an address, which alert mails go to.
        assertThat(access.getClaimAsString("email")).isEqualTo("staubin-elu@mutualis.localhost");
        assertThat(Duration.between(access.getIssuedAt(), access.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
        Jwt id = decoder.decode(tokens.get("id_token").asString());
        assertThat(id.getClaimAsString("name")).isEqualTo("Élu de Saint-Aubin-sur-Val");
        assertThat(id.getClaimAsStringList("tenants")).containsExactly(DemoClients.SAINT_AUBIN);

        JsonNode refreshed = browser.token(Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.get("refresh_token").asString()));
        Jwt again = decoder.decode(refreshed.get("access_token").asString());
        assertThat(again.getSubject()).isEqualTo("staubin-elu");
        assertThat(again.getClaimAsStringList("tenants")).containsExactly(DemoClients.SAINT_AUBIN);
        // a refresh replaces the ID token too: the issuer ends a session named by the latest one
        String idToken = refreshed.get("id_token").asString();

        HttpResponse<String> logout = browser.get(issuer.baseUrl() + "/connect/logout?id_token_hint="
                + idToken + "&post_logout_redirect_uri="
                + encode(CONSOLE + ConsoleClient.POST_LOGOUT_PATH));
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(302);
        assertThat(location(logout)).isEqualTo(CONSOLE + ConsoleClient.POST_LOGOUT_PATH);
        assertThat(location(browser.get(authorizeUrl(challenge(verifier))))).endsWith("/login");
    }

    @Test
    void wrongPasswordGoesBackToTheFormWithAnError() throws Exception {
        Browser browser = new Browser();
        browser.get(authorizeUrl(challenge("v".repeat(60))));
        HttpResponse<String> page = browser.get(issuer.baseUrl() + "/login");

        HttpResponse<String> refused = browser.post(issuer.baseUrl() + "/login", Map.of(
                "username", "valmont-agent", "password", "wrong", "_csrf", csrf(page.body())));

        assertThat(location(refused)).endsWith("/login?error");
        assertThat(browser.get(location(refused)).body())
                .contains("role=\"alert\"", "Identifiant ou mot de passe incorrect", "aria-invalid=\"true\"");
    }

    @Test
    void signInWithoutCsrfTokenIsRefused() throws Exception {
        Browser browser = new Browser();
        browser.get(issuer.baseUrl() + "/login");

        HttpResponse<String> refused = browser.post(issuer.baseUrl() + "/login",
                Map.of("username", "valmont-agent", "password", "demo"));

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void consoleMustUsePkce() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get(issuer.baseUrl() + "/login");
        browser.post(issuer.baseUrl() + "/login", Map.of(
                "username", "valmont-agent", "password", "demo", "_csrf", csrf(page.body())));

        HttpResponse<String> refused = browser.get(authorizeUrl(null));

        assertThat(location(refused)).startsWith(REDIRECT_URI + "?error=invalid_request")
                .contains("code_challenge");
    }

    @Test
    void clientCredentialsTokensKeepTheirOneHourLifetime() {
        Jwt jwt = decoder.decode(new TokenClient(URI.create(issuer.tokenUri())).token("valmont-elu", "demo"));

        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("ELU");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofHours(1));
    }

    private static String authorizeUrl(String challenge) {
        String url = issuer.baseUrl() + "/oauth2/authorize?response_type=code&client_id=console&scope=openid%20profile"
                + "&state=s1&redirect_uri=" + encode(REDIRECT_URI);
        return challenge == null ? url : url + "&code_challenge=" + challenge + "&code_challenge_method=S256";
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("CSRF field in the sign-in page").isTrue();
        return matcher.group(1);
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("No Location, status " + response.statusCode()));
    }

    private static String param(String url, String name) {
        return Pattern.compile("[?&]" + name + "=([^&]+)").matcher(url).results().findFirst()
                .map(match -> java.net.URLDecoder.decode(match.group(1), StandardCharsets.UTF_8)).orElseThrow();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A browser's cookie jar without redirects followed. */
    private static final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String url) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        JsonNode token(Map<String, String> form) throws Exception {
            String basic = Base64.getEncoder().encodeToString("console:demo".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(issuer.tokenUri()))
                            .header("Authorization", "Basic " + basic)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }

        List<String> cookieNames() {
            return cookies.getCookieStore().getCookies().stream().map(HttpCookie::getName).toList();
        }

        private static String formBody(Map<String, String> form) {
            return form.entrySet().stream().map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                    .collect(Collectors.joining("&"));
        }
    }
}
