package io.gradlight.demo;

import io.gradlight.nn.Module;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.Methods;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.saliency.Score;
import io.gradlight.saliency.Targets;
import io.gradlight.saliency.perturbation.Rise;
import io.gradlight.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every registered method ({@link Methods}) on the demo's images, each explaining the model's top-1
 * class with its paper defaults (RISE with fewer masks, to fit the demo's time), and the gallery
 * section that shows the maps side by side.
 */
final class MethodGallery {
  /** RISE's forward batch in the demo. */
  private static final int RISE_BATCH = 64;

  /**
   * Every method's maps.
   *
   * @param maps one per method, in registry order
   * @param seconds the wall time of each method's explanation of the whole batch
   */
  record Run(List<SaliencyMap> maps, double[] seconds) {}

  private MethodGallery() {}

  /** Every registered method, RISE with {@code riseMasks} masks. */
  static List<SaliencyMethod> methods(int riseMasks) {
    List<SaliencyMethod> out = new ArrayList<>();
    for (String id : Methods.ids()) {
      out.add(
          id.equals(Rise.ID)
              ? new Rise(riseMasks, Rise.DEFAULT_GRID, Rise.DEFAULT_KEEP, RISE_BATCH)
              : Methods.create(id));
    }
    return out;
  }

  /** Explains {@code images} for {@code classes} with each method, at the default layer. */
  static Run explain(
      Module model,
      Tensor images,
      int[] classes,
      String layer,
      List<SaliencyMethod> methods,
      long seed,
      Runnable done) {
    List<SaliencyMap> maps = new ArrayList<>();
    double[] seconds = new double[methods.size()];
    for (int m = 0; m < methods.size(); m++) {
      SaliencyMethod method = methods.get(m);
      long start = System.nanoTime();
      maps.add(
          method.explain(
              new ExplainRequest(
                  model,
                  images,
                  Targets.of(classes),
                  Score.LOGIT,
                  method.usesLayer() ? layer : null,
                  seed)));
      seconds[m] = (System.nanoTime() - start) / 1e9;
      done.run();
    }
    return new Run(maps, seconds);
  }

  /** The section: a row of inputs, then one row of overlays per method. */
  static Section section(
      Run run, Tensor images, int[] labels, int[] classes, Pictures pictures, int riseMasks) {
    int n = images.dim(0);
    List<String> columns = new ArrayList<>(List.of("method"));
    List<Block.Picture> inputs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String label = Pictures.className(labels[i]);
      String predicted = Pictures.className(classes[i]);
      columns.add(i + ": " + label);
      inputs.add(
          pictures.image(
              Pictures.image(images, i),
              inputFile(i),
              predicted.equals(label) ? "predicted " + predicted : "predicted " + predicted + "!"));
    }
    List<Block.FigureRow> rows = new ArrayList<>();
    rows.add(new Block.FigureRow("input", inputs));
    for (int m = 0; m < run.maps().size(); m++) {
      SaliencyMap map = run.maps().get(m);
      List<Block.Picture> cells = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        cells.add(
            pictures.overlay(
                Pictures.plane(map.display(), i),
                Pictures.image(images, i),
                mapFile(map.method(), i),
                ""));
      }
      rows.add(
          new Block.FigureRow(
              String.format(Locale.ROOT, "%s (%.2f s)", map.method(), run.seconds()[m]), cells));
    }
    return new Section(
        "methods",
        "Every method on the same images",
        "Each row is one saliency method explaining shapesnet's top-1 class for the images above"
            + " (an exclamation mark flags a wrong prediction), drawn with the jet colormap over"
            + " the image after gradlight's one display pipeline (ReLU where the method has one,"
            + " min-max, bilinear resize). The time is the method's wall time for the whole batch.",
        List.of(
            new Block.Figures(columns, rows),
            new Block.Note(
                "Every method runs with its paper defaults except RISE, with "
                    + riseMasks
                    + " masks instead of "
                    + Rise.DEFAULT_MASKS
                    + " to fit the demo's time budget.")));
  }

  /** The file of input {@code i} in the gallery. */
  static String inputFile(int i) {
    return "inputs/" + i + ".png";
  }

  /** The file of {@code method}'s overlay on image {@code i} in the gallery. */
  static String mapFile(String method, int i) {
    return "maps/" + method + "_" + i + ".png";
  }
}
