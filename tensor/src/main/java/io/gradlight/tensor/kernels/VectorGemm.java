package io.gradlight.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * SGEMM on the Vector API, {@code C = op(A) op(B)} (or {@code C +=}), in the classic
 * Goto/BLIS structure:
 *
 * <ol>
 *   <li>pack op(A) into panels of {@link #MR} rows and op(B) into panels of {@link #NR} columns,
 *       each stored k-major, so the micro-kernel reads both with unit stride whatever the
 *       transposes (this is the only place transposes are handled);
 *   <li>cut C into blocks of at most {@link #MC} x {@link #NC}, one task each;
 *   <li>in a block, walk k in passes of at most {@link #KC}, and for each B micro-panel (kept in
 *       L1) run the register-blocked {@code MR x NR} micro-kernel over every A micro-panel of the
 *       block (kept in L2).
 * </ol>
 *
 * <p>FMA policy: always fused. Each element of C is the float chain {@code c = fma(a_p, b_p, c)}
 * over p = 0..k-1 in order (starting from 0, or from C when accumulating), whatever the blocks,
 * tasks and passes: so results are identical for every thread count.
 */
final class VectorGemm {
  private VectorGemm() {}

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = S.length();

  /**
   * Rows of the micro-kernel. 4 x 2 accumulators + 2 B vectors + 1 broadcast = 11 registers: C2
   * spills with 12 accumulators (6 x 16 ran at 40% of peak here, 4 x 16 at 95% from L1).
   */
  static final int MR = 4;
  /** Columns of the micro-kernel: two vectors. */
  static final int NR = 2 * LANES;
  /** Largest depth of a pass: an NR x KC panel of B (16 KB with 8 lanes) stays in the 32 KB L1. */
  static final int KC = 256;
  /** Rows of a task block: an MC x KC block of A (96 KB) stays in L2. */
  static final int MC = 24 * MR;
  /** Columns of a task block: with MC, a block's tile buffer (96 KB) also stays in L2. */
  static final int NC = 16 * NR;

  /**
   * Products with at most this many rows start from one block row rather than blocks of MC: a
   * pass of A this tall (256 KB) still fits L2, and with one block row each block packs its B
   * in cache (see {@link #multiply}). A 128-channel convolution, cut 96 + 32, ran 20% slower.
   */
  static final int WHOLE_ROWS = 256;

  /** Multiply-adds below which a product runs as one task: forking costs more than it saves. */
  private static final long SERIAL_WORK = 1L << 20;
  /** Blocks to aim for when the work is large: enough for two cores to balance within ~10%. */
  static final int TARGET_BLOCKS = 12;

  /**
   * Writes rows {@code [p0, p0 + kc)} of panel {@code panel} of an operand, k-major: element
   * (p, w) of the panel, for {@code w < width}, goes to {@code dst[at + (p - p0) width + w]}.
   * Rows or columns past the edge of the operand are not written: they keep whatever the
   * {@link Scratch} array held, and their products land only in lanes of a tile that are never
   * stored.
   */
  @FunctionalInterface
  interface PanelPacker {
    void pack(int panel, int p0, int kc, float[] dst, int at);
  }

  /** {@code C (+)= op(A) op(B)}; fewer than MR rows go to {@link VectorGemv}. */
  static void gemm(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
    if (m < MR) {
      VectorGemv.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
    } else {
      multiply(m, n, k, packA(transA, m, k, a, aOff), packerB(transB, n, k, b, bOff), c, cOff,
          accumulate);
    }
  }

  /** op(A) in panels of MR rows: {@code dst[p MR + r] = op(A)[panel MR + r][p]}. */
  static float[] packA(boolean transA, int m, int k, float[] a, int aOff) {
    return pack(panels(m, MR), MR, k, packerA(transA, m, k, a, aOff));
  }

  /** Packs op(A) in panels of MR rows: {@code dst[p MR + r] = op(A)[panel MR + r][p]}. */
  static PanelPacker packerA(boolean transA, int m, int k, float[] a, int aOff) {
    return (panel, p0, kc, dst, at) -> {
      int rows = Math.min(MR, m - panel * MR);
      if (transA && rows == MR) { // A is stored k x m: the panel's MR values of one p are
        // contiguous; copied one by one, since an arraycopy call per MR floats costs more
        int src = aOff + p0 * m + panel * MR;
        for (int p = 0; p < kc; p++, src += m) {
          for (int r = 0; r < MR; r++) {
            dst[at + p * MR + r] = a[src + r];
          }
        }
      } else if (transA) {
        for (int p = 0; p < kc; p++) {
          System.arraycopy(a, aOff + (p0 + p) * m + panel * MR, dst, at + p * MR, rows);
        }
      } else if (rows == MR) { // read the MR rows of A side by side, write contiguously
        int src = aOff + panel * MR * k + p0;
        for (int p = 0; p < kc; p++) {
          for (int r = 0; r < MR; r++) {
            dst[at + p * MR + r] = a[src + r * k + p];
          }
        }
      } else {
        for (int r = 0; r < rows; r++) {
          int src = aOff + (panel * MR + r) * k + p0;
          for (int p = 0; p < kc; p++) {
            dst[at + p * MR + r] = a[src + p];
          }
        }
      }
    };
  }

  /** Packs op(B) in panels of NR columns: {@code dst[p NR + j] = op(B)[p][panel NR + j]}. */
  static PanelPacker packerB(boolean transB, int n, int k, float[] b, int bOff) {
    return packerB(transB, n, k, b, bOff, transB ? k : n);
  }

  /** {@link #packerB(boolean, int, int, float[], int)} for B stored with rows {@code ldb} apart. */
  static PanelPacker packerB(boolean transB, int n, int k, float[] b, int bOff, int ldb) {
    return (panel, p0, kc, dst, at) -> {
      int cols = Math.min(NR, n - panel * NR);
      if (transB) { // B is stored n x k: read each row sequentially, write with stride NR
        for (int j = 0; j < cols; j++) {
          int src = bOff + (panel * NR + j) * ldb + p0;
          for (int p = 0; p < kc; p++) {
            dst[at + p * NR + j] = b[src + p];
          }
        }
      } else if (cols == NR) { // a vector copy per half row: arraycopy's call costs more here
        for (int p = 0; p < kc; p++) {
          int src = bOff + (p0 + p) * ldb + panel * NR;
          FloatVector.fromArray(S, b, src).intoArray(dst, at + p * NR);
          FloatVector.fromArray(S, b, src + LANES).intoArray(dst, at + p * NR + LANES);
        }
      } else {
        for (int p = 0; p < kc; p++) {
          System.arraycopy(b, bOff + (p0 + p) * ldb + panel * NR, dst, at + p * NR, cols);
        }
      }
    };
  }

  /** The number of panels of {@code width} that cover {@code size} rows or columns. */
  static int panels(int size, int width) {
    return (size + width - 1) / width;
  }

  /**
   * Packs all panels of an A operand over the whole depth k, in parallel, into this thread's
   * {@link Scratch.Use#PACKED_A} array, valid until the thread packs its next A.
   */
  static float[] pack(int panels, int width, int k, PanelPacker packer) {
    return pack(Scratch.Use.PACKED_A, panels, width, k, packer);
  }

  /** Packs all panels of an operand over the whole depth k, in parallel, into {@code use}. */
  private static float[] pack(Scratch.Use use, int panels, int width, int k, PanelPacker packer) {
    float[] packed = Scratch.floats(use, panels * width * k);
    int grain = Math.max(1, (1 << 16) / Math.max(1, width * k));
    Parallel.forRange(panels, grain, (from, to) -> {
      for (int panel = from; panel < to; panel++) {
        packer.pack(panel, 0, k, packed, panel * width * k);
      }
    });
    return packed;
  }

  /**
   * {@code C (+)= A B}, A packed, B packed by {@code packerB}, C {@code m x n} row-major at
   * {@code c[cOff]}. The blocks are cut by the sizes alone, and their cut never changes a result
   * (see the class comment), so it is tuned for speed only: at least {@link #TARGET_BLOCKS} blocks
   * when the work is large.
   *
   * <p>With one block row, each block packs its own B panels pass by pass into a buffer that stays
   * in L2: B is then packed exactly once and never round-trips through memory (for a convolution
   * B is the im2col matrix, 9 times the image). With several block rows, B is packed once up front
   * and shared, rather than once per block row.
   */
  static void multiply(int m, int n, int k, float[] packedA, PanelPacker packerB,
      float[] c, int cOff, boolean accumulate) {
    multiply(m, n, k, packedA, packerB, c, cOff, accumulate, TARGET_BLOCKS);
  }

  /**
   * {@link #multiply(int, int, int, float[], PanelPacker, float[], int, boolean)} cutting a large
   * product into at least {@code targetBlocks} blocks (smaller than the cache-sized ones if need
   * be). A caller that already runs several products in parallel passes 1: small blocks only cost.
   */
  static void multiply(int m, int n, int k, float[] packedA, PanelPacker packerB,
      float[] c, int cOff, boolean accumulate, int targetBlocks) {
    int mc = m <= WHOLE_ROWS ? panels(m, MR) * MR : MC;
    int nc = NC;
    if ((long) m * n * k > SERIAL_WORK) {
      // every column block reads all of A (m x k) and every row block all of B (k x n): with R
      // row and C column blocks that is C m k + R n k floats, so each cut goes where it adds
      // less (a 512 x 4608 weight matrix read four times cost more than the multiply-adds in
      // ResNet-18's last convolution; cutting only rows, a 256 x 196 product read its B 16
      // times). The first row cut also costs a pass that packs all of B: one block row packs
      // B in cache (see above).
      while (panels(m, mc) * panels(n, nc) < targetBlocks && (mc > MR || nc > NR)) {
        int rowBlocks = panels(m, mc);
        long rowCut = (long) (rowBlocks == 1 ? 2 : rowBlocks) * n;
        boolean rowsCheaper = rowCut < (long) panels(n, nc) * m;
        if (nc == NR || (rowsCheaper && mc > MR)) {
          mc = Math.max(MR, mc / 2 / MR * MR);
        } else {
          nc = Math.max(NR, nc / 2 / NR * NR);
        }
      }
    } else {
      mc = Math.max(MR, panels(m, MR) * MR);
      nc = Math.max(NR, panels(n, NR) * NR);
    }
    int rowBlock = mc;
    int colBlock = nc;
    int colBlocks = panels(n, colBlock);
    int rowBlocks = panels(m, rowBlock);
    float[] packedB =
        rowBlocks > 1 ? pack(Scratch.Use.PACKED_B, panels(n, NR), NR, k, packerB) : null;
    Parallel.forEach(rowBlocks * colBlocks, block -> {
      int i0 = (block / colBlocks) * rowBlock;
      int j0 = (block % colBlocks) * colBlock;
      if (k <= KC) {
        multiplyShallowBlock(i0, Math.min(m, i0 + rowBlock), j0, Math.min(n, j0 + colBlock), n, k,
            packedA, packedB, packerB, c, cOff, accumulate);
      } else {
        multiplyBlock(i0, Math.min(m, i0 + rowBlock), j0, Math.min(n, j0 + colBlock), n, k,
            packedA, packedB, packerB, c, cOff, accumulate);
      }
    });
  }

  /**
   * {@link #multiplyBlock} when k fits in one pass: each tile is computed once, so the micro-kernel
   * reads and writes C in place (through one tile-sized buffer on the edge of C), with no block
   * buffer to fill and copy back. A weight gradient at ResNet-18's 7 x 7 layer (k = 49) spent a
   * tenth of its time in that copy. Same FMA chains, so the same results.
   */
  private static void multiplyShallowBlock(int i0, int i1, int j0, int j1, int n, int k,
      float[] packedA, float[] packedB, PanelPacker packerB, float[] c, int cOff,
      boolean accumulate) {
    int rowPanels = (i1 - i0 + MR - 1) / MR;
    int colPanels = (j1 - j0 + NR - 1) / NR;
    float[] b = packedB;
    if (b == null) {
      b = Scratch.floats(Scratch.Use.BLOCK_B, colPanels * NR * k);
      for (int jp = 0; jp < colPanels; jp++) {
        packerB.pack(j0 / NR + jp, 0, k, b, jp * NR * k);
      }
    }
    float[] edge = Scratch.floats(Scratch.Use.EDGE_TILE, MR * NR);
    for (int jp = 0; jp < colPanels; jp++) {
      int j = j0 + jp * NR;
      int bAt = packedB == null ? jp * NR * k : (j / NR) * NR * k;
      for (int ip = 0; ip < rowPanels; ip++) {
        int i = i0 + ip * MR;
        int aAt = (i / MR) * MR * k;
        int rows = Math.min(MR, i1 - i);
        int cols = Math.min(NR, j1 - j);
        if (rows == MR && cols == NR) {
          microKernel(k, packedA, aAt, b, bAt, c, cOff + i * n + j, n, accumulate);
        } else {
          for (int r = 0; r < rows && accumulate; r++) {
            System.arraycopy(c, cOff + (i + r) * n + j, edge, r * NR, cols);
          }
          microKernel(k, packedA, aAt, b, bAt, edge, 0, NR, accumulate);
          for (int r = 0; r < rows; r++) {
            System.arraycopy(edge, r * NR, c, cOff + (i + r) * n + j, cols);
          }
        }
      }
    }
  }

  /**
   * The rows {@code [i0, i1)} and columns {@code [j0, j1)} of C (starting on panel boundaries),
   * with B from {@code packedB}, or packed here pass by pass when it is null.
   *
   * <p>The block is accumulated in a buffer of whole {@code MR x NR} tiles, each contiguous, that
   * stays in L2 across the passes over k: rows of C itself lie a whole row of C apart and would
   * miss the cache on every pass (that cost a third of the time at n = 1024). The buffer also
   * makes tiles on the edge of C full-size, so the micro-kernel has no edge case.
   */
  private static void multiplyBlock(int i0, int i1, int j0, int j1, int n, int k,
      float[] packedA, float[] packedB, PanelPacker packerB, float[] c, int cOff,
      boolean accumulate) {
    int rowPanels = (i1 - i0 + MR - 1) / MR;
    int colPanels = (j1 - j0 + NR - 1) / NR;
    float[] tiles = Scratch.floats(Scratch.Use.BLOCK_TILES, rowPanels * colPanels * MR * NR);
    if (accumulate) {
      copyTiles(i0, i1, j0, j1, n, rowPanels, c, cOff, tiles, true);
    }
    // equal passes of at most KC (576 = 3 x 192, not 256 + 256 + 64): a short last pass would
    // pay the tile loads and stores for little work. Pass boundaries never change a result: the
    // accumulators are stored and reloaded exactly.
    int step = panels(k, panels(k, KC)); // k > KC here: shallower products take the shallow block
    float[] passB = packedB == null
        ? Scratch.floats(Scratch.Use.BLOCK_B, colPanels * NR * Math.min(step, k)) : null;
    for (int p0 = 0; p0 < k; p0 += step) {
      int kc = Math.min(step, k - p0);
      boolean load = accumulate || p0 > 0;
      if (packedB == null) {
        for (int jp = 0; jp < colPanels; jp++) {
          packerB.pack(j0 / NR + jp, p0, kc, passB, jp * NR * kc);
        }
      }
      for (int jp = 0; jp < colPanels; jp++) {
        float[] b = packedB == null ? passB : packedB;
        int bAt = packedB == null ? jp * NR * kc : (j0 / NR + jp) * NR * k + p0 * NR;
        for (int ip = 0; ip < rowPanels; ip++) {
          int aAt = (i0 / MR + ip) * MR * k + p0 * MR;
          microKernel(kc, packedA, aAt, b, bAt, tiles, (jp * rowPanels + ip) * MR * NR, NR, load);
        }
      }
    }
    copyTiles(i0, i1, j0, j1, n, rowPanels, c, cOff, tiles, false);
  }

  /** Copies the block between C and its tile buffer, in the direction {@code intoTiles} says. */
  private static void copyTiles(int i0, int i1, int j0, int j1, int n, int rowPanels,
      float[] c, int cOff, float[] tiles, boolean intoTiles) {
    for (int i = i0; i < i1; i++) {
      int ip = (i - i0) / MR;
      for (int j = j0; j < j1; j += NR) {
        int tileRow = ((j - j0) / NR * rowPanels + ip) * MR * NR + (i - i0) % MR * NR;
        int cols = Math.min(NR, j1 - j);
        if (intoTiles) {
          System.arraycopy(c, cOff + i * n + j, tiles, tileRow, cols);
        } else {
          System.arraycopy(tiles, tileRow, c, cOff + i * n + j, cols);
        }
      }
    }
  }

  /**
   * {@code C[MR x NR] (+)= A-panel x B-panel} over {@code kc} steps, C at {@code c[cAt]} with row
   * stride {@code ldc}. The 8 accumulators stay in registers for the whole loop; each step loads
   * two B vectors and broadcasts four A values, for 8 FMAs.
   */
  private static void microKernel(int kc, float[] pa, int aAt, float[] pb, int bAt,
      float[] c, int cAt, int ldc, boolean load) {
    FloatVector c00;
    FloatVector c01;
    FloatVector c10;
    FloatVector c11;
    FloatVector c20;
    FloatVector c21;
    FloatVector c30;
    FloatVector c31;
    if (load) {
      c00 = FloatVector.fromArray(S, c, cAt);
      c01 = FloatVector.fromArray(S, c, cAt + LANES);
      c10 = FloatVector.fromArray(S, c, cAt + ldc);
      c11 = FloatVector.fromArray(S, c, cAt + ldc + LANES);
      c20 = FloatVector.fromArray(S, c, cAt + 2 * ldc);
      c21 = FloatVector.fromArray(S, c, cAt + 2 * ldc + LANES);
      c30 = FloatVector.fromArray(S, c, cAt + 3 * ldc);
      c31 = FloatVector.fromArray(S, c, cAt + 3 * ldc + LANES);
    } else {
      c00 = FloatVector.zero(S);
      c01 = c00;
      c10 = c00;
      c11 = c00;
      c20 = c00;
      c21 = c00;
      c30 = c00;
      c31 = c00;
    }
    for (int p = 0; p < kc; p++) {
      int ap = aAt + p * MR;
      int bp = bAt + p * NR;
      FloatVector b0 = FloatVector.fromArray(S, pb, bp);
      FloatVector b1 = FloatVector.fromArray(S, pb, bp + LANES);
      FloatVector a0 = FloatVector.broadcast(S, pa[ap]);
      c00 = a0.fma(b0, c00);
      c01 = a0.fma(b1, c01);
      FloatVector a1 = FloatVector.broadcast(S, pa[ap + 1]);
      c10 = a1.fma(b0, c10);
      c11 = a1.fma(b1, c11);
      FloatVector a2 = FloatVector.broadcast(S, pa[ap + 2]);
      c20 = a2.fma(b0, c20);
      c21 = a2.fma(b1, c21);
      FloatVector a3 = FloatVector.broadcast(S, pa[ap + 3]);
      c30 = a3.fma(b0, c30);
      c31 = a3.fma(b1, c31);
    }
    c00.intoArray(c, cAt);
    c01.intoArray(c, cAt + LANES);
    c10.intoArray(c, cAt + ldc);
    c11.intoArray(c, cAt + ldc + LANES);
    c20.intoArray(c, cAt + 2 * ldc);
    c21.intoArray(c, cAt + 2 * ldc + LANES);
    c30.intoArray(c, cAt + 3 * ldc);
    c31.intoArray(c, cAt + 3 * ldc + LANES);
  }
}
