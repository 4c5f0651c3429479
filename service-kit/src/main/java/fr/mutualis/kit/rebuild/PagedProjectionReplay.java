package fr.mutualis.kit.rebuild;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Replays the whole event store into stopped projections without their pooled processors: the store is read in
 * pages; each page's events go, segment by segment, to the projection's own handlers (its processor's invoker and
 * interceptors: the code that runs live), each segment's share of the page in ONE unit of work and transaction, its
 * statements batched by {@code ProjectionUpdates}, with the segment's token moved to the page's last event. A page's
 * segments run on a few threads at once while the next page is read. The processors, restarted afterwards, resume
 * from those tokens: an event written during the replay is either in a page or after the last token, never both,
 * never neither (the tokens keep the store's gaps, as the processors' own do).
 * <p>
 * Why: through the pooled processor every event crossed four segments' queues (their sizes counted per event), a
 * result message and a token per small batch; that per-event pipeline bounded a rebuild (flight recording,
 * docs/benchmarks.md). A page is handed over once, in batches of thousands.
 * <p>
 * Each projection must have been reset ({@code resetTokens}): its segments hold replay tokens, claimed by this node,
 * and a handler still sees whether an event is a replay, as from its processor.
 */
final class PagedProjectionReplay {

    private final EventStorageEngine store;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final int pageSize;
    private final int threads;
    private final boolean invokerParts;

    /** {@code invokerParts} false goes through each projection's invoker as it is (see {@code Segments}). */
    PagedProjectionReplay(EventStorageEngine store, TokenStore tokens, TransactionManager transactions, int pageSize,
                          int threads, boolean invokerParts) {
        this.store = store;
        this.tokens = tokens;
        this.transactions = transactions;
        this.pageSize = pageSize;
        this.threads = threads;
        this.invokerParts = invokerParts;
    }

    /** The global index of the store's last event now: how far a replay started now goes at least. */
    long head() {
        TrackingToken head = transactions.fetchInTransaction(store::createHeadToken);
        return head == null ? 0 : head.position().orElse(0);
    }

