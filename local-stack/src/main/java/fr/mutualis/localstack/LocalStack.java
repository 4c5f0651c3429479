package fr.mutualis.localstack;

import fr.mutualis.contracts.Topics;
import fr.mutualis.testsupport.infra.EmbeddedKafkaServer;
import fr.mutualis.testsupport.infra.EmbeddedPostgresServer;
import fr.mutualis.localstack.demo.DemoLoader;
import fr.mutualis.localstack.demo.DemoReport;
import fr.mutualis.testsupport.infra.FreePorts;
import fr.mutualis.localstack.infra.PortForwarder;
import fr.mutualis.localstack.issuer.ClientProfile;
import fr.mutualis.localstack.issuer.DemoClients;
import fr.mutualis.localstack.issuer.ConsoleClient;
import fr.mutualis.localstack.issuer.IssuerServer;
import fr.mutualis.localstack.issuer.TokenClient;
import fr.mutualis.localstack.launcher.AotCache;
import fr.mutualis.localstack.launcher.ExtractedJars;
import fr.mutualis.localstack.launcher.LeftBehind;
import fr.mutualis.localstack.launcher.AppProcess;
import fr.mutualis.localstack.launcher.JarLocator;
import fr.mutualis.localstack.launcher.ReadinessWaiter;
import fr.mutualis.localstack.mail.Mailbox;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The whole Mutualis platform on one machine without Docker: a real PostgreSQL (one database per service), a real
 * KRaft Kafka broker (every topic and dead-letter topic), a real OAuth2 token issuer, the five applications as child
 * JVMs, and the demo territory. Used by {@code LocalStackApplication} and by the e2e tests:
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder().build().start()) {
 *     String token = stack.token("valmont-agent", "demo");
 *     // call stack.gatewayUrl() + "/api/portfolio/projects" with X-Tenant-Id: 210000022
 *     stack.restartApp("budget-service");
 * }
 * }</pre>
 *
 * Not thread-safe for concurrent start/stop; the query methods may be called from any thread once started.
 */
public final class LocalStack implements AutoCloseable {

    public static final String DB_USERNAME = EmbeddedPostgresServer.USER;
    /** Demo credential, local stack only. */
    public static final String DB_PASSWORD = EmbeddedPostgresServer.PASSWORD;
    public static final int KAFKA_PARTITIONS = 3;
    /** The glibc setting of the apps' malloc arenas ({@link #APP_MALLOC_ARENAS} unless the launcher has its own). */
    public static final String MALLOC_ARENA_MAX = "MALLOC_ARENA_MAX";
    public static final String APP_MALLOC_ARENAS = "2";

    private static final Logger log = LoggerFactory.getLogger("fr.mutualis.localstack.stack");
    private static final Duration AOT_TRAINING_TIMEOUT = Duration.ofMinutes(20);
    /** The demo phase's part that is the territory's load itself. */
    public static final String DEMO_TERRITORY = "territory";

    private final Builder settings;
    private final Map<StackApp, AppProcess> apps = new EnumMap<>(StackApp.class);
    /** Instances of an app beyond its first ({@link Builder#instances}), numbered from 1. */
    private final Map<StackApp, List<AppProcess>> extraInstances = new EnumMap<>(StackApp.class);
    /** JVMs started beside the stack's own apps ({@link #startAside}), until closed. */
    private final List<AppProcess> asides = new CopyOnWriteArrayList<>();
    private final ReadinessWaiter readiness = new ReadinessWaiter();
    /** stop() may come from the shutdown hook while start() runs (Ctrl-C during start-up): it must not wait for it. */
    private final Object stopLock = new Object();
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaServer kafka;
    private PortForwarder kafkaForwarder;
    private IssuerServer issuer;
    private Mailbox mailbox;
    private TokenClient tokenClient;
    private DemoReport demoReport;
    private Duration startupTime;
    private StartupReport startupReport;
    private Thread shutdownHook;
    private Thread aotTrainer;
    /** The apps launched once the others are ready, beside the demo's load ({@link #launchApps}). */
    private List<AppProcess> deferredApps = List.of();
    private volatile boolean running;

