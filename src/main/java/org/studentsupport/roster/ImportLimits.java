package org.studentsupport.roster;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The limits of a roster import (studentsupport.roster-import.*); every limit has a number. */
@ConfigMapping(prefix = "studentsupport.roster-import")
public interface ImportLimits {

    /** Largest upload accepted, in bytes (the zip as sent). */
    @WithDefault("104857600")
    long maxUploadBytes();

    /** Largest total size of the files inside the zip, in bytes, counted while reading. */
    @WithDefault("1073741824")
    long maxUncompressedBytes();

    /** Most entries a zip may hold. */
    @WithDefault("50")
    int maxEntries();

    /** Highest uncompressed/compressed ratio of an entry over 1 MiB before it counts as a zip bomb. */
    @WithDefault("100")
    int maxCompressionRatio();

    /** How many problems of a rejected import are kept and shown; the total is always counted. */
    @WithDefault("1000")
    int maxProblemsKept();

    /**
     * How many uploads one instance holds at once (running or queued behind the one running); past
     * it an upload is refused with 503 before it is read. Bounds the temporary disk: this many times
     * max-upload-bytes (the Kubernetes emptyDir is sized from it).
     */
    @WithDefault("3")
    int maxHeldUploads();

    /** How often an instance stamps the jobs it holds, in seconds. */
    @WithDefault("10")
    int heartbeatSeconds();

    /** A queued or running job not stamped for this long lost its instance and is failed, in seconds. */
    @WithDefault("60")
    int staleAfterSeconds();

    /** How long one import may hold its database transaction, in seconds. */
    @WithDefault("1800")
    int transactionTimeoutSeconds();
}
