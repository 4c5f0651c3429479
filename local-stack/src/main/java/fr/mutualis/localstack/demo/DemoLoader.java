package fr.mutualis.localstack.demo;

import fr.mutualis.contracts.HttpContract;
import fr.mutualis.localstack.demo.DemoTerritory.Actor;
import fr.mutualis.localstack.demo.DemoTerritory.BudgetLine;
import fr.mutualis.localstack.demo.DemoTerritory.Collectivite;
import fr.mutualis.localstack.demo.DemoTerritory.Engagement;
import fr.mutualis.localstack.demo.DemoTerritory.Indicator;
import fr.mutualis.localstack.demo.DemoTerritory.Instance;
import fr.mutualis.localstack.demo.DemoTerritory.Item;
import fr.mutualis.localstack.demo.DemoTerritory.Mandate;
import fr.mutualis.localstack.demo.DemoTerritory.Measurement;
import fr.mutualis.localstack.demo.DemoTerritory.Member;
import fr.mutualis.localstack.demo.DemoTerritory.Milestone;
import fr.mutualis.localstack.demo.DemoTerritory.Programme;
import fr.mutualis.localstack.demo.DemoTerritory.Project;
import fr.mutualis.localstack.demo.DemoTerritory.Roadmap;
import fr.mutualis.localstack.demo.DemoTerritory.Session;
import fr.mutualis.localstack.demo.DemoTerritory.Tenant;
import fr.mutualis.localstack.demo.DemoTerritory.Transfer;
import fr.mutualis.localstack.demo.DemoTerritory.TransferRates;
import fr.mutualis.localstack.issuer.DemoClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Loads {@link DemoTerritory} through the gateway, like any client: tokens from the issuer, one tenant at a time
 * ({@code X-Tenant-Id}). Each step logs and reports one line with its count and time. Every call must succeed: any
 * other answer fails the load with the call, its status and its problem body. Where a step depends on an
 * asynchronous effect of an earlier one (a séance's decisions adopting roadmaps, another service learning of the
 * mutualisation), the loader waits for it, bounded, and fails clearly on timeout.
 */
public final class DemoLoader {

    private static final Logger log = LoggerFactory.getLogger("fr.mutualis.localstack.demo");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Actor PLATFORM_ADMIN = new Actor("platform-admin", DemoClients.CAGV);
    /**
     * The first wait before asking again whether an effect has propagated, doubled at each round up to
     * {@link #POLL_INTERVAL_AT_MOST}: most effects land within a few hundred milliseconds (one Kafka hop), and a fixed
     * half second made each of the load's waits last at least that long.
     */
    private static final Duration POLL_INTERVAL_AT_FIRST = Duration.ofMillis(50);
    private static final Duration POLL_INTERVAL_AT_MOST = Duration.ofMillis(500);
    /** How many times in a row one call may go unanswered within its time-out before the load fails. */
    private static final int CALL_TIMEOUTS_AT_MOST = 3;

    private final URI gateway;
    private final BiFunction<String, String, String> tokenSource;
    private final Duration asyncBound;
    private final Duration callTimeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    // The maps are shared by the parts of the load that run side by side (see load()).
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    /** Ids answered by the services, by the keys of {@link DemoTerritory}. */
    private final Map<String, String> ids = new ConcurrentHashMap<>();
    /** Decision ids by agenda item title: an AP revision names the decision that voted it. */
    private final Map<String, String> decisionIds = new ConcurrentHashMap<>();
    /** Engagements and indicators have no key in the data: their ids by the very record. */
    private final Map<Engagement, String> engagementIds = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<Indicator, String> indicatorIds = Collections.synchronizedMap(new IdentityHashMap<>());
    /** The first failure of a part of the load: the others stop at their next call. */
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /**
     * @param gateway     the gateway's base URL, e.g. {@code http://localhost:8080}
     * @param tokenSource {@code (clientId, secret) -> access token}
     */
    public DemoLoader(URI gateway, BiFunction<String, String, String> tokenSource) {
        this(gateway, tokenSource, Duration.ofMinutes(3));
    }

    /** @param asyncBound how long to wait for an asynchronous effect (generous: the stack may run on a busy machine) */
    public DemoLoader(URI gateway, BiFunction<String, String, String> tokenSource, Duration asyncBound) {
        this(gateway, tokenSource, asyncBound, Duration.ofSeconds(60));
    }

    /** @param callTimeout how long one call may take before it is sent again */
    DemoLoader(URI gateway, BiFunction<String, String, String> tokenSource, Duration asyncBound, Duration callTimeout) {
        this.gateway = gateway;
        this.tokenSource = tokenSource;
        this.asyncBound = asyncBound;
        this.callTimeout = callTimeout;
    }

