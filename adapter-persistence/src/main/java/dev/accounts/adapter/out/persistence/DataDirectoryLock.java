package dev.accounts.adapter.out.persistence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Marks a data directory as owned by this process for as long as it serves from it: an OS file lock, which the
 * kernel releases when the process ends, even by {@code kill -9}. So a second start on the same directory can
 * tell a directory in use (refuse: stopping its server would pull the database from under a running service)
 * from a server orphaned by a process that died (stop it, then start afresh).
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String FILE_NAME = "accounts.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IOException when another process, or another server in this one, owns the directory */
    static DataDirectoryLock acquire(Path dataDirectory) throws IOException {
        FileChannel channel = FileChannel.open(dataDirectory.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("the data directory " + dataDirectory
                    + " is in use by another running server (is Accounts already running with this ACCOUNTS_DATA_DIR?)");
        }
        return new DataDirectoryLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // Closing the channel releases the lock in any case; nothing is left to undo.
        }
    }
}
