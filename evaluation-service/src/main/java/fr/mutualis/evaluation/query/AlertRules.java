package fr.mutualis.evaluation.query;

import fr.mutualis.contracts.evaluation.IndicatorStatus;
import fr.mutualis.evaluation.messages.AlertKind;
import fr.mutualis.evaluation.messages.AlertSubjectKind;
import fr.mutualis.kit.time.FrenchTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of DOMAIN §9 over evaluation's read models: which causes hold for one owner on a given day. Pure reads,
 * so the engine can run them as often as it likes; a cause's {@code since} is drawn from the data (a planned date,
 * a measurement, a convocation), not from when it was noticed, so that every evaluation gives the same answer.
 */
@Component
public class AlertRules {

    /** The minutes are due within a week of the séance (CGCT L2121-15, L2121-25). */
    static final int MINUTES_DAYS = 7;

    private final JdbcClient jdbc;
    private final EvaluationQueries indicators;
    private final AlertSettingsStore settings;

    public AlertRules(JdbcClient jdbc, EvaluationQueries indicators, AlertSettingsStore settings) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.settings = settings;
    }

    /** Every cause that holds for {@code owner} on {@code today}, observed at {@code now}. */
    public List<AlertCause> causes(String owner, LocalDate today, Instant now) {
        List<AlertCause> causes = new ArrayList<>();
        causes.addAll(creditsNearlyConsumed(owner, today, now));
        causes.addAll(cpShortfalls(owner, today, now));
        causes.addAll(indicatorsOffTrack(owner));
        causes.addAll(decisionsNotApplied(owner));
        causes.addAll(milestonesLate(owner, today));
        causes.addAll(cadencesNotKept(owner, today));
        causes.addAll(shortNotices(owner, today));
        causes.addAll(minutesLate(owner, today));
        return causes;
    }

    /**
     * A line of the current year whose engagements reach the credits threshold of its open credits, or, in the last
     * month of its year, whose mandates reach the mandated threshold of its engagements.
     */
    List<AlertCause> creditsNearlyConsumed(String owner, LocalDate today, Instant now) {
        AlertThresholds thresholds = settings.thresholds(owner);
        boolean yearEnd = today.getMonthValue() == 12;
        return jdbc.sql("""
                        SELECT l.line_id, COALESCE(l.label, l.chapter, l.line_id::text) AS label, l.voted_cents,
                            COALESCE((SELECT sum(amount_cents) FROM budget_engagement e WHERE e.line_id = l.line_id), 0) AS engaged,
                            COALESCE((SELECT sum(amount_cents) FROM budget_mandate m WHERE m.line_id = l.line_id), 0) AS mandated
                        FROM budget_line l WHERE l.owner_id = :owner AND l.fiscal_year = :year""")
                .param("owner", owner)
                .param("year", today.getYear())
                .query((rs, row) -> {
                    long voted = rs.getLong("voted_cents");
                    long engaged = rs.getLong("engaged");
                    long mandated = rs.getLong("mandated");
                    String detail = null;
                    if (voted > 0 && engaged * 100 >= voted * thresholds.creditsPercent()) {
                        detail = percent(engaged, voted) + " % des crédits ouverts sont engagés (seuil "
                                + thresholds.creditsPercent() + " %)";
                    } else if (yearEnd && engaged > 0 && mandated * 100 >= engaged * thresholds.mandatedPercent()) {
                        detail = percent(mandated, engaged) + " % des engagements sont mandatés en fin d'exercice (seuil "
                                + thresholds.mandatedPercent() + " %)";
                    }
                    if (detail == null) {
                        return null;
                    }
                    String line = rs.getString("line_id");
                    return new AlertCause(AlertKind.CREDITS_NEARLY_CONSUMED, AlertSubjectKind.BUDGET_LINE, line, line,
                            rs.getString("label"), now, detail);
                })
                .list().stream().filter(cause -> cause != null).toList();
    }

    /**
     * A programme whose CP of this year and the years after, less what was already mandated this year, no longer
     * cover what is engaged under it and not mandated yet. CP of past years are gone unless a revision moved them.
     */
    List<AlertCause> cpShortfalls(String owner, LocalDate today, Instant now) {
        return jdbc.sql("""
                        SELECT p.programme_id, COALESCE(p.label, p.programme_id::text) AS label,
                            COALESCE((SELECT sum(amount_cents) FROM budget_programme_cp c
                                      WHERE c.programme_id = p.programme_id AND c.year >= :year), 0)
                            - COALESCE((SELECT sum(amount_cents) FROM budget_programme_mandate m
                                        WHERE m.programme_id = p.programme_id AND m.year = :year), 0) AS covered,
                            COALESCE((SELECT sum(amount_cents) FROM budget_programme_engagement e WHERE e.programme_id = p.programme_id), 0)
                            - COALESCE((SELECT sum(amount_cents) FROM budget_programme_mandate m WHERE m.programme_id = p.programme_id), 0)
                                AS outstanding
                        FROM budget_programme p WHERE p.owner_id = :owner""")
                .param("owner", owner)
                .param("year", today.getYear())
                .query((rs, row) -> {
                    long covered = rs.getLong("covered");
                    long outstanding = rs.getLong("outstanding");
                    if (outstanding <= covered) {
                        return null;
                    }
                    String programme = rs.getString("programme_id");
                    return new AlertCause(AlertKind.CP_SHORTFALL, AlertSubjectKind.PROGRAMME, programme, programme,
                            rs.getString("label"), now, "Les CP restant à partir de " + today.getYear() + " ("
                            + euros(covered) + ") ne couvrent plus les engagements restant à mandater (" + euros(outstanding) + ")");
                })
                .list().stream().filter(cause -> cause != null).toList();
    }

    /** An indicator whose last measurement is OFF_TRACK, since that measurement's date. */
    List<AlertCause> indicatorsOffTrack(String owner) {
        return indicators.indicatorStatuses(owner).stream()
                .filter(status -> status.status() == IndicatorStatus.OFF_TRACK)
                .map(status -> new AlertCause(AlertKind.INDICATOR_OFF_TRACK, AlertSubjectKind.INDICATOR,
                        status.indicator().id().toString(), status.indicator().id().toString(), status.indicator().name(),
                        startOf(status.latest().date()),
                        "Dernière mesure (" + status.latest().value().toPlainString() + " " + status.indicator().unit()
                                + " le " + FrenchTime.DAY.format(status.latest().date()) + ") hors trajectoire vers la cible de "
                                + status.indicator().targetValue().toPlainString() + " " + status.indicator().unit()
                                + " au " + FrenchTime.DAY.format(status.indicator().targetDate())))
                .toList();
    }

    /**
     * An approved decision portfolio or budget could not apply, until its subject reaches what the decision would have
     * made of it (a project approved or beyond, a roadmap adopted, by a later decision); an arbitration on another
     * owner's or an unknown line stays. The cause is the decision and its subject; the alert's subject is the project
     * when evaluation knows it (its page shows it), else the decision.
     */
    List<AlertCause> decisionsNotApplied(String owner) {
        return jdbc.sql("""
                        SELECT d.decision_id, d.agenda_item_kind, d.subject_id, d.reason, d.noted_at, p.project_id,
                            COALESCE(p.title, r.title, NULLIF(d.subject_id, ''), d.decision_id::text) AS label
                        FROM decision_not_applied d
                        LEFT JOIN portfolio_project p ON p.project_id::text = d.subject_id
                        LEFT JOIN portfolio_roadmap r ON r.roadmap_id::text = d.subject_id
                        WHERE d.owner_id = :owner
                          AND NOT (d.agenda_item_kind = 'PROJECT_GATE' AND p.status IN ('APPROVED', 'IN_PROGRESS', 'ON_HOLD', 'DELIVERED', 'CLOSED'))
                          AND NOT (d.agenda_item_kind = 'ROADMAP_ADOPTION' AND r.status = 'ADOPTED')""")
                .param("owner", owner)
                .query((rs, row) -> {
                    String decision = rs.getString("decision_id");
                    String kind = rs.getString("agenda_item_kind");
                    String label = rs.getString("label");
                    String what = switch (kind) {
                        case "PROJECT_GATE" -> "L'approbation du projet « " + label + " » décidée en séance n'a pas été appliquée";
                        case "ROADMAP_ADOPTION" -> "L'adoption de la feuille de route « " + label + " » décidée en séance n'a pas été appliquée";
                        case "BUDGET_ARBITRATION" -> "L'arbitrage budgétaire de la ligne « " + label + " » décidé en séance n'a pas été appliqué";
                        default -> "La décision (" + kind + ") sur « " + label + " » n'a pas été appliquée";
                    };
                    String why = switch (rs.getString("reason")) {
                        case "WRONG_STATE" -> "son objet n'était pas dans l'état voulu (un projet doit être évalué, une feuille de route en projet)";
                        case "OTHER_OWNER" -> "l'instance qui l'a prise n'a pas autorité sur son objet";
                        default -> "son objet est inconnu";
                    };
                    boolean onProject = "PROJECT_GATE".equals(kind) && rs.getString("project_id") != null;
                    return new AlertCause(AlertKind.DECISION_NOT_APPLIED,
                            onProject ? AlertSubjectKind.PROJECT : AlertSubjectKind.DECISION,
                            onProject ? rs.getString("project_id") : decision, decision + "|" + rs.getString("subject_id"),
                            label, rs.getTimestamp("noted_at").toInstant(), what + " : " + why);
                })
                .list();
    }

    /** A milestone not reached after its planned date, on a project still under way. */
    List<AlertCause> milestonesLate(String owner, LocalDate today) {
        return jdbc.sql("""
                        SELECT m.milestone_id, m.project_id, m.title, m.planned_date, COALESCE(p.title, m.project_id::text) AS project
                        FROM portfolio_milestone m LEFT JOIN portfolio_project p ON p.project_id = m.project_id
                        WHERE m.owner_id = :owner AND m.actual_date IS NULL AND m.planned_date < :today
                          AND (p.status IS NULL OR p.status NOT IN ('DELIVERED', 'CLOSED', 'CANCELLED'))""")
                .param("owner", owner)
                .param("today", today)
                .query((rs, row) -> {
                    LocalDate planned = rs.getObject("planned_date", LocalDate.class);
                    return new AlertCause(AlertKind.MILESTONE_LATE, AlertSubjectKind.PROJECT, rs.getString("project_id"),
                            rs.getString("milestone_id"), rs.getString("project"), startOf(planned.plusDays(1)),
                            "Le jalon « " + Optional.ofNullable(rs.getString("title")).orElse("sans titre")
                                    + " » prévu le " + FrenchTime.DAY.format(planned) + " n'est pas atteint");
                })
                .list();
    }

    /** An instance that held no séance in the last full period of its cadence, having existed all through it. */
    List<AlertCause> cadencesNotKept(String owner, LocalDate today) {
        return jdbc.sql("SELECT instance_id, name, cadence, created_on FROM governance_instance WHERE owner_id = :owner")
                .param("owner", owner)
                .query((rs, row) -> {
                    LocalDate createdOn = rs.getObject("created_on", LocalDate.class);
                    Optional<CadenceCompliance.Period> period = CadenceCompliance.lastFullPeriod(rs.getString("cadence"), today)
                            .filter(last -> !createdOn.isAfter(last.start()));
                    if (period.isEmpty()) {
                        return null;
                    }
                    long held = jdbc.sql("""
                                    SELECT count(*) FROM governance_session
                                    WHERE instance_id = :instance AND held_on BETWEEN :from AND :to""")
                            .param("instance", rs.getObject("instance_id"))
                            .param("from", period.get().start())
                            .param("to", period.get().end())
                            .query(Long.class).single();
                    if (held > 0) {
                        return null;
                    }
                    String instance = rs.getString("instance_id");
                    return new AlertCause(AlertKind.CADENCE_NOT_KEPT, AlertSubjectKind.INSTANCE, instance, instance,
                            rs.getString("name"), startOf(period.get().end().plusDays(1)),
                            "Aucune séance tenue du " + FrenchTime.DAY.format(period.get().start()) + " au "
                                    + FrenchTime.DAY.format(period.get().end()) + " (cadence " + rs.getString("cadence") + ")");
                })
                .list().stream().filter(cause -> cause != null).toList();
    }

    /**
     * A deliberative assembly's séance still to come, convened with less than the legal notice. Once the séance is
     * held (or its day is past) the assembly has ruled: the alert ends. A mutualisation's instance takes the rule of
     * the EPCI administering it; an owner not in the directory yet is judged at the next sweep.
     */
    List<AlertCause> shortNotices(String owner, LocalDate today) {
        return jdbc.sql("""
                        SELECT s.session_id, s.scheduled_at, s.convened_at, s.urgent, c.kind, c.population,
                            COALESCE(i.name, 'Séance') AS instance
                        FROM governance_session_scheduled s
                        LEFT JOIN kit_mutualisation mu ON mu.mutualisation_id::text = s.owner_id
                        JOIN kit_collectivite c ON c.siren = COALESCE(mu.epci_siren, s.owner_id)
                        LEFT JOIN governance_instance i ON i.instance_id = s.instance_id
                        WHERE s.owner_id = :owner AND s.instance_kind = 'DELIBERATIVE_ASSEMBLY'
                          AND NOT EXISTS (SELECT 1 FROM governance_session held WHERE held.session_id = s.session_id)""")
                .param("owner", owner)
                .query((rs, row) -> {
                    LocalDate seance = LocalDate.ofInstant(rs.getTimestamp("scheduled_at").toInstant(), FrenchTime.ZONE);
                    LocalDate convened = rs.getObject("convened_at", LocalDate.class);
                    boolean commune = "COMMUNE".equals(rs.getString("kind"));
                    long population = rs.getLong("population");
                    boolean urgent = rs.getBoolean("urgent");
                    int required = LegalNotice.required(commune, population, urgent);
                    long given = LegalNotice.joursFrancs(convened, seance);
                    if (seance.isBefore(today) || given >= required) {
                        return null;
                    }
                    String session = rs.getString("session_id");
                    String rule = urgent ? "en urgence" : commune && population < LegalNotice.POPULATION_THRESHOLD
                            ? "commune de moins de 3 500 habitants" : commune ? "commune de 3 500 habitants et plus" : "EPCI";
                    return new AlertCause(AlertKind.SHORT_NOTICE, AlertSubjectKind.SESSION, session, session,
                            rs.getString("instance") + " du " + FrenchTime.DAY.format(seance), startOf(convened),
                            "Convoquée le " + FrenchTime.DAY.format(convened) + " pour le " + FrenchTime.DAY.format(seance) + " : "
                                    + given + " jour(s) franc(s), " + required + " requis (" + rule + ")");
                })
                .list().stream().filter(cause -> cause != null).toList();
    }

    /** A séance whose day is more than a week past and whose minutes are not published (it is not closed). */
    List<AlertCause> minutesLate(String owner, LocalDate today) {
        return jdbc.sql("""
                        SELECT s.session_id, s.scheduled_at, COALESCE(i.name, 'Séance') AS instance
                        FROM governance_session_scheduled s
                        LEFT JOIN governance_instance i ON i.instance_id = s.instance_id
                        WHERE s.owner_id = :owner
                          AND NOT EXISTS (SELECT 1 FROM governance_session held WHERE held.session_id = s.session_id)""")
                .param("owner", owner)
                .query((rs, row) -> {
                    LocalDate seance = LocalDate.ofInstant(rs.getTimestamp("scheduled_at").toInstant(), FrenchTime.ZONE);
                    LocalDate due = seance.plusDays(MINUTES_DAYS);
                    if (!today.isAfter(due)) {
                        return null;
                    }
                    String session = rs.getString("session_id");
                    return new AlertCause(AlertKind.MINUTES_LATE, AlertSubjectKind.SESSION, session, session,
                            rs.getString("instance") + " du " + FrenchTime.DAY.format(seance), startOf(due.plusDays(1)),
                            "Procès-verbal de la séance du " + FrenchTime.DAY.format(seance) + " non publié, attendu au plus tard le "
                                    + FrenchTime.DAY.format(due));
                })
                .list().stream().filter(cause -> cause != null).toList();
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(FrenchTime.ZONE).toInstant();
    }

    /** Cents as French euros, {@code 1 234,50 €}. */
    private static String euros(long cents) {
        return java.text.NumberFormat.getCurrencyInstance(java.util.Locale.FRANCE)
                .format(java.math.BigDecimal.valueOf(cents, 2));
    }

    private static long percent(long part, long whole) {
        return part * 100 / whole;
    }
}
