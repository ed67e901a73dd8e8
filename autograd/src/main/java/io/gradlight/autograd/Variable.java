package io.gradlight.autograd;

import io.gradlight.autograd.ops.Abs;
import io.gradlight.autograd.ops.Add;
import io.gradlight.autograd.ops.AvgPool2d;
import io.gradlight.autograd.ops.BilinearResize;
import io.gradlight.autograd.ops.BroadcastTo;
import io.gradlight.autograd.ops.Concat;
import io.gradlight.autograd.ops.Conv2d;
import io.gradlight.autograd.ops.Conv2dSpec;
import io.gradlight.autograd.ops.Div;
import io.gradlight.autograd.ops.Erf;
import io.gradlight.autograd.ops.Exp;
import io.gradlight.autograd.ops.Gelu;
import io.gradlight.autograd.ops.GlobalAvgPool;
import io.gradlight.autograd.ops.LeakyRelu;
import io.gradlight.autograd.ops.Log;
import io.gradlight.autograd.ops.LogSoftmax;
import io.gradlight.autograd.ops.MatMul;
import io.gradlight.autograd.ops.Max;
import io.gradlight.autograd.ops.MaxPool2d;
import io.gradlight.autograd.ops.Maximum;
import io.gradlight.autograd.ops.Mul;
import io.gradlight.autograd.ops.Neg;
import io.gradlight.autograd.ops.Pad;
import io.gradlight.autograd.ops.Permute;
import io.gradlight.autograd.ops.Pool2dSpec;
import io.gradlight.autograd.ops.Pow;
import io.gradlight.autograd.ops.Relu;
import io.gradlight.autograd.ops.Reshape;
import io.gradlight.autograd.ops.Sigmoid;
import io.gradlight.autograd.ops.Silu;
import io.gradlight.autograd.ops.Slice;
import io.gradlight.autograd.ops.Softmax;
import io.gradlight.autograd.ops.Softplus;
import io.gradlight.autograd.ops.Sqrt;
import io.gradlight.autograd.ops.Sub;
import io.gradlight.autograd.ops.Sum;
import io.gradlight.autograd.ops.SumTo;
import io.gradlight.autograd.ops.Tanh;
import io.gradlight.autograd.ops.Where;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.Collections;
import java.util.List;

/**
 * A tensor value in a differentiable computation: the value, whether it requires grad, the node
 * that made it, and (for leaves) the accumulated gradient.
 *
 * <p>A <em>leaf</em> is made by the user ({@link #leaf}, {@link #constant}, {@link #of}); every
 * other Variable is the output of an op and remembers the op as {@link #gradFn()}. The methods
 * named like {@link Tensor}'s ({@code add}, {@code matmul}, {@code conv2d}, ...) are the ops: each
 * computes its value as the tensor method does and, when grad mode is on and an input requires
 * grad, records the op (one final class per op in {@code io.gradlight.autograd.ops}, which holds
 * the op's math). This fluent API is the one way to build graphs; the op classes' static
 * {@code apply} methods are the same ops.
 *
 * <p>{@link #backward()} accumulates gradients into the leaves that require grad;
 * {@link Autograd#grad} returns gradients without touching any leaf. A graph is not thread-safe:
 * run one backward through it at a time.
 */
public final class Variable {
  private final Tensor value;
  private final boolean requiresGrad;
  private final Function gradFn;
  private final LeafAccumulator accumulator;
  private Variable grad;

  private Variable(Tensor value, boolean requiresGrad, Function gradFn) {
    if (value == null) {
      throw new IllegalArgumentException("a Variable needs a value, got null");
    }
    this.value = value;
    this.requiresGrad = requiresGrad;
    this.gradFn = gradFn;
    this.accumulator = requiresGrad && gradFn == null ? new LeafAccumulator(this) : null;
  }

  /** The output of an op, made by {@code gradFn}. */
  Variable(Tensor value, Function gradFn) {
    this(value, true, gradFn);
  }

  /** A leaf that requires grad: a parameter or an input to differentiate with respect to. */
  public static Variable leaf(Tensor value) {
    return new Variable(value, true, null);
  }

  /** A leaf that does not require grad: data. */
  public static Variable constant(Tensor value) {
    return new Variable(value, false, null);
  }

  /** A leaf that requires grad or not. */
  public static Variable of(Tensor value, boolean requiresGrad) {
    return new Variable(value, requiresGrad, null);
  }

  // ---- state -----------------------------------------------------------------------------------

  public Tensor value() {
    return value;
  }

  public Shape shape() {
    return value.shape();
  }

  public DType dtype() {
    return value.dtype();
  }

  public int size() {
    return value.size();
  }

  public int rank() {
    return value.rank();
  }

  /** Whether gradients flow to this Variable: a leaf that asked for it, or an op output. */
  public boolean requiresGrad() {
    return requiresGrad;
  }

  /** True for a Variable the user made, false for an op output. */
  public boolean isLeaf() {
    return gradFn == null;
  }

