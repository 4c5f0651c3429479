package fr.mutualis.localstack;

import fr.mutualis.contracts.HttpContract;
import fr.mutualis.localstack.issuer.ClientProfile;
import fr.mutualis.localstack.issuer.DemoClients;

import java.util.Locale;

/** The "ready" banner: where everything is, who can log in, and a request to paste into a shell. */
final class StackBanner {

    private static final String RULE = "=".repeat(100);

    static String render(LocalStack stack) {
        StringBuilder out = new StringBuilder();
        String nl = System.lineSeparator();
        out.append(RULE).append(nl);
        out.append(" Mutualis local stack").append(stack.startupTime() == null ? ""
                : " - Ready in " + LocalStack.seconds(stack.startupTime()) + " s").append(nl);
        out.append(RULE).append(nl);
        line(out, "Gateway", stack.apps().contains(StackApp.GATEWAY) ? stack.gatewayUrl() : "(not launched)");
        line(out, "Console", stack.apps().contains(StackApp.CONSOLE) && stack.apps().contains(StackApp.GATEWAY)
                ? stack.consoleUrl() + "   sign in as a demo user below, password \"" + DemoClients.SECRET + "\""
                : "(not launched)");
        line(out, "Issuer", stack.issuerUrl() + "   token " + stack.tokenUrl() + "   keys " + stack.jwkSetUrl());
        for (StackApp app : StackApp.values()) {
            if (app.isService()) {
                String where = stack.apps().contains(app)
                        ? String.format(Locale.ROOT, "%-20s %-24s log %s", app.module(), stack.appUrl(app.module()),
                        stack.logFile(app.module()))
                        : String.format(Locale.ROOT, "%-20s (not launched)", app.module());
                line(out, app == StackApp.PORTFOLIO ? "Services" : "", where);
            }
        }
        line(out, "Reporting", stack.apps().contains(StackApp.REPORTING)
                ? String.format(Locale.ROOT, "%-20s %-24s log %s", StackApp.REPORTING.module(),
                stack.appUrl(StackApp.REPORTING.module()), stack.logFile(StackApp.REPORTING.module()))
                + "   GET /api/reporting/territory, topic mutualis.reporting.territory"
                : "(not launched)");
        line(out, "PostgreSQL", stack.jdbcUrl("<portfolio|budget|governance|evaluation|console>") + "   user "
                + LocalStack.DB_USERNAME + " / " + LocalStack.DB_PASSWORD);
        String kafka = stack.kafkaPublicBootstrapServers().equals(stack.kafkaBootstrapServers())
                ? stack.kafkaBootstrapServers()
                : stack.kafkaPublicBootstrapServers() + " (broker " + stack.kafkaBootstrapServers() + ")";
        line(out, "Kafka", kafka + "   topics mutualis.<context>.events and .DLT, "
                + LocalStack.KAFKA_PARTITIONS + " partitions");
        line(out, "Mail", "SMTP localhost:" + stack.mailPort() + "   received mails " + stack.mailboxUrl()
                + " (this machine only)");
        stack.demoReport().ifPresent(report -> line(out, "Demo", report.summary()));
        out.append(nl).append(" Demo clients (secret \"").append(DemoClients.SECRET)
                .append("\", grant client_credentials, HTTP Basic) and users of the console (password \"")
                .append(DemoClients.SECRET).append("\"), same names:").append(nl);
        for (ClientProfile client : DemoClients.ALL) {
            out.append(String.format(Locale.ROOT, "   %-18s %-42s %s", client.clientId(),
                    String.join(",", client.tenants()), String.join(",", client.roles()))).append(nl);
        }
        out.append(nl).append(" Try:").append(nl);
        out.append("   TOKEN=$(curl -s -u valmont-agent:demo -d grant_type=client_credentials ")
                .append(stack.tokenUrl()).append(" | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')").append(nl);
        out.append("   curl -s -H \"Authorization: Bearer $TOKEN\" -H \"").append(HttpContract.TENANT_HEADER)
                .append(": ").append(DemoClients.VALMONT)
                .append("\" ").append(stack.gatewayUrl()).append("/api/portfolio/projects").append(nl);
        out.append(nl).append(" Ctrl-C stops everything.").append(nl);
        out.append(RULE);
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, " %-11s %s", label, value)).append(System.lineSeparator());
    }

    private StackBanner() {
    }
}
