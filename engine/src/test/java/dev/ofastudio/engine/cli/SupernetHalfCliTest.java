package dev.ofastudio.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.mbv3.Mbv3Space;
import dev.ofastudio.engine.supernet.CheckpointFile;
import dev.ofastudio.engine.supernet.OfaSupernet;
import dev.ofastudio.engine.supernet.SupernetFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ofa supernet half}: writes a float16 copy, never replaces a file without --force. */
class SupernetHalfCliTest {
    @TempDir
    Path tmp;

    private int run(StringWriter err, String... args) {
        return OfaCli.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    @Test
    void writesAHalfCopyAndRefusesToReplaceAFileItDidNotWrite() throws Exception {
        Mbv3Space space = SearchSpace.mobileNetV3(1.0).withNumClasses(3).withInputChannels(1);
        Path in = tmp.resolve("super.ofa");
        try (NDManager m = NDManager.newBaseManager()) {
            OfaSupernet net = new OfaSupernet(space);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, 32, 32));
            SupernetFiles.save(net, in);
        }
        Path out = tmp.resolve("half.ofa");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "supernet", "half", "--in", in.toString(), "--out", out.toString()), err.toString());
        assertEquals("float16", CheckpointFile.read(out).header().path("precision").asText());

        Path foreign = tmp.resolve("notes.txt");
        Files.writeString(foreign, "mine");
        err = new StringWriter();
        assertEquals(OfaCli.EXIT_INPUT, run(err, "supernet", "half", "--in", in.toString(), "--out", foreign.toString()));
        assertEquals("mine", Files.readString(foreign));
        assertTrue(err.toString().contains("--force"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());

        err = new StringWriter();
        assertEquals(OfaCli.EXIT_INPUT, run(err, "supernet", "half", "--in", tmp.resolve("none.ofa").toString(),
                "--out", tmp.resolve("x.ofa").toString()));
        assertTrue(err.toString().contains("none.ofa"), err.toString());
    }
}
