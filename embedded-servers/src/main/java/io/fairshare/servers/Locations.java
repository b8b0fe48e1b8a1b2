package io.fairshare.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where the Kafka broker's jars and the Fairshare checkout are. */
public final class Locations {
    /** System property with the directory of the Kafka broker jars (set by the root pom's surefire config). */
    public static final String KAFKA_LIBS_PROPERTY = "fairshare.kafka.libs";
    /** Environment variable with the directory of the Kafka broker jars. */
    public static final String KAFKA_LIBS_ENV = "FAIRSHARE_KAFKA_LIBS";
    /** System property (or, upper-cased, environment variable) naming the checkout's root directory. */
    public static final String PROJECT_ROOT_PROPERTY = "fairshare.project.root";
    public static final String PROJECT_ROOT_ENV = "FAIRSHARE_PROJECT_ROOT";
    /** The command that creates the broker jars directory, from the checkout's root. */
    public static final String KAFKA_LIBS_COMMAND = "./mvnw -B -q -f kafka-dist/pom.xml generate-resources";

    private static final String KAFKA_LIBS_RELATIVE = "kafka-dist/target/kafka-libs";

    private Locations() {
    }

    /**
     * The directory with the Kafka broker's jars: the system property {@value #KAFKA_LIBS_PROPERTY},
     * else the environment variable {@value #KAFKA_LIBS_ENV}, else {@code kafka-dist/target/kafka-libs}
     * in the working directory or one of its parents.
     *
     * @throws IllegalStateException naming every place looked at and the command that creates the jars
     */
    public static Path kafkaLibs() {
        return kafkaLibs(System.getProperty(KAFKA_LIBS_PROPERTY), System.getenv(KAFKA_LIBS_ENV), Path.of(""));
    }

    static Path kafkaLibs(String property, String env, Path workingDir) {
        List<String> looked = new ArrayList<>();
        for (String[] source : new String[][] {
                {"system property " + KAFKA_LIBS_PROPERTY, property},
                {"environment variable " + KAFKA_LIBS_ENV, env}}) {
            if (source[1] != null && !source[1].isBlank()) {
                Path dir = Path.of(source[1].trim()).toAbsolutePath().normalize();
                if (hasBrokerJar(dir)) {
                    return dir;
                }
                looked.add(dir + " (" + source[0] + ")");
            }
        }
        Path cwd = workingDir.toAbsolutePath();
        Optional<Path> found = findUpward(cwd, KAFKA_LIBS_RELATIVE);
        if (found.isPresent() && hasBrokerJar(found.get())) {
            return found.get();
        }
        looked.add(KAFKA_LIBS_RELATIVE + " in " + cwd + " and its parents");
        throw new IllegalStateException("The Kafka broker jars were not found. Looked at: " + String.join("; ", looked)
                + ". Create them from the checkout's root with: " + KAFKA_LIBS_COMMAND);
    }

    /** Whether the directory holds a {@code kafka_2.13-*.jar}. */
    static boolean hasBrokerJar(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "kafka_2.13-*.jar")) {
            return jars.iterator().hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The Fairshare checkout's root: the system property {@value #PROJECT_ROOT_PROPERTY}, else the
     * environment variable {@value #PROJECT_ROOT_ENV}, else the nearest directory, from the working
     * directory upward, that contains {@code kafka-dist/pom.xml}.
     */
    public static Optional<Path> projectRoot() {
        Optional<String> given = Settings.first(PROJECT_ROOT_PROPERTY, PROJECT_ROOT_ENV);
        if (given.isPresent()) {
            return Optional.of(Path.of(given.get()).toAbsolutePath().normalize());
        }
        return findUpward(Path.of("").toAbsolutePath(), "kafka-dist/pom.xml").map(p -> p.getParent().getParent());
    }

    /** {@code start/relative} for the first of start and its parents where that exists. */
    static Optional<Path> findUpward(Path start, String relative) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
