package fr.mutualis.localstack;

import fr.mutualis.localstack.demo.DemoLoader;
import fr.mutualis.localstack.demo.DemoReport;
import fr.mutualis.localstack.issuer.TokenClient;
import fr.mutualis.localstack.launcher.AppProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar [--mutualis.stack.<option>=<value>...]}
 * from the repository: starts the {@link LocalStack} with its defaults, prints the banner, and runs until Ctrl-C.
 * <p>
 * Options (also as environment variables, e.g. {@code MUTUALIS_STACK_JARS_DIR}):
 * <ul>
 *   <li>{@code jars-dir}: one directory holding every {@code <module>-0.1.0-SNAPSHOT-exec.jar} (default: the
 *       repository layout {@code <module>/target/}, the repository found upwards from the working directory);</li>
 *   <li>{@code work-dir} (default {@code .local-stack}): PostgreSQL data under {@code pg/}, app logs under
 *       {@code logs/}, the executable jars extracted under {@code jars/} (the apps start from them, see
 *       {@code ExtractedJars}); {@code pg-data-dir} overrides the first;</li>
 *   <li>{@code apps}: comma-separated apps to launch (default all; {@code none});</li>
 *   <li>{@code reporting} (default true): false leaves the reporting job out;</li>
 *   <li>{@code load-demo} (default true: loaded when the gateway and the four services run, see {@code apps});
 *       {@code readiness-timeout} in seconds (default 180);</li>
 *   <li>{@code aot-cache} (default true): on JDK 25 and later, the apps start from their ahead-of-time cache under
 *       {@code <work-dir>/aot}, trained in the background after the first start (see {@code AotCache}); false
 *       starts them from their extracted jars only, as an older JDK does;</li>
 *   <li>{@code jvm-options}: JVM options added to every app's, after the defaults so that they win (e.g.
 *       {@code -Xmx512m}); the apps compile with C1 only ({@link AppProcess#QUICK_START_JVM_OPTIONS}), and
 *       {@code -XX:TieredStopAtLevel=4} gives them C2 back;</li>
 *   <li>{@code console-access-token-ttl} in seconds (default 300): how long the console's access tokens live;</li>
 *   <li>{@code gateway-port}, {@code portfolio-port}, {@code budget-port}, {@code governance-port},
 *       {@code evaluation-port}, {@code console-port}, {@code reporting-port}, {@code issuer-port}, {@code postgres-port}, {@code kafka-port},
 *       {@code mail-port} (SMTP, default 3025), {@code mailbox-port} (the received mails' page, default 8025);</li>
 *   <li>{@code demo-only=true} with {@code gateway-url} and {@code token-uri}: only load the demo territory into an
 *       already running platform (e.g. docker-compose with Keycloak's token endpoint).</li>
 * </ul>
 */
public final class LocalStackApplication {

    private static final String PREFIX = "mutualis.stack.";

    public static void main(String[] args) throws InterruptedException {
        configureLogging();
        Logger log = LoggerFactory.getLogger("fr.mutualis.localstack.stack");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        checkOptions(environment, args);

        if (environment.getProperty(PREFIX + "demo-only", Boolean.class, false)) {
            System.exit(loadDemoOnly(environment, log));
        }

        LocalStack stack = builder(environment).build();
        try {
            stack.start();
        } catch (RuntimeException e) {
            log.error("{}", e.getMessage());
            if (stack.isRunning() || !"Stopped while starting".equals(e.getMessage())) {
                System.exit(1);
            }
            return; // Ctrl-C during start-up: the shutdown hook is already stopping everything
        }
        System.out.println(stack.banner());
        watchApps(stack, log);
        new CountDownLatch(1).await(); // until Ctrl-C: the stack's shutdown hook stops everything
    }

    static LocalStack.Builder builder(StandardEnvironment env) {
        LocalStack.Builder builder = LocalStack.builder();
        string(env, "jars-dir").map(Path::of).ifPresent(builder::jarsDir);
        string(env, "work-dir").map(Path::of).ifPresent(builder::workDir);
        string(env, "pg-data-dir").map(Path::of).ifPresent(builder::postgresDataDir);
        string(env, "apps").ifPresent(apps -> {
            if (apps.trim().equalsIgnoreCase("none")) {
                builder.noApps();
            } else {
                builder.apps(Arrays.stream(apps.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
            }
        });
        if (!env.getProperty(PREFIX + "reporting", Boolean.class, true)) {
            builder.withoutApp(StackApp.REPORTING.module());
        }
        builder.loadDemo(env.getProperty(PREFIX + "load-demo", Boolean.class, true));
        builder.aotCache(env.getProperty(PREFIX + "aot-cache", Boolean.class, true));
        builder.readinessTimeout(Duration.ofSeconds(env.getProperty(PREFIX + "readiness-timeout", Long.class, 180L)));
        builder.jvmOptions(AppProcess.QUICK_START_JVM_OPTIONS);
        string(env, "jvm-options").ifPresent(builder::addJvmOptions);
        Long consoleTokenSeconds = env.getProperty(PREFIX + "console-access-token-ttl", Long.class);
        if (consoleTokenSeconds != null) {
            builder.consoleAccessTokenTtl(Duration.ofSeconds(consoleTokenSeconds));
        }
        for (StackApp app : StackApp.values()) {
            Integer port = env.getProperty(PREFIX + app.context() + "-port", Integer.class);
            if (port != null) {
                builder.appPort(app.module(), port);
            }
            Integer instances = env.getProperty(PREFIX + app.context() + "-instances", Integer.class);
            if (instances != null) {
                builder.instances(app.module(), instances);
            }
        }
        integer(env, "issuer-port").ifPresent(builder::issuerPort);
        integer(env, "postgres-port").ifPresent(builder::postgresPort);
        integer(env, "kafka-port").ifPresent(builder::kafkaPort);
        integer(env, "mail-port").ifPresent(builder::mailPort);
        integer(env, "mailbox-port").ifPresent(builder::mailboxPort);
        return builder;
    }

    private static int loadDemoOnly(StandardEnvironment env, Logger log) {
        URI gateway = URI.create(env.getProperty(PREFIX + "gateway-url", "http://localhost:8080"));
        URI tokenUri = URI.create(env.getProperty(PREFIX + "token-uri", "http://localhost:9000/oauth2/token"));
        log.info("demo: loading into {} with tokens from {}", gateway, tokenUri);
        try {
            DemoReport report = new DemoLoader(gateway, new TokenClient(tokenUri)::token).load();
            return report.complete() ? 0 : 2;
        } catch (RuntimeException e) {
            log.error("{}", e.getMessage());
            return 1;
        }
    }

    /** Reports an app that exits on its own while the stack runs. */
    private static void watchApps(LocalStack stack, Logger log) {
        Thread watcher = new Thread(() -> {
            Set<StackApp> reported = new HashSet<>();
            while (stack.isRunning()) {
                for (StackApp app : stack.apps()) {
                    if (stack.isRunning() && !stack.isAppRunning(app.module()) && reported.add(app)) {
                        log.error("{} has exited; see {}", app.module(), stack.logFile(app.module()));
                    }
                }
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "local-stack-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Catches misspelt options: an unknown --mutualis.stack.* option is an error. */
    private static void checkOptions(StandardEnvironment env, String[] args) {
        List<String> known = List.of("jars-dir", "work-dir", "pg-data-dir", "apps", "load-demo", "aot-cache", "jvm-options",
                "readiness-timeout",
                "console-access-token-ttl",
                "gateway-port", "portfolio-port", "budget-port", "governance-port", "evaluation-port", "console-port",
                "reporting-port", "reporting", "issuer-port",
                "portfolio-instances", "budget-instances", "governance-instances", "evaluation-instances",
                "console-instances", "reporting-instances",
                "postgres-port", "kafka-port", "mail-port", "mailbox-port", "demo-only", "gateway-url", "token-uri");
        for (String arg : args) {
            if (arg.startsWith("--" + PREFIX)) {
                String option = arg.substring(2 + PREFIX.length()).split("=", 2)[0];
                if (!known.contains(option)) {
                    System.err.println("Unknown option --" + PREFIX + option + "; known: " + known);
                    System.exit(2);
                }
            }
        }
    }

    private static java.util.Optional<String> string(StandardEnvironment env, String option) {
        return java.util.Optional.ofNullable(env.getProperty(PREFIX + option)).filter(value -> !value.isBlank());
    }

    private static java.util.Optional<Integer> integer(StandardEnvironment env, String option) {
        return java.util.Optional.ofNullable(env.getProperty(PREFIX + option, Integer.class));
    }

    /** Short console lines (local-stack-logback.xml) unless the user chose a configuration; JUL into SLF4J. */
    private static void configureLogging() {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "local-stack-logback.xml");
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    private LocalStackApplication() {
    }
}
