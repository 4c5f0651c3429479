package fr.mutualis.console;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The console's French messages as its pages read them, for tests of what they say without a Spring context. */
public final class TestMessages {

    public static ResourceBundleMessageSource french() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "messages-budget", "messages-evaluation", "messages-admin");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private TestMessages() {
    }
}