    /**
     * Replays every event of the store into the given projections (reset and stopped), page by page, telling
     * {@code progress} the global index reached after each page. A page's segments are handled on {@code threads}
     * threads at once, each in its own transaction, while the next page is read: the database's work and the
     * service's spread over the cores, as the processors' work packages did.
     */
    void replay(Map<String, AbstractEventProcessor> projections, LongConsumer progress) {
        List<Segments> targets = transactions.fetchInTransaction(() -> projections.entrySet().stream()
                .map(entry -> Segments.claim(entry.getKey(), entry.getValue(), tokens, invokerParts)).toList());
        ExecutorService lanes = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("read-model-replay-", 0)
                .daemon().factory());
        try (Stream<? extends TrackedEventMessage<?>> events = store.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            List<Future<?>> running = List.of();
            long runningUpTo = 0;
            while (iterator.hasNext()) {
                List<TrackedEventMessage<?>> page = new ArrayList<>(pageSize);
                while (page.size() < pageSize && iterator.hasNext()) {
                    page.add(iterator.next());
                }
                List<Callable<Void>> work = new ArrayList<>();
                TrackingToken last = page.getLast().trackingToken();
                for (Segments projection : targets) {
                    List<List<TrackedEventMessage<?>>> bySegment = projection.split(page);
                    for (int segment = 0; segment < bySegment.size(); segment++) {
                        int index = segment;
                        work.add(() -> projection.handle(index, bySegment.get(index), last, tokens, transactions));
                    }
                }
                awaitAll(running);
                runningUpTo = report(runningUpTo, progress);
                running = work.stream().<Future<?>>map(lanes::submit).toList();
                runningUpTo = last.position().orElse(runningUpTo);
            }
            awaitAll(running);
            report(runningUpTo, progress);
        } finally {
            lanes.shutdownNow();
            // this node claimed every segment: given back, so that each instance's processor takes its share at once
            transactions.executeInTransaction(() -> targets.forEach(projection -> projection.release(tokens)));
        }
    }

    private static long report(long position, LongConsumer progress) {
        if (position > 0) {
            progress.accept(position);
        }
        return position;
    }

    /** Waits for a page's segments; the first failure stops the replay (every segment's token says where it is). */
    private static void awaitAll(List<Future<?>> page) {
        for (Future<?> segment : page) {
            try {
                segment.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                page.forEach(other -> other.cancel(true));
                throw new IllegalStateException("Replay interrupted", e);
            } catch (ExecutionException e) {
                page.forEach(other -> other.cancel(false));
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
        }
    }

    /** A projection's processor, its segments and their tokens, as its work packages would hold them. */
    private static final class Segments {

        private final String name;
        private final EventHandlerInvoker invoker;
        private final List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors;
        private final int[] ids;
        private final Segment[] segments;
        private final TrackingToken[] positions;
        /**
         * Whether any handler takes a payload type at all ({@code canHandleType}, the pre-filter Axon's own processors
         * use): an event no handler takes skips the per-segment {@code canHandle}, which inspected every handler once
         * per segment (12 % of the replay's CPU with four segments, most events unhandled by most projections).
         */
        private final Map<Class<?>, Boolean> handledTypes = new HashMap<>();
        /**
         * The invoker's parts when each is Axon's plain {@link SimpleEventHandlerInvoker}, else null. An event's segment
         * is then computed once from their sequencing policy, instead of asking {@code canHandle} segment after segment
         * (each call looking for a handler again and asking every part whether it supports a reset: 38 % of the page
         * reader's CPU, session 13), and an event is handed to its parts directly, as {@link MultiEventHandlerInvoker}
         * would, their support of a reset read once (it asked each part again for every event, with a stream over its
         * handlers' annotations). {@code mutualis.rebuild.invoker-parts=false} goes through the invoker as it is.
         */
        private final List<SimpleEventHandlerInvoker> parts;
        /** Whether each part supports a reset, as the processor's {@link MultiEventHandlerInvoker} asks per event. */
        private final boolean[] partsReset;
        /** Whether the invoker is a {@link MultiEventHandlerInvoker} (whose rules the direct handing repeats). */
        private final boolean multi;

        private Segments(String name, AbstractEventProcessor processor, int[] ids, TrackingToken[] positions,
                         boolean invokerParts) {
            this.name = name;
            this.invoker = processor.eventHandlerInvoker();
            this.interceptors = processor.getHandlerInterceptors();
            this.ids = ids;
            this.segments = Arrays.stream(ids).mapToObj(id -> Segment.computeSegment(id, ids)).toArray(Segment[]::new);
            this.positions = positions;
            this.parts = invokerParts ? plainParts(invoker) : null;
            this.partsReset = new boolean[parts == null ? 0 : parts.size()];
            for (int i = 0; i < partsReset.length; i++) {
                partsReset[i] = parts.get(i).supportsReset();
            }
            this.multi = invoker instanceof MultiEventHandlerInvoker;
        }

        /** {@code invoker}'s parts, if all are plain {@link SimpleEventHandlerInvoker}s (no override of its rules). */
        private static List<SimpleEventHandlerInvoker> plainParts(EventHandlerInvoker invoker) {
            List<EventHandlerInvoker> parts = invoker instanceof MultiEventHandlerInvoker multi ? multi.delegates()
                    : List.of(invoker);
            return parts.stream().allMatch(part -> part.getClass() == SimpleEventHandlerInvoker.class)
                    ? parts.stream().map(SimpleEventHandlerInvoker.class::cast).toList() : null;
        }

        /** Reads (and claims again, so that no other instance takes them meanwhile) the segments' reset tokens. */
        static Segments claim(String name, AbstractEventProcessor processor, TokenStore tokens, boolean invokerParts) {
            int[] ids = tokens.fetchSegments(name);
            TrackingToken[] positions = Arrays.stream(ids).mapToObj(segment -> tokens.fetchToken(name, segment))
                    .toArray(TrackingToken[]::new);
            return new Segments(name, processor, ids, positions, invokerParts);
        }

        void release(TokenStore tokens) {
            for (int id : ids) {
                tokens.releaseClaim(name, id);
            }
        }

        /** The page's events this projection handles, by segment, in the page's order. */
        List<List<TrackedEventMessage<?>>> split(List<TrackedEventMessage<?>> page) {
            List<List<TrackedEventMessage<?>>> bySegment = new ArrayList<>(segments.length);
            for (int i = 0; i < segments.length; i++) {
                bySegment.add(new ArrayList<>());
            }
            try {
                for (TrackedEventMessage<?> event : page) {
                    if (!handledTypes.computeIfAbsent(event.getPayloadType(), invoker::canHandleType)) {
                        continue;
                    }
                    int segment = parts != null ? segmentByPolicy(event) : segmentByCanHandle(event);
                    if (segment >= 0) {
                        bySegment.get(segment).add(event);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("Projection " + name + " cannot tell which events it handles", e);
            }
            return bySegment;
        }

        /** The first segment one of whose handlers takes {@code event}, -1 if none, asking segment after segment. */
        private int segmentByCanHandle(TrackedEventMessage<?> event) {
            for (int i = 0; i < segments.length; i++) {
                if (invoker.canHandle(event, segments[i])) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * The same answer as {@link #segmentByCanHandle}, each part's handlers looked for once ({@code canHandle} on the
         * root segment, which every event matches) and the event's segment found from the part's sequencing policy as
         * the part computes it. The event is not a replay yet, so that the reset support the invoker checks first
         * (a part that does not support one is skipped for replayed events only) changes nothing here.
         */
        private int segmentByPolicy(TrackedEventMessage<?> event) {
            int first = -1;
            for (SimpleEventHandlerInvoker part : parts) {
                if (!part.canHandle(event, Segment.ROOT_SEGMENT)) {
                    continue;
                }
                Object sequence = part.getSequencingPolicy().getSequenceIdentifierFor(event);
                int hash = Objects.hashCode(sequence != null ? sequence : event.getIdentifier());
                for (int i = 0; i < segments.length && (first < 0 || i < first); i++) {
                    if (segments[i].matches(hash)) {
                        first = i;
                        break;
                    }
                }
            }
            return first;
        }

        /**
         * {@code invoker.handle(message, segment)}: through the parts directly where they are known, with the
         * {@link MultiEventHandlerInvoker}'s rules (a replayed event only to a part that supports a reset, a part only
         * given what it can handle in that segment). A lone part was found able to handle the event in this segment by
         * {@link #segmentByPolicy} already.
         */
        private void deliver(EventMessage<?> message, Segment segment) throws Exception {
            if (parts == null || !multi) {
                invoker.handle(message, segment);
                return;
            }
            boolean replay = ReplayToken.isReplay(message);
            for (int i = 0; i < partsReset.length; i++) {
                SimpleEventHandlerInvoker part = parts.get(i);
                if ((partsReset[i] || !replay) && (partsReset.length == 1 || part.canHandle(message, segment))) {
                    part.handle(message, segment);
                }
            }
        }

        /**
         * One segment's events of a page in one unit of work and transaction, through the processor's interceptors as
         * in its work package, each marked as a replay if the segment had handled it before the reset; then the
         * segment's token moves to the page's last event, in the same transaction.
         */
        Void handle(int index, List<TrackedEventMessage<?>> events, TrackingToken last, TokenStore tokens,
                    TransactionManager transactions) throws Exception {
            TrackingToken start = positions[index];
            TrackingToken end = WrappedToken.advance(start, last);
            if (events.isEmpty()) {
                transactions.executeInTransaction(() -> tokens.storeToken(end, name, ids[index]));
                positions[index] = end;
                return null;
            }
            DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(events.getFirst());
            try {
                unitOfWork.attachTransaction(transactions);
                for (TrackedEventMessage<?> event : events) {
                    TrackingToken position = WrappedToken.advance(start, event.trackingToken());
                    TrackedEventMessage<?> delivered = position instanceof ReplayToken
                            ? event.withTrackingToken(position) : event;
                    unitOfWork.transformMessage(current -> delivered);
                    new DefaultInterceptorChain<>(unitOfWork, interceptors, message -> {
                        deliver(message, segments[index]);
                        return null;
                    }).proceed();
                }
                tokens.storeToken(end, name, ids[index]);
            } catch (Exception e) {
                unitOfWork.rollback(e);
                throw e;
            }
            unitOfWork.commit();
            positions[index] = end;
            return null;
        }
    }
}
