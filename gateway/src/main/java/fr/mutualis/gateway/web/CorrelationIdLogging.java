package fr.mutualis.gateway.web;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the correlation id of the Reactor context visible as the {@code correlationId} MDC entry, whatever thread
 * runs the code (requires {@code spring.reactor.context-propagation=auto}).
 */
@Configuration(proxyBeanMethods = false)
public class CorrelationIdLogging {

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(CorrelationIdFilter.CONTEXT_KEY,
                () -> MDC.get(CorrelationIdFilter.CONTEXT_KEY),
                value -> MDC.put(CorrelationIdFilter.CONTEXT_KEY, value),
                () -> MDC.remove(CorrelationIdFilter.CONTEXT_KEY));
    }
}
