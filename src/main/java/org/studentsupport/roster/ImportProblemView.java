package org.studentsupport.roster;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImportProblem", description = "One problem of a rejected import; file, line and column are absent when the problem concerns the whole bundle")
public record ImportProblemView(
        @Schema(description = "The file in the bundle, e.g. users.csv", maxLength = 100) String file,
        @Schema(description = "The line (record) of the file; the header is line 1", minimum = "1", maximum = "9223372036854775807", format = "int64")
        Long line,
        @Schema(description = "The column's header name", maxLength = 100) String column,
        @Schema(maxLength = 1000) String message) {

    static ImportProblemView from(RosterImportProblem problem) {
        return new ImportProblemView(problem.file, problem.line, problem.column, problem.message);
    }
}