    private LocalStack(Builder settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------------------------------------ lifecycle

    /**
     * Starts everything and waits until every app is ready (and the demo is loaded, when asked). On failure whatever
     * was started is stopped again and a {@link LocalStackException} explains what went wrong.
     */
    public synchronized LocalStack start() {
        if (running) {
            throw new IllegalStateException("Already started");
        }
        long start = System.nanoTime();
        running = true;
        if (settings.registerShutdownHook) {
            shutdownHook = new Thread(this::stopFromHook, "local-stack-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        List<StartupReport.Phase> phases = new ArrayList<>();
        try {
            Map<StackApp, Path> executableJars = locateJars();
            stopWhatAKilledLauncherLeft();
            // what each app is launched from: its extracted jar and, once trained, its ahead-of-time cache
            Optional<AotCache> aot = aotCache();
            Map<StackApp, AotCache.Launch> launches = new EnumMap<>(StackApp.class);
            phases.add(startInfrastructure(executableJars, aot, launches));
            DemoLoader demo = new DemoLoader(URI.create(gatewayUrl()), this::token);
            // The issuer is idle while the apps start, and the demo clients' tokens live an hour: fetched now, the
            // issuer's cold token path is off the demo's (28.7 s at load 54, before the demo's first call).
            if (settings.loadDemo && !settings.loadsTheDemo()) {
                log.warn("demo: not loaded: it goes through {}, not launched here"
                        + " (--mutualis.stack.load-demo=false leaves it out without this line)",
                        settings.appsTheDemoLacks().stream().map(StackApp::module).toList());
            }
            CompletableFuture<Void> demoTokens = settings.loadsTheDemo()
                    ? CompletableFuture.runAsync(demo::fetchTokens, onItsOwnThread("demo-tokens"))
                    : CompletableFuture.completedFuture(null);
            launchApps(launches, aot.isPresent()).ifPresent(phases::add);
            if (settings.loadsTheDemo()) {
                loadDemo(demo, demoTokens).ifPresent(phases::add);
            }
            aot.ifPresent(cache -> trainAotCaches(cache, launches));
        } catch (RuntimeException | Error e) {
            if (!running) {
                // stop() was called meanwhile (Ctrl-C): what failed is the consequence, not the cause
                throw stoppedDuringStart();
            }
            log.error("start failed, stopping what was started");
            stop();
            throw e instanceof LocalStackException stackFailure ? stackFailure
                    : new LocalStackException("Local stack failed to start: " + e, e);
        }
        startupTime = Duration.ofNanos(System.nanoTime() - start);
        startupReport = new StartupReport(startupTime, phases);
        log.info("start-up phases: {}", startupReport.line());
        log.info("stack ready in {} s: gateway {}", seconds(startupTime), hasApp(StackApp.GATEWAY) ? gatewayUrl() : "(not launched)");
        return this;
    }

    /**
     * The apps and the database a launcher that was killed left running ({@link LeftBehind}) hold the ports and the
     * data directory this start needs: stopped first, the apps before the database they are connected to.
     */
    private void stopWhatAKilledLauncherLeft() {
        List<Long> apps = LeftBehind.stopAppsOfGoneLaunchers(settings.stopGrace);
        OptionalLong postgres = LeftBehind.stopPostgresOf(settings.postgresDataDir(), settings.stopGrace);
        if (!apps.isEmpty() || postgres.isPresent()) {
            log.warn("stopped what a launcher that was killed left running: apps {}, PostgreSQL {}", apps,
                    postgres.isPresent() ? postgres.getAsLong() : "none");
        }
    }

    /**
     * Stops the apps (destroy, then destroyForcibly after the grace period), the issuer, Kafka and PostgreSQL. May be
     * called while {@link #start()} runs (from another thread or the JVM shutdown hook): start then fails promptly.
     */
    public void stop() {
        synchronized (stopLock) {
            stopLocked();
        }
    }

    private void stopLocked() {
        if (!running) {
            return;
        }
        running = false;
        long start = System.nanoTime();
        if (aotTrainer != null) {
            aotTrainer.interrupt();
            aotTrainer = null;
        }
        asides.forEach(AppProcess::kill);
        asides.clear();
        if (!apps.isEmpty()) {
            log.info("stopping {}", names(apps.keySet()));
            extraInstances.values().forEach(instances -> instances.forEach(AppProcess::requestStop));
            apps.values().forEach(AppProcess::requestStop);
            extraInstances.values().forEach(instances -> instances.forEach(app -> app.awaitStop(settings.stopGrace)));
            apps.values().forEach(app -> app.awaitStop(settings.stopGrace));
        }
        quietly("issuer", issuer);
        quietly("mailbox", mailbox);
        quietly("kafka forwarder", kafkaForwarder);
        quietly("kafka", kafka);
        quietly("postgres", postgres);
        issuer = null;
        mailbox = null;
        kafkaForwarder = null;
        kafka = null;
        postgres = null;
        if (shutdownHook != null && !Thread.currentThread().equals(shutdownHook)) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook runs or ran
            }
        }
        shutdownHook = null;
        log.info("stopped in {} s", seconds(Duration.ofNanos(System.nanoTime() - start)));
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isRunning() {
        return running;
    }

    // ------------------------------------------------------------------------------------------------ apps

    /** Stops one app ({@code "budget-service"} or {@code "budget"}) and waits until its JVM has exited. */
    public void stopApp(String name) {
        AppProcess app = app(name);
        log.info("stopping {}", app.app().module());
        app.stop(settings.stopGrace);
        log.info("stopped {} (exit code {})", app.app().module(), app.exitCode().map(String::valueOf).orElse("?"));
    }

    /** Kills one app's JVM with SIGKILL, as a crash would: what it acknowledged must survive (reliability tests). */
    public void killApp(String name) {
        AppProcess app = app(name);
        app.kill();
        log.info("killed {} (SIGKILL)", app.app().module());
    }

    /** Starts a stopped app again (same port, same environment) and waits until it is ready. */
    public void startApp(String name) {
        AppProcess app = app(name);
        log.info("starting {} on port {}", app.app().module(), app.port());
        app.start(false);
        readiness.awaitReady(List.of(app), settings.readinessTimeout);
    }

    public void restartApp(String name) {
        stopApp(name);
        startApp(name);
    }

    /**
     * Restarts one app (same port) with {@code overrides} on top of the environment the stack gives it: a setting one
     * test needs and the others must not see, such as a low rate limit. {@code Map.of()} gives it back its own.
     */
    public void restartApp(String name, Map<String, String> overrides) {
        AppProcess current = app(name);
        stopApp(name);
        Map<String, String> environment = new LinkedHashMap<>(environment(current.app()));
        environment.putAll(overrides);
        apps.put(current.app(), current.withEnvironment(environment));
        startApp(name);
    }

    /**
     * Starts one more JVM of an app beside the stack's, on a free port, with {@code overrides} on top of the
     * environment the stack gives that app, and waits until it is ready: a setting one test needs (a low rate limit)
     * while every other client keeps the stack's own instance, which a restart with that setting would take from them.
     * Closing it kills its JVM; the stack's stop ends it too.
     */
    public Aside startAside(String name, Map<String, String> overrides) {
        AppProcess own = app(name);
        int port = FreePorts.pick();
        Map<String, String> environment = environment(own.app(), port);
        environment.putAll(overrides);
        AppProcess aside = own.aside(port, environment,
                settings.logsDir().resolve(own.app().module() + "-aside-" + port + ".log"));
        log.info("starting {} aside on port {} with {}", own.app().module(), port, overrides.keySet());
        synchronized (stopLock) {
            if (!running) {
                throw new IllegalStateException("The stack is not running");
            }
            asides.add(aside);
            aside.start(true);
        }
        try {
            readiness.awaitReady(List.of(aside), settings.readinessTimeout);
        } catch (RuntimeException notReady) {
            aside.kill();
            asides.remove(aside);
            throw notReady;
        }
        return new Aside(aside);
    }

    /** An app's JVM started beside the stack's ({@link #startAside}); closing it kills it. */
    public final class Aside implements AutoCloseable {

        private final AppProcess process;

        private Aside(AppProcess process) {
            this.process = process;
        }

        public String url() {
            return process.baseUrl();
        }

        /** The process id of its JVM. */
        public long pid() {
            return process.pid().orElseThrow();
        }

        /** Killed rather than stopped: it keeps nothing a graceful stop would save, and its clients are done. */
        @Override
        public void close() {
            process.kill();
            asides.remove(process);
            log.info("killed {} aside on port {}", process.app().module(), process.port());
        }
    }

    /** The port of instance {@code instance} of an app: 0 is its first ({@link #appPort}), 1 the second... */
    public int instancePort(String name, int instance) {
        return instance == 0 ? appPort(name) : extraInstance(name, instance).port();
    }

    /** Kills one instance of an app with SIGKILL ({@code 0}: the first, as {@link #killApp}). */
    public void killInstance(String name, int instance) {
        if (instance == 0) {
            killApp(name);
            return;
        }
        AppProcess app = extraInstance(name, instance);
        app.kill();
        log.info("killed {} instance {} (SIGKILL)", app.app().module(), instance + 1);
    }

    /** Starts a stopped instance of an app again (same port) and waits until it is ready. */
    public void startInstance(String name, int instance) {
        if (instance == 0) {
            startApp(name);
            return;
        }
        AppProcess app = extraInstance(name, instance);
        log.info("starting {} instance {} on port {}", app.app().module(), instance + 1, app.port());
        app.start(false);
        readiness.awaitReady(List.of(app), settings.readinessTimeout);
    }

    private AppProcess extraInstance(String name, int instance) {
        List<AppProcess> instances = extraInstances.getOrDefault(StackApp.of(name), List.of());
        if (instance < 1 || instance > instances.size()) {
            throw new IllegalArgumentException(name + " has no instance " + instance + " in this stack");
        }
        return instances.get(instance - 1);
    }

    public boolean isAppRunning(String name) {
        return app(name).isAlive();
    }

    /** Whether {@code name} answers UP on its readiness endpoint now. */
    public boolean isAppReady(String name) {
        return readiness.isReady(app(name).port());
    }

    /** The process id of the app's JVM (the last one launched), empty before it was launched. */
    public Optional<Long> appPid(String name) {
        return app(name).pid();
    }

    /** The CPU time the app's JVM (the last one launched) has used so far, when the platform tells it. */
    public Optional<Duration> appCpuTime(String name) {
        return app(name).cpuTime();
    }

    /** The apps this stack launched. */
    public List<StackApp> apps() {
        return List.copyOf(apps.keySet());
    }

    // ------------------------------------------------------------------------------------------------ addresses

    /** The console's public address: the gateway's root, {@code http://localhost:8080/} by default. */
    public String consoleUrl() {
        return gatewayUrl() + "/";
    }

    /** {@code http://localhost:8080} by default. */
    public String gatewayUrl() {
        return "http://localhost:" + settings.port(StackApp.GATEWAY);
    }

    /** The app's own base URL, e.g. {@code http://localhost:8081} for {@code portfolio-service}. */
    public String appUrl(String name) {
        return "http://localhost:" + settings.port(StackApp.of(name));
    }

    public int appPort(String name) {
        return settings.port(StackApp.of(name));
    }

    public Path logFile(String name) {
        return settings.logsDir().resolve(StackApp.of(name).module() + ".log");
    }

    /** The token issuer's base URL, also the tokens' {@code iss}: {@code http://localhost:9000} by default. */
    public String issuerUrl() {
        return requireStarted(issuer, "issuer").issuerUri();
    }

    public String tokenUrl() {
        return requireStarted(issuer, "issuer").tokenUri();
    }

    public String jwkSetUrl() {
        return requireStarted(issuer, "issuer").jwkSetUri();
    }

    /**
     * An access token (JWT) from the issuer, {@code client_credentials} grant, kept by the stack's {@link TokenClient}
     * until shortly before it expires: callers need not keep it themselves.
     */
    public String token(String clientId, String secret) {
        return requireStarted(tokenClient, "issuer").token(clientId, secret);
    }

    /** An access token for a demo client (secret {@code demo}). */
    public String token(String demoClientId) {
        return token(demoClientId, DemoClients.SECRET);
    }

    /** A token of {@code clientId} signed by the issuer's key but expired an hour ago (tests of token expiry). */
    public String expiredToken(String clientId) {
        return requireStarted(issuer, "issuer").expiredToken(clientId);
    }

    /**
     * A token of {@code clientId} signed by the issuer's real key, with claims altered by {@code change} (see
     * {@link IssuerServer#signedToken}): tests of each token rule (issuer, audience, tenants, dates) on its own.
     */
    public String signedToken(String clientId, UnaryOperator<Map<String, Object>> change) {
        return requireStarted(issuer, "issuer").signedToken(clientId, change);
    }

    /**
     * Ends every authorization the issuer gave a person: the console's refresh tokens for them are refused from now
     * on, their sign-in at the issuer stays (see {@link IssuerServer#endAuthorizationsOf}).
     */
    public void endIssuerAuthorizationsOf(String username) {
        requireStarted(issuer, "issuer").endAuthorizationsOf(username);
    }

    /** Registers an extra issuer client, like {@code POST /demo/clients}; fails when the id is taken. */
    public void registerClient(String clientId, String secret, List<String> tenants, List<String> roles) {
        requireStarted(issuer, "issuer").registerClient(new ClientProfile(clientId, clientId, tenants, roles), secret);
    }

    /** As {@link #registerClient(String, String, List, List)}, its tokens carrying {@code email} as a person's do. */
    public void registerClient(String clientId, String secret, List<String> tenants, List<String> roles, String email) {
        requireStarted(issuer, "issuer").registerClient(new ClientProfile(clientId, clientId, tenants, roles, email),
                secret);
    }

    /** The port of the SMTP server the platform sends its mails to (GreenMail). */
    public int mailPort() {
        return requireStarted(mailbox, "mailbox").smtpPort();
    }

    /** The page (loopback only) listing the mails the SMTP server received. */
    public String mailboxUrl() {
        return requireStarted(mailbox, "mailbox").pageUrl();
    }

    /** Every mail the SMTP server received, in the order received. */
    public List<MimeMessage> receivedMails() {
        return requireStarted(mailbox, "mailbox").received();
    }

    /** Stops the Kafka broker (fault injection); the applications keep running and retry. */
    public void stopKafkaBroker() {
        requireStarted(kafka, "kafka").stopBroker();
        log.info("kafka: broker stopped");
    }

    /** Starts the stopped broker again, same address, same log. */
    public void startKafkaBroker() {
        requireStarted(kafka, "kafka").startBroker();
        log.info("kafka: broker started again");
    }

    /**
     * The broker's own address ({@code localhost:<random>}), given to the apps. {@code localhost:19092} (the
     * configured Kafka port) forwards to it for clients that use the default address.
     */
    public String kafkaBootstrapServers() {
        return requireStarted(kafka, "kafka").bootstrapServers();
    }

    /** The configured Kafka port, {@code localhost:19092} by default (forwarded to the broker), or the broker's. */
    public String kafkaPublicBootstrapServers() {
        return kafkaForwarder != null ? "localhost:" + kafkaForwarder.port() : kafkaBootstrapServers();
    }

    /** JDBC URL of a service database: {@code portfolio}, {@code budget}, {@code governance}, {@code evaluation}. */
    public String jdbcUrl(String database) {
        return requireStarted(postgres, "postgres").jdbcUrl(database);
    }

    public int postgresPort() {
        return requireStarted(postgres, "postgres").port();
    }

    /** What the demo loader did, empty when it did not run. */
    public Optional<DemoReport> demoReport() {
        return Optional.ofNullable(demoReport);
    }

    /** Time {@link #start()} took. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Where {@link #start()} spent its time, phase by phase; null before it returned. */
    public StartupReport startupReport() {
        return startupReport;
    }

    /** The banner printed by {@code LocalStackApplication}: URLs, demo clients, a curl example. */
    public String banner() {
        return StackBanner.render(this);
    }

    // ------------------------------------------------------------------------------------------------ internals

    private Map<StackApp, Path> locateJars() {
        Map<StackApp, Path> jars = new EnumMap<>(StackApp.class);
        if (settings.apps.isEmpty()) {
            return jars;
        }
        JarLocator locator = settings.jarsDir != null ? JarLocator.inDirectory(settings.jarsDir)
                : JarLocator.repositoryLayout(settings.repositoryRoot != null ? settings.repositoryRoot : Path.of(""));
        List<String> missing = new ArrayList<>();
        for (StackApp app : settings.apps) {
            locator.jar(app).ifPresentOrElse(jar -> jars.put(app, jar), () -> missing.add(locator.describe(app)));
        }
        if (!missing.isEmpty()) {
            throw new LocalStackException("Missing executable jar(s): " + String.join(", ", missing)
                    + ". Build them first: ./mvnw -q install -DskipTests (or set --mutualis.stack.jars-dir)");
        }
        return jars;
    }

    /**
     * Starts the servers side by side, and beside them extracts the executable jars not extracted yet;
     * {@code launches} gets what each app starts from.
     */
    private StartupReport.Phase startInfrastructure(Map<StackApp, Path> executableJars, Optional<AotCache> aot,
                                                    Map<StackApp, AotCache.Launch> launches) {
        long start = System.nanoTime();
        List<StartupReport.Part> parts = java.util.Collections.synchronizedList(new ArrayList<>());
        // The SMTP server starts at once (a fraction of a second), before anything that may send to it.
        mailbox = Mailbox.start(settings.mailPort, settings.mailboxPort);
        log.info("mail: SMTP server on port {}, received mails at {}", mailbox.smtpPort(), mailbox.pageUrl());
        CompletableFuture<Map<StackApp, Path>> extracted = executableJars.isEmpty()
                ? CompletableFuture.completedFuture(Map.of())
                : timed("jars", parts, () -> extract(executableJars),
                        jars -> jars.size() + " extracted jars (under " + settings.extractedJarsDir() + ")");
        // PostgreSQL (a child process), Kafka and the issuer (in this JVM) start side by side.
        CompletableFuture<EmbeddedPostgresServer> pg = timed("postgres", parts, () -> {
            // With the stack's own shutdown hook, PostgreSQL stops in it after the apps: a hook of its own would run
            // beside the stack's (a JVM starts them all at once) and take the database from services still
            // committing their last work, each then waiting for a connection until its pool's time-out.
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings.postgresPort,
                    settings.postgresDataDir(), !settings.registerShutdownHook);
            for (StackApp app : StackApp.values()) {
                if (app.database() != null) {
                    server.createDatabase(app.database());
                }
            }
            return server;
        }, server -> "on port " + server.port() + ", databases " + databases() + " (owner " + DB_USERNAME + ")");
        List<String> topics = Topics.allWithDeadLetters();
        CompletableFuture<EmbeddedKafkaServer> broker = timed("kafka", parts,
                () -> EmbeddedKafkaServer.start(KAFKA_PARTITIONS, topics),
                server -> "at " + server.bootstrapServers() + ", " + topics.size() + " topics x " + KAFKA_PARTITIONS
                        + " partitions");
        CompletableFuture<IssuerServer> tokens = timed("issuer", parts,
                () -> IssuerServer.start(settings.issuerPort, null, List.of(gatewayUrl()),
                        settings.consoleAccessTokenTtl),
                server -> "at " + server.issuerUri() + ", " + DemoClients.ALL.size() + " demo clients");
        RuntimeException failure = null;
        EmbeddedPostgresServer startedPostgres = null;
        EmbeddedKafkaServer startedKafka = null;
        IssuerServer startedIssuer = null;
        try {
            launches.putAll(prepareLaunches(extracted.join(), aot));
        } catch (CompletionException e) {
            failure = cause(e);
        }
        try {
            startedPostgres = pg.join();
        } catch (CompletionException e) {
            failure = failure != null ? failure : cause(e);
        }
        try {
            startedKafka = broker.join();
        } catch (CompletionException e) {
            failure = failure != null ? failure : cause(e);
        }
        try {
            startedIssuer = tokens.join();
        } catch (CompletionException e) {
            failure = failure != null ? failure : cause(e);
        }
        synchronized (stopLock) {
            if (!running) {
                quietly("issuer", startedIssuer);
                quietly("kafka", startedKafka);
                quietly("postgres", startedPostgres);
                throw stoppedDuringStart();
            }
            postgres = startedPostgres;
            kafka = startedKafka;
            issuer = startedIssuer;
            if (failure != null) {
                throw failure;
            }
            int brokerPort = port(kafka.bootstrapServers());
            if (settings.kafkaPort > 0 && brokerPort != settings.kafkaPort) {
                kafkaForwarder = PortForwarder.start(settings.kafkaPort, brokerPort);
                log.info("kafka: localhost:{} forwards to the broker (the embedded KRaft broker cannot bind a fixed"
                        + " port)", settings.kafkaPort);
            }
        }
        tokenClient = new TokenClient(URI.create(issuer.tokenUri()));
        return new StartupReport.Phase("infrastructure", Duration.ofNanos(System.nanoTime() - start), parts);
    }

    private Optional<StartupReport.Phase> launchApps(Map<StackApp, AotCache.Launch> launches, boolean aot) {
        if (launches.isEmpty()) {
            log.info("apps: none launched");
            return Optional.empty();
        }
        wipeReportingState();
        for (StackApp app : launches.keySet()) {
            AotCache.Launch launch = launches.get(app);
            List<String> jvmOptions = new ArrayList<>(settings.jvmOptions);
            jvmOptions.addAll(launch.jvmOptions());
            AppProcess process = new AppProcess(app, launch.jar(), settings.port(app),
                    environment(app), jvmOptions, settings.logsDir().resolve(app.module() + ".log"));
            apps.put(app, process);
            List<Integer> extraPorts = settings.extraPorts.getOrDefault(app, List.of());
            for (int instance = 1; instance <= extraPorts.size(); instance++) {
                int port = extraPorts.get(instance - 1);
                extraInstances.computeIfAbsent(app, key -> new ArrayList<>()).add(new AppProcess(app,
                        launch.jar(), port, environment(app, port), jvmOptions,
                        settings.logsDir().resolve(app.module() + "-" + (instance + 1) + ".log")));
            }
        }
        if (aot) {
            log.info("aot: from their cache: {}; without (trained once the stack is ready): {}",
                    names(launches.keySet().stream().filter(app -> launches.get(app).cached()).toList()),
                    names(launches.keySet().stream().filter(app -> !launches.get(app).cached()).toList()));
        }
        List<AppProcess> all = new ArrayList<>(apps.values());
        extraInstances.values().forEach(all::addAll);
        // The demo needs the gateway and the services only: the console and the reporting job start once those are
        // ready, beside the demo's load (HTTP round trips that leave the cores idle), instead of taking their CPU.
        List<AppProcess> first = all.stream().filter(app -> !demoGoesFirst() || neededByTheDemo(app.app())).toList();
        deferredApps = all.stream().filter(app -> !first.contains(app)).toList();
        launch(first);
        long start = System.nanoTime();
        List<StartupReport.Part> ready = readiness.awaitReady(first, settings.readinessTimeout);
        return Optional.of(new StartupReport.Phase("apps", Duration.ofNanos(System.nanoTime() - start), ready));
    }

    private boolean demoGoesFirst() {
        return settings.loadsTheDemo();
    }

    /** What the demo's calls go through: the gateway and the services behind it. */
    static boolean neededByTheDemo(StackApp app) {
        return app == StackApp.GATEWAY || app.isService();
    }

    private void launch(List<AppProcess> launched) {
        if (launched.isEmpty()) {
            return;
        }
        log.info("apps: launching {} (logs in {})", launched.stream()
                .map(app -> app.app().module() + ":" + app.port()).collect(Collectors.joining(", ")),
                settings.logsDir().toAbsolutePath().normalize());
        synchronized (stopLock) {
            if (!running) {
                throw stoppedDuringStart();
            }
            launched.forEach(app -> app.start(true));
        }
    }

    /** The environment of {@code app} ({@link #environment(StackApp)}) for a JVM of it listening on {@code port}. */
    private Map<String, String> environment(StackApp app, int port) {
        Map<String, String> environment = environment(app);
        environment.put("SERVER_PORT", String.valueOf(port));
        return environment;
    }

    /** The environment variables every app understands (see service-kit's mutualis-service-defaults.yml). */
    private Map<String, String> environment(StackApp app) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(settings.port(app)));
        env.put("MUTUALIS_SECURITY_ISSUER_URI", issuer.issuerUri());
        env.put("MUTUALIS_SECURITY_JWK_SET_URI", issuer.jwkSetUri());
        env.put("MUTUALIS_SECURITY_AUDIENCE", IssuerServer.PLATFORM_AUDIENCE);
        // glibc gives each thread that allocates its own arena, up to 8 per core, each holding freed memory: two
        // per JVM keep seven JVMs' resident size down (the JVM's heap is not malloc's). The launcher's own setting
        // wins, so that a run can compare.
        env.put(MALLOC_ARENA_MAX, System.getenv().getOrDefault(MALLOC_ARENA_MAX, APP_MALLOC_ARENAS));
        if (app == StackApp.CONSOLE) {
            // A person's browser reaches the console through the gateway; so does the console reach the platform.
            env.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl(app.database()));
            env.put("SPRING_DATASOURCE_USERNAME", DB_USERNAME);
            env.put("SPRING_DATASOURCE_PASSWORD", DB_PASSWORD);
            env.put("MUTUALIS_CONSOLE_GATEWAY_URL", gatewayUrl());
        } else if (app.isService()) {
            env.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl(app.database()));
            env.put("SPRING_DATASOURCE_USERNAME", DB_USERNAME);
            env.put("SPRING_DATASOURCE_PASSWORD", DB_PASSWORD);
            env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            // The stack created every topic and dead-letter topic they declare (same partitions): no admin client
            // and topic description round trip at each start. The reporting job's own topics are its to create.
            env.put("SPRING_KAFKA_ADMIN_AUTO_CREATE", "false");
            if (app == StackApp.EVALUATION) {
                // Alert mails go to the stack's SMTP server and link to the console at the gateway.
                env.put("SPRING_MAIL_HOST", "localhost");
                env.put("SPRING_MAIL_PORT", String.valueOf(mailbox.smtpPort()));
                env.put("MUTUALIS_NOTIFICATION_CONSOLE_URL", gatewayUrl());
            }
        } else if (app == StackApp.REPORTING) {
            env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            // Its state stores live with the stack's data: wiped with it, and not shared with another stack's job.
            env.put("MUTUALIS_REPORTING_STATE_DIR", reportingStateDir().toString());
        } else {
            for (StackApp service : StackApp.values()) {
                if (service.isService()) {
                    env.put("MUTUALIS_ROUTES_" + service.context().toUpperCase(Locale.ROOT) + "_URI",
                            instanceUrls(service));
                }
            }
            env.put("MUTUALIS_ROUTES_CONSOLE_URI", instanceUrls(StackApp.CONSOLE));
            env.put("MUTUALIS_ROUTES_REPORTING_URI", instanceUrls(StackApp.REPORTING));
        }
        env.putAll(settings.environment.getOrDefault(app, Map.of()));
        return env;
    }

    /** Every instance of {@code app}, comma-separated, as the gateway balances over them. */
    private String instanceUrls(StackApp app) {
        List<String> urls = new ArrayList<>();
        urls.add("http://localhost:" + settings.port(app));
        settings.extraPorts.getOrDefault(app, List.of()).forEach(port -> urls.add("http://localhost:" + port));
        return String.join(",", urls);
    }

    private Path reportingStateDir() {
        return settings.workDir.resolve("reporting").toAbsolutePath().normalize();
    }

    /** The broker is new at each start: state stores the job kept from a previous run would describe other topics. */
    private void wipeReportingState() {
        try {
            org.springframework.util.FileSystemUtils.deleteRecursively(reportingStateDir());
        } catch (java.io.IOException e) {
            throw new LocalStackException("Cannot wipe " + reportingStateDir() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads the demo territory while the apps it does not need ({@link #deferredApps}) start beside it; the phase's
     * parts are the territory's load and those apps, each with the time from its launch to ready and its CPU.
     */
    private Optional<StartupReport.Phase> loadDemo(DemoLoader demo, CompletableFuture<Void> tokensFetched) {
        long start = System.nanoTime();
        launch(deferredApps);
        CompletableFuture<List<StartupReport.Part>> deferredReady = CompletableFuture.supplyAsync(
                () -> readiness.awaitReady(deferredApps, settings.readinessTimeout), onItsOwnThread("deferred-apps"));
        log.info("demo: loading the demo territory through {}", gatewayUrl());
        try {
            tokensFetched.join();
        } catch (CompletionException e) {
            log.warn("demo: the tokens fetched ahead failed ({}): the load asks for them again", e.getCause().toString());
        }
        demoReport = demo.load();
        List<StartupReport.Part> parts = new ArrayList<>();
        parts.add(new StartupReport.Part(DEMO_TERRITORY, demoReport.took(), null));
        try {
            parts.addAll(deferredReady.join());
        } catch (CompletionException e) {
            throw cause(e);
        }
        return Optional.of(new StartupReport.Phase("demo", Duration.ofNanos(System.nanoTime() - start), parts));
    }

    /**
     * The ahead-of-time cache when asked for and the JDK has it; asked once per start, so that the reason it is off
     * is logged once.
     */
    private Optional<AotCache> aotCache() {
        if (!settings.aotCache || settings.apps.isEmpty()) {
            return Optional.empty();
        }
        if (!AotCache.supported(Runtime.version())) {
            log.info("aot: JDK {} has no ahead-of-time cache of this form (JDK {}+): the apps start without one",
                    Runtime.version().feature(), AotCache.FIRST_JDK);
            return Optional.empty();
        }
        return Optional.of(new AotCache(settings.aotDir(), settings.jvmOptions, settings.logsDir()));
    }

    /**
     * Each app's executable jar extracted ({@link ExtractedJars}), now when it is not yet: two at a time, beside the
     * servers' start.
     */
    private Map<StackApp, Path> extract(Map<StackApp, Path> executableJars) {
        ExtractedJars jars = new ExtractedJars(settings.extractedJarsDir());
        Map<StackApp, CompletableFuture<Path>> extractions = new EnumMap<>(StackApp.class);
        Map<StackApp, Path> extracted = new EnumMap<>(StackApp.class);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2,
                Thread.ofPlatform().name("local-stack-jars-", 1).daemon().factory())) {
            executableJars.forEach((app, jar) ->
                    extractions.put(app, CompletableFuture.supplyAsync(() -> jars.extract(app, jar), pool)));
            extractions.forEach((app, extraction) -> extracted.put(app, extraction.join()));
        } catch (CompletionException e) {
            throw cause(e);
        }
        return extracted;
    }

    /** How each extracted app is launched: from its ahead-of-time cache when there is one for it. */
    private static Map<StackApp, AotCache.Launch> prepareLaunches(Map<StackApp, Path> extracted,
                                                                  Optional<AotCache> aot) {
        Map<StackApp, AotCache.Launch> launches = new EnumMap<>(StackApp.class);
        extracted.forEach((app, jar) -> launches.put(app, aot.map(cache -> cache.prepare(app, jar))
                .orElseGet(() -> new AotCache.Launch(jar, List.of(), null))));
        return launches;
    }

    /**
     * The apps that started without a cache get one for the next start: one training run at a time, in the
     * background, so that this start is not delayed; stopping the stack abandons it.
     */
    private void trainAotCaches(AotCache cache, Map<StackApp, AotCache.Launch> launches) {
        List<StackApp> untrained = launches.keySet().stream().filter(app -> !launches.get(app).cached()).toList();
        if (untrained.isEmpty()) {
            return;
        }
        log.info("aot: training {} in the background for the next start", names(untrained));
        aotTrainer = new Thread(() -> {
            for (StackApp app : untrained) {
                if (!running || Thread.currentThread().isInterrupted()) {
                    return;
                }
                try {
                    cache.train(app, launches.get(app), environment(app), AOT_TRAINING_TIMEOUT);
                } catch (UncheckedIOException e) {
                    if (!running) {
                        // stopped meanwhile: the interrupted training is no failure, the next start trains
                        log.info("aot: training abandoned at {}: the stack is stopping", app.module());
                        return;
                    }
                    log.warn("aot: no cache for {}: {}", app.module(), e.toString());
                }
            }
        }, "local-stack-aot-training");
        aotTrainer.setDaemon(true);
        aotTrainer.start();
    }

    private boolean hasApp(StackApp app) {
        return apps.containsKey(app);
    }

    private AppProcess app(String name) {
        StackApp app = StackApp.of(name);
        AppProcess process = apps.get(app);
        if (process == null) {
            throw new IllegalArgumentException(app.module() + " was not launched by this stack");
        }
        return process;
    }

    private void stopFromHook() {
        if (running) {
            log.info("shutting down (JVM exit)");
            quietKafkaLogs();
            stop();
        }
    }

    /**
     * At JVM exit Kafka's test kit deletes the broker's temporary directories in its own shutdown hook, in parallel
     * with this one: the broker's complaints about vanished files are noise then.
     */
    private static void quietKafkaLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger("kafka").setLevel(ch.qos.logback.classic.Level.OFF);
            context.getLogger("org.apache.kafka").setLevel(ch.qos.logback.classic.Level.OFF);
            context.getLogger("org.springframework.kafka.test").setLevel(ch.qos.logback.classic.Level.OFF);
        }
    }

    private static int port(String hostAndPort) {
        String first = hostAndPort.split(",")[0].trim();
        return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
    }

    private static LocalStackException stoppedDuringStart() {
        return new LocalStackException("Stopped while starting");
    }

    /** Starts {@code name} on its own thread, then logs its time and adds it to {@code parts}. */
    private static <T> CompletableFuture<T> timed(String name, List<StartupReport.Part> parts, Supplier<T> starter,
                                                  java.util.function.Function<T, String> describe) {
        return CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            T started = starter.get();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            log.info("{}: started {} in {} s", name, describe.apply(started), seconds(took));
            parts.add(new StartupReport.Part(name, took, null));
            return started;
        }, onItsOwnThread(name));
    }

    /** Runs a start-up task on a daemon thread of its own, named after it: nothing waits in a shared pool. */
    private static Executor onItsOwnThread(String name) {
        return task -> Thread.ofPlatform().name("local-stack-" + name).daemon().start(task);
    }

    private static RuntimeException cause(CompletionException e) {
        return e.getCause() instanceof RuntimeException runtime ? runtime
                : new LocalStackException(String.valueOf(e.getCause()), e.getCause());
    }

    private static void quietly(String name, AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("{}: stop failed: {}", name, e.toString());
        }
    }

    private static <T> T requireStarted(T component, String name) {
        if (component == null) {
            throw new IllegalStateException("The local stack is not started (no " + name + ")");
        }
        return component;
    }

    private static String databases() {
        return java.util.Arrays.stream(StackApp.values()).map(StackApp::database).filter(java.util.Objects::nonNull)
                .collect(Collectors.joining(", "));
    }

    private static String names(Collection<StackApp> apps) {
        return apps.isEmpty() ? "none" : apps.stream().map(StackApp::module).collect(Collectors.joining(", "));
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }

    // ------------------------------------------------------------------------------------------------ builder

    /** Settings of a {@link LocalStack}; every default is the fixed convention of the project. */
    public static final class Builder {

        private final Map<StackApp, Integer> ports = new EnumMap<>(StackApp.class);
        private final Map<StackApp, Map<String, String>> environment = new EnumMap<>(StackApp.class);
        private final Map<StackApp, List<Integer>> extraPorts = new EnumMap<>(StackApp.class);
        private int issuerPort = 9000;
        private int postgresPort = 15432;
        private int kafkaPort = 19092;
        private int mailPort = 3025;
        private int mailboxPort = 8025;
        private Path workDir = Path.of(".local-stack");
        private Path postgresDataDir;
        private Path jarsDir;
        private Path extractedJarsDir;
        private Path repositoryRoot;
        private EnumSet<StackApp> apps = EnumSet.allOf(StackApp.class);
        private boolean loadDemo = true;
        private Duration readinessTimeout = Duration.ofSeconds(180);
        private Duration stopGrace = Duration.ofSeconds(10);
        private List<String> jvmOptions = AppProcess.DEFAULT_JVM_OPTIONS;
        private boolean registerShutdownHook = true;
        private Duration consoleAccessTokenTtl = ConsoleClient.ACCESS_TOKEN_TTL;
        private boolean aotCache;

        private Builder() {
            for (StackApp app : StackApp.values()) {
                ports.put(app, app.defaultPort());
            }
        }

        /** Port of an app; 0 picks a free one at start. Defaults: gateway 8080, services 8081 to 8084. */
        public Builder appPort(String app, int port) {
            ports.put(StackApp.of(app), requirePort(port));
            return this;
        }

        /**
         * Runs {@code count} instances of an app (services, console, reporting job) on the same database and broker,
         * the gateway balancing over them; the second and later get free ports. Default 1.
         */
        public Builder instances(String app, int count) {
            StackApp chosen = StackApp.of(app);
            if (count < 1 || chosen == StackApp.GATEWAY) {
                throw new IllegalArgumentException("instances of " + app + ": at least 1, and one gateway");
            }
            extraPorts.put(chosen, java.util.stream.IntStream.range(1, count).mapToObj(i -> 0).toList());
            return this;
        }

        public Builder gatewayPort(int port) {
            return appPort(StackApp.GATEWAY.module(), port);
        }

        /**
         * How long the console's access tokens live (default {@link ConsoleClient#ACCESS_TOKEN_TTL}); shorter, the
         * console refreshes them within a test run.
         */
        public Builder consoleAccessTokenTtl(Duration ttl) {
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("consoleAccessTokenTtl must be positive: " + ttl);
            }
            consoleAccessTokenTtl = ttl;
            return this;
        }

        /** 0 picks a free port. Default 9000. */
        public Builder issuerPort(int port) {
            issuerPort = requirePort(port);
            return this;
        }

        /** 0 picks a free port. Default 15432. */
        public Builder postgresPort(int port) {
            postgresPort = requirePort(port);
            return this;
        }

        /** 0 picks a free port. Default 19092. */
        public Builder kafkaPort(int port) {
            kafkaPort = requirePort(port);
            return this;
        }

        /** The SMTP server's port; 0 picks a free one. Default 3025. */
        public Builder mailPort(int port) {
            mailPort = requirePort(port);
            return this;
        }

        /** The port of the page listing the received mails (loopback only); 0 picks a free one. Default 8025. */
        public Builder mailboxPort(int port) {
            mailboxPort = requirePort(port);
            return this;
        }

        /** Every port picked at random (a second stack next to the default one, parallel tests). */
        public Builder randomPorts() {
            ports.replaceAll((app, port) -> 0);
            mailPort = 0;
            mailboxPort = 0;
            issuerPort = 0;
            postgresPort = 0;
            kafkaPort = 0;
            return this;
        }

        /** Where PostgreSQL data ({@code pg/}) and app logs ({@code logs/}) go. Default {@code ./.local-stack}. */
        public Builder workDir(Path dir) {
            workDir = dir;
            return this;
        }

        /** PostgreSQL's data directory (wiped at each start). Default {@code <workDir>/pg}. */
        public Builder postgresDataDir(Path dir) {
            postgresDataDir = dir;
            return this;
        }

        /** One directory holding every {@code <module>-0.1.0-SNAPSHOT-exec.jar}. Default: the repository layout. */
        public Builder jarsDir(Path dir) {
            jarsDir = dir;
            return this;
        }

        /**
         * Where the apps' executable jars are extracted, which they start from ({@link ExtractedJars}). Default: the
         * system property {@code mutualis.extracted-jars} when set (the stacks of one build share it), else
         * {@code <workDir>/jars}.
         */
        public Builder extractedJarsDir(Path dir) {
            extractedJarsDir = dir;
            return this;
        }

        /** Where to look for {@code <module>/target/*-exec.jar}. Default: found upwards from the working directory. */
        public Builder repositoryRoot(Path dir) {
            repositoryRoot = dir;
            return this;
        }

        /** The apps to launch (module or context names). Default all seven; none runs only infrastructure and issuer. */
        public Builder apps(Collection<String> names) {
            EnumSet<StackApp> chosen = EnumSet.noneOf(StackApp.class);
            names.forEach(name -> chosen.add(StackApp.of(name)));
            apps = chosen;
            return this;
        }

        /** Leaves {@code name} out of the apps to launch (the reporting job, say). */
        public Builder withoutApp(String name) {
            apps.remove(StackApp.of(name));
            return this;
        }

        public Builder noApps() {
            apps = EnumSet.noneOf(StackApp.class);
            return this;
        }

        /**
         * The apps the demo territory goes through ({@link #neededByTheDemo}) that this stack does not launch. With
         * any, the demo is not loaded: its first call to a missing service failed the whole start once the others had
         * started (a 503 from the gateway after about 40 s).
         */
        List<StackApp> appsTheDemoLacks() {
            return java.util.Arrays.stream(StackApp.values()).filter(LocalStack::neededByTheDemo)
                    .filter(app -> !apps.contains(app)).toList();
        }

        /** Whether the demo territory is loaded: asked for ({@link #loadDemo}) and every app it goes through launched. */
        boolean loadsTheDemo() {
            return loadDemo && appsTheDemoLacks().isEmpty();
        }

        /**
         * Load the demo territory once the apps are ready, if every app it goes through is launched
         * ({@link #loadsTheDemo}). Default true.
         */
        public Builder loadDemo(boolean load) {
            loadDemo = load;
            return this;
        }

        /** How long to wait for the apps' readiness. Default 180 s. */
        public Builder readinessTimeout(Duration timeout) {
            readinessTimeout = timeout;
            return this;
        }

        /** How long a stopping app may take before it is killed. Default 10 s. */
        public Builder stopGrace(Duration grace) {
            stopGrace = grace;
            return this;
        }

        /** JVM options of the apps. Default {@link AppProcess#DEFAULT_JVM_OPTIONS}. */
        public Builder jvmOptions(List<String> options) {
            jvmOptions = List.copyOf(options);
            return this;
        }

        List<String> jvmOptions() {
            return jvmOptions;
        }

        /**
         * JVM options added after the apps' others, so that they win ({@code -Xmx512m}), written as on a command
         * line, separated by spaces; blank adds none.
         */
        public Builder addJvmOptions(String options) {
            if (options != null && !options.isBlank()) {
                jvmOptions = java.util.stream.Stream.concat(jvmOptions.stream(),
                        java.util.Arrays.stream(options.trim().split("\\s+"))).toList();
            }
            return this;
        }

        /**
         * Start the apps from JDK 25's ahead-of-time cache ({@link AotCache}, under {@code <workDir>/aot}), made by a
         * training run in the background after the first start. Default false; ignored on an older JDK.
         */
        public Builder aotCache(boolean use) {
            aotCache = use;
            return this;
        }

        /** An extra environment variable for one app (overrides the stack's own). */
        public Builder appEnvironment(String app, String name, String value) {
            environment.computeIfAbsent(StackApp.of(app), key -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        /** Stop the stack when the JVM exits, should {@link #stop()} not be called. Default true. */
        public Builder registerShutdownHook(boolean register) {
            registerShutdownHook = register;
            return this;
        }

        public LocalStack build() {
            // Resolve "pick a free port" for the apps now: their URLs must be known before they are launched.
            ports.replaceAll((app, port) -> port == 0 ? FreePorts.pick() : port);
            extraPorts.replaceAll((app, instances) -> instances.stream().map(port -> FreePorts.pick()).toList());
            return new LocalStack(this);
        }

        int port(StackApp app) {
            return ports.get(app);
        }

        Path logsDir() {
            return workDir.resolve("logs");
        }

        Path aotDir() {
            return workDir.resolve("aot");
        }

        Path extractedJarsDir() {
            if (extractedJarsDir != null) {
                return extractedJarsDir;
            }
            String shared = System.getProperty(ExtractedJars.DIRECTORY_PROPERTY);
            return shared != null && !shared.isBlank() ? Path.of(shared) : workDir.resolve("jars");
        }

        Path postgresDataDir() {
            return (postgresDataDir != null ? postgresDataDir : workDir.resolve("pg")).toAbsolutePath().normalize();
        }

        private static int requirePort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Not a port: " + port);
            }
            return port;
        }
    }
}
