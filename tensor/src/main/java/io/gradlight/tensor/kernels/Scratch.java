package io.gradlight.tensor.kernels;

import java.util.Arrays;

/**
 * Per-thread working arrays for the kernels' temporaries: packed GEMM operands, tile buffers,
 * padded images. Each {@link Use} is one array per thread, grown to the largest size asked for and
 * handed out again on the next call, with whatever the last call left in it.
 *
 * <p>Why: a new Java array is zeroed as it is allocated, and while the heap grows every fresh
 * page faults in at about 16 us on these VMs. ResNet-18's forward at batch 1 allocated 95 MB a
 * call, half of it packed weights, and a process whose young generation was still growing ran
 * a 1024 GEMM at 25 GFLOP/s instead of 110.
 *
 * <p>The contract, which every caller keeps: an array from {@link #floats} holds stale values,
 * so a caller writes every element it reads (a padded image zeroes its border, col2im its plane),
 * or reads stale elements only into results it never stores (the lanes of a packed panel past the
 * operand's edge). Two frames of one thread never hold the same use at once: each use belongs to
 * one step of the kernels (see the constants), nested parallel loops run inline, and a thread runs
 * the tasks of a loop one after another.
 */
final class Scratch {
  private Scratch() {}

  /** What an array is for; one array per use and thread. */
  enum Use {
    /** The A operand of a GEMM, packed by its caller: weights, gradients, positions. */
    PACKED_A,
    /** The B operand of a GEMM, packed up front when several block rows share it. */
    PACKED_B,
    /** A block's B panels, packed by the block itself (a whole depth, or one pass of it). */
    BLOCK_B,
    /** A block's accumulators, in whole tiles. */
    BLOCK_TILES,
    /** One tile on the edge of C. */
    EDGE_TILE,
    /** One zero-padded input image. */
    IMAGE,
    /** Several zero-padded input images side by side. */
    IMAGES,
    /** An im2col matrix (or its transpose) on its way to col2im. */
    COLUMNS,
    /** One zero-padded plane of col2im. */
    PLANE,
    /** A product with the positions as rows, on its way to NCHW. */
    TRANSPOSED,
    /** One channel's padded plane split into even and odd columns, for Winograd tiles. */
    WINOGRAD_SPLIT,
    /** An image's Winograd-transformed input tiles: 16 matrices of channels x tiles. */
    WINOGRAD_INPUT,
    /** An image's 16 Winograd products: output channels x tiles each. */
    WINOGRAD_PRODUCT
  }

  /**
   * Arrays larger than this many floats (16 MB) are not kept: a one-off huge product should not
   * pin its buffers for the life of the thread. ResNet-18's largest, its packed 512 x 4608 weights,
   * is 2.4 M floats.
   */
  static final int LARGEST_KEPT = 1 << 22;

  private static final ThreadLocal<float[][]> ARRAYS =
      ThreadLocal.withInitial(() -> new float[Use.values().length][]);

  /**
   * Gives every use of the calling thread an array of {@code size} NaNs. For tests: with one
   * thread, a kernel that lets a stale value into a result then shows it.
   */
  static void poison(int size) {
    float[][] arrays = ARRAYS.get();
    for (int u = 0; u < arrays.length; u++) {
      arrays[u] = new float[size];
      Arrays.fill(arrays[u], Float.NaN);
    }
  }

  /** An array of at least {@code size} floats for {@code use}, holding stale values. */
  static float[] floats(Use use, int size) {
    if (size > LARGEST_KEPT) {
      return new float[size];
    }
    float[][] arrays = ARRAYS.get();
    float[] array = arrays[use.ordinal()];
    if (array == null || array.length < size) {
      array = new float[size];
      arrays[use.ordinal()] = array;
    }
    return array;
  }
}
