package org.studentsupport.audittrail;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.studentsupport.audit.AuditEvent;
import org.studentsupport.audit.AuditSettings;
import org.studentsupport.security.CallerScope;
import org.studentsupport.domain.InvalidInputException;
import org.studentsupport.domain.NotFoundException;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.domain.Violation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Audit search, export and verification. What a caller sees depends on whose record an event
 * concerns: a supervisor the events of their district's students and objects, an administrator
 * those and the events that concern no district, an auditor every event.
 */
@ApplicationScoped
public class AuditService {

    static final List<String> CSV_COLUMNS = List.of("id", "occurred_at", "action", "outcome", "actor_subject",
            "actor_username", "actor_roles", "actor_client", "actor_scope", "source_address", "request_id", "operation",
            "object_type", "object_id", "student_ids", "purpose", "http_status", "subject_district", "subject_school");

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final CallerScope caller;
    private final AuditSealer sealer;
    private final AuditSettings settings;

    public AuditService(EntityManager em, AgroalDataSource dataSource, CallerScope caller, AuditSealer sealer,
                        AuditSettings settings) {
        this.em = em;
        this.dataSource = dataSource;
        this.caller = caller;
        this.sealer = sealer;
        this.settings = settings;
    }

    @Transactional
    public Page<AuditEvent> search(AuditQuery query, PageRequest page) {
        AuditQuery.SqlCondition condition = query.toSql(visibility());
        Query count = em.createNativeQuery("SELECT count(*) FROM audit_event e WHERE " + jpaParams(condition.where()));
        Query rows = em.createNativeQuery("SELECT e.* FROM audit_event e WHERE " + jpaParams(condition.where())
                + " ORDER BY e.occurred_at DESC, e.id DESC", AuditEvent.class);
        bind(count, condition.parameters());
        bind(rows, condition.parameters());
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<AuditEvent> events = rows.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(events, page, total);
    }

    /** Takes the rows of an export, one list of cells per event, in {@link #CSV_COLUMNS} order. */
    @FunctionalInterface
    public interface RowSink {
        void accept(List<Object> cells) throws IOException;
    }

    /** An export whose rows are read when it is written. */
    @FunctionalInterface
    public interface Export {
        void writeTo(RowSink rows) throws IOException;
    }

    /**
     * The matching events, oldest first, streamed from a database cursor: memory does not grow with
     * the result. What the caller may see is fixed now; the rows are read when the export is written.
     */
    public Export export(AuditQuery query) {
        AuditQuery.SqlCondition condition = query.toSql(visibility());
        String sql = "SELECT " + String.join(", ", CSV_COLUMNS.stream().map(c -> "e." + c).toList())
                + " FROM audit_event e WHERE " + condition.where() + " ORDER BY e.occurred_at, e.id";
        return rows -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement st = connection.prepareStatement(sql)) {
                    st.setFetchSize(1000);
                    for (int i = 0; i < condition.parameters().size(); i++) {
                        st.setObject(i + 1, condition.parameters().get(i));
                    }
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            List<Object> cells = new ArrayList<>(CSV_COLUMNS.size());
                            for (int c = 1; c <= CSV_COLUMNS.size(); c++) {
                                Object value = rs.getObject(c);
                                cells.add(value instanceof Array array
                                        ? String.join(" ", Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList())
                                        : value);
                            }
                            rows.accept(cells);
                        }
                    }
                } finally {
                    connection.rollback();
                }
            } catch (SQLException e) {
                throw new UncheckedIOException(new IOException("audit export failed", e));
            }
        };
    }

    /**
     * How many events a verification of the range would check: the positions from {@code from} (the
     * start of the chain when null) to {@code to} (its end when null).
     *
     * @throws InvalidInputException when the range lies outside the chain
     */
    public long eventsIn(Long from, Long to) {
        try (Connection connection = dataSource.getConnection()) {
            long end = checkRange(connection, from, to);
            long first = from == null ? 1 : from;
            long last = to == null ? end : to;
            return Math.max(0, last - first + 1);
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail could not be read", e);
        }
    }

    /**
     * Checks the range against the chain, seals what is pending, then checks the chain over the positions asked for (the whole chain by
     * default) and, when given, against the latest checkpoint published outside the database.
     *
     * @throws InvalidInputException when the range lies outside the chain
     */
    public AuditVerifier.Result verify(Long from, Long to, PublishedCheckpoint published) {
        try (Connection connection = dataSource.getConnection()) {
            checkRange(connection, from, to);
            sealer.sealPending();
            return AuditVerifier.verify(connection, settings.checkpointKey(), new AuditVerifier.Request(
                    from == null ? 1 : from, to == null ? Long.MAX_VALUE : to, settings.sealLag(), published));
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail could not be read", e);
        }
    }

    /** The chain's last position, once the range is known to lie inside the chain. */
    private static long checkRange(Connection connection, Long from, Long to) throws SQLException {
        long end = AuditVerifier.chainEnd(connection);
        List<Violation> violations = new ArrayList<>();
        if (from != null && from > end) {
            violations.add(Violation.atPointer("/fromPosition", "the chain ends at position " + end));
        }
        if (to != null && to > end) {
            violations.add(Violation.atPointer("/toPosition", "the chain ends at position " + end));
        }
        if (from != null && to != null && from > to) {
            violations.add(Violation.atPointer("/toPosition", "must not be before fromPosition"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return end;
    }

    @Transactional
    public Page<CheckpointView> checkpoints(PageRequest page) {
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM audit_checkpoint").getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT position, chain_hash, signature, created_at FROM audit_checkpoint ORDER BY position DESC")
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(rows.stream().map(r -> new CheckpointView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                r[3] instanceof java.time.Instant i ? i : ((java.time.OffsetDateTime) r[3]).toInstant())).toList(), page, total);
    }

    private AuditQuery.Visibility visibility() {
        if (caller.isAuditor()) {
            return AuditQuery.Visibility.ALL;
        }
        String district = caller.districtId().orElseThrow(() -> new NotFoundException("Audit trail"));
        return new AuditQuery.Visibility(district, caller.isAdmin());
    }

    private static String jpaParams(String where) {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char ch : where.toCharArray()) {
            numbered.append(ch == '?' ? "?" + (++n) : String.valueOf(ch));
        }
        return numbered.toString();
    }

    private static void bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
    }
}