    /**
     * Loads the territory, its independent parts side by side (the HTTP calls are what takes time): once the
     * collectivités and the mutualisation exist, the portfolio and governance steps, the governance instances, the
     * evaluation steps and, once projects have ids, the budget steps run on their own threads, each part in its
     * order; the AP revisions wait for the séances whose decisions they name, and the barometer for everything. The
     * report lists the steps in {@link Stage} order whatever order they ended in. Within the steps of the longest
     * chain, what does not depend on each other goes side by side too: the communes once their EPCI exists, the élus,
     * the roadmaps, each roadmap's projects (in its order), the assessments, each instance's séances (in their order),
     * the decisions awaited, each project's milestones (in their order), the
     * scenarios, the evaluation's self-assessments, the barometers, and in the budget's part the programmes, the lines, the votes and each line's engagements and
     * mandates (in its order). A failure stops the other parts at their next call, and this method returns only once
     * none is left running.
     */
    public DemoReport load() {
        long start = System.nanoTime();
        Map<Stage, DemoReport.Step> steps = new ConcurrentHashMap<>();
        try (ExecutorService parts = Executors.newVirtualThreadPerTaskExecutor()) {
            fetchTokens();
            step(steps, Stage.COLLECTIVITES, DemoTerritory.COLLECTIVITES.size(), this::registerCollectivites);
            step(steps, Stage.ELECTED_LEADS, DemoTerritory.TENANTS.size(), this::designateElectedLeads);
            step(steps, Stage.MUTUALISATIONS, 1, this::createMutualisation);
            CompletableFuture<Void> projects = part(parts, () -> {
                step(steps, Stage.ROADMAPS, DemoTerritory.ROADMAPS.size(), this::draftRoadmaps);
                step(steps, Stage.PROJECTS, (int) DemoTerritory.projects().count(), this::proposeProjects);
            });
            CompletableFuture<Void> instances = part(parts, () -> step(steps, Stage.INSTANCES,
                    DemoTerritory.INSTANCES.size(), this::createInstances));
            CompletableFuture<Void> evaluation = part(parts, () -> {
                step(steps, Stage.INDICATORS, DemoTerritory.INDICATORS.size(), this::defineIndicators);
                step(steps, Stage.MEASUREMENTS, (int) DemoTerritory.measurements().count(), this::recordMeasurements);
                step(steps, Stage.SELF_ASSESSMENTS, DemoTerritory.TENANTS.size(), this::declareSelfAssessments);
            });
            CompletableFuture<Void> sessions = after(parts, List.of(projects), () -> step(steps, Stage.ASSESSMENTS,
                    (int) DemoTerritory.projects().count(), this::assessProjects))
                    .thenCompose(assessed -> after(parts, List.of(instances), () -> step(steps, Stage.SESSIONS,
                            (int) DemoTerritory.sessions().count(), this::holdSessions)));
            CompletableFuture<Void> delivery = after(parts, List.of(sessions), () -> {
                step(steps, Stage.DECISIONS_APPLIED, decisionsToApply(), this::awaitDecisionsApplied);
                step(steps, Stage.PROJECTS_STARTED, (int) DemoTerritory.projects().filter(Project::started).count(),
                        this::startProjects);
                step(steps, Stage.MILESTONES, (int) DemoTerritory.milestones().count(), this::planMilestones);
                step(steps, Stage.SCENARIOS, DemoTerritory.ROADMAPS.size(), this::defineScenarios);
            });
            CompletableFuture<Void> budget = after(parts, List.of(projects), () -> {
                step(steps, Stage.PROGRAMMES, DemoTerritory.PROGRAMMES.size(), this::createProgrammes);
                step(steps, Stage.BUDGET_LINES, DemoTerritory.BUDGET_LINES.size(), this::openBudgetLines);
                step(steps, Stage.BP_VOTES, DemoTerritory.budgetOwners().size(), this::voteBudgets);
                step(steps, Stage.ENGAGEMENTS, (int) DemoTerritory.engagements().count(), this::recordEngagements);
                step(steps, Stage.MANDATES, (int) DemoTerritory.mandates().count(), this::recordMandates);
            }).thenCompose(mandated -> after(parts, List.of(sessions), () -> {
                step(steps, Stage.AP_REVISIONS, (int) DemoTerritory.PROGRAMMES.stream()
                        .filter(programme -> programme.revision() != null).count(), this::reviseProgrammes);
                step(steps, Stage.DELEGATIONS, DemoTerritory.TRANSFER_RATES.size(), this::delegateTransfers);
                step(steps, Stage.TRANSFERS, DemoTerritory.TRANSFERS.size(), this::transferCredits);
                step(steps, Stage.ALLOCATIONS, 1, this::allocateSharedCosts);
            }));
            awaitAll(List.of(projects, instances, evaluation, sessions, delivery, budget));
            step(steps, Stage.BAROMETER, DemoTerritory.TENANTS.size(), this::awaitBarometerProfiles);
        }
        DemoReport report = new DemoReport(new TreeMap<>(steps).values().stream().toList(), ids,
                Duration.ofNanos(System.nanoTime() - start));
        log.info("demo: loaded in {} s: {}", seconds(report.took()), report.summary());
        return report;
    }

    /** The names of the steps, in the order a complete report lists them. */
    public static final List<String> STEPS = java.util.Arrays.stream(Stage.values()).map(stage -> stage.label).toList();

    /** The steps, in the order the report lists them: an earlier one never depends on a later one. */
    private enum Stage {
        COLLECTIVITES("collectivités"), ELECTED_LEADS("élus au numérique"), MUTUALISATIONS("mutualisations"),
        ROADMAPS("roadmaps"), PROJECTS("projects"), ASSESSMENTS("assessments"), INSTANCES("governance instances"),
        SESSIONS("séances held and closed"), DECISIONS_APPLIED("decisions applied by portfolio"),
        PROJECTS_STARTED("projects under way"), MILESTONES("milestones"),
        SCENARIOS("what-if scenarios"), PROGRAMMES("programmes (AP/CP)"),
        BUDGET_LINES("budget lines"), BP_VOTES("BP votes"), ENGAGEMENTS("engagements"), MANDATES("mandates"),
        AP_REVISIONS("AP revisions"), DELEGATIONS("delegations of transfers"),
        TRANSFERS("transfers between chapters"), ALLOCATIONS("shared-cost allocations"), INDICATORS("indicators"),
        MEASUREMENTS("measurements"), SELF_ASSESSMENTS("self-assessments"), BAROMETER("barometer profiles");

