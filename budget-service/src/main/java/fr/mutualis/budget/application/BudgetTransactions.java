package fr.mutualis.budget.application;

import fr.mutualis.budget.messages.BudgetYears;
import fr.mutualis.budget.messages.AttachLineToProgramme;
import fr.mutualis.budget.messages.BudgetLineOpened;
import fr.mutualis.budget.messages.BudgetStage;
import fr.mutualis.budget.messages.EngageProgramme;
import fr.mutualis.budget.messages.LineCredits;
import fr.mutualis.budget.messages.LineSpending;
import fr.mutualis.budget.messages.MakeCreditTransfer;
import fr.mutualis.budget.messages.MandateUnderProgramme;
import fr.mutualis.budget.messages.OpenBudgetLine;
import fr.mutualis.budget.messages.ProgrammeCreated;
import fr.mutualis.budget.messages.RecordEngagement;
import fr.mutualis.budget.messages.RecordMandate;
import fr.mutualis.budget.messages.RecordVote;
import fr.mutualis.budget.messages.ReviseProgramme;
import fr.mutualis.budget.messages.TransferCreditsIn;
import fr.mutualis.budget.messages.TransferCreditsOut;
import fr.mutualis.budget.messages.VoteCredits;
import fr.mutualis.budget.messages.VoteTransferRates;
import fr.mutualis.kit.axon.AggregateLocks;
import fr.mutualis.kit.axon.CommandTransactions;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.tenant.Caller;
import fr.mutualis.kit.tenant.Owner;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes that span several aggregates, sent in ONE database transaction: Axon's units of work join it, so either
 * every aggregate's events are stored or none (a vote over several lines; an engagement or a mandate charged both
 * on its line and on the line's programme; a line attached to its programme). Each aggregate still guards its own
 * rules; a refusal anywhere rolls everything back.
 * <p>
 * Every command takes the kit's advisory lock on its aggregate ({@link AggregateLocks}), held until the transaction
 * commits: concurrent commands on a line run one after the other, across instances too, and each sees the credits the
 * previous ones consumed; every engagement is either accepted or refused with 422, never a 409 to retry. A transaction
 * here changing several aggregates first takes their locks in one order for everyone (lines in id order, then the
 * budgets of the year by owner, then the programme), so that two of them never wait for each other (a deadlock);
 * its commands find them held by the transaction and do not ask again.
 */
@Component
public class BudgetTransactions {

    private final CommandGateway commands;
    private final CommandTransactions transactions;
    private final JdbcClient jdbc;
    private final EventStore eventStore;
    private final AggregateLocks locks;

    public BudgetTransactions(CommandGateway commands, TransactionTemplate transactions, JdbcClient jdbc,
                              EventStore eventStore, AggregateLocks locks) {
        this.commands = commands;
        this.transactions = new CommandTransactions(transactions, eventStore);
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.locks = locks;
    }

    public void openLine(OpenBudgetLine command) {
        inOneTransaction(() -> {
            if (command.programmeId() != null) {
                requireKind(command.programmeId(), ProgrammeCreated.class, "Programme");
                lock(command.programmeId());
                commands.sendAndWait(new AttachLineToProgramme(command.programmeId(), command.ownerId(), command.lineId(),
                        command.chapter(), command.fiscalYear()));
            }
            commands.sendAndWait(command);
        });
    }

    /**
     * All lines of a vote, or none; and the budget of the year of each owner concerned takes the lines' new credits,
     * the base of the transfers between chapters.
     */
    public void vote(UUID voteId, int fiscalYear, BudgetStage stage, List<VoteCredits> lines) {
        inOneTransaction(() -> {
            lines.stream().map(VoteCredits::lineId).sorted(Comparator.naturalOrder()).forEach(this::lock);
            Map<Owner, List<LineCredits>> votedByOwner = new TreeMap<>(Comparator.comparing(Owner::id));
            lines.forEach(line -> {
                requireKind(line.lineId(), BudgetLineOpened.class, "Budget line");
                LineCredits voted = commands.sendAndWait(line);
                votedByOwner.computeIfAbsent(voted.ownerId(), owner -> new ArrayList<>()).add(voted);
            });
            votedByOwner.forEach((owner, voted) -> {
                UUID budgetYearId = BudgetYears.idOf(owner, fiscalYear);
                lock(budgetYearId);
                commands.sendAndWait(new RecordVote(budgetYearId, owner, fiscalYear, voteId, stage, voted));
            });
        });
    }

    public void voteTransferRates(VoteTransferRates command) {
        inOneTransaction(() -> {
            lock(command.budgetYearId());
            commands.sendAndWait(command);
        });
    }

