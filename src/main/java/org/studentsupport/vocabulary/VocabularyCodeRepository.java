package org.studentsupport.vocabulary;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class VocabularyCodeRepository implements PanacheRepositoryBase<VocabularyCode, UUID> {

    private static final String VISIBLE = "(districtId is null or districtId = :district)";

    /**
     * The default codes and the district's own (only the default when district is null), as terms with
     * their English label, read as plain rows:
     * every review save and plan check reads the whole vocabulary, and managed entities would be
     * hydrated (labels parsed from JSON) and dirty-checked at every flush of the request.
     */
    @SuppressWarnings("unchecked")
    public List<Vocabulary.Term> visibleTerms(UUID district) {
        List<Object[]> rows = getEntityManager().createNativeQuery(
                        "SELECT code, kind, domain, active, labels ->> 'en' FROM vocabulary_code"
                                + " WHERE district_id IS NULL OR district_id = CAST(?1 AS uuid)")
                .setParameter(1, district).getResultList();
        return rows.stream().map(row -> new Vocabulary.Term((String) row[0], CodeKind.of((String) row[1]).orElseThrow(),
                (String) row[2], (Boolean) row[3], (String) row[4])).toList();
    }

    public List<VocabularyCode> page(UUID district, String kind, String domain, int offset, int size) {
        return find(VISIBLE + filter(kind, domain) + " order by kind, domain, code, id", params(district, kind, domain))
                .range(offset, offset + size - 1).list();
    }

    public long count(UUID district, String kind, String domain) {
        return count(VISIBLE + filter(kind, domain), params(district, kind, domain));
    }

    public Optional<VocabularyCode> visible(UUID district, String code) {
        return find(VISIBLE + " and code = :code", Parameters.with("district", district).and("code", code)).firstResultOptional();
    }

    /** Every code's English label, keyed "domain/code"; where districts differ, the default's or any one. */
    public List<VocabularyCode> all() {
        return listAll();
    }

    private static String filter(String kind, String domain) {
        return (kind == null ? "" : " and kind = :kind") + (domain == null ? "" : " and domain = :domain");
    }

    private static Parameters params(UUID district, String kind, String domain) {
        Parameters p = Parameters.with("district", district);
        if (kind != null) {
            p = p.and("kind", kind);
        }
        if (domain != null) {
            p = p.and("domain", domain);
        }
        return p;
    }
}
