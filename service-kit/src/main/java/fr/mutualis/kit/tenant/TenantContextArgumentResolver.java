package fr.mutualis.kit.tenant;

import fr.mutualis.kit.error.MissingTenantException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controllers declare a {@link TenantContext} parameter; fails with a problem when there is no active tenant. */
public class TenantContextArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(TenantContext.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        TenantContext context = TenantContextHolder.current()
                .orElseThrow(() -> new MissingTenantException("No authenticated caller"));
        if (context.tenantId() == null) {
            throw new MissingTenantException(context.tenants().isEmpty()
                    ? "The token grants no tenant"
                    : "The token grants several tenants: choose one with the X-Tenant-Id header");
        }
        return context;
    }
}
