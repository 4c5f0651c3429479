package fr.mutualis.evaluation;

import fr.mutualis.kit.security.AllowedRolesConfiguration;
import fr.mutualis.kit.web.RequestBodyGuard;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The roles of each endpoint are documented and enforced from its {@code @AllowedRoles}; request bodies holding text
 * the database cannot store faithfully are refused.
 */
@SpringBootApplication
@Import({AllowedRolesConfiguration.class, RequestBodyGuard.class})
public class EvaluationApplication {

    public static void main(String[] args) {
        SpringApplication.run(EvaluationApplication.class, args);
    }
}
