package fr.mutualis.evaluation.query;

import fr.mutualis.evaluation.messages.BarometerProfile;
import fr.mutualis.evaluation.messages.CommunicationTool;
import fr.mutualis.evaluation.messages.DigitalRole;
import fr.mutualis.evaluation.query.BarometerClassifier.Criterion;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static fr.mutualis.evaluation.messages.CommunicationTool.PARTICIPATORY;
import static fr.mutualis.evaluation.messages.CommunicationTool.SOCIAL;
import static fr.mutualis.evaluation.messages.CommunicationTool.TOP_DOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every row of DOMAIN.md §6's table, and the boundaries between them. */
class BarometerClassifierTest {

    static final Set<String> SIX_AXES = Set.of("OPEN_DATA", "DEMATERIALISATION", "SMART_CITY", "E_INCLUSION", "BIG_DATA", "E_DEMOCRACY");
    static final Set<String> FIVE_AXES = Set.of("OPEN_DATA", "DEMATERIALISATION", "SMART_CITY", "E_INCLUSION", "BIG_DATA");
    static final Set<DigitalRole> OTHER = Set.of(DigitalRole.DPO, DigitalRole.CHIEF_DATA_OFFICER);
    static final Set<DigitalRole> DPO_ONLY = Set.of(DigitalRole.DPO);
    static final Set<CommunicationTool> ALL_TOOLS = Set.of(TOP_DOWN, SOCIAL, PARTICIPATORY);

    final BarometerClassifier classifier = new BarometerClassifier(6);

    static BarometerCriteria systemic() {
        return new BarometerCriteria(true, true, SIX_AXES, OTHER, true, ALL_TOOLS);
    }

    static BarometerCriteria pathfinder() {
        return new BarometerCriteria(true, true, SIX_AXES, OTHER, false, ALL_TOOLS);
    }

    static BarometerCriteria entrepreneur() {
        return new BarometerCriteria(true, true, Set.of("OPEN_DATA", "VERY_HIGH_SPEED_NETWORK"), DPO_ONLY, false, Set.of(TOP_DOWN, SOCIAL));
    }

    static BarometerCriteria explorer() {
        return new BarometerCriteria(false, false, Set.of("SMART_CITY"), Set.of(DigitalRole.OPEN_INNOVATION_LEAD), false, Set.of());
    }

    static BarometerCriteria observer() {
        return new BarometerCriteria(false, false, Set.of("E_INCLUSION", "OPEN_DATA"), Set.of(), false, Set.of(TOP_DOWN));
    }

    @Test
    void everyRowOfTheTableIsItsProfile() {
        assertThat(classifier.classify(systemic()).profile()).isEqualTo(BarometerProfile.SYSTEMIC);
        assertThat(classifier.classify(pathfinder()).profile()).isEqualTo(BarometerProfile.PATHFINDER);
        assertThat(classifier.classify(entrepreneur()).profile()).isEqualTo(BarometerProfile.ENTREPRENEUR);
        assertThat(classifier.classify(explorer()).profile()).isEqualTo(BarometerProfile.EXPLORER);
        assertThat(classifier.classify(observer()).profile()).isEqualTo(BarometerProfile.OBSERVER);
        assertThat(classifier.classify(systemic()).missing()).isEmpty();
        assertThat(classifier.classify(systemic()).nearestProfile()).isNull();
    }

    @Test
    void fiveAxesAreNotEnoughWithTheDefaultThresholdOfSix() {
        var five = classifier.classify(new BarometerCriteria(true, true, FIVE_AXES, OTHER, true, ALL_TOOLS));
        assertThat(five.profile()).isEqualTo(BarometerProfile.UNCLASSIFIED);
        assertThat(five.nearestProfile()).isEqualTo(BarometerProfile.SYSTEMIC);
        assertThat(five.missing()).containsExactly(Criterion.AXES);
        assertThat(classifier.classify(new BarometerCriteria(true, true, FIVE_AXES, OTHER, false, ALL_TOOLS)).profile())
                .isEqualTo(BarometerProfile.UNCLASSIFIED);
    }

