package io.interleave.app.files;

import io.interleave.app.classroom.ClassroomViewModel;
import io.interleave.app.classroom.Panels;

/**
 * What the file side of the window needs from it: the document, the export,
 * the classroom settings and folded panels it remembers, and a way to show a
 * brief notice. The window's view model provides it, so this package never
 * reaches up into the window.
 */
public interface FilesSource {
    DocumentViewModel document();

    ExportViewModel export();

    /** Projector mode and theme, remembered between sessions. */
    ClassroomViewModel classroom();

    /** Which panels are folded, remembered between sessions. */
    Panels panels();

    /** Shows a brief message that needs no answer. */
    void showNotice(String text);
}
