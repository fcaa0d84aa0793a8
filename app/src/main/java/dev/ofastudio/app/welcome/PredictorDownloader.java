package dev.ofastudio.app.welcome;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.AtomicFiles;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.ProgressListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLConnection;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * Downloads a file (the official predictor) with progress and cancellation, and writes it
 * atomically, so an interrupted download never leaves a half file. Any URL the JDK opens works,
 * {@code file:} included, which is how tests point it at a local copy.
 */
public final class PredictorDownloader {
    /** Upper bound on what we accept: the official predictor is about 1.5 MB. */
    static final long MAX_BYTES = 64L << 20;

    public Path download(String url, Path target, ProgressListener progress, Cancellation cancel)
            throws OfaException, Cancellation.CancelledException {
        URLConnection conn;
        try {
            conn = URI.create(url).toURL().openConnection();
        } catch (IllegalArgumentException | IOException e) {
            throw new OfaException("predictor URL '" + url + "': expected a valid http(s) or file URL (" + e.getMessage() + ")");
        }
        conn.setConnectTimeout(10_000);
        conn.setReadTimeout(20_000);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (InputStream in = conn.getInputStream()) {
            if (conn instanceof HttpURLConnection h && h.getResponseCode() != 200) {
                throw new OfaException(url + ": the server answered HTTP " + h.getResponseCode() + ", expected 200");
            }
            long total = Math.max(conn.getContentLengthLong(), 0);
            byte[] chunk = new byte[64 << 10];
            long done = 0;
            int n;
            while ((n = in.read(chunk)) > 0) {
                cancel.throwIfCancelled();
                buf.write(chunk, 0, n);
                done += n;
                if (done > MAX_BYTES) {
                    throw new OfaException(url + ": more than " + (MAX_BYTES >> 20) + " MB, expected a predictor of about 1.5 MB");
                }
                progress.progress(done, total == 0 ? done : total, "downloading predictor");
            }
        } catch (UnknownHostException | ConnectException | NoRouteToHostException | SocketTimeoutException e) {
            throw new OfaException("Cannot reach " + URI.create(url).getHost() + ": you seem to be offline. "
                    + "Download the predictor on a connected machine and use Open predictor…");
        } catch (IOException e) {
            throw new OfaException(url + ": download failed (" + e.getMessage() + ")", e);
        }
        if (buf.size() == 0) {
            throw new OfaException(url + ": the download is empty, expected the predictor file");
        }
        AtomicFiles.writeBytes(target, buf.toByteArray());
        return target;
    }
}
