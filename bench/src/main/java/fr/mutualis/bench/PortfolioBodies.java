package fr.mutualis.bench;

/** The portfolio requests every bench program sends, one place for their bodies. */
final class PortfolioBodies {

    private PortfolioBodies() {
    }

    static String project(String roadmapId) {
        return """
                {"roadmapId": "%s", "title": "Guichet numérique", "description": "Démarches en ligne",
                 "axis": "DEMATERIALISATION", "theme": "USER_SERVICES", "sponsor": "Élue au numérique",
                 "manager": "DSI", "plannedStart": "2026-03-01", "plannedEnd": "2027-06-30",
                 "estimatedInvestmentCents": 5000000, "estimatedOperatingCents": 800000}""".formatted(roadmapId);
    }
}
