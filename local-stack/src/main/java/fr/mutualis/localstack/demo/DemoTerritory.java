package fr.mutualis.localstack.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import static fr.mutualis.localstack.issuer.DemoClients.CAGV;
import static fr.mutualis.localstack.issuer.DemoClients.LES_AULNES;
import static fr.mutualis.localstack.issuer.DemoClients.SAINT_AUBIN;
import static fr.mutualis.localstack.issuer.DemoClients.VALMONT;

/**
 * The demo territory (DOMAIN.md §7), as data: the Communauté d'agglomération du Grand Val, its ville-centre Valmont
 * and two member communes; the service commun "DSI commune et SIG"; a 2026–2028 roadmap per tenant and a shared one
 * with their projects; the conseils and the three instances of the service commun with their séances; the 2026
 * budget (APs, lines voted at the BP, engagements, mandates, the shared-cost allocation, Valmont's delegation of
 * transfers between chapters and a transfer within it); indicators, measurements and self-assessments. {@link DemoLoader} sends it through the gateway. Amounts are euro cents.
 * <p>
 * Data is owned by a tenant (its SIREN) or by the mutualisation ({@link #MUTUALISATION}); keys name roadmaps,
 * projects, programmes and lines inside this class (the loader maps them to the ids the services answer).
 * The barometer profile each tenant should reach follows from the data: Valmont is SYSTEMIC (six axes under way,
 * recent measurements, specialised roles, every communication tool), Saint-Aubin ENTREPRENEUR (dematerialisation
 * only, a DPO, no measurement in the last twelve months), the CAGV and Les Aulnes are still UNCLASSIFIED.
 */
public final class DemoTerritory {

    /** The owner key of the mutualisation's data: its id is only known once governance created it. */
    public static final String MUTUALISATION = "mutualisation";
    /** The fiscal year of the demo budget. */
    public static final int FISCAL_YEAR = 2026;
    /** The deliberation of Valmont's conseil revising an AP. */
    private static final String REVISE_TELEPHONY_AP = "Révision de l'AP Téléphonie sur IP";

    /** A demo client acting for a tenant ({@code X-Tenant-Id}). */
    public record Actor(String clientId, String tenant) {
    }

    /** @param siret the SIRET of its siège (hôtel de ville, siège communautaire), which names it in SCDL open data */
    public record Collectivite(String siren, String name, String kind, long population, String epciSiren, String siret) {
    }

    /**
     * A tenant: its writers, its élu au numérique, its self-assessment and the barometer profile the data gives it.
     */
    public record Tenant(String siren, String label, String agentClientId, String eluClientId, String electedLead,
                         SelfAssessment selfAssessment, String expectedProfile) {
    }

    public record SelfAssessment(List<String> roles, List<String> communication) {
    }

    /** Set up and managed by the administering EPCI's shared-service administrator. */
    public record Mutualisation(String name, String epciSiren, List<String> memberSirens, String allocationMethod,
                                Actor administrator) {
    }

    public record Roadmap(String key, String owner, String title, int startYear, int endYear, List<String> axes,
                          List<Project> projects) {
    }

    /**
     * @param participantSirens the members taking part, for a mutualisation's project (empty otherwise)
     * @param finalStatus       where the loader leaves it: ASSESSED, APPROVED (by a gate), IN_PROGRESS or DELIVERED
     */
    public record Project(String key, String title, String description, String axis, String theme, String sponsor,
                          String manager, LocalDate plannedStart, LocalDate plannedEnd, long estimatedInvestmentCents,
                          long estimatedOperatingCents, List<String> participantSirens, Scores assessment,
                          String finalStatus, List<Milestone> milestones) {

        public boolean started() {
            return finalStatus.equals("IN_PROGRESS") || finalStatus.equals("DELIVERED");
        }
    }

    public record Scores(int strategicAlignment, int userValue, int agentValue, int legalObligation, int feasibility,
                         int risk) {
    }

    /** {@code reachedOn} is null for a milestone not reached yet. */
    public record Milestone(String title, LocalDate plannedDate, LocalDate reachedOn) {
    }

    public record Instance(String key, String owner, String name, String kind, String cadence, List<Member> members,
                           List<Session> sessions) {
    }

    public record Member(String personId, String name, String role, String collectiviteSiren, boolean voting,
                         boolean chair) {
    }

    /** {@code present}: the personIds of the members present. */
    public record Session(OffsetDateTime scheduledAt, List<String> present, List<Item> agenda) {
    }

    /** {@code subjectKey} names a roadmap or project of this class; {@code vote} is null for INFORMATION. */
    public record Item(String kind, String title, String subjectKey, Vote vote) {
    }

    public record Vote(int votesFor, int votesAgainst, int abstentions, boolean deferred) {

        /** Absolute majority of the votes cast, as governance decides without a tie. */
        public String outcome() {
            if (deferred) {
                return "DEFERRED";
            }
            return 2 * votesFor > votesFor + votesAgainst ? "APPROVED" : "REJECTED";
        }
    }

    /** An AP and its CP schedule; {@code revision} is null for an AP never revised. */
    public record Programme(String key, String owner, String label, String chapter, String projectKey,
                            long amountCents, List<Cp> schedule, Revision revision) {
    }

    /** An AP is revised only by a new decision: {@code decisionTitle} names the agenda item that approved it. */
    public record Revision(long amountCents, List<Cp> schedule, String reason, String decisionTitle) {
    }

    public record Cp(int year, long amountCents) {
    }

    /**
     * A line of {@link #FISCAL_YEAR}, its credits voted at the BP and what was spent on it. A line of the
     * mutualisation is the service commun's own budget, carried by the administering EPCI.
     */
    public record BudgetLine(String key, String owner, String section, String chapter, String label,
                             String projectKey, String programmeKey, long plannedCents, long votedCents,
                             List<Engagement> engagements) {
    }

    public record Engagement(String reference, long amountCents, LocalDate date, List<Mandate> mandates) {
    }

    public record Mandate(String reference, long amountCents, LocalDate date) {
    }

