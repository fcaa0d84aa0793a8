package dev.ofastudio.engine.io.pth;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.AtomicFiles;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes PyTorch checkpoints in torch.save's zip layout (PyTorch ≥ 1.6), loadable by
 * {@code torch.load} and by {@link PthReader}: {@code archive/data.pkl} (a protocol-2 pickle),
 * {@code archive/byteorder}, one stored, 64-byte aligned {@code archive/data/<n>} entry per tensor
 * and {@code archive/version}. The file is written atomically.
 */
public final class PthWriter {
    /** torch.save aligns storages so that they can be memory-mapped. */
    private static final int ALIGNMENT = 64;
    private static final String ARCHIVE = "archive/";
    /** A fixed entry time keeps the output byte-for-byte reproducible. */
    private static final long ENTRY_TIME = 946_684_800_000L; // 2000-01-01

    private PthWriter() {
    }

    /**
     * Writes {@code stateDict} as {@code module.state_dict()} would be saved: an OrderedDict of
     * tensors in map order, so {@code model.load_state_dict(torch.load(file))} takes it.
     */
    public static void writeStateDict(Path file, Map<String, Tensor> stateDict) throws OfaException {
        write(file, new StateDict(null, stateDict));
    }

    /**
     * Writes any object tree the pickler supports: e.g. {@code {"state_dict": tensors,
     * "net_config": jsonNode}} for a checkpoint that carries its architecture.
     */
    public static void write(Path file, Object root) throws OfaException {
        Pickler pickler = new Pickler();
        byte[] pickle = pickler.pickle(root);
        List<Tensor> storages = pickler.storages();
        AtomicFiles.write(file, os -> {
            CountingStream counter = new CountingStream(os);
            ZipOutputStream zip = new ZipOutputStream(counter);
            stored(zip, counter, ARCHIVE + "data.pkl", ByteBuffer.wrap(pickle));
            stored(zip, counter, ARCHIVE + "byteorder", ascii("little"));
            for (int i = 0; i < storages.size(); i++) {
                stored(zip, counter, ARCHIVE + "data/" + i, storages.get(i).data());
            }
            stored(zip, counter, ARCHIVE + "version", ascii("3\n"));
            zip.finish(); // not close(): AtomicFiles still syncs and closes the stream
        });
    }

    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** An uncompressed entry whose data starts at a multiple of {@link #ALIGNMENT}. */
    private static void stored(ZipOutputStream zip, CountingStream counter, String name, ByteBuffer data)
            throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(data.duplicate());
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.remaining());
        e.setCompressedSize(data.remaining());
        e.setCrc(crc.getValue());
        e.setTime(ENTRY_TIME);
        // Local header: 30 bytes, the name, then the extra field, which pads the data into place.
        long headerEnd = counter.count + 30 + nameBytes.length + 4;
        int pad = (int) ((ALIGNMENT - headerEnd % ALIGNMENT) % ALIGNMENT);
        byte[] extra = new byte[4 + pad];
        extra[0] = 'F';
        extra[1] = 'B'; // the padding field id torch.save uses
        extra[2] = (byte) pad;
        extra[3] = (byte) (pad >>> 8);
        e.setExtra(extra);
        zip.putNextEntry(e);
        byte[] chunk = new byte[Math.min(data.remaining(), 1 << 20)];
        ByteBuffer src = data.duplicate();
        while (src.hasRemaining()) {
            int n = Math.min(chunk.length, src.remaining());
            src.get(chunk, 0, n);
            zip.write(chunk, 0, n);
        }
        zip.closeEntry();
    }

    /** Counts the bytes the zip stream has written so far, to place the padding. */
    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
