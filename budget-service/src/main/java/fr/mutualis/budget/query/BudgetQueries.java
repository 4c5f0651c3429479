package fr.mutualis.budget.query;

import fr.mutualis.budget.messages.BudgetYears;
import fr.mutualis.budget.messages.ScheduledCredit;
import fr.mutualis.kit.api.Page;
import fr.mutualis.kit.tenant.Owner;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads of the budget read models, always restricted to what the caller sees: its tenant's rows and those of the
 * mutualisations it belongs to or administers (row-level security repeats the restriction in the database).
 */
@Component
public class BudgetQueries {

    private static final RowMapper<BudgetLineView> LINE = (rs, row) -> new BudgetLineView(
            rs.getObject("line_id", UUID.class), rs.getString("owner_id"), mutualisationOf(rs.getString("owner_id")),
            rs.getInt("fiscal_year"),
            rs.getString("section"), rs.getString("chapter"), rs.getString("label"),
            rs.getObject("project_id", UUID.class), rs.getObject("programme_id", UUID.class), rs.getLong("planned_cents"),
            rs.getLong("voted_cents"), rs.getLong("engaged_cents"), rs.getLong("mandated_cents"),
            rs.getString("last_stage"), rs.getLong("version"));

    private static final RowMapper<MandateView> MANDATE = (rs, row) -> new MandateView(
            rs.getObject("mandate_id", UUID.class), rs.getObject("engagement_id", UUID.class),
            rs.getObject("line_id", UUID.class), rs.getLong("amount_cents"), rs.getString("reference"),
            rs.getObject("mandate_date", LocalDate.class));

    private static final RowMapper<CreditTransferView> TRANSFER = (rs, row) -> new CreditTransferView(
            rs.getObject("transfer_id", UUID.class), rs.getString("owner_id"), rs.getInt("fiscal_year"),
            rs.getString("section"), rs.getObject("from_line_id", UUID.class), rs.getString("from_chapter"),
            rs.getObject("to_line_id", UUID.class), rs.getString("to_chapter"), rs.getLong("amount_cents"),
            rs.getLong("counted_cents") > 0, rs.getString("reason"), rs.getObject("transfer_date", LocalDate.class),
            rs.getTimestamp("recorded_at").toInstant());

    private static final TypeReference<List<ScheduledCredit>> SCHEDULE = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public BudgetQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A line's owner is a SIREN, or the id of the mutualisation that shares it. */
    private static UUID mutualisationOf(String ownerId) {
        return ownerId.length() == 36 ? UUID.fromString(ownerId) : null;
    }

    /** The owners' ids as the read models store them, for an {@code IN} clause. */
    private static List<String> ids(Set<Owner> owners) {
        return owners.stream().map(Owner::id).toList();
    }

    /** {@code owners}: the caller's tenant and the mutualisations it sees. */
    public Optional<BudgetLineView> line(UUID id, Set<Owner> owners) {
        return jdbc.sql("SELECT * FROM budget_line_view WHERE line_id = :id AND owner_id IN (:owners)")
                .param("id", id).param("owners", ids(owners))
                .query(LINE).optional();
    }

