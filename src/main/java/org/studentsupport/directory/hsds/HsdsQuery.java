package org.studentsupport.directory.hsds;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.studentsupport.directory.DirectorySearchParams;

import java.util.UUID;

/**
 * The HSDS 3.0 query parameters of the list endpoints; filters are cumulative. {@code per_page} over
 * {@link #MAX_PER_PAGE} is rejected (400), never silently capped.
 */
public class HsdsQuery {

    public static final int MAX_PER_PAGE = 200;

    @QueryParam("search")
    @Size(max = DirectorySearchParams.MAX_TEXT)
    public String search;

    @QueryParam("page")
    @DefaultValue("1")
    @Min(1)
    @Max(1_000_000)
    public int page = 1;

    @QueryParam("per_page")
    @DefaultValue("50")
    @Min(1)
    @Max(MAX_PER_PAGE)
    public int perPage = 50;

    @QueryParam("taxonomy_term_id")
    public UUID taxonomyTermId;

    @QueryParam("taxonomy_id")
    public UUID taxonomyId;

    @QueryParam("organization_id")
    public UUID organizationId;

    /** An ISO date or date-time; records changed on or after it. */
    @QueryParam("modified_after")
    @Size(max = 35)
    public String modifiedAfter;

    @QueryParam("postcode")
    @Size(max = 50)
    public String postcode;

    /** Meters from the centroid of {@code postcode}. */
    @QueryParam("proximity")
    @Min(1)
    @Max(500_000)
    public Integer proximity;

    @QueryParam("full")
    @DefaultValue("false")
    public boolean full;

    @QueryParam("full_service")
    @DefaultValue("false")
    public boolean fullService;

    /** {@code json} (a page) or {@code ndjson} (every matching record, one per line, unpaged). */
    @QueryParam("format")
    @DefaultValue("json")
    @Pattern(regexp = "json|ndjson", message = "must be json or ndjson (no other format is offered)")
    public String format = "json";

    /** Services only: each as its id and last_modified, nothing else. */
    @QueryParam("minimal")
    @DefaultValue("false")
    public boolean minimal;

    @QueryParam("parent_id")
    public UUID parentId;

    @QueryParam("top_only")
    @DefaultValue("false")
    public boolean topOnly;

    public boolean ndjson() {
        return "ndjson".equals(format);
    }

    /** The list asked for, as the HSDS API takes it. */
    public HsdsListQuery toListQuery() {
        return new HsdsListQuery(search, page, perPage, taxonomyTermId, taxonomyId, organizationId, modifiedAfter, postcode,
                proximity, full, fullService, parentId, topOnly, minimal);
    }
}
