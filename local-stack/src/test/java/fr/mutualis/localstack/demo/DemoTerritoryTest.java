package fr.mutualis.localstack.demo;

import fr.mutualis.localstack.demo.DemoTerritory.BudgetLine;
import fr.mutualis.localstack.demo.DemoTerritory.Collectivite;
import fr.mutualis.localstack.demo.DemoTerritory.Engagement;
import fr.mutualis.localstack.demo.DemoTerritory.Indicator;
import fr.mutualis.localstack.demo.DemoTerritory.Instance;
import fr.mutualis.localstack.demo.DemoTerritory.Item;
import fr.mutualis.localstack.demo.DemoTerritory.Mandate;
import fr.mutualis.localstack.demo.DemoTerritory.Member;
import fr.mutualis.localstack.demo.DemoTerritory.Programme;
import fr.mutualis.localstack.demo.DemoTerritory.Project;
import fr.mutualis.localstack.demo.DemoTerritory.Roadmap;
import fr.mutualis.localstack.demo.DemoTerritory.Session;
import fr.mutualis.localstack.demo.DemoTerritory.Tenant;
import fr.mutualis.localstack.demo.DemoTerritory.Transfer;
import fr.mutualis.localstack.demo.DemoTerritory.TransferRates;
import fr.mutualis.localstack.issuer.ClientProfile;
import fr.mutualis.localstack.issuer.DemoClients;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data is consistent with itself and with the rules of DOMAIN.md, so that every service accepts it and the
 * read models tell a coherent story. Pure data checks: no stack.
 */
class DemoTerritoryTest {

    private static final Set<String> AXES = Set.of("OPEN_DATA", "VERY_HIGH_SPEED_NETWORK", "DEMATERIALISATION",
            "SMART_CITY", "BIG_DATA", "STARTUP_INCUBATOR", "E_INCLUSION", "E_DEMOCRACY", "COLLABORATIVE_ECONOMY",
            "OPEN_INNOVATION", "LOCAL_HOSTING_CLOUD", "PUBLIC_DATA_PROTECTION");
    private static final Set<String> STATE_SUPPORTED_AXES = Set.of("OPEN_DATA", "DEMATERIALISATION",
            "VERY_HIGH_SPEED_NETWORK");
    private static final Set<String> THEMES = Set.of("USER_SERVICES", "BUSINESS_SERVICES", "INFRASTRUCTURE");
    private static final Map<String, Set<String>> CHAPTERS = Map.of("INVESTMENT", Set.of("20", "204", "21", "23"),
            "OPERATING", Set.of("011", "012", "65"));
    private static final Set<String> STEERING_KINDS = Set.of("STRATEGIC_COMMITTEE", "PORTFOLIO_STEERING_COMMITTEE",
            "OPERATIONAL_COMMITTEE");
    private static final Set<String> ROLES = Set.of("DPO", "CIL", "CHIEF_DATA_OFFICER", "OPEN_GOV_LEAD",
            "DATA_SCIENTIST", "DATAVIZ_SPECIALIST", "SMART_CITY_LEAD", "SMART_GRID_LEAD", "OPEN_INNOVATION_LEAD",
            "SECURITY_OFFICER");
    /** The legal maximum of a delegation of transfers between chapters (DOMAIN.md §3). */
    private static final BigDecimal MAXIMUM_TRANSFER_RATE = new BigDecimal("7.5");
    /** The data is dated: séances, milestones reached and measurements are in the past of this day. */
    private static final LocalDate DATA_AS_OF = LocalDate.of(2026, 11, 20);

