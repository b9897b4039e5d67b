package org.studentsupport.vocabulary;

import org.studentsupport.domain.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one district may code with: the shared default plus the district's own codes, each a need
 * or a strength of one domain. Plain rules over that set, so that reviews, plans and referrals check
 * their codes the same way, and so that the rules can be tested without a database.
 */
public record Vocabulary(Map<String, Term> terms) {

    /** The four domains of the vocabulary, as the reviews name them. */
    public static final List<String> DOMAINS = List.of("academic", "social-emotional", "health", "family");
    public static final String DOMAIN_PATTERN = "academic|social-emotional|health|family";

    /** One code as the rules see it. */
    public record Term(String code, CodeKind kind, String domain, boolean active, String label) {
    }

    public Vocabulary {
        terms = Map.copyOf(terms);
    }

    public Optional<Term> term(String code) {
        return Optional.ofNullable(terms.get(code));
    }

    /** The active codes of one kind and domain. */
    public List<String> active(CodeKind kind, String domain) {
        return terms.values().stream().filter(t -> t.active() && t.kind() == kind && t.domain().equals(domain))
                .map(Term::code).sorted().toList();
    }

    public Set<String> codes() {
        return terms.keySet();
    }

    /**
     * Checks codes used as {@code kind} in {@code domain} (any domain when null): one violation per
     * wrong code, at {@code pointer/index}.
     *
     * @param who what the message names first ("student …"), or null
     */
    public List<Violation> check(CodeKind kind, String domain, List<String> codes, String pointer, String who) {
        List<Violation> violations = new ArrayList<>();
        String prefix = who == null ? "" : who + ": ";
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            Term term = terms.get(code);
            String message = null;
            if (term == null) {
                message = "'" + code + "' is not a code of the " + kind.code() + "s vocabulary";
            } else if (term.kind() != kind) {
                message = "'" + code + "' is a " + term.kind().code() + " code, not a " + kind.code();
            } else if (domain != null && !term.domain().equals(domain)) {
                message = "'" + code + "' is a " + kind.code() + " of the " + term.domain() + " domain, not of " + domain;
            } else if (!term.active()) {
                message = "'" + code + "' is retired";
            }
            if (message != null) {
                violations.add(Violation.atPointer(pointer + "/" + i, prefix + message));
            }
        }
        return violations;
    }
}