  /** The op that made this Variable, or null for a leaf. */
  public Function gradFn() {
    return gradFn;
  }

  /** The node gradients for this Variable arrive at: its op, or a leaf's accumulator. */
  Node node() {
    return gradFn != null ? gradFn : accumulator;
  }

  /**
   * The gradient accumulated by {@link #backward()} calls (null before the first). It carries a
   * graph only when the backward ran with {@code createGraph}.
   */
  public Variable grad() {
    return grad;
  }

  /** Forgets the accumulated gradient. */
  public void zeroGrad() {
    grad = null;
  }

  void accumulateGrad(Variable g) {
    grad = grad == null ? g : grad.add(g);
  }

  /** The same value as a constant leaf: gradients do not flow through it. */
  public Variable detach() {
    return constant(value);
  }

  // ---- backward and hooks --------------------------------------------------------------------

  /** Backward from a scalar: accumulates {@code d this / d leaf} into every leaf's grad. */
  public void backward() {
    backward(null, false, false);
  }

  /** Backward with the seed {@code seed} (the vector of the vector-Jacobian product). */
  public void backward(Tensor seed) {
    backward(constant(seed), false, false);
  }

  /**
   * Backward with a seed (null for a scalar: 1), keeping the graph when {@code retainGraph} and
   * recording the backward when {@code createGraph}, so leaf grads can be differentiated again.
   */
  public void backward(Variable seed, boolean retainGraph, boolean createGraph) {
    Engine.run("backward", List.of(this), Collections.singletonList(seed), null,
        createGraph, retainGraph || createGraph, false);
  }

  /**
   * Registers a hook called with this Variable's gradient in every backward that reaches it; it
   * may replace the gradient. Closing the returned scope removes the hook.
   */
  public Scope registerHook(GradHook hook) {
    if (!requiresGrad) {
      throw new IllegalStateException("cannot register a gradient hook on a Variable that does"
          + " not require grad (" + this + ")");
    }
    return node().addHook(hook);
  }

  // ---- elementwise (NumPy broadcasting) -------------------------------------------------------

  public Variable add(Variable other) {
    return Add.apply(this, other);
  }

  public Variable add(double s) {
    return Add.apply(this, scalar(s));
  }

  public Variable sub(Variable other) {
    return Sub.apply(this, other);
  }

  public Variable sub(double s) {
    return Sub.apply(this, scalar(s));
  }

  public Variable mul(Variable other) {
    return Mul.apply(this, other);
  }

  public Variable mul(double s) {
    return Mul.apply(this, scalar(s));
  }

  public Variable div(Variable other) {
    return Div.apply(this, other);
  }

  public Variable div(double s) {
    return Div.apply(this, scalar(s));
  }

  public Variable pow(Variable exponent) {
    return Pow.apply(this, exponent);
  }

  public Variable pow(double exponent) {
    return Pow.apply(this, scalar(exponent));
  }

  public Variable maximum(Variable other) {
    return Maximum.apply(this, other);
  }

  /** {@code -max(-a, -b)}. */
  public Variable minimum(Variable other) {
    return Maximum.apply(neg(), other.neg()).neg();
  }

  /** Elementwise {@code mask != 0 ? a : b}, broadcasting; the mask is data, not differentiated. */
  public static Variable where(Tensor mask, Variable a, Variable b) {
    return Where.apply(mask, a, b);
  }

  public Variable neg() {
    return Neg.apply(this);
  }

  public Variable exp() {
    return Exp.apply(this);
  }

  public Variable log() {
    return Log.apply(this);
  }

  public Variable sqrt() {
    return Sqrt.apply(this);
  }

  public Variable abs() {
    return Abs.apply(this);
  }

  /** {@code x * x}. */
  public Variable square() {
    return Mul.apply(this, this);
  }

  public Variable erf() {
    return Erf.apply(this);
  }

  // ---- activations ----------------------------------------------------------------------------

  public Variable relu() {
    return Relu.apply(this);
  }

  public Variable leakyRelu(double negativeSlope) {
    return LeakyRelu.apply(this, negativeSlope);
  }

  /** {@code log(1 + e^x)}. */
  public Variable softplus() {
    return Softplus.apply(this, 1.0);
  }

  /** {@code log(1 + e^(beta x)) / beta}. */
  public Variable softplus(double beta) {
    return Softplus.apply(this, beta);
  }

  public Variable silu() {
    return Silu.apply(this);
  }

  /** The exact GELU, {@code x Phi(x)}. */
  public Variable gelu() {
    return Gelu.apply(this);
  }

  public Variable tanh() {
    return Tanh.apply(this);
  }

  public Variable sigmoid() {
    return Sigmoid.apply(this);
  }

  // ---- shape ------------------------------------------------------------------------------------

  /** One size may be -1. */
  public Variable reshape(int... dims) {
    return Reshape.apply(this, value.reshape(dims).shape());
  }

