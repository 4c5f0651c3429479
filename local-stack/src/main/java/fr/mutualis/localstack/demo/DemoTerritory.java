package fr.mutualis.localstack.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static fr.mutualis.localstack.issuer.DemoClients.CAGV;
import static fr.mutualis.localstack.issuer.DemoClients.LES_AULNES;
import static fr.mutualis.localstack.issuer.DemoClients.SAINT_AUBIN;
import static fr.mutualis.localstack.issuer.DemoClients.VALMONT;

/**
 * The demo territory (DOMAIN.md §7), as data: the Communauté d'agglomération du Grand Val, its ville-centre Valmont
 * and two member communes, a 2026–2028 roadmap per tenant, a dozen projects across the axes, a few budget lines and
 * indicators per tenant. {@link DemoLoader} sends it through the gateway. Amounts are euro cents.
 */
public final class DemoTerritory {

    public record Collectivite(String siren, String name, String kind, long population, String epciSiren) {
    }

    public record Roadmap(String title, int startYear, int endYear, List<String> axes) {
    }

    /** {@code key} names the project inside this class (budget lines refer to it); it is not sent. */
    public record Project(String key, String title, String description, String axis, String theme, String sponsor,
                          String manager, LocalDate plannedStart, LocalDate plannedEnd,
                          long estimatedInvestmentCents, long estimatedOperatingCents) {
    }

    /** {@code projectKey} is null for a line that funds no project of this tenant. */
    public record BudgetLine(int fiscalYear, String section, String chapter, String label, String projectKey,
                             long plannedCents) {
    }

    public record Indicator(String name, String unit, BigDecimal baselineValue, LocalDate baselineDate,
                            BigDecimal targetValue, LocalDate targetDate, String direction, String frequency) {
    }

    /** A tenant's data, written with the token of {@code agentClientId} and {@code X-Tenant-Id: siren}. */
    public record Tenant(String siren, String label, String agentClientId, Roadmap roadmap, List<Project> projects,
                         List<BudgetLine> budgetLines, List<Indicator> indicators) {
    }

    /** Registered by {@code platform-admin}; the EPCI first, its member communes name it. */
    public static final List<Collectivite> COLLECTIVITES = List.of(
            new Collectivite(CAGV, "Communauté d'agglomération du Grand Val", "EPCI", 160_000, null),
            new Collectivite(VALMONT, "Valmont", "COMMUNE", 80_000, CAGV),
            new Collectivite(SAINT_AUBIN, "Saint-Aubin-sur-Val", "COMMUNE", 12_000, CAGV),
            new Collectivite(LES_AULNES, "Les Aulnes", "COMMUNE", 4_500, CAGV));

