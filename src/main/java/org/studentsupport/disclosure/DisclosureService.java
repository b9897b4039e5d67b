package org.studentsupport.disclosure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.student.Student;
import org.studentsupport.student.StudentScope;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The record of disclosures: entries are added in the transaction that discloses, and read back per
 * student. There is no way to change or remove an entry, here or in the database.
 */
@ApplicationScoped
public class DisclosureService {

    private final DisclosureRepository disclosures;
    private final StudentScope studentScope;

    public DisclosureService(DisclosureRepository disclosures, StudentScope studentScope) {
        this.disclosures = disclosures;
        this.studentScope = studentScope;
    }

    /** Adds an entry; must run inside the transaction that makes the disclosure. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Disclosure record(Disclosure entry) {
        disclosures.persist(entry);
        return entry;
    }

    @Transactional
    public DisclosureReport report(UUID studentId, PageRequest page) {
        Student student = studentScope.require(studentId);
        long total = disclosures.count("studentId", student.id);
        List<DisclosureView> items = disclosures.find("studentId = ?1 order by disclosedAt desc, id", student.id)
                .page(page.page() - 1, page.size()).list().stream().map(DisclosureView::from).toList();
        return new DisclosureReport(student.id, student.givenName + " " + student.familyName, student.school.name,
                Instant.now(), DisclosureReport.EXPLANATION, Page.of(items, page, total));
    }

    /**
     * The latest entry of a referral, with the data it disclosed: what the receiving party holds now.
     * The scope filter shows a provider only the entries made to its organization.
     */
    @Transactional
    public Optional<Disclosure> latestFor(UUID referralId) {
        return disclosures.find("referralId = ?1 order by disclosedAt desc, id desc", referralId).firstResultOptional();
    }

    /** The latest entry of each of the referrals (a page of them), in one query; a referral without one is absent. */
    @Transactional
    public Map<UUID, Disclosure> latestFor(Collection<UUID> referralIds) {
        Map<UUID, Disclosure> latest = new HashMap<>();
        if (referralIds.isEmpty()) {
            return latest;
        }
        for (Disclosure d : disclosures.find("referralId in ?1 order by disclosedAt desc, id desc", referralIds).list()) {
            latest.putIfAbsent(d.referralId(), d);
        }
        return latest;
    }
}
