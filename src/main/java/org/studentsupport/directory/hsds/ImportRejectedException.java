package org.studentsupport.directory.hsds;

import org.studentsupport.domain.DomainException;
import org.studentsupport.domain.Violation;

import java.util.List;
import java.util.Map;

/** An import with errors in its records; nothing of it was written. */
public class ImportRejectedException extends DomainException {

    public ImportRejectedException(List<HsdsImport.RowError> errors, List<Violation> violations) {
        super(errors.size() + " error(s) in the import; nothing was written", violations, Map.of("importErrors", errors));
    }
}
