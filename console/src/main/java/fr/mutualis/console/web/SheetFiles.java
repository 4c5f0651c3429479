package fr.mutualis.console.web;

import fr.mutualis.console.format.FrenchFormats;
import fr.mutualis.console.platform.PlatformClient;
import fr.mutualis.console.sheet.SheetTable;
import fr.mutualis.console.sheet.SheetWriter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The exports' files as downloads, and the whole of a paged API list that they hold. */
final class SheetFiles {

    /** The API's largest page (kit PageRequest.MAX_SIZE). */
    private static final int PAGE_SIZE = 200;
    /** Bound on one export, far above any collectivité's lists, so that a runaway list cannot exhaust the console. */
    private static final int MAX_PAGES = 100;

    /** {@code table} as {@code <name>-<today>.xlsx} or {@code .csv}; any other format is no such page (404). */
    static ResponseEntity<byte[]> download(String name, String format, SheetTable table) {
        byte[] bytes;
        MediaType type;
        switch (format) {
            case "xlsx" -> {
                bytes = SheetWriter.xlsx(table);
                type = MediaType.parseMediaType(SheetWriter.XLSX_TYPE);
            }
            case "csv" -> {
                bytes = SheetWriter.csv(table);
                type = MediaType.parseMediaType(SheetWriter.CSV_TYPE);
            }
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String fileName = name + "-" + LocalDate.now(FrenchFormats.PARIS) + "." + format;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName).build().toString())
                .body(bytes);
    }

    /** Every item of the paged list at {@code path} with {@code query}: all its pages, not only the one shown. */
    static List<Map<String, Object>> allPages(PlatformClient platform, String path, Map<String, ?> query) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, Object> paged = new HashMap<>(query);
            paged.put("page", page);
            paged.put("size", PAGE_SIZE);
            Map<String, Object> found = platform.get(path, paged);
            List<Map<String, Object>> chunk = Lists.items(found);
            items.addAll(chunk);
            long total = found.get("total") instanceof Number number ? number.longValue() : items.size();
            if (chunk.isEmpty() || items.size() >= total) {
                break;
            }
        }
        return items;
    }

    private SheetFiles() {
    }
}