    /** The mutualisation's cost of a fiscal year, split among its members by its key. */
    /**
     * The assembly's délibération delegating transfers between chapters of its {@link #FISCAL_YEAR} budget (DOMAIN.md
     * §3): per section, a rate of the section's real expenditure, 7.5 % at most.
     */
    public record TransferRates(String owner, BigDecimal investmentPercent, BigDecimal operatingPercent,
                                String deliberation) {
    }

    /** Credits moved between two lines of one owner's budget and section, within the delegated rate. */
    public record Transfer(String fromLineKey, String toLineKey, long amountCents, String reason, LocalDate date) {
    }

    public record Allocation(int fiscalYear, long costCents) {
    }

    public record Indicator(String owner, String name, String unit, BigDecimal baselineValue, LocalDate baselineDate,
                            BigDecimal targetValue, LocalDate targetDate, String direction, String frequency,
                            List<Measurement> measurements) {
    }

    public record Measurement(LocalDate date, BigDecimal value, String source) {
    }

    // ---------------------------------------------------------------------------------------------- directory

    /** Registered by {@code platform-admin}; the EPCI first, its member communes name it. */
    public static final List<Collectivite> COLLECTIVITES = List.of(
            new Collectivite(CAGV, "Communauté d'agglomération du Grand Val", "EPCI", 160_000, null, "20000001600010"),
            new Collectivite(VALMONT, "Valmont", "COMMUNE", 80_000, CAGV, "21000002200017"),
            new Collectivite(SAINT_AUBIN, "Saint-Aubin-sur-Val", "COMMUNE", 12_000, CAGV, "21000003000010"),
            new Collectivite(LES_AULNES, "Les Aulnes", "COMMUNE", 4_500, CAGV, "21000004800012"));

    public static final List<Tenant> TENANTS = List.of(
            new Tenant(CAGV, "CAGV", "cagv-agent", "cagv-elu", "Isabelle Caron",
                    new SelfAssessment(List.of("DPO", "SECURITY_OFFICER", "SMART_CITY_LEAD"),
                            List.of("TOP_DOWN", "SOCIAL", "PARTICIPATORY")), "UNCLASSIFIED"),
            new Tenant(VALMONT, "Valmont", "valmont-agent", "valmont-elu", "Sophie Lambert",
                    new SelfAssessment(List.of("DPO", "CHIEF_DATA_OFFICER", "OPEN_GOV_LEAD"),
                            List.of("TOP_DOWN", "SOCIAL", "PARTICIPATORY")), "SYSTEMIC"),
            new Tenant(SAINT_AUBIN, "Saint-Aubin-sur-Val", "staubin-agent", "staubin-elu", "Luc Perrin",
                    new SelfAssessment(List.of("DPO"), List.of("TOP_DOWN", "SOCIAL")), "ENTREPRENEUR"),
            new Tenant(LES_AULNES, "Les Aulnes", "aulnes-agent", "aulnes-elu", "Damien Vasseur",
                    new SelfAssessment(List.of(), List.of("TOP_DOWN")), "UNCLASSIFIED"));

    public static final Mutualisation DSI_SIG = new Mutualisation("DSI commune et SIG", CAGV,
            List.of(VALMONT, SAINT_AUBIN), "POPULATION", new Actor("cagv-shared-admin", CAGV));

    // ---------------------------------------------------------------------------------------------- portfolio

