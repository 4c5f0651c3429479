package fr.mutualis.evaluation.notification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code mutualis.notification.*}; the mail sender is Spring Boot's, from {@code spring.mail.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationConfiguration {
}
