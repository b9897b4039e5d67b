package org.studentsupport.directory;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/** The directory as other features see it: look up a service to refer to, or a provider organization. */
@ApplicationScoped
public class Directory {

    @Transactional
    public Optional<ServiceRef> service(UUID serviceId) {
        return Optional.ofNullable(Panache.getEntityManager().find(ProviderService.class, serviceId)).map(ServiceRef::of);
    }

    @Transactional
    public Optional<String> organizationName(UUID organizationId) {
        return Optional.ofNullable(Panache.getEntityManager().find(Organization.class, organizationId)).map(o -> o.name);
    }
}
