package fr.mutualis.governance.query;

import fr.mutualis.governance.messages.AgendaItem;
import fr.mutualis.governance.messages.ArbitratedAmount;
import fr.mutualis.governance.messages.Cadence;
import fr.mutualis.governance.messages.InstanceMember;
import fr.mutualis.kit.api.Page;
import fr.mutualis.kit.mutualisation.MutualisationDirectory;
import fr.mutualis.kit.tenant.Owner;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads of the governance read models. The directory of collectivités is public; everything else is filtered by
 * the caller's tenant: its own rows and those of the mutualisations it belongs to or administers.
 */
@Component
public class GovernanceQueries {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, BigDecimal>> SHARES = new TypeReference<>() { };
    private static final TypeReference<List<InstanceMember>> MEMBERS = new TypeReference<>() { };
    private static final TypeReference<List<AgendaItem>> AGENDA = new TypeReference<>() { };
    private static final TypeReference<List<ArbitratedAmount>> AMOUNTS = new TypeReference<>() { };

    private static final RowMapper<CollectiviteView> COLLECTIVITE = (rs, row) -> new CollectiviteView(
            rs.getString("siren"), rs.getString("name"), rs.getString("kind"), rs.getLong("population"),
            rs.getString("epci_siren"), rs.getString("elected_lead"), rs.getString("siret"), rs.getLong("version"));

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MutualisationDirectory mutualisations;
    private final TransactionTemplate readOnly;