    public static final List<Roadmap> ROADMAPS = List.of(
            new Roadmap("valmont", VALMONT, "Schéma directeur numérique de Valmont 2026-2028", 2026, 2028, List.of(
                    "DEMATERIALISATION", "OPEN_DATA", "VERY_HIGH_SPEED_NETWORK", "E_INCLUSION", "E_DEMOCRACY",
                    "PUBLIC_DATA_PROTECTION"), List.of(
                    project("v-accounting", "Chaîne comptable dématérialisée et facturation électronique",
                            "Dématérialiser la chaîne comptable de l'engagement au mandat et recevoir les factures"
                                    + " fournisseurs via Chorus Pro.",
                            "DEMATERIALISATION", "BUSINESS_SERVICES", "Marc Delorme, adjoint aux finances",
                            "Direction des finances", "2026-01-15", "2027-06-30", 18_000_000, 2_400_000, List.of(),
                            new Scores(5, 3, 5, 5, 4, 2), "IN_PROGRESS", List.of(
                                    milestone("Raccordement à Chorus Pro", "2026-04-30", "2026-05-12"),
                                    milestone("Parapheur électronique en production", "2026-09-30", null))),
                    project("v-user-account", "Compte usager en ligne",
                            "Un compte unique pour suivre ses démarches (état civil, inscriptions, paiements).",
                            "DEMATERIALISATION", "USER_SERVICES", "Sophie Lambert, adjointe au numérique",
                            "Direction du numérique", "2026-03-01", "2027-03-31", 12_000_000, 3_000_000, List.of(),
                            new Scores(5, 5, 3, 2, 3, 3), "IN_PROGRESS", List.of()),
                    project("v-open-data", "Portail open data",
                            "Publier les données de la ville (budget, équipements, délibérations) au format SCDL.",
                            "OPEN_DATA", "USER_SERVICES", "Anne Roussel, adjointe à la transparence",
                            "Direction du numérique", "2026-09-01", "2027-12-31", 6_500_000, 1_200_000, List.of(),
                            new Scores(4, 3, 2, 4, 4, 1), "APPROVED", List.of()),
                    project("v-ip-telephony", "Téléphonie sur IP",
                            "Remplacer l'autocommutateur par une téléphonie sur IP dans tous les sites.",
                            "VERY_HIGH_SPEED_NETWORK", "INFRASTRUCTURE", "Marc Delorme, adjoint aux finances",
                            "Direction du numérique", "2026-07-01", "2027-12-31", 9_000_000, 1_800_000, List.of(),
                            new Scores(3, 2, 4, 0, 3, 2), "APPROVED", List.of()),
                    project("v-e-inclusion", "Points d'accueil e-inclusion dans les mairies de quartier",
                            "Accompagner les habitants éloignés du numérique dans leurs démarches en ligne.",
                            "E_INCLUSION", "USER_SERVICES", "Karim Benali, adjoint à la solidarité",
                            "Centre communal d'action sociale", "2026-04-01", "2028-12-31", 2_500_000, 4_000_000,
                            List.of(), new Scores(5, 5, 1, 2, 4, 1), "IN_PROGRESS", List.of()),
                    project("v-e-democracy", "Plateforme de budget participatif",
                            "Recueillir, instruire et soumettre au vote des habitants leurs projets de quartier.",
                            "E_DEMOCRACY", "USER_SERVICES", "Anne Roussel, adjointe à la transparence",
                            "Direction de la citoyenneté", "2026-10-01", "2027-09-30", 1_500_000, 600_000, List.of(),
                            new Scores(4, 4, 1, 0, 4, 2), "APPROVED", List.of()),
                    project("v-cybersecurity", "Sauvegardes externalisées et plan de continuité",
                            "Externaliser les sauvegardes, chiffrer les postes nomades et tester un plan de reprise.",
                            "PUBLIC_DATA_PROTECTION", "INFRASTRUCTURE", "Sophie Lambert, adjointe au numérique",
                            "Direction du numérique", "2026-03-01", "2026-12-31", 3_500_000, 1_500_000, List.of(),
                            new Scores(5, 1, 4, 4, 4, 3), "IN_PROGRESS", List.of()))),
            new Roadmap("cagv", CAGV, "Schéma directeur numérique communautaire 2026-2028", 2026, 2028, List.of(
                    "SMART_CITY", "PUBLIC_DATA_PROTECTION", "OPEN_DATA"), List.of(
                    project("c-smart-lighting", "Éclairage public connecté des zones d'activité",
                            "Piloter à distance l'éclairage des zones d'activité communautaires pour en réduire la"
                                    + " consommation.",
                            "SMART_CITY", "INFRASTRUCTURE", "Isabelle Caron, vice-présidente au numérique",
                            "Direction des services techniques", "2026-04-01", "2027-12-31", 6_000_000, 900_000,
                            List.of(), new Scores(4, 2, 3, 1, 3, 3), "IN_PROGRESS", List.of()),
                    project("c-gdpr", "Registre RGPD et délégué à la protection des données mutualisé",
                            "Tenir le registre des traitements et partager un DPO entre l'agglomération et les"
                                    + " communes.",
                            "PUBLIC_DATA_PROTECTION", "BUSINESS_SERVICES",
                            "Isabelle Caron, vice-présidente au numérique", "Direction générale des services",
                            "2026-01-01", "2026-12-31", 1_500_000, 3_500_000, List.of(), new Scores(4, 1, 3, 5, 5, 1),
                            "IN_PROGRESS", List.of()))),
            new Roadmap("shared", MUTUALISATION, "Schéma directeur du service commun DSI et SIG 2026-2028", 2026,
                    2028, List.of("SMART_CITY", "LOCAL_HOSTING_CLOUD", "OPEN_DATA"), List.of(
                    project("m-gis", "Système d'information géographique mutualisé",
                            "Un SIG commun à l'agglomération et aux communes membres (cadastre, réseaux,"
                                    + " urbanisme).",
                            "SMART_CITY", "BUSINESS_SERVICES", "Isabelle Caron, vice-présidente au numérique",
                            "Service commun DSI et SIG", "2026-02-01", "2027-09-30", 25_000_000, 5_000_000,
                            List.of(CAGV, VALMONT, SAINT_AUBIN), new Scores(5, 3, 5, 2, 4, 2), "IN_PROGRESS",
                            List.of(milestone("Cadastre et réseaux publiés dans le SIG", "2026-06-30", "2026-06-26"),
                                    milestone("Ouverture du SIG aux agents des communes", "2027-01-31", null))),
                    project("m-cloud", "Migration des serveurs vers un cloud de proximité",
                            "Déplacer les serveurs des communes vers un hébergement mutualisé et sécurisé.",
                            "LOCAL_HOSTING_CLOUD", "INFRASTRUCTURE", "Isabelle Caron, vice-présidente au numérique",
                            "Service commun DSI et SIG", "2026-06-01", "2028-06-30", 40_000_000, 8_000_000,
                            List.of(VALMONT, SAINT_AUBIN), new Scores(4, 1, 4, 2, 3, 4), "IN_PROGRESS",
                            List.of()))),
            new Roadmap("saint-aubin", SAINT_AUBIN, "Feuille de route numérique de Saint-Aubin-sur-Val 2026-2028",
                    2026, 2028, List.of("DEMATERIALISATION"), List.of(
                    project("s-printers", "Imprimantes en réseau à la place des imprimantes individuelles",
                            "Remplacer les imprimantes de bureau par des multifonctions partagées.",
                            "DEMATERIALISATION", "INFRASTRUCTURE", "Luc Perrin, adjoint au numérique",
                            "Secrétariat général", "2026-03-01", "2026-10-31", 3_000_000, 600_000, List.of(),
                            new Scores(3, 1, 4, 0, 5, 1), "DELIVERED",
                            List.of(milestone("Multifonctions installées dans tous les services", "2026-05-31",
                                    "2026-06-10"))),
                    project("s-e-invoicing", "Facturation électronique et parapheur numérique",
                            "Recevoir les factures via Chorus Pro et signer les mandats électroniquement.",
                            "DEMATERIALISATION", "BUSINESS_SERVICES", "Françoise Noël, adjointe aux finances",
                            "Service comptabilité", "2026-01-15", "2026-12-31", 2_000_000, 500_000, List.of(),
                            new Scores(4, 1, 4, 5, 4, 1), "IN_PROGRESS", List.of()))),
            new Roadmap("les-aulnes", LES_AULNES, "Feuille de route numérique des Aulnes 2026-2028", 2026, 2028,
                    List.of("E_INCLUSION", "VERY_HIGH_SPEED_NETWORK"), List.of(
                    project("a-e-inclusion", "Conseiller numérique et espace d'accompagnement",
                            "Un conseiller numérique en mairie et un espace équipé ouvert aux habitants.",
                            "E_INCLUSION", "USER_SERVICES", "Gérard Aubry, maire", "Secrétaire de mairie",
                            "2026-01-01", "2028-12-31", 800_000, 2_200_000, List.of(), new Scores(5, 5, 1, 1, 4, 1),
                            "IN_PROGRESS", List.of(milestone("Recrutement du conseiller numérique", "2026-03-31",
                                    "2026-04-15"))),
                    project("a-ip-telephony", "Téléphonie sur IP de la mairie",
                            "Passer la mairie et l'école en téléphonie sur IP sur la fibre.",
                            "VERY_HIGH_SPEED_NETWORK", "INFRASTRUCTURE", "Sylvie Carpentier, première adjointe",
                            "Secrétaire de mairie", "2026-09-01", "2027-03-31", 1_200_000, 300_000, List.of(),
                            new Scores(3, 2, 3, 0, 4, 2), "APPROVED", List.of()))));

