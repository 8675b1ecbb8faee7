package ai.runloop.model.support;

/**
 * An enum-like wire value that stays open: a value this SDK does not know yet is kept, not rejected,
 * and written back unchanged.
 */
public interface OpenEnum {
    /** @return the value exactly as it appears on the wire */
    String value();

    /** @return whether the value is one of the constants this SDK version knows */
    boolean isKnown();
}
