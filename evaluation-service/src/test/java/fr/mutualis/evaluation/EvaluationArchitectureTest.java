package fr.mutualis.evaluation;

import fr.mutualis.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class EvaluationArchitectureTest {

    @Test
    void packagesKeepTheirResponsibilities() {
        ServiceArchitecture.check("fr.mutualis.evaluation");
    }
}
