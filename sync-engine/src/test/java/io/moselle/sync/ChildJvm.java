package io.moselle.sync;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The command line of a child JVM running a test class's {@code main}, with this JVM's classes. */
final class ChildJvm {
    private ChildJvm() {}

    /**
     * {@code java -cp ... main args}: the child gets the test's module path and class path on its
     * class path, since it needs the test classes patched into the module beside the module's own.
     */
    static List<String> command(Class<?> main, String... args) {
        String classPath = String.join(File.pathSeparator, Stream.of("jdk.module.path", "java.class.path")
                .map(System::getProperty).filter(p -> p != null && !p.isEmpty()).toList());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classPath, main.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
