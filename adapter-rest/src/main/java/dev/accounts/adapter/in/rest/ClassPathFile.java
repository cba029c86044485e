package dev.accounts.adapter.in.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A file this module ships on the class path, read once at start-up: missing is a packaging bug, so it fails loudly. */
final class ClassPathFile {

    private ClassPathFile() {
    }

    /** @throws IllegalStateException when there is no such resource */
    static byte[] read(String resource) {
        try (InputStream in = ClassPathFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class path resource " + resource, e);
        }
    }
}
