package fr.mutualis.gateway.routing;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The configuration of each service's load-balancer context ({@link HealthyInstancesFirst}). Not a component: Spring
 * Cloud creates one context per service with it, and it must stay out of the gateway's own context.
 */
class ServiceInstances {

    @Bean
    ServiceInstanceListSupplier serviceInstanceListSupplier(ConfigurableApplicationContext context) {
        return new HealthyInstancesFirst.Supplier(
                ServiceInstanceListSupplier.builder().withDiscoveryClient().withHealthChecks().build(context),
                ServiceInstanceListSupplier.builder().withDiscoveryClient().build(context));
    }
}
