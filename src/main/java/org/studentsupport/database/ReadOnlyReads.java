package org.studentsupport.database;

import jakarta.persistence.EntityManager;
import org.hibernate.FlushMode;
import org.hibernate.Session;

import java.util.function.Supplier;

/**
 * A read that changes nothing: the entities it loads are read-only (Hibernate keeps no snapshot of them
 * and does not dirty-check them at commit) and its queries do not flush first. For views that only read;
 * the request's transaction, and the audit insert in it, are unchanged.
 */
public final class ReadOnlyReads {

    private ReadOnlyReads() {
    }

    public static <T> T of(EntityManager em, Supplier<T> read) {
        Session session = em.unwrap(Session.class);
        boolean readOnly = session.isDefaultReadOnly();
        FlushMode flushMode = session.getHibernateFlushMode();
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
        try {
            return read.get();
        } finally {
            session.setDefaultReadOnly(readOnly);
            session.setHibernateFlushMode(flushMode);
        }
    }
}
