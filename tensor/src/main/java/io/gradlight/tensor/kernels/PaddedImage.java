package io.gradlight.tensor.kernels;

import java.util.Arrays;

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

  /** Image {@code n} of {@code x}, padded as {@code g} says, in this thread's IMAGE scratch. */
  static PaddedImage of(ConvGeometry g, float[] x, int n) {
    if (g.padH() == 0 && g.padW() == 0) {
      return view(g, x, n);
    }
    return copy(g, x, n, Scratch.floats(Scratch.Use.IMAGE, size(g)), 0);
  }

  /**
   * Images {@code [n0, n0 + count)} of {@code x}, padded as {@code g} says, side by side in this
   * thread's IMAGES scratch (each with its own base), copied in parallel.
   */
  static PaddedImage[] ofEach(ConvGeometry g, float[] x, int n0, int count) {
    PaddedImage[] images = new PaddedImage[count];
    if (g.padH() == 0 && g.padW() == 0) {
      Arrays.setAll(images, i -> view(g, x, n0 + i));
      return images;
    }
    int size = size(g);
    float[] data = Scratch.floats(Scratch.Use.IMAGES, count * size);
    Parallel.forEach(count, i -> images[i] = copy(g, x, n0 + i, data, i * size));
    return images;
  }

  private static PaddedImage view(ConvGeometry g, float[] x, int n) {
    return new PaddedImage(x, n * g.cIn() * g.h() * g.w(), g.h(), g.w(), g.dilH(), g.dilW());
  }

  private static int size(ConvGeometry g) {
    return g.cIn() * (g.h() + 2 * g.padH()) * (g.w() + 2 * g.padW());
  }

  /**
   * Copies image n into {@code dst} from {@code base} and zeroes its border: the scratch array
   * holds stale values, and the border is all that is not copied.
   */
  private static PaddedImage copy(ConvGeometry g, float[] x, int n, float[] dst, int base) {
    int paddedH = g.h() + 2 * g.padH();
    int paddedW = g.w() + 2 * g.padW();
    for (int c = 0; c < g.cIn(); c++) {
      int plane = base + c * paddedH * paddedW;
      Arrays.fill(dst, plane, plane + g.padH() * paddedW, 0f);
      for (int row = 0; row < g.h(); row++) {
        int at = plane + (row + g.padH()) * paddedW;
        Arrays.fill(dst, at, at + g.padW(), 0f);
        System.arraycopy(x, ((n * g.cIn() + c) * g.h() + row) * g.w(), dst, at + g.padW(), g.w());
        Arrays.fill(dst, at + g.padW() + g.w(), at + paddedW, 0f);
      }
      Arrays.fill(dst, plane + (g.padH() + g.h()) * paddedW, plane + paddedH * paddedW, 0f);
    }
    return new PaddedImage(dst, base, paddedH, paddedW, g.dilH(), g.dilW());
  }

  /** Where kernel tap (p, q) of channel c reads for the window at padded (0, 0). */
  int tap(int c, int p, int q) {
    return base + (c * paddedH + p * dilH) * paddedW + q * dilW;
  }
}
