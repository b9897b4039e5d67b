package org.studentsupport.audittrail;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.studentsupport.audit.AuditEvent;
import org.studentsupport.audit.AuditSettings;
import org.studentsupport.audit.Csv;
import org.studentsupport.security.CallerScope;
import org.studentsupport.domain.NotFoundException;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Audit search, export and verification for supervisors, always within the caller's district. */
@ApplicationScoped
public class AuditService {

    static final List<String> CSV_COLUMNS = List.of("id", "occurred_at", "action", "outcome", "actor_subject",
            "actor_username", "actor_roles", "actor_client", "actor_scope", "source_address", "request_id", "operation",
            "object_type", "object_id", "student_ids", "purpose", "http_status");

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
    public Page<AuditEvent> search(AuditFilter filter, PageRequest page) {
        AuditFilter.SqlCondition condition = filter.toSql(district());
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

    /** Writes an export to a stream once the response is sent. */
    @FunctionalInterface
    public interface Export {
        void writeTo(OutputStream output) throws IOException;
    }

    /**
     * The matching events as CSV, streamed from a database cursor: memory does not grow with the result.
     * The caller's district is fixed now; the rows are read when the export is written.
     */
    public Export csv(AuditFilter filter) {
        AuditFilter.SqlCondition condition = filter.toSql(district());
        String sql = "SELECT " + String.join(", ", CSV_COLUMNS.stream().map(c -> "e." + c).toList())
                + " FROM audit_event e WHERE " + condition.where() + " ORDER BY e.occurred_at, e.id";
        return output -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement st = connection.prepareStatement(sql)) {
                    st.setFetchSize(1000);
                    for (int i = 0; i < condition.parameters().size(); i++) {
                        st.setObject(i + 1, condition.parameters().get(i));
                    }
                    BufferedWriter out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
                    out.write(String.join(",", CSV_COLUMNS));
                    out.write("\r\n");
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            for (int c = 1; c <= CSV_COLUMNS.size(); c++) {
                                if (c > 1) {
                                    out.write(',');
                                }
                                Object value = rs.getObject(c);
                                if (value instanceof Array array) {
                                    value = String.join(" ", java.util.Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList());
                                }
                                out.write(Csv.cell(value == null ? "" : value.toString()));
                            }
                            out.write("\r\n");
                        }
                    }
                    out.flush();
                } finally {
                    connection.rollback();
                }
            } catch (SQLException e) {
                throw new UncheckedIOException(new IOException("audit export failed", e));
            }
        };
    }

    /** Seals what is pending, then checks the chain over the positions asked for. */
    public AuditVerifier.Result verify(Long from, Long to) {
        sealer.sealPending();
        try (Connection connection = dataSource.getConnection()) {
            return AuditVerifier.verify(connection, settings.checkpointKey(), from == null ? 1 : from,
                    to == null ? Long.MAX_VALUE : to);
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail could not be read", e);
        }
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

    private String district() {
        return caller.districtId().orElseThrow(() -> new NotFoundException("Audit trail"));
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
