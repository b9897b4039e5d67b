package org.studentsupport.domain;

/** Which page of a list to read: 1-based page number and page size, already validated at the edge. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    public static final int MAX_PAGE = 1_000_000;

    public PageRequest {
        if (page < 1 || size < 1) {
            throw new IllegalArgumentException("page and size start at 1");
        }
    }

    public int offset() {
        return (page - 1) * size;
    }
}
