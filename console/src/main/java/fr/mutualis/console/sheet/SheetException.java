package fr.mutualis.console.sheet;

import java.util.List;

/**
 * A file that cannot be imported at all; {@code reason} names the French message {@code sheet.refused.<reason>}
 * shown next to the file field, {@code arguments} its arguments.
 */
public class SheetException extends RuntimeException {

    private final String reason;
    private final List<Object> arguments;

    public SheetException(String reason, Object... arguments) {
        super(reason);
        this.reason = reason;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return "sheet.refused." + reason;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
