package org.borderwatch.deploy.local.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB-wire store inside the launcher's JVM: mongo-java-server with its H2 backend, one file on disk, so data
 * survives a restart. Supports what the services use (CRUD, unique indexes, aggregation) but not transactions or
 * TTL indexes.
 */
public final class MongoStore implements AutoCloseable {

    public static final String FILE_NAME = "borderwatch.mv.db";

    private final H2Backend backend;
    private final MongoServer server;
    private final String host;
    private final int port;
    private boolean closed;

    private MongoStore(H2Backend backend, MongoServer server, String host, int port) {
        this.backend = backend;
        this.server = server;
        this.host = host;
        this.port = port;
    }

    /** Opens (or creates) {@code dir/borderwatch.mv.db} and listens on {@code host:port}. */
    public static MongoStore start(Path dir, String host, int port) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        H2Backend backend = new H2Backend(dir.resolve(FILE_NAME).toAbsolutePath().toString());
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        return new MongoStore(backend, server, host, port);
    }

    /** The connection string for {@code database}, e.g. {@code mongodb://localhost:27017/borderwatch}. */
    public String uri(String database) {
        return "mongodb://" + host + ":" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** Closes client connections and writes everything to the file. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        backend.close();
    }
}
