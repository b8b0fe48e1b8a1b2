package io.fairshare.contracts.transparency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 9162 hashing against the Certificate Transparency reference vectors (the leaves and roots of
 * RFC 6962's test data as published with the CT and transparency-dev code: facts, not code), and the
 * proofs of every tree of 1..64 leaves.
 */
class MerkleTreeTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final List<String> CT_LEAVES = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");
    private static final List<String> CT_ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private static List<byte[]> ctLeafHashes() {
        return CT_LEAVES.stream().map(h -> MerkleTree.leafHash(HEX.parseHex(h))).toList();
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    private static List<byte[]> unhex(String... hashes) {
        return java.util.Arrays.stream(hashes).map(HEX::parseHex).toList();
    }

    @Test
    void theRootsOfTheReferenceTreesAreTheCertificateTransparencyOnes() {
        List<byte[]> leaves = ctLeafHashes();
        for (int n = 0; n <= leaves.size(); n++) {
            assertEquals(CT_ROOTS.get(n), HEX.formatHex(MerkleTree.root(leaves, n)), "size " + n);
            assertEquals(CT_ROOTS.get(n), HEX.formatHex(MerkleTree.build(leaves, n).root()), "size " + n + ", built by levels");
        }
    }

    @Test
    void theReferenceInclusionProofsAreProducedAndVerify() {
        List<byte[]> leaves = ctLeafHashes();
        byte[] root8 = HEX.parseHex(CT_ROOTS.get(8));
        List<byte[]> path0 = unhex("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        List<byte[]> path5 = unhex("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertEquals(hex(path0), hex(MerkleTree.inclusionProof(leaves, 0, 8)));
        assertEquals(hex(path5), hex(MerkleTree.inclusionProof(leaves, 5, 8)));
        assertTrue(MerkleTree.verifyInclusion(leaves.get(0), 0, 8, path0, root8));
        assertTrue(MerkleTree.verifyInclusion(leaves.get(5), 5, 8, path5, root8));
        assertFalse(MerkleTree.verifyInclusion(leaves.get(5), 4, 8, path5, root8));
    }

    @Test
    void theReferenceConsistencyProofsAreProducedAndVerify() {
        List<byte[]> leaves = ctLeafHashes();
        List<byte[]> p28 = unhex("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        List<byte[]> p68 = unhex("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        List<byte[]> p25 = unhex("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertEquals(hex(p28), hex(MerkleTree.consistencyProof(leaves, 2, 8)));
        assertEquals(hex(p68), hex(MerkleTree.consistencyProof(leaves, 6, 8)));
        assertEquals(hex(p25), hex(MerkleTree.consistencyProof(leaves, 2, 5)));
        assertTrue(MerkleTree.verifyConsistency(2, 8, HEX.parseHex(CT_ROOTS.get(2)), HEX.parseHex(CT_ROOTS.get(8)), p28));
        assertTrue(MerkleTree.verifyConsistency(6, 8, HEX.parseHex(CT_ROOTS.get(6)), HEX.parseHex(CT_ROOTS.get(8)), p68));
        assertTrue(MerkleTree.verifyConsistency(2, 5, HEX.parseHex(CT_ROOTS.get(2)), HEX.parseHex(CT_ROOTS.get(5)), p25));
        assertFalse(MerkleTree.verifyConsistency(2, 8, HEX.parseHex(CT_ROOTS.get(3)), HEX.parseHex(CT_ROOTS.get(8)), p28));
    }

    @Test
    void theSplitIsTheLargestPowerOfTwoSmallerThanTheSize() {
        long[][] cases = {{2, 1}, {3, 2}, {4, 2}, {5, 4}, {7, 4}, {8, 4}, {9, 8}, {1000, 512}, {1L << 40, 1L << 39}};
        for (long[] c : cases) {
            assertEquals(c[1], MerkleTree.split(c[0]), "split of " + c[0]);
        }
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i * 7), 42}));
        }
        return out;
    }

    @Test
    void everyInclusionProofOfEveryTreeOfOneToSixtyFourLeavesVerifiesAndAMangledOneDoesNot() {
        List<byte[]> all = leaves(64);
        int checked = 0;
        for (int n = 1; n <= 64; n++) {
            byte[] root = MerkleTree.root(all, n);
            MerkleTree.Levels tree = MerkleTree.build(all, n);
            assertArrayEquals(root, tree.root(), "size " + n);
            for (int i = 0; i < n; i++) {
                List<byte[]> path = tree.inclusionProof(i);
                assertTrue(MerkleTree.verifyInclusion(all.get(i), i, n, path, root), i + " of " + n);
                checked++;
                byte[] otherLeaf = all.get((i + 1) % 64);
                assertFalse(MerkleTree.verifyInclusion(otherLeaf, i, n, path, root), "another leaf at " + i + " of " + n);
                if (n > 1) {
                    assertFalse(MerkleTree.verifyInclusion(all.get(i), (i + 1) % n, n, path, root), "another index " + i + " of " + n);
                    assertFalse(MerkleTree.verifyInclusion(all.get(i), i, n, path.subList(0, path.size() - 1), root), "short " + i + "/" + n);
                    List<byte[]> flipped = new ArrayList<>(path);
                    byte[] h = flipped.get(0).clone();
                    h[7] ^= 1;
                    flipped.set(0, h);
                    assertFalse(MerkleTree.verifyInclusion(all.get(i), i, n, flipped, root), "flipped " + i + "/" + n);
                }
                List<byte[]> longer = new ArrayList<>(path);
                longer.add(new byte[32]);
                assertFalse(MerkleTree.verifyInclusion(all.get(i), i, n, longer, root), "long " + i + "/" + n);
            }
        }
        assertEquals(64 * 65 / 2, checked);
    }

    @Test
    void everyConsistencyProofBetweenTreesOfUpToSixtyFourLeavesVerifiesAndAMangledOneDoesNot() {
        List<byte[]> all = leaves(64);
        for (int to = 1; to <= 64; to++) {
            byte[] toRoot = MerkleTree.root(all, to);
            for (int from = 1; from <= to; from++) {
                byte[] fromRoot = MerkleTree.root(all, from);
                List<byte[]> proof = MerkleTree.consistencyProof(all, from, to);
                assertTrue(MerkleTree.verifyConsistency(from, to, fromRoot, toRoot, proof), from + " -> " + to);
                if (from < to) {
                    assertFalse(MerkleTree.verifyConsistency(from, to, toRoot, toRoot, proof), "wrong old root " + from + " -> " + to);
                    assertFalse(MerkleTree.verifyConsistency(from, to, fromRoot, fromRoot, proof), "wrong new root " + from + " -> " + to);
                    assertFalse(MerkleTree.verifyConsistency(from, to, fromRoot, toRoot, proof.subList(0, proof.size() - 1)),
                            "short " + from + " -> " + to);
                    List<byte[]> flipped = new ArrayList<>(proof);
                    byte[] h = flipped.get(flipped.size() - 1).clone();
                    h[3] ^= (byte) 0x80;
                    flipped.set(flipped.size() - 1, h);
                    assertFalse(MerkleTree.verifyConsistency(from, to, fromRoot, toRoot, flipped), "flipped " + from + " -> " + to);
                    if (proof.size() > 1) {
                        List<byte[]> swapped = new ArrayList<>(proof);
                        Collections.swap(swapped, 0, 1);
                        assertFalse(MerkleTree.verifyConsistency(from, to, fromRoot, toRoot, swapped), "swapped " + from + " -> " + to);
                    }
                }
            }
            assertTrue(MerkleTree.verifyConsistency(0, to, MerkleTree.root(all, 0), toRoot, List.of()));
        }
    }

    @Test
    void aChangedLeafChangesTheRoot() {
        List<byte[]> all = new ArrayList<>(leaves(37));
        byte[] before = MerkleTree.root(all);
        all.set(20, MerkleTree.leafHash(new byte[] {1}));
        assertFalse(java.util.Arrays.equals(before, MerkleTree.root(all)));
    }
}
