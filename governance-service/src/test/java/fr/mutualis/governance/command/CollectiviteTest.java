package fr.mutualis.governance.command;

import fr.mutualis.governance.messages.CollectiviteKind;
import fr.mutualis.governance.messages.CollectiviteRegistered;
import fr.mutualis.governance.messages.DesignateElectedLead;
import fr.mutualis.governance.messages.ElectedLeadDesignated;
import fr.mutualis.governance.messages.RegisterCollectivite;
import fr.mutualis.kit.error.InvalidInputException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CollectiviteTest {

    private static final String CAGV = "200000016";
    private static final String VALMONT = "210000022";
    private static final String VALMONT_SIRET = "21000002200017";
    private AggregateTestFixture<Collectivite> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Collectivite.class);
    }

    @Test
    void aCommuneIsRegisteredAsMemberOfItsEpci() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCollectivite(VALMONT, "Valmont", CollectiviteKind.COMMUNE, 80_000, CAGV, VALMONT_SIRET))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CollectiviteRegistered(VALMONT, "Valmont", CollectiviteKind.COMMUNE, 80_000, CAGV,
                        VALMONT_SIRET))
                .expectState(collectivite -> {
                    assertThat(collectivite.siren()).isEqualTo(VALMONT);
                    assertThat(collectivite.kind()).isEqualTo(CollectiviteKind.COMMUNE);
                });
    }

    @Test
    void anEpciBelongsToNoEpci() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCollectivite(CAGV, "Communauté d'agglomération du Grand Val", CollectiviteKind.EPCI,
                        160_000, null, null))
                .expectEvents(new CollectiviteRegistered(CAGV, "Communauté d'agglomération du Grand Val",
                        CollectiviteKind.EPCI, 160_000, null, null));
    }

    @Test
    void anInvalidSirenIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCollectivite("123456789", "Nulle part", CollectiviteKind.COMMUNE, 10, null, null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("siren '123456789' is not a SIREN (9 digits, Luhn-valid)")
                .expectNoEvents();
    }

    @Test
    void anInvalidEpciSirenIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCollectivite(VALMONT, "Valmont", CollectiviteKind.COMMUNE, 80_000, "20000001", null))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    /** Another SIREN's establishment, a wrong check digit, a SIREN alone: none names this collectivité's siège. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"20000001600010", "21000002200018", "210000022"})
    void aSiretThatIsNotOneOfTheSirensEstablishmentsIsRejected(String siret) {
        fixture.givenNoPriorActivity()
                .when(new RegisterCollectivite(VALMONT, "Valmont", CollectiviteKind.COMMUNE, 80_000, CAGV, siret))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("siret '"))
                .expectNoEvents();
    }

    @Test
    void aNegativePopulationIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCollectivite(VALMONT, "Valmont", CollectiviteKind.COMMUNE, -1, CAGV, null))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void aCollectiviteDesignatesItsElectedLead() {
        fixture.given(new CollectiviteRegistered(VALMONT, "Valmont", CollectiviteKind.COMMUNE, 80_000, CAGV, null))
                .when(new DesignateElectedLead(VALMONT, "  Claire Martin ", null))
                .expectEvents(new ElectedLeadDesignated(VALMONT, "Claire Martin"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aStaleVersionIsRefused() {
        fixture.given(new CollectiviteRegistered(VALMONT, "Valmont", CollectiviteKind.COMMUNE, 80_000, CAGV, null),
                        new ElectedLeadDesignated(VALMONT, "Claire Martin"))
                .when(new DesignateElectedLead(VALMONT, "Paul Durand", 0L))
                .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }
}
