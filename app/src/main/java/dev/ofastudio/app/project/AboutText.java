package dev.ofastudio.app.project;

import dev.ofastudio.engine.project.Project;
import java.util.List;

/** The About and licences text: the studio, each built-in project's notice, and the libraries it ships. */
public final class AboutText {
    private AboutText() {
    }

    public static String of(String version, List<Project> projects) {
        StringBuilder sb = new StringBuilder();
        sb.append("OFA Studio ").append(version == null ? "(development build)" : version).append('\n')
                .append("A design studio for Once-for-All neural architecture search on FPGA DPUs.\n\n")
                .append("Built-in projects\n");
        for (Project p : projects) {
            sb.append("- ").append(p.name()).append(": ")
                    .append(p.notice().isEmpty() ? "no third-party files." : p.notice()).append('\n');
        }
        sb.append("""

                Once-for-All (github.com/mit-han-lab/once-for-all): MIT License, Copyright (c) 2021 Han Cai.
                Every algorithm follows that implementation; no OFA code is included.

                Libraries
                - OpenJFX: GPL v2 with the Classpath Exception
                - ControlsFX: BSD 3-Clause
                - Deep Java Library (DJL): Apache License 2.0
                - PyTorch (native library used by DJL): BSD 3-Clause
                - Jackson, SnakeYAML, picocli: Apache License 2.0
                - SLF4J: MIT License
                """);
        return sb.toString();
    }
}
