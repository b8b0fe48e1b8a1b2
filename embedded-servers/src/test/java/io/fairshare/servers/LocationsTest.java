package io.fairshare.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocationsTest {
    @TempDir
    Path temp;

    @Test
    void missingBrokerJarsAreReportedWithEveryPlaceLookedAtAndTheCommandThatCreatesThem() {
        Path nowhere = temp.resolve("nowhere");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Locations.kafkaLibs(nowhere.toString(), null, temp));
        assertTrue(e.getMessage().contains(nowhere + " (system property fairshare.kafka.libs)"), e.getMessage());
        assertTrue(e.getMessage().contains("kafka-dist/target/kafka-libs in " + temp), e.getMessage());
        assertTrue(e.getMessage().contains("./mvnw -B -q -f kafka-dist/pom.xml generate-resources"), e.getMessage());
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironmentAndTheSearch() throws Exception {
        Path a = Files.createDirectories(temp.resolve("a"));
        Path b = Files.createDirectories(temp.resolve("b"));
        Files.createFile(a.resolve("kafka_2.13-4.3.1.jar"));
        Files.createFile(b.resolve("kafka_2.13-4.3.1.jar"));
        assertEquals(a, Locations.kafkaLibs(a.toString(), b.toString(), temp));
        assertEquals(b, Locations.kafkaLibs(null, b.toString(), temp));
    }

    @Test
    void theJarsAreFoundInAParentOfTheWorkingDirectory() throws Exception {
        Path libs = Files.createDirectories(temp.resolve("checkout/kafka-dist/target/kafka-libs"));
        Files.createFile(libs.resolve("kafka_2.13-4.3.1.jar"));
        Path module = Files.createDirectories(temp.resolve("checkout/settlement/src"));
        assertEquals(libs, Locations.kafkaLibs(null, null, module));
    }
}
