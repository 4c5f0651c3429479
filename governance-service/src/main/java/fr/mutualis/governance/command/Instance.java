package fr.mutualis.governance.command;

import fr.mutualis.governance.messages.ArbitratedAmount;
import fr.mutualis.governance.messages.AttendanceRecorded;
import fr.mutualis.governance.messages.ChairVote;
import fr.mutualis.governance.messages.CloseSession;
import fr.mutualis.governance.messages.DecisionPublished;
import fr.mutualis.governance.messages.DecisionRecorded;
import fr.mutualis.governance.messages.DecisionTaken;
import fr.mutualis.governance.messages.Outcome;
import fr.mutualis.governance.messages.RecordAttendance;
import fr.mutualis.governance.messages.RecordDecision;
import fr.mutualis.governance.messages.SessionClosed;
import fr.mutualis.governance.messages.SessionScheduled;
import fr.mutualis.governance.messages.AgendaItem;
import fr.mutualis.governance.messages.CreateInstance;
import fr.mutualis.governance.messages.InstanceCreated;
import fr.mutualis.governance.messages.InstanceKind;
import fr.mutualis.governance.messages.InstanceMember;
import fr.mutualis.governance.messages.MutualisationScopes;
import fr.mutualis.governance.messages.ScheduleSession;
import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.InvalidInputException;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.error.StateConflictException;
import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.kit.time.PlausibleDates;
import fr.mutualis.kit.time.FrenchTime;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A governance instance and its séances. The séances live inside the instance because their rules depend on it:
 * who votes, who chairs, which quorum applies, and whether an earlier séance lacked quorum.
 */
@Aggregate
class Instance {

    /** Default quorum of the steering instances: more than half of the voting members. */
    static final BigDecimal DEFAULT_QUORUM = new BigDecimal("0.5");
    /** A séance re-convened for lack of quorum sits at least three days after the one that lacked it. */
    static final Duration RECONVENING_DELAY = Duration.ofDays(3);

    @AggregateIdentifier
    private UUID instanceId;
    private Owner ownerId;
    private String administeringSiren;
    private String name;
    private InstanceKind kind;
    private BigDecimal quorum;
    private Map<String, InstanceMember> members;
    private Map<UUID, Session> sessions;

    protected Instance() {
    }

    @CommandHandler
    public Instance(CreateInstance command, MutualisationScopes mutualisations) {
        List<InstanceMember> memberList = command.members();
        if (memberList.isEmpty()) {
            throw new InvalidInputException("members", "an instance has at least one member", "no-instance-member");
        }
        Set<String> personIds = new HashSet<>();
        for (InstanceMember member : memberList) {
            if (!personIds.add(member.personId())) {
                throw new InvalidInputException("members", "person " + member.personId() + " is listed twice",
                        "person-twice", Map.of("personId", member.personId()));
            }
        }
        long chairs = memberList.stream().filter(InstanceMember::chair).count();
        if (chairs != 1) {
            throw new BusinessRuleViolationException("instance-one-chair",
                    "An instance has exactly one chair; " + chairs + " given", Map.of("chairs", chairs));
        }
        if (memberList.stream().anyMatch(member -> member.chair() && !member.voting())) {
            throw new BusinessRuleViolationException("instance-chair-votes",
                    "The chair must be a voting member: the chair's vote decides a tie");
        }
        BigDecimal quorum = command.quorum();
        if (command.kind().isDeliberative() && quorum != null) {
            throw new BusinessRuleViolationException("assembly-legal-quorum",
                    "The quorum of a deliberative assembly is set by law (more than half of the sitting members)");
        }
        if (quorum != null && (quorum.signum() < 0 || quorum.compareTo(BigDecimal.ONE) >= 0)) {
            throw new InvalidInputException("quorum", "quorum is a fraction from 0 (inclusive) to 1 (exclusive)",
                    "quorum-range");
        }
        Owner ownerId = command.caller().tenant();
        String administeringSiren = command.caller().tenantId();
        Set<String> allowedSirens = Set.of(administeringSiren);
        if (command.mutualisationId() != null) {
            var scope = mutualisations.find(command.mutualisationId())
                    .filter(found -> found.epciSiren().equals(administeringSiren))
                    .orElseThrow(() -> new NotFoundException("Mutualisation", command.mutualisationId()));
            ownerId = Owner.mutualisation(scope.mutualisationId());
            allowedSirens = new HashSet<>(scope.memberSirens());
            allowedSirens.add(scope.epciSiren());
        }
        for (InstanceMember member : memberList) {
            if (!allowedSirens.contains(member.collectiviteSiren())) {
                throw new BusinessRuleViolationException("instance-member-scope",
                        member.name() + " sits for " + member.collectiviteSiren()
                                + ", which is outside the instance's scope",
                        Map.of("personId", member.personId(), "collectiviteSiren", member.collectiviteSiren()));
            }
        }
        apply(new InstanceCreated(command.instanceId(), ownerId, command.mutualisationId(), administeringSiren,
                command.name(), command.kind(), command.cadence(),
                command.kind().isDeliberative() ? null : Objects.requireNonNullElse(quorum, DEFAULT_QUORUM),
                List.copyOf(memberList)));
    }

