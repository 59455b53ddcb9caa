package io.moselle.cin7.testing;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Compiles code the way a host's build would see the SDK when its jars are modules: the SDK's
 * modules (and the Jackson modules they require) on the module path, everything else on the
 * class path of the test that calls it. Code outside the SDK then sees only the packages the
 * SDK's module descriptors export: a use of anything else fails to compile with "is not visible".
 */
public final class ApiBoundary {
    private static final List<String> SDK_MODULES = List.of("io.moselle.cin7.client", "io.moselle.mapping", "io.moselle.sync");

    private ApiBoundary() {}

    /** What javac said, and whether it compiled. */
    public record Result(boolean compiled, String diagnostics) {}

    /** Compiles every {@code .java} file under {@code sources} (into a temporary folder, deleted after). */
    public static Result compile(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            return compile(files.filter(p -> p.toString().endsWith(".java")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles {@code files}. */
    public static Result compile(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("nothing to compile");
        }
        List<String> modulePath = new ArrayList<>();
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            (isSdkOrJacksonModule(Path.of(entry)) ? modulePath : classPath).add(entry);
        }
        if (modulePath.stream().noneMatch(e -> moduleName(Path.of(e)).filter(SDK_MODULES::contains).isPresent())) {
            throw new IllegalStateException("no SDK module on the class path " + System.getProperty("java.class.path"));
        }
        Path out = null;
        try {
            out = Files.createTempDirectory("api-boundary");
            List<String> args = new ArrayList<>(List.of("-proc:none", "-d", out.toString(),
                    "--module-path", String.join(File.pathSeparator, modulePath),
                    "--add-modules", String.join(",", SDK_MODULES),
                    "-cp", String.join(File.pathSeparator, classPath)));
            files.forEach(f -> args.add(f.toString()));
            StringWriter diagnostics = new StringWriter();
            PrintWriter writer = new PrintWriter(diagnostics);
            int status = ToolProvider.findFirst("javac").orElseThrow().run(writer, writer, args.toArray(String[]::new));
            writer.flush();
            return new Result(status == 0, diagnostics.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(out);
        }
    }

    private static boolean isSdkOrJacksonModule(Path entry) {
        return moduleName(entry).filter(n -> SDK_MODULES.contains(n) || n.startsWith("com.fasterxml.jackson.")).isPresent();
    }

    /** The name in the entry's own module descriptor; empty for plain jars, automatic modules and test folders. */
    private static Optional<String> moduleName(Path entry) {
        try {
            return ModuleFinder.of(entry).findAll().stream().map(ModuleReference::descriptor)
                    .filter(d -> !d.isAutomatic()).map(d -> d.name()).findFirst();
        } catch (FindException e) {
            return Optional.empty();
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
