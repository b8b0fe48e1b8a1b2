package io.fairshare.payout.domain.outcome;

import java.util.Objects;
import java.util.function.Function;

/** The outcome of a domain rule: accepted with a value, or rejected with a reason. */
public sealed interface Result<T> permits Result.Ok, Result.Rejected {

    record Ok<T>(T value) implements Result<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    record Rejected<T>(Rejection rejection) implements Result<T> {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    static <T> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Result<T> rejected(ErrorCode code, String message) {
        return new Rejected<>(new Rejection(code, message));
    }

    static <T> Result<T> rejected(Rejection rejection) {
        return new Rejected<>(rejection);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value; throws {@link IllegalStateException} naming the rejection when there is none. */
    default T orElseThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("rejected: " + ((Rejected<T>) this).rejection());
    }

    /** The rejection; throws {@link IllegalStateException} when the result is accepted. */
    default Rejection rejection() {
        if (this instanceof Rejected<T> rejected) {
            return rejected.rejection();
        }
        throw new IllegalStateException("accepted: " + ((Ok<T>) this).value());
    }

    default <U> Result<U> map(Function<T, U> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        return new Rejected<>(((Rejected<T>) this).rejection());
    }
}