    // ---------------------------------------------------------------------------------------------- governance

    public static final List<Instance> INSTANCES = List.of(
            new Instance("mutualisation-strategic", MUTUALISATION, "Comité stratégique du service commun DSI et SIG",
                    "STRATEGIC_COMMITTEE", "SEMIANNUAL", List.of(
                    member("jl-morel", "Jean-Luc Morel", "Président de la CAGV", CAGV, true, true),
                    member("i-caron", "Isabelle Caron", "Vice-présidente au numérique", CAGV, true, false),
                    member("c-fontaine", "Claire Fontaine", "Maire de Valmont", VALMONT, true, false),
                    member("s-lambert", "Sophie Lambert", "Adjointe au numérique de Valmont", VALMONT, true, false),
                    member("b-petit", "Bernard Petit", "Maire de Saint-Aubin-sur-Val", SAINT_AUBIN, true, false),
                    member("t-girard", "Thomas Girard", "Directeur général des services de la CAGV", CAGV, false,
                            false),
                    member("e-martin", "Élodie Martin", "Représentante du personnel", CAGV, false, false)),
                    List.of(
                            session("2026-01-20T17:00:00+01:00",
                                    List.of("jl-morel", "i-caron", "c-fontaine", "s-lambert", "b-petit", "t-girard",
                                            "e-martin"),
                                    voted("ROADMAP_ADOPTION", "Adoption du schéma directeur du service commun 2026-2028",
                                            "shared", 5, 0, 0),
                                    voted("PROJECT_GATE", "Lancement du SIG mutualisé", "m-gis", 5, 0, 0),
                                    voted("PROJECT_GATE", "Lancement de la migration vers le cloud de proximité",
                                            "m-cloud", 4, 0, 1)),
                            session("2026-07-07T17:00:00+02:00",
                                    List.of("jl-morel", "i-caron", "c-fontaine", "b-petit", "t-girard"),
                                    information("Bilan du premier semestre du service commun"),
                                    voted("PRIORITISATION", "Priorités 2027 du service commun", null, 4, 0, 0)))),
            new Instance("mutualisation-steering", MUTUALISATION, "Comité de pilotage du portefeuille mutualisé",
                    "PORTFOLIO_STEERING_COMMITTEE", "QUARTERLY", List.of(
                    member("i-caron", "Isabelle Caron", "Vice-présidente au numérique de la CAGV", CAGV, true, true),
                    member("s-lambert", "Sophie Lambert", "Adjointe au numérique de Valmont", VALMONT, true, false),
                    member("l-perrin", "Luc Perrin", "Adjoint au numérique de Saint-Aubin-sur-Val", SAINT_AUBIN,
                            true, false),
                    member("n-roy", "Nicolas Roy", "Directeur du service commun DSI et SIG", CAGV, false, false),
                    member("t-girard", "Thomas Girard", "Directeur général des services de la CAGV", CAGV, false,
                            false)),
                    List.of(
                            session("2026-03-17T14:00:00+01:00", List.of("i-caron", "s-lambert", "l-perrin", "n-roy"),
                                    information("Avancement du SIG mutualisé"),
                                    information("Calendrier de la migration des serveurs")),
                            session("2026-06-16T14:00:00+02:00", List.of("i-caron", "s-lambert", "n-roy", "t-girard"),
                                    information("Bilan du raccordement du cadastre au SIG"),
                                    voted("BUDGET_ARBITRATION", "Répartition des crédits 2027 du service commun", null,
                                            2, 0, 0)),
                            session("2026-09-15T14:00:00+02:00", List.of("i-caron", "s-lambert", "l-perrin", "n-roy"),
                                    voted("PRIORITISATION", "Priorisation des demandes des communes membres", null, 3,
                                            0, 0)))),
            new Instance("mutualisation-technical", MUTUALISATION, "Comité technique DSI et SIG",
                    "OPERATIONAL_COMMITTEE", "MONTHLY", List.of(
                    member("n-roy", "Nicolas Roy", "Directeur du service commun DSI et SIG", CAGV, true, true),
                    member("c-dupuis", "Céline Dupuis", "Responsable SIG", CAGV, true, false),
                    member("y-leroy", "Yann Leroy", "Référent informatique de Valmont", VALMONT, true, false),
                    member("m-blanc", "Martine Blanc", "Secrétaire générale de Saint-Aubin-sur-Val", SAINT_AUBIN,
                            true, false)),
                    List.of(
                            session("2026-09-08T10:00:00+02:00", List.of("n-roy", "c-dupuis", "y-leroy"),
                                    information("Incidents et demandes du mois d'août")),
                            session("2026-10-06T10:00:00+02:00", List.of("n-roy", "c-dupuis", "y-leroy", "m-blanc"),
                                    information("Plan de migration des serveurs de Saint-Aubin-sur-Val")),
                            session("2026-11-03T10:00:00+01:00", List.of("n-roy", "y-leroy", "m-blanc"),
                                    information("Incidents et demandes du mois d'octobre")))),
            new Instance("valmont-council", VALMONT, "Conseil municipal de Valmont", "DELIBERATIVE_ASSEMBLY",
                    "QUARTERLY", List.of(
                    member("c-fontaine", "Claire Fontaine", "Maire", VALMONT, true, true),
                    member("m-delorme", "Marc Delorme", "Adjoint aux finances", VALMONT, true, false),
                    member("s-lambert", "Sophie Lambert", "Adjointe au numérique", VALMONT, true, false),
                    member("k-benali", "Karim Benali", "Adjoint à la solidarité", VALMONT, true, false),
                    member("a-roussel", "Anne Roussel", "Adjointe à la transparence", VALMONT, true, false),
                    member("p-garnier", "Paul Garnier", "Conseiller municipal", VALMONT, true, false),
                    member("j-marchand", "Julie Marchand", "Conseillère municipale", VALMONT, true, false),
                    member("h-colin", "Hervé Colin", "Conseiller municipal", VALMONT, true, false),
                    member("n-ferhat", "Nadia Ferhat", "Conseillère municipale", VALMONT, true, false)),
                    List.of(
                            session("2026-02-05T19:00:00+01:00",
                                    List.of("c-fontaine", "m-delorme", "s-lambert", "k-benali", "a-roussel",
                                            "p-garnier", "h-colin", "n-ferhat"),
                                    voted("ROADMAP_ADOPTION", "Adoption du schéma directeur numérique 2026-2028",
                                            "valmont", 6, 2, 0),
                                    voted("PROJECT_GATE", "Chaîne comptable dématérialisée", "v-accounting", 8, 0, 0),
                                    voted("PROJECT_GATE", "Compte usager en ligne", "v-user-account", 7, 0, 1),
                                    voted("PROJECT_GATE", "Points d'accueil e-inclusion", "v-e-inclusion", 8, 0, 0),
                                    voted("PROJECT_GATE", "Sauvegardes externalisées", "v-cybersecurity", 8, 0, 0),
                                    deferred("PROJECT_GATE", "Téléphonie sur IP (en attente du raccordement fibre)",
                                            "v-ip-telephony")),
                            session("2026-06-25T19:00:00+02:00",
                                    List.of("c-fontaine", "m-delorme", "s-lambert", "k-benali", "a-roussel",
                                            "p-garnier", "j-marchand"),
                                    information("Point d'étape du schéma directeur numérique"),
                                    voted("PROJECT_GATE", "Portail open data", "v-open-data", 7, 0, 0),
                                    voted("PROJECT_GATE", "Plateforme de budget participatif", "v-e-democracy", 6, 0,
                                            1),
                                    voted("PROJECT_GATE", "Téléphonie sur IP", "v-ip-telephony", 7, 0, 0),
                                    voted("BUDGET_ARBITRATION", REVISE_TELEPHONY_AP, null, 6, 1, 0)))),
            new Instance("cagv-council", CAGV, "Conseil communautaire du Grand Val", "DELIBERATIVE_ASSEMBLY",
                    "QUARTERLY", List.of(
                    member("jl-morel", "Jean-Luc Morel", "Président", CAGV, true, true),
                    member("i-caron", "Isabelle Caron", "Vice-présidente au numérique", CAGV, true, false),
                    member("r-baron", "Régis Baron", "Vice-président aux finances", CAGV, true, false),
                    member("m-vidal", "Mathilde Vidal", "Vice-présidente à l'aménagement", CAGV, true, false),
                    member("o-lemaire", "Olivier Lemaire", "Conseiller communautaire", CAGV, true, false),
                    member("a-schmitt", "Agnès Schmitt", "Conseillère communautaire", CAGV, true, false),
                    member("f-guerin", "François Guérin", "Conseiller communautaire", CAGV, true, false)),
                    List.of(session("2026-02-12T18:30:00+01:00",
                            List.of("jl-morel", "i-caron", "r-baron", "m-vidal", "o-lemaire", "f-guerin"),
                            voted("ROADMAP_ADOPTION", "Adoption du schéma directeur numérique communautaire", "cagv",
                                    6, 0, 0),
                            voted("PROJECT_GATE", "Éclairage public connecté", "c-smart-lighting", 5, 1, 0),
                            voted("PROJECT_GATE", "Registre RGPD et DPO mutualisé", "c-gdpr", 6, 0, 0)))),
            new Instance("saint-aubin-council", SAINT_AUBIN, "Conseil municipal de Saint-Aubin-sur-Val",
                    "DELIBERATIVE_ASSEMBLY", "QUARTERLY", List.of(
                    member("b-petit", "Bernard Petit", "Maire", SAINT_AUBIN, true, true),
                    member("l-perrin", "Luc Perrin", "Adjoint au numérique", SAINT_AUBIN, true, false),
                    member("f-noel", "Françoise Noël", "Adjointe aux finances", SAINT_AUBIN, true, false),
                    member("g-mercier", "Gilles Mercier", "Conseiller municipal", SAINT_AUBIN, true, false),
                    member("l-fabre", "Laure Fabre", "Conseillère municipale", SAINT_AUBIN, true, false),
                    member("d-robin", "Denis Robin", "Conseiller municipal", SAINT_AUBIN, true, false),
                    member("c-henry", "Chantal Henry", "Conseillère municipale", SAINT_AUBIN, true, false)),
                    List.of(session("2026-03-03T20:00:00+01:00",
                            List.of("b-petit", "l-perrin", "f-noel", "g-mercier", "l-fabre", "c-henry"),
                            voted("ROADMAP_ADOPTION", "Adoption de la feuille de route numérique de Saint-Aubin-sur-Val",
                                    "saint-aubin", 6, 0, 0),
                            voted("PROJECT_GATE", "Imprimantes en réseau", "s-printers", 6, 0, 0),
                            voted("PROJECT_GATE", "Facturation électronique et parapheur", "s-e-invoicing", 5, 0,
                                    1)))),
            new Instance("les-aulnes-council", LES_AULNES, "Conseil municipal des Aulnes", "DELIBERATIVE_ASSEMBLY",
                    "QUARTERLY", List.of(
                    member("g-aubry", "Gérard Aubry", "Maire", LES_AULNES, true, true),
                    member("s-carpentier", "Sylvie Carpentier", "Première adjointe", LES_AULNES, true, false),
                    member("d-vasseur", "Damien Vasseur", "Conseiller délégué au numérique", LES_AULNES, true,
                            false),
                    member("p-lucas", "Pierre Lucas", "Conseiller municipal", LES_AULNES, true, false),
                    member("m-giraud", "Monique Giraud", "Conseillère municipale", LES_AULNES, true, false),
                    member("e-bonnet", "Éric Bonnet", "Conseiller municipal", LES_AULNES, true, false),
                    member("v-adam", "Valérie Adam", "Conseillère municipale", LES_AULNES, true, false)),
                    List.of(session("2026-03-10T20:00:00+01:00",
                            List.of("g-aubry", "s-carpentier", "d-vasseur", "p-lucas", "e-bonnet"),
                            voted("ROADMAP_ADOPTION", "Adoption de la feuille de route numérique des Aulnes", "les-aulnes",
                                    5, 0, 0),
                            voted("PROJECT_GATE", "Conseiller numérique et espace d'accompagnement",
                                    "a-e-inclusion", 5, 0, 0),
                            voted("PROJECT_GATE", "Téléphonie sur IP de la mairie", "a-ip-telephony", 4, 1, 0)))));

