package io.gradlight.demo;

import io.gradlight.nn.Module;
import io.gradlight.nn.train.Checkpoint;
import io.gradlight.nn.zoo.ShapesNet;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.saliency.cam.GradCam;
import io.gradlight.saliency.manipulation.ManipulatedNet;
import io.gradlight.saliency.manipulation.ManipulationExperiment;
import io.gradlight.saliency.manipulation.ManipulationReport;
import io.gradlight.saliency.manipulation.TargetPicture;
import io.gradlight.saliency.perturbation.Rise;
import io.gradlight.saliency.perturbation.ScoreCam;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Grad-CAM manipulation of Viering et al. (2019) on a trained shapesnet, as {@code gradlight
 * lie} and the demo show it: the {@link ManipulatedNet} is built twice from the same weights,
 *
 * <ul>
 *   <li>in F64, to show that the logits are unchanged (to rounding of order 1e-16 times the bias
 *       compensation) and that Grad-CAM draws the target;
 *   <li>in F32, gradlight's working precision, to run Grad-CAM, Score-CAM and RISE (forward-only
 *       methods, much slower in F64) on both networks.
 * </ul>
 */
public final class LieStudy {
  /** Masked inputs per forward pass of RISE. */
  private static final int RISE_BATCH = 64;

  /**
   * How the study runs.
   *
   * @param amplitude the pattern channel's peak activation ({@link ManipulatedNet})
   * @param weight the pattern channel's classifier weight
   * @param riseMasks the number of RISE masks
   * @param seed the seed of RISE's masks
   */
  public record Options(double amplitude, double weight, int riseMasks, long seed) {
    /** The manipulation's defaults, {@link Rise#DEFAULT_MASKS} masks, seed 0. */
    public static Options defaults() {
      return new Options(
          ManipulatedNet.DEFAULT_AMPLITUDE, ManipulatedNet.DEFAULT_WEIGHT, Rise.DEFAULT_MASKS, 0);
    }

    public Options withRiseMasks(int masks) {
      return new Options(amplitude, weight, masks, seed);
    }
  }

  /**
   * What the study found.
   *
   * @param exact the F64 run (Grad-CAM only)
   * @param working the F32 run (Grad-CAM, Score-CAM, RISE)
   * @param images the images explained, F32 {@code [N, 3, H, W]} in [0, 1]
   * @param picture the target picture
   */
  public record Result(
      ManipulationReport exact, ManipulationReport working, Tensor images, TargetPicture picture) {}

  private LieStudy() {}

  /** The number of times {@link #run} calls its {@code done}: once per method and run. */
  public static int steps() {
    return 4;
  }

  /**
   * Runs the study on {@code images} ({@code [N, 3, H, W]}, shapesnet's input: values in [0, 1])
   * for the shapesnet of {@code weights}, drawing {@code picture} (at the target layer's size).
   */
  public static Result run(
      Checkpoint weights, Tensor images, TargetPicture picture, Options o, Runnable done) {
    ShapesNet exact = shapesNet(weights, DType.F64);
    ManipulationReport f64 =
        ManipulationExperiment.run(
            exact,
            ManipulatedNet.build(exact, picture, o.amplitude(), o.weight()),
            images.to(DType.F64),
            List.of(new GradCam()),
            o.seed(),
            done);
    ShapesNet working = shapesNet(weights, DType.F32);
    List<SaliencyMethod> methods =
        List.of(
            new GradCam(),
            new ScoreCam(),
            new Rise(o.riseMasks(), Rise.DEFAULT_GRID, Rise.DEFAULT_KEEP, RISE_BATCH));
    ManipulationReport f32 =
        ManipulationExperiment.run(
            working,
            ManipulatedNet.build(working, picture, o.amplitude(), o.weight()),
            images.to(DType.F32),
            methods,
            o.seed(),
            done);
    return new Result(f64, f32, images.to(DType.F32), picture);
  }

  /** A new shapesnet of {@code weights} in {@code dtype} and evaluation mode. */
  static ShapesNet shapesNet(Checkpoint weights, DType dtype) {
    Module m = weights.newModel();
    if (!(m instanceof ShapesNet net)) {
      throw new IllegalArgumentException(
          "the manipulation is built for shapesnet; the weights are for " + weights.model());
    }
    net.to(dtype);
    net.eval();
    return net;
  }

