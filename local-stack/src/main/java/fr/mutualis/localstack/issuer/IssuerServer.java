package fr.mutualis.localstack.issuer;

import fr.mutualis.contracts.HttpContract;
import fr.mutualis.testsupport.SharedRsaKeys;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import fr.mutualis.testsupport.infra.FreePorts;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Runs the embedded token issuer ({@link IssuerApplication}) inside this JVM.
 * <p>
 * Its configuration is given entirely here: no {@code application.yml} is read (the process embedding it, for
 * example an e2e test, may have its own), and Spring Boot's logging system is left alone, so the embedding process
 * keeps its own logging configuration.
 */
public final class IssuerServer implements AutoCloseable {

    /**
     * The audience of every token this issuer signs, as the apps expect it ({@code mutualis.security.audience}, set by
     * the local stack, docker-compose's Keycloak realm and the services' defaults).
     */
    public static final String PLATFORM_AUDIENCE = "mutualis";

    /**
     * The file of the signing key, when this system property names one: made by the first issuer and read by the
     * next ({@link SharedRsaKeys}). The build names one for all its test JVMs and stacks; the run command names none,
     * and each start signs with a new key.
     */
    public static final String KEY_PROPERTY = "mutualis.issuer-key";

    /** Strong references: JUL keeps loggers weakly, a level set on a collected logger is lost. */
    private static final List<java.util.logging.Logger> TOMCAT_LOGGERS = Stream.of(
                    "org.apache.catalina", "org.apache.coyote", "org.apache.tomcat")
            .map(java.util.logging.Logger::getLogger)
            .toList();

    private final ConfigurableApplicationContext context;
    private final int port;
    private final String issuerUri;

    private IssuerServer(ConfigurableApplicationContext context, int port, String issuerUri) {
        this.context = context;
        this.port = port;
        this.issuerUri = issuerUri;
    }

    /**
     * Starts the issuer on {@code port} (0 picks a free one). Its tokens carry {@code iss = issuerUri}; when
     * {@code issuerUri} is null or blank it is {@code http://localhost:<port>}.
     */
    public static IssuerServer start(int port, String issuerUri) {
        return start(port, issuerUri, List.of("http://localhost:8080"));
    }

    /**
     * Starts the issuer as {@link #start(int, String)}, with the console's registration accepting redirects to each
     * of {@code consoleUrls} (the console's public base URLs, e.g. the gateway's {@code http://localhost:8080}).
     */
    public static IssuerServer start(int port, String issuerUri, List<String> consoleUrls) {
        return start(port, issuerUri, consoleUrls, ConsoleClient.ACCESS_TOKEN_TTL);
    }

    /** As {@link #start(int, String, List)}, the console's access tokens living {@code consoleAccessTokenTtl}. */
    public static IssuerServer start(int port, String issuerUri, List<String> consoleUrls,
                                     Duration consoleAccessTokenTtl) {
        int chosenPort = port > 0 ? port : FreePorts.pick();
        String issuer = issuerUri == null || issuerUri.isBlank() ? "http://localhost:" + chosenPort : issuerUri;
        // Without Spring Boot's logging system nothing bridges Tomcat's java.util.logging: keep its INFO lines out.
        TOMCAT_LOGGERS.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
        SpringApplication application = new SpringApplication(IssuerApplication.class);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setRegisterShutdownHook(false);
        List<ApplicationListener<?>> listeners = application.getListeners().stream()
                .filter(listener -> !(listener instanceof LoggingApplicationListener))
                .toList();
        application.setListeners(listeners);
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("spring.config.name", "mutualis-local-issuer");
        defaults.put("spring.application.name", "local-issuer");
        defaults.put("spring.mvc.problemdetails.enabled", "true");
        defaults.put("spring.threads.virtual.enabled", "false");
        defaults.put("server.shutdown", "immediate");
        defaults.put("server.error.include-stacktrace", "never");
        // Cookies ignore ports: the console on the gateway's port of the same host keeps its own session cookie.
        defaults.put("server.servlet.session.cookie.name", "MUTUALIS_ISSUER_SESSION");
        application.setDefaultProperties(defaults);
        // Command-line arguments outrank environment variables such as SERVER_PORT in the caller's shell.
        ConfigurableApplicationContext context = application.run(
                "--server.port=" + chosenPort,
                "--mutualis.issuer.uri=" + issuer,
                "--mutualis.issuer.console-urls=" + String.join(",", consoleUrls),
                "--mutualis.issuer.console-access-token-ttl=" + consoleAccessTokenTtl);
        return new IssuerServer(context, chosenPort, issuer);
    }

