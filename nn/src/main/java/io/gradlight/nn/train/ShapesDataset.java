package io.gradlight.nn.train;

import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.data.ShapesSample;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.kernels.Parallel;

/**
 * Images {@code 0 .. count-1} of a {@link Shapes} generator for one seed, rendered when a batch
 * asks for them (in parallel; each image is a pure function of its index, so batches do not
 * depend on the thread count). Nothing is kept in memory: use {@link #inMemory} to render once
 * for a data set read many times.
 */
public final class ShapesDataset implements Dataset {
  private final Shapes shapes;
  private final int count;
  private final long seed;

  /** The first {@code count} images of {@code shapes} for {@code seed}. */
  public ShapesDataset(Shapes shapes, int count, long seed) {
    if (count < 1) {
      throw new IllegalArgumentException("a Shapes data set needs count >= 1, got " + count);
    }
    this.shapes = shapes;
    this.count = count;
    this.seed = seed;
  }

  @Override
  public int size() {
    return count;
  }

  @Override
  public Batch batch(int[] indices) {
    Dataset.checkIndices(indices, count);
    int size = shapes.size();
    int image = 3 * size * size;
    float[] pixels = new float[Math.multiplyExact(indices.length, image)];
    int[] labels = new int[indices.length];
    Parallel.forEach(indices.length, i -> {
      ShapesSample sample = shapes.sample(indices[i], seed);
      System.arraycopy(sample.image().f32(), 0, pixels, i * image, image);
      labels[i] = sample.label();
    });
    return new Batch(Tensor.wrap(pixels, Shape.of(indices.length, 3, size, size)), labels);
  }

  /** All {@code count} images rendered once and held in memory ({@code 3 count size^2} floats). */
  public TensorDataset inMemory() {
    var all = shapes.batch(0, count, seed);
    return new TensorDataset(all.images(), all.labels());
  }
}
