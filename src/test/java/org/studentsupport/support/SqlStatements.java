package org.studentsupport.support;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.jboss.logging.MDC;
import org.studentsupport.web.RequestIds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the SQL statements Hibernate prepares for one request, by the request's id (the
 * {@code X-Request-Id} a test sends), so that a test can say how many queries a call costs. Work
 * without a request id (start-up, the sealer, the outbox) is not recorded. Statements a feature runs
 * on the raw connection (the audit insert) do not pass through here.
 */
@PersistenceUnitExtension
public class SqlStatements implements StatementInspector {

    private static final Map<String, List<String>> BY_REQUEST = new ConcurrentHashMap<>();
    private static final String PREFIX = "sql-count-";

    @Override
    public String inspect(String sql) {
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        if (requestId != null && requestId.toString().startsWith(PREFIX)) {
            BY_REQUEST.computeIfAbsent(requestId.toString(), k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(sql);
        }
        return sql;
    }

    /** A new request id whose statements are recorded. */
    public static String newRequestId() {
        return PREFIX + java.util.UUID.randomUUID();
    }

    /** The statements recorded for the request, in order (and forgets them). */
    public static List<String> of(String requestId) {
        List<String> found = BY_REQUEST.remove(requestId);
        return found == null ? List.of() : List.copyOf(found);
    }
}
