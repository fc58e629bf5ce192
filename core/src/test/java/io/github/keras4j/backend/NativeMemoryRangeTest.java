package io.github.keras4j.backend;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Element ranges read and written a chunk at a time, on whole arrays and on row-range views. */
class NativeMemoryRangeTest {
    @Test
    void writesARangeAndLeavesTheRestAlone() {
        INDArray a = Nd4j.arange(0, 10).castTo(DataType.FLOAT);
        NativeMemory.writeFloats(new float[] {-1, -2, -3, 99}, a, 4, 3);
        assertArrayEquals(new float[] {0, 1, 2, 3, -1, -2, -3, 7, 8, 9}, a.data().asFloat());
    }

    @Test
    void readsAndWritesRangesOfARowView() {
        INDArray base = Nd4j.arange(0, 12).castTo(DataType.FLOAT).reshape('c', 4, 3);
        INDArray rows = NativeMemory.rows(base, 1, 3); // values 3..8
        float[] buffer = new float[4];
        NativeMemory.readFloats(rows, 2, buffer, 3);
        assertArrayEquals(new float[] {5, 6, 7, 0}, buffer);
        NativeMemory.writeFloats(new float[] {50, 60}, rows, 2, 2);
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 50, 60, 7, 8, 9, 10, 11}, base.data().asFloat());
    }

    @Test
    void rejectsRangesOutsideTheArrayOrTheBufferAndOtherTypes() {
        INDArray a = Nd4j.create(DataType.FLOAT, 5);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> NativeMemory.writeFloats(new float[3], a, 3, 3));
        assertEquals("elements [3, 6) of 5 from a buffer of 3", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> NativeMemory.writeFloats(new float[2], a, 0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> NativeMemory.writeFloats(new float[2], a, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> NativeMemory.writeFloats(new float[2], Nd4j.create(DataType.DOUBLE, 5), 0, 2));
    }
}
