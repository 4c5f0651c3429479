package fr.mutualis.contracts;

import java.net.URI;

/**
 * The names the platform's HTTP clients and servers agree on: the gateway, the services, the console and the local
 * stack each read or write them, so they are written once here rather than in each of them.
 */
public final class HttpContract {

    /** The active tenant (a SIREN) a request is made for; it must be one the token lists in {@link #TENANTS_CLAIM}. */
    public static final String TENANT_HEADER = "X-Tenant-Id";

    /** The id that follows a request through the gateway, the services and their logs, returned to the client. */
    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    /**
     * The key a client gives a creating {@code POST} so that its retries create once (IETF
     * draft-ietf-httpapi-idempotency-key-header): the same key again answers what the first request created.
     */
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    /** Set to {@code true} on the answer to a creation's retry: the resource was created by an earlier request. */
    public static final String IDEMPOTENT_REPLAYED_HEADER = "Idempotent-Replayed";

    /** The access token's claim listing the tenants (SIRENs) its holder may act for. */
    public static final String TENANTS_CLAIM = "tenants";

    /** The access token's claim listing its holder's roles. */
    public static final String ROLES_CLAIM = "roles";

    /** Every RFC 9457 problem's {@code type} is this base followed by a slug naming the kind of problem. */
    public static final String PROBLEM_TYPE_BASE = "https://mutualis.fr/problems/";

    /** The {@code type} of a problem of the given kind ({@code state-conflict}, {@code not-found}...). */
    public static URI problemType(String slug) {
        return URI.create(PROBLEM_TYPE_BASE + slug);
    }

    private HttpContract() {
    }
}
