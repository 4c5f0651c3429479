package fr.mutualis.reporting.ops;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.CleanupConfig;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The application reset, at start-up when {@code mutualis.reporting.reset-on-startup=true}: what Kafka's
 * {@code kafka-streams-application-reset} tool and {@link KafkaStreams#cleanUp()} do together. The job's consumer
 * group (its offsets) and internal topics (changelogs, repartition) are deleted and the local state wiped, so the
 * job reads the four topics from the beginning again and republishes every report. Every instance must be stopped
 * first: a group with members is not deleted and the start fails.
 */
@Component
@ConditionalOnProperty(name = "mutualis.reporting.reset-on-startup", havingValue = "true")
public class ApplicationReset implements StreamsBuilderFactoryBeanConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationReset.class);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final KafkaAdmin kafkaAdmin;
    private final String applicationId;

    public ApplicationReset(KafkaAdmin kafkaAdmin, @Value("${spring.kafka.streams.application-id}") String applicationId) {
        this.kafkaAdmin = kafkaAdmin;
        this.applicationId = applicationId;
    }

    @Override
    public void configure(StreamsBuilderFactoryBean factoryBean) {
        factoryBean.setCleanupConfig(new CleanupConfig(true, false));
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            // An instance that was just stopped or killed stays a member until its session times out (45 s by
            // default): the group is not empty until then, so wait for it rather than fail the start.
            long groupDeadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                try {
                    admin.deleteConsumerGroups(Set.of(applicationId)).all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
                    break;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof GroupIdNotFoundException) {
                        break;
                    }
                    if (!(e.getCause() instanceof GroupNotEmptyException) || System.nanoTime() > groupDeadline) {
                        throw e;
                    }
                    Thread.sleep(1_000);
                }
            }
            Set<String> internal = internalTopics(admin);
            admin.deleteTopics(internal).all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            // Deletion completes asynchronously: the streams would otherwise find the old topics half deleted.
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!internalTopics(admin).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            LOG.info("Application reset: consumer group {} and internal topics {} deleted, local state wiped",
                    applicationId, internal);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Application reset of " + applicationId
                    + " failed (are other instances still running?): " + e.getMessage(), e);
        }
    }

    private Set<String> internalTopics(Admin admin) throws Exception {
        return admin.listTopics().names().get(WAIT.toSeconds(), TimeUnit.SECONDS).stream()
                .filter(topic -> topic.startsWith(applicationId + "-")
                        && (topic.endsWith("-changelog") || topic.endsWith("-repartition")))
                .collect(Collectors.toSet());
    }
}
