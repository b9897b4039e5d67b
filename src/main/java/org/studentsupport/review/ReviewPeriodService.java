package org.studentsupport.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.studentsupport.roster.AcademicSession;
import org.studentsupport.school.District;
import org.studentsupport.school.SchoolService;
import org.studentsupport.security.CallerScope;
import org.studentsupport.domain.ConflictException;
import org.studentsupport.domain.VersionCheck;
import org.studentsupport.domain.InvalidInputException;
import org.studentsupport.domain.NotFoundException;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.domain.RuleBrokenException;
import org.studentsupport.domain.Violation;

import java.util.List;
import java.util.UUID;

/** Review periods of the caller's district: administrators configure them, everyone in the district reads them. */
@ApplicationScoped
public class ReviewPeriodService {

    private final ReviewPeriodRepository periods;
    private final SchoolService schools;
    private final CallerScope caller;
    private final EntityManager em;

    public ReviewPeriodService(ReviewPeriodRepository periods, SchoolService schools, CallerScope caller,
                               EntityManager em) {
        this.periods = periods;
        this.schools = schools;
        this.caller = caller;
        this.em = em;
    }

    @Transactional
    public Page<ReviewPeriodView> list(UUID schoolYearId, PageRequest page) {
        String district = caller.districtId().orElse(null);
        if (district == null) {
            return Page.of(List.of(), page, 0);
        }
        List<ReviewPeriodView> items = periods.pageInDistrict(district, schoolYearId, page.offset(), page.size())
                .stream().map(ReviewPeriodView::from).toList();
        return Page.of(items, page, periods.countInDistrict(district, schoolYearId));
    }

    /** A period of the caller's district; 404 for any other. */
    @Transactional
    public ReviewPeriod get(UUID id) {
        ReviewPeriod period = id == null ? null : periods.findById(id);
        if (period == null || !period.district.sourcedId.equals(caller.districtId().orElse(null))) {
            throw new NotFoundException("Review period " + id);
        }
        return period;
    }

    /** The district's period that starts latest before this one, if any. */
    @Transactional
    public java.util.Optional<ReviewPeriod> previous(ReviewPeriod period) {
        return periods.previous(period);
    }

    @Transactional
    public ReviewPeriodView create(ReviewPeriodRequest request) {
        District district = schools.callerDistrict();
        ReviewPeriod period = new ReviewPeriod(district, schoolYear(district, request.schoolYearId()));
        apply(period, request);
        if (periods.findByName(district.id, request.name()).isPresent()) {
            throw new ConflictException("A review period named '" + request.name() + "' already exists");
        }
        periods.persist(period);
        return ReviewPeriodView.from(period);
    }

    /**
     * @param expectedVersion the version the caller's If-Match was checked against; 412 when it is no longer current
     */
    @Transactional
    public ReviewPeriod update(UUID id, VersionCheck ifMatch, ReviewPeriodRequest request) {
        ReviewPeriod period = get(id);
        ifMatch.require(period.version);
        periods.findByName(period.district.id, request.name()).filter(other -> !other.id.equals(id)).ifPresent(other -> {
            throw new ConflictException("A review period named '" + request.name() + "' already exists");
        });
        period.schoolYear = schoolYear(period.district, request.schoolYearId());
        apply(period, request);
        periods.flush();
        return period;
    }

    private void apply(ReviewPeriod period, ReviewPeriodRequest request) {
        if (request.endDate().isBefore(request.startDate())) {
            throw new InvalidInputException(List.of(Violation.atPointer("/endDate", "must not be before startDate")));
        }
        AcademicSession year = period.schoolYear;
        if (request.startDate().isBefore(year.startDate) || request.endDate().isAfter(year.endDate)) {
            throw new RuleBrokenException("The period must lie within its school year",
                    List.of(Violation.atPointer(request.startDate().isBefore(year.startDate) ? "/startDate" : "/endDate",
                            "must lie within the school year " + year.startDate + " to " + year.endDate)));
        }
        period.name = request.name();
        period.kind = request.kind();
        period.startDate = request.startDate();
        period.endDate = request.endDate();
    }

    private AcademicSession schoolYear(District district, UUID sessionId) {
        AcademicSession session = em.find(AcademicSession.class, sessionId);
        if (session == null || !session.district.id.equals(district.id)) {
            throw new RuleBrokenException("No such school year in your district",
                    List.of(Violation.atPointer("/schoolYearId", "is not a school year of your district")));
        }
        if (!AcademicSession.SCHOOL_YEAR.equals(session.type)) {
            throw new RuleBrokenException("A review period belongs to a school year",
                    List.of(Violation.atPointer("/schoolYearId", "is a " + session.type + ", not a schoolYear")));
        }
        return session;
    }
}
