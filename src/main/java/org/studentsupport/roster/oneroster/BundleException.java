package org.studentsupport.roster.oneroster;

/** The zip as a whole cannot be read: not a zip, too large, too many entries, a zip bomb. */
public class BundleException extends RuntimeException {

    public BundleException(String message) {
        super(message, null, false, false);
    }
}
