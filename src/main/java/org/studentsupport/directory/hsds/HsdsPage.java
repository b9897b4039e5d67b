package org.studentsupport.directory.hsds;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** The HSDS 3.0 paginated list ({@code Page}): snake_case as the standard names it. */
@JsonPropertyOrder({"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"})
public record HsdsPage<T>(
        @JsonProperty("total_items") long totalItems,
        @JsonProperty("total_pages") long totalPages,
        @JsonProperty("page_number") int pageNumber,
        @JsonProperty("size") int size,
        @JsonProperty("first_page") boolean firstPage,
        @JsonProperty("last_page") boolean lastPage,
        @JsonProperty("empty") boolean empty,
        @JsonProperty("contents") List<T> contents) {

    public static <T> HsdsPage<T> of(List<T> contents, int page, int perPage, long total) {
        long pages = (total + perPage - 1) / perPage;
        return new HsdsPage<>(total, pages, page, contents.size(), page == 1, page >= pages, contents.isEmpty(),
                List.copyOf(contents));
    }
}
