package org.studentsupport.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds OneRoster zips for tests: from text per file, or from a sample directory on the test class path. */
public final class Bundles {

    public static final String USERS_HEADER = "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,"
            + "middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,preferredGivenName,"
            + "preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns,metadata.preferredLanguage,metadata.homeLanguage,"
            + "metadata.directoryOptOut";

    private Bundles() {
    }

    public static String manifest(Map<String, String> modes) {
        StringBuilder out = new StringBuilder("propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\n");
        for (String file : List.of("academicSessions", "classes", "courses", "demographics", "enrollments", "orgs", "roles", "users")) {
            out.append("file.").append(file).append(',').append(modes.getOrDefault(file, "absent")).append('\n');
        }
        return out.append("source.systemName,Test\n").toString();
    }

    /** One users.csv line from named cells (the rest empty), quoting where needed. */
    public static String user(String... namesAndValues) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            cells.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        StringBuilder line = new StringBuilder();
        String[] columns = USERS_HEADER.split(",");
        for (int i = 0; i < columns.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            String value = cells.getOrDefault(columns[i], "");
            line.append(value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
        }
        return line.append('\n').toString();
    }

    public static byte[] zip(Map<String, ?> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, ?> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                Object content = file.getValue();
                zip.write(content instanceof byte[] raw ? raw : content.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A sample bundle of the project's shared standards folder (beside the repository; its files
     * carry their own licence and are not copied into the project).
     */
    public static byte[] sample(String directory) {
        Path dir = Path.of(System.getProperty("oneroster.samples", "../shared/standards/oneroster-1.2/samples"), directory);
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(dir),
                "the OneRoster sample bundles are not at " + dir.toAbsolutePath() + " (set -Doneroster.samples)");
        try {
            Map<String, byte[]> files = new LinkedHashMap<>();
            try (Stream<Path> list = Files.list(dir)) {
                for (Path file : list.sorted().toList()) {
                    files.put(file.getFileName().toString(), Files.readAllBytes(file));
                }
            }
            return zip(files);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
