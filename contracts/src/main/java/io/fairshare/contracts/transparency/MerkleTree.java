package io.fairshare.contracts.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 (Certificate Transparency 2.0) Merkle tree hashing over SHA-256, section 2.1:
 * <ul>
 *   <li>the hash of an empty tree is SHA-256 of the empty string;</li>
 *   <li>a leaf's hash is {@code SHA-256(0x00 || leaf bytes)};</li>
 *   <li>an interior node's is {@code SHA-256(0x01 || left || right)}, where a tree of {@code n > 1} leaves
 *       splits at {@code k}, the largest power of two smaller than {@code n}: the left subtree holds the
 *       first {@code k} leaves, the right one the rest.</li>
 * </ul>
 * Inclusion proofs (audit paths, section 2.1.3) and consistency proofs (section 2.1.4) are generated
 * from a list of leaf hashes and verified with the RFC's algorithms (sections 2.1.3.2 and 2.1.4.2),
 * which need nothing but the proof, the sizes and the roots.
 */
public final class MerkleTree {
    /** Every hash is 32 bytes (SHA-256). */
    public static final int HASH_LENGTH = 32;

    private MerkleTree() {
    }

    public static byte[] leafHash(byte[] leaf) {
        MessageDigest d = sha256();
        d.update((byte) 0x00);
        d.update(leaf);
        return d.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest d = sha256();
        d.update((byte) 0x01);
        d.update(left);
        d.update(right);
        return d.digest();
    }