    public Optional<BudgetLineDetail> lineDetail(UUID id, Set<Owner> owners) {
        return line(id, owners).map(line -> {
            List<BudgetLineDetail.Credit> credits = jdbc.sql("""
                            SELECT stage, credits_cents, previous_cents, vote_id, voted_at FROM budget_line_credit
                            WHERE line_id = :id ORDER BY sequence""")
                    .param("id", id)
                    .query((rs, n) -> new BudgetLineDetail.Credit(rs.getString(1), rs.getLong(2), rs.getLong(3),
                            rs.getObject(4, UUID.class), rs.getTimestamp(5).toInstant()))
                    .list();
            // Only decisions of the line's owner count: another tenant's decision cannot touch this line.
            List<BudgetLineDetail.Arbitration> arbitrations = jdbc.sql("""
                            SELECT decision_id, amount_cents, decided_on, title FROM line_arbitration
                            WHERE line_id = :id AND owner_id = :owner ORDER BY decided_on NULLS FIRST, decision_id""")
                    .param("id", id).param("owner", line.ownerId())
                    .query((rs, n) -> new BudgetLineDetail.Arbitration(rs.getObject(1, UUID.class), rs.getLong(2),
                            rs.getObject(3, LocalDate.class), rs.getString(4)))
                    .list();
            Long arbitrated = arbitrations.isEmpty() ? null : arbitrations.getLast().amountCents();
            List<BudgetLineDetail.Transfer> transfers = jdbc.sql("""
                            SELECT transfer_id, counterpart_line_id, delta_cents, credits_cents, transfer_date
                            FROM budget_line_transfer WHERE line_id = :id ORDER BY sequence""")
                    .param("id", id)
                    .query((rs, n) -> new BudgetLineDetail.Transfer(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getLong(3), rs.getLong(4), rs.getObject(5, LocalDate.class)))
                    .list();
            List<EngagementView> engagements = jdbc.sql("""
                            SELECT engagement_id FROM engagement_view WHERE line_id = :id ORDER BY engagement_date, reference, engagement_id""")
                    .param("id", id)
                    .query(UUID.class).list().stream()
                    .map(engagement -> engagement(engagement, owners).orElseThrow())
                    .toList();
            return new BudgetLineDetail(line.id(), line.ownerId(), line.mutualisationId(), line.fiscalYear(), line.section(), line.chapter(),
                    line.label(), line.projectId(), line.programmeId(), line.plannedCents(), line.votedCents(),
                    line.engagedCents(), line.mandatedCents(), line.lastStage(), arbitrated, credits, arbitrations,
                    transfers, engagements, line.version());
        });
    }

    /** Whether every line of a vote shows it in its credit history. */
    public boolean voteApplied(UUID voteId, int lines) {
        return jdbc.sql("SELECT count(*) FROM budget_line_credit WHERE vote_id = :vote").param("vote", voteId)
                .query(Long.class).single() >= lines;
    }

