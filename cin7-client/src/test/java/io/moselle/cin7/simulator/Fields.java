package io.moselle.cin7.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The field names of a simulated resource, looked up without regard to case. */
final class Fields {
    private final Map<String, String> byLowerCase = new LinkedHashMap<>();

    Fields(List<String> names) {
        names.forEach(n -> byLowerCase.put(n.toLowerCase(Locale.ROOT), n));
    }

    Optional<String> resolve(String name) {
        return Optional.ofNullable(byLowerCase.get(name.toLowerCase(Locale.ROOT)));
    }
}
