package dev.ofastudio.app;

import javafx.application.Application;

/**
 * Entry point of the studio. It must not extend {@link Application}: with JavaFX on the class
 * path, the launcher refuses a main class that does.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String problem = DesktopCheck.problem(System.getProperty("os.name", ""), System.getenv(),
                System.getProperty("glass.platform"));
        if (problem != null) {
            System.err.println(problem);
            System.exit(2);
        }
        Application.launch(StudioApp.class, args);
    }
}
