package io.gradlight.cli;

import io.gradlight.demo.Gallery;
import io.gradlight.demo.GalleryWriter;
import io.gradlight.demo.LieStudy;
import io.gradlight.demo.Pictures;
import io.gradlight.demo.Section;
import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.image.ImageDecoder;
import io.gradlight.nn.train.Checkpoint;
import io.gradlight.nn.train.ShippedWeights;
import io.gradlight.saliency.manipulation.ManipulatedNet;
import io.gradlight.saliency.manipulation.TargetPicture;
import io.gradlight.tensor.Tensor;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code gradlight lie [--weights FILE] [--target PNG] [--count N] [--seed S] [--size PX]
 * [--amplitude A] [--weight W] [--rise-masks N] [--out DIR]}: builds the Viering et al. (2019)
 * manipulated shapesnet ({@link ManipulatedNet}), shows that its logits equal the original's and
 * that its Grad-CAM draws the target picture, and how Score-CAM and RISE fare on it ({@link
 * LieStudy}). Writes the pictures and an {@code index.html} page to the output directory
 * (completely or not at all).
 */
final class LieCommand implements Command {
  private static final String WEIGHTS = "--weights";
  private static final String TARGET = "--target";
  private static final String COUNT = "--count";
  private static final String SEED = "--seed";
  private static final String SIZE = "--size";
  private static final String AMPLITUDE = "--amplitude";
  private static final String WEIGHT = "--weight";
  private static final String RISE_MASKS = "--rise-masks";
  private static final String OUT = "--out";

  /** The most images one run explains. */
  static final int MAX_COUNT = 64;

  @Override
  public String name() {
    return "lie";
  }

  @Override
  public String summary() {
    return "make shapesnet lie to Grad-CAM without changing a logit (Viering et al. 2019)";
  }

  @Override
  public Options options() {
    LieStudy.Options d = LieStudy.Options.defaults();
    return new Options(
            name(),
            "Build the manipulated network of Viering et al. (2019) from shapesnet: one extra"
                + " channel at "
                + ManipulatedNet.TARGET_LAYER
                + " holding the target picture, and a classifier that cancels it in the logits"
                + " but not in their gradients. Reports the largest logit change (F64 and F32),"
                + " and how close Grad-CAM, Score-CAM and RISE maps come to the target on both"
                + " networks. Writes pictures and index.html to the output directory.")
        .value(
            WEIGHTS,
            "FILE",
            "a shapesnet checkpoint (gradlight train); default: the shipped weights",
            null)
        .value(TARGET, "PNG", "the picture Grad-CAM should draw (bright = relevant)", "smiley")
        .value(COUNT, "N", "the number of Shapes images, 1 to " + MAX_COUNT, "6")
        .value(SEED, "S", "the seed of the Shapes images and of RISE's masks", "2")
        .value(
            SIZE,
            "PX",
            "the image size (the target layer is PX/8 wide)",
            String.valueOf(Shapes.DEFAULT_SIZE))
        .value(AMPLITUDE, "A", "the pattern channel's peak activation", format(d.amplitude()))
        .value(WEIGHT, "W", "the pattern channel's classifier weight", format(d.weight()))
        .value(RISE_MASKS, "N", "the number of RISE masks", "1000")
        .value(OUT, "DIR", "the output directory", "out/lie");
  }

  @Override
  public int run(ParsedArgs args, PrintStream out, PrintStream err) throws Exception {
    int count = args.intValue(COUNT);
    if (count < 1 || count > MAX_COUNT) {
      throw new UsageException(COUNT + " must be from 1 to " + MAX_COUNT + ", got " + count);
    }
    int size = args.intValue(SIZE);
    if (size < Shapes.MIN_SIZE || size > Shapes.MAX_SIZE || size % 8 != 0) {
      throw new UsageException(
          SIZE
              + " must be a multiple of 8 from "
              + Shapes.MIN_SIZE
              + " to "
              + Shapes.MAX_SIZE
              + ", got "
              + size);
    }
    double amplitude = positive(args, AMPLITUDE);
    double weight = positive(args, WEIGHT);
    int masks = args.intValue(RISE_MASKS);
    if (masks < 1) {
      throw new UsageException(RISE_MASKS + " must be at least 1, got " + masks);
    }
    long seed = args.longValue(SEED);
    int cells = size / 8;
    String targetName = args.value(TARGET);
    TargetPicture picture =
        targetName.equals("smiley")
            ? TargetPicture.smiley(cells, cells)
            : TargetPicture.fromImage(ImageDecoder.read(existing(targetName)), cells, cells);
    Checkpoint weights = weights(args.value(WEIGHTS));
    Tensor images = new Shapes(size, false).batch(0, count, seed).images();

    out.printf(
        Locale.ROOT,
        "manipulating shapesnet (%s) at %s: +1 channel drawing %s (%d x %d),"
            + " amplitude %s, classifier weight %s%n",
        args.value(WEIGHTS) == null ? "shipped weights" : args.value(WEIGHTS),
        ManipulatedNet.TARGET_LAYER,
        targetName,
        cells,
        cells,
        format(amplitude),
        format(weight));
    LieStudy.Result r;
    try (ProgressBar bar = ProgressBar.start("lie", LieStudy.steps(), err)) {
      r =
          LieStudy.run(
              weights,
              images,
              picture,
              new LieStudy.Options(amplitude, weight, masks, seed),
              () -> bar.advance(1));
    }
    LieStudy.logitLines(r).forEach(out::println);
    out.printf(
        Locale.ROOT,
        "%d Shapes images of seed %d; distances of display maps to the"
            + " target (L1: mean absolute difference in [0, 1]; SSIM 7 x 7):%n",
        count,
        seed);
    TextTable table = new TextTable().rightAlign(2, 3, 4, 5, 6);
    table.row(LieStudy.header().toArray(String[]::new));
    LieStudy.rows(r).forEach(row -> table.row(row.toArray(String[]::new)));
    out.print(table.render());

    try (StagedDirectory dir = StagedDirectory.create(Path.of(args.value(OUT)))) {
      Section section = LieStudy.section(r, new Pictures(dir.resolve("")), "");
      GalleryWriter.write(
          new Gallery(
              "gradlight lie",
              "The Grad-CAM manipulation of Viering et"
                  + " al. (2019) on shapesnet, made by gradlight lie.",
              List.of(section),
              ""),
          dir.resolve(""));
      dir.commit();
      out.println("wrote " + dir.target().resolve(GalleryWriter.INDEX) + " and its pictures");
    }
    return 0;
  }

  private static Checkpoint weights(String file) throws Exception {
    return file == null ? ShippedWeights.checkpoint("shapesnet") : Checkpoint.load(existing(file));
  }

  private static Path existing(String name) throws CliException {
    Path p = Path.of(name);
    if (!Files.isRegularFile(p)) {
      throw new CliException(name + ": no such file");
    }
    return p;
  }

  private static double positive(ParsedArgs args, String name) throws UsageException {
    double v = args.doubleValue(name);
    if (!(v > 0)) {
      throw new UsageException(name + " must be positive, got " + args.value(name));
    }
    return v;
  }

  private static String format(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
