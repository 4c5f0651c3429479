package fr.mutualis.kit.api;

import java.util.List;

/** A page of a list, as every list endpoint answers it: {@code {items, page, size, total}}. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
