package io.gradlight.tensor.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * F32 convolution as GEMM on {@link VectorGemm}, one image at a time. With {@code K = cIn kh kw}
 * and {@code P = outH outW}, and {@code cols} the {@code K x P} im2col matrix of one image
 * ({@code cols[(c, p, q)][(i, j)] = x[c][ih][iw]}, zero in the padding):
 *
 * <pre>
 *   forward          y_n  = W cols_n (+ bias)                 W: cOut x K
 *   backward input   gx_n = col2im(W^T gy_n)                  (stride 1: a forward conv of gy)
 *   backward weight  gW   = sum_n gy_n cols_n^T
 * </pre>
 *
 * <p>cols is never stored: the GEMM packs its panels straight from a zero-padded copy of the image
 * (implicit im2col), pass by pass into a buffer that stays in cache.
 */
final class VectorConvolution {
  private VectorConvolution() {}

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = S.length();
  /**
   * Batches of at least this many images run one image per task, each GEMM in cache-sized blocks:
   * cheaper than cutting every image's (often small) GEMM finely enough for all threads. Results
   * are the same either way: no cut changes an FMA chain.
   */
  static final int BATCH = 4;

  static void forward(ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
    forwardPacked(g, x, VectorGemm.packA(false, g.cOut(), g.cIn() * g.kh() * g.kw(), w, 0), bias,
        y);
  }

  /** The forward convolution with the weights already packed as the GEMM's A operand. */
  private static void forwardPacked(ConvGeometry g, float[] x, float[] packedW, float[] bias,
      float[] y) {
    eachImage(g.n(), (n, targetBlocks) -> forwardImage(g, x, packedW, bias, y, n, targetBlocks));
  }

  /** A per-image product that cuts its GEMM into at least {@code targetBlocks} blocks. */
  @FunctionalInterface
  private interface ImageTask {
    void run(int n, int targetBlocks);
  }

  /**
   * Runs {@code task} for images 0 to {@code count - 1}: one image per parallel task, each GEMM in
   * cache-sized blocks, for a batch of {@link #BATCH} or more; else image after image, each GEMM
   * cut finely enough for every thread.
   */
  private static void eachImage(int count, ImageTask task) {
    if (count >= BATCH) {
      Parallel.forEach(count, n -> task.run(n, 1));
    } else {
      for (int n = 0; n < count; n++) {
        task.run(n, VectorGemm.TARGET_BLOCKS);
      }
    }
  }

  /** {@code y_n = W cols_n (+ bias)}, cut into at least {@code targetBlocks} GEMM blocks. */
  private static void forwardImage(ConvGeometry g, float[] x, float[] packedW, float[] bias,
      float[] y, int n, int targetBlocks) {
    int positions = g.outH() * g.outW();
    int yOff = n * g.cOut() * positions;
    if (bias != null) { // start each output channel's FMA chain from its bias
      for (int o = 0; o < g.cOut(); o++) {
        Arrays.fill(y, yOff + o * positions, yOff + (o + 1) * positions, bias[o]);
      }
    }
    VectorGemm.multiply(g.cOut(), positions, g.cIn() * g.kh() * g.kw(), packedW,
        columns(g, PaddedImage.of(g, x, n)), y, yOff, bias != null, targetBlocks);
  }

  static void backwardInput(ConvGeometry g, float[] gy, float[] w, float[] gx) {
    int padH = g.dilH() * (g.kh() - 1) - g.padH();
    int padW = g.dilW() * (g.kw() - 1) - g.padW();
    if (g.strideH() == 1 && g.strideW() == 1 && padH >= 0 && padW >= 0) {
      // the transposed convolution with stride 1 is a convolution of gy with the weights
      // flipped in space and transposed in channels: no col2im pass, and the fast packing
      ConvGeometry t = new ConvGeometry(g.n(), g.cOut(), g.outH(), g.outW(), g.cIn(),
          g.kh(), g.kw(), 1, 1, padH, padW, g.dilH(), g.dilW());
      forwardPacked(t, gy, packFlippedTransposed(g, w), null, gx);
      return;
    }
    float[] packedWt = VectorGemm.packA(true, g.cIn() * g.kh() * g.kw(), g.cOut(), w, 0);
    eachImage(g.n(),
        (n, targetBlocks) -> backwardInputImage(g, gy, packedWt, gx, n, targetBlocks));
  }

