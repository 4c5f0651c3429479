package fr.mutualis.kit.axon;

import fr.mutualis.kit.tenant.TenantContextHolder;
import fr.mutualis.kit.web.CorrelationIdFilter;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Stamps commands sent while serving a request with who sent them, for which tenant, in which request. */
class AuditMetadataDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, String> audit = new HashMap<>();
            TenantContextHolder.current().ifPresent(context -> {
                if (context.tenantId() != null) {
                    audit.put(AuditMetadata.TENANT_ID, context.tenantId());
                }
                audit.put(AuditMetadata.USER_ID, context.userId());
                audit.put(AuditMetadata.USER_NAME, context.userName());
            });
            CorrelationIdFilter.current().ifPresent(id -> audit.put(AuditMetadata.CORRELATION_ID, id));
            audit.keySet().removeAll(command.getMetaData().keySet());
            return audit.isEmpty() ? command : command.andMetaData(MetaData.from(audit));
        };
    }
}
