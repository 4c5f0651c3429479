package fr.mutualis.kit.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.util.UUID;

/**
 * Takes the {@link AggregateLocks lock} of the aggregate a command is addressed to before its handler loads it. Axon's
 * command bus starts (or joins) the unit of work's transaction before any handler interceptor runs, so the lock is
 * the append's. A command naming no target (one creating an aggregate under a new id) takes none.
 */
final class AggregateLockInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final AggregateLocks locks;
    private final CommandTargetResolver targets;

    AggregateLockInterceptor(AggregateLocks locks, CommandTargetResolver targets) {
        this.locks = locks;
        this.targets = targets;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        VersionedAggregateIdentifier target = target(unitOfWork.getMessage());
        if (target != null) {
            if (target.getIdentifierValue() instanceof UUID id) {
                locks.lock(id);
            } else {
                locks.lock(target.getIdentifier());
            }
        }
        return chain.proceed();
    }

    private VersionedAggregateIdentifier target(CommandMessage<?> command) {
        try {
            return targets.resolveTarget(command);
        } catch (IllegalArgumentException noTarget) {
            // Axon's resolver answers so for a command without a target identifier, or with a null one.
            return null;
        }
    }
}