    // ---------------------------------------------------------------------------------------------- budget

    public static final List<Programme> PROGRAMMES = List.of(
            new Programme("v-ap-accounting", VALMONT, "AP Chaîne comptable dématérialisée", "20", "v-accounting",
                    18_000_000, List.of(new Cp(2026, 9_000_000), new Cp(2027, 7_000_000), new Cp(2028, 2_000_000)),
                    null),
            new Programme("v-ap-telephony", VALMONT, "AP Téléphonie sur IP", "21", "v-ip-telephony", 9_000_000,
                    List.of(new Cp(2026, 1_000_000), new Cp(2027, 6_000_000), new Cp(2028, 2_000_000)),
                    new Revision(9_500_000, List.of(new Cp(2026, 500_000), new Cp(2027, 7_000_000),
                            new Cp(2028, 2_000_000)), "Lancement ajourné au second semestre : CP 2026 reportés sur 2027,"
                            + " raccordement de deux écoles ajouté", REVISE_TELEPHONY_AP)),
            new Programme("c-ap-cloud", CAGV, "AP Salle serveurs et cloud de proximité", "23", "m-cloud", 40_000_000,
                    List.of(new Cp(2026, 12_000_000), new Cp(2027, 18_000_000), new Cp(2028, 10_000_000)), null));

