package org.studentsupport.directory.hsds;

/** An upload the import cannot take at all, before any record is looked at: too large, or not readable. */
public class UnusableUploadException extends RuntimeException {

    public enum Reason { TOO_LARGE, UNREADABLE }

    private final Reason reason;

    public UnusableUploadException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
