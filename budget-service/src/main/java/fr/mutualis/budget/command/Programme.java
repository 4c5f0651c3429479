package fr.mutualis.budget.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import fr.mutualis.budget.messages.AttachLineToProgramme;
import fr.mutualis.budget.messages.CpSchedule;
import fr.mutualis.budget.messages.CreateProgramme;
import fr.mutualis.budget.messages.EngageProgramme;
import fr.mutualis.budget.messages.LineAttachedToProgramme;
import fr.mutualis.budget.messages.M57Chapters;
import fr.mutualis.budget.messages.MandateUnderProgramme;
import fr.mutualis.budget.messages.ProgrammeCreated;
import fr.mutualis.budget.messages.ProgrammeEngaged;
import fr.mutualis.budget.messages.ProgrammeMandated;
import fr.mutualis.budget.messages.ProgrammeRevised;
import fr.mutualis.budget.messages.ReviseProgramme;
import fr.mutualis.budget.messages.ScheduledCredit;
import fr.mutualis.budget.messages.Section;
import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.NotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A programme authorisation (AP; AE on operating chapters) and its schedule of CP per year. Its rules: the schedule
 * sums exactly to the amount, always (so CP not consumed move to other years by a revision and are never lost);
 * Σ engagements of its lines ≤ amount; mandates of year N ≤ CP of N, and a revision cannot bring the CP of a year
 * below what was mandated in it. Engagements and mandates of its lines are charged here in the same transaction as
 * on the line, so both streams guard the rules together.
 */
// The snapshot is the aggregate's fields, as they are: no getters or setters to go through.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@Aggregate(snapshotTriggerDefinition = "programmeSnapshots")
class Programme {

    @AggregateIdentifier
    private UUID programmeId;
    private Owner ownerId;
    private String chapter;
    private long amountCents;
    private CpSchedule schedule;
    private int revision;
    private long engagedCents;
    // Not final: Jackson 3 does not write final fields, and the snapshot must restore it.
    private Map<Integer, Long> mandatedByYear = new HashMap<>();

    protected Programme() {
    }

    @CommandHandler
    public Programme(CreateProgramme command) {
        Section section = M57Chapters.sectionOf(command.chapter()).orElseThrow(() -> new BusinessRuleViolationException(
                "chapter-unknown", "Chapter " + command.chapter() + " is not an accepted M57 chapter",
                Map.of("chapter", command.chapter())));
        command.schedule().requireSumsTo(command.amountCents());
        apply(new ProgrammeCreated(command.programmeId(), command.ownerId(), command.label(), command.chapter(), section,
                command.projectId(), command.amountCents(), command.schedule().credits()));
    }

    /** Returns the new revision's number. */
    @CommandHandler
    int handle(ReviseProgramme command) {
        requireOwner(command.ownerId(), command.programmeId());
        command.schedule().requireSumsTo(command.amountCents());
        if (command.amountCents() < engagedCents) {
            throw new BusinessRuleViolationException("amount-below-engaged",
                    "The programme amount cannot be " + command.amountCents() + " cents: " + engagedCents
                            + " cents are already engaged under it",
                    Map.of("amountCents", command.amountCents(), "engagedCents", engagedCents));
        }
        command.schedule().requireCovers(mandatedByYear);
        apply(new ProgrammeRevised(programmeId, ownerId, revision + 1, command.amountCents(), command.schedule().credits(),
                command.reason(), command.decisionId(), amountCents, schedule.credits()));
        // apply() has already run the event sourcing handler: revision is the new one.
        return revision;
    }

    @CommandHandler
    void handle(AttachLineToProgramme command) {
        requireOwner(command.ownerId(), command.programmeId());
        if (!chapter.equals(command.chapter())) {
            throw new BusinessRuleViolationException("programme-chapter",
                    "A line of chapter " + command.chapter() + " cannot spend programme " + programmeId + " of chapter " + chapter,
                    Map.of("programmeId", programmeId, "programmeChapter", chapter, "lineChapter", command.chapter()));
        }
        apply(new LineAttachedToProgramme(programmeId, ownerId, command.lineId(), command.fiscalYear()));
    }

    @CommandHandler
    void handle(EngageProgramme command) {
        requireOwner(command.ownerId(), command.programmeId());
        long available = amountCents - engagedCents;
        if (command.amountCents() > available) {
            throw new BusinessRuleViolationException("programme-amount-exceeded",
                    "Engaging " + command.amountCents() + " cents would exceed programme " + programmeId + ": amount "
                            + amountCents + ", already engaged " + engagedCents + ", available " + available,
                    Map.of("programmeId", programmeId, "limitCents", amountCents, "engagedCents", engagedCents,
                            "availableCents", available, "amountCents", command.amountCents()));
        }
        apply(new ProgrammeEngaged(programmeId, ownerId, command.engagementId(), command.lineId(), command.amountCents()));
    }

    @CommandHandler
    void handle(MandateUnderProgramme command) {
        requireOwner(command.ownerId(), command.programmeId());
        long cp = schedule.cp(command.year());
        long mandated = mandatedByYear.getOrDefault(command.year(), 0L);
        if (mandated + command.amountCents() > cp) {
            throw new BusinessRuleViolationException("cp-exceeded",
                    "Mandating " + command.amountCents() + " cents in " + command.year() + " would exceed the CP of "
                            + command.year() + " of programme " + programmeId + ": CP " + cp + ", already mandated " + mandated,
                    Map.of("programmeId", programmeId, "year", command.year(), "limitCents", cp,
                            "mandatedCents", mandated, "availableCents", cp - mandated, "amountCents", command.amountCents()));
        }
        apply(new ProgrammeMandated(programmeId, ownerId, command.mandateId(), command.lineId(), command.year(), command.amountCents()));
    }

    @EventSourcingHandler
    void on(ProgrammeCreated event) {
        programmeId = event.programmeId();
        ownerId = event.ownerId();
        chapter = event.chapter();
        amountCents = event.amountCents();
        schedule = new CpSchedule(event.schedule());
    }

    @EventSourcingHandler
    void on(ProgrammeRevised event) {
        revision = event.revision();
        amountCents = event.amountCents();
        schedule = new CpSchedule(event.schedule());
    }

    @EventSourcingHandler
    void on(ProgrammeEngaged event) {
        engagedCents += event.amountCents();
    }

    @EventSourcingHandler
    void on(ProgrammeMandated event) {
        mandatedByYear.merge(event.year(), event.amountCents(), Long::sum);
    }

    /** Another tenant's programme, or an id of another kind of aggregate, answers like an unknown programme. */
    private void requireOwner(Owner tenant, UUID targetId) {
        if (ownerId == null || !ownerId.equals(tenant)) {
            throw new NotFoundException("Programme", targetId);
        }
    }

    long amountCents() {
        return amountCents;
    }

    List<ScheduledCredit> schedule() {
        return schedule.credits();
    }

    Map<Integer, Long> mandatedByYear() {
        return Map.copyOf(mandatedByYear);
    }
}
