package io.gradlight.autograd.ops;

import static io.gradlight.autograd.TestTensors.distinct;
import static io.gradlight.autograd.TestTensors.positive;

import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Convolution;
import io.gradlight.tensor.Pooling;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.kernels.ConvGeometry;
import java.util.List;

/**
 * The registry of op test cases: small odd-sized F64 inputs, away from kinks and ties, for every
 * op class, backward ops included (applied directly as functions of their own inputs).
 */
final class OpCases {
  private OpCases() {}

  static final Conv2dSpec CONV_ODD =
      new Conv2dSpec(new int[] {2, 1}, new int[] {1, 2}, new int[] {2, 1});
  static final Pool2dSpec POOL_ODD =
      new Pool2dSpec(new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 1});

  static List<OpCase> all() {
    Tensor mask = Tensor.of(new double[] {1, 0, 1, 0, 0, 1}, 2, 3);
    Shape convX = Shape.of(2, 2, 7, 6);
    Shape convW = Shape.of(3, 2, 3, 2);
    ConvGeometry g = Convolution.geometry(
        convX, convW, CONV_ODD.stride(), CONV_ODD.padding(), CONV_ODD.dilation());
    Shape convY = Shape.of(2, 3, g.outH(), g.outW());
    Shape poolX = Shape.of(1, 2, 7, 5);
    Tensor poolInput = distinct(40, poolX.dims());
    Pooling.MaxPoolResult pooled =
        Pooling.maxPool2d(poolInput, POOL_ODD.kernel(), POOL_ODD.stride(), POOL_ODD.padding());
    int[] argmax = pooled.argmax();
    Shape poolY = pooled.values().shape();
    return List.of(
        // elementwise, broadcasting
        new OpCase(Add.class, "broadcast [2,3]+[3]",
            x -> x[0].add(x[1]), distinct(1, 2, 3), distinct(2, 3)),
        new OpCase(Sub.class, "broadcast [2,1,3]-[4,1]",
            x -> x[0].sub(x[1]), distinct(3, 2, 1, 3), distinct(4, 4, 1)),
        new OpCase(Mul.class, "broadcast [3]*[2,3]",
            x -> x[0].mul(x[1]), distinct(5, 3), distinct(6, 2, 3)),
        new OpCase(Mul.class, "square", x -> x[0].square(), distinct(7, 2, 3)),
        new OpCase(Mul.class, "per channel [2,3,2,5]*[1,3,1,1]",
            x -> x[0].mul(x[1]), distinct(78, 2, 3, 2, 5), distinct(79, 1, 3, 1, 1)),
        new OpCase(ChannelAffine.class, "[2,3,2,5]*[3]+[3]",
            x -> ChannelAffine.apply(x[0], x[1], x[2]), distinct(80, 2, 3, 2, 5),
            distinct(81, 3), distinct(82, 3)),
        new OpCase(ChannelDot.class, "[2,3,2,5].[2,3,2,5]",
            x -> ChannelDot.apply(x[0], x[1]), distinct(83, 2, 3, 2, 5), distinct(84, 2, 3, 2, 5)),
        new OpCase(ChannelMoments.class, "[2,3,2,5]",
            x -> ChannelMoments.apply(x[0]), distinct(85, 2, 3, 2, 5)),
        new OpCase(ChannelMoments.class, "[4,3]", x -> ChannelMoments.apply(x[0]),
            distinct(86, 4, 3)),
        new OpCase(Div.class, "broadcast [2,3]/[3]",
            x -> x[0].div(x[1]), distinct(8, 2, 3), positive(9, 3)),
        new OpCase(Pow.class, "tensor exponent",
            x -> x[0].pow(x[1]), positive(10, 2, 3), distinct(11, 2, 3)),
        new OpCase(Pow.class, "scalar exponent 2.5", x -> x[0].pow(2.5), positive(12, 4)),
        new OpCase(Maximum.class, "no ties",
            x -> x[0].maximum(x[1]), distinct(13, 2, 3), distinct(14, 0.9, 3)),
        new OpCase(Maximum.class, "minimum",
            x -> x[0].minimum(x[1]), distinct(15, 2, 3), distinct(16, 0.9, 2, 3)),
        new OpCase(Where.class, "mask broadcast",
            x -> Variable.where(mask, x[0], x[1]), distinct(17, 2, 3), distinct(18, 3)),
        new OpCase(Neg.class, "", x -> x[0].neg(), distinct(19, 5)),
        new OpCase(Exp.class, "", x -> x[0].exp(), distinct(20, 2, 3)),
        new OpCase(Log.class, "", x -> x[0].log(), positive(21, 2, 3)),
        new OpCase(Sqrt.class, "", x -> x[0].sqrt(), positive(22, 2, 3)),
        new OpCase(Abs.class, "", x -> x[0].abs(), distinct(23, 2, 3)),
        new OpCase(Tanh.class, "", x -> x[0].tanh(), distinct(24, 2.0, 2, 3)),
        new OpCase(Sigmoid.class, "", x -> x[0].sigmoid(), distinct(25, 3.0, 2, 3)),
        new OpCase(Erf.class, "", x -> x[0].erf(), distinct(26, 2.0, 2, 3)),
        // activations
        new OpCase(Relu.class, "", x -> x[0].relu(), distinct(27, 2, 3)),
        new OpCase(ReluBackward.class, "direct",
            x -> ReluBackward.apply(x[0], x[1]), distinct(28, 2, 3), distinct(29, 2, 3)),
        new OpCase(LeakyRelu.class, "slope 0.1", x -> x[0].leakyRelu(0.1), distinct(30, 2, 3)),
        new OpCase(Softplus.class, "beta 1", x -> x[0].softplus(), distinct(31, 3.0, 2, 3)),
        new OpCase(Softplus.class, "beta 2", x -> x[0].softplus(2.0), distinct(32, 3.0, 2, 3)),
        new OpCase(Silu.class, "", x -> x[0].silu(), distinct(33, 3.0, 2, 3)),
        new OpCase(Gelu.class, "", x -> x[0].gelu(), distinct(34, 3.0, 2, 3)),
        // shape
        new OpCase(Reshape.class, "", x -> x[0].reshape(3, -1), distinct(35, 2, 3, 2)),
        new OpCase(Permute.class, "[2,0,1]", x -> x[0].permute(2, 0, 1), distinct(36, 2, 3, 4)),
        new OpCase(Permute.class, "transpose", x -> x[0].transpose(0, -1), distinct(37, 2, 3, 4)),
        new OpCase(Slice.class, "axis 1", x -> x[0].slice(1, 1, 4), distinct(38, 3, 5)),
        new OpCase(Pad.class, "two axes",
            x -> x[0].pad(new int[] {1, 0}, new int[] {0, 2}, 0.5), distinct(39, 2, 3)),
        new OpCase(Concat.class, "axis 1",
            x -> Variable.concat(1, x[0], x[1]), distinct(41, 2, 2), distinct(42, 2, 3)),
        new OpCase(BroadcastTo.class, "",
            x -> x[0].broadcastTo(Shape.of(2, 3, 4)), distinct(43, 3, 1)),
        new OpCase(SumTo.class, "", x -> x[0].sumTo(Shape.of(3, 1)), distinct(44, 2, 3, 4)),
        // reductions
        new OpCase(Sum.class, "axes 0,2",
            x -> x[0].sum(new int[] {0, 2}, false), distinct(45, 2, 3, 4)),
        new OpCase(Sum.class, "mean", x -> x[0].mean(new int[] {1}, true), distinct(46, 2, 3, 4)),
        new OpCase(Max.class, "axis 1 keepDims",
            x -> x[0].max(new int[] {1}, true), distinct(47, 2, 3, 4)),
        new OpCase(Max.class, "min over all",
            x -> x[0].min(new int[] {0, 1}, false), distinct(48, 3, 4)),
        new OpCase(MatMul.class, "2-D",
            x -> x[0].matmul(x[1]), distinct(49, 3, 4), distinct(50, 4, 2)),
        new OpCase(MatMul.class, "batched broadcast",
            x -> x[0].matmul(x[1]), distinct(51, 2, 3, 4), distinct(52, 4, 3)),
        new OpCase(MatMul.class, "transposed flags",
            x -> MatMul.apply(x[0], x[1], true, true), distinct(53, 2, 4, 3),
            distinct(54, 2, 2, 4)),
        new OpCase(MatMul.class, "vector",
            x -> x[0].matmul(x[1]), distinct(55, 4), distinct(56, 4, 3)),
        new OpCase(Softmax.class, "axis 1", x -> x[0].softmax(1), distinct(57, 2.0, 2, 4)),
        new OpCase(LogSoftmax.class, "last axis",
            x -> x[0].logSoftmax(-1), distinct(58, 2.0, 2, 4)),
        // CNN
        new OpCase(Conv2d.class, "strided, padded, dilated, odd sizes, bias",
            x -> Conv2d.apply(x[0], x[1], x[2], CONV_ODD),
            distinct(60, convX.dims()), distinct(61, convW.dims()), distinct(62, 3)),
        new OpCase(Conv2d.class, "defaults",
            x -> x[0].conv2d(x[1], null, new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1}),
            distinct(63, 1, 2, 4, 5), distinct(64, 2, 2, 2, 3)),
        new OpCase(Conv2dBackwardInput.class, "direct",
            x -> Conv2dBackwardInput.apply(x[0], x[1], convX, CONV_ODD),
            distinct(65, convY.dims()), distinct(66, convW.dims())),
        new OpCase(Conv2dBackwardWeight.class, "direct",
            x -> Conv2dBackwardWeight.apply(x[0], x[1], convW, CONV_ODD),
            distinct(67, convX.dims()), distinct(68, convY.dims())),
        new OpCase(MaxPool2d.class, "odd window, stride, padding",
            x -> MaxPool2d.apply(x[0], POOL_ODD), poolInput),
        new OpCase(MaxPool2dBackward.class, "direct",
            x -> MaxPool2dBackward.apply(x[0], argmax, poolX, POOL_ODD),
            distinct(69, poolY.dims())),
        new OpCase(MaxPool2dGather.class, "direct",
            x -> MaxPool2dGather.apply(x[0], argmax, poolY, POOL_ODD), distinct(70, poolX.dims())),
        new OpCase(AvgPool2d.class, "odd window, stride, padding",
            x -> AvgPool2d.apply(x[0], POOL_ODD), distinct(71, poolX.dims())),
        new OpCase(AvgPool2dBackward.class, "direct",
            x -> AvgPool2dBackward.apply(x[0], poolX, POOL_ODD), distinct(72, poolY.dims())),
        new OpCase(GlobalAvgPool.class, "", x -> x[0].globalAvgPool(), distinct(73, 2, 3, 3, 5)),
        new OpCase(GlobalAvgPoolBackward.class, "direct",
            x -> GlobalAvgPoolBackward.apply(x[0], Shape.of(2, 3, 3, 5)), distinct(74, 2, 3)),
        new OpCase(BilinearResize.class, "up, half-pixel",
            x -> x[0].resizeBilinear(5, 7, false), distinct(75, 1, 2, 3, 4)),
        new OpCase(BilinearResize.class, "down, align corners",
            x -> x[0].resizeBilinear(2, 3, true), distinct(76, 1, 2, 5, 4)),
        new OpCase(BilinearResizeBackward.class, "direct",
            x -> BilinearResizeBackward.apply(x[0], Shape.of(1, 2, 3, 4), false),
            distinct(77, 1, 2, 5, 7)));
  }
}
