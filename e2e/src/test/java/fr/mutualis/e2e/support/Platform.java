package fr.mutualis.e2e.support;

import fr.mutualis.contracts.openapi.ApiDocuments;
import fr.mutualis.testsupport.CommittedApiDocument;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.localstack.LocalStack;
import fr.mutualis.localstack.launcher.AppProcess;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One platform for every end-to-end class of the run: started like the README's run command, the demo territory
 * loaded (random ports), stopped when the run ends. Starting its JVMs once instead of once per class keeps the suite
 * within its time budget. A class counts only what it made: data in SIRENs of its own ({@link Territory},
 * {@link Sirens}), or marked with a value of its own in a demo collectivité. The classes share it concurrently; the
 * first to start starts it, the others wait for it.
 */
public final class Platform implements BeforeAllCallback {

    /**
     * The console's access tokens live this long in the run (five minutes otherwise): the console refreshes them
     * 30 s before they expire, so pages of the run are served with refreshed tokens, as a working day would be.
     */
    public static final Duration CONSOLE_ACCESS_TOKEN_TTL = Duration.ofSeconds(35);

    /**
     * How long the broker keeps a stopped reporting job in its consumer group (45 s otherwise): the job's application
     * reset waits until the group is empty, and ReportingJobEndToEndTest resets it right after stopping it.
     */
    public static final Duration REPORTING_JOB_SESSION_TIMEOUT = Duration.ofSeconds(10);

    // classes run concurrently (junit-platform.properties): each reads the stack the first one started
    private static volatile LocalStack stack;
    private static ContractCheck contract;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Platform.class, key -> new Running(start()), Running.class);
    }

    public static LocalStack stack() {
        if (stack == null) {
            throw new IllegalStateException("Annotate the test class with @ExtendWith(Platform.class)");
        }
        return stack;
    }

    /** The gateway, every exchange with the API checked against the OpenAPI document ({@link ContractCheck}). */
    public static TestHttp gateway() {
        return new TestHttp(stack().gatewayUrl(), contract());
    }

    /**
     * The gateway for tests that send invalid requests on purpose (hostile input, forged tokens, probes of other
     * tenants' data, mass assignment): only the answers are checked against the OpenAPI document.
     */
    public static TestHttp gatewayForInvalidRequests() {
        return gatewayForInvalidRequests(stack().gatewayUrl());
    }

    /** The same, for a gateway started beside the platform's ({@link LocalStack#startAside}). */
    public static TestHttp gatewayForInvalidRequests(String gatewayUrl) {
        return new TestHttp(gatewayUrl, contract().responsesOnly());
    }

    /**
     * Stops a stack of the run once its tests are done: the apps' JVMs killed first, then the servers stopped. Their
     * graceful stop is not what these tests check, and it waited up to the stack's grace period per app (the gateway
     * finishing its idle keep-alive connections, the services their shutdown phases).
     */
    private static void discard(LocalStack stack) {
        System.out.println("apps' CPU (s) over their last launch: " + cpuSeconds(stack));
        stack.apps().forEach(app -> {
            if (stack.isAppRunning(app.module())) {
                stack.killApp(app.module());
            }
        });
        stack.close();
    }

    /**
     * The CPU time of each app's JVM, as the kernel counts it: what the run cost the cores, a figure that a loaded
     * machine changes far less than the wall times.
     */
    private static Map<String, String> cpuSeconds(LocalStack stack) {
        Map<String, String> seconds = new LinkedHashMap<>();
        stack.apps().forEach(app -> stack.appCpuTime(app.module())
                .ifPresent(cpu -> seconds.put(app.module(), String.format(Locale.ROOT, "%.1f", cpu.toMillis() / 1000.0))));
        return seconds;
    }

    /** The committed aggregated document, which each service's test proves equal to what it serves. */
    private static synchronized ContractCheck contract() {
        if (contract == null) {
            try {
                contract = ContractCheck.of(Files.readString(CommittedApiDocument.file(ApiDocuments.AGGREGATED)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return contract;
    }

    /**
     * The apps' JVM options in the run's stacks: the run command's, C2 off ({@link AppProcess#QUICK_START_JVM_OPTIONS}),
     * unless {@code -Dmutualis.e2e.apps-c2=true}. The suite is bound by the two cores, and an app of the run executes
     * most of its code a few times: C2's compilations cost more than they save there.
     */
    private static List<String> appJvmOptions() {
        return Boolean.getBoolean("mutualis.e2e.apps-c2") ? AppProcess.DEFAULT_JVM_OPTIONS
                : AppProcess.QUICK_START_JVM_OPTIONS;
    }

    private static synchronized LocalStack start() {
        stack = LocalStack.builder()
                .randomPorts()
                .jvmOptions(appJvmOptions())
                .workDir(Path.of("target", "e2e-stack"))
                .loadDemo(true)
                .consoleAccessTokenTtl(CONSOLE_ACCESS_TOKEN_TTL)
                // Two console replicas behind the gateway, as deployed (their sessions in the console's database):
                // the browser classes' requests alternate between them.
                .instances("console", 2)
                .appEnvironment("reporting-job", "SPRING_APPLICATION_JSON",
                        "{\"spring.kafka.streams.properties.session.timeout.ms\": "
                                + REPORTING_JOB_SESSION_TIMEOUT.toMillis() + "}")
                // six JVMs starting at once on two shared cores can take minutes; a slow start is not a failure
                // (-Dmutualis.e2e.readiness-timeout=<seconds> on a machine busier still)
                .readinessTimeout(Duration.ofSeconds(Long.getLong("mutualis.e2e.readiness-timeout", 900)))
                .registerShutdownHook(false)
                .build()
                .start();
        return stack;
    }

    private record Running(LocalStack stack) implements AutoCloseable {

        @Override
        public void close() {
            discard(stack);
        }
    }
}
