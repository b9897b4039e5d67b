package org.studentsupport.audittrail;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checkpoint as published outside the database (the service log, or a witness file that keeps
 * those lines): verification compares the chain with the latest one, so that deleting the newest
 * events together with their seals and checkpoints is found.
 */
public record PublishedCheckpoint(long position, String chainHash, String signature) {

    private static final Pattern LINE = Pattern.compile(
            "position=(\\d{1,19}) chain=([0-9a-f]{64}) signature=([0-9a-f]{64})");

    /** The published form, as the sealer logs it and a witness file keeps it. */
    public static String line(long position, String chainHash, String signature) {
        return "position=" + position + " chain=" + chainHash + " signature=" + signature;
    }

    /** The checkpoint with the highest position among the published lines in a text (a log or witness file). */
    public static Optional<PublishedCheckpoint> latestIn(String text) {
        Matcher m = LINE.matcher(text);
        PublishedCheckpoint latest = null;
        while (m.find()) {
            PublishedCheckpoint c = new PublishedCheckpoint(Long.parseLong(m.group(1)), m.group(2), m.group(3));
            if (latest == null || c.position() > latest.position()) {
                latest = c;
            }
        }
        return Optional.ofNullable(latest);
    }
}
