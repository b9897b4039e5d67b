package org.studentsupport.vocabulary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.domain.ConflictException;
import org.studentsupport.domain.InvalidInputException;
import org.studentsupport.domain.NotFoundException;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.domain.VersionCheck;
import org.studentsupport.domain.Violation;
import org.studentsupport.school.District;
import org.studentsupport.school.SchoolService;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The needs and strengths vocabularies: a shared default that comes with the deployment (its
 * migrations), extended per district by that district's administrators. Codes are never deleted
 * (records refer to them) and never renamed; labels change, codes retire.
 */
@ApplicationScoped
public class VocabularyService {

    private final VocabularyCodeRepository codes;
    private final SchoolService schools;

    public VocabularyService(VocabularyCodeRepository codes, SchoolService schools) {
        this.codes = codes;
        this.schools = schools;
    }

    /** What a district codes with: the default plus its own codes (the default alone for null). */
    @Transactional
    public Vocabulary of(UUID districtId) {
        Map<String, Vocabulary.Term> terms = new HashMap<>();
        for (Vocabulary.Term term : codes.visibleTerms(districtId)) {
            terms.put(term.code(), term);
        }
        return new Vocabulary(terms);
    }

    /** The vocabulary of the caller's district (the default alone when the caller has none). */
    @Transactional
    public Vocabulary ofCaller() {
        return of(callerDistrictId());
    }

    @Transactional
    public Page<CodeView> list(String kind, String domain, String language, PageRequest page) {
        UUID district = callerDistrictId();
        return Page.of(codes.page(district, kind, domain, page.offset(), page.size()).stream()
                .map(c -> CodeView.from(c, language)).toList(), page, codes.count(district, kind, domain));
    }

    /** A code the caller sees (the default's or the caller's district's); 404 otherwise. */
    @Transactional
    public VocabularyCode get(UUID id) {
        VocabularyCode code = codes.findByIdOptional(id).orElse(null);
        if (code == null || (code.districtId != null && !code.districtId.equals(callerDistrictId()))) {
            throw new NotFoundException("Vocabulary code " + id);
        }
        return code;
    }

    @Transactional
    public VocabularyCode create(CreateCodeRequest request) {
        District district = schools.callerDistrict();
        requireEnglish(request.labels());
        codes.visible(district.id, request.code()).ifPresent(existing -> {
            throw new ConflictException("The code '" + request.code() + "' already exists as a " + existing.kind + " of the "
                    + existing.domain + " domain" + (existing.districtId == null ? " in the shared default" : ""),
                    Map.of("existingCodeId", existing.id));
        });
        VocabularyCode code = new VocabularyCode(district.id, CodeKind.of(request.kind()).orElseThrow(), request.domain(),
                request.code(), request.labels());
        codes.persist(code);
        return code;
    }

    /** Relabels or retires a code of the caller's district; the shared default is not the district's to change (409). */
    @Transactional
    public VocabularyCode update(UUID id, VersionCheck ifMatch, UpdateCodeRequest request) {
        VocabularyCode code = get(id);
        if (code.districtId == null) {
            throw new ConflictException("'" + code.code + "' belongs to the shared default vocabulary, which comes with the "
                    + "deployment; a district adds its own codes instead");
        }
        ifMatch.require(code.version);
        requireEnglish(request.labels());
        code.labels = new java.util.LinkedHashMap<>(request.labels());
        code.active = request.active();
        codes.flush();
        return code;
    }

    /** English labels of every code, keyed "domain/code", retired ones included (old records still read in words). */
    @Transactional
    public Map<String, String> labels() {
        Map<String, String> labels = new HashMap<>();
        for (VocabularyCode c : codes.all()) {
            if (c.districtId == null || !labels.containsKey(c.domain + "/" + c.code)) {
                labels.put(c.domain + "/" + c.code, c.label("en"));
            }
        }
        return labels;
    }

    private UUID callerDistrictId() {
        return schools.knownCallerDistrict().map(d -> d.id).orElse(null);
    }

    private static void requireEnglish(Map<String, String> labels) {
        if (!labels.containsKey("en")) {
            throw new InvalidInputException(List.of(Violation.atPointer("/labels/en", "an English label is required")));
        }
    }
}
