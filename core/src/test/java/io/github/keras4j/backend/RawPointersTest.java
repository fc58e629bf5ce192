package io.github.keras4j.backend;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RawPointersTest {
    /** Arrays of every kind the engine hands to BLAS or stages: fresh, row-range views, views of views, reshapes. */
    private static List<INDArray> arrays(DataType type) {
        INDArray base = Nd4j.arange(120).castTo(type).reshape(10, 12);
        INDArray rows = base.get(NDArrayIndex.interval(3, 7), NDArrayIndex.all());
        INDArray rowsOfRows = NativeMemory.rows(rows, 1, 3);
        INDArray reshaped = rows.reshape('c', 8, 6);
        INDArray row = base.getRow(9, true);
        INDArray cube = Nd4j.arange(60).castTo(type).reshape(5, 3, 4).get(NDArrayIndex.interval(2, 4), NDArrayIndex.all(), NDArrayIndex.all());
        return List.of(base, rows, rowsOfRows, reshaped, row, cube);
    }

    @Test
    void addressIsTheFirstElementOfTheArrayOrView() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (INDArray a : arrays(type)) {
                assertEquals(a.data().addressPointer().address(), RawPointers.addressOf(a), "address of " + a.shapeInfoToString());
                double[] staged = new double[(int) a.length()];
                NativeMemory.read(a, staged);
                assertEquals(a.getDouble(0), staged[0], 0, "first element through the pointer");
                assertEquals(a.getDouble(a.length() - 1), staged[staged.length - 1], 0, "last element through the pointer");
            }
        }
    }

    @Test
    void rowRangesOfRowRangeViewsAreRight() {
        // ND4J 1.0.0-M2.1's own get(interval) returns an empty array for this case; NativeMemory.rows must not.
        INDArray base = Nd4j.arange(120).castTo(DataType.FLOAT).reshape(10, 12);
        INDArray outer = NativeMemory.rows(base, 3, 7);
        INDArray inner = NativeMemory.rows(outer, 1, 3);
        assertEquals(List.of(2L, 12L), List.of(inner.size(0), inner.size(1)));
        assertEquals(48.0, inner.getDouble(0), 0);
        assertEquals(71.0, inner.getDouble(inner.length() - 1), 0);
        inner.putScalar(0, -1);
        assertEquals(-1.0, base.getDouble(4, 0), 0, "a view, not a copy");
        INDArray cube = Nd4j.arange(240).castTo(DataType.FLOAT).reshape(10, 2, 12);
        assertEquals(96.0, NativeMemory.rows(NativeMemory.rows(cube, 3, 7), 1, 3).getDouble(0), 0);
    }

    @Test
    void pointerObjectsAreReusedNotAllocated() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 4, 5);
        assertTrue(NativeMemory.floatPointer(a, 0) == NativeMemory.floatPointer(a.getRow(1, true), 0), "one object per slot and thread");
        assertEquals(RawPointers.addressOf(a.getRow(1, true)), NativeMemory.floatPointer(a.getRow(1, true), 0).address());
    }
}
