package fr.mutualis.kit.axon;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The running instances of this service, so that they share its streaming processors' segments.
 * <p>
 * A pooled processor claims every segment it can: without a limit the first instance holds them all and a second one
 * does no projection or publishing work. Each instance here refreshes its row in {@code kit_processor_node} every
 * heartbeat; the instances seen within the timeout are the live ones, and each may hold its fair share of a
 * processor's segments, {@code ceil(segments / live instances)}. Axon's coordinator asks for that limit at every
 * cycle, releases its surplus for a claim interval (another instance then claims it), and claims more once an
 * instance has gone (its row ages out; its claims time out the same way).
 */
public class ProcessorNodes implements SmartLifecycle, MaxSegmentProvider {

    private static final Logger log = LoggerFactory.getLogger(ProcessorNodes.class);

    /** Before the first heartbeat, or for a processor whose segments are not in the token store yet: no limit. */
    private static final int UNLIMITED = Short.MAX_VALUE;

    private final JdbcClient jdbc;
    private final String nodeId;
    private final Duration heartbeat;
    private final Duration timeout;
    private final Map<String, Integer> segmentsPerProcessor = new ConcurrentHashMap<>();
    private volatile int liveNodes = 1;
    private ScheduledExecutorService scheduler;

    public ProcessorNodes(JdbcClient jdbc, Duration heartbeat, Duration timeout) {
        // pid@host alone is not unique enough: two instances in one JVM, or a container restarted with the same pid and
        // host, would both believe they own the other's segments and apply their events twice.
        this(jdbc, ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8),
                heartbeat, timeout);
    }

    ProcessorNodes(JdbcClient jdbc, String nodeId, Duration heartbeat, Duration timeout) {
        this.jdbc = jdbc;
        this.nodeId = nodeId;
        this.heartbeat = heartbeat;
        this.timeout = timeout;
    }

    /** This instance's name in the token store's {@code owner} column too. */
    public String nodeId() {
        return nodeId;
    }

    public int liveNodes() {
        return liveNodes;
    }

    @Override
    public int getMaxSegments(String processorName) {
        Integer segments = segmentsPerProcessor.get(processorName);
        return segments == null ? UNLIMITED : fairShare(segments, liveNodes);
    }

    /** The most segments one of {@code nodes} instances may hold so that together they hold all {@code segments}. */
    static int fairShare(int segments, int nodes) {
        return Math.max(1, (segments + Math.max(1, nodes) - 1) / Math.max(1, nodes));
    }

    void beat() {
        jdbc.sql("""
                        INSERT INTO kit_processor_node (node_id) VALUES (:node)
                        ON CONFLICT (node_id) DO UPDATE SET seen_at = now()""")
                .param("node", nodeId).update();
        int live = jdbc.sql("SELECT count(*) FROM kit_processor_node WHERE seen_at > now() - make_interval(secs => :timeout)")
                .param("timeout", timeout.toMillis() / 1000.0).query(Integer.class).single();
        jdbc.sql("SELECT processor_name, count(*) AS segments FROM token_entry GROUP BY processor_name")
                .query((row, number) -> Map.entry(row.getString("processor_name"), row.getInt("segments")))
                .list()
                .forEach(entry -> segmentsPerProcessor.put(entry.getKey(), entry.getValue()));
        if (live != liveNodes) {
            log.info("{} instance(s) of this service share its processors' segments", live);
        }
        liveNodes = Math.max(1, live);
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("processor-nodes").factory());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                beat();
            } catch (RuntimeException e) {
                // The database may be briefly away: the last known share stays, the next beat tries again.
                log.warn("Could not refresh this instance's heartbeat: {}", e.toString());
            }
        }, 0, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        scheduler = null;
        try {
            // Leaving: the others take this instance's share at their next heartbeat rather than after the timeout.
            jdbc.sql("DELETE FROM kit_processor_node WHERE node_id = :node").param("node", nodeId).update();
        } catch (RuntimeException e) {
            log.warn("Could not remove this instance's heartbeat: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Started before the processors (so that they see the live instances), stopped after them. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
