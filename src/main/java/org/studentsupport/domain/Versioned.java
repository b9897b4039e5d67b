package org.studentsupport.domain;

/**
 * What a service answers for one versioned object: the view, the version its ETag is made from,
 * whether the call created it, and whether it replayed an earlier call (same idempotency key).
 */
public record Versioned<T>(T body, long version, boolean created, boolean replayed) {

    public static <T> Versioned<T> of(T body, long version) {
        return new Versioned<>(body, version, false, false);
    }

    public static <T> Versioned<T> created(T body, long version) {
        return new Versioned<>(body, version, true, false);
    }

    public static <T> Versioned<T> replayed(T body, long version) {
        return new Versioned<>(body, version, false, true);
    }
}
