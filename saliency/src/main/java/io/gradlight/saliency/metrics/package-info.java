/**
 * Metrics that tell a faithful, well-localised saliency map from a pretty one, each computed as
 * its paper or reference code does (the class javadoc names the source and every convention):
 *
 * <table>
 *   <caption>The metrics, the map they read, and which way is better</caption>
 *   <tr><th>metric</th><th>class</th><th>reads</th><th>better</th></tr>
 *   <tr><td>deletion AUC (RISE)</td><td>{@link io.gradlight.saliency.metrics.CausalMetric}</td>
 *       <td>display map (ranking)</td><td>lower</td></tr>
 *   <tr><td>insertion AUC (RISE)</td><td>{@link io.gradlight.saliency.metrics.CausalMetric}</td>
 *       <td>display map (ranking)</td><td>higher</td></tr>
 *   <tr><td>average drop (Grad-CAM++)</td>
 *       <td>{@link io.gradlight.saliency.metrics.ConfidenceChange}</td>
 *       <td>display map (as a soft mask)</td><td>lower</td></tr>
 *   <tr><td>increase in confidence (Grad-CAM++)</td>
 *       <td>{@link io.gradlight.saliency.metrics.ConfidenceChange}</td>
 *       <td>display map (as a soft mask)</td><td>higher</td></tr>
 *   <tr><td>pointing game, 15 px (Zhang et al., TorchRay)</td>
 *       <td>{@link io.gradlight.saliency.metrics.PointingGame}</td>
 *       <td>display map (its maximum)</td><td>higher</td></tr>
 *   <tr><td>energy pointing (Score-CAM), bounding box</td>
 *       <td>{@link io.gradlight.saliency.metrics.EnergyPointingGame}</td>
 *       <td>display map</td><td>higher</td></tr>
 *   <tr><td>relevance mass (Arras et al.), object mask</td>
 *       <td>{@link io.gradlight.saliency.metrics.RelevanceMass}</td>
 *       <td>raw map, positive part</td><td>higher</td></tr>
 * </table>
 *
 * <p>Every faithfulness metric scores the softmax probability of the explained class ({@code
 * ClassProbabilities}) in batched forward passes without a graph.
 * {@link io.gradlight.saliency.metrics.CentreBaseline} is the map every method must beat; {@link
 * io.gradlight.saliency.metrics.Evaluation} runs a method and every metric over an {@link
 * io.gradlight.saliency.metrics.EvaluationSet} (generated Shapes images, or a user's folders read
 * by {@link io.gradlight.saliency.metrics.ImageMaskFolders}).
 */
package io.gradlight.saliency.metrics;
