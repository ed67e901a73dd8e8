package io.gradlight.tensor.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * F32 3 x 3 convolution with stride 1 by Winograd's minimal filtering F(2 x 2, 3 x 3) (Lavin and
 * Gray, "Fast Algorithms for Convolutional Neural Networks", CVPR 2016). Each 2 x 2 tile of output
 * channel o, with {@code d_c} the 4 x 4 input patch of channel c under it, is
 *
 * <pre>
 *   Y_o = A^T [ sum_c (G g_oc G^T) * (B^T d_c B) ] A        (* elementwise)
 *
 *         | 1  0 -1  0 |         | 1    0    0  |
 *   B^T = | 0  1  1  0 |     G = | 1/2  1/2  1/2|     A^T = | 1  1  1  0 |
 *         | 0 -1  1  0 |         | 1/2 -1/2  1/2|           | 0  1 -1 -1 |
 *         | 0  1  0 -1 |         | 0    0    1  |
 * </pre>
 *
 * So with {@code U = G g G^T} and {@code V = B^T d B} laid out as matrices, one per point (xi, nu)
 * of the 4 x 4 transformed tile, the sum over channels is 16 GEMMs
 * {@code M_xinu = U_xinu V_xinu} ({@code cOut x cIn} times {@code cIn x tiles}): 16 multiply-adds
 * for 4 outputs instead of 36, 2.25 times fewer, for three cheap transforms. Tiles past the
 * bottom or right edge of an odd output read zeros and are stored only where they are in range.
 *
 * <p>Rounding: the transforms add and subtract (G also halves), so a result is not the direct
 * convolution's bit for bit; it stays within the bound of the test's {@code
 * Tolerances.f32Winograd}, 16 (cIn + 12) units of roundoff of max|x| sum|w|. Every step runs in
 * a fixed order, so it is the same for every thread count.
 */
final class WinogradConvolution {
  private WinogradConvolution() {}

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = S.length();
  /** Points of a transformed tile, 4 x 4: the number of GEMMs. */
  private static final int POINTS = 16;
  /**
   * Fewer channels than this make the 16 GEMMs too shallow to pay for the transforms (a guard:
   * measured only from 64 channels up).
   */
  static final int MIN_CHANNELS = 16;
  /**
   * Output positions an image needs per input channel: the weight transform, about 60 scalar
   * operations for each (o, c), is redone every call and pays for itself over enough tiles.
   * ResNet-18's 64 x 56 x 56 (49 positions a channel) and 128 x 28 x 28 (6) gain; 256 x 14 x 14
   * (0.8) ran twice as slow on two threads.
   */
  static final int POSITIONS_PER_CHANNEL = 4;

  /** Whether {@code g} is a convolution this class computes, and one it computes faster. */
  static boolean applies(ConvGeometry g) {
    return g.kh() == 3 && g.kw() == 3 && g.strideH() == 1 && g.strideW() == 1 && g.dilH() == 1
        && g.dilW() == 1 && g.cIn() >= MIN_CHANNELS && g.cOut() >= MIN_CHANNELS
        && (long) g.n() * g.outH() * g.outW() >= (long) POSITIONS_PER_CHANNEL * g.cIn();
  }

  /**
   * Transformed input floats a group of images may fill ({@link #imagesPerGroup}): the images of
   * a group share one pass over each U, whose 16 matrices (4 MB at 256 channels) would otherwise
   * be read again for every image's few tiles.
   */
  static final int GROUP_FLOATS = 1 << 20;

  /** Images whose tiles make one set of 16 GEMMs: as many as fit GROUP_FLOATS, at least one. */
  static int imagesPerGroup(ConvGeometry g) {
    long perImage = (long) POINTS * g.cIn() * ((g.outH() + 1) / 2) * ((g.outW() + 1) / 2);
    return (int) Math.max(1, Math.min(g.n(), GROUP_FLOATS / perImage));
  }

  /** {@code y = conv(x, w) (+ bias)}, w as {@code [cOut][cIn][3][3]}. */
  static void forward(ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
    forward(g, x, transformedWeights(g, w, false), bias, y);
  }

