package fr.mutualis.console.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Refreshes a session's tokens once when several of its requests find them expiring together, whichever console
 * instance serves each.
 * <p>
 * The issuer rotates refresh tokens: the first refresh consumes the one the session holds. Each request of a session
 * reads its own copy of the session (Spring Session), so two requests of one person at the same moment (two tabs, a
 * page and the browser's request for an icon, htmx fragments), served by one instance or by two, would both refresh
 * with the same refresh token, and the second, refused, would sign the person out and lose the form it carried.
 * Here, once the access token is due for a refresh, one request of a session refreshes at a time across the
 * instances (a PostgreSQL advisory lock on the session, taken by one request per instance at a time), and writes the
 * tokens it obtained into the stored session at once; a request that waited takes them from there instead of the
 * stale ones of its own copy. A token not yet due takes neither lock.
 */
final class OneRefreshPerSession implements OAuth2AuthorizedClientManager {

    /** The stored session's attribute holding the tokens of its latest refresh. */
    static final String REFRESHED = OneRefreshPerSession.class.getName() + ".REFRESHED";
    private static final Duration DUE_MARGIN = Duration.ofSeconds(1);

    private final OAuth2AuthorizedClientManager delegate;
    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final SessionStore sessions;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Duration clockSkew;
    private final Clock clock;
    private final Cache<String, ReentrantLock> locks = Caffeine.newBuilder().weakValues().build();

    /**
     * @param clockSkew how long before its expiry the delegate refreshes an access token (its refresh provider's)
     */
    OneRefreshPerSession(OAuth2AuthorizedClientManager delegate, OAuth2AuthorizedClientRepository authorizedClients,
                         SessionRepository<? extends Session> sessions, TransactionTemplate transactions,
                         JdbcClient jdbc, Duration clockSkew, Clock clock) {
        this.delegate = delegate;
        this.authorizedClients = authorizedClients;
        this.sessions = new SessionStore(sessions);
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    @Override
    public OAuth2AuthorizedClient authorize(OAuth2AuthorizeRequest request) {
        HttpServletRequest servletRequest = request.getAttribute(HttpServletRequest.class.getName());
        HttpSession session = servletRequest == null ? null : servletRequest.getSession(false);
        if (session == null) {
            return delegate.authorize(request);
        }
        OAuth2AuthorizedClient held = authorizedClients.loadAuthorizedClient(request.getClientRegistrationId(),
                request.getPrincipal(), servletRequest);
        if (held == null || !dueForRefresh(held.getAccessToken())) {
            return delegate.authorize(request);
        }
        String sessionId = session.getId();
        ReentrantLock lock = locks.get(sessionId, id -> new ReentrantLock());
        lock.lock();
        try {
            return transactions.execute(status -> {
                // Held until this transaction ends, after the refreshed tokens are stored: the request of another
                // instance that waited here reads them.
                jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:session, 0))").param("session", sessionId)
                        .query((rs, row) -> 1).list();
                OAuth2AuthorizedClient current = takeNewerTokens(request, sessionId, servletRequest, held);
                OAuth2AuthorizedClient client = delegate.authorize(request);
                if (client != null && issuedAfter(client, current)) {
                    sessions.put(sessionId, REFRESHED, client);
                }
                return client;
            });
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the delegate may refresh {@code token} now: a second earlier than it would, so that no request finds it
     * not yet due here and due there a moment later, refreshing outside the locks.
     */
    private boolean dueForRefresh(OAuth2AccessToken token) {
        return token.getExpiresAt() != null
                && !clock.instant().isBefore(token.getExpiresAt().minus(clockSkew).minus(DUE_MARGIN));
    }

    /**
     * Puts into this request's session the tokens another request of the session obtained since it was read, and
     * answers the tokens the request now holds.
     */
    private OAuth2AuthorizedClient takeNewerTokens(OAuth2AuthorizeRequest request, String sessionId,
                                                   HttpServletRequest servletRequest, OAuth2AuthorizedClient held) {
        OAuth2AuthorizedClient newer = sessions.get(sessionId, REFRESHED);
        if (newer == null || !newer.getClientRegistration().getRegistrationId().equals(request.getClientRegistrationId())) {
            return held;
        }
        if (held.getPrincipalName().equals(newer.getPrincipalName()) && issuedAfter(newer, held)) {
            authorizedClients.saveAuthorizedClient(newer, request.getPrincipal(), servletRequest,
                    request.getAttribute(HttpServletResponse.class.getName()));
            return newer;
        }
        return held;
    }

    private static boolean issuedAfter(OAuth2AuthorizedClient newer, OAuth2AuthorizedClient held) {
        Instant newerIssued = newer.getAccessToken().getIssuedAt();
        Instant heldIssued = held.getAccessToken().getIssuedAt();
        return newerIssued != null && heldIssued != null && newerIssued.isAfter(heldIssued);
    }

    /** Reads and writes one attribute of a stored session, outside the request's own copy of it. */
    private record SessionStore(SessionRepository<? extends Session> repository) {

        <T> T get(String sessionId, String attribute) {
            Session stored = repository.findById(sessionId);
            return stored == null ? null : stored.getAttribute(attribute);
        }

        void put(String sessionId, String attribute, Object value) {
            put(repository, sessionId, attribute, value);
        }

        private static <S extends Session> void put(SessionRepository<S> repository, String sessionId, String attribute,
                                                    Object value) {
            S stored = repository.findById(sessionId);
            if (stored != null) {
                stored.setAttribute(attribute, value);
                repository.save(stored);
            }
        }
    }
}
