package io.gradlight.demo;

import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.cleverhans.CleverHansStudy;
import io.gradlight.saliency.manipulation.ManipulationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The gallery's first section: a few pictures from every other section (they are already written;
 * this section only points at them) and the summary table of every method.
 */
final class Overview {
  /** Methods of every family, in the order shown. */
  private static final List<String> HIGHLIGHTS =
      List.of(
          "gradient",
          "guided-backprop",
          "integrated-gradients",
          "gradcam",
          "gradcam++",
          "scorecam",
          "rise",
          "occlusion");

  /** The method of the manipulation and Clever-Hans strips. */
  private static final String GRADCAM = "gradcam";

  /** The images of the highlight rows. */
  private static final int IMAGES = 2;

  private Overview() {}

  /** The overview of {@code r}, whose manipulation pictures are named with {@code liePrefix}. */
  static Section section(Demo.Result r, String liePrefix) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(highlights(r));
    Set<String> lied =
        Set.copyOf(
            r.lie().working().outcomes().stream().map(ManipulationReport.Outcome::method).toList());
    if (lied.contains(GRADCAM)) {
      blocks.add(
          new Block.Figures(
              List.of(
                  "manipulation",
                  "input",
                  "target",
                  "Grad-CAM, the network",
                  "Grad-CAM, its lying twin"),
              List.of(
                  new Block.FigureRow(
                      "same logits",
                      List.of(
                          new Block.Picture(LieStudy.inputFile(liePrefix, 0), ""),
                          new Block.Picture(LieStudy.targetFile(liePrefix), ""),
                          new Block.Picture(
                              LieStudy.mapFile(liePrefix, GRADCAM, "original", 0), ""),
                          new Block.Picture(
                              LieStudy.mapFile(liePrefix, GRADCAM, "manipulated", 0), ""))))));
    }
    boolean cheated =
        r.cleverHans().methods().stream()
            .map(CleverHansStudy.MethodRelevance::method)
            .anyMatch(GRADCAM::equals);
    if (cheated) {
      blocks.add(
          new Block.Figures(
              List.of("Clever Hans", "cued input", "Grad-CAM, the cheater", "Grad-CAM, honest"),
              List.of(
                  new Block.FigureRow(
                      "cue in a corner",
                      List.of(
                          new Block.Picture(CleverHansSection.inputFile(0), ""),
                          new Block.Picture(CleverHansSection.mapFile(GRADCAM, "cheater", 0), ""),
                          new Block.Picture(
                              CleverHansSection.mapFile(GRADCAM, "honest", 0), ""))))));
    }
    blocks.add(
        new Block.Table(
            "Every method: deletion and insertion areas (lower and higher are better), pointing"
                + " game, sanity verdict, and the Clever-Hans model's relevance on the cue"
                + " (details in the sections below)",
            Demo.summaryHeader(),
            Demo.summaryRows(r)));
    return new Section(
        "overview",
        "At a glance",
        "A few pictures from each section below: maps of several families on the same images, a"
            + " network whose Grad-CAM draws a smiley without changing a single prediction, and a"
            + " model caught cheating by its maps. The table sums up every method.",
        blocks);
  }

  private static Block highlights(Demo.Result r) {
    List<String> ids = r.methods().stream().map(SaliencyMap::method).toList();
    List<String> shown = HIGHLIGHTS.stream().filter(ids::contains).toList();
    List<String> columns = new ArrayList<>(List.of("image", "input"));
    columns.addAll(shown);
    int[] classes = r.methods().getFirst().classes();
    List<Block.FigureRow> rows = new ArrayList<>();
    for (int i = 0; i < Math.min(IMAGES, classes.length); i++) {
      List<Block.Picture> cells = new ArrayList<>();
      cells.add(new Block.Picture(MethodGallery.inputFile(i), ""));
      for (String id : shown) {
        cells.add(new Block.Picture(MethodGallery.mapFile(id, i), ""));
      }
      rows.add(new Block.FigureRow(i + ": " + Pictures.className(classes[i]), cells));
    }
    return new Block.Figures(columns, rows);
  }
}
