package io.gradlight.tensor.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * col2im, the adjoint of im2col: adds each element of an im2col matrix back onto the image point
 * it was read from. The input gradient of a strided convolution is {@code col2im(W^T gy)} (see
 * {@link VectorConvolution} and {@link TransposedConvolution}).
 */
final class Col2im {
  private Col2im() {}

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = S.length();

  /**
   * {@code gx_n[c][ih][iw] = sum cols[(c, p, q)][(i, j)]} over the taps that read (ih, iw): a
   * task per channel adds in (p, q, i, j) order into a zeroed padded plane, where every tap lands
   * in range (no bounds tests in the loop), then copies the plane's interior out. Element
   * (row, pos) of cols is at {@code cols[at + row rowStride + pos posStride]}. Within one tap no
   * two positions land on the same point, so adding a whole output row at once
   * ({@link #addSpread}) gives every point the same sums in the same order.
   */
  static void scatter(ConvGeometry g, float[] cols, int at, int rowStride, int posStride,
      float[] gx, int n) {
    int positions = g.outH() * g.outW();
    int paddedW = g.w() + 2 * g.padW();
    int paddedH = g.h() + 2 * g.padH();
    int[] start = VectorConvolution.starts(g, paddedW);
    Parallel.forEach(g.cIn(), c -> {
      // LANES more: a spread row's last vector may reach one point past the plane's end
      float[] plane = Scratch.floats(Scratch.Use.PLANE, paddedH * paddedW + LANES);
      Arrays.fill(plane, 0, paddedH * paddedW, 0f);
      for (int p = 0; p < g.kh(); p++) {
        for (int q = 0; q < g.kw(); q++) {
          int tap = p * g.dilH() * paddedW + q * g.dilW();
          int row = at + ((c * g.kh() + p) * g.kw() + q) * rowStride;
          if (posStride == 1) { // the rows of the output plane are runs of cols
            for (int i = 0; i < g.outH(); i++) {
              addSpread(cols, row + i * g.outW(), plane, tap + start[i * g.outW()], g.outW(),
                  g.strideW());
            }
          } else {
            for (int pos = 0; pos < positions; pos++) {
              plane[tap + start[pos]] += cols[row + pos * posStride];
            }
          }
        }
      }
      int out = (n * g.cIn() + c) * g.h() * g.w();
      for (int ih = 0; ih < g.h(); ih++) {
        System.arraycopy(plane, (ih + g.padH()) * paddedW + g.padW(), gx, out + ih * g.w(), g.w());
      }
    });
  }

  /**
   * {@code plane[dst + j stride] += cols[src + j]} for {@code j < count}: a vector add per LANES
   * values with stride 1, and with stride 2 two masked adds, each spreading half a vector of cols
   * onto the even lanes of the plane (the odd lanes are stored back unchanged; the last store may
   * reach {@code dst + 2 count - 1}, one point past the last one added). Other strides add one
   * value at a time. The scalar col2im took a quarter of ResNet-18's 64x56x56 to 128 stride-2
   * input gradient.
   */
  private static void addSpread(float[] cols, int src, float[] plane, int dst, int count,
      int stride) {
    int j = 0;
    if (stride == 1) {
      for (; j <= count - LANES; j += LANES) {
        FloatVector.fromArray(S, plane, dst + j).add(FloatVector.fromArray(S, cols, src + j))
            .intoArray(plane, dst + j);
      }
    } else if (stride == 2) {
      for (; j <= count - LANES; j += LANES) {
        FloatVector v = FloatVector.fromArray(S, cols, src + j);
        int low = dst + 2 * j;
        FloatVector.fromArray(S, plane, low).add(v.rearrange(Lanes.SPREAD_LOW), Lanes.EVEN)
            .intoArray(plane, low);
        FloatVector.fromArray(S, plane, low + LANES).add(v.rearrange(Lanes.SPREAD_HIGH), Lanes.EVEN)
            .intoArray(plane, low + LANES);
      }
    }
    for (; j < count; j++) {
      plane[dst + j * stride] += cols[src + j];
    }
  }
}
