package fr.mutualis.governance.command;

import fr.mutualis.governance.messages.AllocationMethod;
import fr.mutualis.governance.messages.CollectiviteDirectory;
import fr.mutualis.governance.messages.CollectiviteKind;
import fr.mutualis.governance.messages.CreateMutualisation;
import fr.mutualis.governance.messages.MutualisationCreated;
import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.InvalidInputException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

class MutualisationTest {

    static final String CAGV = "200000016";
    static final String VALMONT = "210000022";
    static final String SAINT_AUBIN = "210000030";
    static final String ELSEWHERE = "552100554";
    static final UUID ID = UUID.randomUUID();

    /** The demo territory; ELSEWHERE is a commune of no EPCI. */
    static final CollectiviteDirectory DIRECTORY = siren -> Optional.ofNullable(switch (siren) {
        case CAGV -> new CollectiviteDirectory.Entry(CAGV, CollectiviteKind.EPCI, null);
        case VALMONT, SAINT_AUBIN -> new CollectiviteDirectory.Entry(siren, CollectiviteKind.COMMUNE, CAGV);
        case ELSEWHERE -> new CollectiviteDirectory.Entry(ELSEWHERE, CollectiviteKind.COMMUNE, null);
        default -> null;
    });

    AggregateTestFixture<Mutualisation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Mutualisation.class);
        fixture.registerInjectableResource(DIRECTORY);
    }

    @Test
    void anEpciPoolsServicesWithItsMembers() {
        fixture.givenNoPriorActivity()
                .when(new CreateMutualisation(ID, "DSI commune et SIG", CAGV, List.of(VALMONT, SAINT_AUBIN),
                        AllocationMethod.POPULATION, null))
                .expectEvents(new MutualisationCreated(ID, "DSI commune et SIG", CAGV, List.of(VALMONT, SAINT_AUBIN),
                        AllocationMethod.POPULATION, Map.of()));
    }

    @Test
    void fixedSharesSumToAHundred() {
        var shares = Map.of(VALMONT, new BigDecimal("87.5"), SAINT_AUBIN, new BigDecimal("12.5"));
        fixture.givenNoPriorActivity()
                .when(new CreateMutualisation(ID, "SIG", CAGV, List.of(VALMONT, SAINT_AUBIN), AllocationMethod.FIXED_SHARES, shares))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(new CreateMutualisation(ID, "SIG", CAGV, List.of(VALMONT, SAINT_AUBIN), AllocationMethod.FIXED_SHARES,
                        Map.of(VALMONT, new BigDecimal("80"), SAINT_AUBIN, new BigDecimal("19.99"))))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("Fixed shares must sum to 100; they sum to 99.99")
                .expectNoEvents();
    }

    @Test
    void fixedSharesNameOnlyMembers() {
        fixture.givenNoPriorActivity()
                .when(new CreateMutualisation(ID, "SIG", CAGV, List.of(VALMONT), AllocationMethod.FIXED_SHARES,
                        Map.of(VALMONT, new BigDecimal("50"), SAINT_AUBIN, new BigDecimal("50"))))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void sharesBelongToFixedSharesOnly() {
        fixture.givenNoPriorActivity()
                .when(new CreateMutualisation(ID, "SIG", CAGV, List.of(VALMONT), AllocationMethod.USAGE,
                        Map.of(VALMONT, new BigDecimal("100"))))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void theAdministratorMustBeARegisteredEpci() {
        fixture.givenNoPriorActivity()
                .when(new CreateMutualisation(ID, "SIG", VALMONT, List.of(SAINT_AUBIN), AllocationMethod.POPULATION, null))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage(VALMONT + " is not a registered EPCI")
                .expectNoEvents();
    }

    @Test
    void membersMustBelongToTheEpci() {
        fixture.givenNoPriorActivity()
                .when(new CreateMutualisation(ID, "SIG", CAGV, List.of(VALMONT, ELSEWHERE), AllocationMethod.POPULATION, null))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage(ELSEWHERE + " is not a registered member of EPCI " + CAGV)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateMutualisation(ID, "SIG", CAGV, List.of("210000048"), AllocationMethod.POPULATION, null))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void aMemberIsListedOnce() {
        fixture.givenNoPriorActivity()
                .when(new CreateMutualisation(ID, "SIG", CAGV, List.of(VALMONT, VALMONT), AllocationMethod.POPULATION, null))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }
}
