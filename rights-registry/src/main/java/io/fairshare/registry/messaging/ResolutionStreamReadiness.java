package io.fairshare.registry.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** DOWN once the resolution stream has stopped on its own (an unreadable accepted record, an unexpected error). */
@Readiness
@ApplicationScoped
public class ResolutionStreamReadiness implements HealthCheck {
    private final ResolutionStream stream;

    public ResolutionStreamReadiness(ResolutionStream stream) {
        this.stream = stream;
    }

    @Override
    public HealthCheckResponse call() {
        String failure = stream.failure();
        if (failure != null) {
            return HealthCheckResponse.named("resolution-stream").down().withData("error", failure).build();
        }
        if (!stream.isRunning()) {
            return HealthCheckResponse.named("resolution-stream").down().withData("error", "not running").build();
        }
        return HealthCheckResponse.named("resolution-stream").up().build();
    }
}
