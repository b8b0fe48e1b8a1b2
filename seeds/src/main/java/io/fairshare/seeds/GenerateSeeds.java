package io.fairshare.seeds;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Regenerates {@code seeds/data/} from {@link SeedSpec#demo()}:
 * {@code java -cp seeds/target/classes:seeds/target/lib/* io.fairshare.seeds.GenerateSeeds [dir]} (default
 * {@code seeds/data}, relative to the working directory, normally the repository root).
 */
public final class GenerateSeeds {
    private GenerateSeeds() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "seeds/data");
        SeedSet set = SeedGenerator.generate(SeedSpec.demo());
        SeedFiles.write(set, dir);
        long total = 0;
        for (String f : SeedFiles.ALL) {
            long size = Files.size(dir.resolve(f));
            total += size;
            System.out.printf("%-24s %,12d bytes%n", f, size);
        }
        System.out.printf("%d works (%d CSV, %d CWR), %d parties, %d licences, %d reservations; %,d bytes in %s%n",
                set.works().size(), set.csvWorks().size(), set.cwrWorks().size(), set.parties().size(),
                set.licences().size(), set.reservations().size(), total, dir.toAbsolutePath().normalize());
    }
}
