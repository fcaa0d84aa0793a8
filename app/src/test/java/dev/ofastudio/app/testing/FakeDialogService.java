package dev.ofastudio.app.testing;

import dev.ofastudio.app.service.DialogService;
import dev.ofastudio.app.service.FileDialogSpec;
import dev.ofastudio.app.service.SaveChoice;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A dialog service for tests: answers file dialogs from a queue and records errors and questions. */
public final class FakeDialogService implements DialogService {
    /** One error dialog as it would have been shown. */
    public record ShownError(String title, String summary, List<String> problems) {
    }

    private final Deque<Path> answers = new ArrayDeque<>();
    public final List<ShownError> errors = new ArrayList<>();
    public final List<FileDialogSpec> asked = new ArrayList<>();
    public final List<String> questions = new ArrayList<>();
    /** Texts shown with {@link #showText}, as "title: text". */
    public final List<String> texts = new ArrayList<>();
    public boolean confirmAnswer = true;
    /** Questions asked with {@link #askToSave}, in order. */
    public final List<String> saveQuestions = new ArrayList<>();
    /** The answer to every {@link #askToSave}; Cancel, like a dismissed dialog, unless a test says otherwise. */
    public SaveChoice saveAnswer = SaveChoice.CANCEL;

    /** The next file dialog returns {@code p}. */
    public FakeDialogService answer(Path p) {
        answers.add(p);
        return this;
    }

    private Optional<Path> next(FileDialogSpec spec) {
        asked.add(spec);
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public Optional<Path> showOpenDialog(FileDialogSpec spec) {
        return next(spec);
    }

    @Override
    public Optional<Path> showSaveDialog(FileDialogSpec spec) {
        return next(spec);
    }

    @Override
    public Optional<Path> showDirectoryDialog(FileDialogSpec spec) {
        return next(spec);
    }

    @Override
    public void showErrors(String title, String summary, List<String> problems) {
        errors.add(new ShownError(title, summary, List.copyOf(problems)));
    }

    @Override
    public void showText(String title, String text) {
        texts.add(title + ": " + text);
    }

    @Override
    public boolean confirm(String title, String question) {
        questions.add(question);
        return confirmAnswer;
    }

    @Override
    public SaveChoice askToSave(String title, String question) {
        saveQuestions.add(question);
        return saveAnswer;
    }
}