    public GovernanceQueries(JdbcClient jdbc, JsonMapper json, MutualisationDirectory mutualisations,
                             PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.mutualisations = mutualisations;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public Optional<CollectiviteView> collectivite(String siren) {
        return jdbc.sql("SELECT * FROM collectivite_view WHERE siren = :siren")
                .param("siren", siren)
                .query(COLLECTIVITE).optional();
    }

    public Page<CollectiviteView> collectivites(int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM collectivite_view").query(Long.class).single();
        List<CollectiviteView> items = jdbc.sql("SELECT * FROM collectivite_view ORDER BY name, siren LIMIT :size OFFSET :offset")
                .param("size", size).param("offset", (long) page * size)
                .query(COLLECTIVITE).list();
        return new Page<>(items, page, size, total);
    }

    /** The collectivité behind an owner: the tenant itself, or the EPCI administering a mutualisation. */
    public Optional<CollectiviteView> collectiviteOfOwner(Owner owner) {
        return owner.mutualisationId()
                .map(mutualisation -> mutualisations.find(mutualisation).flatMap(found -> collectivite(found.epciSiren().strip())))
                .orElseGet(() -> collectivite(owner.id()));
    }

    /** Visible to its EPCI and its members; {@code everything} for a platform administrator. */
    public Optional<MutualisationView> mutualisation(UUID id, String tenant, boolean everything) {
        if (!everything) {
            return mutualisationRow(id).filter(found -> found.epciSiren().equals(tenant) || found.memberSirens().contains(tenant));
        }
        // The row-level security policy lets a platform administrator's read through only when it says so, for its
        // own transaction (set_config(..., true)): the flag goes with the transaction, never with the pooled connection.
        return readOnly.execute(status -> {
            jdbc.sql("SELECT set_config('mutualis.platform_admin', 'on', true)").query(String.class).single();
            return mutualisationRow(id);
        });
    }

    private Optional<MutualisationView> mutualisationRow(UUID id) {
        return jdbc.sql("SELECT * FROM mutualisation_view WHERE mutualisation_id = :id")
                .param("id", id)
                .query((rs, n) -> new MutualisationView(rs.getObject("mutualisation_id", UUID.class), rs.getString("name"),
                        rs.getString("epci_siren"), json.readValue(rs.getString("member_sirens"), STRINGS),
                        new MutualisationView.AllocationKey(rs.getString("allocation_method"),
                                json.readValue(rs.getString("shares"), SHARES)),
                        rs.getLong("version")))
                .optional();
    }

    /** The owners whose governance data {@code tenant} sees: itself and its mutualisations. */
    public List<String> ownersVisibleTo(String tenant) {
        List<String> owners = new ArrayList<>();
        owners.add(tenant);
        mutualisations.visibleTo(tenant).forEach(id -> owners.add(id.toString()));
        return owners;
    }

    public Optional<InstanceView> instance(UUID id, String tenant) {
        return jdbc.sql("SELECT * FROM instance_view WHERE instance_id = :id AND owner_id = ANY(:owners)")
                .param("id", id)
                .param("owners", ownersVisibleTo(tenant).toArray(String[]::new))
                .query(this::instance)
                .optional();
    }

    public Page<InstanceView> instances(String tenant, int page, int size) {
        String[] owners = ownersVisibleTo(tenant).toArray(String[]::new);
        long total = jdbc.sql("SELECT count(*) FROM instance_view WHERE owner_id = ANY(:owners)")
                .param("owners", owners).query(Long.class).single();
        List<InstanceView> items = jdbc.sql("""
                        SELECT * FROM instance_view WHERE owner_id = ANY(:owners)
                        ORDER BY name, instance_id LIMIT :size OFFSET :offset""")
                .param("owners", owners).param("size", size).param("offset", (long) page * size)
                .query(this::instance)
                .list();
        return new Page<>(items, page, size, total);
    }

    /** The séances of an instance the caller already sees, oldest first. */
    public List<SessionSummary> sessions(UUID instanceId) {
        return jdbc.sql("""
                        SELECT session_id, scheduled_at, status, held_on, quorum_reached, reconvened_from
                        FROM session_view WHERE instance_id = :id ORDER BY scheduled_at, session_id""")
                .param("id", instanceId)
                .query((rs, n) -> new SessionSummary(rs.getObject("session_id", UUID.class),
                        rs.getTimestamp("scheduled_at").toInstant(), rs.getString("status"),
                        rs.getObject("held_on", LocalDate.class), rs.getBoolean("quorum_reached"),
                        rs.getObject("reconvened_from", UUID.class)))
                .list();
    }

    public List<InstanceView> instances(String tenant) {
        return jdbc.sql("SELECT * FROM instance_view WHERE owner_id = ANY(:owners) ORDER BY name, instance_id")
                .param("owners", ownersVisibleTo(tenant).toArray(String[]::new))
                .query(this::instance)
                .list();
    }

    /** The instance a séance belongs to, if the séance is visible to {@code tenant}. */
    public Optional<InstanceView> instanceOfSession(UUID sessionId, String tenant) {
        return jdbc.sql("SELECT instance_id FROM session_view WHERE session_id = :id")
                .param("id", sessionId)
                .query(UUID.class)
                .optional()
                .flatMap(instanceId -> instance(instanceId, tenant));
    }

    public Optional<SessionView> session(UUID id, String tenant) {
        return jdbc.sql("""
                        SELECT s.*, i.name AS instance_name, i.kind AS instance_kind, i.members, i.version
                        FROM session_view s JOIN instance_view i ON i.instance_id = s.instance_id
                        WHERE s.session_id = :id AND s.owner_id = ANY(:owners)""")
                .param("id", id)
                .param("owners", ownersVisibleTo(tenant).toArray(String[]::new))
                .query((rs, n) -> session(rs))
                .optional();
    }

    /** The decision register: every visible decision, newest first, filtered as asked. */
    public Page<DecisionView> decisions(String tenant, DecisionFilter filter, int page, int size) {
        String where = """
                WHERE owner_id = ANY(:owners)
                  AND (CAST(:instance AS UUID) IS NULL OR instance_id = CAST(:instance AS UUID))
                  AND (CAST(:kind AS VARCHAR) IS NULL OR agenda_item_kind = CAST(:kind AS VARCHAR))
                  AND (CAST(:outcome AS VARCHAR) IS NULL OR outcome = CAST(:outcome AS VARCHAR))
                  AND (CAST(:from AS DATE) IS NULL OR decided_on >= CAST(:from AS DATE))
                  AND (CAST(:to AS DATE) IS NULL OR decided_on <= CAST(:to AS DATE))
                  AND (CAST(:instanceKind AS VARCHAR) IS NULL OR instance_kind = CAST(:instanceKind AS VARCHAR))
                  AND (CAST(:finalOnly AS BOOLEAN) = false OR final)""";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("owners", ownersVisibleTo(tenant).toArray(String[]::new));
        params.put("instance", filter.instanceId());
        params.put("kind", filter.kind());
        params.put("outcome", filter.outcome());
        params.put("from", filter.from());
        params.put("to", filter.to());
        params.put("instanceKind", filter.instanceKind());
        params.put("finalOnly", filter.finalOnly());
        long total = jdbc.sql("SELECT count(*) FROM decision_view " + where).params(params).query(Long.class).single();
        List<DecisionView> items = jdbc.sql("SELECT * FROM decision_view " + where
                        + " ORDER BY decided_on DESC, instance_name, title, decision_id LIMIT :size OFFSET :offset")
                .params(params)
                .param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> decision(rs))
                .list();
        return new Page<>(items, page, size, total);
    }