    /** Whether both lines of a transfer and the year's list show it. */
    public boolean transferApplied(UUID transferId) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM budget_line_transfer WHERE transfer_id = :id) = 2
                           AND EXISTS (SELECT 1 FROM credit_transfer_view WHERE transfer_id = :id)""")
                .param("id", transferId)
                .query(Boolean.class).single();
    }

    public boolean transferRatesApplied(UUID ratesVoteId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM transfer_rate_view WHERE rates_vote_id = :id)")
                .param("id", ratesVoteId)
                .query(Boolean.class).single();
    }

    public Optional<CreditTransferView> transfer(UUID id, Set<Owner> owners) {
        return jdbc.sql("SELECT * FROM credit_transfer_view WHERE transfer_id = :id AND owner_id IN (:owners)")
                .param("id", id).param("owners", ids(owners))
                .query(TRANSFER).optional();
    }

    /** The delegated rates, their use and the transfers of one owner's fiscal year. */
    public ChapterTransfers transfers(Owner owner, int fiscalYear) {
        record Rates(int investment, int operating, String deliberation) {
        }
        Rates rates = jdbc.sql("""
                        SELECT investment_basis_points, operating_basis_points, deliberation FROM transfer_rate_view
                        WHERE owner_id = :owner AND fiscal_year = :year""")
                .param("owner", owner.id()).param("year", fiscalYear)
                .query((rs, n) -> new Rates(rs.getInt(1), rs.getInt(2), rs.getString(3)))
                .optional().orElse(new Rates(0, 0, null));
        List<CreditTransferView> transfers = jdbc.sql("""
                        SELECT * FROM credit_transfer_view WHERE owner_id = :owner AND fiscal_year = :year ORDER BY sequence""")
                .param("owner", owner.id()).param("year", fiscalYear)
                .query(TRANSFER).list();
        BudgetSummary summary = summary(owner, fiscalYear);
        return new ChapterTransfers(fiscalYear, owner.id(), owner.mutualisationId().orElse(null), rates.deliberation(),
                section("INVESTMENT", rates.investment(), summary.investment().votedCents(), transfers),
                section("OPERATING", rates.operating(), summary.operating().votedCents(), transfers),
                transfers);
    }

    private static ChapterTransfers.Delegation section(String section, int basisPoints, long baseCents,
                                                    List<CreditTransferView> transfers) {
        long ceiling = BudgetYears.ceiling(baseCents, basisPoints);
        long transferred = transfers.stream()
                .filter(transfer -> transfer.section().equals(section) && transfer.betweenChapters())
                .mapToLong(CreditTransferView::amountCents).sum();
        return new ChapterTransfers.Delegation(BudgetYears.percent(basisPoints), baseCents, ceiling, transferred,
                Math.max(0, ceiling - transferred));
    }

    /** The lines of one owner: the caller's tenant, or a mutualisation it sees. */
    public Page<BudgetLineView> lines(Owner owner, Integer fiscalYear, String section, int page, int size) {
        String where = """
                WHERE owner_id = :owner
                  AND (CAST(:year AS INTEGER) IS NULL OR fiscal_year = CAST(:year AS INTEGER))
                  AND (CAST(:section AS VARCHAR) IS NULL OR section = :section)""";
        long total = jdbc.sql("SELECT count(*) FROM budget_line_view " + where)
                .param("owner", owner.id()).param("year", fiscalYear).param("section", section)
                .query(Long.class).single();
        List<BudgetLineView> items = jdbc.sql("SELECT * FROM budget_line_view " + where
                        + " ORDER BY fiscal_year, section, chapter, label, line_id LIMIT :size OFFSET :offset")
                .param("owner", owner.id()).param("year", fiscalYear).param("section", section)
                .param("size", size).param("offset", (long) page * size)
                .query(LINE).list();
        return new Page<>(items, page, size, total);
    }

    public Optional<EngagementView> engagement(UUID id, Set<Owner> owners) {
        return jdbc.sql("SELECT * FROM engagement_view WHERE engagement_id = :id AND owner_id IN (:owners)")
                .param("id", id).param("owners", ids(owners))
                .query((rs, n) -> new EngagementView(rs.getObject("engagement_id", UUID.class),
                        rs.getObject("line_id", UUID.class), rs.getObject("programme_id", UUID.class),
                        rs.getLong("amount_cents"), rs.getLong("mandated_cents"), rs.getString("reference"),
                        rs.getObject("engagement_date", LocalDate.class), mandates(id)))
                .optional();
    }

    public Optional<MandateView> mandate(UUID id, Set<Owner> owners) {
        return jdbc.sql("SELECT * FROM mandate_view WHERE mandate_id = :id AND owner_id IN (:owners)")
                .param("id", id).param("owners", ids(owners))
                .query(MANDATE).optional();
    }

    private List<MandateView> mandates(UUID engagementId) {
        return jdbc.sql("SELECT * FROM mandate_view WHERE engagement_id = :id ORDER BY mandate_date, reference, mandate_id")
                .param("id", engagementId)
                .query(MANDATE).list();
    }

    public Optional<ProgrammeView> programme(UUID id, Owner tenant) {
        return jdbc.sql("SELECT * FROM programme_view WHERE programme_id = :id AND owner_id = :tenant")
                .param("id", id).param("tenant", tenant.id())
                .query((rs, n) -> {
                    List<ProgrammeView.ScheduleYear> schedule = jdbc.sql("""
                                    SELECT year, cp_cents, mandated_cents FROM programme_schedule WHERE programme_id = :id ORDER BY year""")
                            .param("id", id)
                            .query((year, m) -> new ProgrammeView.ScheduleYear(year.getInt(1), year.getLong(2), year.getLong(3),
                                    year.getLong(2) - year.getLong(3)))
                            .list();
                    List<ProgrammeView.Revision> revisions = jdbc.sql("""
                                    SELECT * FROM programme_revision WHERE programme_id = :id ORDER BY revision""")
                            .param("id", id)
                            .query((revision, m) -> new ProgrammeView.Revision(revision.getInt("revision"),
                                    revision.getLong("amount_cents"), json.readValue(revision.getString("schedule"), SCHEDULE),
                                    revision.getString("reason"), revision.getObject("decision_id", UUID.class),
                                    revision.getTimestamp("revised_at").toInstant(), revision.getString("revised_by")))
                            .list();
                    return new ProgrammeView(rs.getObject("programme_id", UUID.class), rs.getString("owner_id"),
                            rs.getString("label"), rs.getString("chapter"), rs.getString("section"),
                            rs.getObject("project_id", UUID.class), rs.getLong("amount_cents"), rs.getLong("engaged_cents"),
                            schedule.stream().mapToLong(ProgrammeView.ScheduleYear::mandatedCents).sum(),
                            rs.getInt("revision"), schedule, revisions, rs.getLong("version"));
                })
                .optional();
    }

    /** The summary of one owner's fiscal year: the caller's tenant, or a mutualisation it sees. */
    public BudgetSummary summary(Owner owner, int fiscalYear) {
        var totals = jdbc.sql("""
                        SELECT section, sum(planned_cents), sum(voted_cents), sum(engaged_cents), sum(mandated_cents)
                        FROM budget_line_view WHERE owner_id = :owner AND fiscal_year = :year GROUP BY section""")
                .param("owner", owner.id()).param("year", fiscalYear)
                .query((rs, n) -> java.util.Map.entry(rs.getString(1),
                        new BudgetSummary.Totals(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))))
                .list().stream()
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
        return new BudgetSummary(fiscalYear, totals.getOrDefault("INVESTMENT", BudgetSummary.Totals.NONE),
                totals.getOrDefault("OPERATING", BudgetSummary.Totals.NONE));
    }

    /** The lines of {@code owners} voted at {@code stage} in {@code fiscalYear}, by section and chapter. */
    public List<ScdlLine> scdlLines(Set<Owner> owners, int fiscalYear, String stage) {
        return jdbc.sql("""
                        SELECT l.owner_id, l.fiscal_year, l.section, l.chapter, l.label, l.engaged_cents, l.mandated_cents,
                            (SELECT c.previous_cents FROM budget_line_credit c WHERE c.line_id = l.line_id AND c.stage = :stage
                                ORDER BY c.sequence LIMIT 1) AS previous_cents,
                            (SELECT c.credits_cents FROM budget_line_credit c WHERE c.line_id = l.line_id AND c.stage = :stage
                                ORDER BY c.sequence DESC LIMIT 1) AS credits_cents
                        FROM budget_line_view l
                        WHERE l.owner_id IN (:owners) AND l.fiscal_year = :year
                          AND EXISTS (SELECT 1 FROM budget_line_credit c WHERE c.line_id = l.line_id AND c.stage = :stage)
                        ORDER BY l.section, l.chapter, l.label, l.line_id""")
                .param("owners", ids(owners)).param("year", fiscalYear).param("stage", stage)
                .query((rs, n) -> new ScdlLine(rs.getString("owner_id"), rs.getInt("fiscal_year"), rs.getString("section"),
                        rs.getString("chapter"), rs.getString("label"), rs.getLong("previous_cents"),
                        rs.getLong("credits_cents"), rs.getLong("engaged_cents"), rs.getLong("mandated_cents")))
                .list();
    }

    /** The current split of a mutualisation's cost; {@code onlySiren} restricts it to one member's row. */
    public Optional<AllocationView> allocation(UUID mutualisationId, int fiscalYear, String onlySiren) {
        List<AllocationRow> rows = jdbc.sql("""
                        SELECT siren, weight, amount_cents, cost_cents, method FROM cost_allocation_view
                        WHERE mutualisation_id = :id AND fiscal_year = :year ORDER BY siren""")
                .param("id", mutualisationId).param("year", fiscalYear)
                .query((rs, n) -> new AllocationRow(new AllocationView.Share(rs.getString(1).trim(), rs.getBigDecimal(2).stripTrailingZeros(),
                        rs.getLong(3)), rs.getLong(4), rs.getString(5)))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<AllocationView.Share> shares = rows.stream().map(AllocationRow::share)
                .filter(share -> onlySiren == null || share.siren().equals(onlySiren))
                .sorted(Comparator.comparing(AllocationView.Share::siren))
                .toList();
        return Optional.of(new AllocationView(mutualisationId, fiscalYear, rows.getFirst().costCents(), rows.getFirst().method(), shares));
    }

    private record AllocationRow(AllocationView.Share share, long costCents, String method) {
    }
}
