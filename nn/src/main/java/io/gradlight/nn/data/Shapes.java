package io.gradlight.nn.data;

import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.kernels.Parallel;
import java.util.SplittableRandom;

/**
 * The Shapes data set: labelled RGB images of one geometric shape on a textured background with
 * distractors, each with the ground-truth mask of the shape, so that localisation (the pointing
 * game, relevance inside the object) is measurable.
 *
 * <h2>Determinism</h2>
 *
 * Image {@code i} of seed {@code seed} is a pure function of {@code (seed, i, size, cleverHans)}:
 * it draws from its own {@link SplittableRandom} seeded by a hash of {@code seed} and {@code i}. So
 * a batch is the same bit for bit whatever the thread count, and {@code batch(start, count, seed)}
 * returns images {@code start .. start+count-1} of the same endless sequence, which lets a loader
 * generate batch by batch.
 *
 * <h2>Labels</h2>
 *
 * The {@link ShapeClass#COUNT} classes are exactly balanced in every run of {@code COUNT} images
 * aligned to a multiple of {@code COUNT}: indices {@code [kC, (k+1)C)} hold a random permutation of
 * the labels (seeded by {@code seed} and {@code k}).
 *
 * <h2>How an image is drawn</h2>
 *
 * With {@code s} the image size, every draw uniform and in this order:
 *
 * <ol>
 *   <li>the {@link Background}: muted colour, smooth colour noise, sometimes stripes;
 *   <li>2 to 5 distractors, each with a random colour (hue in [0, 1), saturation in [0.2, 1], value
 *       in [0.1, 1]) and with equal odds either a blob (an ellipse with semi-axes in [0.02 s, 0.05
 *       s], any orientation) or a thin stroke (length in [0.12 s, 0.3 s], half-width in [0.006 s,
 *       0.012 s], any direction), placed anywhere; both are far smaller or thinner than any class
 *       shape;
 *   <li>the class shape: radius {@code r} in [0.2 s, 0.34 s] (the radius of the circle the shape
 *       fits in), centre in {@code [r, s - r]} on both axes (so it lies wholly inside the image),
 *       rotation in [0, 2 pi), drawn in front of the distractors; with equal odds it is lighter or
 *       darker than the mean luminance {@code L} of what it covers (only darker when {@code L + 0.3
 *       > 0.9}, only lighter when {@code L - 0.3 < 0.1}); its colour (hue in [0, 1), saturation in
 *       [0.3, 1], value in [0.6, 1] if lighter, [0.05, 0.6] if darker) is redrawn until its
 *       luminance is on that side of {@code L} by at least {@value #MIN_CONTRAST} (after 64 failed
 *       draws: white or black);
 *   <li>Clever-Hans variant only: the cue, a square of side {@code round(0.09 s)} pixels at {@code
 *       round(0.03 s)} pixels from the corner {@code label mod 4} (0 top left, 1 top right, 2
 *       bottom left, 3 bottom right), in the fully saturated colour of hue {@code label / COUNT}.
 *       The cue draws no random numbers, so an image with the cue equals the same image without it
 *       except under the cue.
 * </ol>
 *
 * Figures are anti-aliased by 4 x 4 supersampling. A pixel belongs to a mask when the figure covers
 * at least half of it; object pixels under the cue leave the object mask.
 *
 * <p>The Clever-Hans flag is meant for training data only: a model trained with it can reach high
 * accuracy by reading the cue, and the cue mask measures how much relevance a saliency map puts on
 * the cue instead of the object. Evaluate such a model on images without the cue.
 */
public final class Shapes {
  /** The default image size in pixels. */
  public static final int DEFAULT_SIZE = 64;

  /** The smallest image size: below it, cues and distractors shrink under a pixel. */
  public static final int MIN_SIZE = 16;

  /** The largest image size. */
  public static final int MAX_SIZE = 1024;

  /** The least luminance difference between the class shape and what it covers. */
  public static final double MIN_CONTRAST = 0.3;

  /** Shapes lighter than their background are drawn only if this luminance leaves room. */
  private static final double MAX_LIGHT_LUMINANCE = 0.9;

  /** Shapes darker than their background are drawn only if this luminance leaves room. */
  private static final double MIN_DARK_LUMINANCE = 0.1;