        private final String label;

        Stage(String label) {
            this.label = label;
        }
    }

    /**
     * The token of every client the load acts as, side by side before its first call: fetched on the way, the élus'
     * and the agents' came one step after another, each on the path of that step's first call. {@link #load} calls
     * it; called ahead (while the apps start), the load finds them fetched.
     */
    public void fetchTokens() {
        List<String> clients = new ArrayList<>(List.of(PLATFORM_ADMIN.clientId(),
                DemoTerritory.DSI_SIG.administrator().clientId()));
        DemoTerritory.TENANTS.forEach(tenant -> clients.addAll(List.of(tenant.eluClientId(), tenant.agentClientId())));
        sideBySide(clients.stream().distinct().toList(), this::token);
    }

    private CompletableFuture<Void> part(ExecutorService parts, Runnable body) {
        return CompletableFuture.runAsync(() -> {
            try {
                body.run();
            } catch (RuntimeException | Error e) {
                // The first failure is the one to report; what it made the other parts abandon is not.
                if (!(e instanceof Abandoned)) {
                    failure.compareAndSet(null, e);
                }
                throw e;
            }
        }, parts);
    }

    /** {@code body} once every one of {@code before} is done (not run when one of them failed). */
    private CompletableFuture<Void> after(ExecutorService parts, List<CompletableFuture<Void>> before, Runnable body) {
        return CompletableFuture.allOf(before.toArray(CompletableFuture[]::new))
                .thenCompose(done -> part(parts, body));
    }

    /** Waits until every part has ended, then throws the first failure if there was one. */
    private void awaitAll(List<CompletableFuture<Void>> all) {
        for (CompletableFuture<Void> part : all) {
            try {
                part.join();
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                // every part ends (done, failed, or abandoned at its next call): the first failure is thrown below
            }
        }
        Throwable first = failure.get();
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (first instanceof Error error) {
            throw error;
        }
    }

    /** Thrown by a part's next call once another part failed. */
    private static final class Abandoned extends DemoLoadException {
        Abandoned() {
            super("demo: abandoned, another step failed");
        }
    }

    // ---------------------------------------------------------------------------------------------- governance

    /** The EPCIs first, then their communes, each group side by side. */
    private void registerCollectivites(Counter counter) {
        sideBySide(DemoTerritory.COLLECTIVITES.stream().filter(c -> c.epciSiren() == null).toList(),
                collectivite -> registerCollectivite(collectivite, counter));
        sideBySide(DemoTerritory.COLLECTIVITES.stream().filter(c -> c.epciSiren() != null).toList(),
                collectivite -> registerCollectivite(collectivite, counter));
    }

    private void registerCollectivite(Collectivite collectivite, Counter counter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("siren", collectivite.siren());
        body.put("name", collectivite.name());
        body.put("kind", collectivite.kind());
        body.put("population", collectivite.population());
        body.put("epciSiren", collectivite.epciSiren());
        body.put("siret", collectivite.siret());
        // Governance's first writes meet a cold service: one may outlive the gateway's time-out (503) and be
        // committed all the same; its retry carries the same Idempotency-Key and answers as its replay.
        post(PLATFORM_ADMIN, "/api/governance/collectivites", body, collectivite.name());
        counter.add();
    }

    /** Each collectivité's élu designates its élu au numérique. */
    private void designateElectedLeads(Counter counter) {
        sideBySide(DemoTerritory.TENANTS, tenant -> {
            call("PUT", new Actor(tenant.eluClientId(), tenant.siren()),
                    "/api/governance/collectivites/" + tenant.siren() + "/elected-lead",
                    Map.of("name", tenant.electedLead()), "the élu au numérique of " + tenant.label(), NEVER_RETRY);
            counter.add();
        });
    }

    private void createMutualisation(Counter counter) {
        DemoTerritory.Mutualisation mutualisation = DemoTerritory.DSI_SIG;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", mutualisation.name());
        body.put("epciSiren", mutualisation.epciSiren());
        body.put("memberSirens", mutualisation.memberSirens());
        body.put("allocationKey", Map.of("method", mutualisation.allocationMethod()));
        ids.put(DemoTerritory.MUTUALISATION, id(post(mutualisation.administrator(), "/api/governance/mutualisations",
                body, mutualisation.name())));
        counter.add();
    }

