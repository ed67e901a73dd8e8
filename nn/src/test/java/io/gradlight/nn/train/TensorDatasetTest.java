package io.gradlight.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class TensorDatasetTest {
  @Test
  void gathersRowsAndLabelsInTheGivenOrder() {
    for (DType dtype : DType.values()) {
      Tensor inputs = Tensor.arange(dtype, 12).reshape(4, 1, 3);
      TensorDataset data = new TensorDataset(inputs, new int[] {7, 8, 9, 6});
      assertEquals(4, data.size());
      Batch b = data.batch(new int[] {2, 0, 2});
      assertEquals(Shape.of(3, 1, 3), b.inputs().shape());
      assertEquals(dtype, b.inputs().dtype());
      assertArrayEquals(new double[] {6, 7, 8, 0, 1, 2, 6, 7, 8}, b.inputs().toDoubleArray());
      assertArrayEquals(new int[] {9, 7, 9}, b.labels());
    }
  }

  @Test
  void rejectsMismatchedLabelsAndBadIndices() {
    Tensor inputs = Tensor.zeros(DType.F32, 3, 2);
    assertThrows(IllegalArgumentException.class, () -> new TensorDataset(inputs, new int[] {0}));
    TensorDataset data = new TensorDataset(inputs, new int[] {0, 1, 2});
    assertThrows(IndexOutOfBoundsException.class, () -> data.batch(new int[] {3}));
    assertThrows(IndexOutOfBoundsException.class, () -> data.batch(new int[] {-1}));
  }
}