    /**
     * Both lines accept their side (each guards its own credits and state), then the budget of the year accepts the
     * transfer as a whole (section, staff costs, delegated rate); a refusal anywhere leaves everything as it was.
     */
    public void transfer(Caller caller, UUID transferId, UUID fromLineId, UUID toLineId, long amountCents, String reason,
                         LocalDate date) {
        inOneTransaction(() -> {
            requireKind(fromLineId, BudgetLineOpened.class, "Budget line");
            requireKind(toLineId, BudgetLineOpened.class, "Budget line");
            Stream.of(fromLineId, toLineId).sorted(Comparator.naturalOrder()).forEach(this::lock);
            LineCredits from = commands.sendAndWait(new TransferCreditsOut(fromLineId, caller, transferId, toLineId,
                    amountCents, date));
            LineCredits to = commands.sendAndWait(new TransferCreditsIn(toLineId, caller, transferId, fromLineId,
                    amountCents, date));
            UUID budgetYearId = BudgetYears.idOf(from.ownerId(), from.fiscalYear());
            lock(budgetYearId);
            commands.sendAndWait(new MakeCreditTransfer(budgetYearId, from.ownerId(), from.fiscalYear(), transferId, from,
                    to, amountCents, reason, date));
        });
    }

    public void engage(RecordEngagement command) {
        inOneTransaction(() -> {
            requireKind(command.lineId(), BudgetLineOpened.class, "Budget line");
            lock(command.lineId());
            LineSpending spending = commands.sendAndWait(command);
            if (spending.chargesProgramme()) {
                lock(spending.programmeId());
                commands.sendAndWait(new EngageProgramme(spending.programmeId(), spending.ownerId(), command.engagementId(),
                        command.lineId(), command.amountCents()));
            }
            // Mandates name only their engagement: this write-side index routes them to the engagement's line.
            jdbc.sql("INSERT INTO engagement_registry (engagement_id, line_id, owner_id) VALUES (:id, :line, :owner)")
                    .param("id", command.engagementId())
                    .param("line", command.lineId())
                    .param("owner", spending.ownerId().id())
                    .update();
        });
    }

    /**
     * Returns the new revision's number and the programme's version with it: read under the programme's lock, in
     * the transaction, it is the revision's own, the one the next If-Match names.
     */
    public Revised revise(ReviseProgramme command) {
        return transactions.execute(status -> {
            requireKind(command.programmeId(), ProgrammeCreated.class, "Programme");
            lock(command.programmeId());
            int revision = commands.<Integer>sendAndWait(command);
            return new Revised(revision, eventStore.lastSequenceNumberFor(command.programmeId().toString()).orElseThrow());
        });
    }

    public record Revised(int revision, long version) {
    }

    public void mandate(Caller caller, UUID engagementId, UUID mandateId, long amountCents, String reference, LocalDate date) {
        inOneTransaction(() -> {
            UUID lineId = jdbc.sql("SELECT line_id FROM engagement_registry WHERE engagement_id = :id AND owner_id IN (:owners)")
                    .param("id", engagementId)
                    .param("owners", caller.sees().stream().map(Owner::id).toList())
                    .query(UUID.class)
                    .optional()
                    .orElseThrow(() -> new NotFoundException("Engagement", engagementId));
            requireKind(lineId, BudgetLineOpened.class, "Budget line");
            lock(lineId);
            LineSpending spending = commands.sendAndWait(new RecordMandate(lineId, caller, engagementId, mandateId,
                    amountCents, reference, date));
            if (spending.chargesProgramme()) {
                lock(spending.programmeId());
                commands.sendAndWait(new MandateUnderProgramme(spending.programmeId(), spending.ownerId(), mandateId, lineId,
                        spending.year(), amountCents));
            }
        });
    }

    private void inOneTransaction(Runnable work) {
        transactions.execute(status -> {
            work.run();
            return null;
        });
    }

    /** Held until the transaction ends. */
    private void lock(UUID aggregateId) {
        locks.lock(aggregateId);
    }

    /**
     * Ids of lines, programmes and allocations share one event store: an id whose stream another kind of aggregate
     * began answers like an unknown one instead of being replayed into the wrong aggregate. Unknown ids pass: the
     * repository answers 404. The kind is the payload of the stream's first event, read through Axon's event store.
     */
    private void requireKind(UUID id, Class<?> creationEvent, String what) {
        DomainEventStream stream = eventStore.readEvents(id.toString(), 0);
        if (stream.hasNext() && !creationEvent.equals(stream.peek().getPayloadType())) {
            throw new NotFoundException(what, id);
        }
    }
}
