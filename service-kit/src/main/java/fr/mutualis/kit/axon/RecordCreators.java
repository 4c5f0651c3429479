package fr.mutualis.kit.axon;

import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;

/**
 * Makes a record by calling its constructor through a method handle prepared once. Jackson 3.1 calls a creator with
 * {@code MethodHandle.invokeWithArguments}, which adapts the handle to the arguments' array again on every call: 3 % of
 * a replay's handling threads once warm, 8 % over a 200,000-event replay (session 13, docs/benchmarks.md). Only where
 * Jackson itself would call a record's constructor with the properties it read; the arguments, their conversions
 * (unboxing included) and the errors are those of Jackson's own call.
 */
final class RecordCreators extends JacksonModule {

    @Override
    public String getModuleName() {
        return "mutualis-record-creators";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addValueInstantiators(new ValueInstantiators.Base() {
            @Override
            public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
                                                             BeanDescription.Supplier description,
                                                             ValueInstantiator instantiator) {
                return prepared(instantiator);
            }
        });
    }

    /** {@code instantiator}, calling a record's constructor through a prepared handle where Jackson would call it. */
    static ValueInstantiator prepared(ValueInstantiator instantiator) {
        if (instantiator.getClass() != StdValueInstantiator.class || !instantiator.canCreateFromObjectWith()
                || !instantiator.getValueClass().isRecord()
                || !(((StdValueInstantiator) instantiator).getWithArgsCreator() instanceof AnnotatedConstructor creator)) {
            return instantiator;
        }
        Constructor<?> constructor = creator.getAnnotated();
        try {
            MethodHandle handle = MethodHandles.lookup().unreflectConstructor(constructor)
                    .asSpreader(Object[].class, constructor.getParameterCount())
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return new Prepared((StdValueInstantiator) instantiator, handle);
        } catch (IllegalAccessException e) {
            // a constructor this module may not call: Jackson's own way, which may
            return instantiator;
        }
    }

    /** Jackson's instantiator, its constructor call through the prepared handle. */
    private static final class Prepared extends StdValueInstantiator {

        private final MethodHandle constructor;

        Prepared(StdValueInstantiator jacksons, MethodHandle constructor) {
            super(jacksons);
            this.constructor = constructor;
        }

        @Override
        public Object createFromObjectWith(DeserializationContext context, Object[] arguments) {
            try {
                return (Object) constructor.invokeExact(arguments);
            } catch (Exception e) {
                return context.handleInstantiationProblem(_valueClass, arguments, rewrapCtorProblem(context, e));
            } catch (Error e) {
                throw e;
            } catch (Throwable impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}
