package io.gradlight.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Node;
import io.gradlight.autograd.Variable;
import io.gradlight.autograd.check.GradCheck;
import io.gradlight.autograd.check.GradCheckResult;
import io.gradlight.autograd.check.GradGradCheck;
import io.gradlight.tensor.Tensor;
import java.io.File;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every op class in {@code io.gradlight.autograd.ops} has a registry case ({@link OpCases}) whose
 * graph contains it, and every case passes gradcheck and gradgradcheck in F64: so no op is
 * once-differentiable.
 */
class OpRegistryTest {

  @Test
  void everyOpClassHasACaseWhoseGraphContainsIt() throws Exception {
    Set<String> ops = opClassesInPackage();
    assertTrue(ops.size() >= 40, "found only " + ops);
    Set<String> covered = new TreeSet<>();
    for (OpCase c : OpCases.all()) {
      Set<String> inGraph = classesInGraph(c.f().apply(leaves(c.inputs())));
      assertTrue(inGraph.contains(c.op().getName()),
          c + ": the graph holds " + inGraph + " but not " + c.op().getSimpleName());
      covered.add(c.op().getName());
    }
    Set<String> missing = new TreeSet<>(ops);
    missing.removeAll(covered);
    assertEquals(Set.of(), missing, "op classes without gradcheck and gradgradcheck cases");
  }

  @TestFactory
  Stream<DynamicTest> gradcheck() {
    return OpCases.all().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
      GradCheckResult r = GradCheck.check(c.f(), c.inputs());
      assertTrue(r.passed(), c + ": " + r.report());
    }));
  }

  @TestFactory
  Stream<DynamicTest> gradgradcheck() {
    return OpCases.all().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
      GradCheckResult r = GradGradCheck.check(c.f(), c.inputs());
      assertTrue(r.passed(), c + ": " + r.report());
    }));
  }

  @Test
  void theScanFindsTheOpsAndNothingElse() throws Exception {
    Set<String> ops = opClassesInPackage();
    assertTrue(ops.contains(Conv2dBackwardWeight.class.getName()));
    assertFalse(ops.contains(Conv2dSpec.class.getName()));
    assertFalse(ops.contains(ErrorFunction.class.getName()));
  }

  /** The concrete Function subclasses compiled into the ops package directory. */
  static Set<String> opClassesInPackage() throws ClassNotFoundException, URISyntaxException {
    URL url = Relu.class.getResource("Relu.class");
    File dir = new File(url.toURI()).getParentFile();
    Set<String> ops = new TreeSet<>();
    for (String file : dir.list()) {
      if (file.endsWith(".class") && !file.contains("$")) {
        Class<?> c = Class.forName(
            Relu.class.getPackageName() + "." + file.substring(0, file.length() - 6));
        if (Function.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())) {
          ops.add(c.getName());
        }
      }
    }
    return ops;
  }

  private static Variable[] leaves(Tensor[] inputs) {
    Variable[] v = new Variable[inputs.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = Variable.leaf(inputs[i]);
    }
    return v;
  }

  private static Set<String> classesInGraph(Variable y) {
    Set<String> names = new TreeSet<>();
    Set<Node> seen = new HashSet<>();
    Deque<Node> todo = new ArrayDeque<>();
    if (y.gradFn() != null) {
      todo.push(y.gradFn());
    }
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (seen.add(n)) {
        names.add(n.getClass().getName());
        List<Node> next = n.next();
        next.forEach(todo::push);
      }
    }
    return names;
  }
}
