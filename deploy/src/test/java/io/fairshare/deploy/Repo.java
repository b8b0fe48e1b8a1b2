package io.fairshare.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is: Maven passes its root; run from an IDE, it is found by walking up. */
final class Repo {
    private static final Path ROOT = locate();

    private Repo() {
    }

    static Path root() {
        return ROOT;
    }

    static Path deploy() {
        return ROOT.resolve("deploy");
    }

    private static Path locate() {
        String configured = System.getProperty("fairshare.project.root");
        if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured, "deploy"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("deploy/pom.xml")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p.normalize();
            }
        }
        throw new IllegalStateException("cannot find the repository root (a directory holding deploy/pom.xml)");
    }
}
