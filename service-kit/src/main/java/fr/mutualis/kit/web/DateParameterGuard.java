package fr.mutualis.kit.web;

import fr.mutualis.kit.time.PlausibleDates;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Refuses, with 400 naming the parameter, a query or path parameter that is a date outside {@link PlausibleDates}'
 * range ({@code ?from=-999999999-01-01}), whichever controller declares it: every argument resolver of Spring MVC is
 * wrapped so that the value it resolved is checked before the controller sees it. Request bodies are checked by
 * {@link RequestBodyGuard}, which knows the path of a nested field.
 */
public class DateParameterGuard implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
            adapter.setArgumentResolvers(adapter.getArgumentResolvers().stream()
                    .<HandlerMethodArgumentResolver>map(Checked::new)
                    .toList());
        }
        return bean;
    }

    /** The value {@code delegate} resolves, refused when it is an implausible date. */
    record Checked(HandlerMethodArgumentResolver delegate) implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return delegate.supportsParameter(parameter);
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                      WebDataBinderFactory binders) throws Exception {
            Object value = delegate.resolveArgument(parameter, container, request, binders);
            PlausibleDates.problem(value).ifPresent(problem -> {
                String field = name(parameter);
                throw RequestBodyGuard.implausibleDate(field, problem);
            });
            return value;
        }

        private static String name(MethodParameter parameter) {
            RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
            PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
            // name and value are aliases: either may hold the declared name
            String declared = query != null ? either(query.name(), query.value())
                    : path != null ? either(path.name(), path.value()) : "";
            return declared.isEmpty() ? parameter.getParameterName() : declared;
        }

        private static String either(String name, String value) {
            return name.isEmpty() ? value : name;
        }
    }
}
