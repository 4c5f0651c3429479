package fr.mutualis.kit.rebuild;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Replays the whole event store into stopped projections without their pooled processors: the store is read in
 * pages, each page handled in ONE unit of work and transaction by each projection's own handlers (its processor's
 * invoker and interceptors: the code that runs live), its statements batched by {@code ProjectionUpdates}, and every
 * segment's token moved to the page's last event in the same transaction. The processors, restarted afterwards,
 * resume from those tokens: an event written during the replay is either in a page or after the last token, never
 * both, never neither (the tokens keep the store's gaps, as the processors' own do).
 * <p>
 * Why: through the pooled processor every event crossed four segments' queues, a result message and a token per small
 * batch; that per-event pipeline, not the database, bounded a rebuild (flight recording, docs/benchmarks.md).
 * <p>
 * Each projection must have been reset ({@code resetTokens}): its segments hold replay tokens, claimed by this node,
 * and a handler still sees whether an event is a replay, as from its processor.
 */
final class PagedProjectionReplay {

    private final EventStorageEngine store;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final int pageSize;

    PagedProjectionReplay(EventStorageEngine store, TokenStore tokens, TransactionManager transactions, int pageSize) {
        this.store = store;
        this.tokens = tokens;
        this.transactions = transactions;
        this.pageSize = pageSize;
    }

    /** The global index of the store's last event now: how far a replay started now goes at least. */
    long head() {
        TrackingToken head = transactions.fetchInTransaction(store::createHeadToken);
        return head == null ? 0 : head.position().orElse(0);
    }

    /**
     * Replays every event of the store into the given projections (reset and stopped), page by page, telling
     * {@code progress} the global index reached after each page.
     */
    void replay(Map<String, AbstractEventProcessor> projections, LongConsumer progress) {
        List<Projection> targets = transactions.fetchInTransaction(() -> projections.entrySet().stream()
                .map(entry -> Projection.claim(entry.getKey(), entry.getValue(), tokens)).toList());
        try (Stream<? extends TrackedEventMessage<?>> events = store.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            List<TrackedEventMessage<?>> page = new ArrayList<>(pageSize);
            while (iterator.hasNext()) {
                page.add(iterator.next());
                if (page.size() == pageSize || !iterator.hasNext()) {
                    handle(page, targets);
                    TrackedEventMessage<?> last = page.getLast();
                    page.clear();
                    OptionalLong position = last.trackingToken().position();
                    position.ifPresent(progress::accept);
                }
            }
        }
    }

    /** One page: one unit of work, one transaction, each projection's handlers, then the tokens. */
    private void handle(List<TrackedEventMessage<?>> page, List<Projection> targets) {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(page.getFirst());
        try {
            unitOfWork.attachTransaction(transactions);
            for (TrackedEventMessage<?> event : page) {
                for (Projection projection : targets) {
                    projection.handle(event, unitOfWork);
                }
            }
            TrackingToken last = page.getLast().trackingToken();
            for (Projection projection : targets) {
                projection.advanceTo(last, tokens);
            }
        } catch (Exception | Error e) {
            unitOfWork.rollback(e);
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
        unitOfWork.commit();
    }

    /** A projection's processor, its segments and their tokens, as its work packages would hold them. */
    private static final class Projection {

        private final String name;
        private final EventHandlerInvoker invoker;
        private final List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors;
        private final int[] segmentIds;
        private final Segment[] segments;
        private final TrackingToken[] positions;

        private Projection(String name, AbstractEventProcessor processor, int[] segmentIds, TrackingToken[] positions) {
            this.name = name;
            this.invoker = processor.eventHandlerInvoker();
            this.interceptors = processor.getHandlerInterceptors();
            this.segmentIds = segmentIds;
            this.segments = Arrays.stream(segmentIds).mapToObj(id -> Segment.computeSegment(id, segmentIds))
                    .toArray(Segment[]::new);
            this.positions = positions;
        }

        /** Reads (and claims again, so that no other instance takes them meanwhile) the segments' reset tokens. */
        static Projection claim(String name, AbstractEventProcessor processor, TokenStore tokens) {
            int[] segmentIds = tokens.fetchSegments(name);
            TrackingToken[] positions = Arrays.stream(segmentIds).mapToObj(segment -> tokens.fetchToken(name, segment))
                    .toArray(TrackingToken[]::new);
            return new Projection(name, processor, segmentIds, positions);
        }

        /**
         * The event to the handlers of the one segment it belongs to, marked as a replay if that segment had handled
         * it before the reset, through the processor's interceptors, as its work package does.
         */
        void handle(TrackedEventMessage<?> event, UnitOfWork<EventMessage<?>> unitOfWork) throws Exception {
            for (int i = 0; i < segments.length; i++) {
                Segment segment = segments[i];
                if (invoker.canHandle(event, segment)) {
                    TrackingToken position = WrappedToken.advance(positions[i], event.trackingToken());
                    TrackedEventMessage<?> delivered = position instanceof ReplayToken
                            ? event.withTrackingToken(position) : event;
                    unitOfWork.transformMessage(current -> delivered);
                    new DefaultInterceptorChain<>(unitOfWork, interceptors, message -> {
                        invoker.handle(message, segment);
                        return null;
                    }).proceed();
                    return;
                }
            }
        }

        /** Every segment has seen every event up to {@code last}: its token says so, in the page's transaction. */
        void advanceTo(TrackingToken last, TokenStore tokens) {
            for (int i = 0; i < segmentIds.length; i++) {
                positions[i] = WrappedToken.advance(positions[i], last);
                tokens.storeToken(positions[i], name, segmentIds[i]);
            }
        }
    }
}
