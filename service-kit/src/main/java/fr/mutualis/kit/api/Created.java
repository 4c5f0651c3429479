package fr.mutualis.kit.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.Map;

/** The answer to a creation: 201 with {@code Location} and {@code {"id": ...}}. */
public final class Created {

    public static ResponseEntity<Map<String, Object>> at(Object id) {
        var location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(Map.of("id", id));
    }

    public static ResponseEntity<Map<String, Object>> at(String path, Object id) {
        var location = ServletUriComponentsBuilder.fromCurrentContextPath().path(path).path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(Map.of("id", id));
    }

    private Created() {
    }
}
