package io.gradlight.autograd.check;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;

/** Ops with deliberately wrong backward rules, to show that the checks catch each kind of bug. */
final class FaultyOps {
  private FaultyOps() {}

  /** {@code x^2} whose backward forgets the factor 2. */
  static final class MissingFactor extends Function {
    private MissingFactor(Variable x) {
      save(x);
    }

    static Variable apply(Variable x) {
      return record(x.value().square(), () -> new MissingFactor(x), x);
    }

    @Override
    protected Variable[] backward(Variable gy) {
      return grads(gy.mul(saved(0)));
    }
  }

  /** {@code x^2} whose backward returns {@code 2x} without multiplying by the gradient. */
  static final class IgnoresGradOutput extends Function {
    private IgnoresGradOutput(Variable x) {
      save(x);
    }

    static Variable apply(Variable x) {
      return record(x.value().square(), () -> new IgnoresGradOutput(x), x);
    }

    @Override
    protected Variable[] backward(Variable gy) {
      return grads(saved(0).mul(2));
    }
  }

  /** {@code 3x} whose backward drifts by one part in 1e9 per call. */
  static final class Drifting extends Function {
    private int calls;

    static Variable apply(Variable x) {
      return record(x.value().mul(3), Drifting::new, x);
    }

    @Override
    protected Variable[] backward(Variable gy) {
      calls++;
      return grads(gy.mul(3 * (1 + 1e-9 * calls)));
    }
  }

  /**
   * {@code x^2} with the right first derivative computed from a constant copy of {@code x}: the
   * backward is not differentiable with respect to {@code x}, a once-differentiable op.
   */
  static final class OnceDifferentiable extends Function {
    private OnceDifferentiable(Variable x) {
      save(x);
    }

    static Variable apply(Variable x) {
      return record(x.value().square(), () -> new OnceDifferentiable(x), x);
    }

    @Override
    protected Variable[] backward(Variable gy) {
      return grads(gy.mul(saved(0).detach().mul(2)));
    }
  }

  /** {@code 2x} whose backward is {@link HalfWrongDouble}: right, but wrongly differentiable. */
  static final class Doubling extends Function {
    static Variable apply(Variable x) {
      return record(x.value().mul(2), Doubling::new, x);
    }

    @Override
    protected Variable[] backward(Variable gy) {
      return grads(HalfWrongDouble.apply(gy));
    }
  }

  /** {@code 2g}, whose own backward forgets the factor 2. */
  static final class HalfWrongDouble extends Function {
    static Variable apply(Variable g) {
      return record(g.value().mul(2), HalfWrongDouble::new, g);
    }

    @Override
    protected Variable[] backward(Variable gg) {
      return grads(gg);
    }
  }
}
