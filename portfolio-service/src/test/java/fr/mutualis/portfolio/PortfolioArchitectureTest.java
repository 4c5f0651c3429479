package fr.mutualis.portfolio;

import fr.mutualis.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

class PortfolioArchitectureTest {

    @Test
    void packagesKeepTheirResponsibilities() {
        ServiceArchitecture.check("fr.mutualis.portfolio");
    }

    @Test
    void packagesStateTheDesign() {
        ServiceArchitecture.checkDesign("fr.mutualis.portfolio");
    }

    @Test
    void everyPackageSaysWhatItHolds() {
        ServiceArchitecture.checkPackagesDescribed(Path.of("src/main/java"));
    }
}
