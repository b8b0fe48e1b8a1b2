package io.fairshare.contracts.transparency;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of an RFC 9162 Merkle tree (its compact range from leaf 0): the roots of the perfect subtrees that
 * the tree's {@code size} leaves decompose into, one per set bit of {@code size}, largest (leftmost) first. It is all
 * that appending leaves and computing the new root need: an append of {@code k} leaves costs {@code k} leaf steps
 * and at most {@code k + log2(size)} node hashes, and never reads earlier leaves. The root it gives is the one
 * {@link MerkleTree#root} computes over all leaves.
 */
public final class CompactRange {
    private final long size;
    private final List<byte[]> hashes;

    private CompactRange(long size, List<byte[]> hashes) {
        this.size = size;
        this.hashes = List.copyOf(hashes);
    }

    /** The range of the empty tree. */
    public static CompactRange empty() {
        return new CompactRange(0, List.of());
    }

    /** A stored range: {@code hashes} are its subtree roots, largest first, one per set bit of {@code size}. */
    public static CompactRange of(long size, List<byte[]> hashes) {
        if (size < 0 || hashes.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + Long.bitCount(Math.max(size, 0))
                    + " subtree roots on its right edge, not " + hashes.size());
        }
        for (byte[] h : hashes) {
            if (h == null || h.length != MerkleTree.HASH_LENGTH) {
                throw new IllegalArgumentException("a subtree root is a 32-byte hash");
            }
        }
        return new CompactRange(size, hashes);
    }

    /** The range of the tree over {@code leafHashes}. */
    public static CompactRange over(List<byte[]> leafHashes) {
        return empty().append(leafHashes);
    }

    /** The range after {@code leafHashes} are appended (this one is unchanged). */
    public CompactRange append(List<byte[]> leafHashes) {
        List<byte[]> stack = new ArrayList<>(hashes);
        MessageDigest d = MerkleTree.sha256();
        long n = size;
        for (byte[] leaf : leafHashes) {
            stack.add(leaf);
            // each trailing 1 bit of the old size is a perfect subtree of the new leaf's size: merge them
            for (long t = n; (t & 1) == 1; t >>= 1) {
                byte[] right = stack.remove(stack.size() - 1);
                byte[] left = stack.remove(stack.size() - 1);
                stack.add(MerkleTree.node(d, left, right));
            }
            n++;
        }
        return new CompactRange(n, stack);
    }

    public long size() {
        return size;
    }

    /** The subtree roots, largest (leftmost) first. */
    public List<byte[]> hashes() {
        return hashes;
    }

    /** The tree's root: the subtree roots folded from the right (RFC 9162's split puts the perfect subtrees left). */
    public byte[] root() {
        MessageDigest d = MerkleTree.sha256();
        if (hashes.isEmpty()) {
            return d.digest();
        }
        byte[] acc = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            acc = MerkleTree.node(d, hashes.get(i), acc);
        }
        return acc;
    }
}
