package org.vireo.app.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * For records whose equals and hashCode are written out (see HostSnapshot): they must say what the generated ones
 * would, component by component, also once a component is added.
 */
public final class RecordEquality {
    private RecordEquality() {
    }

    /**
     * {@code sample} (every reference component non-null) equals a copy of itself, with the same hash, and differs
     * from each copy with one component changed.
     */
    public static void assertFollowsComponents(Record sample) {
        RecordComponent[] parts = sample.getClass().getRecordComponents();
        Object[] values = Arrays.stream(parts).map(part -> value(sample, part)).toArray();
        Record copy = construct(sample, parts, values.clone());
        assertEquals(sample, copy, "a copy");
        assertEquals(copy, sample, "a copy, the other way");
        assertEquals(sample.hashCode(), copy.hashCode(), "a copy's hash");
        assertFalse(sample.equals(null), "null");
        assertFalse(sample.equals(sample.toString()), "another type");
        for (int i = 0; i < parts.length; i++) {
            Object[] changed = values.clone();
            changed[i] = other(parts[i], values[i]);
            Record differs = construct(sample, parts, changed);
            assertNotEquals(sample, differs, "with another " + parts[i].getName());
            assertNotEquals(differs, sample, "with another " + parts[i].getName() + ", the other way");
        }
    }

    private static Object other(RecordComponent part, Object value) {
        Class<?> type = part.getType();
        if (type == boolean.class) {
            return !(Boolean) value;
        } else if (type == int.class) {
            return (Integer) value + 1;
        } else if (type == long.class) {
            return (Long) value + 1;
        } else if (type == String.class) {
            return value + "'";
        } else if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[(Arrays.asList(constants).indexOf(value) + 1) % constants.length];
        } else if (type == List.class) {
            assertFalse(((List<?>) value).isEmpty(), part.getName() + ": give the sample a non-empty list");
            return List.of();
        }
        assertNotNull(value, part.getName() + ": give the sample a non-null value");
        return null;
    }

    private static Object value(Record record, RecordComponent part) {
        try {
            part.getAccessor().setAccessible(true);
            return part.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(part.getName(), e);
        }
    }

    private static Record construct(Record sample, RecordComponent[] parts, Object[] values) {
        try {
            Constructor<?> canonical = sample.getClass().getDeclaredConstructor(
                    Arrays.stream(parts).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return (Record) canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(sample.getClass().getSimpleName(), e);
        }
    }
}
