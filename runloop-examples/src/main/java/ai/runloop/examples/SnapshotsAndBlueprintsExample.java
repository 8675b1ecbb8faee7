package ai.runloop.examples;

import ai.runloop.model.blueprints.BlueprintCreateParams;
import ai.runloop.model.devboxes.DevboxSnapshotDiskAsyncParams;
import ai.runloop.model.devboxes.DiskSnapshotUpdateParams;
import ai.runloop.sdk.Blueprint;
import ai.runloop.sdk.Devbox;
import ai.runloop.sdk.RunloopSDK;
import ai.runloop.sdk.Snapshot;
import java.util.List;
import java.util.Map;

/** Disk snapshots and blueprints, and devboxes made from them. */
public final class SnapshotsAndBlueprintsExample {
    private SnapshotsAndBlueprintsExample() {
    }

    /** @param args ignored */
    public static void main(String[] args) {
        try (Connection c = Connection.open()) {
            run(c.sdk());
        }
    }

    static void run(RunloopSDK sdk) {
        try (Devbox devbox = sdk.devbox().create()) {
            devbox.file().write("state.txt", "saved");
            Snapshot snapshot = devbox.snapshotDisk(DevboxSnapshotDiskAsyncParams.builder().name("saved").build());
            snapshot.update(DiskSnapshotUpdateParams.builder().metadata(Map.of("team", "core")).build());
            try (Devbox copy = sdk.devbox().createFromSnapshot(snapshot.id())) {
                System.out.println(copy.file().read("state.txt"));
            }
            Snapshot inBackground = devbox.snapshotDiskAsync();                  // returns at once
            inBackground.awaitCompleted();
            inBackground.delete();
            snapshot.delete();
        }

        Blueprint blueprint = sdk.blueprint().create(BlueprintCreateParams.builder().name("python-env")
                .systemSetupCommands(List.of("echo installing")).build());        // waits for the build
        System.out.println(blueprint.getInfo().status() + " " + blueprint.logs().logs().size());
        try (Devbox fromBlueprint = sdk.devbox().createFromBlueprintName("python-env")) {
            System.out.println(fromBlueprint.getInfo().blueprintId());
        }
        blueprint.delete();
        System.out.println(sdk.blueprint().preview(ai.runloop.model.blueprints.BlueprintPreviewParams.builder()
                .name("python-env").systemSetupCommands(List.of("echo installing")).build()).dockerfile());
    }
}