    public static final List<BudgetLine> BUDGET_LINES = List.of(
            line("v-l-accounting", VALMONT, "INVESTMENT", "20", "Chaîne comptable dématérialisée (CP 2026)",
                    "v-accounting", "v-ap-accounting", 9_000_000, 9_000_000,
                    engagement("Marché 2026-014 éditeur financier", 7_200_000, "2026-03-02",
                            mandate("Mandat 2026-0412", 2_400_000, "2026-05-20"),
                            mandate("Mandat 2026-0977", 2_000_000, "2026-09-28"))),
            line("v-l-telephony", VALMONT, "INVESTMENT", "21", "Téléphonie sur IP (CP 2026)", "v-ip-telephony",
                    "v-ap-telephony", 1_000_000, 1_000_000,
                    engagement("Bon de commande 2026-311 audit réseau", 450_000, "2026-07-15",
                            mandate("Mandat 2026-0902", 450_000, "2026-09-10"))),
            line("v-l-e-inclusion", VALMONT, "INVESTMENT", "21", "Équipement des points d'accueil e-inclusion",
                    "v-e-inclusion", null, 1_000_000, 1_000_000,
                    engagement("Bon de commande 2026-128 postes et tablettes", 640_000, "2026-04-20",
                            mandate("Mandat 2026-0530", 640_000, "2026-06-05"))),
            line("v-l-gis-grant", VALMONT, "INVESTMENT", "204", "Fonds de concours au SIG communautaire", null, null,
                    2_000_000, 2_000_000,
                    engagement("Convention de fonds de concours SIG", 2_000_000, "2026-02-20",
                            mandate("Mandat 2026-0655", 1_000_000, "2026-07-01"))),
            line("v-l-software", VALMONT, "OPERATING", "011", "Abonnements et maintenance logicielle", null, null,
                    1_800_000, 1_800_000,
                    engagement("Marché 2025-031 maintenance applicative", 1_200_000, "2026-01-15",
                            mandate("Mandat 2026-0311", 600_000, "2026-04-15"),
                            mandate("Mandat 2026-0702", 300_000, "2026-07-15"))),
            line("v-l-user-account", VALMONT, "OPERATING", "012", "Chef de projet compte usager", "v-user-account",
                    null, 4_500_000, 4_500_000,
                    engagement("Contrat de projet 2026-02", 4_500_000, "2026-01-05",
                            mandate("Paies janvier à septembre 2026", 3_375_000, "2026-09-30"))),
            line("v-l-shared-service", VALMONT, "OPERATING", "65", "Participation au service commun DSI et SIG", null,
                    null, 40_000_000, 40_000_000,
                    engagement("Convention de service commun 2026", 40_000_000, "2026-01-10",
                            mandate("Appel de fonds S1 2026", 20_000_000, "2026-06-30"))),
            line("c-l-cloud", CAGV, "INVESTMENT", "23", "Salle serveurs mutualisée (CP 2026)", "m-cloud", "c-ap-cloud",
                    12_000_000, 12_000_000,
                    engagement("Marché 2026-007 travaux de la salle serveurs", 10_500_000, "2026-04-01",
                            mandate("Mandat 2026-1203", 4_000_000, "2026-06-30"),
                            mandate("Mandat 2026-2210", 3_500_000, "2026-10-15"))),
            line("c-l-gis", CAGV, "INVESTMENT", "20", "Licences du SIG mutualisé", "m-gis", null, 12_000_000,
                    12_000_000,
                    engagement("Marché 2026-002 SIG", 9_800_000, "2026-02-16",
                            mandate("Mandat 2026-0388", 9_800_000, "2026-03-31"))),
            line("c-l-lighting", CAGV, "INVESTMENT", "21", "Capteurs et armoires d'éclairage connecté",
                    "c-smart-lighting", null, 6_000_000, 5_000_000,
                    engagement("Marché 2026-019 éclairage connecté", 3_200_000, "2026-06-01",
                            mandate("Mandat 2026-1755", 1_600_000, "2026-09-15"))),
            line("c-l-hosting", CAGV, "OPERATING", "011", "Hébergement et infogérance du cloud de proximité",
                    "m-cloud", null, 3_000_000, 3_000_000,
                    engagement("Marché 2026-021 infogérance", 1_500_000, "2026-07-01",
                            mandate("Mandat 2026-1990", 750_000, "2026-10-01"))),
            line("c-l-dpo", CAGV, "OPERATING", "012", "Délégué à la protection des données", "c-gdpr", null,
                    3_500_000, 3_500_000,
                    engagement("Recrutement du DPO mutualisé", 3_500_000, "2026-01-02",
                            mandate("Paies janvier à octobre 2026", 2_900_000, "2026-10-31"))),
            line("s-l-printers", SAINT_AUBIN, "INVESTMENT", "21", "Imprimantes multifonctions en réseau", "s-printers",
                    null, 3_000_000, 3_000_000,
                    engagement("Bon de commande 2026-017 multifonctions", 2_780_000, "2026-03-16",
                            mandate("Mandat 2026-0144", 2_780_000, "2026-06-30"))),
            line("s-l-e-invoicing", SAINT_AUBIN, "OPERATING", "011", "Parapheur électronique (abonnement)",
                    "s-e-invoicing", null, 500_000, 500_000,
                    engagement("Abonnement parapheur 2026", 480_000, "2026-02-01",
                            mandate("Mandat 2026-0209", 240_000, "2026-07-01"))),
            line("s-l-shared-service", SAINT_AUBIN, "OPERATING", "65", "Participation au service commun DSI et SIG",
                    null, null, 6_000_000, 6_000_000,
                    engagement("Convention de service commun 2026", 6_000_000, "2026-01-15",
                            mandate("Appel de fonds S1 2026", 3_000_000, "2026-07-15"))),
            line("m-l-staff", MUTUALISATION, "OPERATING", "012", "Agents du service commun DSI et SIG", null, null,
                    38_000_000, 38_000_000,
                    engagement("Mises à disposition 2026 du service commun", 38_000_000, "2026-01-02",
                            mandate("Paies janvier à octobre 2026", 31_600_000, "2026-10-31"))),
            line("m-l-licences", MUTUALISATION, "OPERATING", "011", "Licences, hébergement et maintenance du service"
                    + " commun", "m-gis", null, 8_000_000, 8_000_000,
                    engagement("Marché 2026-004 maintenance du SIG", 5_400_000, "2026-02-02",
                            mandate("Mandat 2026-0250", 2_700_000, "2026-03-31"),
                            mandate("Mandat 2026-1502", 2_700_000, "2026-09-30"))),
            line("a-l-space", LES_AULNES, "INVESTMENT", "21", "Équipement de l'espace d'accompagnement numérique",
                    "a-e-inclusion", null, 800_000, 800_000,
                    engagement("Bon de commande 2026-009 ordinateurs", 720_000, "2026-03-20",
                            mandate("Mandat 2026-0071", 720_000, "2026-05-15"))),
            line("a-l-advisor", LES_AULNES, "OPERATING", "012", "Conseiller numérique", "a-e-inclusion", null,
                    2_200_000, 2_200_000,
                    engagement("Contrat du conseiller numérique", 2_200_000, "2026-04-01",
                            mandate("Paies avril à octobre 2026", 1_300_000, "2026-10-31"))),
            line("a-l-association", LES_AULNES, "OPERATING", "65", "Subvention à l'association d'inclusion numérique",
                    null, null, 400_000, 400_000));

