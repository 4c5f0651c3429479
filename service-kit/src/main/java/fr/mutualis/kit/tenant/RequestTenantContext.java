package fr.mutualis.kit.tenant;

import jakarta.servlet.ServletRequest;
import org.springframework.web.context.request.RequestAttributes;

import java.util.Optional;

/**
 * The {@link TenantContext} of a request, kept in that request's own attributes: whoever holds the request (a
 * command dispatched while serving it, an argument resolver) reads its caller from it, not from the thread.
 */
public final class RequestTenantContext {

    private static final String ATTRIBUTE = TenantContext.class.getName();

    static void keep(ServletRequest request, TenantContext context) {
        request.setAttribute(ATTRIBUTE, context);
    }

    public static Optional<TenantContext> of(RequestAttributes request) {
        return Optional.ofNullable((TenantContext) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }

    private RequestTenantContext() {
    }
}
