package io.gradlight.demo;

import io.gradlight.autograd.GradMode;
import io.gradlight.autograd.Scope;
import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.data.ShapesBatch;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.train.Checkpoint;
import io.gradlight.nn.zoo.Models;
import io.gradlight.saliency.Methods;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.saliency.cleverhans.CleverHansStudy;
import io.gradlight.saliency.manipulation.TargetPicture;
import io.gradlight.saliency.metrics.Evaluation;
import io.gradlight.saliency.metrics.EvaluationSet;
import io.gradlight.saliency.metrics.MethodScores;
import io.gradlight.saliency.metrics.Metric;
import io.gradlight.saliency.sanity.SanityReport;
import io.gradlight.saliency.sanity.Verdict;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.kernels.KernelProvider;
import io.gradlight.tensor.kernels.Parallel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.IntStream;

/**
 * {@code gradlight demo}: every method on a handful of generated Shapes images explained by the
 * shipped shapesnet, their metrics, the sanity checks, the Grad-CAM manipulation and the
 * Clever-Hans story, written as a self-contained gallery ({@code index.html} and PNG files) by
 * {@link GalleryWriter}. How much work each part does is set by {@link DemoConfig}.
 */
public final class Demo {
  /** The folder of the manipulation's pictures in the gallery. */
  private static final String LIE_PREFIX = "lie/";

  /**
   * Everything the demo measured.
   *
   * @param index the gallery page
   * @param methods the maps of every method ({@link MethodGallery})
   * @param methodSeconds the wall time of each method's explanation of the batch
   * @param scores the metrics of every method, the centre baseline last
   * @param sanity the sanity checks of the sanity methods
   * @param lie the manipulation
   * @param cleverHans the Clever-Hans study
   * @param seconds the demo's wall time, pictures and page included
   */
  public record Result(
      Path index,
      List<SaliencyMap> methods,
      double[] methodSeconds,
      List<MethodScores> scores,
      SanityReport sanity,
      LieStudy.Result lie,
      CleverHansStudy.Result cleverHans,
      double seconds) {}

  private Demo() {}