    public static final List<Tenant> TENANTS = List.of(
            new Tenant(VALMONT, "Valmont", "valmont-agent",
                    new Roadmap("Schéma directeur numérique de Valmont 2026-2028", 2026, 2028, List.of(
                            "DEMATERIALISATION", "OPEN_DATA", "VERY_HIGH_SPEED_NETWORK", "E_INCLUSION",
                            "PUBLIC_DATA_PROTECTION")),
                    List.of(
                            project("v-accounting", "Chaîne comptable dématérialisée et facturation électronique",
                                    "Dématérialiser la chaîne comptable de l'engagement au mandat et recevoir les"
                                            + " factures fournisseurs via Chorus Pro.",
                                    "DEMATERIALISATION", "BUSINESS_SERVICES", "Adjointe aux finances",
                                    "Direction des finances", "2026-01-15", "2027-06-30", 18_000_000, 2_400_000),
                            project("v-user-account", "Compte usager en ligne",
                                    "Un compte unique pour suivre ses démarches (état civil, inscriptions, paiements).",
                                    "DEMATERIALISATION", "USER_SERVICES", "Adjoint à la relation usagers",
                                    "Direction du numérique", "2026-03-01", "2027-03-31", 12_000_000, 3_000_000),
                            project("v-open-data", "Portail open data",
                                    "Publier les données de la ville (budget, équipements, délibérations).",
                                    "OPEN_DATA", "USER_SERVICES", "Adjoint à la transparence",
                                    "Direction du numérique", "2026-09-01", "2027-12-31", 6_500_000, 1_200_000),
                            project("v-ip-telephony", "Téléphonie sur IP",
                                    "Remplacer l'autocommutateur par une téléphonie sur IP dans tous les sites.",
                                    "VERY_HIGH_SPEED_NETWORK", "INFRASTRUCTURE", "Adjoint aux moyens généraux",
                                    "Direction du numérique", "2027-01-01", "2027-12-31", 9_000_000, 1_800_000),
                            project("v-e-inclusion", "Points d'accueil e-inclusion dans les mairies de quartier",
                                    "Accompagner les habitants éloignés du numérique dans leurs démarches en ligne.",
                                    "E_INCLUSION", "USER_SERVICES", "Adjointe à la solidarité",
                                    "Centre communal d'action sociale", "2026-04-01", "2028-12-31", 2_500_000,
                                    4_000_000)),
                    List.of(
                            line("INVESTMENT", "20", "Logiciel financier et facturation électronique",
                                    "v-accounting", 9_000_000),
                            line("INVESTMENT", "21", "Équipement des points d'accueil e-inclusion",
                                    "v-e-inclusion", 1_000_000),
                            line("INVESTMENT", "204", "Fonds de concours au SIG communautaire", null, 2_000_000),
                            line("OPERATING", "011", "Abonnements et maintenance logicielle", null, 1_800_000),
                            line("OPERATING", "012", "Chef de projet compte usager", "v-user-account", 4_500_000)),
                    List.of(
                            indicator("Part des factures fournisseurs reçues dématérialisées", "%", "42",
                                    "2025-12-31", "100", "2027-12-31", "UP", "QUARTERLY"),
                            indicator("Démarches réalisables en ligne", "démarches", "18", "2025-12-31", "60",
                                    "2028-12-31", "UP", "ANNUAL"))),
            new Tenant(CAGV, "CAGV", "cagv-agent",
                    new Roadmap("Schéma directeur numérique communautaire 2026-2028", 2026, 2028, List.of(
                            "SMART_CITY", "LOCAL_HOSTING_CLOUD", "PUBLIC_DATA_PROTECTION", "OPEN_DATA")),
                    List.of(
                            project("c-gis", "Système d'information géographique mutualisé",
                                    "Un SIG commun à l'agglomération et aux communes membres (cadastre, réseaux,"
                                            + " urbanisme).",
                                    "SMART_CITY", "BUSINESS_SERVICES", "Vice-président à l'aménagement",
                                    "Service commun DSI et SIG", "2026-02-01", "2027-09-30", 25_000_000, 5_000_000),
                            project("c-cloud", "Migration des serveurs vers un cloud de proximité",
                                    "Déplacer les serveurs des communes vers un hébergement mutualisé et sécurisé.",
                                    "LOCAL_HOSTING_CLOUD", "INFRASTRUCTURE", "Vice-président au numérique",
                                    "Service commun DSI et SIG", "2026-06-01", "2028-06-30", 40_000_000, 8_000_000),
                            project("c-gdpr", "Registre RGPD et délégué à la protection des données mutualisé",
                                    "Tenir le registre des traitements et partager un DPO entre les membres.",
                                    "PUBLIC_DATA_PROTECTION", "BUSINESS_SERVICES", "Vice-président au numérique",
                                    "Direction générale des services", "2026-01-01", "2026-12-31", 1_500_000,
                                    3_500_000)),
                    List.of(
                            line("INVESTMENT", "20", "Licences du SIG mutualisé", "c-gis", 12_000_000),
                            line("INVESTMENT", "23", "Aménagement de la salle serveurs mutualisée", "c-cloud",
                                    15_000_000),
                            line("OPERATING", "011", "Hébergement en cloud de proximité", "c-cloud", 3_000_000),
                            line("OPERATING", "012", "Délégué à la protection des données", "c-gdpr", 3_500_000)),
                    List.of(
                            indicator("Serveurs physiques hébergés sur site", "serveurs", "64", "2025-12-31", "10",
                                    "2028-06-30", "DOWN", "QUARTERLY"),
                            indicator("Jeux de données SIG publiés", "jeux de données", "5", "2025-12-31", "40",
                                    "2028-12-31", "UP", "ANNUAL"))),
            new Tenant(SAINT_AUBIN, "Saint-Aubin-sur-Val", "staubin-agent",
                    new Roadmap("Feuille de route numérique de Saint-Aubin-sur-Val 2026-2028", 2026, 2028,
                            List.of("DEMATERIALISATION", "E_INCLUSION")),
                    List.of(
                            project("s-printers", "Imprimantes en réseau à la place des imprimantes individuelles",
                                    "Remplacer les imprimantes de bureau par des multifonctions partagées.",
                                    "DEMATERIALISATION", "INFRASTRUCTURE", "Adjoint aux moyens généraux",
                                    "Secrétariat général", "2026-03-01", "2026-10-31", 3_000_000, 600_000),
                            project("s-e-invoicing", "Facturation électronique et parapheur numérique",
                                    "Recevoir les factures via Chorus Pro et signer les mandats électroniquement.",
                                    "DEMATERIALISATION", "BUSINESS_SERVICES", "Maire adjointe aux finances",
                                    "Service comptabilité", "2026-01-15", "2026-12-31", 2_000_000, 500_000)),
                    List.of(
                            line("INVESTMENT", "21", "Imprimantes multifonctions en réseau", "s-printers", 3_000_000),
                            line("OPERATING", "011", "Parapheur électronique (abonnement)", "s-e-invoicing",
                                    500_000),
                            line("OPERATING", "65", "Participation au service commun DSI et SIG", null, 2_500_000)),
                    List.of(
                            indicator("Pages imprimées par agent et par mois", "pages", "420", "2025-12-31", "200",
                                    "2026-12-31", "DOWN", "MONTHLY"),
                            indicator("Délai moyen de paiement des factures", "jours", "34", "2025-12-31", "20",
                                    "2026-12-31", "DOWN", "QUARTERLY"))),
            new Tenant(LES_AULNES, "Les Aulnes", "aulnes-agent",
                    new Roadmap("Feuille de route numérique des Aulnes 2026-2028", 2026, 2028,
                            List.of("E_INCLUSION", "VERY_HIGH_SPEED_NETWORK")),
                    List.of(
                            project("a-e-inclusion", "Conseiller numérique et espace d'accompagnement",
                                    "Un conseiller numérique en mairie et un espace équipé ouvert aux habitants.",
                                    "E_INCLUSION", "USER_SERVICES", "Maire", "Secrétaire de mairie", "2026-01-01",
                                    "2028-12-31", 800_000, 2_200_000),
                            project("a-ip-telephony", "Téléphonie sur IP de la mairie",
                                    "Passer la mairie et l'école en téléphonie sur IP sur la fibre.",
                                    "VERY_HIGH_SPEED_NETWORK", "INFRASTRUCTURE", "Premier adjoint",
                                    "Secrétaire de mairie", "2026-09-01", "2027-03-31", 1_200_000, 300_000)),
                    List.of(
                            line("INVESTMENT", "21", "Équipement de l'espace d'accompagnement numérique",
                                    "a-e-inclusion", 800_000),
                            line("OPERATING", "012", "Conseiller numérique", "a-e-inclusion", 2_200_000),
                            line("OPERATING", "65", "Subvention à l'association d'inclusion numérique", null,
                                    400_000)),
                    List.of(
                            indicator("Habitants accompagnés par le conseiller numérique", "personnes", "0",
                                    "2025-12-31", "300", "2028-12-31", "UP", "MONTHLY"),
                            indicator("Services de la mairie en téléphonie sur IP", "%", "0", "2025-12-31", "100",
                                    "2027-03-31", "UP", "ANNUAL"))));

