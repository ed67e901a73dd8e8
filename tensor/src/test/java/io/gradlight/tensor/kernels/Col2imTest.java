package io.gradlight.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Col2im#scatter} against its definition, one float add at a time in (c, p, q, i, j)
 * order: the same bits, whatever the stride (1 and 2 take vector adds, 3 does not), the
 * dilation, the padding, the layout of cols, and rows shorter or longer than a vector.
 */
class Col2imTest {
  private static final List<ConvGeometry> SHAPES = List.of(
      ConvGeometry.of(2, 3, 11, 37, 1, 3, 2, 1, 1), // two spread vectors and a tail a row
      ConvGeometry.of(1, 2, 9, 16, 1, 3, 2, 1, 1), // exactly one spread vector a row
      ConvGeometry.of(1, 2, 5, 5, 1, 3, 2, 1, 1), // a tail only
      ConvGeometry.of(1, 2, 12, 29, 1, 3, 1, 2, 2), // stride 1, dilation 2
      ConvGeometry.of(1, 2, 13, 40, 1, 3, 3, 1, 1), // stride 3: one add at a time
      ConvGeometry.of(1, 4, 14, 14, 1, 1, 2, 0, 1), // 1 x 1, stride 2
      new ConvGeometry(1, 2, 10, 35, 1, 1, 5, 2, 2, 0, 2, 1, 1)); // rectangular kernel

  @BeforeEach
  void needsTheVectorApi() {
    assumeTrue(KernelProvider.vectorOrNull() != null, "the Vector API module is not readable");
  }

  @Test
  void rowMajorColumnsGiveTheBitsOfOneAddAtATime() {
    assertSameBitsAsTheDefinition(false, 700);
  }

  @Test
  void transposedColumnsGiveTheBitsOfOneAddAtATime() {
    assertSameBitsAsTheDefinition(true, 800);
  }

  /** cols {@code K x P} from offset 3, or {@code P x K} ({@code transposed}) from offset 0. */
  private static void assertSameBitsAsTheDefinition(boolean transposed, long seed) {
    for (ConvGeometry g : SHAPES) {
      int depth = g.cIn() * g.kh() * g.kw();
      int positions = g.outH() * g.outW();
      int at = transposed ? 0 : 3;
      int rowStride = transposed ? 1 : positions;
      int posStride = transposed ? depth : 1;
      float[] cols = TestArrays.floats(at + depth * positions, seed++);
      assertArrayEquals(definition(g, cols, at, rowStride, posStride),
          scatter(g, cols, at, rowStride, posStride), (transposed ? "P x K " : "K x P ") + g);
    }
  }

  @Test
  void staleScratchNeverReachesAResult() {
    StaleScratch.eachOnPoisonedScratch(1 << 12,
        this::rowMajorColumnsGiveTheBitsOfOneAddAtATime,
        this::transposedColumnsGiveTheBitsOfOneAddAtATime);
  }

  /** Image 1 of a two-image gradient, so that a write to the wrong image shows. */
  private static float[] scatter(ConvGeometry g, float[] cols, int at, int rowStride,
      int posStride) {
    float[] gx = new float[2 * g.cIn() * g.h() * g.w()];
    Col2im.scatter(g, cols, at, rowStride, posStride, gx, 1);
    return gx;
  }

  private static float[] definition(ConvGeometry g, float[] cols, int at, int rowStride,
      int posStride) {
    float[] gx = new float[2 * g.cIn() * g.h() * g.w()];
    for (int c = 0; c < g.cIn(); c++) {
      for (int p = 0; p < g.kh(); p++) {
        for (int q = 0; q < g.kw(); q++) {
          int row = at + ((c * g.kh() + p) * g.kw() + q) * rowStride;
          for (int i = 0; i < g.outH(); i++) {
            for (int j = 0; j < g.outW(); j++) {
              int ih = i * g.strideH() - g.padH() + p * g.dilH();
              int iw = j * g.strideW() - g.padW() + q * g.dilW();
              if (ih >= 0 && ih < g.h() && iw >= 0 && iw < g.w()) {
                gx[((g.cIn() + c) * g.h() + ih) * g.w() + iw] +=
                    cols[row + (i * g.outW() + j) * posStride];
              }
            }
          }
        }
      }
    }
    return gx;
  }
}