  /**
   * Runs the demo with the honest shapesnet {@code honest} and the Clever-Hans one {@code cheater},
   * writing the gallery into {@code dir}.
   */
  public static Result run(
      Checkpoint honest, Checkpoint cheater, DemoConfig c, Path dir, Progress progress)
      throws IOException {
    long start = System.nanoTime();
    Module model = honest.newModel();
    int size = Shapes.DEFAULT_SIZE;
    ShapesBatch batch = new Shapes(size, false).batch(0, c.images(), c.seed());
    Tensor images = batch.images();
    int[] classes = top1(model, images);
    String layer = Models.defaultTargetLayer(honest.model());
    Pictures pictures = new Pictures(dir);
    List<Section> sections = new ArrayList<>();

    List<SaliencyMethod> methods = MethodGallery.methods(c.riseMasks());
    MethodGallery.Run run;
    try (Progress.Task task = progress.start("explaining", methods.size())) {
      run =
          MethodGallery.explain(
              model, images, classes, layer, methods, c.seed(), () -> task.advance(1));
    }
    sections.add(
        MethodGallery.section(run, images, batch.labels(), classes, pictures, c.riseMasks()));

    EvaluationSet set =
        new EvaluationSet(
            images,
            batch.masks(),
            batch.labels(),
            IntStream.range(0, c.images()).mapToObj(i -> "shapes-" + c.seed() + "-" + i).toList());
    Evaluation evaluation = MetricsTable.evaluation(set, c.pixelsPerStep());
    List<MethodScores> scores;
    try (Progress.Task task =
        progress.start("metrics", MetricsTable.work(evaluation, set, run.maps().size()))) {
      scores = MetricsTable.score(model, set, evaluation, run.maps(), classes, task);
    }
    sections.add(MetricsTable.section(scores, set, evaluation));

    Tensor sanityImages = images.slice(0, 0, c.sanityImages());
    LongFunction<Module> architecture =
        seed ->
            Models.create(
                honest.model(), honest.classCount(), Activation.parse(honest.activation()), seed);
    SanityReport sanity;
    try (Progress.Task task =
        progress.start(
            "sanity checks",
            SanitySection.work(
                model,
                architecture,
                sanityImages,
                layer,
                c.seed(),
                c.sanityRepeats(),
                c.sanityMethods().size()))) {
      sanity =
          SanitySection.run(
              model,
              architecture,
              sanityImages,
              layer,
              c.seed(),
              c.sanityRepeats(),
              c.sanityMethods(),
              () -> task.advance(1));
    }
    sections.add(SanitySection.section(sanity, images, pictures));

    LieStudy.Result lie;
    int cells = size / 8;
    try (Progress.Task task = progress.start("manipulation", LieStudy.steps())) {
      lie =
          LieStudy.run(
              honest,
              images,
              TargetPicture.smiley(cells, cells),
              LieStudy.Options.defaults().withRiseMasks(c.lieRiseMasks()),
              () -> task.advance(1));
    }
    sections.add(LieStudy.section(lie, pictures, LIE_PREFIX));

    CleverHansStudy.Result cleverHans;
    List<SaliencyMethod> chMethods = c.cleverHansMethods().stream().map(Methods::create).toList();
    try (Progress.Task task =
        progress.start("Clever Hans", CleverHansStudy.steps(chMethods.size()))) {
      cleverHans =
          new CleverHansStudy(c.cleverHansCount(), c.cleverHansExplained(), c.seed())
              .run(cheater.newModel(), honest.newModel(), size, chMethods, () -> task.advance(1));
    }
    sections.add(CleverHansSection.section(cleverHans, pictures));

    Path index = dir.resolve(GalleryWriter.INDEX);
    Result result =
        new Result(
            index,
            run.maps(),
            run.seconds(),
            scores,
            sanity,
            lie,
            cleverHans,
            (System.nanoTime() - start) / 1e9);
    sections.addFirst(Overview.section(result, LIE_PREFIX));
    Gallery gallery =
        new Gallery(
            "gradlight demo",
            "Saliency maps of shapesnet, a small CNN trained by gradlight on generated Shapes"
                + " images, with every method gradlight implements, and the tests that tell a"
                + " trustworthy map from a pretty one. Everything here was computed in pure Java,"
                + " without a network.",
            sections,
            String.format(
                Locale.ROOT,
                "Made by gradlight demo in %.0f s on %d threads (%s); images"
                    + " of Shapes seed %d.",
                result.seconds(),
                Parallel.threads(),
                KernelProvider.description(),
                c.seed()));
    GalleryWriter.write(gallery, dir);
    return new Result(
        index,
        run.maps(),
        run.seconds(),
        scores,
        sanity,
        lie,
        cleverHans,
        (System.nanoTime() - start) / 1e9);
  }

  private static int[] top1(Module model, Tensor images) {
    try (Scope _ = GradMode.disabled()) {
      return model.forward(Variable.constant(images)).value().argmax(1);
    }
  }

  /** The terminal summary's header. */
  public static List<String> summaryHeader() {
    return List.of(
        "method",
        "deletion",
        "insertion",
        "pointing %",
        "sanity",
        "Clever Hans: cue mass %",
        "peak on cue %",
        "seconds");
  }

  /** One row per method: its headline numbers from every section ("-" where it did not run). */
  public static List<List<String>> summaryRows(Result r) {
    List<List<String>> rows = new ArrayList<>();
    for (int m = 0; m < r.methods().size(); m++) {
      String id = r.methods().get(m).method();
      MethodScores s = r.scores().get(m);
      Verdict v = SanitySection.verdict(r.sanity(), id);
      Optional<CleverHansStudy.MethodRelevance> cheater =
          r.cleverHans().methods().stream().filter(x -> x.method().equals(id)).findFirst();
      rows.add(
          List.of(
              id,
              MetricsTable.format(Metric.DELETION, s.value(Metric.DELETION)),
              MetricsTable.format(Metric.INSERTION, s.value(Metric.INSERTION)),
              MetricsTable.format(Metric.POINTING_GAME, s.value(Metric.POINTING_GAME)),
              v == null ? "-" : v.word().toLowerCase(Locale.ROOT),
              cheater.map(x -> CleverHansSection.percent(x.cheaterOnCue())).orElse("-"),
              cheater.map(x -> CleverHansSection.percent(x.cheaterPointsAtCue())).orElse("-"),
              String.format(Locale.ROOT, "%.2f", r.methodSeconds()[m])));
    }
    return rows;
  }
}
