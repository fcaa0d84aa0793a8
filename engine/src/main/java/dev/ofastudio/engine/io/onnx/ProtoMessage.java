package dev.ofastudio.engine.io.onnx;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One protobuf message written field by field with protobuf-java's {@link CodedOutputStream}: the
 * wire format is protobuf's, the field numbers are the caller's (ONNX's from {@code onnx.proto}).
 * Repeated scalars are written unpacked, as proto2 (ONNX's syntax) defines them.
 */
public final class ProtoMessage {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(buffer);

    public ProtoMessage string(int field, String value) {
        return write(() -> out.writeString(field, value));
    }

    public ProtoMessage int64(int field, long value) {
        return write(() -> out.writeInt64(field, value));
    }

    public ProtoMessage int32(int field, int value) {
        return write(() -> out.writeInt32(field, value));
    }

    public ProtoMessage float32(int field, float value) {
        return write(() -> out.writeFloat(field, value));
    }

    public ProtoMessage bytes(int field, byte[] value) {
        return write(() -> out.writeByteArray(field, value));
    }

    /** An embedded message (length-delimited, like bytes). */
    public ProtoMessage message(int field, ProtoMessage value) {
        return bytes(field, value.toByteArray());
    }

    public byte[] toByteArray() {
        return write(out::flush).buffer.toByteArray();
    }

    private interface Write {
        void run() throws IOException;
    }

    private ProtoMessage write(Write w) {
        try {
            w.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return this;
    }
}