    @CommandHandler
    public long handle(ScheduleSession command) {
        manageableBy(command.caller().tenantId());
        if (command.agenda().isEmpty()) {
            throw new InvalidInputException("agenda", "a séance has at least one agenda item", "no-agenda-item");
        }
        for (int i = 0; i < command.agenda().size(); i++) {
            AgendaItem item = command.agenda().get(i);
            if (item.kind().needsSubject() && (item.subjectId() == null || item.subjectId().isBlank())) {
                throw new InvalidInputException("agenda.subjectId", item.kind() + " items name their subject",
                        "subject-required", Map.of("kind", item.kind()));
            }
            // One amount per budget line or project: a second one would be added to the first wherever it is applied.
            List<ArbitratedAmount> amounts = item.amounts() == null ? List.of() : item.amounts();
            Set<UUID> arbitrated = new HashSet<>();
            for (int j = 0; j < amounts.size(); j++) {
                ArbitratedAmount amount = amounts.get(j);
                UUID named = amount.budgetLineId() != null ? amount.budgetLineId() : amount.projectId();
                if (named != null && !arbitrated.add(named)) {
                    String field = "agenda[" + i + "].amounts[" + j + "]."
                            + (amount.budgetLineId() != null ? "budgetLineId" : "projectId");
                    throw new InvalidInputException(field, field + ": " + named + " is arbitrated twice in this item",
                            "arbitrated-twice", Map.of("named", named));
                }
            }
        }
        // The convocation precedes the séance: sent after it, the notice would be negative and the alert meaningless.
        if (command.convenedAt().isAfter(LocalDate.ofInstant(command.scheduledAt(), FrenchTime.ZONE))) {
            throw new InvalidInputException("convenedAt", "the convocation is sent on or before the day of the séance",
                    "convocation-after-session");
        }
        boolean quorumWaived = false;
        if (command.reconvenedFrom() != null) {
            Session earlier = sessions.get(command.reconvenedFrom());
            if (earlier == null) {
                throw new BusinessRuleViolationException("reconvened-unknown-session",
                        "Séance " + command.reconvenedFrom() + " is not a séance of this instance");
            }
            if (!kind.isDeliberative()) {
                throw new BusinessRuleViolationException("reconvened-assembly-only",
                        "Only a deliberative assembly sits without quorum after re-convening");
            }
            if (!earlier.closed || quorumReached(earlier.present)) {
                throw new BusinessRuleViolationException("reconvened-needs-failed-quorum",
                        "A séance is re-convened only after a closed séance that lacked quorum");
            }
            if (Duration.between(earlier.scheduledAt, command.scheduledAt()).compareTo(RECONVENING_DELAY) < 0) {
                throw new BusinessRuleViolationException("reconvened-delay",
                        "A re-convened séance sits at least 3 days after the one that lacked quorum",
                        Map.of("earliest", earlier.scheduledAt.plus(RECONVENING_DELAY).toString()));
            }
            quorumWaived = true;
        }
        apply(new SessionScheduled(instanceId, command.sessionId(), command.scheduledAt(), List.copyOf(command.agenda()),
                command.reconvenedFrom(), quorumWaived, ownerId, kind, command.convenedAt(), command.urgent()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RecordAttendance command) {
        Session session = openSession(command.sessionId(), command.caller().tenantId());
        for (String personId : command.present()) {
            if (!members.containsKey(personId)) {
                throw new BusinessRuleViolationException("attendance-not-a-member",
                        personId + " is not a member of this instance", Map.of("personId", personId));
            }
        }
        List<String> present = command.present().stream().sorted().toList();
        apply(new AttendanceRecorded(instanceId, session.sessionId, present, quorumReached(Set.copyOf(present))));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public DecisionTaken handle(RecordDecision command) {
        Session session = openSession(command.sessionId(), command.caller().tenantId());
        AgendaItem item = session.agenda.get(command.agendaItemId());
        if (item == null) {
            throw new BusinessRuleViolationException("decision-unknown-agenda-item",
                    "Agenda item " + command.agendaItemId() + " is not on this séance's agenda");
        }
        if (!item.kind().isVoted()) {
            throw new BusinessRuleViolationException("decision-information-item",
                    "An INFORMATION item is heard, not voted");
        }
        if (session.decisions.containsKey(item.agendaItemId())) {
            throw new StateConflictException("Agenda item " + item.agendaItemId() + " is already decided", "DECIDED",
                    "item-decided");
        }
        if (command.votesFor() < 0 || command.votesAgainst() < 0 || command.abstentions() < 0) {
            throw new InvalidInputException("votes", "vote counts are 0 or more", "votes-negative");
        }
        long votingPresent = votingPresent(session.present);
        if (!session.quorumWaived && !quorumReached(session.present)) {
            throw new BusinessRuleViolationException("quorum-not-reached",
                    "No decision without quorum: " + votingPresent + " voting members present out of "
                            + votingMembers() + quorumDescription(),
                    Map.of("votingPresent", votingPresent, "votingMembers", votingMembers()));
        }
        // Each count alone is bounded by the voters present before any arithmetic: a sum of ints could wrap around
        // and turn a rejection into an approval.
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("votesFor", command.votesFor());
        counts.put("votesAgainst", command.votesAgainst());
        counts.put("abstentions", command.abstentions());
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
            if (count.getValue() > votingPresent) {
                throw new BusinessRuleViolationException("votes-exceed-present", count.getKey(),
                        count.getKey() + " counts " + count.getValue() + " for " + votingPresent
                                + " voting members present",
                        Map.of("ballots", count.getValue(), "votingPresent", votingPresent));
            }
        }
        long ballots = (long) command.votesFor() + command.votesAgainst() + command.abstentions();
        if (ballots > votingPresent) {
            throw new BusinessRuleViolationException("votes-exceed-present",
                    ballots + " votes and abstentions for " + votingPresent + " voting members present",
                    Map.of("ballots", ballots, "votingPresent", votingPresent));
        }
        boolean chairPresent = session.present.contains(chair().personId());
        if (command.chairVote() != null && !chairPresent) {
            throw new BusinessRuleViolationException("chair-absent", "The chair is not present and did not vote");
        }
        boolean tie = command.votesFor() == command.votesAgainst() && command.votesFor() > 0;
        boolean casting = tie && !command.deferred() && chairPresent
                && !(command.secretBallot() && kind.isDeliberative());
        if (casting && command.chairVote() == null) {
            throw new BusinessRuleViolationException("chair-vote-required",
                    "The votes are tied: the chair's vote decides, so say how the chair voted (chairVote)");
        }
        Outcome outcome = outcome(command, casting);
        apply(new DecisionRecorded(instanceId, session.sessionId, command.decisionId(), item.agendaItemId(),
                command.votesFor(), command.votesAgainst(), command.abstentions(), votingMembers(), votingPresent,
                command.secretBallot(), casting, outcome));
        return new DecisionTaken(command.decisionId(), outcome, AggregateLifecycle.getVersion());
    }

    /**
     * Absolute majority of the votes cast, abstentions not being votes cast. A tie is decided by the chair's vote
     * when it counts ({@code casting}); otherwise the proposal did not win a majority and is rejected.
     */
    private static Outcome outcome(RecordDecision command, boolean casting) {
        if (command.deferred()) {
            return Outcome.DEFERRED;
        }
        long cast = (long) command.votesFor() + command.votesAgainst();
        if (2L * command.votesFor() > cast) {
            return Outcome.APPROVED;
        }
        if (casting && command.chairVote() == ChairVote.FOR) {
            return Outcome.APPROVED;
        }
        return Outcome.REJECTED;
    }

    @CommandHandler
    public long handle(CloseSession command) {
        Session session = openSession(command.sessionId(), command.caller().tenantId());
        LocalDate heldOn = session.scheduledAt.atZone(FrenchTime.ZONE).toLocalDate();
        List<DecisionPublished> published = new ArrayList<>();
        for (AgendaItem item : session.agenda.values()) {
            DecisionRecorded decision = session.decisions.get(item.agendaItemId());
            if (decision != null) {
                published.add(new DecisionPublished(instanceId, session.sessionId, decision.decisionId(), ownerId, kind,
                        item.agendaItemId(), item.kind(), item.subjectId(), item.title(), decision.outcome(),
                        decision.votesFor(), decision.votesAgainst(), decision.abstentions(),
                        item.amounts() == null ? List.of() : item.amounts(), heldOn));
            }
        }
        String minutes = Minutes.write(name, kind, List.copyOf(members.values()), session.scheduledAt,
                session.reconvenedFrom, session.quorumWaived, session.present, quorumReached(session.present),
                List.copyOf(session.agenda.values()), session.decisions);
        published.forEach(event -> apply(event));
        apply(new SessionClosed(instanceId, session.sessionId, ownerId, heldOn, quorumReached(session.present),
                published.size(), minutes));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(InstanceCreated event) {
        instanceId = event.instanceId();
        ownerId = event.ownerId();
        administeringSiren = event.administeringSiren();
        name = event.name();
        kind = event.kind();
        quorum = event.quorum();
        members = new LinkedHashMap<>();
        event.members().forEach(member -> members.put(member.personId(), member));
        sessions = new LinkedHashMap<>();
    }

    @EventSourcingHandler
    void on(SessionScheduled event) {
        // A séance recorded before dates were bounded may lie beyond what the minutes can print: keep the nearest bound
        Session session = new Session(event.sessionId(), PlausibleDates.stored(event.scheduledAt()), event.reconvenedFrom(),
                event.quorumWaived());
        event.agenda().forEach(item -> session.agenda.put(item.agendaItemId(), item));
        sessions.put(event.sessionId(), session);
    }

    @EventSourcingHandler
    void on(AttendanceRecorded event) {
        sessions.get(event.sessionId()).present = Set.copyOf(event.present());
    }

    @EventSourcingHandler
    void on(DecisionRecorded event) {
        sessions.get(event.sessionId()).decisions.put(event.agendaItemId(), event);
    }

    @EventSourcingHandler
    void on(SessionClosed event) {
        sessions.get(event.sessionId()).closed = true;
    }

    /**
     * The assembly needs more than half of its sitting (voting) members present; a steering instance more than its
     * quorum fraction of its voting members.
     */
    private boolean quorumReached(Set<String> present) {
        BigDecimal fraction = kind.isDeliberative() ? DEFAULT_QUORUM : quorum;
        return BigDecimal.valueOf(votingPresent(present))
                .compareTo(fraction.multiply(BigDecimal.valueOf(votingMembers()))) > 0;
    }

    private String quorumDescription() {
        return kind.isDeliberative() ? "; more than half must be present"
                : "; more than " + quorum.stripTrailingZeros().toPlainString() + " of them must be present";
    }

    private long votingPresent(Set<String> present) {
        return members.values().stream().filter(member -> member.voting() && present.contains(member.personId())).count();
    }

    private long votingMembers() {
        return members.values().stream().filter(InstanceMember::voting).count();
    }

    private InstanceMember chair() {
        return members.values().stream().filter(InstanceMember::chair).findFirst().orElseThrow();
    }

    /** The instance is managed by its tenant, or by the administering EPCI of its mutualisation. */
    private void manageableBy(String actingTenant) {
        if (!administeringSiren.equals(actingTenant)) {
            throw new NotFoundException("Instance", instanceId);
        }
    }

    private Session openSession(UUID sessionId, String actingTenant) {
        Session session = sessions.get(sessionId);
        if (session == null || !administeringSiren.equals(actingTenant)) {
            throw new NotFoundException("Session", sessionId);
        }
        if (session.closed) {
            throw new StateConflictException("Séance " + sessionId + " is closed: its decisions are final", "CLOSED",
                    "session-closed");
        }
        return session;
    }


    /** A séance as the rules need it; compared by value, as the test fixture checks state after sourcing. */
    private static final class Session {
        private final UUID sessionId;
        private final Instant scheduledAt;
        private final UUID reconvenedFrom;
        private final boolean quorumWaived;
        private final Map<UUID, AgendaItem> agenda = new LinkedHashMap<>();
        private final Map<UUID, DecisionRecorded> decisions = new LinkedHashMap<>();
        private Set<String> present = Set.of();
        private boolean closed;

        private Session(UUID sessionId, Instant scheduledAt, UUID reconvenedFrom, boolean quorumWaived) {
            this.sessionId = sessionId;
            this.scheduledAt = scheduledAt;
            this.reconvenedFrom = reconvenedFrom;
            this.quorumWaived = quorumWaived;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Session that && sessionId.equals(that.sessionId) && scheduledAt.equals(that.scheduledAt)
                    && Objects.equals(reconvenedFrom, that.reconvenedFrom) && quorumWaived == that.quorumWaived
                    && agenda.equals(that.agenda) && decisions.equals(that.decisions) && present.equals(that.present)
                    && closed == that.closed;
        }

        @Override
        public int hashCode() {
            return sessionId.hashCode();
        }
    }
}
