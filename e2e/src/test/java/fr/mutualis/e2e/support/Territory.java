package fr.mutualis.e2e.support;

import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.testsupport.TestHttp.Response;
import fr.mutualis.localstack.LocalStack;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fresh territory of one test class, set up only through the public API the way a platform administrator would:
 * an EPCI, two member communes ({@link #ville} and {@link #bourg}), a commune of no EPCI ({@link #outsider}), and a
 * mutualisation of the EPCI with the ville and the bourg, known to every service once governance has published it.
 * Each collectivité gets its own issuer clients, so nothing here is shared with another class or with the demo.
 */
public final class Territory {

    public static final String SECRET = "e2e-secret";
    /** An upper bound only: classes run three at a time on two cores, and the events cross two services. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    public final String epci = Sirens.next();
    public final String ville = Sirens.next();
    public final String bourg = Sirens.next();
    public final String outsider = Sirens.next();
    public String mutualisation;

    private final LocalStack stack = Platform.stack();
    private final TestHttp gateway = Platform.gateway();

    /** Registers the collectivités and the mutualisation, and waits until portfolio knows the mutualisation. */
    public static Territory create() {
        Territory territory = new Territory();
        territory.setUp();
        return territory;
    }

    private void setUp() {
        for (String siren : List.of(epci, ville, bourg, outsider)) {
            client("agent", siren, "AGENT");
            client("elu", siren, "ELU");
            client("reporting", siren, "REPORTING");
        }
        stack.registerClient(id("shared-admin", epci), SECRET, List.of(epci), List.of("SHARED_SERVICE_ADMIN", "AGENT"));
        stack.registerClient(id("shared-admin", outsider), SECRET, List.of(outsider), List.of("SHARED_SERVICE_ADMIN"));
        stack.registerClient(id("platform-admin", epci), SECRET, List.of(epci, ville, bourg, outsider),
                List.of("PLATFORM_ADMIN"));
        stack.registerClient(id("epci-platform-admin", epci), SECRET, List.of(epci), List.of("PLATFORM_ADMIN"));

        register(epci, "Communauté d'agglomération e2e", "EPCI", 160_000, null);
        awaitOk(() -> gateway.get("/api/governance/collectivites/" + epci, platformAdmin(), epci));
        register(ville, "Ville-centre e2e", "COMMUNE", 80_000, epci);
        register(bourg, "Bourg e2e", "COMMUNE", 12_000, epci);
        register(outsider, "Commune isolée e2e", "COMMUNE", 900, null);
        for (String siren : List.of(ville, bourg, outsider)) {
            awaitOk(() -> gateway.get("/api/governance/collectivites/" + siren, platformAdmin(), epci));
        }
        Response created = gateway.post("/api/governance/mutualisations", """
                {"name": "DSI commune e2e", "epciSiren": "%s", "memberSirens": ["%s", "%s"],
                 "allocationKey": {"method": "POPULATION"}}""".formatted(epci, ville, bourg), platformAdmin(), epci);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        mutualisation = created.json().get("id").asString();
        awaitOk(() -> gateway.get("/api/governance/mutualisations/" + mutualisation, agent(ville), null));
    }

    /** Every service learns mutualisations from Kafka: waits until {@code probe} (a read in that service) answers 2xx. */
    public void awaitKnownBy(Supplier<Response> probe) {
        awaitOk(probe);
    }

    public String agent(String siren) {
        return token(id("agent", siren));
    }

    public String elu(String siren) {
        return token(id("elu", siren));
    }

    public String reporting(String siren) {
        return token(id("reporting", siren));
    }

    public String sharedAdmin() {
        return token(id("shared-admin", epci));
    }

    /** A shared-service administrator of the commune outside the mutualisation: a non-member with the role. */
    public String outsiderSharedAdmin() {
        return token(id("shared-admin", outsider));
    }

    /** A platform administrator listing every collectivité of this territory: send {@code X-Tenant-Id}. */
    public String platformAdmin() {
        return token(id("platform-admin", epci));
    }

    /** A platform administrator acting for the EPCI only: no {@code X-Tenant-Id} needed. */
    public String epciPlatformAdmin() {
        return token(id("epci-platform-admin", epci));
    }

    /** A client's token: the stack's token client keeps it until shortly before it expires. */
    public String token(String clientId) {
        return stack.token(clientId, SECRET);
    }

    public static String id(String kind, String siren) {
        return "e2e-" + kind + "-" + siren;
    }

    /** A collectivité's client; its tokens carry an address, as a person's do, so that it may subscribe to alert mails. */
    private void client(String kind, String siren, String role) {
        stack.registerClient(id(kind, siren), SECRET, List.of(siren), List.of(role), id(kind, siren) + "@mutualis.localhost");
    }

    private void register(String siren, String name, String kind, long population, String epciSiren) {
        Response answer = gateway.post("/api/governance/collectivites", """
                {"siren": "%s", "name": "%s", "kind": "%s", "population": %d%s, "siret": "%s"}""".formatted(siren, name, kind,
                population, epciSiren == null ? "" : ", \"epciSiren\": \"" + epciSiren + "\"",
                fr.mutualis.contracts.Sirets.completing(siren, "0001")), platformAdmin(), epci);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }

    public static Response awaitOk(Supplier<Response> request) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(request::get, response -> response.status() / 100 == 2);
    }
}
