package io.moselle.examples.cli;

import io.moselle.cin7.client.Cin7Client;
import io.moselle.cin7.client.Credentials;
import io.moselle.cin7.client.RateLimits;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.mapping.cin7.Cin7SettingsJson;
import io.moselle.mapping.cin7.SettingsException;
import io.moselle.sync.SyncStream;
import io.moselle.sync.Tenant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the commands that talk to a Cin7 account read from the command line and the environment:
 * the tenant (credentials and settings), the client's settings and the rate limits, each checked
 * before any call.
 */
record Connection(Tenant tenant, Consumer<Cin7Client.Options> client, RateLimits rateLimits) {

    /** @throws Options.UsageException or {@link SettingsException} naming what is wrong */
    static Connection of(Options options, Map<String, String> env) throws IOException {
        String username = options.has("username") ? options.get("username") : env.get("CIN7_USERNAME");
        String apiKey = options.has("api-key") ? options.get("api-key") : env.get("CIN7_API_KEY");
        if (username == null || username.isBlank()) {
            throw new Options.UsageException("the API username is missing: --username or CIN7_USERNAME");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new Options.UsageException("the API key is missing: --api-key or CIN7_API_KEY");
        }
        Cin7Settings settings = options.has("settings") ? settings(Path.of(options.get("settings"))) : Cin7Settings.defaults();
        Tenant tenant = Tenant.of(options.has("tenant") ? options.get("tenant") : "cli", Credentials.of(username, apiKey), settings,
                EnumSet.allOf(SyncStream.class));
        return new Connection(tenant, client(options), options.rateLimits());
    }

    private static Cin7Settings settings(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new Options.UsageException("settings file " + file + " is a folder, not a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] json = in.readAllBytes();
            if (new String(json, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
                throw new Options.UsageException("settings file " + file + " is empty: write {} for the defaults");
            }
            return Cin7SettingsJson.read(new java.io.ByteArrayInputStream(json));
        } catch (NoSuchFileException e) {
            throw new Options.UsageException("settings file " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new Options.UsageException("cannot read settings file " + file + ": permission denied");
        } catch (SettingsException e) {
            throw new SettingsException(e.key(), e.getMessage().substring(("settings: " + e.key() + " ").length()) + " (in " + file + ")");
        }
    }

    /** The client settings from the command line; throws at once for a bad URL. */
    private static Consumer<Cin7Client.Options> client(Options options) {
        String baseUrl = options.has("base-url") ? options.get("base-url") : Cin7Client.DEFAULT_BASE_URI.toString();
        Consumer<Cin7Client.Options> config = b -> b.baseUri(baseUrl);
        Cin7Client.Builder probe = Cin7Client.builder();
        config.accept(probe);
        probe.credentials(Credentials.of("check", "only")).build();
        return config;
    }
}
