package org.studentsupport.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.studentsupport.domain.PageRequest;

/**
 * The paging query parameters shared by every list: {@code page} (1-based) and {@code size}.
 * A size over the maximum is rejected, never silently capped.
 */
public class PageParams {

    public static final int DEFAULT_SIZE = PageRequest.DEFAULT_SIZE;
    public static final int MAX_SIZE = PageRequest.MAX_SIZE;
    public static final int MAX_PAGE = PageRequest.MAX_PAGE;

    @QueryParam("page")
    @DefaultValue("1")
    @Min(1)
    @Max(MAX_PAGE)
    @Parameter(description = "Page number, starting at 1")
    public int page = 1;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(1)
    @Max(MAX_SIZE)
    @Parameter(description = "Items per page (default 50, at most 200)")
    public int size = DEFAULT_SIZE;

    public PageParams() {
    }

    public PageParams(int page, int size) {
        this.page = page;
        this.size = size;
    }

    /** The page asked for, as the services take it. */
    public PageRequest toRequest() {
        return new PageRequest(page, size);
    }
}
