package io.gradlight.demo;

import io.gradlight.saliency.cleverhans.CleverHansStudy;
import io.gradlight.saliency.cleverhans.CleverHansWeights;
import io.gradlight.saliency.metrics.PointingGame;
import io.gradlight.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Clever-Hans story ({@link CleverHansStudy}) as tables and pictures for the gallery. */
final class CleverHansSection {
  /** The methods whose maps the gallery draws, when the study ran them. */
  private static final List<String> SHOWN = List.of("gradcam", "gradient", "guided-backprop");

  /** The most images drawn. */
  private static final int SHOWN_IMAGES = 4;

  private CleverHansSection() {}

  /** The accuracy table's header. */
  static List<String> accuracyHeader() {
    return List.of("model", "accuracy, cued images", "accuracy, clean images");
  }

  /** The accuracy table: the cheating and the honest model, in percent. */
  static List<List<String>> accuracyRows(CleverHansStudy.Result r) {
    return List.of(
        List.of("trained with the cue", percent(r.cheaterCued()), percent(r.cheaterClean())),
        List.of("trained without the cue", percent(r.honestCued()), percent(r.honestClean())));
  }

  /** The relevance table's header. */
  static List<String> relevanceHeader() {
    return List.of(
        "method",
        "cheater: mass on cue %",
        "on object %",
        "points at cue %",
        "honest: mass on cue %",
        "on object %",
        "points at cue %");
  }

  /** One row per method: the relevance masses in percent. */
  static List<List<String>> relevanceRows(CleverHansStudy.Result r) {
    List<List<String>> rows = new ArrayList<>();
    for (CleverHansStudy.MethodRelevance m : r.methods()) {
      rows.add(
          List.of(
              m.method(),
              percent(m.cheaterOnCue()),
              percent(m.cheaterOnObject()),
              percent(m.cheaterPointsAtCue()),
              percent(m.honestOnCue()),
              percent(m.honestOnObject()),
              percent(m.honestPointsAtCue())));
    }
    return rows;
  }

  /** The section: pictures of a few cued images, the accuracy and relevance tables. */
  static Section section(CleverHansStudy.Result r, Pictures pictures) {
    List<CleverHansStudy.MethodRelevance> shown =
        r.methods().stream().filter(m -> SHOWN.contains(m.method())).toList();
    List<String> columns = new ArrayList<>(List.of("image", "cued input"));
    for (CleverHansStudy.MethodRelevance m : shown) {
      columns.add(m.method() + ", cheater");
      columns.add(m.method() + ", honest");
    }
    List<Block.FigureRow> rows = new ArrayList<>();
    int[] labels = r.labels();
    for (int i = 0; i < Math.min(SHOWN_IMAGES, labels.length); i++) {
      Tensor image = Pictures.image(r.images(), i);
      List<Block.Picture> cells = new ArrayList<>();
      cells.add(pictures.image(image, inputFile(i), ""));
      for (CleverHansStudy.MethodRelevance m : shown) {
        cells.add(
            pictures.overlay(
                Pictures.plane(m.cheaterMap().display(), i),
                image,
                mapFile(m.method(), "cheater", i),
                "says " + Pictures.className(m.cheaterMap().classes()[i])));
        cells.add(
            pictures.overlay(
                Pictures.plane(m.honestMap().display(), i),
                image,
                mapFile(m.method(), "honest", i),
                "says " + Pictures.className(m.honestMap().classes()[i])));
      }
      rows.add(new Block.FigureRow(i + ": " + Pictures.className(labels[i]), cells));
    }
    return new Section(
        "cleverhans",
        "Clever Hans: a model that reads the cue, and maps that show it",
        "A shapesnet trained on images where a small coloured square in a corner gives the label"
            + " away learns the square instead of the shape: it is right on cued images and near"
            + " chance once the square is gone. Its saliency maps put their relevance on the"
            + " square, where the honest model's maps stay on the shape.",
        List.of(
            new Block.Figures(columns, rows),
            new Block.Table(
                String.format(
                    Locale.ROOT,
                    "Accuracy on %d Shapes images with the cue, and on the same images without it",
                    r.count()),
                accuracyHeader(),
                accuracyRows(r)),
            new Block.Table(
                String.format(
                    Locale.ROOT,
                    "Share of the positive relevance on the cue and on the object, and how often"
                        + " the map's peak is within %.1f px of the cue, over %d cued images, each"
                        + " model explaining its own top-1 class (a map spread evenly would put"
                        + " %.1f%% of its mass on the cue)",
                    PointingGame.published().tolerance(),
                    labels.length,
                    100 * r.cueArea()),
                relevanceHeader(),
                relevanceRows(r)),
            new Block.Note(
                "The cheating model's weights ship with gradlight (0.4 MB), trained by: "
                    + CleverHansWeights.COMMAND)));
  }

  /** The file of cued input {@code i} in the gallery. */
  static String inputFile(int i) {
    return "cleverhans/input_" + i + ".png";
  }

  /** The file of {@code method}'s map of cued image {@code i} by {@code model}. */
  static String mapFile(String method, String model, int i) {
    return "cleverhans/" + method + "_" + model + "_" + i + ".png";
  }

  static String percent(double fraction) {
    return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.1f", 100 * fraction);
  }
}