    /** The largest power of two smaller than {@code n} (n &gt; 1). */
    static long split(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("only a tree of two or more leaves splits: " + n);
        }
        return Long.highestOneBit(n - 1);
    }

    /** The root of the tree over the first {@code size} of {@code leafHashes}. */
    public static byte[] root(List<byte[]> leafHashes, int size) {
        checkSize(leafHashes, size);
        if (size == 0) {
            return sha256().digest();
        }
        return subtree(leafHashes, 0, size, sha256());
    }

    public static byte[] root(List<byte[]> leafHashes) {
        return root(leafHashes, leafHashes.size());
    }

    /** The audit path of leaf {@code index} in the tree of the first {@code size} leaves, leaf side first. */
    public static List<byte[]> inclusionProof(List<byte[]> leafHashes, int index, int size) {
        return new Levels(leafHashes, size).inclusionProof(index);
    }

    /** The tree over the first {@code size} leaf hashes, every level kept: many proofs from one build. */
    public static Levels build(List<byte[]> leafHashes, int size) {
        return new Levels(leafHashes, size);
    }

    /**
     * A tree with its levels: level 0 the leaf hashes, each level above the node hashes of pairs, a
     * level's last node without a partner moved up as it is. That is RFC 9162's tree (its split
     * rule puts the complete subtrees to the left), built in one pass; proofs are then a walk up.
     */
    public static final class Levels {
        private final List<byte[][]> levels = new ArrayList<>();
        private final int size;

        Levels(List<byte[]> leafHashes, int size) {
            checkSize(leafHashes, size);
            this.size = size;
            byte[][] level = leafHashes.subList(0, size).toArray(new byte[0][]);
            levels.add(level);
            MessageDigest d = sha256();
            while (level.length > 1) {
                byte[][] up = new byte[(level.length + 1) / 2][];
                for (int i = 0; i < up.length; i++) {
                    int l = 2 * i;
                    if (l + 1 < level.length) {
                        d.reset();
                        d.update((byte) 0x01);
                        d.update(level[l]);
                        d.update(level[l + 1]);
                        up[i] = d.digest();
                    } else {
                        up[i] = level[l];
                    }
                }
                levels.add(up);
                level = up;
            }
        }

        public int size() {
            return size;
        }

        public byte[] root() {
            return size == 0 ? sha256().digest() : levels.get(levels.size() - 1)[0];
        }

        public List<byte[]> inclusionProof(int index) {
            if (index < 0 || index >= size) {
                throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
            }
            List<byte[]> path = new ArrayList<>();
            int i = index;
            for (int l = 0; l < levels.size() - 1; l++) {
                byte[][] level = levels.get(l);
                int sibling = i ^ 1;
                if (sibling < level.length) {
                    path.add(level[sibling]);
                }
                i >>= 1;
            }
            return path;
        }
    }

    /**
     * The consistency proof from the tree of the first {@code from} leaves to the tree of the first
     * {@code to} (RFC 9162 section 2.1.4.1); empty when {@code from} is 0 or equals {@code to}.
     */
    public static List<byte[]> consistencyProof(List<byte[]> leafHashes, int from, int to) {
        checkSize(leafHashes, to);
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("no consistency proof from " + from + " to " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        if (from == 0 || from == to) {
            return proof;
        }
        subproof(leafHashes, from, 0, to, true, proof, sha256());
        return proof;
    }

    private static void subproof(List<byte[]> leaves, int m, int lo, int hi, boolean complete, List<byte[]> out, MessageDigest d) {
        int n = hi - lo;
        if (m == n) {
            if (!complete) {
                out.add(subtree(leaves, lo, hi, d));
            }
            return;
        }
        int k = (int) split(n);
        if (m <= k) {
            subproof(leaves, m, lo, lo + k, complete, out, d);
            out.add(subtree(leaves, lo + k, hi, d));
        } else {
            subproof(leaves, m - k, lo + k, hi, false, out, d);
            out.add(subtree(leaves, lo, lo + k, d));
        }
    }

    /** RFC 9162 section 2.1.3.2: whether {@code path} proves leaf {@code index} of {@code size} under {@code root}. */
    public static boolean verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size || !isHash(leafHash) || !isHash(root) || path == null) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        MessageDigest d = sha256();
        for (byte[] p : path) {
            if (!isHash(p) || sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(d, p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = node(d, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * RFC 9162 section 2.1.4.2: whether {@code proof} shows that the tree of {@code from} leaves with
     * root {@code fromRoot} is a prefix of the tree of {@code to} leaves with root {@code toRoot}.
     * From size 0 every tree is consistent (with an empty proof); equal sizes need equal roots.
     */
    public static boolean verifyConsistency(long from, long to, byte[] fromRoot, byte[] toRoot, List<byte[]> proof) {
        if (from < 0 || from > to || !isHash(fromRoot) || !isHash(toRoot) || proof == null) {
            return false;
        }
        for (byte[] p : proof) {
            if (!isHash(p)) {
                return false;
            }
        }
        if (from == 0) {
            return proof.isEmpty();
        }
        if (from == to) {
            return proof.isEmpty() && MessageDigest.isEqual(fromRoot, toRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = proof;
        if (Long.bitCount(from) == 1) {
            // from is a power of two: its root is the first node of the path.
            List<byte[]> withRoot = new ArrayList<>(proof.size() + 1);
            withRoot.add(fromRoot);
            withRoot.addAll(proof);
            path = withRoot;
        }
        long fn = from - 1;
        long sn = to - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (int i = 1; i < path.size(); i++) {
            byte[] c = path.get(i);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return MessageDigest.isEqual(fr, fromRoot) && MessageDigest.isEqual(sr, toRoot) && sn == 0;
    }

    static byte[] node(MessageDigest d, byte[] left, byte[] right) {
        d.reset();
        d.update((byte) 0x01);
        d.update(left);
        d.update(right);
        return d.digest();
    }

    private static byte[] subtree(List<byte[]> leaves, int lo, int hi, MessageDigest d) {
        int n = hi - lo;
        if (n == 1) {
            return leaves.get(lo);
        }
        int k = (int) split(n);
        byte[] left = subtree(leaves, lo, lo + k, d);
        byte[] right = subtree(leaves, lo + k, hi, d);
        d.reset();
        d.update((byte) 0x01);
        d.update(left);
        d.update(right);
        return d.digest();
    }

    private static void checkSize(List<byte[]> leaves, int size) {
        if (size < 0 || size > leaves.size()) {
            throw new IllegalArgumentException("a tree of " + size + " leaves from " + leaves.size() + " leaf hashes");
        }
    }

    private static boolean isHash(byte[] h) {
        return h != null && h.length == HASH_LENGTH;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
