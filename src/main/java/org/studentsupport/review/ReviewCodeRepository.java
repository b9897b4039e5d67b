package org.studentsupport.review;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class ReviewCodeRepository implements PanacheRepositoryBase<ReviewCode, UUID> {

    private static final Sort ORDER = Sort.by("domain").and("code").and("id");

    public List<ReviewCode> page(String domain, int offset, int size) {
        return (domain == null ? findAll(ORDER) : find("domain", ORDER, domain)).range(offset, offset + size - 1).list();
    }

    public long count(String domain) {
        return domain == null ? count() : count("domain", domain);
    }

    public Optional<ReviewCode> find(String domain, String code) {
        return find("domain = ?1 and code = ?2", domain, code).firstResultOptional();
    }

    /** The codes that new entries may use, per domain code. */
    public Map<String, Set<String>> activeByDomain() {
        Map<String, Set<String>> codes = new HashMap<>();
        getEntityManager().createQuery("select c.domain, c.code from ReviewCode c where c.active = true", Object[].class)
                .getResultList().forEach(row -> codes.computeIfAbsent((String) row[0], d -> new HashSet<>()).add((String) row[1]));
        return codes;
    }

    /** Labels of all codes, active or retired, keyed "domain/code". */
    public Map<String, String> labels() {
        Map<String, String> labels = new HashMap<>();
        getEntityManager().createQuery("select c.domain, c.code, c.label from ReviewCode c", Object[].class)
                .getResultList().forEach(row -> labels.put(row[0] + "/" + row[1], (String) row[2]));
        return labels;
    }
}
