package io.fairshare.contracts.transparency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The right edge gives the root that the full recomputation gives, however the leaves were appended. */
class CompactRangeTest {
    private static List<byte[]> leaves(int n, long seed) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(MerkleTree.leafHash(ByteBuffer.allocate(16).putLong(seed).putLong(i).array()));
        }
        return out;
    }

    @Test
    void everySizeFromOneTo300HasTheRootOfTheFullTree() {
        List<byte[]> all = leaves(300, 1);
        CompactRange range = CompactRange.empty();
        assertArrayEquals(MerkleTree.root(all, 0), range.root());
        for (int n = 1; n <= 300; n++) {
            range = range.append(all.subList(n - 1, n));
            assertEquals(n, range.size());
            assertEquals(Long.bitCount(n), range.hashes().size());
            assertArrayEquals(MerkleTree.root(all, n), range.root(), "size " + n);
            assertArrayEquals(MerkleTree.root(all, n), CompactRange.over(all.subList(0, n)).root(), "size " + n + " in one append");
        }
    }

    @Test
    void randomAppendsFromAStoredRangeHaveTheRootOfTheFullTree() {
        Random random = new Random(14);
        for (int run = 0; run < 50; run++) {
            List<byte[]> all = leaves(300 + random.nextInt(700), run);
            CompactRange range = CompactRange.empty();
            int at = 0;
            while (at < all.size()) {
                int k = Math.min(all.size() - at, random.nextInt(40)); // 0 too: a period without lines
                // as a close does: the range read back from storage, then this period's leaves appended
                range = CompactRange.of(range.size(), range.hashes()).append(all.subList(at, at + k));
                at += k;
                assertArrayEquals(MerkleTree.root(all, at), range.root(), "run " + run + ", size " + at);
            }
        }
    }

    @Test
    void aStoredRangeMustHaveOneRootPerSetBit() {
        CompactRange five = CompactRange.over(leaves(5, 3));
        assertThrows(IllegalArgumentException.class, () -> CompactRange.of(7, five.hashes()));
        assertThrows(IllegalArgumentException.class, () -> CompactRange.of(5, List.of(new byte[31], new byte[32])));
        assertArrayEquals(five.root(), CompactRange.of(5, five.hashes()).root());
    }
}
