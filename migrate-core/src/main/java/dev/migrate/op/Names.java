package dev.migrate.op;

import java.util.List;

/** Checks on names given to operations: present and not blank. Quoting is the dialect's job. */
final class Names {

    private Names() {
    }

    static String require(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A " + what + " must not be empty");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("A " + what + " must not contain a NUL character: " + name);
        }
        return name;
    }

    static List<String> requireAll(List<String> names, String what) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("At least one " + what + " is required");
        }
        names.forEach(name -> require(name, what));
        return List.copyOf(names);
    }
}