  /**
   * {@code y = conv(x, wt)} with the weights of the transposed convolution, {@code wt[o][c][p][q]
   * = w[c][o][2 - p][2 - q]} for w as {@code [cIn][cOut][3][3]} (the layer's own weights, when
   * {@code g} is its input gradient's geometry): read where they lie, with no flipped copy.
   */
  static void forwardFlipped(ConvGeometry g, float[] x, float[] w, float[] y) {
    forward(g, x, transformedWeights(g, w, true), null, y);
  }

  private static void forward(ConvGeometry g, float[] x, float[][] u, float[] bias, float[] y) {
    int group = imagesPerGroup(g);
    for (int n0 = 0; n0 < g.n(); n0 += group) {
      forwardGroup(g, x, u, bias, y, n0, Math.min(group, g.n() - n0));
    }
  }

  /**
   * {@code U_xinu = (G g G^T)[xi][nu]} for every (o, c), as 16 GEMM A operands packed in panels of
   * MR output channels, k-major: {@code u[xinu][(o / MR) MR cIn + c MR + o % MR]}. Tap (p, q) of
   * g is {@code w[o][c][p][q]}, or {@code w[c][o][2 - p][2 - q]} when {@code flipped}.
   */
  private static float[][] transformedWeights(ConvGeometry g, float[] w, boolean flipped) {
    int mr = VectorGemm.MR;
    int size = VectorGemm.panels(g.cOut(), mr) * mr * g.cIn();
    float[][] u = new float[POINTS][size];
    int step = flipped ? -1 : 1; // from tap (p, q) to (p, q + 1), in w
    Parallel.forEach(g.cOut(), o -> {
      float[] gg = new float[12]; // G g: 4 rows of 3
      for (int c = 0; c < g.cIn(); c++) {
        int first = flipped ? (c * g.cOut() + o) * 9 + 8 : (o * g.cIn() + c) * 9; // tap (0, 0)
        for (int q = 0; q < 3; q++) {
          float g0 = w[first + step * q];
          float g1 = w[first + step * (3 + q)];
          float g2 = w[first + step * (6 + q)];
          gg[q] = g0;
          gg[3 + q] = 0.5f * (g0 + g1 + g2);
          gg[6 + q] = 0.5f * (g0 - g1 + g2);
          gg[9 + q] = g2;
        }
        int at = (o / mr) * mr * g.cIn() + c * mr + o % mr;
        for (int xi = 0; xi < 4; xi++) {
          float g0 = gg[3 * xi];
          float g1 = gg[3 * xi + 1];
          float g2 = gg[3 * xi + 2];
          u[4 * xi][at] = g0;
          u[4 * xi + 1][at] = 0.5f * (g0 + g1 + g2);
          u[4 * xi + 2][at] = 0.5f * (g0 - g1 + g2);
          u[4 * xi + 3][at] = g2;
        }
      }
    });
    return u;
  }

  /**
   * Images {@code [n0, n0 + count)}: the input transform, 16 GEMMs over all their tiles, the
   * output transform. Row c of a {@code V} matrix holds the tiles of each image in turn, then
   * LANES spare floats: a tile row's last vector may spill past its last tile, into the next tile
   * row or image (written after it, by the same task) or the spare floats (never read).
   */
  private static void forwardGroup(ConvGeometry g, float[] x, float[][] u, float[] bias,
      float[] y, int n0, int count) {
    int tilesH = (g.outH() + 1) / 2;
    int tilesW = (g.outW() + 1) / 2;
    int tiles = tilesH * tilesW;
    int columns = count * tiles;
    int stride = columns + LANES;
    float[] v = Scratch.floats(Scratch.Use.WINOGRAD_INPUT, POINTS * g.cIn() * stride);
    Parallel.forEach(g.cIn(), c -> {
      for (int i = 0; i < count; i++) {
        transformInput(g, x, n0 + i, c, tilesH, tilesW, stride, i * tiles, v);
      }
    });
    // LANES more: the last tile row's last vector may read past the last product
    float[] m = Scratch.floats(Scratch.Use.WINOGRAD_PRODUCT, POINTS * g.cOut() * columns + LANES);
    Parallel.forEach(POINTS, point -> VectorGemm.multiply(g.cOut(), columns, g.cIn(), u[point],
        VectorGemm.packerB(false, columns, g.cIn(), v, point * g.cIn() * stride, stride), m,
        point * g.cOut() * columns, false, 1));
    Parallel.forEach(count * g.cOut(), task -> transformOutput(g, m, bias, y,
        n0 + task / g.cOut(), task % g.cOut(), task / g.cOut() * tiles, columns, tilesH, tilesW));
  }

