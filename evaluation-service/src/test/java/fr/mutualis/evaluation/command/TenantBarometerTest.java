package fr.mutualis.evaluation.command;

import fr.mutualis.evaluation.messages.BarometerProfile;
import fr.mutualis.evaluation.messages.BarometerProfileChanged;
import fr.mutualis.evaluation.messages.CommunicationTool;
import fr.mutualis.evaluation.messages.DeclareSelfAssessment;
import fr.mutualis.evaluation.messages.DigitalRole;
import fr.mutualis.evaluation.messages.RecordBarometerProfile;
import fr.mutualis.evaluation.messages.SelfAssessmentDeclared;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

class TenantBarometerTest {

    private static final String SIREN = "210000022";
    private AggregateTestFixture<TenantBarometer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TenantBarometer.class);
    }

    @Test
    void aFirstProfileIsAChangeFromUnclassified() {
        fixture.givenNoPriorActivity()
                .when(new RecordBarometerProfile(SIREN, BarometerProfile.OBSERVER, null, List.of()))
                .expectEvents(new BarometerProfileChanged(SIREN, BarometerProfile.UNCLASSIFIED, BarometerProfile.OBSERVER, null, List.of()));
    }

    @Test
    void theSameProfileAgainIsNoEvent() {
        fixture.given(new BarometerProfileChanged(SIREN, BarometerProfile.UNCLASSIFIED, BarometerProfile.OBSERVER, null, List.of()))
                .when(new RecordBarometerProfile(SIREN, BarometerProfile.OBSERVER, null, List.of()))
                .expectNoEvents();
    }

    @Test
    void eachChangeNamesThePreviousProfile() {
        fixture.given(new BarometerProfileChanged(SIREN, BarometerProfile.UNCLASSIFIED, BarometerProfile.OBSERVER, null, List.of()))
                .when(new RecordBarometerProfile(SIREN, BarometerProfile.UNCLASSIFIED, BarometerProfile.OBSERVER, List.of("AXES")))
                .expectEvents(new BarometerProfileChanged(SIREN, BarometerProfile.OBSERVER, BarometerProfile.UNCLASSIFIED,
                        BarometerProfile.OBSERVER, List.of("AXES")));
    }

    @Test
    void aSelfAssessmentMadeOnAStaleVersionIsRefused() {
        fixture.given(new SelfAssessmentDeclared(SIREN, List.of(DigitalRole.DPO), List.of(CommunicationTool.TOP_DOWN)),
                        new SelfAssessmentDeclared(SIREN, List.of(), List.of(CommunicationTool.TOP_DOWN)))
                .when(new DeclareSelfAssessment(SIREN, List.of(), List.of(), 0L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
        fixture.given(new SelfAssessmentDeclared(SIREN, List.of(DigitalRole.DPO), List.of(CommunicationTool.TOP_DOWN)))
                .when(new DeclareSelfAssessment(SIREN, List.of(), List.of(), 0L))
                .expectEvents(new SelfAssessmentDeclared(SIREN, List.of(), List.of()))
                .expectResultMessagePayload(1L);
        fixture.givenNoPriorActivity()
                .when(new DeclareSelfAssessment(SIREN, List.of(), List.of(), 3L))
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void aSelfAssessmentIsDeclaredOnceWithoutDuplicates() {
        fixture.givenNoPriorActivity()
                .when(new DeclareSelfAssessment(SIREN, List.of(DigitalRole.SECURITY_OFFICER, DigitalRole.DPO, DigitalRole.DPO),
                        List.of(CommunicationTool.SOCIAL, CommunicationTool.TOP_DOWN), null))
                .expectEvents(new SelfAssessmentDeclared(SIREN, List.of(DigitalRole.DPO, DigitalRole.SECURITY_OFFICER),
                        List.of(CommunicationTool.TOP_DOWN, CommunicationTool.SOCIAL)));
        fixture.given(new SelfAssessmentDeclared(SIREN, List.of(DigitalRole.DPO), List.of(CommunicationTool.TOP_DOWN)))
                .when(new DeclareSelfAssessment(SIREN, List.of(DigitalRole.DPO), List.of(CommunicationTool.TOP_DOWN), null))
                .expectNoEvents();
        fixture.given(new SelfAssessmentDeclared(SIREN, List.of(DigitalRole.DPO), List.of(CommunicationTool.TOP_DOWN)))
                .when(new DeclareSelfAssessment(SIREN, List.of(), List.of(), null))
                .expectEvents(new SelfAssessmentDeclared(SIREN, List.of(), List.of()));
    }
}
