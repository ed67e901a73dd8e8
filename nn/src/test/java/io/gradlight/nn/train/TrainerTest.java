package io.gradlight.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.Module;
import io.gradlight.nn.data.ShapeClass;
import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.zoo.Models;
import io.gradlight.tensor.kernels.Parallel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
  private static final Dataset DATA = new ShapesDataset(new Shapes(Shapes.MIN_SIZE, false), 24, 3)
      .inMemory();

  @TempDir Path dir;

  /** Three steps of SGD (batch 8) on 16-pixel Shapes from fixed seeds; the model after them. */
  private static Module trainThreeSteps(List<EpochResult> results, List<Double> losses) {
    Module model = Models.create("shapesnet", ShapeClass.COUNT, Activation.RELU, 9);
    Optimizer sgd = new Sgd(model.parameters(), 0.05, 0.9, 5e-4);
    TrainingListener record = new TrainingListener() {
      @Override
      public void batchFinished(int epoch, int batch, double loss) {
        losses.add(loss);
      }

      @Override
      public void epochFinished(EpochResult result) {
        results.add(result);
      }
    };
    Trainer trainer = new Trainer(model, sgd, new CosineSchedule(0.05, 0, 3), record);
    trainer.fit(new DataLoader(DATA, 8, true, false, 4), 1);
    assertEquals(3, trainer.steps());
    return model;
  }

  private byte[] weightBytes(Module model, String name) throws IOException {
    Path file = dir.resolve(name);
    new Checkpoint("shapesnet", List.of(ShapeClass.names()), "relu", 1, model.stateDict(),
        Map.of()).save(file);
    return Files.readAllBytes(file);
  }

  @Test
  void sameSeedGivesTheSameWeightsBitForBitOnAnyThreadCount() throws Exception {
    List<Double> losses = new ArrayList<>();
    byte[] first = weightBytes(trainThreeSteps(new ArrayList<>(), losses), "a");
    byte[] again = weightBytes(trainThreeSteps(new ArrayList<>(), new ArrayList<>()), "b");
    byte[] oneThread = weightBytes(
        Parallel.withThreads(1, () -> trainThreeSteps(new ArrayList<>(), new ArrayList<>())), "c");
    byte[] threeThreads = weightBytes(
        Parallel.withThreads(3, () -> trainThreeSteps(new ArrayList<>(), new ArrayList<>())), "d");
    assertArrayEquals(first, again);
    assertArrayEquals(first, oneThread);
    assertArrayEquals(first, threeThreads);
    byte[] untrained = weightBytes(
        Models.create("shapesnet", ShapeClass.COUNT, Activation.RELU, 9), "e");
    assertFalse(Arrays.equals(first, untrained), "training changed no weight");
    assertEquals(3, losses.size());
  }

  @Test
  void epochResultSumsTheBatches() {
    List<EpochResult> results = new ArrayList<>();
    List<Double> losses = new ArrayList<>();
    trainThreeSteps(results, losses);
    EpochResult epoch = results.getFirst();
    assertEquals(0, epoch.epoch());
    assertEquals(24, epoch.examples());
    double mean = (losses.get(0) + losses.get(1) + losses.get(2)) / 3;
    assertEquals(mean, epoch.loss(), 1e-12);
    assertTrue(epoch.accuracy() >= 0 && epoch.accuracy() <= 1);
  }

  @Test
  void trainingLossFallsOnAFixedBatch() {
    Module model = Models.create("shapesnet", ShapeClass.COUNT, Activation.RELU, 2);
    Trainer trainer = new Trainer(model, new Adam(model.parameters(), 0.01, 0),
        LearningRateSchedule.constant(0.01), TrainingListener.NONE);
    Batch eight = DATA.batch(new int[] {0, 1, 2, 3, 4, 5, 6, 7});
    Dataset data = new TensorDataset(eight.inputs(), eight.labels());
    List<EpochResult> epochs = trainer.fit(new DataLoader(data, 8, false, false, 0), 20);
    double before = epochs.getFirst().loss();
    double after = epochs.getLast().loss();
    assertTrue(after < before / 4, "loss " + before + " -> " + after);
    assertEquals(1.0, epochs.getLast().accuracy());
  }

  @Test
  void evaluateRestoresTheModeAndCountsEveryExample() {
    Module model = Models.create("shapesnet", ShapeClass.COUNT, Activation.RELU, 2);
    model.train();
    EpochResult r = Trainer.evaluate(model, DATA, 10);
    assertTrue(model.isTraining());
    assertEquals(24, r.examples());
    assertEquals(-1, r.epoch());
    model.eval();
    Trainer.evaluate(model, DATA, 10);
    assertFalse(model.isTraining());
  }
}