    /** One after the other: off the longest chain (beside the roadmaps and projects), nothing is gained side by side. */
    private void createInstances(Counter counter) {
        for (Instance instance : DemoTerritory.INSTANCES) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", instance.name());
            body.put("kind", instance.kind());
            body.put("mutualisationId", mutualisationIdIfShared(instance.owner()));
            body.put("cadence", instance.cadence());
            List<Map<String, Object>> members = new ArrayList<>();
            for (Member member : instance.members()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("personId", member.personId());
                entry.put("name", member.name());
                entry.put("role", member.role());
                entry.put("collectiviteSiren", member.collectiviteSiren());
                entry.put("voting", member.voting());
                entry.put("chair", member.chair());
                members.add(entry);
            }
            body.put("members", members);
            ids.put(instance.key(), id(postOnceKnown(DemoTerritory.writer(instance.owner()),
                    "/api/governance/instances", body, instance.name())));
            counter.add();
        }
    }

    /** Convenes each séance, records who came and the votes, then closes it: closing publishes the decisions. */
    private void holdSessions(Counter counter) {
        AtomicInteger decisions = new AtomicInteger();
        // Each instance's séances in their order (a deferred item comes back at the next one), the instances side
        // by side: their agendas name different roadmaps and projects.
        sideBySide(DemoTerritory.INSTANCES, instance -> {
            Actor actor = DemoTerritory.writer(instance.owner());
            for (Session session : instance.sessions()) {
                String what = instance.name() + " of " + session.scheduledAt().toLocalDate();
                List<Map<String, Object>> agenda = new ArrayList<>();
                for (Item item : session.agenda()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("kind", item.kind());
                    entry.put("title", item.title());
                    entry.put("subjectId", item.subjectKey() == null ? null : idOf(item.subjectKey()));
                    agenda.add(entry);
                }
                JsonNode scheduled = post(actor, "/api/governance/instances/" + ids.get(instance.key()) + "/sessions",
                        Map.of("scheduledAt", session.scheduledAt().toString(), "agenda", agenda), what);
                String sessionId = id(scheduled);
                JsonNode agendaItemIds = scheduled.get("agendaItemIds");
                call("PUT", actor, "/api/governance/sessions/" + sessionId + "/attendance",
                        Map.of("present", session.present()), "attendance at " + what, NEVER_RETRY);
                // The votes one after the other: they are writes on one instance, which governance takes one at a
                // time; side by side they only queue there, the last outliving the gateway's time-out.
                for (int index = 0; index < session.agenda().size(); index++) {
                    Item item = session.agenda().get(index);
                    if (item.vote() == null) {
                        continue;
                    }
                    Map<String, Object> vote = new LinkedHashMap<>();
                    vote.put("agendaItemId", agendaItemIds.get(index).asString());
                    vote.put("votesFor", item.vote().votesFor());
                    vote.put("votesAgainst", item.vote().votesAgainst());
                    vote.put("abstentions", item.vote().abstentions());
                    vote.put("deferred", item.vote().deferred());
                    JsonNode decision = post(actor, "/api/governance/sessions/" + sessionId + "/decisions", vote,
                            item.title());
                    decisionIds.put(item.title(), id(decision));
                    String outcome = decision.path("outcome").asString();
                    if (!outcome.equals(item.vote().outcome())) {
                        throw new DemoLoadException("demo: " + item.title() + " at " + what + " was decided " + outcome
                                + ", the demo expects " + item.vote().outcome());
                    }
                    decisions.incrementAndGet();
                }
                call("POST", actor, "/api/governance/sessions/" + sessionId + "/close", Map.of(), "closing " + what,
                        NEVER_RETRY);
                counter.add();
            }
        });
        counter.detail(decisions.get() + " decisions");
    }

    // ---------------------------------------------------------------------------------------------- portfolio

    /**
     * The first roadmap alone, portfolio's first write (its cold path: JIT, first unit of work, first Kafka send), then
     * the others side by side: cold calls at once on a busy machine outlast the gateway's time limit together.
     */
    private void draftRoadmaps(Counter counter) {
        firstAloneThenSideBySide(DemoTerritory.ROADMAPS, roadmap -> draftRoadmap(roadmap, counter));
    }

    private void draftRoadmap(Roadmap roadmap, Counter counter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", roadmap.title());
        body.put("startYear", roadmap.startYear());
        body.put("endYear", roadmap.endYear());
        body.put("axes", roadmap.axes());
        body.put("mutualisationId", mutualisationIdIfShared(roadmap.owner()));
        ids.put(roadmap.key(), id(postOnceKnown(DemoTerritory.writer(roadmap.owner()), "/api/portfolio/roadmaps",
                body, roadmap.title())));
        counter.add();
    }

    /** The roadmaps side by side, each one's projects in their order (the order its lists show). */
    private void proposeProjects(Counter counter) {
        sideBySide(DemoTerritory.ROADMAPS, roadmap -> {
            for (Project project : roadmap.projects()) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("roadmapId", ids.get(roadmap.key()));
                body.put("title", project.title());
                body.put("description", project.description());
                body.put("axis", project.axis());
                body.put("theme", project.theme());
                body.put("sponsor", project.sponsor());
                body.put("manager", project.manager());
                body.put("plannedStart", project.plannedStart().toString());
                body.put("plannedEnd", project.plannedEnd().toString());
                body.put("estimatedInvestmentCents", project.estimatedInvestmentCents());
                body.put("estimatedOperatingCents", project.estimatedOperatingCents());
                if (!project.participantSirens().isEmpty()) {
                    body.put("participantSirens", project.participantSirens());
                }
                ids.put(project.key(), id(post(DemoTerritory.writer(roadmap.owner()), "/api/portfolio/projects", body,
                        project.title())));
                counter.add();
            }
        });
    }

    private void assessProjects(Counter counter) {
        forEachProjectSideBySide((roadmap, project) -> {
            DemoTerritory.Scores scores = project.assessment();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("strategicAlignment", scores.strategicAlignment());
            body.put("userValue", scores.userValue());
            body.put("agentValue", scores.agentValue());
            body.put("legalObligation", scores.legalObligation());
            body.put("feasibility", scores.feasibility());
            body.put("risk", scores.risk());
            post(DemoTerritory.writer(roadmap.owner()), "/api/portfolio/projects/" + ids.get(project.key())
                    + "/assessment", body, "the assessment of " + project.title());
            counter.add();
        });
    }

    private static int decisionsToApply() {
        return DemoTerritory.ROADMAPS.size()
                + (int) DemoTerritory.projects().filter(project -> !project.finalStatus().equals("ASSESSED")).count();
    }

    /**
     * Portfolio adopts roadmaps and approves projects when it consumes the published decisions: each awaited on its
     * own thread, so that the step lasts as long as the last decision takes to be applied, not the sum of the polls.
     */
    private void awaitDecisionsApplied(Counter counter) {
        List<Runnable> awaits = new ArrayList<>();
        for (Roadmap roadmap : DemoTerritory.ROADMAPS) {
            Actor actor = DemoTerritory.writer(roadmap.owner());
            awaits.add(() -> awaitStatus(actor, "/api/portfolio/roadmaps/" + ids.get(roadmap.key()), "ADOPTED",
                    roadmap.title()));
            roadmap.projects().stream().filter(project -> !project.finalStatus().equals("ASSESSED"))
                    .forEach(project -> awaits.add(() -> awaitStatus(actor, "/api/portfolio/projects/"
                            + ids.get(project.key()), "APPROVED", project.title())));
        }
        sideBySide(awaits, await -> {
            await.run();
            counter.add();
        });
    }

    /**
     * One what-if scenario per roadmap, so that the roadmap's page shows one at first sign-in: it keeps the projects
     * still only assessed (those approved or under way always count), against the budget's open credits.
     */
    private void defineScenarios(Counter counter) {
        sideBySide(DemoTerritory.ROADMAPS, roadmap -> {
            List<String> assessed = roadmap.projects().stream()
                    .filter(project -> project.finalStatus().equals("ASSESSED"))
                    .map(project -> ids.get(project.key()))
                    .toList();
            post(DemoTerritory.writer(roadmap.owner()), "/api/portfolio/roadmaps/" + ids.get(roadmap.key())
                    + "/scenarios", Map.of("name", "Tous les projets évalués", "projectIds", assessed),
                    "a scenario of " + roadmap.title());
            counter.add();
        });
    }

    private void startProjects(Counter counter) {
        forEachProjectSideBySide((roadmap, project) -> {
            if (project.started()) {
                post(DemoTerritory.writer(roadmap.owner()), "/api/portfolio/projects/" + ids.get(project.key())
                        + "/start", Map.of("reason", "Décision de lancement"), "starting " + project.title());
                counter.add();
            }
        });
    }

    /**
     * Plans and reaches milestones, then delivers the projects done: a delivered project keeps its milestones. Each
     * project's in their order, the projects side by side (a project's milestones are its own, listed by date).
     */
    private void planMilestones(Counter counter) {
        AtomicInteger reached = new AtomicInteger();
        forEachProjectSideBySide((roadmap, project) -> {
            Actor actor = DemoTerritory.writer(roadmap.owner());
            String path = "/api/portfolio/projects/" + ids.get(project.key());
            for (Milestone milestone : project.milestones()) {
                String milestoneId = id(post(actor, path + "/milestones", Map.of("title", milestone.title(),
                        "plannedDate", milestone.plannedDate().toString()), milestone.title()));
                counter.add();
                if (milestone.reachedOn() != null) {
                    post(actor, path + "/milestones/" + milestoneId + "/reach",
                            Map.of("actualDate", milestone.reachedOn().toString()), "reaching " + milestone.title());
                    reached.incrementAndGet();
                }
            }
            if (project.finalStatus().equals("DELIVERED")) {
                post(actor, path + "/deliver", Map.of("reason", "Recette prononcée"), "delivering " + project.title());
            }
        });
        counter.detail(reached.get() + " reached");
    }

    // ---------------------------------------------------------------------------------------------- budget

    /** The first alone (a cold budget-service's first write), then the others side by side. */
    private void createProgrammes(Counter counter) {
        firstAloneThenSideBySide(DemoTerritory.PROGRAMMES, programme -> createProgramme(programme, counter));
    }

    private void createProgramme(Programme programme, Counter counter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("label", programme.label());
        body.put("chapter", programme.chapter());
        body.put("projectId", programme.projectKey() == null ? null : idOf(programme.projectKey()));
        body.put("amountCents", programme.amountCents());
        body.put("schedule", schedule(programme.schedule()));
        ids.put(programme.key(), id(post(DemoTerritory.writer(programme.owner()), "/api/budget/programmes", body,
                programme.label())));
        counter.add();
    }

    /** The lines side by side: each names only its programme and project, created before. */
    private void openBudgetLines(Counter counter) {
        sideBySide(DemoTerritory.BUDGET_LINES, line -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("fiscalYear", DemoTerritory.FISCAL_YEAR);
            body.put("section", line.section());
            body.put("chapter", line.chapter());
            body.put("label", line.label());
            body.put("projectId", line.projectKey() == null ? null : idOf(line.projectKey()));
            body.put("mutualisationId", mutualisationIdIfShared(line.owner()));
            body.put("plannedCents", line.plannedCents());
            body.put("programmeId", line.programmeKey() == null ? null : idOf(line.programmeKey()));
            ids.put(line.key(), id(postOnceKnown(DemoTerritory.writer(line.owner()), "/api/budget/lines", body,
                    line.label())));
            counter.add();
        });
    }

    /** One BP per tenant and one for the service commun, voting the credits of all their lines at once. */
    private void voteBudgets(Counter counter) {
        sideBySide(DemoTerritory.budgetOwners(), owner -> {
            List<Map<String, Object>> lines = DemoTerritory.BUDGET_LINES.stream()
                    .filter(line -> line.owner().equals(owner))
                    .map(line -> Map.<String, Object>of("lineId", ids.get(line.key()), "creditsCents", line.votedCents()))
                    .toList();
            post(DemoTerritory.writer(owner), "/api/budget/votes", Map.of("fiscalYear", DemoTerritory.FISCAL_YEAR,
                    "stage", "BP", "lines", lines), "the BP " + DemoTerritory.FISCAL_YEAR + " of " + owner);
            counter.add();
        });
    }

    /** Each line's engagements in their order (they draw on its credits), the lines side by side. */
    private void recordEngagements(Counter counter) {
        sideBySide(DemoTerritory.BUDGET_LINES, line -> {
            for (Engagement engagement : line.engagements()) {
                engagementIds.put(engagement, id(post(DemoTerritory.writer(line.owner()),
                        "/api/budget/lines/" + ids.get(line.key()) + "/engagements", spending(engagement.amountCents(),
                                engagement.reference(), engagement.date().toString()), engagement.reference())));
                counter.add();
            }
        });
    }

    /** Each line's mandates in their order, the lines side by side. */
    private void recordMandates(Counter counter) {
        sideBySide(DemoTerritory.BUDGET_LINES, line -> {
            for (Engagement engagement : line.engagements()) {
                for (Mandate mandate : engagement.mandates()) {
                    post(DemoTerritory.writer(line.owner()), "/api/budget/engagements/" + engagementIds.get(engagement)
                                    + "/mandates", spending(mandate.amountCents(), mandate.reference(),
                                    mandate.date().toString()), mandate.reference());
                    counter.add();
                }
            }
        });
    }

    /** Revises APs once their year's mandates are recorded: a CP cannot fall below what was mandated. */
    private void reviseProgrammes(Counter counter) {
        for (Programme programme : DemoTerritory.PROGRAMMES) {
            DemoTerritory.Revision revision = programme.revision();
            if (revision == null) {
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("amountCents", revision.amountCents());
            body.put("schedule", schedule(revision.schedule()));
            body.put("reason", revision.reason());
            body.put("decisionId", decisionIds.get(revision.decisionTitle()));
            post(DemoTerritory.writer(programme.owner()), "/api/budget/programmes/" + ids.get(programme.key())
                    + "/revisions", body, "the revision of " + programme.label());
            counter.add();
        }
    }

    /** The assembly's délibération of each owner's rates; the mutualisation's budget is named in the query. */
    private void delegateTransfers(Counter counter) {
        for (TransferRates rates : DemoTerritory.TRANSFER_RATES) {
            String shared = mutualisationIdIfShared(rates.owner());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("investmentPercent", rates.investmentPercent());
            body.put("operatingPercent", rates.operatingPercent());
            body.put("deliberation", rates.deliberation());
            call("PUT", DemoTerritory.writer(rates.owner()), "/api/budget/transfer-rates/" + DemoTerritory.FISCAL_YEAR
                    + (shared == null ? "" : "?mutualisationId=" + shared), body, rates.deliberation(), NEVER_RETRY);
            counter.add();
        }
    }

    /** Once the lines' engagements are recorded: a transfer only moves credits its source has not engaged. */
    private void transferCredits(Counter counter) {
        for (Transfer transfer : DemoTerritory.TRANSFERS) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("fromLineId", idOf(transfer.fromLineKey()));
            body.put("toLineId", idOf(transfer.toLineKey()));
            body.put("amountCents", transfer.amountCents());
            body.put("reason", transfer.reason());
            body.put("date", transfer.date().toString());
            post(DemoTerritory.writer(DemoTerritory.budgetLine(transfer.fromLineKey()).owner()), "/api/budget/transfers",
                    body, transfer.reason());
            counter.add();
        }
    }

    private static List<Map<String, Object>> schedule(List<DemoTerritory.Cp> schedule) {
        return schedule.stream().map(cp -> Map.<String, Object>of("year", cp.year(), "amountCents", cp.amountCents()))
                .toList();
    }

    private void allocateSharedCosts(Counter counter) {
        JsonNode split = postOnceKnown(DemoTerritory.DSI_SIG.administrator(), "/api/budget/mutualisations/"
                        + ids.get(DemoTerritory.MUTUALISATION) + "/allocations",
                Map.of("fiscalYear", DemoTerritory.SHARED_COSTS.fiscalYear(),
                        "costCents", DemoTerritory.SHARED_COSTS.costCents()), "the shared costs of "
                        + DemoTerritory.DSI_SIG.name());
        List<String> shares = new ArrayList<>();
        split.path("allocations").forEach(share -> shares.add(share.path("siren").asString() + " "
                + share.path("amountCents").asLong()));
        counter.add();
        counter.detail(String.join(", ", shares));
    }

    private static Map<String, Object> spending(long amountCents, String reference, String date) {
        return Map.of("amountCents", amountCents, "reference", reference, "date", date);
    }

    // ---------------------------------------------------------------------------------------------- evaluation

    /** One after the other, like the measurements: the evaluation's part ends long before the longest chain. */
    private void defineIndicators(Counter counter) {
        for (Indicator indicator : DemoTerritory.INDICATORS) {
            Actor actor = DemoTerritory.writer(indicator.owner());
            boolean shared = indicator.owner().equals(DemoTerritory.MUTUALISATION);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("scopeKind", shared ? "MUTUALISATION" : "TENANT");
            body.put("scopeId", shared ? ids.get(DemoTerritory.MUTUALISATION) : indicator.owner());
            body.put("name", indicator.name());
            body.put("unit", indicator.unit());
            body.put("baselineValue", indicator.baselineValue());
            body.put("baselineDate", indicator.baselineDate().toString());
            body.put("targetValue", indicator.targetValue());
            body.put("targetDate", indicator.targetDate().toString());
            body.put("direction", indicator.direction());
            body.put("frequency", indicator.frequency());
            // Evaluation answers 404 naming scopeId for a mutualisation it has not heard of yet.
            JsonNode created = shared
                    ? postWhile(actor, "/api/evaluation/indicators", body, indicator.name(), UNKNOWN_SCOPE)
                    : post(actor, "/api/evaluation/indicators", body, indicator.name());
            indicatorIds.put(indicator, id(created));
            counter.add();
        }
    }

    private void recordMeasurements(Counter counter) {
        for (Indicator indicator : DemoTerritory.INDICATORS) {
            for (Measurement measurement : indicator.measurements()) {
                post(DemoTerritory.writer(indicator.owner()), "/api/evaluation/indicators/"
                        + indicatorIds.get(indicator) + "/measurements", Map.of("date", measurement.date().toString(),
                        "value", measurement.value(), "source", measurement.source()), indicator.name());
                counter.add();
            }
        }
    }

    private void declareSelfAssessments(Counter counter) {
        sideBySide(DemoTerritory.TENANTS, tenant -> {
            call("PUT", DemoTerritory.writer(tenant.siren()), "/api/evaluation/self-assessment",
                    Map.of("roles", tenant.selfAssessment().roles(),
                            "communication", tenant.selfAssessment().communication()),
                    "the self-assessment of " + tenant.label(), NEVER_RETRY);
            counter.add();
        });
    }

    /** The barometer is computed from every context's events: wait until each tenant shows the profile its data gives. */
    private void awaitBarometerProfiles(Counter counter) {
        Map<Tenant, String> profiles = new ConcurrentHashMap<>();
        sideBySide(DemoTerritory.TENANTS, tenant -> {
            JsonNode barometer = await(DemoTerritory.writer(tenant.siren()), "/api/evaluation/barometer",
                    "the barometer of " + tenant.label() + " to show " + tenant.expectedProfile(),
                    answer -> answer.path("profile").asString().equals(tenant.expectedProfile()));
            String nearest = barometer.path("nearestProfile").asString("");
            profiles.put(tenant, tenant.label() + " " + tenant.expectedProfile() + (nearest.isEmpty() ? ""
                    : " (nearest " + nearest + ")"));
            counter.add();
        });
        counter.detail(String.join(", ", DemoTerritory.TENANTS.stream().map(profiles::get).toList()));
    }

    // ---------------------------------------------------------------------------------------------- steps

    /** The body of one step: its calls, counting what they loaded. */
    private interface StepBody {
        void run(Counter counter);
    }

    /** Counts what a step loaded, and an optional detail for its report line. */
    private static final class Counter {
        private final AtomicInteger loaded = new AtomicInteger();
        private volatile String detail;

        void add() {
            loaded.incrementAndGet();
        }

        void detail(String text) {
            detail = text;
        }
    }

    private void step(Map<Stage, DemoReport.Step> steps, Stage stage, int total, StepBody body) {
        long start = System.nanoTime();
        Counter counter = new Counter();
        body.run(counter);
        DemoReport.Step step = new DemoReport.Step(stage.label, counter.loaded.get(), total, counter.detail,
                Duration.ofNanos(System.nanoTime() - start));
        if (!step.complete()) {
            throw new DemoLoadException("demo: step " + stage.label + " loaded " + counter.loaded.get() + " of "
                    + total);
        }
        log.info("demo: {}", step);
        steps.put(stage, step);
    }

    /**
     * Every project on its own thread: each is its own aggregate, its assessment and its start touch no other (in
     * their roadmap's order, Valmont's seven were the longest run of calls before the séances).
     */
    private void forEachProjectSideBySide(ProjectAction action) {
        sideBySide(DemoTerritory.ROADMAPS.stream().flatMap(roadmap -> roadmap.projects().stream()
                .map(project -> Map.entry(roadmap, project))).toList(),
                entry -> action.apply(entry.getKey(), entry.getValue()));
    }

    /**
     * {@code action} for each of {@code items} on its own thread (their calls are independent), returning once every
     * one has ended: then the first failure, in {@code items}' order, is thrown. The HTTP round trips, not the
     * machine's cores, are what a sequential load waits on.
     */
    private static <T> void sideBySide(List<T> items, Consumer<T> action) {
        List<Future<?>> running = new ArrayList<>();
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            items.forEach(item -> running.add(calls.submit(() -> action.accept(item))));
        }
        for (Future<?> call : running) {
            try {
                call.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new DemoLoadException("demo: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoLoadException("demo: interrupted", e);
            }
        }
    }

    /** A service's first write alone (its cold path), then the others side by side. */
    private static <T> void firstAloneThenSideBySide(List<T> items, Consumer<T> action) {
        sideBySide(items.subList(0, 1), action);
        sideBySide(items.subList(1, items.size()), action);
    }

    private interface ProjectAction {
        void apply(Roadmap roadmap, Project project);
    }

    // ---------------------------------------------------------------------------------------------- HTTP

    private static final BiPredicate<Integer, String> NEVER_RETRY = (status, body) -> false;
    /** A service answers 404 for a mutualisation its copy of governance's directory does not hold yet. */
    private static final BiPredicate<Integer, String> UNKNOWN_MUTUALISATION = (status, body) -> status == 404;
    private static final BiPredicate<Integer, String> UNKNOWN_SCOPE =
            (status, body) -> status == 404 && body.contains("\"scopeId\"");

    private JsonNode post(Actor actor, String path, Object body, String what) {
        return call("POST", actor, path, body, what, NEVER_RETRY);
    }

    /** A POST about the mutualisation: retried while the service has not yet heard of it. */
    private JsonNode postOnceKnown(Actor actor, String path, Map<String, Object> body, String what) {
        boolean shared = body.get("mutualisationId") != null || path.contains("/mutualisations/");
        return call("POST", actor, path, body, what, shared ? UNKNOWN_MUTUALISATION : NEVER_RETRY);
    }

    private JsonNode postWhile(Actor actor, String path, Object body, String what,
                               BiPredicate<Integer, String> notYet) {
        return call("POST", actor, path, body, what, notYet);
    }

    /**
     * Sends a write; anything but 2xx fails the load with the status and the problem body, except an answer
     * {@code notYet} recognises as "not propagated yet", retried until {@link #asyncBound}.
     */
    private JsonNode call(String method, Actor actor, String path, Object body, String what,
                          BiPredicate<Integer, String> notYet) {
        long deadline = System.nanoTime() + asyncBound.toNanos();
        // One key for every attempt of this write: a POST the gateway answered 503 after relaying it (its 10 s
        // time-out) may have been committed, and the services' creations (service-kit's Creations) answer its
        // retry with what it created instead of creating it twice. PUTs are idempotent without it.
        String idempotencyKey = method.equals("POST") ? UUID.randomUUID().toString() : null;
        for (int round = 0; ; round++) {
            HttpResponse<String> response = send(method, actor, path, body, what, idempotencyKey);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                String text = response.body();
                return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            }
            if (!notYet.test(status, response.body()) || System.nanoTime() > deadline) {
                throw refused(method, actor, path, what, response);
            }
            pause(round);
        }
    }

    private static DemoLoadException refused(String method, Actor actor, String path, String what,
                                             HttpResponse<String> response) {
        return new DemoLoadException("demo: " + method + " " + path + " for " + what + " (tenant " + actor.tenant()
                + ", client " + actor.clientId() + ") answered " + response.statusCode() + ": " + response.body());
    }

    /** Polls a GET until {@code done} holds for its answer, at most {@link #asyncBound}. */
    private JsonNode await(Actor actor, String path, String what, Function<JsonNode, Boolean> done) {
        long deadline = System.nanoTime() + asyncBound.toNanos();
        String last;
        for (int round = 0; ; round++) {
            HttpResponse<String> response = send("GET", actor, path, null, what, null);
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200) {
                JsonNode answer = JSON.readTree(response.body());
                if (done.apply(answer)) {
                    return answer;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new DemoLoadException("demo: timed out after " + asyncBound.toSeconds() + " s waiting for "
                        + what + " (GET " + path + ", tenant " + actor.tenant() + "); last answer: " + abbreviate(last));
            }
            pause(round);
        }
    }

    private void awaitStatus(Actor actor, String path, String status, String what) {
        await(actor, path, what + " to be " + status, answer -> answer.path("status").asString().equals(status));
    }

    private HttpResponse<String> send(String method, Actor actor, String path, Object body, String what, String idempotencyKey) {
        if (failure.get() != null) {
            throw new Abandoned();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(callTimeout)
                .header("Authorization", "Bearer " + token(actor.clientId()))
                .header(HttpContract.TENANT_HEADER, actor.tenant())
                .header("Accept", "application/json, application/problem+json");
        if (idempotencyKey != null) {
            request.header(HttpContract.IDEMPOTENCY_KEY_HEADER, idempotencyKey);
        }
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        // A service that just turned ready may still be opening its routes, and the gateway's circuit breaker, once
        // open, refuses calls for 10 s: retry 502/503 for a little longer than that (1 + 2 + 3 + 4 + 5 + 5 s).
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if ((response.statusCode() == 502 || response.statusCode() == 503) && attempt < 7) {
                    Thread.sleep(1000L * Math.min(attempt, 5));
                    continue;
                }
                return response;
            } catch (HttpTimeoutException e) {
                // On a saturated machine the first calls meet cold JVMs: the gateway itself may not answer within the
                // time-out (seen at load 57: the first collectivité's). Asked again like a 503, with the same key.
                if (attempt >= CALL_TIMEOUTS_AT_MOST) {
                    throw new DemoLoadException("demo: " + method + " " + path + " for " + what + " failed: " + e, e);
                }
            } catch (IOException e) {
                throw new DemoLoadException("demo: " + method + " " + path + " for " + what + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoLoadException("demo: interrupted", e);
            }
        }
    }

    /** The wait after the {@code round}th (from 0) answer that the effect is not there yet. */
    static Duration pollInterval(int round) {
        long millis = POLL_INTERVAL_AT_FIRST.toMillis() << Math.min(round, 10);
        return Duration.ofMillis(Math.min(millis, POLL_INTERVAL_AT_MOST.toMillis()));
    }

    private static void pause(int round) {
        try {
            Thread.sleep(pollInterval(round));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoLoadException("demo: interrupted", e);
        }
    }

    private String token(String clientId) {
        return tokens.computeIfAbsent(clientId, id -> tokenSource.apply(id, DemoClients.SECRET));
    }

    private String mutualisationIdIfShared(String owner) {
        return owner.equals(DemoTerritory.MUTUALISATION) ? ids.get(DemoTerritory.MUTUALISATION) : null;
    }

    private String idOf(String key) {
        String id = ids.get(key);
        if (id == null) {
            throw new IllegalStateException("demo: " + key + " is not loaded yet");
        }
        return id;
    }

    private static String id(JsonNode created) {
        JsonNode id = created.get("id");
        if (id == null || id.isNull()) {
            throw new DemoLoadException("demo: a create answered without an id: " + created);
        }
        return id.asString();
    }

    private static String abbreviate(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }
}