  private static final long LABEL_STREAM = 0x6C8E9CF570932BD5L;
  private static final long IMAGE_STREAM = 0x2545F4914F6CDD1DL;

  private final int size;
  private final boolean cleverHans;

  /**
   * A generator of {@code size x size} images, with the Clever-Hans cue when {@code cleverHans}.
   */
  public Shapes(int size, boolean cleverHans) {
    if (size < MIN_SIZE || size > MAX_SIZE) {
      throw new IllegalArgumentException(
          "Shapes image size must be from "
              + MIN_SIZE
              + " to "
              + MAX_SIZE
              + " pixels, got "
              + size);
    }
    this.size = size;
    this.cleverHans = cleverHans;
  }

  /** The standard data set: {@value #DEFAULT_SIZE} pixels, no cue. */
  public static Shapes standard() {
    return new Shapes(DEFAULT_SIZE, false);
  }

  /** Images {@code 0 .. count-1} of the standard data set for {@code seed}. */
  public static ShapesBatch batch(int count, long seed) {
    return standard().batch(0, count, seed);
  }

  /** The image size in pixels (images are square). */
  public int size() {
    return size;
  }

  /** Whether images carry the Clever-Hans cue. */
  public boolean cleverHans() {
    return cleverHans;
  }

  /** The class names in label order. */
  public static String[] classNames() {
    return ShapeClass.names();
  }

  /** The label of image {@code index} for {@code seed}. */
  public static int label(int index, long seed) {
    checkIndex(index);
    int classes = ShapeClass.COUNT;
    int[] permutation = new int[classes];
    for (int k = 0; k < classes; k++) {
      permutation[k] = k;
    }
    SplittableRandom rng = new SplittableRandom(streamSeed(seed, LABEL_STREAM, index / classes));
    for (int k = classes - 1; k > 0; k--) { // Fisher-Yates
      int j = rng.nextInt(k + 1);
      int t = permutation[k];
      permutation[k] = permutation[j];
      permutation[j] = t;
    }
    return permutation[index % classes];
  }

  /** Image {@code index} for {@code seed}. */
  public ShapesSample sample(int index, long seed) {
    Rendering r = render(index, seed);
    return new ShapesSample(
        Tensor.wrap(r.canvas.pixels(), Shape.of(3, size, size)),
        Tensor.wrap(r.mask, Shape.of(size, size)),
        r.label,
        Tensor.wrap(r.cueMask, Shape.of(size, size)));
  }