    public int port() {
        return port;
    }

    /** The {@code iss} of the tokens. */
    public String issuerUri() {
        return issuerUri;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String tokenUri() {
        return baseUrl() + "/oauth2/token";
    }

    public String jwkSetUri() {
        return baseUrl() + "/oauth2/jwks";
    }

    /** Registers an extra client (the same as {@code POST /demo/clients}, without HTTP). */
    public void registerClient(ClientProfile profile, String secret) {
        context.getBean(ClientDirectory.class).register(profile, secret);
    }

    /** The secret of a registered client as the issuer holds it (hashed). For this package's tests. */
    String storedSecret(String clientId) {
        return context.getBean(ClientDirectory.class).findByClientId(clientId).getClientSecret();
    }

    /**
     * Ends every authorization the issuer gave {@code username} (a person of {@link DemoUsers}): the refresh tokens a
     * console holds for them are refused from now on, as a real issuer does once the person's session there expired
     * or was revoked. Their sign-in at the issuer itself stays. In-process only, for tests.
     */
    public void endAuthorizationsOf(String username) {
        context.getBean(PeoplesAuthorizations.class).endAll(username);
    }

    /**
     * An access token for a registered client that expired an hour ago, signed with the issuer's real key: the only
     * way to prove that expiry (and not the signature) is what gets it refused. In-process only, for tests.
     */
    public String expiredToken(String clientId) {
        ClientProfile profile = context.getBean(ClientDirectory.class).profile(clientId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown client " + clientId));
        Instant issuedAt = Instant.now().minus(Duration.ofHours(2));
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuerUri)
                .subject(clientId)
                .issuedAt(issuedAt)
                .notBefore(issuedAt)
                .expiresAt(issuedAt.plus(Duration.ofHours(1)))
                .claim("name", profile.name())
                .claim(HttpContract.TENANTS_CLAIM, profile.tenants())
                .claim(HttpContract.ROLES_CLAIM, profile.roles())
                .build();
        @SuppressWarnings("unchecked")
        JWKSource<SecurityContext> keys = context.getBean(JWKSource.class);
        return new NimbusJwtEncoder(keys)
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    /**
     * A token of a registered client signed with the issuer's real key, whose claims {@code change} may alter (an
     * issuer or audience of another platform, no {@code tenants}, other dates): each validation rule can then be
     * shown to refuse a token for that reason alone. The map holds {@code iss}, {@code sub}, {@code aud},
     * {@code iat}, {@code nbf}, {@code exp} (as {@link Instant}s), {@code name}, {@code tenants} and {@code roles}.
     * In-process only, for tests.
     */
    public String signedToken(String clientId, UnaryOperator<Map<String, Object>> change) {
        ClientProfile profile = context.getBean(ClientDirectory.class).profile(clientId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown client " + clientId));
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuerUri);
        claims.put("sub", clientId);
        claims.put("aud", List.of(clientId, PLATFORM_AUDIENCE));
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now.plus(Duration.ofMinutes(10)));
        claims.put("name", profile.name());
        claims.put(HttpContract.TENANTS_CLAIM, profile.tenants());
        claims.put(HttpContract.ROLES_CLAIM, profile.roles());
        Map<String, Object> changed = new LinkedHashMap<>(change.apply(claims));
        @SuppressWarnings("unchecked")
        JWKSource<SecurityContext> keys = context.getBean(JWKSource.class);
        JwtClaimsSet claimsSet = JwtClaimsSet.builder().claims(set -> set.putAll(changed)).build();
        return new NimbusJwtEncoder(keys)
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claimsSet))
                .getTokenValue();
    }

    @Override
    public void close() {
        context.close();
    }
}
