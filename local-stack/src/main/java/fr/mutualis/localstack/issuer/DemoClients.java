package fr.mutualis.localstack.issuer;

import java.util.List;

/**
 * The demo clients of the embedded issuer (API.md, "Identity"): one AGENT and one ELU per tenant, the shared-service
 * administrator of the CAGV's mutualisation, a reporting client and a platform administrator. The Keycloak realm of
 * docker-compose ({@code docker/keycloak/mutualis-realm.json}) declares the same clients.
 */
public final class DemoClients {

    /** Demo value, local stack only. */
    public static final String SECRET = "demo";

    public static final String CAGV = "200000016";
    public static final String VALMONT = "210000022";
    public static final String SAINT_AUBIN = "210000030";
    public static final String LES_AULNES = "210000048";
    public static final List<String> ALL_TENANTS = List.of(CAGV, VALMONT, SAINT_AUBIN, LES_AULNES);

    public static final List<ClientProfile> ALL = List.of(
            new ClientProfile("valmont-agent", "Agent de Valmont", List.of(VALMONT), List.of("AGENT")),
            new ClientProfile("valmont-elu", "Élu de Valmont", List.of(VALMONT), List.of("ELU")),
            new ClientProfile("staubin-agent", "Agent de Saint-Aubin-sur-Val", List.of(SAINT_AUBIN), List.of("AGENT")),
            new ClientProfile("staubin-elu", "Élu de Saint-Aubin-sur-Val", List.of(SAINT_AUBIN), List.of("ELU")),
            new ClientProfile("aulnes-agent", "Agent des Aulnes", List.of(LES_AULNES), List.of("AGENT")),
            new ClientProfile("aulnes-elu", "Élu des Aulnes", List.of(LES_AULNES), List.of("ELU")),
            new ClientProfile("cagv-agent", "Agent de la CAGV", List.of(CAGV), List.of("AGENT")),
            new ClientProfile("cagv-elu", "Élu de la CAGV", List.of(CAGV), List.of("ELU")),
            new ClientProfile("cagv-shared-admin", "Administrateur du service commun (CAGV)", List.of(CAGV),
                    List.of("SHARED_SERVICE_ADMIN", "AGENT")),
            new ClientProfile("reporting", "Reporting du territoire", ALL_TENANTS, List.of("REPORTING")),
            new ClientProfile("platform-admin", "Administrateur de la plateforme", ALL_TENANTS,
                    List.of("PLATFORM_ADMIN")));

    private DemoClients() {
    }
}
