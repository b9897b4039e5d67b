package org.studentsupport.directory.hsds;

import java.util.UUID;

/**
 * What an HSDS list asks for, as {@link HsdsApi} takes it: a 1-based page of {@code perPage} records
 * and cumulative filters, each optional (null or false). The query parameters and their limits are in
 * {@code HsdsQuery}.
 */
public record HsdsListQuery(String search, int page, int perPage, UUID taxonomyTermId, UUID taxonomyId, UUID organizationId,
                            String modifiedAfter, String postcode, Integer proximity, boolean full, boolean fullService,
                            UUID parentId, boolean topOnly, boolean minimal) {

    /** The same list, one page of {@code size} records further on (for streaming every record). */
    public HsdsListQuery atPage(int number, int size) {
        return new HsdsListQuery(search, number, size, taxonomyTermId, taxonomyId, organizationId, modifiedAfter, postcode,
                proximity, full, fullService, parentId, topOnly, minimal);
    }

    public int offset() {
        return (page - 1) * perPage;
    }
}
