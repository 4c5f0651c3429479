package fr.mutualis.governance.command;

import fr.mutualis.governance.messages.AgendaItem;
import fr.mutualis.governance.messages.DecisionRecorded;
import fr.mutualis.governance.messages.InstanceKind;
import fr.mutualis.governance.messages.InstanceMember;
import fr.mutualis.governance.messages.Outcome;
import fr.mutualis.kit.time.FrenchTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The procès-verbal of a séance, in French, written once when the séance closes and never again: it is part of
 * the event that makes the decisions final.
 */
final class Minutes {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH);

    static String write(String instanceName, InstanceKind kind, List<InstanceMember> members, Instant scheduledAt,
                        UUID reconvenedFrom, boolean quorumWaived, Set<String> present, boolean quorumReached,
                        List<AgendaItem> agenda, Map<UUID, DecisionRecorded> decisions) {
        StringBuilder text = new StringBuilder();
        text.append("PROCÈS-VERBAL DE LA SÉANCE DU ")
                .append(DAY.format(scheduledAt.atZone(FrenchTime.ZONE)).toUpperCase(Locale.FRENCH)).append('\n');
        text.append(instanceName).append(" (").append(kind.label()).append(")\n\n");
        if (reconvenedFrom != null) {
            text.append("Séance reconvoquée faute de quorum à la séance précédente")
                    .append(quorumWaived ? " : l'assemblée délibère valablement sans condition de quorum.\n" : ".\n");
        }
        List<InstanceMember> attending = members.stream().filter(member -> present.contains(member.personId())).toList();
        List<InstanceMember> absent = members.stream().filter(member -> !present.contains(member.personId())).toList();
        text.append("Présents (").append(attending.size()).append(") : ").append(names(attending)).append('\n');
        text.append("Absents (").append(absent.size()).append(") : ").append(names(absent)).append('\n');
        members.stream().filter(InstanceMember::chair).findFirst().ifPresent(chair ->
                text.append("Présidence : ").append(chair.name()).append('\n'));
        long voting = members.stream().filter(InstanceMember::voting).count();
        long votingPresent = attending.stream().filter(InstanceMember::voting).count();
        text.append("Quorum : ").append(quorumReached ? "atteint" : "non atteint")
                .append(" (").append(votingPresent).append(" membres votants présents sur ").append(voting).append(")")
                .append(quorumWaived ? ", non requis pour cette séance" : "").append(".\n\n");
        text.append("ORDRE DU JOUR\n");
        int number = 1;
        for (AgendaItem item : agenda) {
            text.append(number++).append(". ").append(item.title()).append(" (").append(item.kind().label()).append(")\n");
            DecisionRecorded decision = decisions.get(item.agendaItemId());
            if (!item.kind().isVoted()) {
                text.append("   Point d'information, sans vote.\n");
            } else if (decision == null) {
                text.append("   Point non délibéré.\n");
            } else {
                text.append("   ").append(outcome(decision.outcome())).append(" : ")
                        .append(decision.votesFor()).append(" pour, ")
                        .append(decision.votesAgainst()).append(" contre, ")
                        .append(decision.abstentions()).append(" abstention(s)");
                if (decision.secretBallot()) {
                    text.append(", au scrutin secret");
                }
                if (decision.chairCastingVote()) {
                    text.append(", la voix du président étant prépondérante");
                }
                text.append(".\n");
            }
        }
        text.append("\nLa séance est levée. Les décisions ci-dessus sont définitives.\n");
        return text.toString();
    }

    private static String outcome(Outcome outcome) {
        return switch (outcome) {
            case APPROVED -> "Adopté";
            case REJECTED -> "Rejeté";
            case DEFERRED -> "Ajourné";
        };
    }

    private static String names(List<InstanceMember> members) {
        if (members.isEmpty()) {
            return "aucun";
        }
        return members.stream().map(member -> member.name() + " (" + member.role() + ")").collect(Collectors.joining(", "));
    }

    private Minutes() {
    }
}
