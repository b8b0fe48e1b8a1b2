package io.fairshare.settlement.domain.close;

import io.fairshare.settlement.domain.outcome.CloseError;

import io.fairshare.settlement.domain.statement.IssuedStatements;

import java.util.List;

/** The outcome of a close: the issued statements, or every reason they could not be computed. */
public sealed interface CloseResult {
    record Issued(IssuedStatements statements) implements CloseResult {
    }

    record Rejected(List<CloseError> errors) implements CloseResult {
        public Rejected {
            errors = List.copyOf(errors);
        }
    }
}
