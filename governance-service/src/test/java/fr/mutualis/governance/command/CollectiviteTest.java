package fr.mutualis.governance.command;

import fr.mutualis.kit.error.InvalidInputException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CollectiviteTest {

    private static final String CAGV = "200000016";
    private static final String VALMONT = "210000022";
    private AggregateTestFixture<Collectivite> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Collectivite.class);
    }

    @Test
    void aCommuneIsRegisteredAsMemberOfItsEpci() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCollectivite(VALMONT, "Valmont", CollectiviteKind.COMMUNE, 80_000, CAGV))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CollectiviteRegistered(VALMONT, "Valmont", CollectiviteKind.COMMUNE, 80_000, CAGV))
                .expectState(collectivite -> {
                    assertThat(collectivite.siren()).isEqualTo(VALMONT);
                    assertThat(collectivite.kind()).isEqualTo(CollectiviteKind.COMMUNE);
                });
    }

    @Test
    void anEpciBelongsToNoEpci() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCollectivite(CAGV, "Communauté d'agglomération du Grand Val", CollectiviteKind.EPCI,
                        160_000, null))
                .expectEvents(new CollectiviteRegistered(CAGV, "Communauté d'agglomération du Grand Val",
                        CollectiviteKind.EPCI, 160_000, null));
    }

    @Test
    void anInvalidSirenIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCollectivite("123456789", "Nulle part", CollectiviteKind.COMMUNE, 10, null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("siren '123456789' is not a SIREN (9 digits, Luhn-valid)")
                .expectNoEvents();
    }

    @Test
    void anInvalidEpciSirenIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCollectivite(VALMONT, "Valmont", CollectiviteKind.COMMUNE, 80_000, "20000001"))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void aNegativePopulationIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCollectivite(VALMONT, "Valmont", CollectiviteKind.COMMUNE, -1, CAGV))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void aCollectiviteDesignatesItsElectedLead() {
        fixture.given(new CollectiviteRegistered(VALMONT, "Valmont", CollectiviteKind.COMMUNE, 80_000, CAGV))
                .when(new DesignateElectedLead(VALMONT, "  Claire Martin ", null))
                .expectEvents(new ElectedLeadDesignated(VALMONT, "Claire Martin"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aStaleVersionIsRefused() {
        fixture.given(new CollectiviteRegistered(VALMONT, "Valmont", CollectiviteKind.COMMUNE, 80_000, CAGV),
                        new ElectedLeadDesignated(VALMONT, "Claire Martin"))
                .when(new DesignateElectedLead(VALMONT, "Paul Durand", 0L))
                .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }
}