  /** {@code gx_n = col2im(W^T gy_n)}, the GEMM cut into at least {@code targetBlocks} blocks. */
  private static void backwardInputImage(ConvGeometry g, float[] gy, float[] packedWt,
      float[] gx, int n, int targetBlocks) {
    int depth = g.cIn() * g.kh() * g.kw();
    int positions = g.outH() * g.outW();
    float[] cols = new float[depth * positions];
    VectorGemm.PanelPacker gyN =
        VectorGemm.packerB(false, positions, g.cOut(), gy, n * g.cOut() * positions);
    VectorGemm.multiply(depth, positions, g.cOut(), packedWt, gyN, cols, 0, false, targetBlocks);
    col2im(g, cols, gx, n);
  }

  /**
   * {@code gW = sum_n gy_n cols_n^T} as one GEMM over the depth {@code N P}: the images side by
   * side, {@code [gy_0 ... gy_N-1] [cols_0 ... cols_N-1]^T}. Each weight's FMA chain runs over
   * the images in order, then the positions, exactly as image-by-image accumulation would, but
   * the blocks (over output channels and taps) are as large as the whole batch allows.
   */
  static void backwardWeight(ConvGeometry g, float[] x, float[] gy, float[] gw) {
    int depth = g.cIn() * g.kh() * g.kw();
    int count = g.n() * g.outH() * g.outW();
    if (count == 0) {
      Arrays.fill(gw, 0, g.cOut() * depth, 0f);
      return;
    }
    PaddedImage[] images = new PaddedImage[g.n()];
    Parallel.forEach(g.n(), n -> images[n] = PaddedImage.of(g, x, n));
    float[] packedGy = VectorGemm.pack(VectorGemm.panels(g.cOut(), VectorGemm.MR), VectorGemm.MR,
        count, gradientRows(g, gy));
    VectorGemm.multiply(g.cOut(), depth, count, packedGy, columnsTransposed(g, images), gw, 0,
        false);
  }

  /**
   * Packs the GEMM A operand {@code [gy_0 ... gy_N-1]} ({@code cOut x N P}) in panels of MR
   * output channels: row o is channel o of every image in turn.
   */
  private static VectorGemm.PanelPacker gradientRows(ConvGeometry g, float[] gy) {
    int mr = VectorGemm.MR;
    int positions = g.outH() * g.outW();
    return (panel, p0, kc, dst, at) -> {
      for (int r = 0; r < Math.min(mr, g.cOut() - panel * mr); r++) {
        int o = panel * mr + r;
        for (int p = p0; p < p0 + kc; p++) {
          dst[at + (p - p0) * mr + r] = gy[(p / positions * g.cOut() + o) * positions
              + p % positions];
        }
      }
    };
  }

  /**
   * The weights of the transposed convolution, {@code wt[c][o][p][q] = w[o][c][kh-1-p][kw-1-q]},
   * packed straight into the GEMM's A panels of MR input channels (no flipped copy first: for
   * ResNet-18's 512-channel layer that copy, one scattered pass on one thread, took a fifth of
   * the backward time).
   */
  private static float[] packFlippedTransposed(ConvGeometry g, float[] w) {
    int mr = VectorGemm.MR;
    int kh = g.kh();
    int kw = g.kw();
    int taps = kh * kw;
    return VectorGemm.pack(VectorGemm.panels(g.cIn(), mr), mr, g.cOut() * taps,
        (panel, p0, kc, dst, at) -> {
          for (int r = 0; r < Math.min(mr, g.cIn() - panel * mr); r++) {
            int c = panel * mr + r;
            for (int col = p0; col < p0 + kc; col++) { // col = (o, p, q) of wt's row c
              int o = col / taps;
              int flipped = taps - 1 - col % taps; // (kh-1-p, kw-1-q) in row-major order
              dst[at + (col - p0) * mr + r] = w[(o * g.cIn() + c) * taps + flipped];
            }
          }
        });
  }

  /**
   * Packs the GEMM B operand {@code cols} ({@code K x P}) in panels of NR output positions. Row
   * (c, p, q) of a panel holds NR values at fixed offsets ({@code start}) from the tap's point of
   * the padded image: a run of LANES positions in one output row with stride 1 is one vector copy.
   */
  private static VectorGemm.PanelPacker columns(ConvGeometry g, PaddedImage img) {
    int nr = VectorGemm.NR;
    int positions = g.outH() * g.outW();
    int[] start = starts(g, img.paddedW());
    int[] taps = taps(g, img);
    boolean[] contiguous = new boolean[VectorGemm.panels(positions, nr) * nr / LANES];
    for (int v = 0; v < contiguous.length; v++) {
      int first = v * LANES;
      contiguous[v] = first + LANES <= positions
          && start[first + LANES - 1] - start[first] == LANES - 1;
    }
    float[] src = img.data();
    return (panel, p0, kc, dst, at) -> {
      for (int v = 0; v < nr / LANES; v++) {
        int pos = panel * nr + v * LANES;
        int column = at + v * LANES;
        if (contiguous[pos / LANES]) { // the common case: one vector per row, nothing else
          int offset = start[pos];
          for (int r = p0; r < p0 + kc; r++) {
            FloatVector.fromArray(S, src, taps[r] + offset)
                .intoArray(dst, column + (r - p0) * nr);
          }
        } else if (pos + LANES <= positions) { // strided or across a row end: one gather
          for (int r = p0; r < p0 + kc; r++) {
            FloatVector.fromArray(S, src, taps[r], start, pos)
                .intoArray(dst, column + (r - p0) * nr);
          }
        } else {
          for (int lane = 0; lane < Math.min(LANES, positions - pos); lane++) {
            int offset = start[pos + lane];
            for (int r = p0; r < p0 + kc; r++) {
              dst[column + (r - p0) * nr + lane] = src[taps[r] + offset];
            }
          }
        }
      }
    };
  }

