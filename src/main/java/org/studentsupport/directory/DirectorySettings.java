package org.studentsupport.directory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the provider directory ({@code studentsupport.directory.*}). */
@ConfigMapping(prefix = "studentsupport.directory")
public interface DirectorySettings {

    /** Whether the HSDS API at /hsds may be read without signing in. The district decides; off by default. */
    @WithDefault("false")
    boolean hsdsPublic();

    /** The HSDS profile this API follows, announced at /hsds/. */
    @WithDefault("https://specs.openreferral.org/hsds/3.0/")
    String hsdsProfile();

    /** The contract of this API, announced at /hsds/. */
    @WithDefault("https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json")
    String hsdsOpenapiUrl();

    /** The largest uncompressed size of a tabular import (all CSV files of the zip together), in bytes. */
    @WithDefault("52428800")
    long importMaxUncompressedBytes();

    /** The most records one import may hold. */
    @WithDefault("100000")
    int importMaxRecords();
}
