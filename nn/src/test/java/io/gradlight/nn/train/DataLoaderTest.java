package io.gradlight.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataLoaderTest {
  private static final Dataset TEN = new TensorDataset(Tensor.arange(DType.F32, 10).reshape(10, 1),
      new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});

  @Test
  void withoutShufflingBatchesFollowTheIndexOrder() {
    DataLoader loader = new DataLoader(TEN, 4, false, false, 1);
    assertEquals(3, loader.batchCount());
    assertEquals(10, loader.examplesPerEpoch());
    List<int[]> batches = loader.batchIndices(5);
    assertArrayEquals(new int[] {0, 1, 2, 3}, batches.get(0));
    assertArrayEquals(new int[] {8, 9}, batches.get(2));
  }

  @Test
  void dropLastDropsTheShortBatch() {
    DataLoader loader = new DataLoader(TEN, 4, true, true, 1);
    assertEquals(2, loader.batchCount());
    assertEquals(8, loader.examplesPerEpoch());
    assertEquals(2, loader.batchIndices(0).size());
    assertThrows(IllegalArgumentException.class, () -> new DataLoader(TEN, 11, true, true, 1));
    assertThrows(IllegalArgumentException.class, () -> new DataLoader(TEN, 0, true, false, 1));
  }

  @Test
  void eachEpochIsAPermutationThatDependsOnlyOnSeedAndEpoch() {
    DataLoader loader = new DataLoader(TEN, 3, true, false, 42);
    int[] epoch0 = loader.order(0);
    int[] sorted = epoch0.clone();
    Arrays.sort(sorted);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted);
    assertArrayEquals(epoch0, new DataLoader(TEN, 5, true, false, 42).order(0));
    assertFalse(Arrays.equals(epoch0, loader.order(1)));
    assertFalse(Arrays.equals(epoch0, new DataLoader(TEN, 3, true, false, 43).order(0)));
    assertFalse(Arrays.equals(sorted, epoch0));
  }

  @Test
  void batchIndicesConcatenateToTheEpochOrder() {
    DataLoader loader = new DataLoader(TEN, 3, true, false, 7);
    int[] joined = loader.batchIndices(2).stream().flatMapToInt(Arrays::stream).toArray();
    assertArrayEquals(loader.order(2), joined);
  }
}
