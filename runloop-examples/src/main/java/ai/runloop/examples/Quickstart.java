package ai.runloop.examples;

import ai.runloop.model.blueprints.BlueprintCreateParams;
import ai.runloop.model.devboxes.DevboxCreateParams;
import ai.runloop.model.devboxes.DevboxSnapshotDiskAsyncParams;
import ai.runloop.sdk.Blueprint;
import ai.runloop.sdk.Devbox;
import ai.runloop.sdk.ExecOptions;
import ai.runloop.sdk.ExecutionResult;
import ai.runloop.sdk.RunloopSDK;
import ai.runloop.sdk.Snapshot;
import ai.runloop.sdk.StorageObject;
import java.util.List;

/**
 * The README's quickstart: create a devbox, run a command, stream output, write and read a file,
 * snapshot the disk, build a blueprint, store an object, and clean everything up.
 */
public final class Quickstart {
    private Quickstart() {
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        try (Connection connection = Connection.open()) {
            run(connection.sdk());
        }
    }

    static void run(RunloopSDK sdk) {
        try (Devbox devbox = sdk.devbox().create(DevboxCreateParams.builder().name("quickstart").build())) {
            System.out.println("1. Devbox " + devbox.id() + " is " + devbox.getInfo().status());

            ExecutionResult hello = devbox.cmd().exec("echo Hello from the devbox");
            System.out.println("2. exec: " + hello.stdout().trim() + " (exit " + hello.exitCode() + ")");

            System.out.println("3. streaming output line by line:");
            devbox.cmd().exec("for i in 1 2 3; do echo \"  step $i\"; done",
                    ExecOptions.builder().stdout(System.out::println).build());

            devbox.file().write("notes/hello.txt", "written by the quickstart\n");
            System.out.println("4. file read back: " + devbox.file().read("notes/hello.txt").trim());

            Snapshot snapshot = devbox.snapshotDisk(DevboxSnapshotDiskAsyncParams.builder().name("quickstart-snapshot").build());
            System.out.println("5. snapshot " + snapshot.id() + " is " + snapshot.getInfo().status());
            try (Devbox restored = snapshot.createDevbox()) {
                System.out.println("   devbox " + restored.id() + " from the snapshot reads: "
                        + restored.file().read("notes/hello.txt").trim());
            }
            snapshot.delete();
        }

        Blueprint blueprint = sdk.blueprint().create(BlueprintCreateParams.builder().name("quickstart-blueprint")
                .systemSetupCommands(List.of("echo setting up")).build());
        System.out.println("6. blueprint " + blueprint.id() + " is " + blueprint.getInfo().status());
        blueprint.delete();

        StorageObject object = sdk.storageObject().uploadFromText("quickstart.txt", "stored by the quickstart");
        System.out.println("7. storage object " + object.id() + " holds: " + object.downloadAsText());
        object.delete();

        System.out.println("Done: devboxes shut down, snapshot, blueprint and object deleted.");
    }
}
