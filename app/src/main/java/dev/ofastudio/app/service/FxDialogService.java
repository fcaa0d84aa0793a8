package dev.ofastudio.app.service;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real dialogs: the only class that creates file choosers; every dialog is owned by the main window. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    /** Where the user last picked a file; dialogs without a folder of their own start there (else at home). */
    private Path lastFolder = Path.of(System.getProperty("user.home"));

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    private FileChooser chooser(FileDialogSpec spec) {
        FileChooser fc = new FileChooser();
        fc.setTitle(spec.title());
        Path start = spec.initialDirectory() != null ? spec.initialDirectory() : lastFolder;
        if (start != null && Files.isDirectory(start)) {
            fc.setInitialDirectory(start.toFile());
        }
        if (spec.initialFileName() != null) {
            fc.setInitialFileName(spec.initialFileName());
        }
        for (FileDialogSpec.Filter f : spec.filters()) {
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.description(), f.globs()));
        }
        return fc;
    }

    @Override
    public Optional<Path> showOpenDialog(FileDialogSpec spec) {
        return remember(Optional.ofNullable(chooser(spec).showOpenDialog(owner.get())).map(File::toPath));
    }

    @Override
    public Optional<Path> showSaveDialog(FileDialogSpec spec) {
        return remember(Optional.ofNullable(chooser(spec).showSaveDialog(owner.get())).map(File::toPath));
    }

    @Override
    public Optional<Path> showDirectoryDialog(FileDialogSpec spec) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(spec.title());
        Path start = spec.initialDirectory() != null ? spec.initialDirectory() : lastFolder;
        if (start != null && Files.isDirectory(start)) {
            dc.setInitialDirectory(start.toFile());
        }
        Optional<Path> dir = Optional.ofNullable(dc.showDialog(owner.get())).map(File::toPath);
        dir.ifPresent(d -> lastFolder = d);
        return dir;
    }

    private Optional<Path> remember(Optional<Path> file) {
        file.map(Path::getParent).ifPresent(d -> lastFolder = d);
        return file;
    }

    @Override
    public void showErrors(String title, String summary, List<String> problems) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setContent(ErrorContent.of(summary, problems));
        // Grows to its wrapped text instead of cutting it.
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.setResizable(true);
        alert.showAndWait();
    }

    @Override
    public void showText(String title, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefSize(720, 420);
        alert.getDialogPane().setContent(area);
        alert.setResizable(true);
        alert.showAndWait();
    }

    @Override
    public boolean confirm(String title, String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.YES, ButtonType.NO);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        return alert.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    @Override
    public SaveChoice askToSave(String title, String question) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType dontSave = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, save, dontSave, ButtonType.CANCEL);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        // Closing the dialog with Esc or its close button keeps the window open.
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        return answer == save ? SaveChoice.SAVE : answer == dontSave ? SaveChoice.DONT_SAVE : SaveChoice.CANCEL;
    }
}