  /**
   * {@code V_xinu[c][column + t] = (B^T d B)[xi][nu]} for every tile t of channel c of image n,
   * rows {@code stride} apart, in two passes over LANES tiles of a tile row at a time. The
   * channel's zero-padded plane is first split into its even and odd columns, so that the four
   * columns of LANES consecutive tiles are four contiguous vectors. The first pass applies B to
   * every row of the plane (each row serves two tile rows), the second B^T to every column of
   * four rows.
   */
  private static void transformInput(ConvGeometry g, float[] x, int n, int c, int tilesH,
      int tilesW, int stride, int column, float[] v) {
    int rows = 2 * tilesH + 2;
    // columns of each phase: whole vectors, with room for the last vector's reads one tile on
    int half = VectorGemm.panels(tilesW, LANES) * LANES + LANES;
    int odd = rows * half;
    int db = 2 * odd; // (d B)[r][nu] at split[db + (4 r + nu) half + tw]
    float[] split = Scratch.floats(Scratch.Use.WINOGRAD_SPLIT, 6 * rows * half + 2 * half);
    splitColumns(g, x, n, c, rows, half, split);
    for (int r = 0; r < rows; r++) {
      for (int tw = 0; tw < tilesW; tw += LANES) {
        int at = r * half + tw;
        FloatVector d0 = FloatVector.fromArray(S, split, at);
        FloatVector d1 = FloatVector.fromArray(S, split, odd + at);
        FloatVector d2 = FloatVector.fromArray(S, split, at + 1);
        FloatVector d3 = FloatVector.fromArray(S, split, odd + at + 1);
        int out = db + 4 * r * half + tw;
        d0.sub(d2).intoArray(split, out);
        d1.add(d2).intoArray(split, out + half);
        d2.sub(d1).intoArray(split, out + 2 * half);
        d1.sub(d3).intoArray(split, out + 3 * half);
      }
    }
    int plane = g.cIn() * stride; // V_xinu: cIn rows of stride floats
    for (int th = 0; th < tilesH; th++) {
      for (int nu = 0; nu < 4; nu++) {
        int t0 = db + (8 * th + nu) * half; // (d B)[2 th][nu]; rows 2 th + k are 4 k half on
        int at = nu * plane + c * stride + column + th * tilesW;
        for (int tw = 0; tw < tilesW; tw += LANES) {
          FloatVector r0 = FloatVector.fromArray(S, split, t0 + tw);
          FloatVector r1 = FloatVector.fromArray(S, split, t0 + 4 * half + tw);
          FloatVector r2 = FloatVector.fromArray(S, split, t0 + 8 * half + tw);
          FloatVector r3 = FloatVector.fromArray(S, split, t0 + 12 * half + tw);
          r0.sub(r2).intoArray(v, at + tw);
          r1.add(r2).intoArray(v, at + 4 * plane + tw);
          r2.sub(r1).intoArray(v, at + 8 * plane + tw);
          r1.sub(r3).intoArray(v, at + 12 * plane + tw);
        }
      }
    }
  }

  /**
   * Rows {@code [0, rows)} of channel c's plane padded by (padH, padW) (zeros past the image),
   * even columns to {@code split[r half + j]}, odd ones to {@code split[(rows + r) half + j]}:
   * each image row is copied into a zero-padded line (at {@code split[6 rows half]}), whose
   * vector pairs are then deinterleaved.
   */
  private static void splitColumns(ConvGeometry g, float[] x, int n, int c, int rows, int half,
      float[] split) {
    int odd = rows * half;
    int from = Math.min(rows, g.padH());
    int to = Math.min(rows, g.h() + g.padH());
    Arrays.fill(split, 0, from * half, 0f);
    Arrays.fill(split, to * half, odd + from * half, 0f);
    Arrays.fill(split, odd + to * half, 2 * odd, 0f);
    int line = 6 * odd;
    Arrays.fill(split, line, line + 2 * half, 0f);
    for (int r = from; r < to; r++) {
      System.arraycopy(x, ((n * g.cIn() + c) * g.h() + r - g.padH()) * g.w(), split,
          line + g.padW(), g.w());
      for (int j = 0; j < half; j += LANES) {
        FloatVector a = FloatVector.fromArray(S, split, line + 2 * j);
        FloatVector b = FloatVector.fromArray(S, split, line + 2 * j + LANES);
        Lanes.evens(a, b).intoArray(split, r * half + j);
        Lanes.odds(a, b).intoArray(split, odd + r * half + j);
      }
    }
  }