  /**
   * Packs the GEMM B operand {@code [cols_0 ... cols_N-1]^T} ({@code N P x K}) in panels of NR
   * (c, p, q) columns: row {@code (n, pos)} of a panel gathers NR taps of image n at the same
   * offset {@code start[pos]}.
   */
  private static VectorGemm.PanelPacker columnsTransposed(ConvGeometry g, PaddedImage[] images) {
    int nr = VectorGemm.NR;
    int depth = g.cIn() * g.kh() * g.kw();
    int positions = g.outH() * g.outW();
    int[] start = starts(g, images[0].paddedW());
    int[] taps = taps(g, images[0]); // relative to the image's base, added below
    for (int r = 0; r < depth; r++) {
      taps[r] -= images[0].base();
    }
    return (panel, p0, kc, dst, at) -> {
      int first = panel * nr;
      for (int col = 0; col < Math.min(nr, depth - first); col++) {
        // column by column: reads run along image rows, writes stay in the L1-sized pass buffer
        for (int row = p0; row < p0 + kc; ) {
          PaddedImage img = images[row / positions];
          float[] src = img.data();
          int tap = img.base() + taps[first + col];
          int pos = row % positions;
          int end = Math.min(positions, pos + p0 + kc - row);
          for (; pos < end; pos++, row++) {
            dst[at + (row - p0) * nr + col] = src[tap + start[pos]];
          }
        }
      }
    };
  }

  /**
   * Where the window of each output position starts in a padded plane {@code paddedW} wide,
   * relative to a tap's point.
   */
  private static int[] starts(ConvGeometry g, int paddedW) {
    int[] start = new int[g.outH() * g.outW()];
    for (int pos = 0; pos < start.length; pos++) {
      start[pos] = pos / g.outW() * g.strideH() * paddedW + pos % g.outW() * g.strideW();
    }
    return start;
  }

  /** The point of each kernel tap (c, p, q), in row-major order. */
  private static int[] taps(ConvGeometry g, PaddedImage img) {
    int[] taps = new int[g.cIn() * g.kh() * g.kw()];
    int r = 0;
    for (int c = 0; c < g.cIn(); c++) {
      for (int p = 0; p < g.kh(); p++) {
        for (int q = 0; q < g.kw(); q++) {
          taps[r++] = img.tap(c, p, q);
        }
      }
    }
    return taps;
  }

  /**
   * {@code gx_n[c][ih][iw] = sum cols[(c, p, q)][(i, j)]} over the taps that read (ih, iw): a task
   * per channel adds in (p, q, i, j) order into a zero-padded plane, where every tap lands in range
   * (no bounds tests in the loop), then copies the plane's interior out.
   */
  private static void col2im(ConvGeometry g, float[] cols, float[] gx, int n) {
    int positions = g.outH() * g.outW();
    int paddedW = g.w() + 2 * g.padW();
    int paddedH = g.h() + 2 * g.padH();
    int[] start = starts(g, paddedW);
    Parallel.forEach(g.cIn(), c -> {
      float[] plane = new float[paddedH * paddedW];
      for (int p = 0; p < g.kh(); p++) {
        for (int q = 0; q < g.kw(); q++) {
          int tap = p * g.dilH() * paddedW + q * g.dilW();
          int row = ((c * g.kh() + p) * g.kw() + q) * positions;
          for (int pos = 0; pos < positions; pos++) {
            plane[tap + start[pos]] += cols[row + pos];
          }
        }
      }
      int out = (n * g.cIn() + c) * g.h() * g.w();
      for (int ih = 0; ih < g.h(); ih++) {
        System.arraycopy(plane, (ih + g.padH()) * paddedW + g.padW(), gx, out + ih * g.w(), g.w());
      }
    });
  }
}
