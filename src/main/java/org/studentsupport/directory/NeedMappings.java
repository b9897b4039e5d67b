package org.studentsupport.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.directory.hsds.HsdsStore;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.domain.RuleBrokenException;
import org.studentsupport.domain.Violation;
import org.studentsupport.school.District;
import org.studentsupport.school.SchoolService;
import org.studentsupport.security.CallerScope;
import org.studentsupport.vocabulary.CodeKind;
import org.studentsupport.vocabulary.Vocabulary;
import org.studentsupport.vocabulary.VocabularyService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Which taxonomy terms meet which need: the shared default (for the demo taxonomy), replaced need by
 * need where a district's administrator says otherwise. Directory search by need and the matching of
 * services to a student go through it.
 */
@ApplicationScoped
public class NeedMappings {

    private final NeedMappingRepository mappings;
    private final VocabularyService vocabulary;
    private final SchoolService schools;
    private final CallerScope caller;
    private final HsdsStore store;

    public NeedMappings(NeedMappingRepository mappings, VocabularyService vocabulary, SchoolService schools, CallerScope caller,
                        HsdsStore store) {
        this.mappings = mappings;
        this.vocabulary = vocabulary;
        this.schools = schools;
        this.caller = caller;
        this.store = store;
    }

    /** Need code → term codes in effect for a district (the default alone for null), ordered by need code. */
    @Transactional
    public Map<String, List<String>> effective(UUID district) {
        Map<String, List<String>> defaults = new TreeMap<>();
        Map<String, List<String>> own = new TreeMap<>();
        for (NeedMapping m : mappings.visible(district)) {
            (m.districtId == null ? defaults : own).put(m.needCode, m.termCodes);
        }
        defaults.putAll(own);
        return defaults;
    }

    @Transactional
    public Page<NeedMappingView> list(PageRequest page) {
        UUID district = callerDistrict();
        Set<String> own = new HashSet<>();
        mappings.visible(district).stream().filter(m -> m.districtId != null).forEach(m -> own.add(m.needCode));
        List<NeedMappingView> all = effective(district).entrySet().stream()
                .map(e -> new NeedMappingView(e.getKey(), e.getValue(), own.contains(e.getKey()) ? "district" : "default")).toList();
        int from = Math.min(page.offset(), all.size());
        return Page.of(all.subList(from, Math.min(from + page.size(), all.size())), page, all.size());
    }

    /** Sets the caller's district's terms for a need; 422 for a code that is no need or a term the directory lacks, nothing written. */
    @Transactional
    public NeedMappingView put(String needCode, NeedMappingRequest request) {
        District district = schools.callerDistrict();
        Vocabulary codes = vocabulary.of(district.id);
        List<Violation> violations = new ArrayList<>(codes.check(CodeKind.NEED, null, List.of(needCode), "needCode", null).stream()
                .map(v -> Violation.atParameter("needCode", v.message())).toList());
        Set<String> known = existingTerms(request.termCodes());
        for (int i = 0; i < request.termCodes().size(); i++) {
            if (!known.contains(request.termCodes().get(i))) {
                violations.add(Violation.atPointer("/termCodes/" + i,
                        "'" + request.termCodes().get(i) + "' is not a taxonomy term code of the directory"));
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleBrokenException("The mapping was not saved: " + violations.size() + " field(s) are wrong", violations);
        }
        NeedMapping mapping = mappings.own(district.id, needCode).orElseGet(() -> {
            NeedMapping created = new NeedMapping(district.id, needCode);
            mappings.persist(created);
            return created;
        });
        mapping.termCodes = List.copyOf(new java.util.LinkedHashSet<>(request.termCodes()));
        mapping.updatedAt = Instant.now();
        mapping.updatedBy = caller.subject();
        mappings.flush();
        return new NeedMappingView(needCode, mapping.termCodes, "district");
    }

    /** The caller's district id, or null (the default alone). */
    UUID callerDistrict() {
        return schools.knownCallerDistrict().map(d -> d.id).orElse(null);
    }

    private Set<String> existingTerms(List<String> termCodes) {
        Set<String> found = new HashSet<>();
        if (!termCodes.isEmpty()) {
            store.query("SELECT DISTINCT code FROM dir_taxonomy_term WHERE code = ANY(?)", List.of(termCodes),
                    rs -> found.add(rs.getString(1)));
        }
        return found;
    }
}
