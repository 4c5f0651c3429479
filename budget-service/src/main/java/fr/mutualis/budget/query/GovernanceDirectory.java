package fr.mutualis.budget.query;

import fr.mutualis.contracts.governance.DecisionPublished;
import fr.mutualis.contracts.governance.MutualisationCreated;
import fr.mutualis.kit.collectivite.CollectiviteDirectory;
import fr.mutualis.kit.csv.ScdlPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static fr.mutualis.kit.time.PlausibleDates.stored;

/**
 * What the budget keeps of governance's events: each convention's shares (FIXED_SHARES key) and the amounts
 * arbitrated on budget lines; the populations (POPULATION key) and the names and SIRETs the SCDL export needs come
 * from the kit's directory of collectivités. Every write is an idempotent upsert keyed by what it describes, so
 * duplicates and any arrival order give the same tables.
 */
@Component
public class GovernanceDirectory {

    private static final String BUDGET_ARBITRATION = "BUDGET_ARBITRATION";
    private static final String APPROVED = "APPROVED";

    private final JdbcClient jdbc;
    private final CollectiviteDirectory collectivites;

    public GovernanceDirectory(JdbcClient jdbc, CollectiviteDirectory collectivites) {
        this.jdbc = jdbc;
        this.collectivites = collectivites;
    }

    public void record(MutualisationCreated event) {
        jdbc.sql("DELETE FROM mutualisation_share WHERE mutualisation_id = :id").param("id", event.mutualisationId()).update();
        if (event.shares() == null) {
            return;
        }
        event.shares().forEach((siren, percent) -> jdbc.sql("""
                        INSERT INTO mutualisation_share (mutualisation_id, siren, percent) VALUES (:id, :siren, :percent)""")
                .param("id", event.mutualisationId())
                .param("siren", siren)
                .param("percent", percent)
                .update());
    }

    /** Only approved budget arbitrations say anything about budget lines; amounts by project only are portfolio's. */
    public void record(DecisionPublished event) {
        if (!BUDGET_ARBITRATION.equals(event.agendaItemKind()) || !APPROVED.equals(event.outcome()) || event.amounts() == null) {
            return;
        }
        for (DecisionPublished.ArbitratedAmount amount : event.amounts()) {
            if (amount.budgetLineId() == null) {
                continue;
            }
            jdbc.sql("""
                            INSERT INTO line_arbitration (decision_id, line_id, owner_id, amount_cents, decided_on, title)
                            VALUES (:decision, :line, :owner, :amount, :decidedOn, :title)
                            ON CONFLICT (decision_id, line_id) DO NOTHING""")
                    .param("decision", event.decisionId())
                    .param("line", amount.budgetLineId())
                    .param("owner", event.ownerId())
                    .param("amount", amount.amountCents())
                    .param("decidedOn", stored(event.decidedOn()))
                    .param("title", event.title())
                    .update();
        }
    }

    public Map<String, BigDecimal> populations(Iterable<String> sirens) {
        Map<String, BigDecimal> populations = new LinkedHashMap<>();
        for (String siren : sirens) {
            collectivites.find(siren).ifPresent(found -> populations.put(siren, BigDecimal.valueOf(found.population())));
        }
        return populations;
    }

    public Map<String, BigDecimal> shares(UUID mutualisationId) {
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        jdbc.sql("SELECT siren, percent FROM mutualisation_share WHERE mutualisation_id = :id ORDER BY siren")
                .param("id", mutualisationId)
                .query((rs, n) -> shares.put(rs.getString(1).trim(), rs.getBigDecimal(2)))
                .list();
        return shares;
    }

    /** Who the SCDL export speaks for: the collectivité's name and its siège's SIRET, refused when either is unknown. */
    public ScdlPublisher scdlPublisher(String siren) {
        return collectivites.find(siren)
                .map(found -> ScdlPublisher.of(siren, found.name(), found.siret()))
                .orElseGet(() -> ScdlPublisher.of(siren, null, null));
    }
}
