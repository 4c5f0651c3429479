package fr.mutualis.kit.openapi;

import fr.mutualis.contracts.openapi.ApiDocuments;
import fr.mutualis.kit.tenant.Caller;
import fr.mutualis.kit.tenant.TenantContext;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OpenApiCustomizer;
import fr.mutualis.kit.api.CreatedWithoutAddress;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;

import java.util.List;

/** Registers the rules of {@link ApiContract}, {@link OperationNames} and {@link RecordSchemas} with springdoc. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiDocumentProperties.class)
public class ApiDocumentConfiguration {

    static {
        // Resolved from the token by the kit, never sent by a client.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(TenantContext.class, Caller.class);
    }

    @Bean
    OpenApiCustomizer apiContract(ApiDocumentProperties properties,
                                  @Value("${spring.application.name:Mutualis}") String application) {
        return new ApiContract(properties, "Mutualis " + application.replaceFirst("-service$", "") + " API");
    }

    /** Ids, summaries and tags derived from the handler, unless an {@code @Operation} gives them. */
    @Bean
    OperationCustomizer operationNames(@Value("${mutualis.api.context:}") String context) {
        return (Operation operation, HandlerMethod handler) -> {
            io.swagger.v3.oas.annotations.Operation annotation =
                    handler.getMethod().getAnnotation(io.swagger.v3.oas.annotations.Operation.class);
            if (annotation == null || annotation.operationId().isBlank()) {
                operation.setOperationId(OperationNames.operationId(handler, context));
            }
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                operation.setSummary(OperationNames.summary(operation.getOperationId()));
            }
            operation.setTags(List.of(OperationNames.tag(handler)));
            if (handler.hasMethodAnnotation(CreatedWithoutAddress.class)) {
                operation.addExtension(ApiDocuments.NO_LOCATION, true);
            }
            return operation;
        };
    }

    @Bean
    ModelConverter recordSchemas() {
        return new RecordSchemas();
    }
}
