package dev.accounts.adapter.out.persistence;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** Directory trees: built atomically, copied, deleted. Symbolic links are copied or removed, never followed. */
final class Directories {

    private Directories() {
    }

    /** Fills a directory given to it; may leave anything behind when it fails. */
    @FunctionalInterface
    interface Builder {
        void build(Path directory) throws IOException, InterruptedException;
    }

    /**
     * Makes {@code target} by building it in a staging directory beside it, then renaming that into place, so
     * nobody ever sees a half-built {@code target}. When another process got there first, its copy is kept.
     * The staging directory starts private to this process's user ({@code rwx------}).
     */
    static Path createAtomically(Path target, Builder builder) throws IOException, InterruptedException {
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".staging-");
        try {
            builder.build(staging);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(target)) {
                throw e;
            }
            // Another process renamed its copy into place first: use that one.
        } finally {
            deleteRecursively(staging);
        }
        return target;
    }

    /** Copies the contents of {@code source} into the existing directory {@code target}, owners and modes included. */
    static void copyContents(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                if (!directory.equals(source)) {
                    Files.copy(directory, target.resolve(source.relativize(directory)), StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, target.resolve(source.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
