package io.gradlight.perf;

import io.gradlight.nn.zoo.Models;
import io.gradlight.perf.Workload.Prepared;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.Methods;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.saliency.gradient.SmoothGrad;
import io.gradlight.saliency.perturbation.Rise;
import java.util.ArrayList;
import java.util.List;

/**
 * Saliency methods end to end, exactly as {@code gradlight explain} runs them: the real method
 * from the {@link Methods} registry (RISE with 4000 masks instead of its default 2000), one image,
 * its top-1 class, the logit score, seed 0, raw and display maps.
 *
 * <ul>
 *   <li>{@code gradcam-resnet18-224}: one forward pass recording the graph and one backward from
 *       the class score to {@code layer4}'s output, then the map;
 *   <li>{@code scorecam-*}: one clean pass, then one forward pass per non-constant channel of
 *       the target layer (constant channels share one pass of the zero input), 32 per batch;
 *   <li>{@code rise-4000-shapesnet}: 4000 masked inputs, 32 per batch, masks generated inside;
 *   <li>{@code smoothgrad-50-*}: forward and backward to the input of 50 noisy copies, 16 per pass.
 * </ul>
 *
 * The scaling suite runs Score-CAM on shapesnet at each of its four conv blocks (16, 32, 64 and
 * 128 channels): the number of forward passes is the channel count, the cost of each the same.
 */
final class MethodWorkloads {
  static final int RISE_MASKS = 4000;
  private static final int RISE_BATCH = 32;
  private static final String RESNET_LAYER = "layer4";
  /** shapesnet's ReLU outputs and their channel counts. */
  private static final String[] SHAPESNET_LAYERS = {
    "features.2", "features.6", "features.10", "features.14"};
  private static final int[] SHAPESNET_CHANNELS = {16, 32, 64, 128};

  private MethodWorkloads() {}

  static List<Workload> list() {
    List<Workload> all = new ArrayList<>();
    String resnetInput = BenchModels.shape(1, 224);
    String shapesInput = BenchModels.shape(1, 64);
    String shapesLayer = Models.defaultTargetLayer(BenchModels.SHAPESNET);
    all.add(Workload.of("gradcam-resnet18-224", resnetInput + ", " + RESNET_LAYER, Suite.CORE,
        () -> explain(Methods.create("gradcam"), resnet18(RESNET_LAYER))));
    all.add(Workload.of("scorecam-shapesnet", shapesInput + ", " + shapesLayer, Suite.CORE,
        () -> explain(Methods.create("scorecam"), shapesnet(shapesLayer))));
    all.add(Workload.of("scorecam-resnet18-224", resnetInput + ", " + RESNET_LAYER, Suite.CORE,
        () -> explain(Methods.create("scorecam"), resnet18(RESNET_LAYER))));
    all.add(Workload.of("rise-" + RISE_MASKS + "-shapesnet", shapesInput, Suite.CORE,
        () -> explain(new Rise(RISE_MASKS, Rise.DEFAULT_GRID, Rise.DEFAULT_KEEP, RISE_BATCH),
            shapesnet(null))));
    all.add(Workload.of("smoothgrad-" + SmoothGrad.DEFAULT_SAMPLES + "-shapesnet", shapesInput,
        Suite.CORE, () -> explain(Methods.create("smoothgrad"), shapesnet(null))));
    all.add(Workload.of("smoothgrad-" + SmoothGrad.DEFAULT_SAMPLES + "-resnet18-224",
        resnetInput, Suite.CORE, () -> explain(Methods.create("smoothgrad"), resnet18(null))));
    for (int i = 0; i < SHAPESNET_LAYERS.length; i++) {
      String layer = SHAPESNET_LAYERS[i];
      all.add(Workload.of("scorecam-shapesnet-c" + SHAPESNET_CHANNELS[i],
          shapesInput + ", " + layer, Suite.SCALING,
          () -> explain(Methods.create("scorecam"), shapesnet(layer))));
    }
    return all;
  }

  /** A request on ResNet-18 and one 224 x 224 image at {@code layer} (null: none given). */
  private static ExplainRequest resnet18(String layer) {
    return ExplainRequest.of(BenchModels.resnet18(), BenchModels.images(1, 224)).withLayer(layer);
  }

  /** A request on the trained shapesnet and a Shapes image at {@code layer}. */
  private static ExplainRequest shapesnet(String layer) {
    return ExplainRequest.of(BenchModels.shapesnet(), BenchModels.shapesImage()).withLayer(layer);
  }

  private static Prepared explain(SaliencyMethod method, ExplainRequest request) {
    return Prepared.withoutFlops(() -> method.explain(request));
  }
}
