package fr.mutualis.console.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Refreshes a session's tokens once when several of its requests find them expiring together.
 * <p>
 * The issuer rotates refresh tokens: the first refresh consumes the one the session holds. Each request of a session
 * reads its own copy of the session (Spring Session), so two requests of one person at the same moment (two tabs, a
 * page and the browser's request for an icon, htmx fragments) would both refresh with the same refresh token, and the
 * second, refused, would sign the person out and lose the form it carried. Here one request of a session refreshes at
 * a time, and those that waited take the tokens it obtained instead of the stale ones of their session copy.
 * <p>
 * The tokens obtained are kept in this instance for a minute: several console instances serving one person at the
 * same moment (no session affinity) could still refresh twice; a load balancer with session affinity avoids it.
 */
final class OneRefreshPerSession implements OAuth2AuthorizedClientManager {

    /** Longer than any request waits for a refresh; a session's later requests read the tokens from the session. */
    private static final Duration KEPT = Duration.ofMinutes(1);

    private final OAuth2AuthorizedClientManager delegate;
    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final Cache<String, ReentrantLock> locks = Caffeine.newBuilder().weakValues().build();
    private final Cache<String, OAuth2AuthorizedClient> obtained = Caffeine.newBuilder()
            .expireAfterWrite(KEPT).maximumSize(10_000).build();

    OneRefreshPerSession(OAuth2AuthorizedClientManager delegate, OAuth2AuthorizedClientRepository authorizedClients) {
        this.delegate = delegate;
        this.authorizedClients = authorizedClients;
    }

    @Override
    public OAuth2AuthorizedClient authorize(OAuth2AuthorizeRequest request) {
        HttpServletRequest servletRequest = request.getAttribute(HttpServletRequest.class.getName());
        HttpSession session = servletRequest == null ? null : servletRequest.getSession(false);
        if (session == null) {
            return delegate.authorize(request);
        }
        String sessionId = session.getId();
        ReentrantLock lock = locks.get(sessionId, id -> new ReentrantLock());
        lock.lock();
        try {
            takeNewerTokens(request, sessionId, servletRequest);
            OAuth2AuthorizedClient client = delegate.authorize(request);
            if (client != null) {
                obtained.put(sessionId, client);
            }
            return client;
        } finally {
            lock.unlock();
        }
    }

    /** Puts into this request's session the tokens another request of the session obtained since it was read. */
    private void takeNewerTokens(OAuth2AuthorizeRequest request, String sessionId, HttpServletRequest servletRequest) {
        OAuth2AuthorizedClient newer = obtained.getIfPresent(sessionId);
        if (newer == null || !newer.getClientRegistration().getRegistrationId().equals(request.getClientRegistrationId())) {
            return;
        }
        OAuth2AuthorizedClient held = authorizedClients.loadAuthorizedClient(request.getClientRegistrationId(),
                request.getPrincipal(), servletRequest);
        // None held: the person signed out or a refusal removed them; nothing to bring back.
        if (held != null && held.getPrincipalName().equals(newer.getPrincipalName())
                && issuedAfter(newer, held)) {
            authorizedClients.saveAuthorizedClient(newer, request.getPrincipal(), servletRequest,
                    request.getAttribute(HttpServletResponse.class.getName()));
        }
    }

    private static boolean issuedAfter(OAuth2AuthorizedClient newer, OAuth2AuthorizedClient held) {
        Instant newerIssued = newer.getAccessToken().getIssuedAt();
        Instant heldIssued = held.getAccessToken().getIssuedAt();
        return newerIssued != null && heldIssued != null && newerIssued.isAfter(heldIssued);
    }
}
