package io.gradlight.tensor.kernels;

/** Elementwise functions of two arguments, with their scalar definitions. */
public enum BinaryOp {
  ADD,
  SUB,
  MUL,
  DIV,
  /** {@code a^b} as {@link Math#pow} */
  POW,
  /** the larger; NaN if either is NaN */
  MAX,
  /** the smaller; NaN if either is NaN */
  MIN;

  /** The reference definition in double. */
  public double apply(double a, double b) {
    return switch (this) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case DIV -> a / b;
      case POW -> Math.pow(a, b);
      case MAX -> Math.max(a, b);
      case MIN -> Math.min(a, b);
    };
  }
}
