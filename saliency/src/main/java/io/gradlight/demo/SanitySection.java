package io.gradlight.demo;

import io.gradlight.nn.Module;
import io.gradlight.saliency.Methods;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.saliency.sanity.MethodSanity;
import io.gradlight.saliency.sanity.SanityCheck;
import io.gradlight.saliency.sanity.SanityReport;
import io.gradlight.saliency.sanity.SanityStep;
import io.gradlight.saliency.sanity.SanityTest;
import io.gradlight.saliency.sanity.Similarity;
import io.gradlight.saliency.sanity.Ssim;
import io.gradlight.saliency.sanity.Verdict;
import io.gradlight.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * The model-parameter randomisation test of Adebayo et al. (2018) and the random-logit test ({@link
 * SanityCheck}) for the demo: a verdict table for the sanity methods, and the cascade of maps of
 * the methods whose verdicts the paper made famous.
 */
final class SanitySection {
  /** The methods whose cascades the gallery draws (Adebayo et al.'s headline results). */
  private static final List<String> CASCADES =
      List.of("gradient", "gradcam", "guided-backprop", "guided-gradcam");

  private SanitySection() {}

  /** The number of explanations {@link #run} makes (for progress). */
  static int work(
      Module model,
      LongFunction<Module> architecture,
      Tensor images,
      String layer,
      long seed,
      int repeats,
      int methods) {
    return check(model, architecture, images, layer, seed, repeats).explanations(methods, false);
  }

  /**
   * Runs the tests for {@code ids} on {@code images}, with {@code repeats} draws of re-initialised
   * weights per step (no label randomisation: {@code gradlight sanity} trains that model).
   */
  static SanityReport run(
      Module model,
      LongFunction<Module> architecture,
      Tensor images,
      String layer,
      long seed,
      int repeats,
      List<String> ids,
      Runnable done) {
    List<SaliencyMethod> methods = ids.stream().map(Methods::create).toList();
    return check(model, architecture, images, layer, seed, repeats).run(methods, null, done);
  }

  private static SanityCheck check(
      Module model,
      LongFunction<Module> architecture,
      Tensor images,
      String layer,
      long seed,
      int repeats) {
    return new SanityCheck(model, architecture, images, layer, seed, repeats, new Ssim());
  }

  /** The verdict of {@code id}, or null if the sanity checks did not run it. */
  static Verdict verdict(SanityReport report, String id) {
    return report.methods().stream()
        .filter(m -> m.method().equals(id))
        .findFirst()
        .map(MethodSanity::verdict)
        .orElse(null);
  }

  /** The table header. */
  static List<String> header() {
    return List.of(
        "method",
        "Spearman, all layers random",
        "|Spearman| (abs maps)",
        "SSIM",
        "Spearman, random logit",
        "verdict");
  }

  /** One row per method. */
  static List<List<String>> rows(SanityReport report) {
    List<List<String>> rows = new ArrayList<>();
    for (MethodSanity m : report.methods()) {
      Similarity full = m.fullCascade().mean();
      List<SanityStep> logit = m.steps(SanityTest.RANDOM_LOGIT);
      rows.add(
          List.of(
              m.method(),
              format(full.spearman()),
              format(full.spearmanAbs()),
              format(full.ssim()),
              logit.isEmpty() ? "-" : format(logit.getFirst().mean().spearman()),
              m.verdict().passed() ? "pass" : "fail"));
    }
    return rows;
  }

  /** The section: the cascades of the headline methods for the first image, and the table. */
  static Section section(SanityReport report, Tensor images, Pictures pictures) {
    Tensor image = Pictures.image(images, 0);
    List<String> columns = new ArrayList<>(List.of("method", "trained"));
    report.groups().forEach(g -> columns.add("+ " + g.name()));
    List<Block.FigureRow> rows = new ArrayList<>();
    for (MethodSanity m : report.methods()) {
      if (!CASCADES.contains(m.method())) {
        continue;
      }
      List<Block.Picture> cells = new ArrayList<>();
      cells.add(
          pictures.overlay(
              Pictures.plane(m.original(), 0), image, "sanity/" + m.method() + "_0.png", ""));
      List<SanityStep> steps = m.steps(SanityTest.CASCADING);
      for (int k = 0; k < steps.size(); k++) {
        cells.add(
            pictures.overlay(
                Pictures.plane(steps.get(k).display(), 0),
                image,
                "sanity/" + m.method() + "_" + (k + 1) + ".png",
                format(steps.get(k).samples()[0].spearman())));
      }
      rows.add(new Block.FigureRow(m.method() + " " + m.verdict().word(), cells));
    }
    List<Block> blocks = new ArrayList<>();
    if (!rows.isEmpty()) {
      blocks.add(new Block.Figures(columns, rows));
    }
    blocks.add(
        new Block.Table(
            String.format(
                Locale.ROOT,
                "Similarity to the trained model's maps, mean over %d images and %d draws of"
                    + " weights, after re-initialising every layer from the top down; a method"
                    + " passes when |Spearman| <= %s (gradlight's threshold; the paper reads"
                    + " curves)",
                report.classes().length,
                report.repeats(),
                Verdict.THRESHOLD),
            header(),
            rows(report)));
    return new Section(
        "sanity",
        "Sanity checks: does the map depend on the model?",
        "Adebayo et al. (2018) re-initialise the network's layers from the top down; each picture"
            + " shows the map after one more layer group is randomised, captioned with its Spearman"
            + " rank correlation to the trained model's map. A map that explains the model must"
            + " change (the correlation falls to about 0), while a map that survives is an edge"
            + " detector of the input.",
        blocks);
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
