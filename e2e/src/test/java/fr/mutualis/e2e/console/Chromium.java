package fr.mutualis.e2e.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright. No browser can be downloaded here: Playwright's download is skipped and
 * the installed executable is used ({@code MUTUALIS_CHROMIUM}, default Debian's {@code chromium-headless-shell}). A
 * missing browser fails the tests with the command that installs it; it never skips them.
 *
 * <p>The headless shell is what Playwright itself runs for headless tests: Chromium's engine (Blink, V8, the same
 * DOM, forms and accessibility tree axe-core reads) without the browser's interface, for about a third of the CPU
 * per test on two cores (docs/benchmarks.md). Its native controls carry no locale texts: a date field shows
 * dd/mm/yyyy (in the French order), a file field "Choose File". {@code MUTUALIS_CHROMIUM=/usr/bin/chromium} runs the
 * whole browser, with its French locale (package chromium-l10n) required: jj/mm/aaaa, "Choisir un fichier".
 */
final class Chromium implements AutoCloseable {

    static final Path DEFAULT_EXECUTABLE = Path.of("/usr/bin/chromium-headless-shell");
    static final Path WHOLE_BROWSER = Path.of("/usr/bin/chromium");
    /** Debian's French locale of Chromium (package chromium-l10n): without it the browser's own texts are English. */
    static final Path FRENCH_LOCALE = Path.of("/usr/lib/chromium/locales/fr.pak");

    /**
     * One browser per test thread for the whole run: launching Playwright's driver and Chromium took about 1.4 s for
     * each of the eight browser classes. Per thread because Playwright's objects belong to the thread that made them
     * (the e2e classes may run side by side, each on a thread of JUnit's). The classes isolate themselves with their
     * own browser contexts ({@code ConsolePages}); the browsers end with the JVM.
     */
    private static final ThreadLocal<Chromium> SHARED = ThreadLocal.withInitial(() -> {
        Chromium chromium = launch();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(chromium::close));
        return chromium;
    });

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** This thread's browser, launched at its first use. */
    static Chromium shared() {
        return SHARED.get();
    }

    static Chromium launch() {
        String configured = System.getenv("MUTUALIS_CHROMIUM");
        Path executable = configured == null || configured.isBlank() ? DEFAULT_EXECUTABLE : Path.of(configured);
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("No Chromium at " + executable + ": the console's browser tests need it."
                    + " Install it with `apt-get update && apt-get install -y chromium-headless-shell` (what .ci/run"
                    + " does), or set MUTUALIS_CHROMIUM to its path.");
        }
        if (executable.equals(WHOLE_BROWSER) && !Files.isRegularFile(FRENCH_LOCALE)) {
            throw new IllegalStateException("No French locale for Chromium (" + FRENCH_LOCALE + "): a date field would"
                    + " show mm/dd/yyyy. Install it with `apt-get install -y chromium-l10n` (with chromium).");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        // The browser's own locale, not only the page's (the context's locale): it is what a date field's format
        // (jj/mm/aaaa) follows. Chromium on Linux reads it from the environment and --lang.
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setEnv(Map.of("LANG", "fr_FR.UTF-8", "LANGUAGE", "fr"))
                .setArgs(List.of("--lang=fr-FR", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
        return new Chromium(playwright, browser);
    }

    Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
