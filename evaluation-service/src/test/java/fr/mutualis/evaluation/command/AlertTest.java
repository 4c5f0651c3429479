package fr.mutualis.evaluation.command;

import fr.mutualis.evaluation.messages.AlertEnded;
import fr.mutualis.evaluation.messages.AlertKind;
import fr.mutualis.evaluation.messages.AlertRaised;
import fr.mutualis.evaluation.messages.AlertSubjectKind;
import fr.mutualis.evaluation.messages.EndAlert;
import fr.mutualis.evaluation.messages.RaiseAlert;
import fr.mutualis.kit.tenant.Owner;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

/** An alert is raised once and ended once, whatever repeats the commands. */
class AlertTest {

    private static final UUID ALERT = UUID.randomUUID();
    private static final Owner VALMONT = Owner.tenant("217600017");
    private static final Instant SINCE = Instant.parse("2026-03-12T23:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-03-20T10:00:00Z");

    private AggregateTestFixture<Alert> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Alert.class);
    }

    private static RaiseAlert raise() {
        return new RaiseAlert(ALERT, AlertKind.MILESTONE_LATE, VALMONT, AlertSubjectKind.PROJECT, "p-1", "m-1",
                "Compte citoyen", SINCE, "Le jalon « Recette » prévu le 12/03/2026 n'est pas atteint");
    }

    private static AlertRaised raised() {
        return new AlertRaised(ALERT, AlertKind.MILESTONE_LATE, VALMONT, AlertSubjectKind.PROJECT, "p-1", "m-1",
                "Compte citoyen", SINCE, "Le jalon « Recette » prévu le 12/03/2026 n'est pas atteint");
    }

    @Test
    void aRaiseRaisesTheAlert() {
        fixture.givenNoPriorActivity().when(raise()).expectEvents(raised());
    }

    @Test
    void raisingAgainRecordsNothing() {
        fixture.given(raised()).when(raise()).expectNoEvents();
    }

    @Test
    void anEndEndsItWithWhatTheRaiseSaid() {
        fixture.given(raised()).when(new EndAlert(ALERT, UNTIL, "Jalon atteint"))
                .expectEvents(new AlertEnded(ALERT, AlertKind.MILESTONE_LATE, VALMONT, AlertSubjectKind.PROJECT, "p-1",
                        SINCE, UNTIL, "Jalon atteint"));
    }

    @Test
    void endingAgainOrRaisingAnEndedAlertRecordsNothing() {
        AlertEnded ended = new AlertEnded(ALERT, AlertKind.MILESTONE_LATE, VALMONT, AlertSubjectKind.PROJECT, "p-1",
                SINCE, UNTIL, "Jalon atteint");
        fixture.given(raised(), ended).when(new EndAlert(ALERT, UNTIL.plusSeconds(60), "encore")).expectNoEvents();
        fixture.given(raised(), ended).when(raise()).expectNoEvents();
    }

    @Test
    void anEndNeverPrecedesTheStart() {
        fixture.given(raised()).when(new EndAlert(ALERT, SINCE.minusSeconds(3600), "Jalon atteint"))
                .expectEvents(new AlertEnded(ALERT, AlertKind.MILESTONE_LATE, VALMONT, AlertSubjectKind.PROJECT, "p-1",
                        SINCE, SINCE, "Jalon atteint"));
    }
}
