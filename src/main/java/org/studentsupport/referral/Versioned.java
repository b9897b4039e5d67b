package org.studentsupport.referral;

/** A view with the version of the entity it shows, for the ETag; {@code replayed} marks an idempotent replay. */
public record Versioned<T>(T body, long version, boolean replayed) {

    static <T> Versioned<T> of(T body, long version) {
        return new Versioned<>(body, version, false);
    }
}
