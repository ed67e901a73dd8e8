package io.gradlight.nn;

import io.gradlight.tensor.Shape;

/**
 * One row of {@link Module#layers}: a layer's dotted name, its description (PyTorch's {@code repr},
 * like {@code Conv2d(3, 64, kernel_size=(7, 7), stride=(2, 2), ...)}), the shape of its output for
 * the given input, and the number of parameter elements it holds directly (not counting its
 * children's).
 */
public record LayerInfo(String name, String description, Shape outputShape, long parameters) {}