    @Test
    void theAxesThresholdIsASetting() {
        BarometerClassifier studySummary = new BarometerClassifier(5);
        assertThat(studySummary.classify(new BarometerCriteria(true, true, FIVE_AXES, OTHER, true, ALL_TOOLS)).profile())
                .isEqualTo(BarometerProfile.SYSTEMIC);
        assertThat(studySummary.classify(new BarometerCriteria(true, true, FIVE_AXES, OTHER, false, ALL_TOOLS)).profile())
                .isEqualTo(BarometerProfile.PATHFINDER);
        assertThat(studySummary.axesThreshold()).isEqualTo(5);
        assertThatThrownBy(() -> new BarometerClassifier(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dataProtectionRolesAloneAreNotSpecialisedRoles() {
        var dpoOnly = classifier.classify(new BarometerCriteria(true, true, SIX_AXES, Set.of(DigitalRole.DPO, DigitalRole.CIL), true, ALL_TOOLS));
        assertThat(dpoOnly.profile()).isEqualTo(BarometerProfile.UNCLASSIFIED);
        assertThat(dpoOnly.missing()).containsExactly(Criterion.ROLES);
        // The entrepreneur's row asks for DPO/CIL only: one other role breaks it.
        var withSecurityOfficer = classifier.classify(new BarometerCriteria(true, true, Set.of("OPEN_DATA"),
                Set.of(DigitalRole.CIL, DigitalRole.SECURITY_OFFICER), false, Set.of(TOP_DOWN, SOCIAL)));
        assertThat(withSecurityOfficer.profile()).isEqualTo(BarometerProfile.UNCLASSIFIED);
        assertThat(withSecurityOfficer.nearestProfile()).isEqualTo(BarometerProfile.ENTREPRENEUR);
        assertThat(withSecurityOfficer.missing()).containsExactly(Criterion.ROLES);
        assertThat(classifier.classify(new BarometerCriteria(true, true, Set.of("OPEN_DATA"), Set.of(DigitalRole.CIL), false,
                Set.of(TOP_DOWN, SOCIAL))).profile()).isEqualTo(BarometerProfile.ENTREPRENEUR);
    }

    @Test
    void anEntrepreneurKeepsToStateSupportedAxesAndNoParticipation() {
        var outsideAxis = classifier.classify(new BarometerCriteria(true, true, Set.of("OPEN_DATA", "SMART_CITY"), DPO_ONLY, false,
                Set.of(TOP_DOWN, SOCIAL)));
        assertThat(outsideAxis.profile()).isEqualTo(BarometerProfile.UNCLASSIFIED);
        assertThat(outsideAxis.missing()).containsExactly(Criterion.AXES);
        var participatory = classifier.classify(new BarometerCriteria(true, true, Set.of("DEMATERIALISATION"), DPO_ONLY, false, ALL_TOOLS));
        assertThat(participatory.missing()).containsExactly(Criterion.COMMUNICATION);
        var noAxis = classifier.classify(new BarometerCriteria(true, true, Set.of(), DPO_ONLY, false, Set.of(TOP_DOWN, SOCIAL)));
        assertThat(noAxis.missing()).containsExactly(Criterion.AXES);
    }

    @Test
    void anExplorerHasAnAxisOutsideStateSupportAndDeclaresNoCommunication() {
        var stateOnly = classifier.classify(new BarometerCriteria(false, false, Set.of("OPEN_DATA"), Set.of(DigitalRole.DATA_SCIENTIST), false, Set.of()));
        assertThat(stateOnly.nearestProfile()).isEqualTo(BarometerProfile.EXPLORER);
        assertThat(stateOnly.missing()).containsExactly(Criterion.AXES);
        var withPlan = classifier.classify(new BarometerCriteria(true, false, Set.of("SMART_CITY"), Set.of(DigitalRole.DATA_SCIENTIST), false, Set.of()));
        assertThat(withPlan.nearestProfile()).isEqualTo(BarometerProfile.EXPLORER);
        assertThat(withPlan.missing()).containsExactly(Criterion.PLAN);
    }

    @Test
    void anObserverHasOneOrTwoAxesNoRolesAndTopDownOnly() {
        assertThat(classifier.classify(new BarometerCriteria(false, false, Set.of("E_INCLUSION"), Set.of(), false, Set.of(TOP_DOWN))).profile())
                .isEqualTo(BarometerProfile.OBSERVER);
        var threeAxes = classifier.classify(new BarometerCriteria(false, false, Set.of("E_INCLUSION", "OPEN_DATA", "SMART_CITY"), Set.of(), false,
                Set.of(TOP_DOWN)));
        assertThat(threeAxes.profile()).isEqualTo(BarometerProfile.UNCLASSIFIED);
        assertThat(threeAxes.nearestProfile()).isEqualTo(BarometerProfile.OBSERVER);
        assertThat(threeAxes.missing()).containsExactly(Criterion.AXES);
        var withDpo = classifier.classify(new BarometerCriteria(false, false, Set.of("E_INCLUSION"), DPO_ONLY, false, Set.of(TOP_DOWN)));
        assertThat(withDpo.missing()).containsExactly(Criterion.ROLES);
        var withSocial = classifier.classify(new BarometerCriteria(false, false, Set.of("E_INCLUSION"), Set.of(), false, Set.of(TOP_DOWN, SOCIAL)));
        assertThat(withSocial.missing()).containsExactly(Criterion.COMMUNICATION);
    }

    @Test
    void aMonitoringDeviceMakesAPathfinderSystemicAndBreaksTheOtherRows() {
        var evaluatedEntrepreneur = classifier.classify(new BarometerCriteria(true, true, Set.of("OPEN_DATA"), DPO_ONLY, true, Set.of(TOP_DOWN, SOCIAL)));
        assertThat(evaluatedEntrepreneur.nearestProfile()).isEqualTo(BarometerProfile.ENTREPRENEUR);
        assertThat(evaluatedEntrepreneur.missing()).containsExactly(Criterion.EVALUATION);
    }

    @Test
    void nearestProfileTiesGoToTheTableOrder() {
        // Nothing known: EXPLORER and OBSERVER both miss two criteria; EXPLORER comes first in the table.
        var nothing = classifier.classify(new BarometerCriteria(false, false, Set.of(), Set.of(), false, Set.of()));
        assertThat(nothing.profile()).isEqualTo(BarometerProfile.UNCLASSIFIED);
        assertThat(nothing.nearestProfile()).isEqualTo(BarometerProfile.EXPLORER);
        assertThat(nothing.missing()).containsExactly(Criterion.AXES, Criterion.ROLES);
        // Systemic with no roles and no evaluation: SYSTEMIC misses 2 (ROLES, EVALUATION), PATHFINDER misses 1.
        var pathfinderish = classifier.classify(new BarometerCriteria(true, true, SIX_AXES, Set.of(), false, ALL_TOOLS));
        assertThat(pathfinderish.nearestProfile()).isEqualTo(BarometerProfile.PATHFINDER);
        // PATHFINDER misses AXES and ROLES, ENTREPRENEUR misses AXES and COMMUNICATION: the table order picks PATHFINDER.
        var tie = classifier.classify(new BarometerCriteria(true, true, Set.of("SMART_CITY"), DPO_ONLY, false, ALL_TOOLS));
        assertThat(tie.profile()).isEqualTo(BarometerProfile.UNCLASSIFIED);
        assertThat(tie.nearestProfile()).isEqualTo(BarometerProfile.PATHFINDER);
        assertThat(tie.missing()).containsExactly(Criterion.AXES, Criterion.ROLES);
    }

    @Test
    void aMeasurementExactlyTwelveMonthsOldStillCounts() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        assertThat(BarometerCriteria.measurementIsRecent(LocalDate.of(2025, 11, 23), today)).isTrue();
        assertThat(BarometerCriteria.measurementIsRecent(LocalDate.of(2025, 11, 22), today)).isFalse();
        assertThat(BarometerCriteria.measurementIsRecent(today, today)).isTrue();
    }

    @Test
    void anAdoptedRoadmapIsCurrentFromItsStartYearToItsEndYear() {
        assertThat(BarometerCriteria.roadmapIsCurrent(2026, 2028, 2026)).isTrue();
        assertThat(BarometerCriteria.roadmapIsCurrent(2026, 2028, 2028)).isTrue();
        assertThat(BarometerCriteria.roadmapIsCurrent(2026, 2028, 2025)).isFalse();
        assertThat(BarometerCriteria.roadmapIsCurrent(2026, 2028, 2029)).isFalse();
    }
}
