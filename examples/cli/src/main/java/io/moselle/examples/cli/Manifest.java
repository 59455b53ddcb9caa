package io.moselle.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moselle.examples.DurableFiles;
import io.moselle.mapping.MoselleJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code MANIFEST.json}: the tenant and, for every file of one state of an output folder, its size
 * and SHA-256. Written last, so a state without it was never complete; checked before a run uses
 * the state, so a file deleted, cut short, edited or swapped for another folder's is found before
 * any call to Cin7.
 */
final class Manifest {
    static final String FILE = "MANIFEST.json";

    private static final ObjectMapper JSON = MoselleJson.mapper();
    private static final int FORMAT = 1;

    private Manifest() {}

    /** Writes the manifest of {@code files} in {@code directory}. */
    static void write(Path directory, String tenantId, List<String> files) throws IOException {
        ObjectNode manifest = JSON.createObjectNode().put("format", FORMAT).put("tenant", tenantId);
        ObjectNode entries = manifest.putObject("files");
        for (String file : files) {
            Path path = directory.resolve(file);
            entries.putObject(file).put("bytes", Files.size(path)).put("sha256", sha256(path));
        }
        DurableFiles.writeNew(directory.resolve(FILE), out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, manifest));
    }

    /**
     * The tenant of the state in {@code directory}, after checking every file its manifest names.
     *
     * @param shownAs how the user sees {@code directory} (the output folder's path), for messages
     * @throws FolderException naming the first file that is missing or not as written
     */
    static String verify(Path directory, Path shownAs) throws IOException {
        JsonNode manifest = read(directory, shownAs);
        for (Iterator<Map.Entry<String, JsonNode>> it = manifest.get("files").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Path file = directory.resolve(entry.getKey());
            long written = entry.getValue().path("bytes").asLong();
            if (!Files.isRegularFile(file)) {
                throw FolderException.damaged(shownAs.resolve(entry.getKey()), "is missing");
            }
            long bytes = Files.size(file);
            if (bytes != written) {
                throw FolderException.damaged(shownAs.resolve(entry.getKey()), "is " + (bytes < written ? "shorter" : "longer")
                        + " than when it was written");
            }
            if (!sha256(file).equals(entry.getValue().path("sha256").asText())) {
                throw FolderException.damaged(shownAs.resolve(entry.getKey()), "was changed after it was written");
            }
        }
        return manifest.get("tenant").asText();
    }

    /** The tenant of the state in {@code directory}, without checking its files; empty when its manifest cannot be read. */
    static java.util.Optional<String> tenantOf(Path directory, Path shownAs) {
        try {
            return java.util.Optional.of(read(directory, shownAs).get("tenant").asText());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static JsonNode read(Path directory, Path shownAs) throws FolderException {
        JsonNode manifest;
        try {
            manifest = JSON.readTree(directory.resolve(FILE).toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw FolderException.damaged(shownAs.resolve(FILE), "is missing");
        } catch (IOException e) {
            throw FolderException.damaged(shownAs.resolve(FILE), "cannot be read");
        }
        if (manifest == null || manifest.path("format").asInt() != FORMAT || !manifest.path("tenant").isTextual()
                || !manifest.path("files").isObject()) {
            throw FolderException.damaged(shownAs.resolve(FILE), "is not a manifest this version wrote");
        }
        return manifest;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
