package fr.mutualis.budget;

import fr.mutualis.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class BudgetArchitectureTest {

    @Test
    void packagesKeepTheirResponsibilities() {
        ServiceArchitecture.check("fr.mutualis.budget");
    }
}