  public Variable reshape(Shape shape) {
    return Reshape.apply(this, shape);
  }

  /** A size-1 axis inserted at {@code axis}. */
  public Variable unsqueeze(int axis) {
    return Reshape.apply(this, value.unsqueeze(axis).shape());
  }

  /** The size-1 axis {@code axis} removed. */
  public Variable squeeze(int axis) {
    return Reshape.apply(this, value.squeeze(axis).shape());
  }

  public Variable permute(int... axes) {
    return Permute.apply(this, axes);
  }

  public Variable transpose(int a, int b) {
    int[] axes = new int[rank()];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i;
    }
    int pa = shape().axis(a);
    int pb = shape().axis(b);
    axes[pa] = pb;
    axes[pb] = pa;
    return Permute.apply(this, axes);
  }

  public Variable slice(int axis, int start, int end) {
    return Slice.apply(this, axis, start, end);
  }

  public static Variable concat(int axis, Variable... parts) {
    return Concat.apply(axis, parts);
  }

  public Variable pad(int[] before, int[] after, double value) {
    return Pad.apply(this, before, after, value);
  }

  public Variable broadcastTo(Shape target) {
    return BroadcastTo.apply(this, target);
  }

  /** Summed over broadcast axes down to {@code target}: the adjoint of {@link #broadcastTo}. */
  public Variable sumTo(Shape target) {
    return SumTo.apply(this, target);
  }

  // ---- reductions -------------------------------------------------------------------------------

  /** The sum of all elements, rank 0. */
  public Variable sum() {
    return Sum.apply(this, allAxes(), false);
  }

  public Variable sum(int[] axes, boolean keepDims) {
    return Sum.apply(this, axes, keepDims);
  }

  /** The mean of all elements, rank 0: {@code sum() / size}. */
  public Variable mean() {
    return sum().div(size());
  }

  public Variable mean(int[] axes, boolean keepDims) {
    Variable s = sum(axes, keepDims);
    return s.div((double) size() / Math.max(1, s.size()));
  }

  public Variable max(int[] axes, boolean keepDims) {
    return Max.apply(this, axes, keepDims);
  }

  /** {@code -max(-x)}. */
  public Variable min(int[] axes, boolean keepDims) {
    return neg().max(axes, keepDims).neg();
  }

  // ---- linear algebra and softmax ---------------------------------------------------------

  /**
   * The matrix product as NumPy's {@code matmul}: batched over leading axes with broadcasting; a
   * 1-D operand is a row (left) or column (right) vector whose axis is dropped from the result.
   */
  public Variable matmul(Variable other) {
    boolean rowVector = rank() == 1;
    boolean columnVector = other.rank() == 1;
    Variable a = rowVector ? unsqueeze(0) : this;
    Variable b = columnVector ? other.unsqueeze(1) : other;
    Variable y = MatMul.apply(a, b, false, false);
    y = columnVector ? y.squeeze(-1) : y;
    return rowVector ? y.squeeze(columnVector ? -1 : -2) : y;
  }

  public Variable softmax(int axis) {
    return Softmax.apply(this, axis);
  }

  public Variable logSoftmax(int axis) {
    return LogSoftmax.apply(this, axis);
  }

  // ---- CNN (NCHW; {h, w} pairs) ---------------------------------------------------------------

  /** {@code conv2d(x, w) + bias} as PyTorch's {@code F.conv2d}; bias may be null. */
  public Variable conv2d(
      Variable weight, Variable bias, int[] stride, int[] padding, int[] dilation) {
    return Conv2d.apply(this, weight, bias, new Conv2dSpec(stride, padding, dilation));
  }

  public Variable maxPool2d(int[] kernel, int[] stride, int[] padding) {
    return MaxPool2d.apply(this, new Pool2dSpec(kernel, stride, padding));
  }

  public Variable avgPool2d(int[] kernel, int[] stride, int[] padding) {
    return AvgPool2d.apply(this, new Pool2dSpec(kernel, stride, padding));
  }

  /** {@code [N, C, H, W] -> [N, C]}. */
  public Variable globalAvgPool() {
    return GlobalAvgPool.apply(this);
  }

  /** Bilinear resize as PyTorch's {@code F.interpolate(mode='bilinear')}. */
  public Variable resizeBilinear(int outH, int outW, boolean alignCorners) {
    return BilinearResize.apply(this, outH, outW, alignCorners);
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private Variable scalar(double s) {
    return constant(Tensor.scalar(dtype(), s));
  }

  private int[] allAxes() {
    int[] axes = new int[rank()];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i;
    }
    return axes;
  }

  /** Like {@code Variable(F32, [2, 3], requiresGrad, Mul#12)}. */
  @Override
  public String toString() {
    return "Variable(" + dtype() + ", " + shape()
        + (requiresGrad ? ", requiresGrad" : "")
        + (gradFn != null ? ", " + gradFn.name() + "#" + gradFn.sequenceNr() : "") + ")";
  }
}
