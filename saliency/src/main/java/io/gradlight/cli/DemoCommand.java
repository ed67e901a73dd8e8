package io.gradlight.cli;

import io.gradlight.demo.Demo;
import io.gradlight.demo.DemoConfig;
import io.gradlight.demo.LieStudy;
import io.gradlight.demo.Progress;
import io.gradlight.nn.train.Checkpoint;
import io.gradlight.nn.train.ShippedWeights;
import io.gradlight.saliency.cleverhans.CleverHansStudy;
import io.gradlight.saliency.cleverhans.CleverHansWeights;
import io.gradlight.saliency.manipulation.ManipulationReport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code gradlight demo [--out DIR] [--images N] [--seed S] [--weights FILE]}: the whole of
 * gradlight on generated images with the shipped models, no network needed ({@link Demo}): every
 * method, the metrics, the sanity checks, the Grad-CAM manipulation and the Clever-Hans story, as
 * {@code DIR/index.html} with its pictures, and a summary on the terminal.
 */
final class DemoCommand implements Command {
  private static final String OUT = "--out";
  private static final String IMAGES = "--images";
  private static final String SEED = "--seed";
  private static final String WEIGHTS = "--weights";

  /** The most images one demo explains. */
  static final int MAX_IMAGES = 32;

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "every method, metric and test on generated images, as an HTML gallery";
  }

  @Override
  public Options options() {
    DemoConfig d = DemoConfig.defaults();
    return new Options(
            name(),
            "Run every saliency method on generated Shapes images with the shipped shapesnet,"
                + " score them (deletion, insertion, pointing game, ...), run the sanity checks,"
                + " build the Grad-CAM manipulation and tell the Clever-Hans story. Writes"
                + " DIR/index.html, a self-contained gallery with its PNG files, and prints a"
                + " summary. About three minutes on two cores.")
        .value(OUT, "DIR", "the gallery's directory (files in it are replaced)", "out/demo")
        .value(
            IMAGES,
            "N",
            "the images every method explains, 1 to " + MAX_IMAGES,
            String.valueOf(d.images()))
        .value(
            SEED, "S", "the seed of the images and of stochastic methods", String.valueOf(d.seed()))
        .value(
            WEIGHTS, "FILE", "a shapesnet checkpoint to explain instead of the shipped one", null);
  }

  @Override
  public int run(ParsedArgs args, PrintStream out, PrintStream err) throws Exception {
    DemoConfig d = DemoConfig.defaults();
    int images = args.intValue(IMAGES);
    if (images < 1 || images > MAX_IMAGES) {
      throw new UsageException(IMAGES + " must be from 1 to " + MAX_IMAGES + ", got " + images);
    }
    DemoConfig config =
        new DemoConfig(
            images,
            args.longValue(SEED),
            d.riseMasks(),
            d.pixelsPerStep(),
            Math.min(images, d.sanityImages()),
            d.sanityRepeats(),
            d.sanityMethods(),
            d.lieRiseMasks(),
            d.cleverHansCount(),
            Math.min(d.cleverHansExplained(), d.cleverHansCount()),
            d.cleverHansMethods());
    return run(config, weights(args.value(WEIGHTS)), Path.of(args.value(OUT)), out, err);
  }

  /**
   * Runs the demo with {@code config}; prints the summary to {@code out}, progress to {@code err}.
   */
  static int run(DemoConfig config, Checkpoint honest, Path dir, PrintStream out, PrintStream err)
      throws Exception {
    out.printf(
        Locale.ROOT,
        "gradlight demo: shapesnet on %d Shapes images (seed %d)%n",
        config.images(),
        config.seed());
    Progress bars =
        (label, total) -> {
          ProgressBar bar = ProgressBar.start(label, total, err);
          return new Progress.Task() {
            @Override
            public void advance(long steps) {
              bar.advance(steps);
            }

            @Override
            public void close() {
              bar.close();
            }
          };
        };
    Demo.Result r = Demo.run(honest, CleverHansWeights.checkpoint(), config, dir, bars);

    TextTable table = new TextTable().rightAlign(1, 2, 3, 5, 6, 7);
    table.row(Demo.summaryHeader().toArray(String[]::new));
    Demo.summaryRows(r).forEach(row -> table.row(row.toArray(String[]::new)));
    out.print(table.render());
    out.println(
        "deletion/insertion: area under the class probability curve (lower/higher is"
            + " better); pointing: peak within the scaled tolerance of the shape; sanity: verdict"
            + " after cascading randomisation; Clever Hans: the cheating model's relevance mass on"
            + " the cue and how often its peak is within 15 px of it");
    out.println();
    out.println("manipulation (Viering et al. 2019):");
    LieStudy.logitLines(r.lie()).forEach(line -> out.println("  " + line));
    for (ManipulationReport.Outcome o : r.lie().working().outcomes()) {
      out.printf(
          Locale.ROOT,
          "  %s: L1 to the target %.3f -> %.3f (%s)%n",
          o.method(),
          o.originalToTarget(),
          o.manipulatedToTarget(),
          o.fooled() ? "fooled" : "not fooled");
    }
    CleverHansStudy.Result ch = r.cleverHans();
    out.printf(
        Locale.ROOT,
        "Clever Hans: the cheating model is right on %.1f%% of cued images"
            + " and %.1f%% of clean ones (the honest model: %.1f%% and %.1f%%)%n",
        100 * ch.cheaterCued(),
        100 * ch.cheaterClean(),
        100 * ch.honestCued(),
        100 * ch.honestClean());
    out.printf(Locale.ROOT, "wrote %s in %.1f s%n", r.index(), r.seconds());
    return 0;
  }

  private static Checkpoint weights(String file) throws Exception {
    if (file == null) {
      return ShippedWeights.checkpoint("shapesnet");
    }
    Path p = Path.of(file);
    if (!Files.isRegularFile(p)) {
      throw new CliException(file + ": no such file");
    }
    return Checkpoint.load(p);
  }
}
