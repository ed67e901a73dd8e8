package io.gradlight.saliency.perturbation;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.nn.Parameter;
import io.gradlight.nn.layers.AdaptiveAvgPool2d;
import io.gradlight.nn.layers.Conv2d;
import io.gradlight.nn.layers.Flatten;
import io.gradlight.nn.layers.Linear;
import io.gradlight.nn.layers.ReLU;
import io.gradlight.nn.layers.Sequential;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Small F64 models and inputs for the perturbation methods' tests. */
final class TinyModels {
  /** Channels of the tiny CNN's convolution; the last two are constant (see {@link #cnn}). */
  static final int CHANNELS = 6;
  /** The number of classes of the tiny models. */
  static final int CLASSES = 3;

  /** The region model's logit per unit of mean input. */
  static final double REGION_GAIN = 10;

  private TinyModels() {}

  /**
   * {@code 0} conv 3x3 (3 -> 6, padding 1), {@code 1} ReLU, {@code 2} global average pool,
   * {@code 3} flatten, {@code 4} linear (6 -> 3); in eval mode, F64. With {@code deadChannels},
   * channel 4 of the convolution is 0 everywhere and channel 5 is 0.5 everywhere (zero weights,
   * bias 0 and 0.5), so layer {@code 1} has two constant channels, one of them not zero.
   */
  static Module cnn(boolean deadChannels, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Conv2d conv = new Conv2d(3, CHANNELS, 3, 1, 1, true, rng);
    Module model = new Sequential(conv, new ReLU(), new AdaptiveAvgPool2d(1), new Flatten(),
        new Linear(CHANNELS, CLASSES, true, rng));
    model.to(DType.F64).eval().requiresGrad(false);
    if (deadChannels) {
      double[] w = conv.weight().value().toDoubleArray();
      int perChannel = w.length / CHANNELS;
      Arrays.fill(w, 4 * perChannel, 6 * perChannel, 0.0);
      double[] b = conv.bias().value().toDoubleArray();
      b[4] = 0;
      b[5] = 0.5;
      conv.weight().set(Tensor.of(w, conv.weight().shape().dims()));
      conv.bias().set(Tensor.of(b, CHANNELS));
    }
    return model;
  }

  /**
   * {@code 0} conv 3x3 (3 -> 6, padding 1), {@code 1} global average pool, {@code 2} flatten,
   * {@code 3} linear (6 -> 3): a head that is linear in the convolution's output, which has
   * both signs; in eval mode, F64.
   */
  static Module linearHead(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Module model = new Sequential(new Conv2d(3, CHANNELS, 3, 1, 1, true, rng),
        new AdaptiveAvgPool2d(1), new Flatten(), new Linear(CHANNELS, CLASSES, true, rng));
    return model.to(DType.F64).eval().requiresGrad(false);
  }

  /** {@code n} images of {@code 3 x size x size}, uniform in [0, 1). */
  static Tensor images(int n, int size, long seed) {
    return Tensor.uniform(DType.F64, Shape.of(n, 3, size, size), 0, 1, new SplittableRandom(seed));
  }

  /** The map of images {@code i} alone. */
  static SaliencyMap single(SaliencyMethod method, ExplainRequest batch, int i) {
    Tensor xi = batch.input().slice(0, i, i + 1);
    return method.explain(batch.withInput(xi));
  }

  /**
   * A model of two logits that looks only at the {@code size x size} square at
   * {@code (top, left)}: logit 0 is {@value #REGION_GAIN} times the mean of the input over that
   * square (all channels; the gain is a parameter), logit 1 is 0.
   */
  static Module region(int top, int left, int size) {
    return new Module() {
      private final Parameter scale =
          addParameter("scale", Tensor.full(DType.F64, Shape.of(1), REGION_GAIN));

      @Override
      protected Variable compute(Variable x) {
        int n = x.shape().dim(0);
        Variable mean = x.slice(2, top, top + size).slice(3, left, left + size)
            .mean(new int[] {1, 2, 3}, false).reshape(n, 1).mul(scale.variable());
        return Variable.concat(1, mean, mean.mul(0.0));
      }
    };
  }
}
