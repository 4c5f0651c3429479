package fr.mutualis.kit.axon;

import fr.mutualis.kit.tenant.RequestTenantContext;
import fr.mutualis.kit.web.CorrelationIdFilter;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps commands sent while serving a request with who sent them, for which tenant, in which request: read from that
 * request's attributes, where the tenant and correlation filters keep them (and kit.creation the fingerprint of an
 * idempotent creation's request). A command sent outside a request (a Kafka
 * consumer, a scheduled task) carries the metadata its sender gives it, and the sender's wins over the request's.
 */
class AuditMetadataDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return (index, command) -> command;
        }
        Map<String, String> audit = audit(request);
        return (index, command) -> {
            Map<String, String> added = new HashMap<>(audit);
            added.keySet().removeAll(command.getMetaData().keySet());
            return added.isEmpty() ? command : command.andMetaData(MetaData.from(added));
        };
    }

    private static Map<String, String> audit(RequestAttributes request) {
        Map<String, String> audit = new HashMap<>();
        RequestTenantContext.of(request).ifPresent(context -> {
            if (context.tenantId() != null) {
                audit.put(AuditMetadata.TENANT_ID, context.tenantId());
            }
            audit.put(AuditMetadata.USER_ID, context.userId());
            audit.put(AuditMetadata.USER_NAME, context.userName());
        });
        CorrelationIdFilter.of(request).ifPresent(id -> audit.put(AuditMetadata.CORRELATION_ID, id));
        return audit;
    }
}
