package fr.mutualis.console.web;

import java.util.List;
import java.util.Map;

/** Reading the API's JSON lists and pages ({@code {items, page, size, total}}) as rows for templates. */
final class Lists {

    static List<Map<String, Object>> items(Map<String, Object> page) {
        return of(page.get("items"));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> of(Object list) {
        return list instanceof List<?> rows ? (List<Map<String, Object>>) rows : List.of();
    }

    private Lists() {
    }
}
