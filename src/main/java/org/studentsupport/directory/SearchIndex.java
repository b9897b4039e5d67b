package org.studentsupport.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps the services' full-text vectors current (the database function {@code dir_refresh_search}).
 * It runs as a native query of the entity manager, which flushes pending entity changes first, so a
 * service just created or renamed is indexed as it now reads.
 */
@ApplicationScoped
public class SearchIndex {

    private final EntityManager em;

    public SearchIndex(EntityManager em) {
        this.em = em;
    }

    public void refresh(Collection<UUID> serviceIds) {
        if (serviceIds.isEmpty()) {
            return;
        }
        String ids = serviceIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
        em.createNativeQuery("SELECT count(*) FROM dir_refresh_search(CAST(?1 AS uuid[]))").setParameter(1, ids).getSingleResult();
    }
}
