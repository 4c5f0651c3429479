package fr.mutualis.kit.tenant;

import org.springframework.beans.factory.config.BeanPostProcessor;

import javax.sql.DataSource;

/** Wraps the service's DataSource in a {@link TenantScopedDataSource}, so that every user of it gets the wall. */
public class TenantScopedDataSourcePostProcessor implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof TenantScopedDataSource)
                && "dataSource".equals(beanName)) {
            return new TenantScopedDataSource(dataSource);
        }
        return bean;
    }
}
