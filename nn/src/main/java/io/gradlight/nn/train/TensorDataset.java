package io.gradlight.nn.train;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;

/** Examples held in memory: the rows of one tensor {@code [N, ...]} with N labels. */
public final class TensorDataset implements Dataset {
  private final Tensor inputs;
  private final int[] labels;
  private final int rowSize;

  /** The rows of {@code inputs} labelled by {@code labels} (copied). */
  public TensorDataset(Tensor inputs, int[] labels) {
    Batch all = new Batch(inputs, labels);
    this.inputs = all.inputs();
    this.labels = all.labels();
    this.rowSize = labels.length == 0 ? 0 : inputs.size() / labels.length;
  }

  @Override
  public int size() {
    return labels.length;
  }

  @Override
  public Batch batch(int[] indices) {
    Dataset.checkIndices(indices, labels.length);
    int[] dims = inputs.shape().dims();
    dims[0] = indices.length;
    Shape shape = Shape.of(dims);
    boolean f32 = inputs.dtype() == DType.F32;
    Object source = f32 ? inputs.f32() : inputs.f64();
    Object rows = f32 ? new float[indices.length * rowSize] : new double[indices.length * rowSize];
    int[] picked = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(source, indices[i] * rowSize, rows, i * rowSize, rowSize);
      picked[i] = labels[indices[i]];
    }
    Tensor stacked =
        rows instanceof float[] f ? Tensor.wrap(f, shape) : Tensor.wrap((double[]) rows, shape);
    return new Batch(stacked, picked);
  }
}