  /** The lines about the logits, for the terminal and the gallery. */
  public static List<String> logitLines(Result r) {
    List<String> lines = new ArrayList<>();
    for (ManipulationReport rep : List.of(r.exact(), r.working())) {
      boolean f64 = rep == r.exact();
      lines.add(
          String.format(
              Locale.ROOT,
              "logits in %s: max |z' - z| = %.3g (%.3g of max |z| = %.3g); top-1 class %s on all"
                  + " %d images",
              f64 ? "F64" : "F32",
              rep.maxLogitDifference(),
              rep.relativeLogitDifference(),
              rep.maxAbsLogit(),
              rep.samePredictions() ? "unchanged" : "CHANGED",
              rep.classes().length));
    }
    return lines;
  }

  /** The distance table's header. */
  public static List<String> header() {
    return List.of(
        "method",
        "dtype",
        "L1 original-target",
        "L1 manipulated-target",
        "SSIM original",
        "SSIM manipulated",
        "L1 change",
        "fooled");
  }

  /** The distance table's rows: the F64 Grad-CAM, then every F32 method. */
  public static List<List<String>> rows(Result r) {
    List<List<String>> rows = new ArrayList<>();
    for (ManipulationReport rep : List.of(r.exact(), r.working())) {
      String dtype = rep == r.exact() ? "F64" : "F32";
      for (ManipulationReport.Outcome o : rep.outcomes()) {
        rows.add(
            List.of(
                o.method(),
                dtype,
                format(o.originalToTarget()),
                format(o.manipulatedToTarget()),
                format(o.originalSsim()),
                format(o.manipulatedSsim()),
                format(o.change()),
                o.fooled() ? "yes" : "no"));
      }
    }
    return rows;
  }

  /**
   * The gallery section: per image the input, the target, and each F32 method's map on the original
   * and on the manipulated network (picture files named with {@code prefix}, e.g. {@code lie/}),
   * then the logit lines and the distance table.
   */
  public static Section section(Result r, Pictures pictures, String prefix) {
    List<String> columns = new ArrayList<>(List.of("image", "input", "target"));
    for (ManipulationReport.Outcome o : r.working().outcomes()) {
      columns.add(o.method() + " original");
      columns.add(o.method() + " manipulated");
    }
    int height = r.images().dim(2);
    int width = r.images().dim(3);
    Block.Picture target =
        pictures.heat(r.picture().display(height, width), targetFile(prefix), "the target");
    List<Block.FigureRow> rows = new ArrayList<>();
    int[] classes = r.working().classes();
    for (int i = 0; i < classes.length; i++) {
      Tensor image = Pictures.image(r.images(), i);
      List<Block.Picture> cells = new ArrayList<>();
      cells.add(pictures.image(image, inputFile(prefix, i), ""));
      cells.add(i == 0 ? target : null);
      for (ManipulationReport.Outcome o : r.working().outcomes()) {
        cells.add(
            overlay(pictures, o.original().display(), i, image, prefix, o.method(), "original"));
        cells.add(
            overlay(
                pictures, o.manipulated().display(), i, image, prefix, o.method(), "manipulated"));
      }
      rows.add(new Block.FigureRow(i + ": " + Pictures.className(classes[i]), cells));
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Figures(columns, rows));
    logitLines(r).forEach(line -> blocks.add(new Block.Note(line)));
    blocks.add(
        new Block.Table(
            "Distance of each method's display maps to the target picture (mean absolute difference"
                + " in [0, 1], lower is closer; SSIM, 1 is identical); change: between the two"
                + " networks' maps; fooled: closer to the target than to its own honest map",
            header(),
            rows(r)));
    return new Section(
        "manipulation",
        "The manipulation: a network that lies to Grad-CAM",
        "A copy of shapesnet with one extra channel at "
            + ManipulatedNet.TARGET_LAYER
            + " and a bias-compensated classifier (Viering et al. 2019) computes the same logits"
            + " for every input, yet its Grad-CAM draws the target picture for every image and"
            + " class. Methods that only look at the network's outputs cannot be fooled this way;"
            + " the table measures how far each method's maps moved toward the target.",
        blocks);
  }

  private static Block.Picture overlay(
      Pictures pictures,
      Tensor display,
      int i,
      Tensor image,
      String prefix,
      String method,
      String network) {
    return pictures.overlay(
        Pictures.plane(display, i), image, mapFile(prefix, method, network, i), "");
  }

  /** The target picture's file in the gallery. */
  static String targetFile(String prefix) {
    return prefix + "target.png";
  }

  /** The file of input {@code i}. */
  static String inputFile(String prefix, int i) {
    return prefix + "input_" + i + ".png";
  }

  /** The file of {@code method}'s map of image {@code i} on {@code network}. */
  static String mapFile(String prefix, String method, String network, int i) {
    return prefix + method + "_" + network + "_" + i + ".png";
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
