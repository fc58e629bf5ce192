package io.github.keras4j.examples.data;

import io.github.keras4j.datasets.Mnist;
import io.github.keras4j.datasets.TestData;
import io.github.keras4j.datasets.TrainTestData;
import io.github.keras4j.utils.TrainTestSplit;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What docs/datasets.md states: its snippet gives exactly the lessons' mnist-10k split, and Utils.trainTestSplit
 * with the same sizes gives another split.
 */
class DatasetsGuideTest {
    /** The snippet of docs/datasets.md, as a user writes it. */
    static TrainTestData lessonsSplit() {
        TestData test = Mnist.loadTestData();                                   // the 10,000 MNIST test images
        List<Integer> order = new ArrayList<>(IntStream.range(0, 10_000).boxed().toList());
        Collections.shuffle(order, new Random(42));                             // java.util.Random(42)
        int[] train = order.subList(0, 8_000).stream().mapToInt(Integer::intValue).toArray();
        int[] held = order.subList(8_000, 10_000).stream().mapToInt(Integer::intValue).toArray();
        INDArray x = test.xTest().castTo(DataType.FLOAT).reshape(10_000, 28 * 28);
        INDArray y = test.yTest().castTo(DataType.FLOAT).reshape(10_000, 1);
        return new TrainTestData(Nd4j.pullRows(x, 1, train).reshape(8_000, 28, 28), Nd4j.pullRows(y, 1, train).reshape(8_000),
                Nd4j.pullRows(x, 1, held).reshape(2_000, 28, 28), Nd4j.pullRows(y, 1, held).reshape(2_000));
    }

    @Test
    void theGuidesSnippetGivesTheLessonsSplitExactly() {
        TrainTestData mine = lessonsSplit();
        TrainTestData lessons = ExampleData.mnist10k();
        assertArrayEquals(lessons.xTrain().data().asFloat(), mine.xTrain().dup('c').data().asFloat(), 0f);
        assertArrayEquals(lessons.yTrain().data().asFloat(), mine.yTrain().dup('c').data().asFloat(), 0f);
        assertArrayEquals(lessons.xTest().data().asFloat(), mine.xTest().dup('c').data().asFloat(), 0f);
        assertArrayEquals(lessons.yTest().data().asFloat(), mine.yTest().dup('c').data().asFloat(), 0f);
    }

    @Test
    void trainTestSplitWithTheSameSizesIsAnotherSplit() {
        TestData test = Mnist.loadTestData();
        TrainTestSplit split = Utils.trainTestSplit(test.xTest().castTo(DataType.FLOAT), test.yTest().castTo(DataType.FLOAT), 0.2, 42);
        assertEquals(8_000, split.xTrain().size(0));
        assertEquals(2_000, split.xTest().size(0));
        assertFalse(java.util.Arrays.equals(ExampleData.mnist10k().yTest().data().asFloat(), split.yTest().dup('c').data().asFloat()),
                "different samples in the test part");
    }
}
