package io.github.keras4j.datasets;

/** Loads Fashion-MNIST's two splits and prints how it went: the child process of {@link DeclaredSizesTest}. */
public final class LoadFashionMnist {
    private LoadFashionMnist() {
    }

    public static void main(String[] args) {
        try {
            FashionMnist.loadData();
            System.out.println("loaded");
        } catch (RuntimeException | OutOfMemoryError e) {
            System.out.println(e);
        }
    }
}
