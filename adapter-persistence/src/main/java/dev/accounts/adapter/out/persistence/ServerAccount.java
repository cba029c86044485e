package dev.accounts.adapter.out.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The operating-system account the PostgreSQL programs run under. PostgreSQL refuses to run as root, so when
 * this JVM is root (containers, CI) they run as {@code nobody} through {@code setpriv}, and the directories
 * they use are handed to that account; otherwise they run as this JVM's own user and nothing changes hands.
 */
final class ServerAccount {

    static final int NOBODY = 65534;
    private static final List<String> AS_NOBODY =
            List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups");

    private final boolean switchesFromRoot;

    private ServerAccount(boolean switchesFromRoot) {
        this.switchesFromRoot = switchesFromRoot;
    }

    static ServerAccount forThisProcess() throws IOException {
        return new ServerAccount(uidOfThisProcess() == 0);
    }

    /** The user id this JVM runs as (Linux, as the PostgreSQL binaries are). */
    static int uidOfThisProcess() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    /** The command line that runs {@code command} under this account. */
    List<String> commandLine(List<String> command) {
        if (!switchesFromRoot) {
            return command;
        }
        List<String> line = new ArrayList<>(AS_NOBODY);
        line.addAll(command);
        return line;
    }

    /** Makes this account the owner of a file or directory this JVM created. */
    void handOver(Path path) throws IOException {
        if (switchesFromRoot) {
            Files.setAttribute(path, "unix:uid", NOBODY);
            Files.setAttribute(path, "unix:gid", NOBODY);
        }
    }

    /**
     * Fails with an explanation when this account cannot reach {@code path}, i.e. some directory on the way
     * is not searchable by it: PostgreSQL itself would only say "permission denied".
     */
    void requireReachable(Path path, String what) throws IOException {
        if (!switchesFromRoot) {
            return;
        }
        for (Path directory = path.toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (!searchableByNobody(directory)) {
                throw new IOException(what + " " + path + " cannot be reached by the user nobody (uid " + NOBODY
                        + "), which runs PostgreSQL because Java runs as root: " + directory
                        + " is not searchable by other users (chmod o+x it, or choose a directory below one that is)");
            }
        }
    }

    private static boolean searchableByNobody(Path directory) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
        if ((Integer) Files.getAttribute(directory, "unix:uid") == NOBODY) {
            return permissions.contains(PosixFilePermission.OWNER_EXECUTE);
        }
        if ((Integer) Files.getAttribute(directory, "unix:gid") == NOBODY) {
            return permissions.contains(PosixFilePermission.GROUP_EXECUTE);
        }
        return permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
    }
}