  /**
   * {@code y[n][o] = A^T M A + bias[o]} for every tile of image n, whose tiles start at
   * {@code column} of M's {@code columns}, LANES tiles of a tile row at a time: the two
   * columns of the tiles' rows are interleaved into 2 LANES consecutive outputs.
   */
  private static void transformOutput(ConvGeometry g, float[] m, float[] bias, float[] y, int n,
      int o, int column, int columns, int tilesH, int tilesW) {
    int plane = g.cOut() * columns;
    FloatVector b = FloatVector.broadcast(S, bias == null ? 0f : bias[o]);
    int yOff = (n * g.cOut() + o) * g.outH() * g.outW();
    for (int th = 0; th < tilesH; th++) {
      for (int tw = 0; tw < tilesW; tw += LANES) {
        int at = o * columns + column + th * tilesW + tw;
        // A^T M: row 0 is M_0nu + M_1nu + M_2nu, row 1 is M_1nu - M_2nu - M_3nu
        FloatVector s00 = sum(m, at, plane);
        FloatVector s01 = sum(m, at + plane, plane);
        FloatVector s02 = sum(m, at + 2 * plane, plane);
        FloatVector s03 = sum(m, at + 3 * plane, plane);
        storeInterleaved(s00.add(s01).add(s02).add(b), s01.sub(s02).sub(s03).add(b), y,
            yOff + 2 * th * g.outW(), 2 * tw, g.outW());
        if (2 * th + 1 < g.outH()) {
          FloatVector s10 = difference(m, at, plane);
          FloatVector s11 = difference(m, at + plane, plane);
          FloatVector s12 = difference(m, at + 2 * plane, plane);
          FloatVector s13 = difference(m, at + 3 * plane, plane);
          storeInterleaved(s10.add(s11).add(s12).add(b), s11.sub(s12).sub(s13).add(b), y,
              yOff + (2 * th + 1) * g.outW(), 2 * tw, g.outW());
        }
      }
    }
  }

  /** {@code M_0nu + M_1nu + M_2nu}, with {@code M_xinu} at {@code m[at + 4 xi plane]}. */
  private static FloatVector sum(float[] m, int at, int plane) {
    return FloatVector.fromArray(S, m, at).add(FloatVector.fromArray(S, m, at + 4 * plane))
        .add(FloatVector.fromArray(S, m, at + 8 * plane));
  }

  /** {@code M_1nu - M_2nu - M_3nu}, with {@code M_xinu} at {@code m[at + 4 xi plane]}. */
  private static FloatVector difference(float[] m, int at, int plane) {
    return FloatVector.fromArray(S, m, at + 4 * plane)
        .sub(FloatVector.fromArray(S, m, at + 8 * plane))
        .sub(FloatVector.fromArray(S, m, at + 12 * plane));
  }

  /**
   * {@code y[row + col + 2i] = left[i]} and {@code y[row + col + 2i + 1] = right[i]}, for the
   * outputs of those 2 LANES whose column is before {@code width}.
   */
  private static void storeInterleaved(FloatVector left, FloatVector right, float[] y, int row,
      int col, int width) {
    FloatVector low = Lanes.zipLow(left, right);
    FloatVector high = Lanes.zipHigh(left, right);
    if (col + 2 * LANES <= width) {
      low.intoArray(y, row + col);
      high.intoArray(y, row + col + LANES);
    } else { // the row's last outputs, through a buffer: masked stores took a slow path here
      float[] tail = new float[2 * LANES];
      low.intoArray(tail, 0);
      high.intoArray(tail, LANES);
      System.arraycopy(tail, 0, y, row + col, width - col);
    }
  }
}
