package io.gradlight.tensor.kernels;

/**
 * One image of a convolution's input, {@code [cIn][h + 2 padH][w + 2 padW]}, with the padding
 * stored as zeros, so that every tap of every window is in range and packing needs no bounds
 * tests. Without padding it is a view of the input itself.
 *
 * @param data the padded image, or the whole input when there is no padding
 * @param base where the image starts in {@code data}
 * @param paddedH {@code h + 2 padH}
 * @param paddedW {@code w + 2 padW}
 */
record PaddedImage(float[] data, int base, int paddedH, int paddedW, int dilH, int dilW) {

  /** Image {@code n} of {@code x}, padded as {@code g} says. */
  static PaddedImage of(ConvGeometry g, float[] x, int n) {
    int plane = g.h() * g.w();
    if (g.padH() == 0 && g.padW() == 0) {
      return new PaddedImage(x, n * g.cIn() * plane, g.h(), g.w(), g.dilH(), g.dilW());
    }
    int paddedH = g.h() + 2 * g.padH();
    int paddedW = g.w() + 2 * g.padW();
    float[] padded = new float[g.cIn() * paddedH * paddedW];
    for (int c = 0; c < g.cIn(); c++) {
      for (int row = 0; row < g.h(); row++) {
        System.arraycopy(x, (n * g.cIn() + c) * plane + row * g.w(), padded,
            (c * paddedH + row + g.padH()) * paddedW + g.padW(), g.w());
      }
    }
    return new PaddedImage(padded, 0, paddedH, paddedW, g.dilH(), g.dilW());
  }

  /** Where kernel tap (p, q) of channel c reads for the window at padded (0, 0). */
  int tap(int c, int p, int q) {
    return base + (c * paddedH + p * dilH) * paddedW + q * dilW;
  }
}
