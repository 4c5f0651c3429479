package fr.mutualis.kit.security;

import fr.mutualis.kit.tenant.TenantContextHolder;
import io.swagger.v3.oas.models.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Makes {@link AllowedRoles} both the documentation and the rule: springdoc adds {@code x-roles} and a description
 * line to each annotated operation; an interceptor refuses (403 problem+json, through the service's problem handler)
 * a caller holding none of the roles. Import it in a service that annotates its controllers.
 */
@Configuration(proxyBeanMethods = false)
public class AllowedRolesConfiguration {

    static final String EXTENSION = "x-roles";

    @Bean
    OperationCustomizer allowedRolesDocumentation() {
        return (Operation operation, HandlerMethod handler) -> {
            allowedRoles(handler).ifPresent(roles -> {
                operation.addExtension(EXTENSION, roles);
                String line = "Roles: " + String.join(", ", roles) + ".";
                operation.setDescription(operation.getDescription() == null || operation.getDescription().isBlank()
                        ? line : operation.getDescription() + "\n\n" + line);
            });
            return operation;
        };
    }

    @Bean
    WebMvcConfigurer allowedRolesEnforcement() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        if (handler instanceof HandlerMethod method) {
                            allowedRoles(method).ifPresent(roles -> {
                                List<String> held = TenantContextHolder.current().map(context -> context.roles())
                                        .orElse(List.of());
                                if (held.stream().noneMatch(roles::contains)) {
                                    throw new AccessDeniedException("This operation is for " + String.join(", ", roles));
                                }
                            });
                        }
                        return true;
                    }
                });
            }
        };
    }

    static Optional<List<String>> allowedRoles(HandlerMethod handler) {
        AllowedRoles roles = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), AllowedRoles.class);
        if (roles == null) {
            roles = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), AllowedRoles.class);
        }
        return Optional.ofNullable(roles).map(found -> Arrays.asList(found.value()));
    }
}
