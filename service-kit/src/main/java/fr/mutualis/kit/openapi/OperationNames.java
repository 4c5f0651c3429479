package fr.mutualis.kit.openapi;

import org.springframework.web.method.HandlerMethod;

import java.util.Locale;

/**
 * Names an operation after its handler, so that generated clients get stable, meaningful method names: a handler
 * named by one verb takes its controller's resource ({@code RoadmapController.draft} is {@code draftRoadmap},
 * {@code list} is {@code listRoadmaps}); a handler named by a verb and its object keeps its name
 * ({@code planMilestone}). The service kit's own controllers, mounted by every service, take the context after the
 * name ({@code startRebuildPortfolio}) so that ids stay unique in the aggregated document.
 */
final class OperationNames {

    private static final String KIT_PACKAGE = "fr.mutualis.kit.";

    private OperationNames() {
    }

    static String operationId(HandlerMethod handler, String context) {
        String name = handler.getMethod().getName();
        if (handler.getBeanType().getName().startsWith(KIT_PACKAGE)) {
            return name + capitalise(context);
        }
        if (!name.chars().allMatch(Character::isLowerCase)) {
            return name;
        }
        String resource = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
        return name.equals("list") ? name + resource + "s" : name + resource;
    }

    /** {@code listRoadmaps} reads "List roadmaps". */
    static String summary(String operationId) {
        String words = operationId.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The controller's resource, e.g. {@code BudgetLine} for {@code BudgetLineController}, as a readable tag. */
    static String tag(HandlerMethod handler) {
        return summary(handler.getBeanType().getSimpleName().replaceFirst("Controller$", ""));
    }

    static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
