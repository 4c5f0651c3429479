package fr.mutualis.localstack;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The applications the stack launches, each from its module's executable jar (extracted: {@code ExtractedJars}): the
 * gateway, four services, the console and the reporting job.
 */
public enum StackApp {

    GATEWAY("gateway", "gateway", 8080, null, "fr.mutualis.gateway.GatewayApplication"),
    PORTFOLIO("portfolio-service", "portfolio", 8081, "portfolio", "fr.mutualis.portfolio.PortfolioApplication"),
    BUDGET("budget-service", "budget", 8082, "budget", "fr.mutualis.budget.BudgetApplication"),
    GOVERNANCE("governance-service", "governance", 8083, "governance", "fr.mutualis.governance.GovernanceApplication"),
    EVALUATION("evaluation-service", "evaluation", 8084, "evaluation", "fr.mutualis.evaluation.EvaluationApplication"),
    /** The web console, reached through the gateway; its database holds only its sessions (Spring Session JDBC). */
    CONSOLE("console", "console", 8085, "console", "fr.mutualis.console.ConsoleApplication"),
    /** The territory reporting job (Kafka Streams), routed /api/reporting/** at the gateway; no database. */
    REPORTING("reporting-job", "reporting", 8086, null, "fr.mutualis.reporting.ReportingJobApplication");

    private final String module;
    private final String context;
    private final int defaultPort;
    private final String database;
    private final String mainClass;

    StackApp(String module, String context, int defaultPort, String database, String mainClass) {
        this.module = module;
        this.context = context;
        this.defaultPort = defaultPort;
        this.database = database;
        this.mainClass = mainClass;
    }

    /** The Maven module, also the app's name in logs and in {@link LocalStack} methods: {@code portfolio-service}. */
    public String module() {
        return module;
    }

    /** The bounded context: {@code portfolio}; the gateway routes {@code /api/portfolio/**} to it. */
    public String context() {
        return context;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Its own PostgreSQL database, null for the gateway. The console has one too, but is not a service. */
    public String database() {
        return database;
    }

    public String mainClass() {
        return mainClass;
    }

    /** One of the four bounded contexts' services: a database, Kafka, a route /api/<context>/** at the gateway. */
    public boolean isService() {
        return database != null && this != CONSOLE;
    }

    /** The app named by its module ({@code portfolio-service}), its context ({@code portfolio}) or constant. */
    public static StackApp of(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(app -> app.module.equals(wanted) || app.context.equals(wanted)
                        || app.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown app '" + name + "'; one of "
                        + Arrays.stream(values()).map(StackApp::module).collect(Collectors.joining(", "))));
    }
}
