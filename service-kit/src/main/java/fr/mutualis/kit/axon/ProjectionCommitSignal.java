package fr.mutualis.kit.axon;

import fr.mutualis.kit.query.ReadYourWrites;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Tells the writes waiting for their result ({@link ReadYourWrites}) that a projection committed a batch, once per
 * batch, after its transaction: a write then reads its result at once instead of at its next poll. The outbox
 * publisher changes no read model, so its batches wake nobody.
 */
enum ProjectionCommitSignal implements MessageHandlerInterceptor<EventMessage<?>> {

    AFTER_COMMIT {
        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            UnitOfWork<?> batch = unitOfWork.root();
            batch.getOrComputeResource(SIGNAL_REGISTERED, key -> {
                batch.afterCommit(committed -> ReadYourWrites.projectionsAdvanced());
                return Boolean.TRUE;
            });
            return chain.proceed();
        }
    },

    NONE {
        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            return chain.proceed();
        }
    };

    private static final String SIGNAL_REGISTERED = ProjectionCommitSignal.class.getName();
}
