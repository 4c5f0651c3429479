package fr.mutualis.kit.creation;

import fr.mutualis.contracts.HttpContract;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.method.HandlerMethod;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;

/** Idempotent and dry-run creations for every service with an event store, and their place in the API document. */
@AutoConfiguration(after = AxonAutoConfiguration.class)
@ConditionalOnBean(EventStore.class)
public class CreationsConfiguration {

    @Bean
    Creations creations(EventStore eventStore, PlatformTransactionManager transactionManager, DataSource dataSource,
                        JsonMapper jsonMapper) {
        return new Creations(eventStore, transactionManager, dataSource, jsonMapper);
    }

    /** The header, the parameter and the 200 of every {@link IdempotentCreation} handler, written once here. */
    @Bean
    OperationCustomizer idempotentCreations() {
        return (Operation operation, HandlerMethod handler) -> {
            if (!handler.hasMethodAnnotation(IdempotentCreation.class)) {
                return operation;
            }
            operation.addParametersItem(new HeaderParameter().name(HttpContract.IDEMPOTENCY_KEY_HEADER).required(false)
                    .description("1 to 255 printable ASCII characters (IETF draft): the same key creates once; "
                            + "again with the same body 200 and the same id, with another body 422")
                    .schema(new StringSchema().maxLength(257)));
            operation.addParametersItem(new QueryParameter().name(Creations.DRY_RUN).required(false)
                    .description("true: every check of the creation, nothing written (200, or the creation's problem)")
                    .schema(new BooleanSchema()));
            ApiResponse created = operation.getResponses().get("201");
            if (created == null) {
                // A creation that answers 200 (a programme's revision): its replay answers the same, with the header.
                operation.getResponses().get("200")
                        .addHeaderObject(HttpContract.IDEMPOTENT_REPLAYED_HEADER, new Header().schema(new StringSchema()));
                return operation;
            }
            operation.getResponses().addApiResponse("200", new ApiResponse()
                    .description("A replay of the Idempotency-Key (the id it created) or a dry run that passed")
                    .addHeaderObject(HttpContract.IDEMPOTENT_REPLAYED_HEADER, new Header().schema(new StringSchema()))
                    .content(created.getContent()));
            return operation;
        };
    }
}
