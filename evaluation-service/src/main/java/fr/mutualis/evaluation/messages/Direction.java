package fr.mutualis.evaluation.messages;

/** Whether the indicator improves by going up (online procedures) or down (processing time). */
public enum Direction {
    UP,
    DOWN
}
