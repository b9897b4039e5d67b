package org.studentsupport.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with the total count. Every list endpoint returns this shape and orders its
 * items by a stable key, so that walking the pages neither repeats nor skips an item.
 */
public record Page<T>(
        @Schema(description = "The items of this page", maxItems = PageRequest.MAX_SIZE)
        List<T> items,
        @Schema(description = "This page's number, starting at 1", minimum = "1", maximum = "1000000", format = "int32")
        int page,
        @Schema(description = "The requested page size", minimum = "1", maximum = "200", format = "int32")
        int size,
        @Schema(description = "How many items all pages hold together", minimum = "0", maximum = "9223372036854775807",
                format = "int64")
        long totalItems,
        @Schema(description = "How many pages there are", minimum = "0", maximum = "2147483647", format = "int32")
        int totalPages) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        int totalPages = (int) Math.min(Integer.MAX_VALUE, (totalItems + request.size() - 1) / request.size());
        return new Page<>(List.copyOf(items), request.page(), request.size(), totalItems, totalPages);
    }

    public static <T> Page<T> empty(PageRequest request) {
        return of(List.of(), request, 0);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
