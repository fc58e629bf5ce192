package io.github.keras4j.examples.experiments;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunConfigTest {
    private final RunConfig base = RunConfig.of("base", "epochs", 10, "optimizer", "adam", "lr", 0.001, "shuffle", true);

    @Test
    void keepsSettingsInOrderAndPrintsThem() {
        assertEquals(List.of("epochs", "optimizer", "lr", "shuffle"), List.copyOf(base.settings().keySet()));
        assertEquals("epochs=10, optimizer=adam, lr=0.001, shuffle=true", base.describe());
        assertEquals("base {epochs=10, optimizer=adam, lr=0.001, shuffle=true}", base.toString());
    }

    @Test
    void withReturnsACopyReplacingInPlaceOrAppending() {
        RunConfig c = base.with("optimizer", "sgd").with("dropout", 0.2);
        assertEquals("epochs=10, optimizer=sgd, lr=0.001, shuffle=true, dropout=0.2", c.describe());
        assertEquals("adam", base.string("optimizer"), "the original is unchanged");
        assertFalse(base.has("dropout"));
    }

    @Test
    void isImmutableEvenWhenBuiltFromAMutableMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", 1);
        RunConfig c = new RunConfig("c", m);
        m.put("epochs", 2);
        assertEquals(1, c.integer("epochs"));
        assertThrows(UnsupportedOperationException.class, () -> c.settings().put("x", 1));
    }

    @Test
    void typedGettersReadTheirTypes() {
        assertEquals(10, base.integer("epochs"));
        assertEquals(0.001, base.number("lr"));
        assertEquals(10.0, base.number("epochs"));
        assertTrue(base.flag("shuffle"));
        assertEquals("adam", base.string("optimizer"));
    }

    @Test
    void aMissingSettingNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> base.number("momentum"));
        assertEquals("RunConfig 'base' has no setting 'momentum'; its settings are epochs, optimizer, lr, shuffle. "
                + "Add 'momentum' to the base configuration.", e.getMessage());
    }

    @Test
    void aSettingOfTheWrongTypeSaysWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> base.integer("lr"));
        assertEquals("RunConfig 'base': setting 'lr' should be a whole number (Integer or Long), got 0.001 (Double). "
                + "Fix its value in the base configuration or the variant.", e.getMessage());
    }

    @Test
    void rejectsValuesThatDoNotPrint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunConfig.of("c", "data", new double[0]));
        assertTrue(e.getMessage().startsWith("RunConfig 'c': setting 'data' should be a String, number, boolean or enum "
                + "constant, got [D@"), e.getMessage());
        assertTrue(e.getMessage().endsWith(" ([D). Store a printable description of it instead, e.g. its Keras identifier."),
                e.getMessage());
        assertEquals("RunConfig 'c': setting 'x' should be a String, number, boolean or enum constant, got null. "
                        + "Store a printable description of it instead, e.g. its Keras identifier.",
                assertThrows(IllegalArgumentException.class, () -> RunConfig.of("c", "x", null)).getMessage());
    }

    @Test
    void rejectsOddKeyValueListsAndBlankNames() {
        assertEquals("RunConfig 'c': expected alternating keys and values (an even count), got 3 arguments; the last key has no value",
                assertThrows(IllegalArgumentException.class, () -> RunConfig.of("c", "a", 1, "b")).getMessage());
        assertEquals("RunConfig 'c': argument 0 should be a setting name (a String), got 1",
                assertThrows(IllegalArgumentException.class, () -> RunConfig.of("c", 1, 2)).getMessage());
        assertEquals("a RunConfig needs a non-blank name, got ' '",
                assertThrows(IllegalArgumentException.class, () -> RunConfig.of(" ")).getMessage());
    }

    @Test
    void aVariantAppliesItsOverridesUnderItsLabel() {
        RunConfig c = Variant.of("sgd", "optimizer", "sgd", "lr", 0.1).applyTo(base);
        assertEquals("sgd {epochs=10, optimizer=sgd, lr=0.1, shuffle=true}", c.toString());
        assertEquals("optimizer=sgd, lr=0.1", Variant.of("sgd", "optimizer", "sgd", "lr", 0.1).describe());
        assertEquals("(base)", Variant.of("adam").describe());
    }

    @Test
    void aVariantMayNotInventSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Variant.of("typo", "optimiser", "sgd").applyTo(base));
        assertEquals("Variant 'typo' overrides 'optimiser', which the base configuration does not have (its settings: "
                + "epochs, optimizer, lr, shuffle). Add 'optimiser' to the base configuration or fix the name.", e.getMessage());
    }

    @Test
    void aComparisonChecksItsVariantsAndReferencesUpFront() {
        assertEquals("Comparison 'X' has two variants labelled 'a'; labels name the rows of the table, make them unique",
                assertThrows(IllegalArgumentException.class,
                        () -> new Comparison("X", base, List.of(Variant.of("a"), Variant.of("a")))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Comparison("X", base, List.of(Variant.of("a", "optimiser", "sgd")))).getMessage()
                .startsWith("Variant 'a' overrides 'optimiser'"));
        assertEquals("Comparison 'X': reference value given for 'b', which is not a variant; variants: a",
                assertThrows(IllegalArgumentException.class,
                        () -> new Comparison("X", base, List.of(Variant.of("a"))).withReference("b", 0.9)).getMessage());
        assertEquals("Comparison 'X' has no variants; give at least one, e.g. Variant.of(\"base\") to run the base configuration alone",
                assertThrows(IllegalArgumentException.class, () -> new Comparison("X", base, List.of())).getMessage());
    }

    @Test
    void aComparisonKeepsReferencesAndMakesAFileName() {
        Comparison c = new Comparison("MSE vs. cross-entropy (3 layers)", base, List.of(Variant.of("mse"), Variant.of("ce")))
                .withReference("ce", 0.919);
        assertEquals(0.919, c.reference("ce"));
        assertEquals(null, c.reference("mse"));
        assertEquals("mse-vs-cross-entropy-3-layers", c.slug());
        assertEquals("comparison", new Comparison("±", base, List.of(Variant.of("a"))).slug());
    }
}
