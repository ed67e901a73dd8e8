package io.gradlight.nn.image;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Resize;
import io.gradlight.tensor.Tensor;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * How an RGB image becomes a model's input: resize to {@code height x width}, then normalise each
 * channel {@code c} as {@code (x - mean[c]) / std[c]}, giving an F32 tensor {@code [1, 3, height,
 * width]}.
 *
 * <p>The resize is bilinear with half-pixel centres and no antialiasing, exactly PyTorch's {@code
 * F.interpolate(x, size=(height, width), mode='bilinear', align_corners=False)} ({@link
 * Resize#bilinear}). The whole image is stretched to the target size: there is no centre crop and
 * the aspect ratio is not kept. torchvision's {@code transforms.Resize} on a PIL image antialiases
 * when it shrinks, so a photo shrunk by a large factor differs slightly from torchvision's
 * pipeline; images already at the model's size are not resampled at all.
 *
 * <p>Two presets: {@link #imagenet} (torchvision's ImageNet mean and standard deviation, for the
 * vgg and resnet models) and {@link #unitRange} (mean 0, std 1: the [0, 1] pixel values as they
 * are, for shapesnet, which is trained on {@code Shapes} images).
 *
 * @param height the model's input height in pixels
 * @param width the model's input width in pixels
 * @param mean the per-channel mean (R, G, B) subtracted from values in [0, 1]
 * @param std the per-channel standard deviation (R, G, B) divided by, each positive
 */
public record Preprocessing(int height, int width, double[] mean, double[] std) {
  /** torchvision's ImageNet channel means (R, G, B). */
  public static final double[] IMAGENET_MEAN = {0.485, 0.456, 0.406};

  /** torchvision's ImageNet channel standard deviations (R, G, B). */
  public static final double[] IMAGENET_STD = {0.229, 0.224, 0.225};

  public Preprocessing {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "input size must be at least 1 x 1, got " + height + " x " + width);
    }
    if (mean.length != 3 || std.length != 3) {
      throw new IllegalArgumentException(
          "mean and std need 3 values (R, G, B), got "
              + Arrays.toString(mean)
              + " and "
              + Arrays.toString(std));
    }
    for (int c = 0; c < 3; c++) {
      if (!Double.isFinite(mean[c]) || !(std[c] > 0) || !Double.isFinite(std[c])) {
        throw new IllegalArgumentException(
            "mean must be finite and std positive, got mean "
                + Arrays.toString(mean)
                + " and std "
                + Arrays.toString(std));
      }
    }
    mean = mean.clone();
    std = std.clone();
  }

  /** ImageNet normalisation at {@code size x size}, as torchvision's classifiers expect. */
  public static Preprocessing imagenet(int size) {
    return new Preprocessing(size, size, IMAGENET_MEAN, IMAGENET_STD);
  }

  /** Pixel values in [0, 1] unchanged at {@code size x size}, as shapesnet expects. */
  public static Preprocessing unitRange(int size) {
    return new Preprocessing(size, size, new double[] {0, 0, 0}, new double[] {1, 1, 1});
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] std() {
    return std.clone();
  }

  /** Decodes an image file ({@link ImageDecoder#read}) and applies {@link #apply}. */
  public Tensor load(Path file) throws BadImageException {
    return apply(ImageDecoder.read(file));
  }

  /**
   * An RGB image {@code [3, H, W]} or {@code [1, 3, H, W]} with values in [0, 1] to the model's
   * input, F32 {@code [1, 3, height, width]}.
   */
  public Tensor apply(Tensor rgb) {
    Tensor x = batchOfOne(rgb).to(DType.F32);
    if (x.dim(2) != height || x.dim(3) != width) {
      x = Resize.bilinear(x, height, width, false);
    }
    return x.sub(channels(mean, DType.F32)).div(channels(std, DType.F32));
  }

  /**
   * The inverse of the normalisation, {@code x std[c] + mean[c]}, for showing a model's input as a
   * picture: {@code [1, 3, H, W]} or {@code [3, H, W]} in, the same shape out (not resized back).
   */
  public Tensor denormalise(Tensor x) {
    Tensor batch = batchOfOne(x);
    Tensor y = batch.mul(channels(std, batch.dtype())).add(channels(mean, batch.dtype()));
    return x.rank() == 3 ? y.reshape(x.shape()) : y;
  }

  private static Tensor batchOfOne(Tensor x) {
    boolean single = x.rank() == 3 && x.dim(0) == 3;
    boolean batch = x.rank() == 4 && x.dim(0) == 1 && x.dim(1) == 3;
    if (!single && !batch) {
      throw new IllegalArgumentException(
          "expected an RGB image [3, H, W] or [1, 3, H, W], got " + x.shape());
    }
    return single ? x.reshape(1, 3, x.dim(1), x.dim(2)) : x;
  }

  /** The three channel values as a {@code [1, 3, 1, 1]} tensor that broadcasts over NCHW. */
  private static Tensor channels(double[] values, DType dtype) {
    return Tensor.of(values, 1, 3, 1, 1).to(dtype);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Preprocessing p
        && height == p.height
        && width == p.width
        && Arrays.equals(mean, p.mean)
        && Arrays.equals(std, p.std);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * height + width) + Arrays.hashCode(mean)) + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return "Preprocessing["
        + height
        + "x"
        + width
        + ", mean="
        + Arrays.toString(mean)
        + ", std="
        + Arrays.toString(std)
        + "]";
  }
}
