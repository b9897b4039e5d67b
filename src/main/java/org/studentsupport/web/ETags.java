package org.studentsupport.web;

import jakarta.ws.rs.core.EntityTag;
import org.studentsupport.domain.VersionCheck;

/**
 * Strong entity tags derived from an entity's optimistic-lock version, and the {@code If-Match}
 * rule every update follows: no header is 428, a tag other than the current one is 412.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The header value for a version, as clients send it back in {@code If-Match}. */
    public static String header(long version) {
        return of(version).toString();
    }

    /** The {@code If-Match} rule for a service to apply to the version it loads, in its own transaction. */
    public static VersionCheck ifMatch(String ifMatch) {
        return version -> requireMatch(ifMatch, version);
    }

    /**
     * Checks an {@code If-Match} header against the current version of a resource.
     *
     * @throws ApiException 428 when the header is missing, 412 when it does not name the current version
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(ProblemKind.PRECONDITION_REQUIRED,
                    "Send the resource's current ETag in If-Match to update it");
        }
        String current = header(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw new ApiException(ProblemKind.PRECONDITION_FAILED,
                "The resource has changed; its current ETag is " + current + ". Read it again and retry.");
    }
}
