package fr.mutualis.portfolio;

import fr.mutualis.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class PortfolioArchitectureTest {

    @Test
    void packagesKeepTheirResponsibilities() {
        ServiceArchitecture.check("fr.mutualis.portfolio");
    }
}
