/** Weight penalties added to the loss (Keras' {@code keras.regularizers}). */
package io.github.keras4j.regularizers;