    /** The fiscal year of the demo budget lines. */
    public static final int FISCAL_YEAR = 2026;

    public static int projectCount() {
        return TENANTS.stream().mapToInt(tenant -> tenant.projects().size()).sum();
    }

    public static int budgetLineCount() {
        return TENANTS.stream().mapToInt(tenant -> tenant.budgetLines().size()).sum();
    }

    public static int indicatorCount() {
        return TENANTS.stream().mapToInt(tenant -> tenant.indicators().size()).sum();
    }

    private static Project project(String key, String title, String description, String axis, String theme,
                                   String sponsor, String manager, String plannedStart, String plannedEnd,
                                   long investmentCents, long operatingCents) {
        return new Project(key, title, description, axis, theme, sponsor, manager, LocalDate.parse(plannedStart),
                LocalDate.parse(plannedEnd), investmentCents, operatingCents);
    }

    private static BudgetLine line(String section, String chapter, String label, String projectKey, long cents) {
        return new BudgetLine(FISCAL_YEAR, section, chapter, label, projectKey, cents);
    }

    private static Indicator indicator(String name, String unit, String baseline, String baselineDate, String target,
                                       String targetDate, String direction, String frequency) {
        return new Indicator(name, unit, new BigDecimal(baseline), LocalDate.parse(baselineDate),
                new BigDecimal(target), LocalDate.parse(targetDate), direction, frequency);
    }

    private DemoTerritory() {
    }
}
