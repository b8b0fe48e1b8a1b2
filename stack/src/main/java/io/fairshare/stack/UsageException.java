package io.fairshare.stack;

/** Bad command-line arguments; the message says what is wrong. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
