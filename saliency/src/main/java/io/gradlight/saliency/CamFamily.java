package io.gradlight.saliency;

import java.util.List;
import java.util.function.Supplier;

/** The registered methods of the CAM family: methods that weight a layer's activation maps. */
final class CamFamily {
  private CamFamily() {}

  /** The finished methods, in the order the CLI lists them. */
  static final List<Supplier<SaliencyMethod>> METHODS = List.of();
}
