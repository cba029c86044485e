package dev.accounts.adapter.in.rest;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/** Passes a request body through and fails as soon as more than {@code maxBytes} have been read. */
final class SizeLimitedInputStream extends ServletInputStream {

    private final ServletInputStream body;
    private final long maxBytes;
    private long bytesRead;

    SizeLimitedInputStream(ServletInputStream body, long maxBytes) {
        this.body = body;
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        int next = body.read();
        if (next != -1) {
            count(1);
        }
        return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = body.read(buffer, offset, length);
        if (read > 0) {
            count(read);
        }
        return read;
    }

    @Override
    public boolean isFinished() {
        return body.isFinished();
    }

    @Override
    public boolean isReady() {
        return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        body.setReadListener(listener);
    }

    @Override
    public void close() throws IOException {
        body.close();
    }

    private void count(int read) throws RequestBodyTooLargeException {
        bytesRead += read;
        if (bytesRead > maxBytes) {
            throw new RequestBodyTooLargeException(maxBytes);
        }
    }
}
