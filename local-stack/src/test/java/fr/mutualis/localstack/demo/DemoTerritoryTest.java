package fr.mutualis.localstack.demo;

import fr.mutualis.localstack.demo.DemoTerritory.BudgetLine;
import fr.mutualis.localstack.demo.DemoTerritory.Collectivite;
import fr.mutualis.localstack.demo.DemoTerritory.Project;
import fr.mutualis.localstack.demo.DemoTerritory.Tenant;
import fr.mutualis.localstack.issuer.DemoClients;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo data is consistent with itself and with the API's enums, so the services can accept it. */
class DemoTerritoryTest {

    private static final Set<String> AXES = Set.of("OPEN_DATA", "VERY_HIGH_SPEED_NETWORK", "DEMATERIALISATION",
            "SMART_CITY", "BIG_DATA", "STARTUP_INCUBATOR", "E_INCLUSION", "E_DEMOCRACY", "COLLABORATIVE_ECONOMY",
            "OPEN_INNOVATION", "LOCAL_HOSTING_CLOUD", "PUBLIC_DATA_PROTECTION");
    private static final Set<String> THEMES = Set.of("USER_SERVICES", "BUSINESS_SERVICES", "INFRASTRUCTURE");
    private static final Set<String> INVESTMENT_CHAPTERS = Set.of("20", "21", "23", "204");
    private static final Set<String> OPERATING_CHAPTERS = Set.of("011", "012", "65");

    @Test
    void theFourCollectivitesAreTheDemoTenants() {
        assertThat(DemoTerritory.COLLECTIVITES).extracting(Collectivite::siren)
                .containsExactlyInAnyOrderElementsOf(DemoClients.ALL_TENANTS);
        assertThat(DemoTerritory.COLLECTIVITES.getFirst().kind()).isEqualTo("EPCI");
        assertThat(DemoTerritory.COLLECTIVITES.subList(1, 4)).allSatisfy(commune -> {
            assertThat(commune.kind()).isEqualTo("COMMUNE");
            assertThat(commune.epciSiren()).isEqualTo(DemoClients.CAGV);
        });
        assertThat(DemoTerritory.TENANTS).extracting(Tenant::siren)
                .containsExactlyInAnyOrderElementsOf(DemoClients.ALL_TENANTS);
    }

    @Test
    void aDozenProjectsAcrossTheAxesOfTheirRoadmap() {
        assertThat(DemoTerritory.projectCount()).isEqualTo(12);
        Set<String> axesUsed = DemoTerritory.TENANTS.stream().flatMap(tenant -> tenant.projects().stream())
                .map(Project::axis).collect(Collectors.toSet());
        assertThat(axesUsed).hasSizeGreaterThanOrEqualTo(6);
        for (Tenant tenant : DemoTerritory.TENANTS) {
            assertThat(AXES).containsAll(tenant.roadmap().axes());
            assertThat(tenant.roadmap().startYear()).isEqualTo(2026);
            assertThat(tenant.roadmap().endYear()).isEqualTo(2028);
            assertThat(DemoClients.ALL).anySatisfy(client -> {
                assertThat(client.clientId()).isEqualTo(tenant.agentClientId());
                assertThat(client.tenants()).containsExactly(tenant.siren());
                assertThat(client.roles()).contains("AGENT");
            });
            for (Project project : tenant.projects()) {
                assertThat(tenant.roadmap().axes()).as(project.title()).contains(project.axis());
                assertThat(THEMES).contains(project.theme());
                assertThat(project.plannedEnd()).isAfterOrEqualTo(project.plannedStart());
                assertThat(project.plannedStart()).isAfterOrEqualTo(LocalDate.of(2026, 1, 1));
                assertThat(project.plannedEnd()).isBeforeOrEqualTo(LocalDate.of(2028, 12, 31));
                assertThat(project.estimatedInvestmentCents()).isNotNegative();
                assertThat(project.estimatedOperatingCents()).isNotNegative();
            }
        }
    }

    @Test
    void budgetLinesUseTheRightChaptersAndKnownProjects() {
        for (Tenant tenant : DemoTerritory.TENANTS) {
            Set<String> keys = tenant.projects().stream().map(Project::key).collect(Collectors.toSet());
            for (BudgetLine line : tenant.budgetLines()) {
                assertThat(line.chapter()).as(line.label()).isIn(
                        line.section().equals("INVESTMENT") ? INVESTMENT_CHAPTERS : OPERATING_CHAPTERS);
                assertThat(line.plannedCents()).isPositive();
                if (line.projectKey() != null) {
                    assertThat(keys).as(line.label()).contains(line.projectKey());
                }
            }
            assertThat(tenant.budgetLines()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(tenant.indicators()).hasSizeGreaterThanOrEqualTo(2).allSatisfy(indicator -> {
                assertThat(indicator.direction()).isIn("UP", "DOWN");
                assertThat(indicator.frequency()).isIn("MONTHLY", "QUARTERLY", "ANNUAL");
                assertThat(indicator.targetDate()).isAfter(indicator.baselineDate());
            });
        }
    }
}
