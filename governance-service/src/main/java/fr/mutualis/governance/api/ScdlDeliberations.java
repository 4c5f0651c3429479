package fr.mutualis.governance.api;

import fr.mutualis.governance.query.CollectiviteView;
import fr.mutualis.governance.query.DecisionView;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Adopted délibérations in the SCDL "Délibérations" tabular layout (Socle Commun des Données Locales, v2),
 * one row per APPROVED decision of a deliberative assembly, comma-separated, UTF-8, RFC 4180 quoting.
 * <p>
 * Column mapping:
 * <ul>
 *   <li>COLL_NOM, COLL_SIRET: the owning collectivité's name and SIREN (the directory holds SIRENs, not SIRETs:
 *   the establishment suffix is unknown); a mutualisation's assembly is reported under its EPCI;</li>
 *   <li>DELIB_ID: the decision id; DELIB_DATE: the date of the séance;</li>
 *   <li>DELIB_MATIERE_CODE / _NOM: 7.1 "Finances locales/Decisions budgetaires" (nomenclature ACTES) for a budget
 *   arbitration; empty otherwise, as no ACTES code fits digital-roadmap items without guessing;</li>
 *   <li>DELIB_OBJET: the agenda item's title; BUDGET_ANNEE: the year of a budget arbitration; BUDGET_NOM,
 *   PREF_ID, PREF_DATE, DELIB_URL: empty (budget names and transmission to the préfecture are not tracked);</li>
 *   <li>VOTE_EFFECTIF: voting members of the assembly; VOTE_REEL: voting members present; VOTE_POUR,
 *   VOTE_CONTRE, VOTE_ABSTENTION: the votes.</li>
 * </ul>
 */
final class ScdlDeliberations {

    static final List<String> COLUMNS = List.of("COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE",
            "DELIB_MATIERE_CODE", "DELIB_MATIERE_NOM", "DELIB_OBJET", "BUDGET_ANNEE", "BUDGET_NOM", "PREF_ID",
            "PREF_DATE", "VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION", "DELIB_URL");

    static String csv(List<DecisionView> decisions, Function<String, Optional<CollectiviteView>> collectiviteOfOwner) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (DecisionView decision : decisions) {
            Optional<CollectiviteView> collectivite = collectiviteOfOwner.apply(decision.ownerId());
            boolean budget = "BUDGET_ARBITRATION".equals(decision.agendaItemKind());
            List<String> row = List.of(
                    collectivite.map(CollectiviteView::name).orElse(""),
                    collectivite.map(CollectiviteView::siren).orElse(""),
                    decision.id().toString(),
                    decision.decidedOn().toString(),
                    budget ? "7.1" : "",
                    budget ? "Finances locales/Decisions budgetaires" : "",
                    decision.title(),
                    budget ? String.valueOf(decision.decidedOn().getYear()) : "",
                    "",
                    "",
                    "",
                    String.valueOf(decision.votingMembers()),
                    String.valueOf(decision.votingPresent()),
                    String.valueOf(decision.votesFor()),
                    String.valueOf(decision.votesAgainst()),
                    String.valueOf(decision.abstentions()),
                    "");
            csv.append(String.join(",", row.stream().map(ScdlDeliberations::quoted).toList())).append("\r\n");
        }
        return csv.toString();
    }

    private static String quoted(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private ScdlDeliberations() {
    }
}
