package org.studentsupport.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.studentsupport.domain.NotFoundException;

/**
 * Finds an object by id through the scope filter. When the filter hides an object that exists, the
 * request is marked as denied, so that the 404 it answers is audited as a denial rather than an error.
 */
@ApplicationScoped
public class ScopedLookup {

    private final EntityManager em;
    private final CallerScope caller;

    public ScopedLookup(EntityManager em, CallerScope caller) {
        this.em = em;
        this.caller = caller;
    }

    /** The object, when it exists and the caller may see it; otherwise {@link NotFoundException} naming {@code what}. */
    public <T> T require(Class<T> type, Object id, String what) {
        T found = id == null ? null : em.find(type, id);
        if (found == null) {
            throw notFound(type, id, what);
        }
        return found;
    }

    /**
     * The 404 for an object that was not found in scope, after marking the request as denied when the
     * object exists outside it.
     */
    public NotFoundException notFound(Class<?> type, Object id, String what) {
        if (id != null && existsOutsideScope(type, id)) {
            caller.denied();
        }
        return new NotFoundException(what);
    }

    /** Whether an object exists that the scope filter hides from the caller. */
    public boolean existsOutsideScope(Class<?> type, Object id) {
        Session session = em.unwrap(Session.class);
        if (session.getEnabledFilter(ScopeFilter.NAME) == null) {
            return false;
        }
        session.disableFilter(ScopeFilter.NAME);
        try {
            return session.createSelectionQuery("select count(*) from " + session.getEntityManagerFactory().getMetamodel()
                            .entity(type).getName() + " e where e.id = :id", Long.class)
                    .setParameter("id", id).getSingleResult() > 0;
        } finally {
            session.enableFilter(ScopeFilter.NAME);
        }
    }
}
