package fr.mutualis.gateway.routing;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;

import java.util.List;

/**
 * How the gateway chooses a service's instance: among those whose {@code /actuator/health} answered 200 at the last
 * check (every {@code spring.cloud.loadbalancer.health-check.interval}), round robin; and when no instance passed
 * the check, among all of them rather than none. A missed check on a loaded machine must not turn a single working
 * instance into a 503: the route's circuit breaker already answers for a service that is really down.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = ServiceInstances.class)
public class HealthyInstancesFirst {

    record Supplier(ServiceInstanceListSupplier healthy, ServiceInstanceListSupplier configured)
            implements ServiceInstanceListSupplier, InitializingBean, DisposableBean {

        @Override
        public String getServiceId() {
            return configured.getServiceId();
        }

        @Override
        public Flux<List<ServiceInstance>> get() {
            return Flux.combineLatest(healthy.get(), configured.get(),
                    (alive, all) -> alive.isEmpty() ? all : alive);
        }

        @Override
        public void afterPropertiesSet() throws Exception {
            if (healthy instanceof InitializingBean checks) {
                checks.afterPropertiesSet();
            }
        }

        @Override
        public void destroy() throws Exception {
            if (healthy instanceof DisposableBean checks) {
                checks.destroy();
            }
        }
    }
}
