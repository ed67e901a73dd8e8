/**
 * The differentiable ops: one final class per op, forward and backward together, the math in its
 * javadoc. Each backward is written with Variable ops only, so every op differentiates to any
 * order; the ops whose backward is a kernel of its own have a backward op class with its own
 * backward. The rules at a glance ({@code gy} the incoming gradient, {@code y} the output):
 *
 * <pre>
 *   Add, Sub          ga = sumTo(gy), gb = +-sumTo(gy)
 *   Mul, Div          ga = sumTo(gy b), gb = sumTo(gy a);  ga = gy / b, gb = -gy a / b^2
 *   Pow               ga = gy b a^(b-1), gb = gy y ln a
 *   Maximum           gy to the larger operand, halves on ties (minimum = -max(-a, -b))
 *   Where             gy where the mask picks the operand, else 0
 *   Exp, Log, Sqrt    gy y;  gy / x;  gy / (2y)
 *   Abs, Neg          gy sign(x);  -gy
 *   Tanh, Sigmoid     gy (1 - y^2);  gy y (1 - y)
 *   Erf, Gelu         gy 2/sqrt(pi) e^(-x^2);  gy (Phi(x) + x phi(x))
 *   Softplus, Silu    gy sigmoid(beta x);  gy s (1 + x (1 - s))
 *   Relu              ReluBackward(gy, y), or the thread's ReluRule
 *   ReluBackward      d gy = ReluBackward(g, mask), d mask = 0
 *   LeakyRelu         gy (x > 0 ? 1 : slope)
 *   Reshape, Permute  reshape back;  inverse permutation
 *   Slice, Pad        Pad(gy);  Slice(gy)            (each other's adjoints)
 *   Concat            the slice of gy where each part sits
 *   BroadcastTo, SumTo  sumTo(gy);  broadcastTo(gy)  (each other's adjoints)
 *   Sum, Max          gy broadcast back;  shared evenly by the maxima
 *   MatMul            ga = gy b^T, gb = a^T gy (with transpose flags; sumTo for batches)
 *   Softmax           y (gy - sum(gy y));  LogSoftmax: gy - e^y sum(gy)
 *   Conv2d            gx = Conv2dBackwardInput(gy, w), gw = Conv2dBackwardWeight(x, gy),
 *                     gb = sum(gy, 0, 2, 3)
 *   Conv2dBackwardInput   d gy = Conv2d(g, w), d w = Conv2dBackwardWeight(g, gy)
 *   Conv2dBackwardWeight  d x = Conv2dBackwardInput(gy, g), d gy = Conv2d(x, g)
 *   MaxPool2d         MaxPool2dBackward(gy)  (scatter by argmax)
 *   MaxPool2dBackward, MaxPool2dGather   each other's adjoints (scatter and gather by argmax)
 *   AvgPool2d, AvgPool2dBackward         each other's adjoints
 *   GlobalAvgPool, GlobalAvgPoolBackward each other's adjoints
 *   BilinearResize, BilinearResizeBackward  each other's adjoints (R and R^T)
 * </pre>
 */
package io.gradlight.autograd.ops;
