package org.studentsupport.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.domain.ConflictException;
import org.studentsupport.domain.VersionCheck;
import org.studentsupport.domain.NotFoundException;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;

import java.util.UUID;

/**
 * The needs/strengths code list. It is shared by every district of the deployment (as the tier
 * scale is); administrators add codes and retire them, never delete them.
 */
@ApplicationScoped
public class ReviewCodeService {

    private final ReviewCodeRepository codes;

    public ReviewCodeService(ReviewCodeRepository codes) {
        this.codes = codes;
    }

    @Transactional
    public Page<ReviewCodeView> list(String domain, PageRequest page) {
        return Page.of(codes.page(domain, page.offset(), page.size()).stream().map(ReviewCodeView::from).toList(),
                page, codes.count(domain));
    }

    @Transactional
    public ReviewCode get(UUID id) {
        return codes.findByIdOptional(id).orElseThrow(() -> new NotFoundException("Review code " + id));
    }

    @Transactional
    public ReviewCode create(ReviewCodeRequest request) {
        if (codes.find(request.domain(), request.code()).isPresent()) {
            throw new ConflictException("The code '" + request.code() + "' already exists in domain " + request.domain());
        }
        ReviewCode code = new ReviewCode(ReviewDomain.of(request.domain()).orElseThrow(), request.code(), request.label());
        codes.persist(code);
        return code;
    }

    /**
     * @param expectedVersion the version the caller's If-Match was checked against; 412 when it is no longer current
     */
    @Transactional
    public ReviewCode update(UUID id, VersionCheck ifMatch, UpdateReviewCodeRequest request) {
        ReviewCode code = get(id);
        ifMatch.require(code.version);
        code.label = request.label();
        code.active = request.active();
        codes.flush();
        return code;
    }
}
