package fr.mutualis.kit.tenant;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets controllers declare a {@link Caller} parameter: resolved once per request (the directory is read once, however
 * many parameters or calls ask), after the {@link TenantContext} it derives from.
 */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    private static final String ATTRIBUTE = Caller.class.getName();

    private final TenantContextArgumentResolver tenants = new TenantContextArgumentResolver();
    private final Callers callers;

    public CallerArgumentResolver(Callers callers) {
        this.callers = callers;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Caller.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Object resolved = webRequest.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (resolved instanceof Caller caller) {
            return caller;
        }
        TenantContext context = (TenantContext) tenants.resolveArgument(parameter, mavContainer, webRequest,
                binderFactory);
        Caller caller = callers.of(context);
        webRequest.setAttribute(ATTRIBUTE, caller, RequestAttributes.SCOPE_REQUEST);
        return caller;
    }
}
