package io.github.keras4j.backend;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NativeMemoryGatherTest {
    @Test
    void gathersRowsInTheGivenOrder() {
        INDArray src = Nd4j.arange(0, 5 * 2 * 3).castTo(DataType.FLOAT).reshape('c', 5, 2, 3);
        INDArray dst = Nd4j.create(DataType.FLOAT, new long[] {3, 2, 3}, 'c');
        int[] order = {9, 4, 0, 2, 9};
        NativeMemory.gatherRows(src, order, 1, 3, dst);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(src.get(NDArrayIndex.point(order[1 + i])).dup().data().asFloat(),
                    dst.get(NDArrayIndex.point(i)).dup().data().asFloat(), "row " + i);
        }
    }

    @Test
    void gathersFromARowRangeViewAndInDoublePrecision() {
        INDArray base = Nd4j.arange(0, 6 * 4).castTo(DataType.DOUBLE).reshape('c', 6, 4);
        INDArray view = base.get(NDArrayIndex.interval(2, 6), NDArrayIndex.all());
        INDArray dst = Nd4j.create(DataType.DOUBLE, new long[] {2, 4}, 'c');
        NativeMemory.gatherRows(view, new int[] {3, 0}, 0, 2, dst);
        assertArrayEquals(new double[] {20, 21, 22, 23, 8, 9, 10, 11}, dst.data().asDouble());
    }

    @Test
    void rejectsRowsOutsideTheSourceAndMismatchedBuffers() {
        INDArray src = Nd4j.create(DataType.FLOAT, 4, 3);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> NativeMemory.gatherRows(src, new int[] {4}, 0, 1, Nd4j.create(DataType.FLOAT, 1, 3)));
        assertEquals("gatherRows: row 4 outside [0, 4)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NativeMemory.gatherRows(src, new int[] {0}, 0, 1, Nd4j.create(DataType.FLOAT, 1, 2)));
        assertThrows(IllegalArgumentException.class, () -> NativeMemory.gatherRows(src, new int[] {0}, 0, 1, Nd4j.create(DataType.DOUBLE, 1, 3)));
    }

    @Test
    void rowRangeViewsThatNd4jFlagsOddlyAreStagedInPlace() {
        INDArray matrix = Nd4j.arange(0, 50 * 4).castTo(DataType.FLOAT).reshape('c', 50, 4);
        INDArray lastRow = matrix.get(NDArrayIndex.interval(49, 50), NDArrayIndex.all()); // (1, 4): odd unit-axis stride
        INDArray vector = Nd4j.arange(0, 100).castTo(DataType.FLOAT).get(NDArrayIndex.interval(80, 100)); // flagged 'f'
        INDArray column = Nd4j.arange(0, 50).castTo(DataType.FLOAT).reshape('c', 50, 1).get(NDArrayIndex.interval(10, 20), NDArrayIndex.all());
        for (INDArray view : new INDArray[] {lastRow, vector, column}) {
            org.junit.jupiter.api.Assertions.assertTrue(NativeMemory.isStageable(view), java.util.Arrays.toString(view.stride()));
            org.junit.jupiter.api.Assertions.assertSame(view, NativeMemory.contiguous(view));
        }
        assertArrayEquals(new double[] {196, 197, 198, 199}, NativeMemory.read(lastRow));
        assertEquals(80, NativeMemory.read(vector)[0]);
        assertEquals(19, NativeMemory.read(column)[9]);
        org.junit.jupiter.api.Assertions.assertFalse(NativeMemory.isStageable(matrix.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2))),
                "a column range has gaps");
        org.junit.jupiter.api.Assertions.assertFalse(NativeMemory.isStageable(matrix.dup('f')));
    }
}
