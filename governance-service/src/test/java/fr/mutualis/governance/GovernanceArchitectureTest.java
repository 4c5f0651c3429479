package fr.mutualis.governance;

import fr.mutualis.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class GovernanceArchitectureTest {

    @Test
    void packagesKeepTheirResponsibilities() {
        ServiceArchitecture.check("fr.mutualis.governance");
    }
}
