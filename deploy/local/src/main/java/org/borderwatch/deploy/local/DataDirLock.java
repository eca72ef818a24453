package org.borderwatch.deploy.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** An OS file lock on the data directory, so two launchers never share one broker or store file. */
final class DataDirLock implements AutoCloseable {

    /** Another launcher holds the data directory. */
    static final class InUseException extends RuntimeException {
        InUseException(Path dataDir) {
            super("The data directory " + dataDir + " is in use by another launcher. Stop it first, or choose "
                    + "another directory with --data.");
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(DataLayout layout) {
        try {
            Files.createDirectories(layout.runDir());
            FileChannel channel = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new InUseException(layout.root());
            }
            return new DataDirLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + layout.lockFile(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the lock ends with the process anyway
        }
    }
}