    @Test
    void theFourCollectivitesOfDomainSection7WithValidSirens() {
        assertThat(DemoTerritory.COLLECTIVITES).extracting(Collectivite::siren, Collectivite::population)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("200000016", 160_000L),
                        org.assertj.core.groups.Tuple.tuple("210000022", 80_000L),
                        org.assertj.core.groups.Tuple.tuple("210000030", 12_000L),
                        org.assertj.core.groups.Tuple.tuple("210000048", 4_500L));
        assertThat(DemoTerritory.COLLECTIVITES).allSatisfy(collectivite ->
                assertThat(luhn(collectivite.siren())).as(collectivite.siren()).isTrue());
        assertThat(DemoTerritory.COLLECTIVITES).allSatisfy(collectivite ->
                assertThat(fr.mutualis.contracts.Sirets.belongsTo(collectivite.siret(), collectivite.siren()))
                        .as("the SIRET of %s's siège", collectivite.name()).isTrue());
        assertThat(DemoTerritory.COLLECTIVITES.getFirst().kind()).isEqualTo("EPCI");
        assertThat(DemoTerritory.COLLECTIVITES.subList(1, 4)).allSatisfy(commune -> {
            assertThat(commune.kind()).isEqualTo("COMMUNE");
            assertThat(commune.epciSiren()).isEqualTo(DemoClients.CAGV);
        });
        assertThat(DemoTerritory.TENANTS).extracting(Tenant::siren)
                .containsExactlyInAnyOrderElementsOf(DemoClients.ALL_TENANTS);
    }

    @Test
    void everyTenantWritesWithItsOwnDemoClientsAndHasAnElectedLead() {
        for (Tenant tenant : DemoTerritory.TENANTS) {
            assertThat(client(tenant.agentClientId()).tenants()).containsExactly(tenant.siren());
            assertThat(client(tenant.agentClientId()).roles()).contains("AGENT");
            assertThat(client(tenant.eluClientId()).tenants()).containsExactly(tenant.siren());
            assertThat(client(tenant.eluClientId()).roles()).contains("ELU");
            assertThat(tenant.electedLead()).isNotBlank();
            assertThat(ROLES).containsAll(tenant.selfAssessment().roles());
            assertThat(Set.of("TOP_DOWN", "SOCIAL", "PARTICIPATORY")).containsAll(tenant.selfAssessment().communication());
        }
    }

    @Test
    void theMutualisationGathersMembersOfItsEpciAndIsManagedByItsSharedServiceAdministrator() {
        DemoTerritory.Mutualisation mutualisation = DemoTerritory.DSI_SIG;
        Collectivite epci = collectivite(mutualisation.epciSiren());

        assertThat(epci.kind()).isEqualTo("EPCI");
        assertThat(mutualisation.memberSirens()).containsExactlyInAnyOrder(DemoClients.VALMONT, DemoClients.SAINT_AUBIN)
                .allSatisfy(member -> assertThat(collectivite(member).epciSiren()).isEqualTo(epci.siren()));
        assertThat(mutualisation.allocationMethod()).isEqualTo("POPULATION");
        assertThat(mutualisation.administrator().tenant()).isEqualTo(epci.siren());
        assertThat(client(mutualisation.administrator().clientId()).roles()).contains("SHARED_SERVICE_ADMIN");
    }

    @Test
    void aRoadmapPerTenantAndASharedOneWithADozenProjectsWithinTheirAxes() {
        assertThat(DemoTerritory.ROADMAPS).extracting(Roadmap::owner).containsExactlyInAnyOrder(DemoClients.CAGV,
                DemoClients.VALMONT, DemoClients.SAINT_AUBIN, DemoClients.LES_AULNES, DemoTerritory.MUTUALISATION);
        assertThat(DemoTerritory.projects().count()).isBetween(12L, 16L);
        assertThat(DemoTerritory.projects().map(Project::axis).distinct().count()).isGreaterThanOrEqualTo(8);
        assertUnique(Stream.of(DemoTerritory.ROADMAPS.stream().map(Roadmap::key),
                DemoTerritory.projects().map(Project::key), DemoTerritory.INSTANCES.stream().map(Instance::key),
                DemoTerritory.PROGRAMMES.stream().map(Programme::key),
                DemoTerritory.BUDGET_LINES.stream().map(BudgetLine::key)).flatMap(Function.identity()).toList());
        for (Roadmap roadmap : DemoTerritory.ROADMAPS) {
            assertThat(AXES).containsAll(roadmap.axes());
            assertThat(roadmap.startYear()).isEqualTo(2026);
            assertThat(roadmap.endYear()).isEqualTo(2028);
            for (Project project : roadmap.projects()) {
                assertThat(roadmap.axes()).as(project.title()).contains(project.axis());
                assertThat(THEMES).contains(project.theme());
                assertThat(project.plannedEnd()).isAfterOrEqualTo(project.plannedStart());
                assertThat(project.plannedStart().getYear()).isGreaterThanOrEqualTo(roadmap.startYear());
                assertThat(project.plannedEnd().getYear()).isLessThanOrEqualTo(roadmap.endYear());
                assertThat(project.estimatedInvestmentCents()).isNotNegative();
                assertThat(project.estimatedOperatingCents()).isNotNegative();
                assertThat(project.finalStatus()).isIn("ASSESSED", "APPROVED", "IN_PROGRESS", "DELIVERED");
                assertThat(Stream.of(project.assessment().strategicAlignment(), project.assessment().userValue(),
                        project.assessment().agentValue(), project.assessment().legalObligation(),
                        project.assessment().feasibility(), project.assessment().risk())).allMatch(s -> s >= 0 && s <= 5);
                if (roadmap.owner().equals(DemoTerritory.MUTUALISATION)) {
                    Set<String> parties = new HashSet<>(DemoTerritory.DSI_SIG.memberSirens());
                    parties.add(DemoTerritory.DSI_SIG.epciSiren());
                    assertThat(parties).as(project.title()).containsAll(project.participantSirens());
                } else {
                    assertThat(project.participantSirens()).as(project.title()).isEmpty();
                }
                project.milestones().forEach(milestone -> {
                    assertThat(project.started()).as(milestone.title()).isTrue();
                    if (milestone.reachedOn() != null) {
                        assertThat(milestone.reachedOn()).isBeforeOrEqualTo(DATA_AS_OF);
                    }
                });
            }
        }
    }

    @Test
    void theMutualisationHasTheThreeSteeringInstancesAndEachTenantItsAssembly() {
        assertThat(DemoTerritory.INSTANCES).filteredOn(instance -> instance.owner().equals(DemoTerritory.MUTUALISATION))
                .extracting(Instance::kind).containsExactlyInAnyOrderElementsOf(STEERING_KINDS);
        for (Tenant tenant : DemoTerritory.TENANTS) {
            assertThat(DemoTerritory.INSTANCES).filteredOn(instance -> instance.owner().equals(tenant.siren()))
                    .extracting(Instance::kind).containsExactly("DELIBERATIVE_ASSEMBLY");
        }
    }

    @Test
    void everySeanceIsLawfulMembersSitForTheScopeAQuorumIsPresentAndVotesFitThePresent() {
        for (Instance instance : DemoTerritory.INSTANCES) {
            Set<String> scope = instance.owner().equals(DemoTerritory.MUTUALISATION)
                    ? Stream.concat(DemoTerritory.DSI_SIG.memberSirens().stream(),
                    Stream.of(DemoTerritory.DSI_SIG.epciSiren())).collect(Collectors.toSet())
                    : Set.of(instance.owner());
            assertThat(instance.members()).filteredOn(Member::chair).singleElement()
                    .satisfies(chair -> assertThat(chair.voting()).isTrue());
            assertThat(instance.members()).extracting(Member::collectiviteSiren).allMatch(scope::contains);
            assertUnique(instance.members().stream().map(Member::personId).toList());
            Map<String, Member> members = instance.members().stream()
                    .collect(Collectors.toMap(Member::personId, Function.identity()));
            long voting = instance.members().stream().filter(Member::voting).count();
            for (Session session : instance.sessions()) {
                String what = instance.name() + " " + session.scheduledAt();
                assertThat(session.scheduledAt().toLocalDate()).as(what).isBefore(DATA_AS_OF);
                assertThat(members.keySet()).as(what).containsAll(session.present());
                long votingPresent = session.present().stream().filter(id -> members.get(id).voting()).count();
                for (Item item : session.agenda()) {
                    if (item.kind().equals("PROJECT_GATE") || item.kind().equals("ROADMAP_ADOPTION")) {
                        assertThat(item.subjectKey()).as(item.title()).isNotNull();
                    }
                    if (item.vote() == null) {
                        assertThat(item.kind()).isEqualTo("INFORMATION");
                        continue;
                    }
                    assertThat(2 * votingPresent).as("quorum at " + what).isGreaterThan(voting);
                    assertThat(item.vote().votesFor() + item.vote().votesAgainst() + item.vote().abstentions())
                            .as(item.title()).isLessThanOrEqualTo((int) votingPresent);
                    assertThat(item.vote().votesFor() > 0 && item.vote().votesFor() == item.vote().votesAgainst())
                            .as("no tie at " + item.title() + ": the chair's vote would decide").isFalse();
                }
            }
        }
    }

    @Test
    void everyRoadmapIsAdoptedAndEveryProjectPastItsGateIsApprovedByAnInstanceOfItsOwner() {
        for (Roadmap roadmap : DemoTerritory.ROADMAPS) {
            assertThat(finalOutcome(roadmap.owner(), "ROADMAP_ADOPTION", roadmap.key())).as(roadmap.title())
                    .isEqualTo("APPROVED");
            for (Project project : roadmap.projects()) {
                assertThat(finalOutcome(roadmap.owner(), "PROJECT_GATE", project.key())).as(project.title())
                        .isEqualTo(project.finalStatus().equals("ASSESSED") ? null : "APPROVED");
            }
        }
        Set<String> subjects = DemoTerritory.agendaItems().map(Item::subjectKey).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        assertThat(Stream.concat(DemoTerritory.ROADMAPS.stream().map(Roadmap::key),
                DemoTerritory.projects().map(Project::key))).containsAll(subjects);
    }

    @Test
    void agendaItemTitlesAreUniqueSinceAnApRevisionNamesItsDecisionByTitle() {
        assertUnique(DemoTerritory.agendaItems().filter(item -> item.vote() != null).map(Item::title).toList());
    }

    /** Revised or not: a revision keeps the sum rule and is approved by a deliberation of the AP's owner. */
    @Test
    void everyCpScheduleSumsToItsAp() {
        for (Programme programme : DemoTerritory.PROGRAMMES) {
            assertThat(programme.schedule().stream().mapToLong(DemoTerritory.Cp::amountCents).sum())
                    .as(programme.label()).isEqualTo(programme.amountCents());
            assertUnique(programme.schedule().stream().map(cp -> String.valueOf(cp.year())).toList());
            assertThat(CHAPTERS.get("INVESTMENT")).contains(programme.chapter());
            assertThat(projectKeys()).contains(programme.projectKey());
            assertThat(programme.owner()).isNotEqualTo(DemoTerritory.MUTUALISATION);
            DemoTerritory.Revision revision = programme.revision();
            if (revision != null) {
                assertThat(revision.schedule().stream().mapToLong(DemoTerritory.Cp::amountCents).sum())
                        .as("revised " + programme.label()).isEqualTo(revision.amountCents());
                assertThat(revision.reason()).isNotBlank();
                assertThat(DemoTerritory.INSTANCES).as("a decision of the owner approves the revision")
                        .filteredOn(instance -> instance.owner().equals(programme.owner()))
                        .flatMap(instance -> instance.sessions().stream().flatMap(s -> s.agenda().stream()).toList())
                        .filteredOn(item -> item.title().equals(revision.decisionTitle()))
                        .singleElement().satisfies(item -> {
                            assertThat(item.kind()).isEqualTo("BUDGET_ARBITRATION");
                            assertThat(item.vote().outcome()).isEqualTo("APPROVED");
                        });
            }
        }
    }

    @Test
    void budgetLinesUseTheirSectionsChaptersAndSpendWithinTheirCreditsAndCp() {
        for (BudgetLine line : DemoTerritory.BUDGET_LINES) {
            assertThat(CHAPTERS.get(line.section())).as(line.label()).contains(line.chapter());
            assertThat(line.votedCents()).as(line.label()).isPositive().isLessThanOrEqualTo(line.plannedCents());
            if (line.projectKey() != null) {
                assertThat(projectKeys()).as(line.label()).contains(line.projectKey());
            }
            long engaged = line.engagements().stream().mapToLong(Engagement::amountCents).sum();
            assertThat(engaged).as("engaged within the voted credits of " + line.label())
                    .isLessThanOrEqualTo(line.votedCents());
            for (Engagement engagement : line.engagements()) {
                assertThat(engagement.date().getYear()).as(engagement.reference()).isEqualTo(DemoTerritory.FISCAL_YEAR);
                assertThat(engagement.mandates().stream().mapToLong(Mandate::amountCents).sum())
                        .as("mandated within " + engagement.reference()).isLessThanOrEqualTo(engagement.amountCents());
                assertThat(engagement.mandates()).allSatisfy(mandate -> {
                    assertThat(mandate.date()).isAfterOrEqualTo(engagement.date()).isBeforeOrEqualTo(DATA_AS_OF);
                    assertThat(mandate.amountCents()).isPositive();
                });
            }
        }
        for (Programme programme : DemoTerritory.PROGRAMMES) {
            List<BudgetLine> lines = DemoTerritory.BUDGET_LINES.stream()
                    .filter(line -> programme.key().equals(line.programmeKey())).toList();
            assertThat(lines).as(programme.label()).isNotEmpty().allSatisfy(line -> {
                assertThat(line.chapter()).isEqualTo(programme.chapter());
                assertThat(line.owner()).isEqualTo(programme.owner());
            });
            List<DemoTerritory.Cp> schedule = programme.revision() == null ? programme.schedule()
                    : programme.revision().schedule();
            long amount = programme.revision() == null ? programme.amountCents() : programme.revision().amountCents();
            long cp = schedule.stream().filter(entry -> entry.year() == DemoTerritory.FISCAL_YEAR)
                    .mapToLong(DemoTerritory.Cp::amountCents).sum();
            long engaged = lines.stream().flatMap(line -> line.engagements().stream())
                    .mapToLong(Engagement::amountCents).sum();
            long mandated = lines.stream().flatMap(line -> line.engagements().stream())
                    .flatMap(engagement -> engagement.mandates().stream()).mapToLong(Mandate::amountCents).sum();
            assertThat(engaged).as("engaged within the AP " + programme.label()).isLessThanOrEqualTo(amount);
            assertThat(mandated).as("mandated within the CP " + DemoTerritory.FISCAL_YEAR + " of " + programme.label())
                    .isLessThanOrEqualTo(cp);
        }
        assertThat(DemoTerritory.budgetOwners()).containsAll(DemoClients.ALL_TENANTS).contains(DemoTerritory.MUTUALISATION);
    }

    @Test
    void transfersMoveCreditsBetweenChaptersOfOneSectionWithinTheDelegatedRateAndWhatTheSourceHasNotEngaged() {
        assertThat(DemoTerritory.TRANSFERS).isNotEmpty();
        assertUnique(DemoTerritory.TRANSFER_RATES.stream().map(TransferRates::owner).toList());
        for (TransferRates rates : DemoTerritory.TRANSFER_RATES) {
            assertThat(List.of(rates.investmentPercent(), rates.operatingPercent())).as(rates.deliberation())
                    .allSatisfy(rate -> assertThat(rate).isBetween(BigDecimal.ZERO, MAXIMUM_TRANSFER_RATE));
            assertThat(rates.deliberation()).isNotBlank().hasSizeLessThanOrEqualTo(200);
        }
        Map<String, Long> credits = DemoTerritory.BUDGET_LINES.stream()
                .collect(Collectors.toMap(BudgetLine::key, BudgetLine::votedCents));
        Map<String, Long> transferred = new TreeMap<>();
        for (Transfer transfer : DemoTerritory.TRANSFERS) {
            BudgetLine from = DemoTerritory.budgetLine(transfer.fromLineKey());
            BudgetLine to = DemoTerritory.budgetLine(transfer.toLineKey());
            assertThat(to.owner()).as(transfer.reason()).isEqualTo(from.owner());
            assertThat(to.section()).as(transfer.reason()).isEqualTo(from.section());
            assertThat(List.of(from.chapter(), to.chapter())).as("no transfer into or out of staff costs")
                    .doesNotContain("012");
            assertThat(transfer.amountCents()).isPositive();
            assertThat(transfer.date().getYear()).isEqualTo(DemoTerritory.FISCAL_YEAR);
            assertThat(transfer.date()).isBeforeOrEqualTo(DATA_AS_OF);
            assertThat(transfer.reason()).isNotBlank().hasSizeLessThanOrEqualTo(500);
            TransferRates rates = DemoTerritory.TRANSFER_RATES.stream()
                    .filter(delegation -> delegation.owner().equals(from.owner())).findFirst()
                    .orElseThrow(() -> new AssertionError("no delegation of transfers for " + from.owner()));
            BigDecimal rate = from.section().equals("INVESTMENT") ? rates.investmentPercent() : rates.operatingPercent();
            long base = DemoTerritory.BUDGET_LINES.stream()
                    .filter(line -> line.owner().equals(from.owner()) && line.section().equals(from.section()))
                    .mapToLong(BudgetLine::votedCents).sum();
            long ceiling = BigDecimal.valueOf(base).multiply(rate).movePointLeft(2).longValue();
            if (!from.chapter().equals(to.chapter())) {
                String section = from.owner() + " " + from.section();
                assertThat(transferred.merge(section, transfer.amountCents(), Long::sum))
                        .as("transferred between chapters of " + section + ", at most " + rate + " % of " + base)
                        .isLessThanOrEqualTo(ceiling);
            }
            long engaged = from.engagements().stream().mapToLong(Engagement::amountCents).sum();
            assertThat(credits.merge(from.key(), -transfer.amountCents(), Long::sum))
                    .as("credits left on " + from.label() + " cover its engagements").isGreaterThanOrEqualTo(engaged);
            credits.merge(to.key(), transfer.amountCents(), Long::sum);
        }
    }

    @Test
    void theServiceCommunsCostsSplitByPopulationAreWhatEachMemberBudgeted() {
        Map<String, Long> population = DemoTerritory.DSI_SIG.memberSirens().stream()
                .collect(Collectors.toMap(Function.identity(), siren -> collectivite(siren).population()));
        long total = population.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> shares = new TreeMap<>();
        population.forEach((siren, inhabitants) ->
                shares.put(siren, DemoTerritory.SHARED_COSTS.costCents() * inhabitants / total));

        assertThat(DemoTerritory.BUDGET_LINES.stream().filter(line -> line.owner().equals(DemoTerritory.MUTUALISATION))
                .mapToLong(BudgetLine::votedCents).sum()).as("the service commun's voted costs are what is shared")
                .isEqualTo(DemoTerritory.SHARED_COSTS.costCents());
        assertThat(shares.values().stream().mapToLong(Long::longValue).sum())
                .as("no remainder to distribute").isEqualTo(DemoTerritory.SHARED_COSTS.costCents());
        shares.forEach((siren, share) -> assertThat(DemoTerritory.BUDGET_LINES)
                .filteredOn(line -> line.owner().equals(siren) && line.label().contains("service commun"))
                .singleElement().satisfies(line -> assertThat(line.votedCents()).isEqualTo(share)));
    }

    @Test
    void indicatorsHeadTowardsTheirTargetsAndAreMeasuredBetweenBaselineAndToday() {
        Set<String> owners = DemoTerritory.INDICATORS.stream().map(Indicator::owner).collect(Collectors.toSet());
        assertThat(owners).containsAll(DemoClients.ALL_TENANTS).contains(DemoTerritory.MUTUALISATION);
        for (Indicator indicator : DemoTerritory.INDICATORS) {
            int comparison = indicator.targetValue().compareTo(indicator.baselineValue());
            assertThat(indicator.direction().equals("UP") ? comparison > 0 : comparison < 0).as(indicator.name()).isTrue();
            assertThat(indicator.targetDate()).isAfter(indicator.baselineDate());
            assertThat(indicator.frequency()).isIn("MONTHLY", "QUARTERLY", "SEMIANNUAL", "ANNUAL");
            assertThat(indicator.measurements()).allSatisfy(measurement -> assertThat(measurement.date())
                    .isAfterOrEqualTo(indicator.baselineDate()).isBeforeOrEqualTo(DATA_AS_OF));
        }
    }

    /** The criteria behind each expected profile (DOMAIN.md §6), as far as the data itself decides them. */
    @Test
    void theDataGivesEachTenantItsExpectedBarometerProfile() {
        Tenant valmont = DemoTerritory.tenant(DemoClients.VALMONT);
        assertThat(valmont.expectedProfile()).isEqualTo("SYSTEMIC");
        assertThat(axesUnderWay(valmont.siren())).hasSizeGreaterThanOrEqualTo(6);
        assertThat(lastMeasurement(valmont.siren())).isAfter(DATA_AS_OF.minusMonths(1));
        assertThat(valmont.selfAssessment().roles()).anyMatch(role -> !Set.of("DPO", "CIL").contains(role));
        assertThat(valmont.selfAssessment().communication()).containsExactlyInAnyOrder("TOP_DOWN", "SOCIAL",
                "PARTICIPATORY");

        Tenant saintAubin = DemoTerritory.tenant(DemoClients.SAINT_AUBIN);
        assertThat(saintAubin.expectedProfile()).isEqualTo("ENTREPRENEUR");
        assertThat(axesUnderWay(saintAubin.siren())).isNotEmpty().allMatch(STATE_SUPPORTED_AXES::contains);
        assertThat(lastMeasurement(saintAubin.siren())).as("no monitoring in the last twelve months")
                .isBefore(DATA_AS_OF.minusMonths(12));
        assertThat(saintAubin.selfAssessment().roles()).containsExactly("DPO");
        assertThat(saintAubin.selfAssessment().communication()).containsExactlyInAnyOrder("TOP_DOWN", "SOCIAL");

        for (String unclassified : List.of(DemoClients.CAGV, DemoClients.LES_AULNES)) {
            assertThat(DemoTerritory.tenant(unclassified).expectedProfile()).isEqualTo("UNCLASSIFIED");
            assertThat(axesUnderWay(unclassified)).as("too few axes for SYSTEMIC or PATHFINDER").hasSizeLessThan(6)
                    .as("axes outside state support: not ENTREPRENEUR").anyMatch(axis -> !STATE_SUPPORTED_AXES.contains(axis));
        }
    }

    private static Set<String> axesUnderWay(String owner) {
        return DemoTerritory.ROADMAPS.stream().filter(roadmap -> roadmap.owner().equals(owner))
                .flatMap(roadmap -> roadmap.projects().stream())
                .filter(project -> !project.finalStatus().equals("ASSESSED"))
                .map(Project::axis).collect(Collectors.toSet());
    }

    private static LocalDate lastMeasurement(String owner) {
        return DemoTerritory.INDICATORS.stream().filter(indicator -> indicator.owner().equals(owner))
                .flatMap(indicator -> indicator.measurements().stream())
                .map(DemoTerritory.Measurement::date).max(LocalDate::compareTo).orElseThrow();
    }

    /** The outcome of the last vote on the subject by an instance of {@code owner}, null when never voted. */
    private static String finalOutcome(String owner, String kind, String subjectKey) {
        List<Session> sessions = new ArrayList<>();
        DemoTerritory.INSTANCES.stream().filter(instance -> instance.owner().equals(owner))
                .forEach(instance -> sessions.addAll(instance.sessions()));
        sessions.sort((a, b) -> a.scheduledAt().compareTo(b.scheduledAt()));
        String outcome = null;
        for (Session session : sessions) {
            for (Item item : session.agenda()) {
                if (item.kind().equals(kind) && subjectKey.equals(item.subjectKey()) && item.vote() != null) {
                    outcome = item.vote().outcome();
                }
            }
        }
        return outcome;
    }

    private static Set<String> projectKeys() {
        return DemoTerritory.projects().map(Project::key).collect(Collectors.toSet());
    }

    private static ClientProfile client(String clientId) {
        return DemoClients.ALL.stream().filter(client -> client.clientId().equals(clientId)).findFirst().orElseThrow();
    }

    private static Collectivite collectivite(String siren) {
        return DemoTerritory.COLLECTIVITES.stream().filter(c -> c.siren().equals(siren)).findFirst().orElseThrow();
    }

    private static void assertUnique(List<String> keys) {
        assertThat(keys).doesNotHaveDuplicates();
    }

    /** A SIREN is nine digits whose Luhn checksum is valid. */
    private static boolean luhn(String siren) {
        if (!siren.matches("\\d{9}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = siren.charAt(8 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
