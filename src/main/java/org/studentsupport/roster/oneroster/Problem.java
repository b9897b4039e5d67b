package org.studentsupport.roster.oneroster;

/** One thing wrong with a bundle: where (file, line, column; any may be null) and what. */
public record Problem(String file, Long line, String column, String message) {

    public static Problem ofBundle(String message) {
        return new Problem(null, null, null, message);
    }
}
