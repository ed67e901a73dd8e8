package io.gradlight.tensor.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * F32 elementwise kernels and sums on the Vector API. Each loop runs whole vectors, then a scalar
 * tail with the reference definition ({@link UnaryOp#apply}, {@link BinaryOp#apply}). Runs of at
 * most {@code 2 LANES} elements are left to the scalar loop: setting up vectors costs more there.
 *
 * <p>Exactness: NEG, ABS, SQRT, RELU, ADD, SUB, MUL, DIV, MAX, MIN and reluBackward give the same
 * bits as the reference (one IEEE rounding either way). EXP, LOG, TANH and SIGMOID use
 * {@link VectorMath}, within a few ulps of the reference and deterministic. POW has no vector form
 * here: {@link VectorKernels} sends it to the reference.
 */
final class VectorElementwise {
  private VectorElementwise() {}

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
  private static final int LANES = S.length();
  /** Floats that widen to exactly one double vector: half the width of {@link #S}. */
  private static final VectorSpecies<Float> H =
      VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
  /** Elements per task: enough work to outweigh a task's cost. */
  private static final int GRAIN = 1 << 16;

  static void unary(UnaryOp op, float[] x, int xOff, float[] y, int yOff, int n) {
    Parallel.forRange(n, GRAIN, (from, to) -> {
      int i = to - from > 2 * LANES ? unaryVectors(op, x, xOff, y, yOff, from, to) : from;
      for (; i < to; i++) {
        y[yOff + i] = (float) op.apply(x[xOff + i]);
      }
    });
  }

  /**
   * The whole vectors of {@code [from, to)}; returns where the scalar tail starts. One loop per op,
   * the switch outside them (here and in the binary kernels): with the switch inside one loop, C2
   * met its node limit while inlining the polynomial steps of exp, and every vector passed to a
   * step not inlined was boxed on the heap (121 MB allocated per exp over 4M floats, which then ran
   * at 1.4x the scalar reference); binary ops fell back to the Java lane loops the same way.
   */
  private static int unaryVectors(UnaryOp op, float[] x, int xOff, float[] y, int yOff, int from,
      int to) {
    int end = from + S.loopBound(to - from);
    switch (op) {
      case NEG -> {
        for (int i = from; i < end; i += LANES) {
          load(x, xOff + i).neg().intoArray(y, yOff + i);
        }
      }
      case ABS -> {
        for (int i = from; i < end; i += LANES) {
          load(x, xOff + i).abs().intoArray(y, yOff + i);
        }
      }
      case EXP -> {
        for (int i = from; i < end; i += LANES) {
          VectorMath.exp(load(x, xOff + i)).intoArray(y, yOff + i);
        }
      }
      case LOG -> {
        for (int i = from; i < end; i += LANES) {
          VectorMath.log(load(x, xOff + i)).intoArray(y, yOff + i);
        }
      }
      case SQRT -> {
        for (int i = from; i < end; i += LANES) {
          load(x, xOff + i).sqrt().intoArray(y, yOff + i);
        }
      }
      case RELU -> { // Math.max semantics: NaN stays NaN, -0 becomes +0
        for (int i = from; i < end; i += LANES) {
          load(x, xOff + i).max(0f).intoArray(y, yOff + i);
        }
      }
      case TANH -> {
        for (int i = from; i < end; i += LANES) {
          VectorMath.tanh(load(x, xOff + i)).intoArray(y, yOff + i);
        }
      }
      case SIGMOID -> {
        for (int i = from; i < end; i += LANES) {
          VectorMath.sigmoid(load(x, xOff + i)).intoArray(y, yOff + i);
        }
      }
    }
    return end;
  }

  static void binary(BinaryOp op, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff,
      int n) {
    Parallel.forRange(n, GRAIN, (from, to) -> {
      int i = to - from > 2 * LANES ? binaryVectors(op, a, aOff, b, bOff, y, yOff, from, to) : from;
      for (; i < to; i++) {
        y[yOff + i] = (float) op.apply(a[aOff + i], b[bOff + i]);
      }
    });
  }

  /** The whole vectors of {@link #binary} over {@code [from, to)}, one loop per op (see above). */
  static int binaryVectors(BinaryOp op, float[] a, int aOff, float[] b, int bOff,
      float[] y, int yOff, int from, int to) {
    int end = from + S.loopBound(to - from);
    switch (op) {
      case ADD -> {
        for (int i = from; i < end; i += LANES) {
          load(a, aOff + i).add(load(b, bOff + i)).intoArray(y, yOff + i);
        }
      }
      case SUB -> {
        for (int i = from; i < end; i += LANES) {
          load(a, aOff + i).sub(load(b, bOff + i)).intoArray(y, yOff + i);
        }
      }
      case MUL -> {
        for (int i = from; i < end; i += LANES) {
          load(a, aOff + i).mul(load(b, bOff + i)).intoArray(y, yOff + i);
        }
      }
      case DIV -> {
        for (int i = from; i < end; i += LANES) {
          load(a, aOff + i).div(load(b, bOff + i)).intoArray(y, yOff + i);
        }
      }
      case MAX -> {
        for (int i = from; i < end; i += LANES) {
          load(a, aOff + i).max(load(b, bOff + i)).intoArray(y, yOff + i);
        }
      }
      case MIN -> {
        for (int i = from; i < end; i += LANES) {
          load(a, aOff + i).min(load(b, bOff + i)).intoArray(y, yOff + i);
        }
      }
      case POW -> throw new IllegalArgumentException("pow has no vector form");
    }
    return end;
  }

  static void binaryScalar(BinaryOp op, float[] a, int aOff, float s, float[] y, int yOff, int n) {
    Parallel.forRange(n, GRAIN, (from, to) -> {
      int i = to - from > 2 * LANES ? binaryScalarVectors(op, a, aOff, s, y, yOff, from, to) : from;
      for (; i < to; i++) {
        y[yOff + i] = (float) op.apply(a[aOff + i], s);
      }
    });
  }

  /** The whole vectors of {@link #binaryScalar} over {@code [from, to)}, one loop per op. */
  static int binaryScalarVectors(BinaryOp op, float[] a, int aOff, float s, float[] y,
      int yOff, int from, int to) {
    int end = from + S.loopBound(to - from);
    FloatVector sv = FloatVector.broadcast(S, s);
    switch (op) {
      case ADD -> {
        for (int i = from; i < end; i += LANES) {
          load(a, aOff + i).add(sv).intoArray(y, yOff + i);
        }
      }
      case SUB -> {
        for (int i = from; i < end; i += LANES) {
          load(a, aOff + i).sub(sv).intoArray(y, yOff + i);
        }
      }
      case MUL -> {
        for (int i = from; i < end; i += LANES) {
          load(a, aOff + i).mul(sv).intoArray(y, yOff + i);
        }
      }
      case DIV -> {
        for (int i = from; i < end; i += LANES) {
          load(a, aOff + i).div(sv).intoArray(y, yOff + i);
        }
      }
      case MAX -> {
        for (int i = from; i < end; i += LANES) {
          load(a, aOff + i).max(sv).intoArray(y, yOff + i);
        }
      }
      case MIN -> {
        for (int i = from; i < end; i += LANES) {
          load(a, aOff + i).min(sv).intoArray(y, yOff + i);
        }
      }
      case POW -> throw new IllegalArgumentException("pow has no vector form");
    }
    return end;
  }

  private static FloatVector load(float[] x, int at) {
    return FloatVector.fromArray(S, x, at);
  }

  static void reluBackward(float[] gy, float[] x, float[] gx, int n) {
    Parallel.forRange(n, GRAIN, (from, to) -> {
      int i = from;
      if (to - from > 2 * LANES) {
        FloatVector zero = FloatVector.zero(S);
        for (int end = from + S.loopBound(to - from); i < end; i += LANES) {
          VectorMask<Float> positive =
              FloatVector.fromArray(S, x, i).compare(VectorOperators.GT, 0f);
          zero.blend(FloatVector.fromArray(S, gy, i), positive).intoArray(gx, i);
        }
      }
      for (; i < to; i++) {
        gx[i] = x[i] > 0 ? gy[i] : 0f;
      }
    });
  }

  /**
   * The sum in double, in a fixed order: chunks of {@link #GRAIN} elements (a function of n only)
   * are summed in parallel and their sums added in chunk order. Within a chunk, each pair of float
   * vectors is widened to four double vectors and added into four double accumulators (four
   * independent chains keep the adder busy); the lanes are then added in index order, then the
   * scalar tail. Never {@code reduceLanes(ADD)}, whose order is
   * unspecified.
   */
  static double sum(float[] x, int off, int n) {
    int chunks = (n + GRAIN - 1) / GRAIN;
    if (chunks <= 1) {
      return sumRun(x, off, n);
    }
    double[] partial = new double[chunks];
    Parallel.forEach(chunks, chunk -> {
      int from = chunk * GRAIN;
      partial[chunk] = sumRun(x, off + from, Math.min(GRAIN, n - from));
    });
    double s = 0.0;
    for (double p : partial) {
      s += p;
    }
    return s;
  }

  /** The sum of {@code x[off .. off+n)} in double, in the calling thread (see {@link #sum}). */
  static double sumRun(float[] x, int off, int n) {
    int i = 0;
    double s = 0.0;
    if (n > 2 * LANES) {
      DoubleVector s0 = DoubleVector.zero(D);
      DoubleVector s1 = s0;
      DoubleVector s2 = s0;
      DoubleVector s3 = s0;
      int w = H.length();
      for (int end = n - n % (4 * w); i < end; i += 4 * w) {
        s0 = s0.add(FloatVector.fromArray(H, x, off + i).convertShape(VectorOperators.F2D, D, 0));
        s1 = s1.add(FloatVector.fromArray(H, x, off + i + w).convertShape(VectorOperators.F2D, D, 0));
        s2 = s2.add(FloatVector.fromArray(H, x, off + i + 2 * w)
            .convertShape(VectorOperators.F2D, D, 0));
        s3 = s3.add(FloatVector.fromArray(H, x, off + i + 3 * w)
            .convertShape(VectorOperators.F2D, D, 0));
      }
      double[] lanes = s0.add(s1).add(s2.add(s3)).toArray();
      for (double lane : lanes) {
        s += lane;
      }
    }
    for (; i < n; i++) {
      s += x[off + i];
    }
    return s;
  }

  static void globalAvgPool(int planes, int planeSize, float[] x, float[] y) {
    Parallel.forRange(planes, Math.max(1, GRAIN / Math.max(1, planeSize)), (from, to) -> {
      for (int p = from; p < to; p++) {
        y[p] = (float) (sumRun(x, p * planeSize, planeSize) / planeSize);
      }
    });
  }
}
