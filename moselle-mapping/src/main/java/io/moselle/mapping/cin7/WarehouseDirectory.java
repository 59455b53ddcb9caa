package io.moselle.mapping.cin7;

import io.moselle.cin7.client.model.Branch;
import io.moselle.mapping.Warehouse;
import io.moselle.mapping.internal.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How Cin7 branches map to Moselle warehouses for one tenant, built from the branch list and
 * the settings. Immutable and thread-safe.
 *
 * <p>A branch's key is its setting's {@code key}, else its id as text; several branches may share
 * a key (their stock is summed). A branch is enabled per its setting, else when Cin7 says it is
 * active. A warehouse is enabled when any of its branches is; its name is the first
 * {@code name} set for its key (by branch id), else the {@code company} of its lowest-id branch.
 * A branch missing from the branch list keeps the default key (its id, or the key its setting
 * gives), counts as enabled unless its setting disables it, and has no {@link Warehouse}.
 */
public final class WarehouseDirectory {
    private final Map<Long, Branch> branches;
    private final Cin7Settings settings;
    private final List<Warehouse> warehouses;

    private WarehouseDirectory(Map<Long, Branch> branches, Cin7Settings settings) {
        this.branches = branches;
        this.settings = settings;
        this.warehouses = buildWarehouses();
    }

    /** The directory for {@code branches} (the whole branch list) under {@code settings}. */
    public static WarehouseDirectory of(Iterable<Branch> branches, Cin7Settings settings) {
        Map<Long, Branch> byId = new TreeMap<>();
        for (Branch b : branches) {
            byId.putIfAbsent(b.id(), b);
        }
        return new WarehouseDirectory(Collections.unmodifiableMap(byId), settings);
    }

    /** The warehouse key of a branch. */
    public String keyOf(long branchId) {
        BranchSetting s = settings.branches().get(branchId);
        return s != null && s.key() != null ? s.key() : Long.toString(branchId);
    }

    /** Whether a branch contributes to Moselle. */
    public boolean isEnabled(long branchId) {
        BranchSetting s = settings.branches().get(branchId);
        if (s != null && s.enabled() != null) {
            return s.enabled();
        }
        Branch b = branches.get(branchId);
        return b == null || !Boolean.FALSE.equals(b.isActive());
    }

    /** Whether the branch is in the branch list. */
    public boolean isKnown(long branchId) {
        return branches.containsKey(branchId);
    }

    /** One warehouse per distinct key of the listed branches, ordered by key. */
    public List<Warehouse> warehouses() {
        return warehouses;
    }

    private List<Warehouse> buildWarehouses() {
        Map<String, List<Branch>> byKey = new LinkedHashMap<>();
        for (Branch b : branches.values()) {
            byKey.computeIfAbsent(keyOf(b.id()), k -> new ArrayList<>()).add(b);
        }
        List<Warehouse> result = new ArrayList<>();
        new TreeMap<>(byKey).forEach((key, members) -> {
            String name = null;
            for (Branch b : members) {
                BranchSetting s = settings.branches().get(b.id());
                if (s != null && s.name() != null) {
                    name = s.name();
                    break;
                }
            }
            if (name == null) {
                name = Text.clean(members.get(0).company());
            }
            result.add(Warehouse.builder()
                    .key(key)
                    .name(name)
                    .branchIds(members.stream().map(Branch::id).toList())
                    .enabled(members.stream().anyMatch(b -> isEnabled(b.id())))
                    .build());
        });
        return List.copyOf(result);
    }
}
