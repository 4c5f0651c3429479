package fr.mutualis.kit.rebuild;

import fr.mutualis.kit.axon.AxonInfrastructureConfiguration;
import fr.mutualis.kit.projection.ProjectionUpdates;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

import java.time.Clock;
import java.time.Duration;

/**
 * A service without a rebuild of its own rebuilds its read models from its event store. Its own configuration, after
 * the Axon infrastructure it replays, so that the rebuild builds on Axon and never the other way round; absent where
 * Axon is (the reporting job takes only the kit's security).
 */
@AutoConfiguration(after = AxonInfrastructureConfiguration.class)
@ConditionalOnClass(name = "org.axonframework.config.EventProcessingConfiguration")
public class ReadModelRebuildConfiguration {

    /**
     * Replays the store in pages of {@code mutualis.rebuild.page-size} events, a page's segments on
     * {@code mutualis.rebuild.threads} threads, one transaction each, an event's segment found from the projection's
     * sequencing policy and the event handed to the invoker's parts directly ({@code mutualis.rebuild.invoker-parts=false}:
     * through the invoker as it is);
     * {@code mutualis.rebuild.paged=false} replays through the projections' processors instead, for the replay
     * benchmark's comparison.
     */
    @Bean
    @ConditionalOnMissingBean(ReadModelRebuild.class)
    ReadModelRebuild eventStoreReadModelRebuild(EventProcessingConfiguration processing, TokenStore tokenStore,
                                                EventStorageEngine eventStorageEngine, TransactionManager transactions,
                                                @Value("${mutualis.rebuild.progress-interval:1s}") Duration progressInterval,
                                                @Value("${mutualis.rebuild.paged:true}") boolean paged,
                                                @Value("${mutualis.rebuild.page-size:5000}") int pageSize,
                                                @Value("${mutualis.rebuild.threads:4}") int threads,
                                                @Value("${mutualis.rebuild.invoker-parts:true}") boolean invokerParts) {
        return new EventStoreReadModelRebuild(processing, tokenStore, progressInterval, Clock.systemUTC(), paged
                ? new PagedProjectionReplay(eventStorageEngine, tokenStore, transactions, pageSize, threads,
                        invokerParts) : null);
    }

    /**
     * The projections' writes, batched per processor batch: what lets a rebuild replay millions of events.
     * {@code mutualis.projection.batch-updates=false} runs them one by one, and
     * {@code mutualis.projection.positional-batches=false} sends a batch through Spring's named-parameter template row
     * by row, both for the replay benchmark's comparison.
     */
    @Bean
    @ConditionalOnMissingBean
    ProjectionUpdates projectionUpdates(NamedParameterJdbcOperations jdbc,
                                        @Value("${mutualis.projection.batch-updates:true}") boolean batched,
                                        @Value("${mutualis.projection.positional-batches:true}") boolean positional) {
        return new ProjectionUpdates(jdbc, batched, positional);
    }
}
