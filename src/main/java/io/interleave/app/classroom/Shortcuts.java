package io.interleave.app.classroom;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;

/**
 * Every keyboard shortcut, for the F1 sheet. Menu shortcuts are read from
 * the menus' accelerators, so the sheet cannot drift from what works; the
 * keys handled outside the menus (playback, the focused timeline, dialogs)
 * are listed here beside the code that handles them.
 */
public final class Shortcuts {
    /** One line of the sheet: where it applies, the keys, what they do. */
    public record Entry(String group, String keys, String action) {
    }

    private Shortcuts() {
    }

    /** The menu accelerators, grouped by menu, followed by the other keys. */
    public static List<Entry> all(MenuBar menuBar) {
        List<Entry> entries = new ArrayList<>(fromMenus(menuBar));
        entries.addAll(otherKeys());
        return entries;
    }

    /** One entry per menu item with an accelerator, in menu order; group "Menu ▸ …". */
    public static List<Entry> fromMenus(MenuBar menuBar) {
        List<Entry> entries = new ArrayList<>();
        for (Menu menu : menuBar.getMenus()) {
            collect(menu, plain(menu.getText()), entries);
        }
        return entries;
    }

    private static void collect(Menu menu, String path, List<Entry> out) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, path + " ▸ " + plain(sub.getText()), out);
            } else if (item.getAccelerator() != null && item.getText() != null) {
                out.add(new Entry(path, item.getAccelerator().getDisplayText(), plain(item.getText())));
            }
        }
    }

    /** The keys no menu item carries: playback (PlaybackKeys), the focused timeline (TimelineView), moving around. */
    public static List<Entry> otherKeys() {
        return List.of(
                new Entry("Playback", "Space", "Play or pause (except while typing)"),
                new Entry("Playback", "→ / ←", "Step to the next / previous event"),
                new Entry("Playback", "Home", "Restart"),
                new Entry("Timeline (focused)", "+ / −", "Zoom in / out"),
                new Entry("Timeline (focused)", "0", "Fit the whole run"),
                new Entry("Timeline (focused)", "↑ ↓ Page Up Page Down", "Scroll the rows"),
                new Entry("Window", "Tab / Shift+Tab", "Move focus to the next / previous control"),
                new Entry("Window", "F10 or Alt", "Open the menus (then the arrow keys)"),
                new Entry("Dialogs", "Esc", "Close the dialog or sweep window"));
    }

    /** "Play / pause  (Space)" → "Play / pause"; "_Quit" → "Quit". */
    static String plain(String text) {
        String t = text.replace("_", "");
        int hint = t.indexOf("  (");
        return (hint > 0 ? t.substring(0, hint) : t).replace("…", "").strip();
    }
}
