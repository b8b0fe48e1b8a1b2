package io.fairshare.servers;

/** A server did not start (or did not become ready); the message carries the tail of its log. */
public class ServerStartException extends RuntimeException {
    public ServerStartException(String message) {
        super(message);
    }

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
