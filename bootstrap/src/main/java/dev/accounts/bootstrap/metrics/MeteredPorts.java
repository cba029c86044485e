package dev.accounts.bootstrap.metrics;

import dev.accounts.application.port.in.DeliverMailUseCase;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.PasswordHasher;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Puts the measuring decorators around the ports they measure, whichever configuration defines those ports (the
 * Argon2 or the native hasher, the PostgreSQL or the in-memory audit trail), so that no wiring method has to know
 * about metrics: the {@link PasswordHasher} gets timed, the {@link AuditTrail} and the {@link DeliverMailUseCase}
 * get counted. A bean is replaced by a decorator of the one port, so a port's bean must be injected by that port's
 * type, as every wiring method here does.
 */
final class MeteredPorts implements BeanPostProcessor {

    private final ObjectProvider<MeterRegistry> registry;

    MeteredPorts(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof PasswordHasher hasher) {
            return new TimedPasswordHasher(hasher, registry.getObject());
        }
        if (bean instanceof AuditTrail trail) {
            return new CountedAuditTrail(trail, registry.getObject());
        }
        if (bean instanceof DeliverMailUseCase delivery) {
            return new CountedMailDelivery(delivery, registry.getObject());
        }
        return bean;
    }
}
