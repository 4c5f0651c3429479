package fr.mutualis.reporting;

import fr.mutualis.kit.openapi.ApiDocumentConfiguration;
import fr.mutualis.kit.security.ServiceSecurityConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The territory reporting job: a Kafka Streams application (it scales by partitions across instances and recovers
 * its state from its changelog topics), with the services' resource-server security in front of its read API and
 * their OpenAPI rules describing it.
 */
@SpringBootApplication
@EnableScheduling
@Import({ServiceSecurityConfiguration.class, ApiDocumentConfiguration.class})
public class ReportingJobApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportingJobApplication.class, args);
    }
}
