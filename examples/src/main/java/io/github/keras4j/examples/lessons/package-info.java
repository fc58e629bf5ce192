/**
 * The lessons, each a small class reading like the Keras code it mirrors: the Keras MNIST tutorial
 * ({@link io.github.keras4j.examples.lessons.KerasMnist}), Hung-yi Lee's "Keras: Hello World" comparisons
 * ({@link io.github.keras4j.examples.lessons.HelloWorld}), Nielsen's {@code network.py}
 * ({@link io.github.keras4j.examples.lessons.NielsenNetwork}), the from-scratch softmax network
 * ({@link io.github.keras4j.examples.lessons.SoftmaxNetwork}), the CS231n linear-classifier demo
 * ({@link io.github.keras4j.examples.lessons.LinearClassifier}) and fitting 1-D functions
 * ({@link io.github.keras4j.examples.lessons.FittingFunctions}).
 */
package io.github.keras4j.examples.lessons;
