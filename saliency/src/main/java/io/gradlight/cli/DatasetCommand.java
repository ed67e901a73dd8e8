package io.gradlight.cli;

import io.gradlight.nn.data.ShapeClass;
import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.data.ShapesExport;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code gradlight dataset --out DIR --count N [--seed S] [--size PX] [--clever-hans]}: writes
 * images of the Shapes data set as PNG files with their object masks and {@code DIR/labels.csv}
 * ({@code file,label,mask}), in the layout {@link ShapesExport} documents. Every argument is
 * checked before anything is written, and the output appears all at once or not at all.
 */
final class DatasetCommand implements Command {
  /** The most images one call writes (about 14 KB each at 64 pixels). */
  static final int MAX_COUNT = 1_000_000;

  private static final String OUT = "--out";
  private static final String COUNT = "--count";
  private static final String SEED = "--seed";
  private static final String SIZE = "--size";
  private static final String CLEVER_HANS = "--clever-hans";

  @Override
  public String name() {
    return "dataset";
  }

  @Override
  public String summary() {
    return "write Shapes images, object masks and labels.csv to a new directory";
  }

  @Override
  public Options options() {
    return new Options(
            name(),
            "Write images of the Shapes data set ("
                + String.join(", ", Shapes.classNames())
                + ") as PNG files, with their object masks and DIR/labels.csv (columns"
                + " file,label,mask; label is the class index). The same seed gives the same"
                + " files.")
        .value(OUT, "DIR", "the directory to create; it must not exist or must be empty", null)
        .value(COUNT, "N", "the number of images, 1 to " + MAX_COUNT, null)
        .value(SEED, "S", "the random seed, any 64-bit integer", "0")
        .value(
            SIZE,
            "PX",
            "the image width and height, " + Shapes.MIN_SIZE + " to " + Shapes.MAX_SIZE,
            String.valueOf(Shapes.DEFAULT_SIZE))
        .flag(
            CLEVER_HANS,
            "add a small mark whose colour and corner give away the label, and its mask"
                + " (cues/, column cue_mask): training data for a model that cheats");
  }

  @Override
  public int run(ParsedArgs args, PrintStream out, PrintStream err) throws Exception {
    String dir = args.value(OUT);
    if (dir == null || dir.isBlank()) {
      throw new UsageException("missing " + OUT + " DIR");
    }
    if (args.value(COUNT) == null) {
      throw new UsageException("missing " + COUNT + " N");
    }
    int count = args.intValue(COUNT);
    if (count < 1 || count > MAX_COUNT) {
      throw new UsageException(COUNT + " must be from 1 to " + MAX_COUNT + ", got " + count);
    }
    long seed = longValue(args, SEED);
    int size = args.intValue(SIZE);
    if (size < Shapes.MIN_SIZE || size > Shapes.MAX_SIZE) {
      throw new UsageException(
          SIZE + " must be from " + Shapes.MIN_SIZE + " to " + Shapes.MAX_SIZE + ", got " + size);
    }
    Shapes shapes = new Shapes(size, args.flag(CLEVER_HANS));

    ShapesExport.Summary summary =
        ShapesExport.write(shapes, count, seed, Path.of(dir), done -> {});
    out.printf(
        "wrote %d Shapes images of %d x %d pixels (seed %d%s) to %s%n",
        count, size, size, seed, shapes.cleverHans() ? ", Clever-Hans cue" : "", summary.dir());
    TextTable table = new TextTable();
    int[] perClass = summary.perClass();
    for (ShapeClass c : ShapeClass.values()) {
      table.row("  " + c.ordinal(), c.displayName(), String.valueOf(perClass[c.ordinal()]));
    }
    out.print(table.render());
    return 0;
  }

  private static long longValue(ParsedArgs args, String name) throws UsageException {
    String v = args.value(name);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new UsageException(name + " expects an integer, got '" + v + "'");
    }
  }
}
