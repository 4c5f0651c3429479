package fr.mutualis.governance.command;

import fr.mutualis.governance.messages.AllocationMethod;
import fr.mutualis.governance.messages.CollectiviteDirectory;
import fr.mutualis.governance.messages.CollectiviteKind;
import fr.mutualis.governance.messages.CreateMutualisation;
import fr.mutualis.governance.messages.MutualisationCreated;
import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.InvalidInputException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A mutualisation (service commun): a convention between an EPCI and some of its member communes, with the key
 * that splits its costs among them.
 */
@Aggregate
class Mutualisation {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @AggregateIdentifier
    private UUID mutualisationId;

    protected Mutualisation() {
    }

    @CommandHandler
    public Mutualisation(CreateMutualisation command, CollectiviteDirectory directory) {
        List<String> memberSirens = command.memberSirens();
        if (memberSirens.isEmpty()) {
            throw new InvalidInputException("memberSirens", "a mutualisation has at least one member", "no-member");
        }
        if (new HashSet<>(memberSirens).size() != memberSirens.size()) {
            throw new InvalidInputException("memberSirens", "a member is listed twice", "member-twice");
        }
        var epci = directory.find(command.epciSiren())
                .filter(entry -> entry.kind() == CollectiviteKind.EPCI)
                .orElseThrow(() -> new BusinessRuleViolationException("mutualisation-epci",
                        command.epciSiren() + " is not a registered EPCI", Map.of("epciSiren", command.epciSiren())));
        for (String member : memberSirens) {
            boolean belongs = directory.find(member)
                    .map(entry -> epci.siren().equals(entry.epciSiren()))
                    .orElse(false);
            if (!belongs) {
                throw new BusinessRuleViolationException("mutualisation-member",
                        member + " is not a registered member of EPCI " + epci.siren(),
                        Map.of("siren", member, "epciSiren", epci.siren()));
            }
        }
        Map<String, BigDecimal> shares = checkedShares(command, Set.copyOf(memberSirens));
        apply(new MutualisationCreated(command.mutualisationId(), command.name(), epci.siren(), List.copyOf(memberSirens),
                command.allocationMethod(), shares));
    }

    /** Shares exist only for FIXED_SHARES: percentages of members only, summing to exactly 100. */
    private static Map<String, BigDecimal> checkedShares(CreateMutualisation command, Set<String> members) {
        Map<String, BigDecimal> shares = command.shares() == null ? Map.of() : command.shares();
        if (command.allocationMethod() != AllocationMethod.FIXED_SHARES) {
            if (!shares.isEmpty()) {
                throw new InvalidInputException("allocationKey.shares", "shares apply to FIXED_SHARES only", "shares-fixed-only");
            }
            return Map.of();
        }
        BigDecimal total = BigDecimal.ZERO;
        for (var share : shares.entrySet()) {
            if (!members.contains(share.getKey())) {
                throw new BusinessRuleViolationException("allocation-shares-members",
                        "Share given to " + share.getKey() + ", which is not a member",
                        Map.of("siren", share.getKey()));
            }
            if (share.getValue() == null || share.getValue().signum() <= 0) {
                throw new InvalidInputException("allocationKey.shares", "each share is a positive percentage", "share-positive");
            }
            total = total.add(share.getValue());
        }
        if (total.compareTo(HUNDRED) != 0) {
            throw new BusinessRuleViolationException("allocation-shares-sum",
                    "Fixed shares must sum to 100; they sum to " + total.toPlainString(),
                    Map.of("sum", total, "expected", HUNDRED));
        }
        return new TreeMap<>(shares);
    }

    @EventSourcingHandler
    void on(MutualisationCreated event) {
        mutualisationId = event.mutualisationId();
    }
}
