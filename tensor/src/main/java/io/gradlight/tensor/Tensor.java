package io.gradlight.tensor;

import io.gradlight.tensor.kernels.BinaryOp;
import io.gradlight.tensor.kernels.UnaryOp;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * A dense, row-major, contiguous n-dimensional array of {@link DType#F32} or {@link DType#F64}
 * values, backed by one {@code float[]} or {@code double[]}.
 *
 * <p>Values are immutable by convention: every operation returns a new tensor and leaves its
 * arguments alone. {@link #f32()} and {@link #f64()} expose the backing array for kernels,
 * optimizers and I/O, which may write into arrays they own. A few shape-only operations
 * ({@link #reshape}, {@link #unsqueeze}, {@link #squeeze}) return a tensor that shares the backing
 * array, like a PyTorch view; {@link #to}, {@link #broadcastTo} and {@link #sumTo} return the
 * tensor itself when there is nothing to do.
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

  /** Independent draws from the uniform distribution on {@code [lo, hi)}; see TensorRandom. */
  public static Tensor uniform(
      DType dtype, Shape shape, double lo, double hi, SplittableRandom rng) {
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

  /** This tensor converted to {@code target} (F64 to F32 rounds to nearest); itself if equal. */
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
    return f32 != null
        ? new Tensor(shape, f32.clone(), null)
        : new Tensor(shape, null, f64.clone());
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

  /** Short: dtype, shape and the first values, like {@code Tensor(F32, [2, 3], [0.0, 1.0, ...])}. */
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

  /** The same elements in row-major order with a new shape of equal size; shares the array. */
  public Tensor reshape(Shape newShape) {
    if (newShape.size() != size()) {
      throw new IllegalArgumentException(
          "reshape: cannot reshape " + shape + " (" + size() + " elements) to " + newShape
              + " (" + newShape.size() + " elements)");
    }
    return new Tensor(newShape, f32, f64);
  }

  /** The axes reordered: result axis k is this tensor's axis {@code axes[k]}. See {@link Views}. */
  public Tensor permute(int... axes) {
    return Views.permute(this, axes);
  }

  /** Axes {@code a} and {@code b} swapped. */
  public Tensor transpose(int a, int b) {
    return Views.transpose(this, a, b);
  }

  /** The elements with index in {@code [start, end)} along {@code axis}. */
  public Tensor slice(int axis, int start, int end) {
    return Views.slice(this, axis, start, end);
  }

  /** The parts joined along {@code axis}; their other axis sizes must match. */
  public static Tensor concat(int axis, Tensor... parts) {
    return Views.concat(axis, parts);
  }

  /** Padded with {@code before[k]} and {@code after[k]} copies of {@code value} on each axis k. */
  public Tensor pad(int[] before, int[] after, double value) {
    return Views.pad(this, before, after, value);
  }

  /** A new size-1 axis at {@code axis} of the result. Shares the backing array. */
  public Tensor unsqueeze(int axis) {
    return Views.unsqueeze(this, axis);
  }

  /** Axis {@code axis}, of size 1, removed. Shares the backing array. */
  public Tensor squeeze(int axis) {
    return Views.squeeze(this, axis);
  }

  /** Repeated along size-1 and missing leading axes to {@code target}. See {@link Broadcasting}. */
  public Tensor broadcastTo(Shape target) {
    return Broadcasting.broadcastTo(this, target);
  }

  /** Summed over the axes along which {@code target} broadcasts to this shape (its adjoint). */
  public Tensor sumTo(Shape target) {
    return Broadcasting.sumTo(this, target);
  }

  /** The NumPy broadcast of two shapes. */
  public static Shape broadcastShapes(Shape a, Shape b) {
    return Broadcasting.shapes("broadcastShapes", a, b);
  }

  // ---- elementwise (NumPy broadcasting; see Elementwise) ------------------------------------

  public Tensor add(Tensor other) {
    return Elementwise.binary("add", BinaryOp.ADD, this, other);
  }

  public Tensor sub(Tensor other) {
    return Elementwise.binary("sub", BinaryOp.SUB, this, other);
  }

  public Tensor mul(Tensor other) {
    return Elementwise.binary("mul", BinaryOp.MUL, this, other);
  }

  public Tensor div(Tensor other) {
    return Elementwise.binary("div", BinaryOp.DIV, this, other);
  }

  /** {@code this ^ other} as {@link Math#pow}. */
  public Tensor pow(Tensor other) {
    return Elementwise.binary("pow", BinaryOp.POW, this, other);
  }

  /** The elementwise larger; NaN if either is NaN. */
  public Tensor maximum(Tensor other) {
    return Elementwise.binary("maximum", BinaryOp.MAX, this, other);
  }

  /** The elementwise smaller; NaN if either is NaN. */
  public Tensor minimum(Tensor other) {
    return Elementwise.binary("minimum", BinaryOp.MIN, this, other);
  }

  public Tensor add(double s) {
    return Elementwise.scalar(BinaryOp.ADD, this, s);
  }

  public Tensor sub(double s) {
    return Elementwise.scalar(BinaryOp.SUB, this, s);
  }

  public Tensor mul(double s) {
    return Elementwise.scalar(BinaryOp.MUL, this, s);
  }

  public Tensor div(double s) {
    return Elementwise.scalar(BinaryOp.DIV, this, s);
  }

  public Tensor pow(double s) {
    return Elementwise.scalar(BinaryOp.POW, this, s);
  }

  public Tensor neg() {
    return Elementwise.unary(UnaryOp.NEG, this);
  }

  public Tensor abs() {
    return Elementwise.unary(UnaryOp.ABS, this);
  }

  public Tensor exp() {
    return Elementwise.unary(UnaryOp.EXP, this);
  }

  public Tensor log() {
    return Elementwise.unary(UnaryOp.LOG, this);
  }

  public Tensor sqrt() {
    return Elementwise.unary(UnaryOp.SQRT, this);
  }

  public Tensor relu() {
    return Elementwise.unary(UnaryOp.RELU, this);
  }

  public Tensor tanh() {
    return Elementwise.unary(UnaryOp.TANH, this);
  }

  public Tensor sigmoid() {
    return Elementwise.unary(UnaryOp.SIGMOID, this);
  }

  /** {@code x * x}. */
  public Tensor square() {
    return Elementwise.binary("square", BinaryOp.MUL, this, this);
  }

  /** {@code 1 / x}. */
  public Tensor reciprocal() {
    return Elementwise.reciprocal(this);
  }

  /** {@code f(x)} elementwise, in a plain loop (in double, rounded to this dtype). */
  public Tensor map(DoubleUnaryOperator f) {
    return Elementwise.map(this, f);
  }

  /** -1, 0 or 1 by sign; NaN stays NaN. */
  public Tensor sign() {
    return Elementwise.sign(this);
  }

  /** The mask {@code this > other}: 1 where it holds, else 0, in this dtype. */
  public Tensor gt(Tensor other) {
    return Elementwise.compare("gt", (a, b) -> a > b, this, other);
  }

  public Tensor ge(Tensor other) {
    return Elementwise.compare("ge", (a, b) -> a >= b, this, other);
  }

  public Tensor lt(Tensor other) {
    return Elementwise.compare("lt", (a, b) -> a < b, this, other);
  }

  public Tensor le(Tensor other) {
    return Elementwise.compare("le", (a, b) -> a <= b, this, other);
  }

  public Tensor eq(Tensor other) {
    return Elementwise.compare("eq", (a, b) -> a == b, this, other);
  }

  public Tensor gt(double s) {
    return Elementwise.compare((a, b) -> a > b, this, s);
  }

  public Tensor ge(double s) {
    return Elementwise.compare((a, b) -> a >= b, this, s);
  }

  public Tensor lt(double s) {
    return Elementwise.compare((a, b) -> a < b, this, s);
  }

  public Tensor le(double s) {
    return Elementwise.compare((a, b) -> a <= b, this, s);
  }

  /**
   * {@code mask != 0 ? a : b} elementwise, all three broadcast together. The mask may have either
   * dtype; a and b must share one.
   */
  public static Tensor where(Tensor mask, Tensor a, Tensor b) {
    return Elementwise.where(mask, a, b);
  }

  /** {@code min(max(x, lo), hi)}. */
  public Tensor clamp(double lo, double hi) {
    return Elementwise.clamp(this, lo, hi);
  }

  /** On an incoming gradient: {@code this} where {@code x > 0}, else 0 (ReLU's backward). */
  public Tensor reluBackward(Tensor x) {
    return Elementwise.reluBackward(this, x);
  }

  // ---- reductions (see Reductions) ----------------------------------------------------------

  /** The sum of all elements, as a rank-0 tensor. */
  public Tensor sum() {
    return Reductions.sum(this, Reductions.allAxes(this), false);
  }

  public Tensor sum(int[] axes, boolean keepDims) {
    return Reductions.sum(this, axes, keepDims);
  }

  /** The mean of all elements, as a rank-0 tensor. */
  public Tensor mean() {
    return Reductions.mean(this, Reductions.allAxes(this), false);
  }

  public Tensor mean(int[] axes, boolean keepDims) {
    return Reductions.mean(this, axes, keepDims);
  }

  public Tensor max(int[] axes, boolean keepDims) {
    return Reductions.extreme("max", this, axes, keepDims, 1);
  }

  public Tensor min(int[] axes, boolean keepDims) {
    return Reductions.extreme("min", this, axes, keepDims, -1);
  }

  /** {@code sum (x - mean)^2 / (n - correction)}: correction 0 is the population variance. */
  public Tensor variance(int[] axes, boolean keepDims, int correction) {
    return Reductions.variance(this, axes, keepDims, correction);
  }

  /** Per element of the result of reducing {@code axis}: the index of the first maximum. */
  public int[] argmax(int axis) {
    return Reductions.argmax(this, axis);
  }

  /** The largest element (NaN if any is NaN). */
  public double maxValue() {
    return Reductions.extreme("maxValue", this, Reductions.allAxes(this), false, 1).item();
  }

  /** The smallest element (NaN if any is NaN). */
  public double minValue() {
    return Reductions.extreme("minValue", this, Reductions.allAxes(this), false, -1).item();
  }

  // ---- linear algebra and softmax ------------------------------------------------------------

  /** The matrix product, batched and broadcast as NumPy's matmul. See {@link MatMul}. */
  public Tensor matmul(Tensor other) {
    return MatMul.matmul(this, other, false, false);
  }

  /** {@code op(this) @ op(other)}, op transposing the last two axes when its flag is set. */
  public Tensor matmul(Tensor other, boolean transposeThis, boolean transposeOther) {
    return MatMul.matmul(this, other, transposeThis, transposeOther);
  }

  /** {@code exp(x - max) / sum exp(x - max)} along {@code axis}. See {@link Softmax}. */
  public Tensor softmax(int axis) {
    return Softmax.softmax(this, axis);
  }

  /** {@code x - max - log sum exp(x - max)} along {@code axis}. */
  public Tensor logSoftmax(int axis) {
    return Softmax.logSoftmax(this, axis);
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

  /** A tensor of {@code dtype} holding {@code values}: wrapped for F64, rounded for F32. */
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
