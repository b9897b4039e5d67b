package org.studentsupport.directory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ProviderServiceRepository implements PanacheRepositoryBase<ProviderService, UUID> {
}
