package io.fairshare.ingest.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the Kafka cluster answers and the producer knows the accepted topic: ingest cannot accept anything without them. */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {
    private final Admin admin;
    private final AcceptedUsagePublisher publisher;

    public KafkaReadiness(@Identifier("default-kafka-broker") Map<String, Object> kafka, AcceptedUsagePublisher publisher) {
        this.publisher = publisher;
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "usage-ingest-health");
        this.admin = Admin.create(props);
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes().get(4, TimeUnit.SECONDS).size();
            if (!publisher.knowsTopic()) {
                return HealthCheckResponse.named("kafka").down().withData("nodes", nodes)
                        .withData("error", "no metadata for the accepted topic yet").build();
            }
            return HealthCheckResponse.named("kafka").up().withData("nodes", nodes).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
