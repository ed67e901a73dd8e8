package io.gradlight.tensor.kernels;

/** Elementwise functions of one argument, with their scalar definitions. */
public enum UnaryOp {
  /** {@code -x} */
  NEG,
  /** {@code |x|} */
  ABS,
  /** {@code e^x} */
  EXP,
  /** {@code ln x} (NaN for x < 0, -inf at 0) */
  LOG,
  /** {@code sqrt x} */
  SQRT,
  /** {@code max(x, 0)}; NaN stays NaN */
  RELU,
  /** {@code tanh x} */
  TANH,
  /** {@code 1 / (1 + e^-x)} */
  SIGMOID;

  /** The reference definition in double. */
  public double apply(double x) {
    return switch (this) {
      case NEG -> -x;
      case ABS -> Math.abs(x);
      case EXP -> Math.exp(x);
      case LOG -> Math.log(x);
      case SQRT -> Math.sqrt(x);
      case RELU -> x > 0 || Double.isNaN(x) ? x : 0.0;
      case TANH -> Math.tanh(x);
      case SIGMOID -> x >= 0 ? 1.0 / (1.0 + Math.exp(-x)) : Math.exp(x) / (1.0 + Math.exp(x));
    };
  }
}
