package fr.mutualis.budget.command;

import fr.mutualis.budget.messages.AllocateCosts;
import fr.mutualis.budget.messages.AllocationMethod;
import fr.mutualis.budget.messages.CostsAllocated;
import fr.mutualis.budget.messages.MemberAllocation;
import fr.mutualis.kit.error.BusinessRuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The allocation of a mutualisation's costs for one fiscal year (service commun). Re-allocating the year (the real
 * cost became known, usage was recounted) replaces the previous split; the event stream keeps every version.
 */
@Aggregate
class CostAllocation {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @AggregateIdentifier
    private java.util.UUID allocationId;

    protected CostAllocation() {
    }

    /** Returns the split, which the caller answers at once. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<MemberAllocation> handle(AllocateCosts command) {
        TreeSet<String> missing = new TreeSet<>(command.members());
        missing.removeAll(command.weights().keySet());
        if (!missing.isEmpty()) {
            throw new BusinessRuleViolationException("allocation-weight-missing",
                    "No " + command.method() + " weight is known for member(s) " + String.join(", ", missing),
                    Map.of("method", command.method().name(), "sirens", List.copyOf(missing)));
        }
        TreeSet<String> strangers = new TreeSet<>(command.weights().keySet());
        strangers.removeAll(command.members());
        if (!strangers.isEmpty()) {
            throw new BusinessRuleViolationException("allocation-not-a-member",
                    String.join(", ", strangers) + " is not a member of mutualisation " + command.mutualisationId(),
                    Map.of("sirens", List.copyOf(strangers)));
        }
        List<String> negative = command.weights().entrySet().stream().filter(weight -> weight.getValue().signum() < 0)
                .map(Map.Entry::getKey).sorted().toList();
        if (!negative.isEmpty()) {
            throw new BusinessRuleViolationException("allocation-weight-negative",
                    "A " + command.method() + " weight cannot be negative: " + String.join(", ", negative),
                    Map.of("sirens", negative));
        }
        BigDecimal total = command.weights().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (command.method() == AllocationMethod.FIXED_SHARES && total.compareTo(HUNDRED) != 0) {
            throw new BusinessRuleViolationException("shares-total",
                    "The convention's shares sum to " + total.toPlainString() + " %, not 100 %",
                    Map.of("sharesTotal", total));
        }
        if (total.signum() == 0) {
            throw new BusinessRuleViolationException("allocation-weights-zero",
                    "Every member has a zero " + command.method() + " weight: there is nothing to split the cost by",
                    Map.of("method", command.method().name()));
        }
        List<MemberAllocation> allocations = new ArrayList<>(CostAllocator.allocate(command.costCents(), command.weights()));
        apply(new CostsAllocated(command.allocationId(), command.mutualisationId(), command.epciSiren(),
                command.fiscalYear(), command.costCents(), command.method(), allocations));
        return allocations;
    }

    @EventSourcingHandler
    void on(CostsAllocated event) {
        allocationId = event.allocationId();
    }
}
