package fr.mutualis.testsupport;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * What every integration test of a service shares: the service on a random port with ONE Spring context (the same
 * configuration and registration in every test class, so Spring caches it) on the real PostgreSQL and Kafka of
 * {@link TestInfrastructure}, real tokens from the shared {@link TestTokenIssuer}, an HTTP client and the database.
 * A service's own base extends it with its helpers; tests share the database, so each creates its own data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceIntegrationTest {

    /** The demo territory's collectivités (DOMAIN.md §7): the EPCI and three of its communes. */
    protected static final String CAGV = "200000016";
    protected static final String VALMONT = "210000022";
    protected static final String SAINT_AUBIN = "210000030";
    protected static final String AULNES = "210000048";
    protected static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();
    protected static final String VALMONT_AGENT = ISSUER.token("valmont-agent", List.of(VALMONT), List.of("AGENT"));
    protected static final String STAUBIN_AGENT = ISSUER.token("staubin-agent", List.of(SAINT_AUBIN), List.of("AGENT"));
    protected static final String AULNES_AGENT = ISSUER.token("aulnes-agent", List.of(AULNES), List.of("AGENT"));
    protected static final String CAGV_AGENT = ISSUER.token("cagv-agent", List.of(CAGV), List.of("AGENT"));
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "service");
        ISSUER.register(registry);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    protected TestHttp http;

    @BeforeEach
    void connect() {
        http = new TestHttp("http://localhost:" + port);
    }
}
