package io.github.keras4j.backend;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * JavaCPP pointers at INDArray memory, without allocating.
 *
 * <p>Why: ND4J's {@code data().addressPointer()} makes a JNI call and two pointer objects (about 160 bytes)
 * each time, and wrapping it for OpenBLAS makes a third. A training step asks for a dozen pointers, so
 * that was most of its garbage, and garbage is what makes the JVM's heap (and the process' resident
 * memory) creep up over a long run. Instead, each thread keeps a few pointer objects whose address is
 * set in place, read from {@code data().address()} (plain Java, no allocation) plus the view's offset.
 */
final class RawPointers {
    private static final ThreadLocal<RawPointers> PER_THREAD = ThreadLocal.withInitial(RawPointers::new);

    final FloatCursor[] floats = {new FloatCursor(), new FloatCursor(), new FloatCursor()};
    final DoubleCursor[] doubles = {new DoubleCursor(), new DoubleCursor(), new DoubleCursor()};
    final ByteCursor[] bytes = {new ByteCursor(), new ByteCursor()};

    private RawPointers() {
    }

    /** This thread's pointers; each slot is reused by the next call that asks for it. */
    static RawPointers get() {
        return PER_THREAD.get();
    }

    /** The address of the first element of {@code a} (the view's own first element for a view). */
    static long addressOf(INDArray a) {
        return a.data().address() + a.offset() * a.dataType().width();
    }

    /** A float pointer whose address is set in place. */
    static final class FloatCursor extends FloatPointer {
        FloatCursor() {
            super((Pointer) null);
        }

        FloatCursor at(INDArray a) {
            address = addressOf(a);
            position = 0;
            return this;
        }
    }

    /** A double pointer whose address is set in place. */
    static final class DoubleCursor extends DoublePointer {
        DoubleCursor() {
            super((Pointer) null);
        }

        DoubleCursor at(INDArray a) {
            address = addressOf(a);
            position = 0;
            return this;
        }
    }

    /** A byte pointer whose address is set in place, for memcpy. */
    static final class ByteCursor extends BytePointer {
        ByteCursor() {
            super((Pointer) null);
        }

        ByteCursor at(INDArray a, long byteOffset) {
            address = addressOf(a) + byteOffset;
            position = 0;
            return this;
        }
    }
}
