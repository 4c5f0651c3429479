package fr.mutualis.governance;

import fr.mutualis.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

class GovernanceArchitectureTest {

    @Test
    void packagesKeepTheirResponsibilities() {
        ServiceArchitecture.check("fr.mutualis.governance");
    }

    @Test
    void packagesStateTheDesign() {
        ServiceArchitecture.checkDesign("fr.mutualis.governance");
    }

    @Test
    void everyPackageSaysWhatItHolds() {
        ServiceArchitecture.checkPackagesDescribed(Path.of("src/main/java"));
    }
}