    /** Valmont's conseil delegated the legal maximum for both sections when it voted the BP. */
    public static final List<TransferRates> TRANSFER_RATES = List.of(
            new TransferRates(VALMONT, new BigDecimal("7.5"), new BigDecimal("7.5"),
                    "Délibération 2025-112 du conseil municipal du 15 décembre 2025 (fongibilité des crédits du BP 2026)"));

    /**
     * The financial software's contract came in below the accounting line's credits: 3,000 € of them (chapter 20) equip
     * the e-inclusion points (chapter 21), within the 9,750 € that 7.5 % of Valmont's 130,000 € of investment allows and
     * the 18,000 € the line has not engaged.
     */
    public static final List<Transfer> TRANSFERS = List.of(
            new Transfer("v-l-accounting", "v-l-e-inclusion", 300_000, "Marché de l'éditeur financier attribué en"
                    + " dessous de l'estimation : deux bornes d'accueil supplémentaires pour les points e-inclusion",
                    LocalDate.parse("2026-09-14")));

    /**
     * The service commun's voted costs, split by population: Valmont (80,000 inhabitants) and Saint-Aubin (12,000)
     * pay 40,000,000 and 6,000,000, what each budgeted as its participation.
     */
    public static final Allocation SHARED_COSTS = new Allocation(FISCAL_YEAR, 46_000_000);

    // ---------------------------------------------------------------------------------------------- evaluation

