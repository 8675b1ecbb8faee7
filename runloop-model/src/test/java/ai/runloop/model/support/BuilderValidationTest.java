package ai.runloop.model.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.model.devboxes.DevboxCreateParams;
import ai.runloop.model.devboxes.DevboxExecuteParams;
import ai.runloop.model.devboxes.DevboxListParams;
import ai.runloop.model.networkpolicies.PortRule;
import ai.runloop.model.shared.Mount;
import ai.runloop.model.shared.ObjectMount;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Builders reject what the API would reject, with a message naming the field and the value. */
class BuilderValidationTest {

    @Test
    void missingRequiredFieldIsNamed() {
        ValidationException e = assertThrows(ValidationException.class, () -> DevboxExecuteParams.builder().build());
        assertEquals("DevboxExecuteParams.command is required", e.getMessage());
    }

    @Test
    void outOfRangeValueIsNamedWithTheValue() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> DevboxListParams.builder().limit(5001).build());
        assertEquals("DevboxListParams.limit must be between 1 and 5000 but was 5001", e.getMessage());
        assertThrows(ValidationException.class, () -> PortRule.builder().port(0).build());
        assertEquals(65535, PortRule.builder().port(65535).build().port());
    }

    @Test
    void exclusiveSourcesAreRejected() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> DevboxCreateParams.builder().blueprintId("bpt_1").snapshotId("snp_1").build());
        assertTrue(e.getMessage().contains("blueprint_id") && e.getMessage().contains("snapshot_id"), e.getMessage());
    }

    @Test
    void variantsFillInAndKeepTheirDiscriminator() {
        ObjectMount mount = ObjectMount.builder().objectId("obj_1").objectPath("/home/user/data").build();
        assertEquals("object_mount", mount.type());
        assertThrows(ValidationException.class, () -> new ObjectMount("obj_1", "/x", "file_mount"));
    }

    @Test
    void requestsOmitUnsetFieldsAndCollectionsAreImmutable() throws Exception {
        DevboxCreateParams params = DevboxCreateParams.builder().name("box")
                .mounts(List.of(ObjectMount.builder().objectId("obj_1").objectPath("/data").build())).build();
        assertThrows(UnsupportedOperationException.class, () -> params.mounts().add(null));
        try (Jsonb jsonb = JsonbBuilder.create()) {
            assertEquals("{\"mounts\":[{\"object_id\":\"obj_1\",\"object_path\":\"/data\",\"type\":\"object_mount\"}],\"name\":\"box\"}",
                    jsonb.toJson(params));
            String newer = "{\"mounts\":[{\"type\":\"volume_mount\",\"size\":3}]}";
            DevboxCreateParams read = jsonb.fromJson(newer, DevboxCreateParams.class);
            Mount unknown = read.mounts().get(0);
            assertTrue(unknown instanceof Mount.Unknown u && u.type().equals("volume_mount"), unknown.toString());
            assertEquals(newer, jsonb.toJson(read), "an unknown variant is written back unchanged");
        }
    }

    @Test
    void toBuilderDerivesAChangedCopy() {
        DevboxListParams first = DevboxListParams.builder().limit(10).build();
        DevboxListParams next = first.toBuilder().startingAfter("dbx_9").build();
        assertEquals(10, next.limit());
        assertEquals("dbx_9", next.startingAfter());
    }
}
