package io.gradlight.tensor;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A dense, row-major, contiguous n-dimensional array of {@link DType#F32} or {@link DType#F64}
 * values, backed by one {@code float[]} or {@code double[]}.
 *
 * <p>Values are immutable by convention: every operation returns a new tensor and leaves its
 * arguments alone. {@link #f32()} and {@link #f64()} expose the backing array for kernels,
 * optimizers and I/O, which may write into arrays they own. A few shape-only operations
 * ({@link #reshape}, {@link #unsqueeze}, {@link #squeeze}, {@link #to} to the same dtype) return a
 * tensor that shares the backing array, like a PyTorch view.
 *
 * <p>Operands of one operation must have the same dtype; mixing is an error naming both. Shape
 * errors name the operation and the shapes. Elementwise operations broadcast as NumPy does.
 */
public final class Tensor {
  private final DType dtype;
  private final Shape shape;
  private final float[] f32;
  private final double[] f64;

  private Tensor(Shape shape, float[] f32, double[] f64) {
    this.dtype = f32 != null ? DType.F32 : DType.F64;
    this.shape = shape;
    this.f32 = f32;
    this.f64 = f64;
    int length = f32 != null ? f32.length : f64.length;
    if (length != shape.size()) {
      throw new IllegalArgumentException(
          "tensor data has " + length + " elements but shape " + shape + " needs " + shape.size());
    }
  }

  // ---- creation ---------------------------------------------------------------------------

  /** A tensor of zeros. */
  public static Tensor zeros(DType dtype, Shape shape) {
    return dtype == DType.F32
        ? new Tensor(shape, new float[shape.size()], null)
        : new Tensor(shape, null, new double[shape.size()]);
  }

  /** A tensor of zeros with the given axis sizes. */
  public static Tensor zeros(DType dtype, int... dims) {
    return zeros(dtype, Shape.of(dims));
  }

  /** A tensor of ones. */
  public static Tensor ones(DType dtype, Shape shape) {
    return full(dtype, shape, 1.0);
  }

  /** A tensor of ones with the given axis sizes. */
  public static Tensor ones(DType dtype, int... dims) {
    return full(dtype, Shape.of(dims), 1.0);
  }

  /** A tensor with every element equal to {@code value} (rounded to float for F32). */
  public static Tensor full(DType dtype, Shape shape, double value) {
    Tensor t = zeros(dtype, shape);
    if (dtype == DType.F32) {
      Arrays.fill(t.f32, (float) value);
    } else {
      Arrays.fill(t.f64, value);
    }
    return t;
  }

  /** A rank-0 tensor holding one value. */
  public static Tensor scalar(DType dtype, double value) {
    return full(dtype, Shape.scalar(), value);
  }

  /** An F32 tensor holding a copy of {@code data}, whose length must equal the product of dims. */
  public static Tensor of(float[] data, int... dims) {
    return new Tensor(Shape.of(dims), data.clone(), null);
  }

  /** An F64 tensor holding a copy of {@code data}, whose length must equal the product of dims. */
  public static Tensor of(double[] data, int... dims) {
    return new Tensor(Shape.of(dims), null, data.clone());
  }

  /** An F32 tensor backed by {@code data} itself (no copy). */
  public static Tensor wrap(float[] data, Shape shape) {
    return new Tensor(shape, data, null);
  }

  /** An F64 tensor backed by {@code data} itself (no copy). */
  public static Tensor wrap(double[] data, Shape shape) {
    return new Tensor(shape, null, data);
  }

  /** The rank-1 tensor {@code [0, 1, ..., n-1]}. */
  public static Tensor arange(DType dtype, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("arange: n must be >= 0, got " + n);
    }
    Tensor t = zeros(dtype, n);
    for (int i = 0; i < n; i++) {
      t.setFlat(i, i);
    }
    return t;
  }

  /** Independent draws from the uniform distribution on {@code [lo, hi)}; see {@link TensorRandom}. */
  public static Tensor uniform(DType dtype, Shape shape, double lo, double hi, SplittableRandom rng) {
    return TensorRandom.uniform(dtype, shape, lo, hi, rng);
  }

  /** Independent draws from the normal distribution; see {@link TensorRandom}. */
  public static Tensor normal(
      DType dtype, Shape shape, double mean, double std, SplittableRandom rng) {
    return TensorRandom.normal(dtype, shape, mean, std, rng);
  }

  /** Zeros of this tensor's dtype and shape. */
  public Tensor zerosLike() {
    return zeros(dtype, shape);
  }

  /** Ones of this tensor's dtype and shape. */
  public Tensor onesLike() {
    return full(dtype, shape, 1.0);
  }

  /** {@code value} everywhere, with this tensor's dtype and shape. */
  public Tensor fullLike(double value) {
    return full(dtype, shape, value);
  }

  // ---- access -----------------------------------------------------------------------------

  public DType dtype() {
    return dtype;
  }

  public Shape shape() {
    return shape;
  }

  /** The number of elements. */
  public int size() {
    return shape.size();
  }

  public int rank() {
    return shape.rank();
  }

  /** The size of axis {@code axis}; negative axes count from the end. */
  public int dim(int axis) {
    return shape.dim(axis);
  }

  /** The backing {@code float[]} (not a copy). */
  public float[] f32() {
    if (f32 == null) {
      throw new IllegalStateException("f32(): this tensor is " + dtype + ", not F32");
    }
    return f32;
  }

  /** The backing {@code double[]} (not a copy). */
  public double[] f64() {
    if (f64 == null) {
      throw new IllegalStateException("f64(): this tensor is " + dtype + ", not F64");
    }
    return f64;
  }

  /** The element at a full index, one entry per axis, each in {@code [0, dim)}. */
  public double get(int... index) {
    if (index.length != rank()) {
      throw new IllegalArgumentException(
          "get: index " + Arrays.toString(index) + " has " + index.length
              + " entries but the tensor " + shape + " has rank " + rank());
    }
    int flat = 0;
    for (int i = 0; i < index.length; i++) {
      int d = shape.dim(i);
      if (index[i] < 0 || index[i] >= d) {
        throw new IndexOutOfBoundsException(
            "get: index " + Arrays.toString(index) + " is out of bounds for shape " + shape);
      }
      flat = flat * d + index[i];
    }
    return getFlat(flat);
  }

  /** The only element of a one-element tensor (of any rank). */
  public double item() {
    if (size() != 1) {
      throw new IllegalStateException(
          "item: the tensor " + shape + " has " + size() + " elements, not 1");
    }
    return getFlat(0);
  }

  /** A new {@code double[]} with the elements in row-major order. */
  public double[] toDoubleArray() {
    if (f64 != null) {
      return f64.clone();
    }
    double[] out = new double[f32.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = f32[i];
    }
    return out;
  }

  /** A new {@code float[]} with the elements in row-major order (F64 values rounded). */
  public float[] toFloatArray() {
    if (f32 != null) {
      return f32.clone();
    }
    float[] out = new float[f64.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) f64[i];
    }
    return out;
  }

  /** This tensor converted to {@code target} (rounding to nearest for F64 to F32); itself if equal. */
  public Tensor to(DType target) {
    if (target == dtype) {
      return this;
    }
    return target == DType.F32
        ? new Tensor(shape, toFloatArray(), null)
        : new Tensor(shape, null, toDoubleArray());
  }

  /** A copy with its own backing array. */
  public Tensor copy() {
    return f32 != null ? new Tensor(shape, f32.clone(), null) : new Tensor(shape, null, f64.clone());
  }

  /**
   * True when both tensors have the same shape and every pair of elements satisfies
   * {@code |a - b| <= atol + rtol |b|} (NumPy's {@code allclose}, with {@code other} as b). NaN is
   * close to nothing. The dtypes may differ: values compare as doubles.
   */
  public boolean allClose(Tensor other, double rtol, double atol) {
    if (!shape.equals(other.shape)) {
      return false;
    }
    for (int i = 0; i < size(); i++) {
      double a = getFlat(i);
      double b = other.getFlat(i);
      if (!(Math.abs(a - b) <= atol + rtol * Math.abs(b))) {
        return false;
      }
    }
    return true;
  }

  /** Short: dtype, shape and the first few values, like {@code Tensor(F32, [2, 3], [0.0, 1.0, ...])}. */
  @Override
  public String toString() {
    int shown = Math.min(size(), 6);
    StringBuilder sb = new StringBuilder("Tensor(").append(dtype).append(", ").append(shape);
    sb.append(", [");
    for (int i = 0; i < shown; i++) {
      sb.append(i == 0 ? "" : ", ").append(f32 != null ? Float.toString(f32[i]) : f64[i]);
    }
    return sb.append(size() > shown ? ", ...])" : "])").toString();
  }

  // ---- shape ------------------------------------------------------------------------------

  /**
   * The same elements in row-major order with new axis sizes; one size may be -1, inferred from
   * the element count. Shares the backing array.
   */
  public Tensor reshape(int... dims) {
    return reshape(Views.inferShape("reshape", shape, dims));
  }

  /** The same elements in row-major order with a new shape of equal size. Shares the backing array. */
  public Tensor reshape(Shape newShape) {
    if (newShape.size() != size()) {
      throw new IllegalArgumentException(
          "reshape: cannot reshape " + shape + " (" + size() + " elements) to " + newShape
              + " (" + newShape.size() + " elements)");
    }
    return new Tensor(newShape, f32, f64);
  }

  // ---- package-private storage helpers for the op classes -----------------------------------

  /** The backing array as an Object, for dtype-agnostic copies with {@link System#arraycopy}. */
  Object data() {
    return f32 != null ? f32 : f64;
  }

  /** The element at a flat row-major index. */
  double getFlat(int i) {
    return f32 != null ? f32[i] : f64[i];
  }

  /** Writes one element of a tensor this package is still building. */
  void setFlat(int i, double value) {
    if (f32 != null) {
      f32[i] = (float) value;
    } else {
      f64[i] = value;
    }
  }

  /** A tensor of {@code dtype} holding {@code values} (wrapped for F64, rounded to float for F32). */
  static Tensor fromDoubles(DType dtype, Shape shape, double[] values) {
    Tensor t = new Tensor(shape, null, values);
    return t.to(dtype);
  }

  /** Throws unless both operands have the same dtype, naming the op and both dtypes. */
  static void requireSameDType(String op, Tensor a, Tensor b) {
    if (a.dtype != b.dtype) {
      throw new IllegalArgumentException(
          op + ": dtypes " + a.dtype + " and " + b.dtype + " differ; convert one with to(DType)");
    }
  }
}