    public static final List<Indicator> INDICATORS = List.of(
            indicator(VALMONT, "Part des factures fournisseurs reçues dématérialisées", "%", "42", "2025-12-31", "100",
                    "2027-12-31", "UP", "QUARTERLY",
                    measurement("2026-03-31", "55", "Chorus Pro"),
                    measurement("2026-06-30", "68", "Chorus Pro"),
                    measurement("2026-09-30", "74", "Chorus Pro")),
            indicator(VALMONT, "Démarches réalisables en ligne", "démarches", "18", "2025-12-31", "60", "2028-12-31",
                    "UP", "ANNUAL",
                    measurement("2026-06-30", "24", "Inventaire de la direction du numérique"),
                    measurement("2026-10-31", "31", "Inventaire de la direction du numérique")),
            indicator(CAGV, "Serveurs physiques hébergés sur site", "serveurs", "64", "2025-12-31", "10",
                    "2028-06-30", "DOWN", "QUARTERLY",
                    measurement("2026-06-30", "58", "Inventaire du service commun"),
                    measurement("2026-09-30", "49", "Inventaire du service commun")),
            indicator(CAGV, "Jeux de données SIG publiés", "jeux de données", "5", "2025-12-31", "40", "2028-12-31",
                    "UP", "ANNUAL",
                    measurement("2026-10-31", "12", "Catalogue open data")),
            indicator(SAINT_AUBIN, "Pages imprimées par agent et par mois", "pages", "420", "2024-12-31", "200",
                    "2026-12-31", "DOWN", "MONTHLY",
                    measurement("2025-09-30", "395", "Compteurs des copieurs")),
            indicator(SAINT_AUBIN, "Délai moyen de paiement des factures", "jours", "34", "2024-12-31", "20",
                    "2026-12-31", "DOWN", "QUARTERLY",
                    measurement("2025-10-31", "31", "Comptabilité")),
            indicator(LES_AULNES, "Habitants accompagnés par le conseiller numérique", "personnes", "0",
                    "2025-12-31", "300", "2028-12-31", "UP", "MONTHLY",
                    measurement("2026-06-30", "64", "Registre d'accueil"),
                    measurement("2026-10-31", "118", "Registre d'accueil")),
            indicator(LES_AULNES, "Services de la mairie en téléphonie sur IP", "%", "0", "2025-12-31", "100",
                    "2027-03-31", "UP", "ANNUAL"),
            indicator(MUTUALISATION, "Disponibilité du SIG mutualisé", "%", "97", "2025-12-31", "99.5",
                    "2027-12-31", "UP", "MONTHLY",
                    measurement("2026-09-30", "98.9", "Supervision du service commun"),
                    measurement("2026-10-31", "99.1", "Supervision du service commun")));

    // ---------------------------------------------------------------------------------------------- lookups

    /** Who writes an owner's data: the tenant's agent, or the shared-service administrator for the mutualisation. */
    public static Actor writer(String owner) {
        if (owner.equals(MUTUALISATION)) {
            return DSI_SIG.administrator();
        }
        Tenant tenant = tenant(owner);
        return new Actor(tenant.agentClientId(), tenant.siren());
    }

    public static Tenant tenant(String siren) {
        return TENANTS.stream().filter(tenant -> tenant.siren().equals(siren)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo tenant " + siren));
    }

    public static Stream<Project> projects() {
        return ROADMAPS.stream().flatMap(roadmap -> roadmap.projects().stream());
    }

    public static Stream<Session> sessions() {
        return INSTANCES.stream().flatMap(instance -> instance.sessions().stream());
    }

    public static Stream<Item> agendaItems() {
        return sessions().flatMap(session -> session.agenda().stream());
    }

    public static Stream<Milestone> milestones() {
        return projects().flatMap(project -> project.milestones().stream());
    }

    public static Stream<Engagement> engagements() {
        return BUDGET_LINES.stream().flatMap(line -> line.engagements().stream());
    }

    public static Stream<Mandate> mandates() {
        return engagements().flatMap(engagement -> engagement.mandates().stream());
    }

    public static Stream<Measurement> measurements() {
        return INDICATORS.stream().flatMap(indicator -> indicator.measurements().stream());
    }

    public static BudgetLine budgetLine(String key) {
        return BUDGET_LINES.stream().filter(line -> line.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo budget line " + key));
    }

    /** The owners voting a BP (the tenants and the mutualisation), in the order of their first line. */
    public static List<String> budgetOwners() {
        return BUDGET_LINES.stream().map(BudgetLine::owner).distinct().toList();
    }

    // ---------------------------------------------------------------------------------------------- builders

    private static Project project(String key, String title, String description, String axis, String theme,
                                   String sponsor, String manager, String plannedStart, String plannedEnd,
                                   long investmentCents, long operatingCents, List<String> participants,
                                   Scores assessment, String finalStatus, List<Milestone> milestones) {
        return new Project(key, title, description, axis, theme, sponsor, manager, LocalDate.parse(plannedStart),
                LocalDate.parse(plannedEnd), investmentCents, operatingCents, participants, assessment, finalStatus,
                milestones);
    }

    private static Milestone milestone(String title, String plannedDate, String reachedOn) {
        return new Milestone(title, LocalDate.parse(plannedDate), reachedOn == null ? null : LocalDate.parse(reachedOn));
    }

    private static Member member(String personId, String name, String role, String siren, boolean voting,
                                 boolean chair) {
        return new Member(personId, name, role, siren, voting, chair);
    }

    private static Session session(String scheduledAt, List<String> present, Item... agenda) {
        return new Session(OffsetDateTime.parse(scheduledAt), present, List.of(agenda));
    }

    private static Item voted(String kind, String title, String subjectKey, int votesFor, int against,
                              int abstentions) {
        return new Item(kind, title, subjectKey, new Vote(votesFor, against, abstentions, false));
    }

    private static Item deferred(String kind, String title, String subjectKey) {
        return new Item(kind, title, subjectKey, new Vote(0, 0, 0, true));
    }

    private static Item information(String title) {
        return new Item("INFORMATION", title, null, null);
    }

    private static BudgetLine line(String key, String owner, String section, String chapter, String label,
                                   String projectKey, String programmeKey, long plannedCents, long votedCents,
                                   Engagement... engagements) {
        return new BudgetLine(key, owner, section, chapter, label, projectKey, programmeKey, plannedCents, votedCents,
                List.of(engagements));
    }

    private static Engagement engagement(String reference, long amountCents, String date, Mandate... mandates) {
        return new Engagement(reference, amountCents, LocalDate.parse(date), List.of(mandates));
    }

    private static Mandate mandate(String reference, long amountCents, String date) {
        return new Mandate(reference, amountCents, LocalDate.parse(date));
    }

    private static Indicator indicator(String owner, String name, String unit, String baseline, String baselineDate,
                                       String target, String targetDate, String direction, String frequency,
                                       Measurement... measurements) {
        return new Indicator(owner, name, unit, new BigDecimal(baseline), LocalDate.parse(baselineDate),
                new BigDecimal(target), LocalDate.parse(targetDate), direction, frequency, List.of(measurements));
    }

    private static Measurement measurement(String date, String value, String source) {
        return new Measurement(LocalDate.parse(date), new BigDecimal(value), source);
    }

    private DemoTerritory() {
    }
}