    /** Séances held (closed) per cadence period overlapping {@code from}–{@code to}. */
    public CadenceView cadence(InstanceView instance, LocalDate from, LocalDate to) {
        List<LocalDate> held = jdbc.sql("""
                        SELECT held_on FROM session_view
                        WHERE instance_id = :id AND status = 'CLOSED' AND held_on BETWEEN :from AND :to""")
                .param("id", instance.id()).param("from", from).param("to", to)
                .query(LocalDate.class)
                .list();
        int months = Cadence.valueOf(instance.cadence()).months();
        List<CadenceView.Period> periods = new ArrayList<>();
        LocalDate start = from.withDayOfMonth(1).withMonth(((from.getMonthValue() - 1) / months) * months + 1);
        while (!start.isAfter(to)) {
            LocalDate end = start.plusMonths(months).minusDays(1);
            LocalDate periodStart = start;
            int count = (int) held.stream().filter(day -> !day.isBefore(periodStart) && !day.isAfter(end)).count();
            periods.add(new CadenceView.Period(start, end, count));
            start = start.plusMonths(months);
        }
        int covered = (int) periods.stream().filter(period -> period.held() > 0).count();
        return new CadenceView(instance.id(), instance.name(), instance.ownerId(), instance.cadence(), from, to,
                periods.size(), held.size(), covered, covered == periods.size(), periods);
    }

    private InstanceView instance(ResultSet rs, int row) throws SQLException {
        return new InstanceView(rs.getObject("instance_id", UUID.class), rs.getString("owner_id"),
                rs.getObject("mutualisation_id", UUID.class), rs.getString("administering_siren"), rs.getString("name"),
                rs.getString("kind"), rs.getString("cadence"),
                rs.getBigDecimal("quorum") == null ? null : rs.getBigDecimal("quorum").stripTrailingZeros(),
                json.readValue(rs.getString("members"), MEMBERS), rs.getObject("created_on", LocalDate.class),
                rs.getLong("version"));
    }

    private SessionView session(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("session_id", UUID.class);
        List<String> present = json.readValue(rs.getString("present"), STRINGS);
        List<String> absent = json.readValue(rs.getString("members"), MEMBERS).stream()
                .map(InstanceMember::personId)
                .filter(person -> !present.contains(person))
                .toList();
        List<DecisionView> decisions = jdbc.sql("SELECT * FROM decision_view WHERE session_id = :id")
                .param("id", id)
                .query((decision, n) -> decision(decision))
                .list();
        String minutes = rs.getString("minutes");
        var closedAt = rs.getTimestamp("closed_at");
        return new SessionView(id, rs.getObject("instance_id", UUID.class), rs.getString("instance_name"),
                rs.getString("instance_kind"), rs.getString("owner_id"), rs.getTimestamp("scheduled_at").toInstant(),
                rs.getObject("reconvened_from", UUID.class), rs.getBoolean("quorum_waived"), rs.getString("status"),
                json.readValue(rs.getString("agenda"), AGENDA),
                new SessionView.Attendance(present, absent, rs.getBoolean("quorum_reached")),
                decisions,
                minutes == null ? null : new SessionView.Minutes(rs.getObject("held_on", LocalDate.class),
                        closedAt == null ? null : closedAt.toInstant(), minutes),
                rs.getLong("version"));
    }

    private DecisionView decision(ResultSet rs) throws SQLException {
        return new DecisionView(rs.getObject("decision_id", UUID.class), rs.getObject("session_id", UUID.class),
                rs.getObject("instance_id", UUID.class), rs.getString("instance_name"), rs.getString("instance_kind"),
                rs.getString("owner_id"), rs.getObject("agenda_item_id", UUID.class), rs.getString("agenda_item_kind"),
                rs.getString("title"), rs.getString("subject_id"), json.readValue(rs.getString("amounts"), AMOUNTS),
                rs.getString("outcome"), rs.getInt("votes_for"), rs.getInt("votes_against"), rs.getInt("abstentions"),
                rs.getInt("voting_members"), rs.getInt("voting_present"), rs.getBoolean("secret_ballot"),
                rs.getBoolean("chair_casting"), rs.getObject("decided_on", LocalDate.class), rs.getBoolean("final"));
    }

    /** Filters of the decision register; null means any. */
    public record DecisionFilter(UUID instanceId, String kind, String outcome, LocalDate from, LocalDate to,
                                 String instanceKind, boolean finalOnly) {
    }
}