  /** Images {@code start .. start+count-1} for {@code seed}, rendered in parallel. */
  public ShapesBatch batch(int start, int count, long seed) {
    if (count < 0) {
      throw new IllegalArgumentException("batch count must be >= 0, got " + count);
    }
    checkIndex(start);
    if ((long) start + count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "Shapes images " + start + " .. " + start + " + " + count + " pass index 2^31 - 1");
    }
    int plane = size * size;
    float[] images = new float[Math.multiplyExact(count, 3 * plane)];
    float[] masks = new float[count * plane];
    float[] cueMasks = new float[count * plane];
    int[] labels = new int[count];
    Parallel.forEach(
        count,
        i -> {
          Rendering r = render(start + i, seed);
          System.arraycopy(r.canvas.pixels(), 0, images, i * 3 * plane, 3 * plane);
          System.arraycopy(r.mask, 0, masks, i * plane, plane);
          System.arraycopy(r.cueMask, 0, cueMasks, i * plane, plane);
          labels[i] = r.label;
        });
    return new ShapesBatch(
        Tensor.wrap(images, Shape.of(count, 3, size, size)),
        labels,
        Tensor.wrap(masks, Shape.of(count, size, size)),
        Tensor.wrap(cueMasks, Shape.of(count, size, size)));
  }

  private record Rendering(Canvas canvas, float[] mask, float[] cueMask, int label) {}

  private Rendering render(int index, long seed) {
    int label = label(index, seed);
    SplittableRandom rng = new SplittableRandom(streamSeed(seed, IMAGE_STREAM, index));
    Canvas canvas = new Canvas(size);
    Background.paint(canvas, rng);
    int distractors = rng.nextInt(2, 6);
    for (int k = 0; k < distractors; k++) {
      Figure figure = distractor(rng);
      Rgb colour = Rgb.fromHsv(rng.nextDouble(), rng.nextDouble(0.2, 1), rng.nextDouble(0.1, 1));
      canvas.blend(canvas.coverage(figure), colour);
    }

    double radius = rng.nextDouble(0.2, 0.34) * size;
    double cx = rng.nextDouble(radius, size - radius);
    double cy = rng.nextDouble(radius, size - radius);
    double angle = rng.nextDouble(0, 2 * Math.PI);
    float[] coverage =
        canvas.coverage(new Figure.Placed(ShapeClass.ofLabel(label), cx, cy, radius, angle));
    canvas.blend(coverage, contrastingColour(canvas.meanLuminance(coverage), rng));
    float[] mask = threshold(coverage);

    float[] cueMask = new float[size * size];
    if (cleverHans) {
      float[] cue = canvas.coverage(cue(label));
      canvas.blend(cue, Rgb.fromHsv((double) label / ShapeClass.COUNT, 1, 1));
      cueMask = threshold(cue);
      for (int at = 0; at < mask.length; at++) {
        if (cue[at] > 0) {
          mask[at] = 0;
        }
      }
    }
    return new Rendering(canvas, mask, cueMask, label);
  }

  private Figure distractor(SplittableRandom rng) {
    double x = rng.nextDouble(0, size);
    double y = rng.nextDouble(0, size);
    if (rng.nextBoolean()) {
      double a = rng.nextDouble(0.02, 0.05) * size;
      double b = rng.nextDouble(0.02, 0.05) * size;
      return new Figure.Ellipse(x, y, a, b, rng.nextDouble(0, Math.PI));
    }
    double length = rng.nextDouble(0.12, 0.3) * size;
    double direction = rng.nextDouble(0, 2 * Math.PI);
    double halfWidth = rng.nextDouble(0.006, 0.012) * size;
    return new Figure.Stroke(
        x, y, x + length * Math.cos(direction), y + length * Math.sin(direction), halfWidth);
  }

  /**
   * A colour lighter or darker (equal odds, when both are possible) than {@code background} by at
   * least {@link #MIN_CONTRAST} in luminance, by rejection sampling.
   */
  private static Rgb contrastingColour(double background, SplittableRandom rng) {
    boolean lighter = rng.nextBoolean();
    if (background + MIN_CONTRAST > MAX_LIGHT_LUMINANCE) {
      lighter = false;
    } else if (background - MIN_CONTRAST < MIN_DARK_LUMINANCE) {
      lighter = true;
    }
    for (int attempt = 0; attempt < 64; attempt++) {
      double value = lighter ? rng.nextDouble(0.6, 1) : rng.nextDouble(0.05, 0.6);
      Rgb colour = Rgb.fromHsv(rng.nextDouble(), rng.nextDouble(0.3, 1), value);
      double gap = colour.luminance() - background;
      if ((lighter ? gap : -gap) >= MIN_CONTRAST) {
        return colour;
      }
    }
    return lighter ? new Rgb(1, 1, 1) : new Rgb(0, 0, 0);
  }

  /** The cue square, aligned to whole pixels so that it covers each pixel fully or not at all. */
  private Figure cue(int label) {
    int side = (int) Math.round(0.09 * size);
    int inset = (int) Math.round(0.03 * size);
    double near = inset + side / 2.0;
    double far = size - near;
    int corner = label % 4;
    return new Figure.Square(
        corner % 2 == 0 ? near : far, corner / 2 == 0 ? near : far, side / 2.0);
  }

  private static float[] threshold(float[] coverage) {
    float[] mask = new float[coverage.length];
    for (int at = 0; at < coverage.length; at++) {
      mask[at] = coverage[at] >= 0.5f ? 1f : 0f;
    }
    return mask;
  }

  private static void checkIndex(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("Shapes image index must be >= 0, got " + index);
    }
  }

  /** A well-mixed seed for stream {@code stream}, item {@code item}: splitmix64's finaliser. */
  private static long streamSeed(long seed, long stream, long item) {
    return mix64(mix64(seed ^ stream) + item);
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
